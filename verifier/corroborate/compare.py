"""What two passages say, compared: shared figures, places, times, event words, denials.

A retrieved sentence shares *words* with a claim; a fact-checker needs to know whether it
bears on the same event and agrees. This module reads the few facts that decide that from
plain text, with no model and no downloaded data:

* quantities with what they count and the event they belong to ("killing four people" ->
  4 people, killed), numbers as digits or words, dates and clock times left out;
* places (capitalised names after a locative preposition or before a place noun) and days;
* cues: a denial ("denied", "baseless lies", "no evidence"), an accusation, the outlet's
  caveat ("could not independently verify"), a change of control ("seized" vs "remained under
  army control").

``relate`` turns two such readings into one of the relations below with its reasons. It is
deliberately conservative: a differing figure for the same event is a contradiction only for
casualty-type counts, and the same number at a different place or time is no corroboration.
Everything lives here so it can switch to the text stage's fact extraction when that exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from verifier.corroborate.query import fts_stem, informative_terms
from verifier.text.lexicon import wordset
from verifier.text.lexicon.facts_words import INCIDENTS, MONTHS, SCALES, TENS, UNITS, WEEKDAYS

RELATIONS: tuple[str, ...] = (
    "supports",
    "partly_supports",
    "contradicts",
    "same_report",
    "unrelated",
    "outlet_caveat",
)
"""Stored relation names. ``outlet_caveat``: the outlet says it could not verify the claim."""

SUPPORTING: frozenset[str] = frozenset({"supports", "partly_supports"})

# One lexicon of number and calendar words for the whole project (the claim-fact extractor's).
_UNITS: dict[str, int] = {**UNITS, **TENS, "dozen": 12, "hundred": 100}
_SCALES: dict[str, int] = {k: v for k, v in SCALES.items() if k != "trillion"}
_MONTHS: frozenset[str] = frozenset(MONTHS)
_WEEKDAYS: frozenset[str] = frozenset(WEEKDAYS)
_TIME_UNITS = {"h", "am", "pm", "gmt", "utc", "o'clock", "percent", "%"}

# What a count belongs to: the nearest of these words in its clause names the event.
_EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    "killed": ("kill", "dead", "death", "die", "died", "bodi", "bodies", "toll", "live", "fatal"),
    "wounded": ("wound", "injur", "hurt"),
    "missing": ("missing",),
    "displaced": ("displac", "fled", "flee", "left", "evacu"),
    "detained": ("arrest", "detain", "captur", "abduct", "kidnap"),
}
_CASUALTY = frozenset({"killed", "wounded", "missing"})
# Nouns that count people in general: "nine people" and "nine civilians" are one count.
_GENERIC = frozenset(
    [
        "people",
        "persons",
        "person",
        "civilians",
        "civilian",
        "others",
        "them",
        "individuals",
        "those",
        "residents",
        "victims",
        "bodies",  # "recovered 11 bodies" counts the dead, as "11 people killed" does
        "dead",
        "deaths",
        "fatalities",
    ]
)
# Words too common in reports of violence to show two sentences are about one event.
_WEAK = frozenset(
    [
        "people",
        "civilians",
        "others",
        "killed",
        "killing",
        "kill",
        "dead",
        "least",
        "attack",
        "attacks",
        "said",
        "one",
        "two",
        "day",
        "week",
        "month",
        "year",
        "city",
        "town",
        "area",
        "earlier",
        "later",
        "first",
        "last",
        "new",
        "since",
        "today",
        "yesterday",
        "time",
    ]
)
# A toll five times another is a different count (a war's dead, not one strike's).
_SCALE_GAP = 5.0

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
_CLOCK = re.compile(r"(?<=\d)\s*[ap]\.?m\.?(?!\w)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:—–]|\bwhile\b|\bbut\b|\bwhereas\b")

_DENIAL = re.compile(
    r"\b(den(?:y|ies|ied|ying|ial)|refut\w*|rebut\w*|reject\w*|dismiss\w*|baseless|"
    r"unfounded|fabricat\w*|lies|untrue|not true|false(?:ly)?|no evidence|never happened)\b",
    re.IGNORECASE,
)
_ACCUSATION = re.compile(r"\b(accus\w*|blam\w*|responsib\w*|perpetrat\w*)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(not|no|never|nor|n't|fail(?:ed|ing|s)? to)\b", re.IGNORECASE)
_CAVEAT = re.compile(
    r"\b(could not|cannot|can ?not|was unable to|were unable to|is unable to|unable to|"
    r"has not been able to|have not been able to|did not)\s+(?:be\s+)?(?:independently\s+)?"
    r"(verif\w*|confirm\w*|corroborat\w*)|"
    r"\b(has|have|had) not been (independently )?(verified|confirmed)",
    re.IGNORECASE,
)
_GAIN = re.compile(
    r"\b(seiz\w*|captur\w*|took (?:control|over)|overr[au]n|fell to|entered|taken over)\b",
    re.IGNORECASE,
)
_RETAIN = re.compile(
    r"\b(remain\w*|still|firmly)\s+(?:\w+\s+){0,2}(under|in)\s+(?:\w+\s+){0,2}control\b|"
    r"\b(repel\w*|retain\w*|held on to|holding on to)\b",
    re.IGNORECASE,
)
_CAVEAT_REACH = 3
_FIGURE_WORDS = re.compile(r"\b(figure|toll|number|count|tally)s?\b", re.IGNORECASE)

_LOCATIVE = {"in", "at", "near", "outside", "across", "into", "from", "of", "around", "inside"}
_PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "province",
    "district",
    "region",
    "county",
    "university",
    "hospital",
    "market",
    "mosque",
    "school",
    "camp",
    "bridge",
    "airport",
    "street",
    "square",
    "river",
    "countryside",
    "governorate",
}
_SITE_NOUNS = frozenset(
    {
        "university",
        "hospital",
        "market",
        "mosque",
        "school",
        "camp",
        "bridge",
        "airport",
        "dormitory",
        "clinic",
        "church",
        "factory",
        "port",
        "station",
        "prison",
    }
)
_NOT_PLACES = _WEEKDAYS | _MONTHS | {"the", "a", "an", "his", "her", "its", "their", "our"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """One count: ``value`` of ``noun`` for ``event`` ("killed", or the noun when unknown)."""

    value: float
    noun: str
    event: str
    text: str

    @property
    def generic(self) -> bool:
        # A bare casualty figure ("the death toll rose to 41") counts people.
        return self.noun in _GENERIC or (self.noun == "count" and self.event in _CASUALTY)

    @property
    def casualty(self) -> bool:
        return self.event in _CASUALTY

    def label(self) -> str:
        number = int(self.value) if self.value == int(self.value) else self.value
        return f"{number} {self.event}" if self.event != self.noun else f"{number} {self.noun}"


@dataclass(frozen=True, slots=True)
class Facts:
    """What one passage states, as far as comparing it with another needs."""

    terms: frozenset[str]  # stems of informative words, numbers excluded
    quantities: tuple[Quantity, ...] = ()
    places: frozenset[str] = frozenset()  # lowercased tokens of place names
    sites: frozenset[str] = frozenset()  # kinds of site: hospital, market, ...
    days: frozenset[str] = frozenset()  # weekdays and "13 march"-style dates
    denies: bool = False
    accuses: bool = False
    caveat: bool = False
    gains_control: bool = False
    retains_control: bool = False
    negated: bool = False
    mentions_figure: bool = False
    incidents: frozenset[str] = frozenset()  # kinds of incident named: flood, crash, ...
    separate: bool = False  # "in a separate incident", "Elsewhere, ...": another event


def _number(word: str) -> float | None:
    low = word.lower().rstrip(".,")
    if low and low[0].isdigit():
        try:
            return float(low.replace(",", ""))
        except ValueError:
            return None
    return float(_UNITS[low]) if low in _UNITS else None


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.replace("’", "'"))


def _event_class(word: str) -> str | None:
    low = word.lower()
    for event, stems in _EVENT_CLASSES.items():
        if any(low.startswith(s) for s in stems):
            return event
    return None


def _event_of(words: list[str], at: int, lo: int, hi: int) -> str | None:
    """The event a count at ``at`` belongs to, looking only inside its clause ``[lo, hi)``.

    A participle just before the number leads ("killing at least four people"); otherwise
    the nearest event word after it ("four people were killed"), then any before it
    ("the bodies of 11 people, among them two nurses").
    """
    for i in range(at - 1, max(lo, at - 4) - 1, -1):
        low = words[i].lower()
        if low.endswith("ing") or low in ("bodies", "toll"):
            event = _event_class(low)
            if event:
                return event
    for i in range(at + 1, min(hi, at + 14)):
        event = _event_class(words[i])
        if event:
            return event
    for i in range(at - 1, max(lo, at - 12) - 1, -1):
        event = _event_class(words[i])
        if event:
            return event
    return None


def quantities(text: str) -> tuple[Quantity, ...]:
    """Counts in ``text``: "four people", "at least 15 civilians", "a dozen", "300,000"."""
    text = _CLOCK.sub("h", text)
    words = _tokens(text)
    lowered = [w.lower() for w in words]
    # Clause bounds keep "killing four ... while 36 others were injured" apart.
    bounds: list[int] = [0]
    position = 0
    for i, w in enumerate(words):
        position = text.find(w, position)
        before = text[max(0, position - 3) : position]
        if i and _CLAUSE_BREAK.search(before):
            bounds.append(i)
    bounds.append(len(words))
    out: list[Quantity] = []
    i = 0
    while i < len(words):
        value = _number(words[i])
        # "one" is mostly a pronoun or article ("one video"); "dozen" needs its "a".
        if (
            value is None
            or lowered[i] == "one"
            or (lowered[i] == "dozen" and not (i and lowered[i - 1] == "a"))
        ):
            i += 1
            continue
        start = i
        j = i + 1
        while j < len(words) and (lowered[j] in _SCALES or lowered[j] in _UNITS):
            extra = _number(words[j]) or 0.0
            if lowered[j] in _SCALES:
                value *= _SCALES[lowered[j]]
            else:
                value += extra
            j += 1
        prev = lowered[start - 1] if start else ""
        nxt = lowered[j] if j < len(words) else ""
        is_year = words[start].isdigit() and len(words[start]) == 4 and 1900 <= value <= 2100
        if is_year or prev in _MONTHS or nxt in _MONTHS or nxt.rstrip(".") in _TIME_UNITS:
            i = j
            continue
        lo = max(b for b in bounds if b <= start)
        hi = min(b for b in bounds if b > start)
        k = j
        while k < hi and lowered[k] in ("of", "her", "his", "their", "its", "the", "more"):
            k += 1
        # The counted noun is in the figure's clause: "risen to 41, the Red Crescent said"
        # counts nothing called "Red".
        noun = lowered[k] if k < hi and not words[j - 1].endswith(",") else ""
        if noun and _number(noun) is not None:
            noun = ""
        event = _event_of(words, start, lo, hi) or (noun or "count")
        if noun == "them" and out:
            event = out[-1].event  # "23 people had been killed ..., 14 of them in ..."
        shown = words[start : k + 1] if noun else words[start:j]
        out.append(Quantity(value, noun or "count", event, " ".join(shown)))
        i = j
    return tuple(out)


def places(text: str) -> frozenset[str]:
    """Tokens of capitalised names after a locative word or before a place noun."""
    words = _tokens(text)
    found: set[str] = set()
    i = 0
    while i < len(words):
        w = words[i]
        if w[:1].isupper() and w.lower() not in _NOT_PLACES:
            j = i
            while j < len(words) and words[j][:1].isupper():
                j += 1
            name = [x.lower().removesuffix("'s") for x in words[i:j]]
            prev = words[i - 1].lower() if i else ""
            nxt = words[j].lower() if j < len(words) else ""
            head = name[-1] if name else ""
            if prev in _LOCATIVE or head in _PLACE_NOUNS or nxt in _PLACE_NOUNS:
                found.update(t for t in name if t not in _PLACE_NOUNS and t not in _NOT_PLACES)
            i = j
        else:
            i += 1
    return frozenset(found)


_SAID = wordset("said says told reported announced added stated confirmed wrote tweeted posted")


def days(text: str) -> frozenset[str]:
    """Weekdays and day-month dates named in ``text``, lowercased.

    The day a report was made is not the day of the event ("the toll from Tuesday's floods
    has risen to 41, the Red Crescent said on Wednesday" is about Tuesday).
    """
    low = [w.removesuffix("'s").removesuffix("’s") for w in _tokens(text.lower())]
    out = {
        w
        for i, w in enumerate(low)
        if w in _WEEKDAYS
        and not (i and low[i - 1] in _SAID)
        and not (i > 1 and low[i - 1] == "on" and low[i - 2] in _SAID)
    }
    for a, b in zip(low, low[1:], strict=False):
        if a.isdigit() and b in _MONTHS:
            out.add(f"{int(a)} {b[:3]}")
        elif a in _MONTHS and b.rstrip(".").isdigit():
            out.add(f"{int(b.rstrip('.'))} {a[:3]}")
    return frozenset(out)


def _clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name some and none in common. Weekdays and dates are compared only with their
    own kind: "Thursday" and "13 March" may be one day (resolving needs the publication date)."""
    weekdays_a, weekdays_b = a & _WEEKDAYS, b & _WEEKDAYS
    dates_a, dates_b = a - _WEEKDAYS, b - _WEEKDAYS
    return bool(
        (weekdays_a and weekdays_b and not weekdays_a & weekdays_b)
        or (dates_a and dates_b and not dates_a & dates_b)
    )


def incidents(text: str) -> frozenset[str]:
    """The kinds of incident a passage names (flood, crash, armed violence, ...)."""
    return frozenset(INCIDENTS[w] for w in _tokens(text.lower()) if w in INCIDENTS)


_SEPARATE = re.compile(
    r"\b(?:in an?(?:other)? (?:separate|unrelated) (?:incident|attack|development|event|case)"
    r"|^elsewhere\b)",
    re.IGNORECASE,
)


def sites(text: str) -> frozenset[str]:
    """Kinds of site named ("hospital", "market"): the same site under different place names
    ("the hospital" in Lissow, "Marren province's" hospital) is still one site."""
    return frozenset(w for w in _tokens(text.lower()) if w in _SITE_NOUNS)


def content_stems(text: str) -> frozenset[str]:
    """Porter stems of the informative non-number words of ``text``."""
    return frozenset(
        fts_stem(t) for t in informative_terms(text) if not t[0].isdigit() and t not in _UNITS
    )


SENTENCE_FACTS_CACHE = 8192
"""Sentences whose facts stay remembered: claims are corroborated story by story, so the
evidence a story shares is reused while it is fresh; a few MB."""


def read_facts(text: str, context: str = "", *, stance: str | None = None) -> Facts:
    """The facts of ``text``; places and days also come from ``context`` (its sentence)."""
    scope = f"{text} {context}" if context and text not in context else (context or text)
    counts = quantities(text)
    if context and text in context:
        # Read counts in their sentence, where "14 of them" meets its "killed".
        counts = tuple(q for q in quantities(context) if q.text in text) or counts
    return Facts(
        terms=content_stems(text),
        quantities=counts,
        places=places(scope),
        sites=sites(scope),
        incidents=incidents(scope),
        separate=bool(_SEPARATE.search(text)),
        days=days(scope),
        denies=stance == "denies" or bool(_DENIAL.search(text)),
        accuses=stance == "accuses" or bool(_ACCUSATION.search(text)),
        caveat=bool(_CAVEAT.search(text)),
        gains_control=bool(_GAIN.search(text)),
        retains_control=bool(_RETAIN.search(text)),
        negated=bool(_NEGATION.search(text)),
        mentions_figure=bool(_FIGURE_WORDS.search(text)),
    )


@lru_cache(maxsize=SENTENCE_FACTS_CACHE)
def sentence_facts(text: str, stance: str | None = None) -> Facts:
    """``read_facts`` of a whole sentence, remembered.

    Corroborating a story's claims retrieves the same few evidence sentences for each of
    them (in a 2,000-article corpus, 34,000 reads were of 5,400 sentences), and reading
    facts is a third of the work. ``Facts`` is frozen, so sharing one is safe.
    """
    return read_facts(text, stance=stance)


def _same_count(a: Quantity, b: Quantity) -> str | None:
    """ "full" when two counts are of one thing, "partial" when only the event agrees."""
    if a.event != b.event:
        return None
    if a.noun == b.noun or (a.generic and b.generic):
        return "full"
    if a.casualty and (a.generic or b.generic):
        return "partial"
    return "partial" if a.casualty else None


def same_scale(a: float, b: float) -> bool:
    """Could two figures be rival counts of one event, rather than counts of different scope?"""
    low, high = sorted((abs(a), abs(b)))
    return low > 0 and high / low <= _SCALE_GAP


@dataclass(frozen=True, slots=True)
class Pair:
    """How two passages stand to each other in the corpus, beyond their words."""

    same_article: bool = False
    family: bool = False  # the articles are versions or copies of one report
    same_story: bool = False
    paragraph_gap: int | None = None  # b's paragraph minus a's, in one article
    relay: bool = False  # b quotes a's outlet as its source
    same_source: bool = False  # b is said by a's named source


@dataclass(frozen=True, slots=True)
class Clashes:
    """How two passages name different events: each flag needs both sides to name one."""

    site: bool  # "the market" / "the hospital"
    place: bool  # "Brenmoor" / "Lissow", unless they share a site
    day: bool
    incident: bool  # "floods" / "a bus crash", or "in a separate incident"

    @classmethod
    def of(cls, a: Facts, b: Facts) -> Clashes:
        return cls(
            site=bool(a.sites and b.sites and not (a.sites & b.sites)),
            place=bool(
                a.places and b.places and not (a.places & b.places) and not (a.sites & b.sites)
            ),
            day=_clash(a.days, b.days),
            incident=b.separate
            or bool(a.incidents and b.incidents and not (a.incidents & b.incidents)),
        )

    def __bool__(self) -> bool:
        return self.site or self.place or self.day or self.incident


def other_event(a: Facts, b: Facts) -> bool:
    """Whether ``b`` is plainly about another event than ``a``."""
    return bool(Clashes.of(a, b))


def relate(a: Facts, b: Facts, pair: Pair = Pair()) -> tuple[str, tuple[str, ...]]:
    """The relation of passage ``b`` to claim ``a`` and the reasons for it."""
    gap = pair.paragraph_gap
    # A caveat follows what it is about, within a few paragraphs ("either account").
    if (
        pair.same_article
        and gap is not None
        and abs(gap) <= _CAVEAT_REACH
        and (b.caveat or a.caveat)
    ):
        return "outlet_caveat", ("the outlet says it could not verify the claim",)
    shared = (a.terms & b.terms) - {fts_stem(w) for w in _WEAK}
    coverage = len(a.terms & b.terms) / len(a.terms) if a.terms else 0.0
    shared_list = ", ".join(sorted(shared)[:6])
    if pair.relay and coverage >= 0.4:
        return "same_report", ("relays the claim's own outlet",)
    covered = len(a.terms & b.terms) / len(b.terms) if b.terms else 0.0
    if pair.family and max(coverage, covered) >= 0.5:
        return "same_report", ("same passage in a version or copy of one report",)

    if a.denies != b.denies and not (a.caveat or b.caveat):
        near = pair.same_article and gap is not None and abs(gap) <= 2
        if shared or (near and (a.accuses or b.accuses)):
            who = "the evidence denies it" if b.denies else "the claim is a denial"
            return "contradicts", (who,) + ((f"shared: {shared_list}",) if shared else ())
    if shared and (
        (a.gains_control and b.retains_control) or (a.retains_control and b.gains_control)
    ):
        return "contradicts", ("control of the place is disputed", f"shared: {shared_list}")
    if pair.same_source and b.negated and (shared or (a.quantities and b.mentions_figure)):
        return "contradicts", ("the named source says otherwise",)

    matches: list[tuple[Quantity, Quantity, str]] = []
    conflicts: list[tuple[Quantity, Quantity]] = []
    for qa in a.quantities:
        kinds = [(qb, _same_count(qa, qb)) for qb in b.quantities]
        hits = [(qb, k) for qb, k in kinds if k and qb.value == qa.value]
        if hits:
            best = max(hits, key=lambda h: h[1] == "full")
            matches.append((qa, best[0], best[1] or "partial"))
        elif qa.casualty:
            conflicts += [
                (qa, qb)
                for qb, k in kinds
                if k == "full" and qb.value != qa.value and same_scale(qa.value, qb.value)
            ]
    clashes = Clashes.of(a, b)
    place_clash, day_clash, site_clash = clashes.place, clashes.day, clashes.site
    event_clash = clashes.incident
    reasons: list[str] = []
    if shared:
        reasons.append(f"shared: {shared_list}")
    if matches or conflicts:
        if event_clash:
            clash = (
                f"different incident ({', '.join(sorted(a.incidents))} vs "
                f"{', '.join(sorted(b.incidents))})"
                if a.incidents and b.incidents and not (a.incidents & b.incidents)
                else "a separate incident"
            )
            return "unrelated", ("same figure, different event", clash)
        if place_clash or day_clash or site_clash:
            where = []
            if site_clash:  # one town, two strikes: "the market" is not "the hospital"
                where.append(
                    f"different site ({', '.join(sorted(a.sites))} vs {', '.join(sorted(b.sites))})"
                )
            if place_clash:
                where.append(
                    f"different place ({', '.join(sorted(a.places))} vs "
                    f"{', '.join(sorted(b.places))})"
                )
            if day_clash:
                where.append(
                    f"different day ({', '.join(sorted(a.days))} vs {', '.join(sorted(b.days))})"
                )
            return "unrelated", ("same figure, different event", *where)
        # A casualty count of one kind ("two ... dead", "two ... killed") is itself common
        # ground; any other number shared with nothing else is coincidence.
        if not shared and not conflicts and not any(qa.casualty for qa, _, _ in matches):
            return "unrelated", ("only the number is shared",)
    if conflicts and not any(k == "full" for _, _, k in matches):
        qa, qb = conflicts[0]
        return "contradicts", (f"figure differs: {qa.label()} vs {qb.label()}", *reasons)
    if matches:
        full = [m for m in matches if m[2] == "full"]
        labels = ", ".join(qa.label() for qa, _, _ in matches)
        unmatched_casualties = [
            qa for qa in a.quantities if qa.casualty and qa not in {m[0] for m in full}
        ]
        if full and not unmatched_casualties:
            return "supports", (f"same figure: {labels}", *reasons)
        return "partly_supports", (f"figure agrees in part: {labels}", *reasons)
    missing = [qa.label() for qa in a.quantities if qa.casualty]
    enough = len(shared) >= 2 or (shared and (pair.same_article or pair.same_story))
    if coverage >= 0.6 and len(shared) >= 2 and not missing:
        return "supports", tuple(reasons)
    if enough:
        if missing:
            reasons.append(f"does not give the figure ({', '.join(missing)})")
        if place_clash:
            reasons.append("names other places")
        return "partly_supports", tuple(reasons)
    return "unrelated", ("too little in common",)
