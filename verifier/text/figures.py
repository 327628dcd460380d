"""What kind of figure a claim gives: a human toll, another figure, or none.

Read from the claim's stored facts, for the review queue's check-worthiness. Kept apart from
``facts`` (which loads a stemmer) so that the TUI, which scores claims as verdicts change,
stays quick to start.
"""

from __future__ import annotations

import re

from verifier.models import ClaimFacts

CASUALTY_WORDS = re.compile(
    r"\b(kill\w*|dead|death\w*|died|die|casualt\w*|wound\w*|injur\w*|bodies|body|"
    r"fatalit\w*|massacre\w*|missing|displaced|refugees?|hostages?|detain\w*|arrest\w*)\b",
    re.IGNORECASE,
)
"""Words that make a figure a human toll."""
_ANY_NUMBER = re.compile(
    r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens?|scores?|hundreds?|thousands?|millions?)\b",
    re.IGNORECASE,
)


def figure_kind(facts: ClaimFacts, content: str) -> str:
    """ "casualties" when the claim gives a human toll, "figures" for any other figure, else "".

    Read from the claim's figures (what each counts, the event it goes with); a claim whose
    facts hold no figure still counts one its content states (a year, "one"), so a claim is
    not less worth checking because the figure reader passed over it.
    """
    if facts.quantities:
        words = " ".join(
            part for q in facts.quantities for part in (q.text, q.qualifier, q.counts, q.event)
        )
        return "casualties" if CASUALTY_WORDS.search(words) else "figures"
    if not _ANY_NUMBER.search(content):
        return ""
    return "casualties" if CASUALTY_WORDS.search(content) else "figures"


__all__ = ["CASUALTY_WORDS", "figure_kind"]
