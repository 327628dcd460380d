"""An article's event reading: the names that say which event it reports.

Real news pairs events of one kind (two earthquakes, two rehab stays, two shootings) told in
the same words; what tells them apart is who and where: "Bireuen" and "Aceh" against
"Yogyakarta", "Tara Reid" against "Lindsay Lohan". An article's reading keeps the
capitalised names it uses, folded (case, diacritics) and counted, and its figures (a
magnitude, a toll, a year), so that two articles can
be compared on the names they share, each weighted by how rarely the desk names it
(``corroborate.events``). Spelling variants of one place ("Bireun" / "Bireuen") are matched
when two readings are compared (``variant_of``), since which spelling is the variant is only
known against the other article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from verifier.models import EventMarks, PassageFacts
from verifier.text.facts import stated_dates
from verifier.text.passage import CALENDAR_NAMES, capitalised_words, read_passage
from verifier.text.stopwords import STOPWORDS
from verifier.text.terms import fold

EVENT_NAMES = 40
"""Names kept per article, most used first. Measured on ECB+ train topics 1-20 (same event
or not, per article pair): 8 names AUC 0.907, 12 0.918, 20 0.922, 40 0.922, all 0.923."""
EVENT_FIGURES = 20
"""Figures kept per article, most used first: two events of one kind differ in their
magnitude, toll, year or edition ("the 81st Academy Awards"). With them, ECB+ train topics'
same/other event AUC 0.912 -> 0.921 (check topics 0.878 -> 0.886)."""
FIGURE = "#"
"""What a figure's key in a reading starts with: no name does."""
_FIGURE = re.compile(r"\b\d+(?:[.,]\d+)*(?:st|nd|rd|th)?\b")
_YEAR = re.compile(
    r"(?:^|[(,;:]\s*|\b(?:[Tt]he|[Aa]n?|[Ii]n|[Ss]ince|[Oo]f|[Bb]y|[Uu]ntil|[Ff]rom|[Tt]o|[Bb]efore"
    r"|[Aa]fter|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Bb]etween|and|or)\s+)"
    r"((?:19|20)\d{2})\b(?![,.]\d|-\d|\s*%|\s+per\s?cent)"
)
"""A year: after a word that dates ("the 2004 tsunami", "since 1999", "between 2001 and 2003") or
opening a clause, not a count ("killed 2000 people", "some 1950 homes") nor part of a
bigger figure."""
VARIANT_LENGTH = 5
"""Shortest name matched by spelling: shorter ones ("Lee" / "Leo") are different names."""
VARIANT_SCORE = 85
"""Least ``rapidfuzz.fuzz.ratio`` of two spellings of one name ("bireun" / "bireuen": 92)."""


@dataclass(frozen=True, slots=True)
class EventReading:
    """The names and figures an article uses and how often: who, where and how much."""

    names: Mapping[str, int]

    def __bool__(self) -> bool:
        return bool(self.names)


def read_event(
    texts: Iterable[str], limit: int = EVENT_NAMES, figures: int = EVENT_FIGURES
) -> EventReading:
    """The ``limit`` names and ``figures`` figures ``texts`` (an article's body) use most,
    with counts; a figure is kept as ``#`` and its digits ("#6.1", "#2009", "#81st").

    Sentence openers are kept: a name often opens a sentence, and a capitalised common word
    ("Officials") is named by so many articles that its weight is small.
    """
    counts: Counter[str] = Counter()
    numbers: Counter[str] = Counter()
    for text in texts:
        for word in capitalised_words(text):
            name = fold(word)
            if name in STOPWORDS or name in CALENDAR_NAMES:
                continue
            counts[name] += 1
        numbers.update(FIGURE + m.group().replace(",", "") for m in _FIGURE.finditer(text))
    kept = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    kept += sorted(numbers.items(), key=lambda kv: (-kv[1], kv[0]))[:figures]
    return EventReading(dict(kept))


def variant_of(name: str, others: Sequence[str]) -> str | None:
    """The spelling in ``others`` of the same name as ``name`` ("bireun" -> "bireuen"), if any.

    Both must be long enough to be told apart by spelling, and begin with the same letter.
    """
    if len(name) < VARIANT_LENGTH or name.startswith(FIGURE):
        return None  # "#120000" / "#125000" are two tolls, not two spellings
    pool = [o for o in others if len(o) >= VARIANT_LENGTH and o[0] == name[0]]
    if not pool:
        return None
    found = process.extractOne(name, pool, scorer=fuzz.ratio, score_cutoff=VARIANT_SCORE)
    return None if found is None else str(found[0])


def read_marks(text: str, published: str | None = None) -> EventMarks:
    """One sentence's event marks: every name and figure it uses, as ``read_event`` folds
    them, and the dates it states resolved against its article's date ``published``.

    Read once per searched sentence at ingest (``sentence_reading``) rather than for every
    claim the sentence comes back for: a story's sentences are hits of claim after claim."""
    names, years = _text_marks(text)
    times = {d.date for d in stated_dates(text, published) if d.date}
    times.update(years)
    return EventMarks(names, frozenset(times))


@lru_cache(maxsize=8192)  # copies repeat their sentences, each under its own article's date
def _text_marks(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """What ``read_marks`` reads of ``text`` alone: its names and figures, and its years."""
    names = read_event([text], limit=len(text), figures=len(text)).names
    years = [m.group(1) for m in _YEAR.finditer(text)] if "19" in text or "20" in text else []
    return frozenset(names), tuple(years)


def sentence_reading(text: str, published: str | None = None) -> PassageFacts:
    """The text stage's stored reading of a searched sentence: what it states
    (``read_passage``) and its event marks (``read_marks``) against its article's date."""
    return replace(read_passage(text), marks=read_marks(text, published))
