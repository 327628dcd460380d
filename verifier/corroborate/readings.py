"""A passage as corroboration weighs it: its words beside the text stage's reading of it.

``compare.relate`` weighs two such readings and reads no text itself; this module puts each
passage's readings together: the informative words it shares with others and the facts the
text stage read of it (``verifier.text.passage``), stored at ingest for a searched sentence,
read once per claim for a claim.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from verifier.models import PassageFacts
from verifier.text.passage import read_passage, sentence_facts
from verifier.text.terms import content_stems, informative_terms


@dataclass(frozen=True, slots=True)
class Facts:
    """A passage as ``relate`` weighs it: its informative word stems beside its facts."""

    terms: frozenset[str]  # stems of informative words, numbers excluded
    facts: PassageFacts = PassageFacts()
    words: tuple[str, ...] = ()  # the informative words themselves: what a reason names
    text: str = ""  # the passage as written: its tokens tell a copied passage (``_copied``)


def read_facts(text: str, context: str = "", *, stance: str | None = None) -> Facts:
    """A passage's words and the text stage's facts of it (places and days also from
    ``context``, its sentence)."""
    return Facts(
        content_stems(text),
        read_passage(text, context, stance=stance),
        tuple(informative_terms(text)),
        text,
    )


SENTENCE_FACTS_CACHE = 8192
"""Sentences whose words stay remembered, as the text stage remembers their facts."""


@lru_cache(maxsize=SENTENCE_FACTS_CACHE)
def _sentence_terms(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    return content_stems(text), tuple(informative_terms(text))


def sentence_reading(text: str, stance: str | None = None) -> Facts:
    """``read_facts`` of a whole sentence, remembered (a story's evidence is read for each of
    its claims)."""
    terms, words = _sentence_terms(text)
    return Facts(terms, sentence_facts(text, stance), words, text)


def stored_reading(text: str, facts: PassageFacts, stance: str | None = None) -> Facts:
    """A sentence's words beside the facts the text stage stored for it, with its speaker's
    stance applied as ``read_passage`` applies it (a denier's sentence is a denial)."""
    if stance == "denies" and not facts.denies:
        facts = replace(facts, denies=True)
    elif stance == "accuses" and not facts.accuses:
        facts = replace(facts, accuses=True)
    terms, words = _sentence_terms(text)
    return Facts(terms, facts, words, text)
