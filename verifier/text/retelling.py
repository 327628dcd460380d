"""Is another sentence the same telling of a statement: a copy, a version, a relay?

Real news repeats facts in many voices: a UN agency and a reporter both say "no casualties",
two outlets write the toll in their own words. Those are corroboration. Misattribution and
drift are about *one* statement travelling: a copy, a version or a relay keeps the words of
the report it came from, so it shares runs of them, not just its vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from verifier.models import Span
from verifier.text.attribution import find_quotes
from verifier.text.lexicon import wordset

_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:[.,]\d+)*")
FILLER = wordset(
    "a an the of in on at to for by with from and or but as is was were are be been has had have "
    "that this it its their his her they he she we i who which said says s"
)
# A telling shares at least this many word pairs with the other.
MIN_SHARED_PAIRS = 3


@lru_cache(maxsize=16_384)  # tracking compares each copy of a story's sentences again
def _pairs(text: str) -> frozenset[tuple[str, str]]:
    """Adjacent word pairs, leaving out those of filler words only and those of two capitalised
    words: a name ("West Coast Bank", "United States") is the event's, not the telling's."""
    words = _TOKEN.findall(text)
    out = set()
    for i, (a, b) in enumerate(zip(words, words[1:], strict=False)):
        pair = (a.lower(), b.lower())
        if (a[0].isupper() and b[0].isupper()) or FILLER.issuperset(pair):
            continue
        if _in_name(words, i) or _in_name(words, i + 1):
            continue  # "Gulf of Aden", "Bank of America": a name's "of" is the name's
        out.add(pair)
    return frozenset(out)


_NAME_GLUE = frozenset({"of", "de", "del", "al", "and"})


def _in_name(words: list[str], i: int) -> bool:
    """Is ``words[i]`` the glue word of a name ("of" or "and" between two capitalised words:
    "Bank of America", "the Fish and Wildlife Service", "Detroit and Carolina")?"""
    return (
        words[i].lower() in _NAME_GLUE
        and 0 < i < len(words) - 1
        and words[i - 1][0].isupper()
        and words[i + 1][0].isupper()
    )


def same_telling(
    text: str, others: Iterable[str], *, shorter: float = 0.4, longer: float = 0.0
) -> bool:
    """Does any of ``others`` tell ``text`` in its words (a copy, a version, a relay)?

    The shared word pairs must be at least ``shorter`` of the shorter telling's and ``longer``
    of the longer's. "A bank employee found the bomb in bushes outside, and it exploded after
    officers took it inside" retells the police's account; "A bomb exploded Friday at a West
    Coast Bank branch, killing a police officer" is an outlet's own telling of the event.
    """
    mine = _pairs(text)
    if not mine:
        return False
    for other in others:
        theirs = _pairs(other)
        shared = len(mine & theirs)
        low, high = sorted((len(mine), len(theirs)))
        if shared >= MIN_SHARED_PAIRS and shared >= shorter * low and shared >= longer * high:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Whose voice a sentence is in: the outlet's own, or a speaker's words it reproduces


_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|us|[Mm]y|me)\b")


def first_person(text: str) -> bool:
    """Does a passage say "we", "our" or "I" outside quotation marks?

    News reports in the third person. A passage speaking in the first person in its own voice
    ("It is a high-quality update ... and we encourage customers to deploy it") is someone's
    statement reproduced at length: a block quotation after "Reavey grabs the mic:", a
    transcript, a release. Its words are attributed by what introduces them, never dropped.
    Quotation marks are read as the attribution reader reads them (``find_quotes``).
    """
    quotes = find_quotes(text, [Span(0, len(text))])
    unquoted, at = [], 0
    for q in quotes:
        unquoted.append(text[at : q.open])
        at = max(at, q.end)
    unquoted.append(text[at:])
    return bool(_FIRST_PERSON.search(" ".join(unquoted)))


_QUOTED_WORDS = 3  # a quotation this long is someone's words; shorter ones may be scare quotes


def holds_quotation(text: str) -> bool:
    """Does a sentence quote someone, in any quotation marks ("moved to Wales four years ago
    'to give her kids a better life'")? Its words are someone's: attributed, maybe unread."""
    return any(
        len(text[q.inner_start : q.inner_end].split()) >= _QUOTED_WORDS
        for q in find_quotes(text, [Span(0, len(text))])
    )


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation in an article: where its opening mark is and where it ends."""

    open: int
    end: int


def quotation_at(text: str, paragraphs: Sequence[Span], pos: int) -> Quotation | None:
    """The quotation the character at ``pos`` lies in (its opening mark included), as the
    attribution reader joins quotations across sentences and paragraphs ("“We are sad. /
    “We will rebuild,” he said."), or None."""
    for q in find_quotes(text, paragraphs):
        if q.open <= pos < q.end:
            return Quotation(q.open, q.end)
    return None
