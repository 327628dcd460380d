"""Passage facts: what one sentence states, read once, for comparing it with a claim.

A retrieved sentence shares *words* with a claim; whether it bears on the same event and
agrees depends on a few facts read from its text, with no model and no downloaded data:

* figures with what they count and the event they belong to ("killing four people" ->
  4 people, killed), numbers as digits or words; dates, clock times, ages, money and
  fractions left out, things never a toll ("18 houses"); measures apart, with their unit
  ("ten minutes", "150 metres", "magnitude 5.9", a distance with the place it is from);
* places (capitalised names after a locative preposition or before a place noun), kinds of
  site ("the hospital"), days, kinds of incident ("floods", "a bus crash");
* cues: a denial ("denied", "baseless lies", "no evidence") and what it denies, an
  accusation, a negation and the one word it negates ("no militants", "did not have a
  gun"), a tentative statement ("in negotiations to"), the outlet's caveat ("could not
  independently verify"), a change of control ("seized" vs "remained under army control").

The text stage owns this reading so that corroboration, provenance and the TUI never parse a
sentence themselves; ``verifier.corroborate.compare`` only weighs two readings against each
other. A passage figure is a ``models.Quantity`` like a claim figure; its ``event`` is one of
``EVENTS`` (or the counted noun when no event word is near), its ``counts`` the noun counted
("count" when there is none), and its span points into the passage as read. Qualifiers
("at least") are not read here, so a passage figure has no bounds.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from verifier.models import Cause, PassageFacts, Quantity, Span
from verifier.text.lexicon import wordset
from verifier.text.lexicon.facts_words import INCIDENTS, MONTHS, SCALES, WEEKDAYS
from verifier.text.numbers import COUNT_WORDS, token_number
from verifier.text.predicates import read_acts
from verifier.text.stopwords import STOPWORDS
from verifier.text.terms import content_stems, informative_terms

_SCALES: dict[str, int] = {k: v for k, v in SCALES.items() if k != "trillion"}
_MONTHS: frozenset[str] = frozenset(MONTHS)
_WEEKDAYS: frozenset[str] = frozenset(WEEKDAYS)
_TIME_UNITS = {"h", "am", "pm", "gmt", "utc", "o'clock", "percent", "%"}
# A number before one of these measures (an age, a span of time, a distance, a magnitude)
# rather than counts: "a 15-year-old boy", "12 days ago", "five kilometres", "a 5.9 quake"
# are never a toll, whatever casualty word their clause holds.
_MEASURES = wordset(
    """year-old year-olds years-old year years yr yrs day days week weeks month months hour
    hours minute minutes second seconds decade decades mile miles km kms kilometre kilometres
    kilometer kilometers metre metres meter meters m foot feet ft inch inches percent per cent
    magnitude magnitude- degrees kg tonnes tons mph knots th st nd rd"""
)
_MEASURED_BY = frozenset({"magnitude", "measuring", "aged", "age", "ages", "number", "no"})
# A number after one of these names it rather than counts: "in Week 16", "Flight 370",
# "Route 66", "the sixth round" is not, but "round 6" is.
_LABELLED = wordset(
    """week round game match stage chapter page flight route highway interstate room
    channel section article level category phase terminal gate platform precinct apartment
    suite version"""
)
_SCORE = re.compile(r"\s*[-–]\s*\d")
"""A number joined to another by a dash is a score, a record or a range of years ("91-73",
"the Colts (11-4)", "a 9-14 start"): never a count."""

# What a count belongs to: the nearest of these words in its clause names the event.
_EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    "killed": ("kill", "dead", "death", "die", "died", "bodi", "bodies", "toll", "live", "fatal"),
    "wounded": ("wound", "injur", "hurt"),
    "missing": ("missing",),
    "displaced": ("displac", "fled", "flee", "left", "evacu"),
    "detained": ("arrest", "detain", "captur", "abduct", "kidnap"),
}
EVENTS: tuple[str, ...] = tuple(_EVENT_CLASSES)
"""The events a passage figure can belong to."""
CASUALTY_EVENTS = frozenset({"killed", "wounded", "missing"})
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

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
_CLOCK = re.compile(r"(?<=\d)\s*[ap]\.?m\.?(?!\w)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:—–]|\bwhile\b|\bbut\b|\bwhereas\b")

_DENIAL = re.compile(
    r"\b(den(?:y|ies|ied|ying|ial)|refut\w*|rebut\w*|reject\w*|baseless|"
    # "dismissed the reports as", "dismissed the claims"; not "notified of his dismissal"
    r"dismiss\w* (?:\w+ ){0,4}as|dismiss\w* (?:the |these |those |such |all )?"
    r"(?:claims?|reports?|allegations?|accusations?|charges?|suggestions?)|"
    r"unfounded|fabricat\w*|untrue|not true|false(?:ly)?|no evidence|never happened|"
    # "baseless lies", "these are lies"; not the noun of "at times lies are what jurors heard"
    r"(?:are|were|all|outright|blatant|pure|complete|total|nothing but|of|spread\w*) lies)\b",
    re.IGNORECASE,
)
_ACCUSATION = re.compile(r"\b(accus\w*|blam\w*|responsib\w*|perpetrat\w*)\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(not(?! only\b)|no(?!\.? ?\d)|never|nor|n't|fail(?:ed|ing|s)? to|none|nobody|nothing|"
    r"neither|"
    # "the cause was unknown", "remain unclear": not known. Not "a previously unknown flaw",
    # "for unknown reasons": there it describes a thing the passage states.
    r"(?:is|are|was|were|be|been|remains?|remained|still|yet) (?:\w+ )?(?:unknown|unclear))\b",
    re.IGNORECASE,
)
# Not yet a fact: "is in negotiations to direct", "is expected to host", "may have"; an
# allegation or a suspicion ("allegedly pointed a gun", "a suspicious fire", "is under serious
# consideration", "is thought to have fallen").
# "Reportedly" is not among them: like "according to", it says who tells it
# (``tests/gold/README.md``). Nor is a hedge on something beside the act: "police arrested an
# allegedly drunk driver", "charged after allegedly opening fire", "a reroute which may lead to
# congestion" (``_hedges_the_act``).
_TENTATIVE = re.compile(
    r"\b(negotiat\w*|in talks|expected to|likely to|poised to|tipped to|in line to|"
    r"rumou?r\w*|consider(?:s|ed|ing)? (?:\w+ )?for|(?-i:may|might)(?: have| be)?|"
    r"allegedly|under (?:serious )?consideration|"
    r"suspicious[\s'\"`’”]+(?:\w+ )?(?:fires?|blazes?|deaths?|circumstances)|"
    r"(?:is|are|was|were) (?:thought|believed|suspected) to)\b",
    re.IGNORECASE,
)
_HEDGE_ASIDE_BEFORE = wordset(
    "after before for of by with while when without which that who whose upon since"
)
"""Words before "allegedly", "may" or "might" that put the hedge in a clause or phrase of its
own ("after allegedly pointing", "which may lead"), not on the sentence's act."""
_HEDGED_STATES = wordset("drunk drunken intoxicated armed impaired")
"""Adjectives an "allegedly" can qualify: "an allegedly drunk driver" hedges the driver."""
_BE_FORMS = wordset("is are was were be been being")


def _hedges_the_act(text: str) -> bool:
    """Does a hedge of ``text`` (``_TENTATIVE``) bear on what it says happened?"""
    for found in _TENTATIVE.finditer(text):
        word = found.group(1).lower()
        if word == "allegedly" or word.startswith(("may", "might")):
            before = re.findall(r"[\w'’]+", text[: found.start()])[-1:]
            after = re.findall(r"[\w'’]+", text[found.end() :])[:1]
            if before and before[0].lower() in _HEDGE_ASIDE_BEFORE:
                continue
            if word == "allegedly" and after:
                nxt = after[0].lower()
                be = bool(before) and before[0].lower() in _BE_FORMS  # "was allegedly drunk"
                if nxt.endswith("ing") or (nxt in _HEDGED_STATES and not be):
                    continue
        return True
    return False


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
_FIGURE_WORDS = re.compile(r"\b(figure|toll|number|count|tally)s?\b", re.IGNORECASE)

_LOCATIVE = {"in", "at", "near", "outside", "across", "into", "from", "of", "around", "inside"}
_SITES_IN_NAMES = frozenset(
    {"university", "hospital", "market", "mosque", "school", "camp", "bridge", "airport"}
)
"""Kinds of site that also mark a place name ("Aleppo University", "near Lissow hospital")."""
_PLACE_NOUNS = _SITES_IN_NAMES | {
    "city",
    "town",
    "village",
    "province",
    "district",
    "region",
    "county",
    "street",
    "square",
    "river",
    "countryside",
    "governorate",
    "island",
}
_SITE_NOUNS = _SITES_IN_NAMES | {
    "dormitory",
    "clinic",
    "church",
    "factory",
    "port",
    "station",
    "prison",
}
_NOT_PLACES = _WEEKDAYS | _MONTHS | {"the", "a", "an", "his", "her", "its", "their", "our"}
_SEPARATE = re.compile(
    r"\b(?:in an?(?:other)? (?:separate|unrelated) (?:incident|attack|development|event|case)"
    r"|^elsewhere\b)",
    re.IGNORECASE,
)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z][\w’'-]*")
_CAPITAL = re.compile(r"\b[A-Z][A-Za-z\-]{2,}")
CALENDAR_WORDS: frozenset[str] = _MONTHS | _WEEKDAYS
"""Month and weekday names (and month abbreviations): capitalised, but they name no event."""
CALENDAR_NAMES: frozenset[str] = _WEEKDAYS | {
    max((k for k, v in MONTHS.items() if v == month), key=len) for month in range(1, 13)
}
"""Month and weekday names in full ("march", not "mar", which may be a name)."""
_SAID = wordset("said says told reported announced added stated confirmed wrote tweeted posted")


def is_generic(q: Quantity) -> bool:
    """Does the figure count people in general? A bare casualty figure ("the death toll rose
    to 41") does."""
    return q.counts in _GENERIC or (q.counts == "count" and q.event in CASUALTY_EVENTS)


def is_casualty(q: Quantity) -> bool:
    """Is the figure a human toll (killed, wounded, missing)?"""
    return q.event in CASUALTY_EVENTS


def figure_label(q: Quantity) -> str:
    """A figure as a reason shows it: "4 killed", or "300 families" without an event; a sum
    of money as written ("$40 million")."""
    if q.counts in _CURRENCY_NAMES and q.text:
        return q.text
    value = q.value if q.value is not None else 0.0
    number = int(value) if value == int(value) else value
    return f"{number} {q.event}" if q.event != q.counts else f"{number} {q.counts}"


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.replace("’", "'"))


# Every stem in _EVENT_CLASSES' order: an alternation tries its branches left to right, so
# the first stem that starts a word is the first event's that does, as a loop over the
# events asking each stem in turn would find, in one match instead of up to 22 calls.
_EVENT_STEM = re.compile("|".join(re.escape(s) for stems in _EVENT_CLASSES.values() for s in stems))
_STEM_EVENT = {s: event for event, stems in reversed(_EVENT_CLASSES.items()) for s in stems}


def _event_class(word: str) -> str | None:
    """The event a word names by its stem ("killing" -> killed, "evacuated" -> displaced)."""
    m = _EVENT_STEM.match(word.lower())
    return _STEM_EVENT[m.group()] if m else None


def _event_of(words: list[str], at: int, lo: int, hi: int) -> str | None:
    """The event a count at ``at`` belongs to, looking only inside its clause ``[lo, hi)``.

    A participle just before the number leads ("killing at least four people"); otherwise
    the nearest event word after it ("four people were killed"), then any before it
    ("the bodies of 11 people, among them two nurses").
    """
    i = at - 1
    while i >= lo and words[i].lower() in _QUALIFIERS:
        i -= 1
    if i >= lo and (event := _event_class(words[i])) and words[i].lower() not in ("dead", "live"):
        return event  # "killed five people and injured several", "kills 1, wounds 2"
    for i in range(at - 1, max(lo, at - 4) - 1, -1):
        low = words[i].lower()
        if low in ("shooting", "shot") and i == at - 1:
            return "shot"  # "shooting three people, killing one": shot, not all killed
        if low.endswith("ing") or low in ("bodies", "toll"):
            event = _event_class(low)
            if event:
                return event
    for i in range(at + 1, min(hi, at + 14)):
        if words[i].lower() in _SUSPECTED:
            return None  # "the two men accused of killing her": who did it, not who died
        event = _event_class(words[i])
        if event:
            return event
    for i in range(at - 1, max(lo, at - 12) - 1, -1):
        event = _event_class(words[i])
        if event:
            return event
    return None


_QUALIFIERS = wordset("at least more than about some nearly almost around over up to a an another")
_SUSPECTED = wordset("accused charged suspected convicted alleged allegedly blamed")
_CLOCK_DIGITS = re.compile(r"\d:\d")
_CURRENCY = frozenset("$€£¥")
# "a mother of 12": children, never a toll.
_KIN = wordset("mother mothers father fathers mom mum dad parent parents grandmother grandfather")
# "two counts of murder", "three charges": what a court counts, not who died.
# Counted things no toll is made of, whatever casualty word their clause holds.
_THINGS = wordset(
    """house houses home homes building buildings village villages vehicle vehicles car cars
    boat boats ship ships cable cables bomb bombs shell shells rocket rockets missile missiles
    game games point points yard yards vote votes seat seats goal goals shot shots round
    rounds bullet bullets minute minutes hour hours day days week weeks month months year
    years time times percent acres hectares dollars euros pounds"""
)
_LEGAL_COUNTS = wordset("counts count charges charge")
_AGE_CLOSERS = frozenset({"", "in", "on", "after", "and", "when", "from", "of", "at", "last"})
# "the toll stood at 41": a count at a level, not an age.
_LEVEL_VERBS = wordset(
    """stood stands stand put puts toll tolls rose risen rises climbed climbs total totals
    totaled totalled estimated estimates is was are were remained remains reached"""
)


def _measures(
    text: str, found: list[re.Match[str]], lowered: list[str], start: int, end: int, value: float
) -> bool:
    """Is the number at ``[start, end)`` an age, a clock time or a measure rather than a count?

    Words after the number ("a 15-year-old", "five kilometres") are read by the caller; these
    are the forms news writes without them: a fraction ("a 5.9 quake": no count of people or
    things has one), a clock time ("8:30"), an age closing a phrase ("dies at 91", "at the age
    of 85") or set off by commas after a name ("Jackman, 40, star of ...").
    """
    if value != int(value):
        return True
    first, last = found[start], found[end - 1]
    if text[first.start() - 1 : first.start()] in _CURRENCY:  # "$300,000"
        return True
    if _CLOCK_DIGITS.match(text, last.end() - 1) or _CLOCK_DIGITS.match(text, first.start() - 2):
        return True
    prev = lowered[start - 1] if start else ""
    nxt = lowered[end] if end < len(lowered) else ""
    closes = last.group().endswith((",", ".")) or nxt in _AGE_CLOSERS
    if prev == "at" and closes and (start < 2 or lowered[start - 2] not in _LEVEL_VERBS):
        return True
    if prev == "of" and start >= 2 and lowered[start - 2] in ("age", "aged", *_KIN):
        return True
    after_name = start >= 1 and found[start - 1].group()[:1].isupper()
    set_off = "," in text[found[start - 1].end() : first.start()] if start else False
    # "Jackman, 40, star of", "Andrew Lopez, 20 and Jonathan Carrasquillo, 24, were"
    aside = last.group().endswith((",", ".")) or nxt in ("", "and", "who")
    return after_name and set_off and aside and value < 130


def _clock_as_unit(m: re.Match[str]) -> str:
    """ "5 pm" reads as "5h", padded so every offset after it still holds."""
    return "h".ljust(len(m.group()))


_PERSONS = wordset(
    """man men woman women child children boy boys girl girls person people officer officers
    soldier soldiers civilian civilians worker workers policeman policemen"""
)


def _joined_group(lowered: list[str], start: int, noun_at: int) -> tuple[float, int]:
    """People added to a count by "and a man" after it or "a man and" before it, and the
    index of the group's last word: a toll given as who died is still one toll."""
    after = lowered[noun_at + 1 : noun_at + 4]
    if len(after) == 3 and after[0] == "and" and after[2] in _PERSONS:
        more = 1.0 if after[1] in ("a", "an", "one") else token_number(after[1])
        if more:
            return more, noun_at + 3
    before = lowered[max(0, start - 3) : start]
    if (
        len(before) == 3
        and before[2] == "and"
        and before[1] in _PERSONS
        and (before[0] in ("a", "an", "one"))
    ):
        return 1.0, noun_at
    return 0.0, noun_at


_IRREGULAR_PLURALS = wordset("men women people children police policemen personnel")
_NOT_PLURALS = wordset("was has is his its this thus us as yes news series")
_JOINS = wordset("or and to of")


def _plural(word: str) -> bool:
    """Does ``word`` look like a plural noun, something a figure counts ("robbers", "men")?"""
    if word in _IRREGULAR_PLURALS:
        return True
    return (
        len(word) >= 4
        and word.isalpha()
        and word.endswith("s")
        and not word.endswith(("ss", "ous"))
        and word not in _NOT_PLURALS
    )


def _both_tolls(lowered: list[str], at: int, hi: int) -> bool:
    """Is the figure ending at ``at`` followed by two tolls joined ("killed and injured",
    "dead or wounded"): a count of casualties, not of the dead nor of the wounded?"""
    after = lowered[at + 1 : min(hi, at + 6)]
    for i in range(len(after) - 2):
        first, join, second = after[i : i + 3]
        kinds = {_event_class(first), _event_class(second)}
        if join in ("and", "or") and len(kinds) == 2 and kinds <= CASUALTY_EVENTS:
            return True
    return False


def _counts_people(lowered: list[str], at: int) -> bool:
    """Do people follow the figure ending before ``at``, perhaps after its other end ("10-12
    people", "5 - 6 civilians"): a range of a toll, not a score."""
    rest = [w for w in lowered[at : at + 2] if token_number(w) is None]
    return bool(rest) and (rest[0] in _PERSONS or rest[0] in _GENERIC)


_CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
_CURRENCY_NAMES = frozenset({*_CURRENCIES.values(), "euro", "dollar", "pound"})
_GLUED_SCALES = {"m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3}


def _money(
    text: str, found: list[re.Match[str]], lowered: list[str], start: int, end: int, value: float
) -> tuple[Quantity, int] | None:
    """A sum of money after its currency sign ("$40 million", "€3m", "$1.5-million"), as a
    count of the currency, and the index of the word after it; None for any other figure.
    A claim's sum is one of its counts (``tests/gold/README.md``), so it is read as one,
    not set aside as a measure."""
    at = found[start].start()
    currency = _CURRENCIES.get(text[at - 1 : at])
    if currency is None:
        return None
    scale = _GLUED_SCALES.get(lowered[end]) if end < len(lowered) else None
    if scale and found[end].start() == found[end - 1].end():  # "€2m", "$1.7bn"
        value *= scale
        end += 1
    quantity = Quantity(
        text=text[at - 1 : found[end - 1].end()],
        span=Span(at - 1, found[end - 1].end()),
        value=value,
        counts=currency,
        event=currency,
    )
    return quantity, end


_COMPOUND = re.compile(r"([A-Za-z]+)-([A-Za-z]+)")
_NOT_COUNTED = wordset("time times old way fold member strong")


def _compound_count(word: str, found: re.Match[str]) -> Quantity | None:
    """A count written into one hyphenated word ("a two-party vote", "a four-man crew"):
    the thing counted is the word's second half. Measures ("a two-year term", "a
    three-day visit") and "three-time" are none."""
    m = _COMPOUND.fullmatch(word)
    if m is None:
        return None
    head, thing = m.group(1).lower(), m.group(2).lower()
    value = token_number(head)
    if value is None or head == "one" or thing in _MEASURES or thing in _NOT_COUNTED:
        return None
    if thing.startswith(("year", "month", "week", "day", "hour", "minute")):
        return None
    return Quantity(
        text=word, span=Span(found.start(), found.end()), value=value, counts=thing, event=thing
    )


def is_court_count(q: Quantity) -> bool:
    """Is ``q`` what a court counts ("two counts of murder", "three charges")?"""
    return q.event in _LEGAL_COUNTS


def is_sum(q: Quantity) -> bool:
    """Is ``q`` a sum of money ("$40 million", "9 million euros")?"""
    return q.counts in _CURRENCY_NAMES


_CONVERSION_GAP = re.compile(r"\s*[(;,/]?\s*")


def conversions(text: str, found: tuple[Quantity, ...]) -> list[tuple[Quantity, ...]]:
    """The sums of money among ``found`` (``text``'s counts) that give one sum in several
    currencies, side by side: "9 million euros (8 million pounds)", "€3m (£2.6m; $4m)"."""
    groups: list[list[Quantity]] = []
    for q in sorted((q for q in found if is_sum(q)), key=lambda q: q.span.start):
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and last.span.end <= q.span.start
            and _CONVERSION_GAP.fullmatch(text[last.span.end : q.span.start])
        ):
            groups[-1].append(q)
        else:
            groups.append([q])
    return [tuple(g) for g in groups if len(g) > 1]


def conversion_groups(text: str, found: tuple[Quantity, ...]) -> tuple[tuple[int, ...], ...]:
    """``conversions`` as indexes into ``found``: how a reading stores them
    (``PassageFacts.conversions``)."""
    at = {id(q): n for n, q in enumerate(found)}
    return tuple(tuple(at[id(q)] for q in group) for group in conversions(text, found))


_MULTIPLES = {"double": 2.0, "twin": 2.0, "triple": 3.0}
"""Words that give a count of what they qualify: "a double murder" is two murders."""


def multiples(text: str) -> frozenset[float]:
    """The counts ``text``'s words give ("a double murder", "twin blasts": 2)."""
    return frozenset(_MULTIPLES[w] for w in informative_terms(text) if w in _MULTIPLES)


_ORDINAL_WORDS = {
    word: n
    for n, word in enumerate(
        [
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        start=2,
    )
}
_ORDINAL = re.compile(
    r"(?<![\w-])(?:(?P<word>" + "|".join(_ORDINAL_WORDS) + r")|(?P<digits>\d{1,3})(?:st|nd|rd|th))"
    r"(?P<joint>[-\s]+)?(?P<next>[A-Za-z]+)?",
    re.IGNORECASE,
)
_RANKED = wordset(
    """largest biggest highest lowest best worst most least oldest youngest busiest richest
    leading ranked seeded annual century centuries hour time times half quarter period
    inning innings set round stage leg heat semifinal semifinals quarterfinal quarterfinals"""
)
"""Words after an ordinal that make it a rank, a part of a whole or a time, not a count of the
event: "the second-largest city", "the 21st century", "in the third quarter", "in the sixth
round", "an 11th-hour rule", "for the second time" (a detail, as "for the first time" is),
"the 64th annual"."""


def ordinals(text: str) -> frozenset[int]:
    """The ordinals ``text`` counts its event with ("the fourth manager sacked this season", "his
    12th straight win", "the third night of protests"): a figure of the event, as a count is
    (``tests/gold/README.md``). "First" is none ("for the first time" is a detail), nor a rank
    or part ("second-largest", "the third quarter") or a date ("December 9th")."""
    out = set()
    for found in _ORDINAL.finditer(text):
        written = found.group("next") or ""
        after = written.lower()
        if after in _RANKED or after in _MONTHS:
            continue
        if written[:1].isupper() and not written.isupper():
            continue  # "the 64th Tellford Awards": a name
        before = re.findall(r"[A-Za-z]+", text[max(0, found.start() - 12) : found.start()])
        if before and (before[-1].lower() in _MONTHS or before[-1].lower() in _LABELLED):
            continue  # "December 9th", "Week 16th"
        if after == "of" and re.match(r"\s*(?:\w+)", text[found.end() :]):
            rest = re.findall(r"[A-Za-z]+", text[found.end() : found.end() + 12])
            if rest and rest[0].lower() in _MONTHS:
                continue  # "the 5th of May"
        word = found.group("word")
        out.add(_ORDINAL_WORDS[word.lower()] if word else int(found.group("digits")))
    return frozenset(n for n in out if n >= 2)


_SCORE_PAIR = re.compile(
    r"(?<![\w.,$€£-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\w%/-]|[.,]\d)(?!\s?/)(?:\s+([A-Za-z]+))?"
)
_NOT_SCORES = wordset("between from aged ages age of under over")
"""Words before two numbers joined by a dash that make them a range ("between 10-12",
"aged 18-25"), not a score."""


def scores(text: str) -> frozenset[str]:
    """The scores and records ``text`` gives ("a 3-1 victory", "the Harriers (11-4)"), the
    higher first: a figure of the event as a count is (``tests/gold/README.md``: points, a
    team's record). A range of people ("10-12 people") is none."""
    out = set()
    for found in _SCORE_PAIR.finditer(text):
        after = (found.group(3) or "").lower()
        if after in _PERSONS or after in _GENERIC or _plural_count(after):
            continue
        before = re.findall(r"[A-Za-z]+", text[max(0, found.start() - 10) : found.start()])
        if before and before[-1].lower() in _NOT_SCORES:
            continue
        high, low = sorted((int(found.group(1)), int(found.group(2))), reverse=True)
        out.add(f"{high}-{low}")
    return frozenset(out)


def _plural_count(word: str) -> bool:
    """Is ``word`` a counted noun after a range ("10-12 houses", "3-4 weeks")?"""
    return word in _MEASURES or (word.endswith("s") and word not in _SCORE_NOUNS)


_SCORE_NOUNS = wordset("wins losses points goals runs victories defeats")


_PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)


def percents(text: str) -> frozenset[float]:
    """The shares ``text`` gives ("61 per cent of voters", "a 5% rise"): a figure of the
    event, as a count is."""
    return frozenset(float(m.group(1)) for m in _PERCENT.finditer(text))


_KILLING = re.compile(r"\b(?:murder\w*|homicide\w*|manslaughter|killing\w*)\b", re.IGNORECASE)


def names_killing(text: str) -> bool:
    """Does ``text`` name a killing, as a court counts it ("two counts of murder")?"""
    return bool(_KILLING.search(text))


_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
_LETTERS = re.compile(r"[A-Za-z]+")
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for"})


@lru_cache(maxsize=32_768)
def acronyms(text: str) -> frozenset[str]:
    """The acronyms ``text`` writes ("VX", "IL", "UEL"); none in a headline set in capitals."""
    found = _ACRONYM.findall(text)
    words = _LETTERS.findall(text)
    if not found or sum(w.isupper() for w in words) * 2 > len(words):
        return frozenset()
    return frozenset(found)


def initials(text: str) -> str:
    """The initial of each word ``text`` writes, lowercase, and uppercase for a word an
    acronym may skip ("University of East Lisle" -> "uOel"): what another passage's acronym
    is spelled out against ("Vortex Xplorer" for VX, "injured list" for IL, "University of
    East Lisle" for UEL: ``PassageFacts.initials``)."""
    return "".join(
        w[0].upper() if w.lower() in _ACRONYM_SKIPS else w[0].lower()
        for w in _LETTERS.findall(text)
    )


_HEADLINE_WORDS = 10


def is_headline(text: str) -> bool:
    """Is ``text`` written as a headline: short, or set in capitals? A headline names its
    act by a noun as often as by a verb ("Fire at the depot may have been arson")."""
    words = _LETTERS.findall(text)
    return len(words) <= _HEADLINE_WORDS or sum(w[0].isupper() for w in words) * 2 > len(words)


def _clause_bounds(text: str, words: list[str]) -> list[int]:
    """Where ``words`` (``text``'s) break into clauses, first and last included: the bounds
    keep "killing four ... while 36 others were injured" apart."""
    bounds: list[int] = [0]
    position = 0
    for i, w in enumerate(words):
        position = text.find(w, position)
        before = text[max(0, position - 3) : position]
        if i and _CLAUSE_BREAK.search(before):
            bounds.append(i)
    bounds.append(len(words))
    return bounds


@lru_cache(maxsize=8192)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Counts in ``text``: "four people", "at least 15 civilians", "a dozen", "300,000"."""
    text = _CLOCK.sub(_clock_as_unit, text)
    found = list(_WORD.finditer(text.replace("’", "'")))
    words = [m.group() for m in found]
    lowered = [w.lower() for w in words]
    bounds: list[int] = []  # read when the first figure needs its clause
    out: list[Quantity] = []
    alternative_at = -1  # where the figure after "three or" starts
    i = 0
    while i < len(words):
        low = lowered[i]
        if "-" not in low and low != "another":
            bare = low.rstrip(".,")
            if not (bare[:1].isdigit() or bare in COUNT_WORDS):
                i += 1  # no figure starts here: token_number would say None
                continue
        value = token_number(words[i])
        compound = _compound_count(words[i], found[i]) if "-" in words[i] else None
        if compound is not None:
            out.append(compound)
            i += 1
            continue
        if (
            lowered[i] == "another"
            and i + 1 < len(words)
            and _event_class(lowered[i + 1]) in CASUALTY_EVENTS
        ):
            value = 1.0  # "two killed and another wounded": one wounded
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
        while j < len(words) and (lowered[j] in _SCALES or lowered[j] in COUNT_WORDS):
            if lowered[j] in _SCALES:
                value *= _SCALES[lowered[j]]
            else:
                value += token_number(words[j]) or 0.0
            j += 1
        money = _money(text, found, lowered, start, j, value)
        if money is not None:
            out.append(money[0])
            i = money[1]
            continue
        prev = lowered[start - 1] if start else ""
        nxt = lowered[j] if j < len(words) else ""
        digits = words[start].rstrip(".,")
        is_year = digits.isdigit() and len(digits) == 4 and 1900 <= value <= 2100
        glued = text[found[j - 1].end() : found[j - 1].end() + 1].isalpha()  # "10News", "3G"
        after = text[found[j - 1].end() : found[j - 1].end() + 4]
        before_text = text[max(0, found[start].start() - 3) : found[start].start()]
        scored = (
            bool(_SCORE.match(after)) or bool(re.search(r"\d\s*[-–]\s*$", before_text))
        ) and not _counts_people(lowered, j)
        if (
            is_year
            or glued
            or _measures(text, found, lowered, start, j, value)
            or prev in _MONTHS
            or nxt in _MONTHS
            or nxt.rstrip(".") in _TIME_UNITS
            or nxt.split("-")[0] in _MEASURES
            or nxt in _MEASURES
            or prev in _MEASURED_BY
            or prev in _LABELLED
            or scored
        ):
            i = j
            continue
        if not bounds:
            bounds = _clause_bounds(text, words)
        lo = max(b for b in bounds if b <= start)
        hi = min(b for b in bounds if b > start)
        k = j
        while k < hi and lowered[k] in ("of", "her", "his", "their", "its", "the", "more"):
            k += 1
        # The counted noun is in the figure's clause: "risen to 41, the Red Crescent said"
        # counts nothing called "Red".
        noun = lowered[k] if k < hi and not words[j - 1].endswith(",") else ""
        if noun and (token_number(noun) is not None or _event_class(noun)):
            noun = ""  # "50 injured", "1 Dead": the toll's own word, no counted noun
        elif noun and not _plural(noun) and noun.isalpha() and noun not in _JOINS:
            # "four armed robbers", "three undersea cables": the noun after its modifiers.
            later = [at for at in range(k + 1, min(hi, k + 3)) if _plural(lowered[at])][:1]
            between = lowered[k + 1 : later[0]] if later else []
            if later and not any(_event_class(w) or token_number(w) is not None for w in between):
                k = later[0]
                noun = lowered[k]
        if noun in _PERSONS:
            # "two women and a man", "a man and two women": one group, three people.
            more, last_word = _joined_group(lowered, start, k)
            if more:
                value, noun, k = value + more, "people", last_word
        event = _event_of(words, start, lo, hi) or (noun or "count")
        if event in CASUALTY_EVENTS and _both_tolls(lowered, k if noun else j - 1, hi):
            event = "killed or wounded"  # "two victims killed and injured": no one toll
        if noun in _LEGAL_COUNTS or (noun in _THINGS and event in CASUALTY_EVENTS):
            event = noun  # "18 houses injured", "two games short of the finale"
        if noun == "them" and out:
            event = out[-1].event  # "23 people had been killed ..., 14 of them in ..."
        last = k if noun else j - 1
        j = max(j, last + 1)
        either = noun == "or" and j < hi and token_number(words[j]) is not None
        hedged = bool(out) and start == alternative_at
        if either:
            noun, event, last = "", "", k - 1  # counted by the figure after it
        elif hedged:
            # "three or four robbers": either figure counts the robbers, neither firmly.
            out[-1] = replace(out[-1], counts=noun or "count", event=event)
        if " ".join(lowered[max(0, start - 2) : start]) in _DESCRIBED_BY or prev == "population":
            event = "population"  # "Qeshm, home to 120,000 people": the place, not the event
        out.append(
            Quantity(
                text=" ".join(words[start : last + 1]),
                span=Span(found[start].start(), found[last].end()),
                value=value,
                counts=noun or "count",
                event=event,
                approx=either or hedged,
            )
        )
        alternative_at = j if either else -1
        i = j
    return tuple(q for q in out if q.event)  # a "three or" whose other figure counted nothing


_UNIT_NAMES: dict[str, str] = {
    word: unit
    for unit, words in {
        "minute": "minute minutes min mins",
        "hour": "hour hours hrs",
        "day": "day days",
        "week": "week weeks",
        "month": "month months",
        "year": "year years yr yrs",
        "km": "km kms kilometre kilometres kilometer kilometers",
        "mile": "mile miles",
        "metre": "m metre metres meter meters",
        "foot": "foot feet ft",
        "magnitude": "magnitude",
        "percent": "percent %",
        "degree": "degree degrees",
    }.items()
    for word in words.split()
}


_ON_THE_WAY = frozenset({"of", "at", "least", "about", "around", "nearly", "approximately", "a"})


def _after_magnitude(low: list[str], at: int) -> bool:
    """ "magnitude 5.9", "a magnitude of at least 5.9", "measuring 5.6"; not "a 5.9 magnitude
    earthquake has leveled seven villages"."""
    i = at - 1
    while i >= 0 and low[i] in _ON_THE_WAY:
        i -= 1
    return i >= 0 and low[i] in ("magnitude", "measuring")


_QUAKES = wordset("quake quakes earthquake earthquakes tremor temblor aftershock")


def _quake_reading(word: str, low: list[str], at: int) -> bool:
    """ "a 5.6 quake", "a strong 6.1 earthquake": a fraction before a quake is its magnitude,
    as much as after "magnitude"."""
    return "." in word and at + 1 < len(low) and low[at + 1] in _QUAKES


_DISTANCES = frozenset({"km", "mile", "metre", "foot"})
_BEARINGS = wordset(
    """north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west northern southern eastern western offshore inland away"""
)


_FALLS = wordset("fell fall falls falling plunged plunge plunging slipped slipping tumbled dropped")


def _distance_from(low: list[str], at: int, unit: str) -> str:
    """A distance's unit with the place it is measured from ("930 miles south of the
    capital" -> "mile from capital"): distances from different places are not rivals."""
    i = at
    if i + 1 < len(low) and token_number(low[i]) is not None and low[i + 1] in _UNIT_NAMES:
        i += 2  # "58km (36 miles) south-west of": the conversion is the same distance
    bearing = i
    while i < len(low) and low[i] in _BEARINGS:
        i += 1
    # "south of the capital", "within 5 km of", "south-west from", "330 feet from a police
    # station"; not "fell 60 metres from a ridge", where "from" is where the fall began.
    fall = any(w in _FALLS for w in low[max(0, at - 8) : at])
    if i < len(low) and (low[i] == "of" or (low[i] == "from" and (i > bearing or not fall))):
        i += 1
        while i < len(low) and low[i] in ("the", "a", "an"):
            i += 1
        if i < len(low):
            return f"{unit} from {low[i]}"
    return unit


def measures(text: str) -> tuple[Quantity, ...]:
    """Spans, distances and magnitudes: "within ten minutes", "five kilometres", "a 5.9
    quake" after "magnitude". Their ``counts`` is the unit, their ``event`` "measure".

    Ages ("15-year-old") and times before the report ("12 days ago") are left out: they say
    who or when, and differ between reports written on different days.
    """
    found = list(_WORD.finditer(text.replace("’", "'")))
    low = [m.group().lower().rstrip(".,-") for m in found]
    out: list[Quantity] = []
    for i, word in enumerate(low):
        value = token_number(word)
        if value is None:
            continue
        unit = _UNIT_NAMES.get(low[i + 1]) if i + 1 < len(low) else None
        if unit is None and (_after_magnitude(low, i) or _quake_reading(word, low, i)):
            unit = "magnitude"
        if not value or unit is None or (i + 2 < len(low) and low[i + 2] == "ago"):
            continue
        if unit in _DISTANCES:
            unit = _distance_from(low, i + 2, unit)
        out.append(
            Quantity(
                text=found[i].group(),
                span=Span(found[i].start(), found[i].end()),
                value=value,
                counts=unit,
                event="measure",
            )
        )
    return tuple(out)


_CAUSE = re.compile(
    r"\b(?:(?:died|dies|die)\s+(?:of|from)|(?:dead|death|deaths)\s+from|because\s+of|due\s+to|"
    r"after\s+(?:suffering|failing|lingering|being|having)|(?<!the\s)following)\s+"
    r"((?:[\w'-]+\s+){0,5}[\w'-]+)",
    re.IGNORECASE,
)
_CAUSE_ENDS = wordset(
    "in at on while when where and but as to for with by near inside outside after before during"
)


@lru_cache(maxsize=4096)  # a claim is weighed against each of its candidates
def causes(text: str) -> tuple[str, ...]:
    """The causes and reasons ``text`` gives for what it says happened: "died of heart
    failure" -> "heart failure", "placed on injured reserve because of a sprained ankle",
    "arrested after failing a breath test", "fired following a 1-9 start". A claim's cause is
    part of its point (``tests/gold/README.md``), so evidence naming none of its words states
    the claim only in part. A cause ends at the first preposition or conjunction after its
    first word that is not one ("lingering in a coma for a week" -> "a coma")."""
    out = []
    for found in _CAUSE.finditer(text):
        words: list[str] = []
        for word in re.split(r"[\s,;.]+", found.group(1)):
            if word.lower() in _CAUSE_ENDS:
                if any(w.lower() not in STOPWORDS for w in words):
                    break
                continue
            if word:
                words.append(word)
        if any(w.lower() not in STOPWORDS for w in words):
            out.append(" ".join(words))
    return tuple(out)


def cause_readings(text: str) -> tuple[Cause, ...]:
    """The causes ``text`` gives (``causes``), each with the stems evidence must name one of
    to give it. Only the cause's own words count: in "put on the injured list because of
    his injured knee" the "injured" of "injured list" is the act, and "knee" the cause."""
    out = []
    for said in causes(text):
        words = content_stems(said)
        own = words - content_stems(text.replace(said, " "))
        out.append(Cause(said, own or words))
    return tuple(out)


_DESCRIBED_BY = frozenset({"home to", "population of"})
"""Words before a figure that make it a place's population ("Qeshm, home to 120,000 people"):
a description of where the event happened, never a count of it (``compare._DESCRIPTIONS``)."""


_NEGATION_CUE = wordset("not no never nor n't none nobody nothing neither cannot")
# Words a negation passes over to reach what it negates: "did not have a gun" negates the gun.
_NEGATION_SKIP = wordset(
    """a an the any be been being is are was were have has had do does did one of to it
    there that this his her their its more longer yet even ever all only just so as also
    been very much such single immediately further anyone anything likely necessarily
    quite exactly always"""
)
_NEGATION_REACH = 4
# "did not say", "has not identified the victims": what was not said yet, never said not so.
_UNSAID = wordset(
    """say said says tell told comment commented elaborate specify disclose disclosed provide
    provided release released identify identified confirm confirmed know known give gave
    given respond responded return returned name named reveal revealed"""
)


def negated_terms(text: str) -> frozenset[str]:
    """The words (lowercased) a negation applies to: "no militants were there" negates
    "militants", "he did not have a gun" the gun, "Ross has not departed" the departing.

    Only the first word past the negation (and its auxiliaries and articles) is in scope:
    the one thing a passage says is not so, which another passage may say is.
    """
    written = [m.group() for m in _WORD.finditer(text.replace("’", "'"))]
    words = [w.lower() for w in written]
    out: set[str] = set()
    for i, word in enumerate(words):
        if word not in _NEGATION_CUE and not word.endswith("n't"):
            continue
        if word == "no" and (i + 1 == len(words) or words[i + 1][:1].isdigit()):
            continue  # "the No. 1 Tar Heels": a number
        for k in range(i + 1, min(len(words), i + 1 + _NEGATION_REACH)):
            nxt = words[k]
            if nxt in _NEGATION_SKIP or nxt[:1].isdigit():
                continue
            # A name after a lowercase "not" is what it is not ("not Patch Tuesday, but"),
            # not an action; in a title-case headline every word is capitalised.
            named = written[k][:1].isupper() and written[i][:1].islower()
            if nxt not in _NEGATION_CUE and nxt not in _UNSAID and not named:
                out.add(nxt)
            break
    return frozenset(out)


# A denial's object follows these ("denied that the convoy had been turned away", "no
# evidence of any such warning"); these judge what comes before ("the reports are baseless").
_DENY_BEFORE = wordset("deny denies denied denying denial refute refutes refuted rebut rebuts")
_DENY_BEFORE |= wordset("rebutted reject rejects rejected rejecting dismiss dismisses dismissed")
_DENY_AFTER = wordset("baseless unfounded untrue false fabricated fabrication lies")
# Where a denial's object ends: an adjunct of time, place or reason, or the clause.
_OBJECT_ENDS = wordset(
    """following after before at in on during when while because since but as by from near
    despite amid"""
)
_OBJECT_WORDS = 4


def denied_terms(text: str, *, whole: bool = False) -> frozenset[str]:
    """The words (lowercased) of what a passage denies: the object after "denied" ("denies
    arson" -> arson; "denied that the convoy had been turned away" -> convoy, turned, away),
    after "no evidence of", or the subject before "baseless" or "untrue". Empty when the
    passage denies nothing it names; then all of it is what is denied.

    "A man denied arson following a fire" denies the arson, not the fire: a report of the
    fire is no answer to it, a report that he was charged with arson is.

    ``whole``: the text is itself what a speaker denies (the content of a denial: "arson
    following a fire at a supermarket"), read as a denial's object from its first word.
    """
    words = [m.group().lower() for m in _WORD.finditer(text.replace("’", "'"))]
    if whole:
        words = ["deny", *words]
    out: list[str] = []
    for i, word in enumerate(words):
        if word in _DENY_BEFORE or (word == "evidence" and i and words[i - 1] == "no"):
            j = i + 1
            if j + 1 < len(words) and words[j] == "by":  # "dismissed by critics as a sham"
                j += 2
            if j < len(words) and words[j] == "as":
                j += 1
            span = words[j:]
        elif word in _DENY_AFTER:
            span = list(reversed(words[max(0, i - 6) : i]))
        else:
            continue
        taken = 0
        for w in span:
            if w in _OBJECT_ENDS or taken == _OBJECT_WORDS:
                break
            if w in _NEGATION_SKIP or w in _DENY_BEFORE or w in _DENY_AFTER or w in _SAID:
                continue
            if len(w) < 3 or w[:1].isdigit():
                continue
            out.append(w)
            taken += 1
    return frozenset(out)


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


def days_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name some days and none in common. Weekdays and dates are compared only with their
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


def sites(text: str) -> frozenset[str]:
    """Kinds of site named ("hospital", "market"): the same site under different place names
    ("the hospital" in Lissow, "Marren province's" hospital) is still one site."""
    return frozenset(w for w in _tokens(text.lower()) if w in _SITE_NOUNS)


# What happens after an incident, in the order news tells it: a report of the incident does
# not say whether anyone was arrested, charged, tried or sentenced, nor a reward offered.
_STAGES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (stage, re.compile(pattern, re.IGNORECASE))
    for stage, pattern in (
        (
            "arrested",
            r"\b(?:arrest\w*|detain\w*|in custody|apprehend\w*|booked (?:him|her|them|into))\b",
        ),
        # "charged with murder", not "in charge of", "charged into the crowd", "free of charge"
        # "faces three counts of arson": charged, in the words of a court
        (
            "charged",
            r"(?<!of )\b(?:charg(?:e|es|ed|ing)\b(?! of| into| at)|indict\w*|accused\b|"
            r"fac(?:es|ed|ing) (?:\w+ ){0,3}(?:counts?|charges?)\b)",
        ),
        # "a preliminary hearing", not "after hearing gunshots"
        (
            "hearing",
            r"\b(?:(?:a|the|his|her|their|preliminary|court|bail|plea|sentencing) hearings?|"
            r"arraign\w*|appear(?:s|ed|ing)? (?:in|before) (?:a |the )?(?:court|judge))\b",
        ),
        ("plea", r"\b(?:plead\w*|pled)\b"),
        ("trial", r"\b(?:trials?|jury|jurors?|testif\w*|testimony)\b"),
        ("verdict", r"\b(?:convict(?:s|ed|ion)?|guilty|verdict|acquit\w*)\b"),
        ("sentenced", r"\bsentenc\w*"),
        ("reward", r"\breward\w*"),
        ("confessed", r"\bconfess\w*"),
    )
)


_STAGE_KEYS = (
    *("arrest", "detain", "custody", "apprehend", "booked", "charg", "indict", "accused"),
    *("count", "hearing", "arraign", "appear", "plead", "pled", "trial", "jury", "juror"),
    *("testi", "convict", "guilty", "verdict", "acquit", "sentenc", "reward", "confess"),
)
"""A piece of every word a stage's pattern needs: a sentence holding none names no stage."""
_AVOIDED = re.compile(r"\b(?:dodg|avoid|evad|escap|without)\w*\s+(?:\w+\s+)?$", re.IGNORECASE)
"""A stage named as what did not happen: "dodging arrest", "released without charge"."""
_CHAIN = ("arrested", "charged", "hearing", "plea", "trial", "verdict", "sentenced")
"""Stages of a prosecution in their order: each takes the ones before it for granted."""


def stages(text: str) -> frozenset[str]:
    """The stages after an incident a passage speaks of ("charged", "trial", "sentenced",
    "reward"): a claim that a man was charged is not stated by a report of the fire alone.
    Read once per sentence and stored with its facts (``PassageFacts.stages``)."""
    low = text.lower()
    if not any(key in low for key in _STAGE_KEYS):
        return frozenset()  # most sentences: one scan instead of a pattern a stage
    return frozenset(
        stage
        for stage, pattern in _STAGES
        if any(not _AVOIDED.search(text, 0, m.start()) for m in pattern.finditer(text))
    )


def implied_stages(found: frozenset[str]) -> frozenset[str]:
    """``found`` with the stages of a prosecution a later one takes for granted ("found
    guilty" says there was a trial, "the trial of ..." that someone was charged)."""
    last = max((_CHAIN.index(s) for s in found if s in _CHAIN), default=0)
    return found | frozenset(_CHAIN[:last])


def is_caveat(text: str) -> bool:
    """Does the passage say something could not be verified ("could not independently
    verify")?"""
    return bool(_CAVEAT.search(text))


def names_in(text: str) -> list[str]:
    """Capitalised words that do not open a sentence ("Flash floods swept the Varna valley"
    -> ["Varna"]): the names that say which event a passage is about."""
    return [m.group(0) for m in _NAME.finditer(text)]


def capitalised_words(text: str) -> list[str]:
    """Every capitalised word of three letters or more, sentence openers included: the
    people, places and groups an article keeps naming (and some openers, which repeat less)."""
    return [m.group() for m in _CAPITAL.finditer(text)]


@lru_cache(maxsize=8192)  # the copies of an article repeat its claims word for word
def read_passage(text: str, context: str = "", *, stance: str | None = None) -> PassageFacts:
    """The facts of ``text``; places and days also come from ``context`` (its sentence).

    ``stance`` is what the attribution stage found the speaker doing ("denies", "accuses"):
    a denial is a denial whether or not its sentence says "denied".
    """
    scope = f"{text} {context}" if context and text not in context else (context or text)
    acts = read_acts(text)
    counts = quantities(text)
    if context and text in context:
        # Read counts in their sentence, where "14 of them" meets its "killed".
        counts = tuple(q for q in quantities(context) if q.text in text) or counts
    return PassageFacts(
        quantities=counts,
        measures=measures(text),
        places=places(scope),
        sites=sites(scope),
        incidents=incidents(scope),
        separate=bool(_SEPARATE.search(text)),
        days=days(scope),
        denies=stance == "denies" or bool(_DENIAL.search(text)),
        accuses=stance == "accuses" or bool(_ACCUSATION.search(text)),
        caveat=is_caveat(text),
        gains_control=bool(_GAIN.search(text)),
        retains_control=bool(_RETAIN.search(text)),
        negated=bool(_NEGATION.search(text)),
        negates=negated_terms(text),
        denied=denied_terms(text, whole=stance == "denies" and not _DENIAL.search(text)),
        mentions_figure=bool(_FIGURE_WORDS.search(text)),
        tentative=_hedges_the_act(text),
        stages=stages(text),
        predicates=acts.predicates,
        acts=acts.named,
        acronyms=acronyms(text),
        initials=initials(text),
        causes=cause_readings(text),
        conversions=conversion_groups(text, counts),
        multiples=multiples(text),
        headline=is_headline(text),
        names_killing=names_killing(text),
        ordinals=ordinals(text),
        scores=scores(text),
        percents=percents(text),
    )


SENTENCE_FACTS_CACHE = 8192
"""Sentences whose facts stay remembered: claims are corroborated story by story, so the
evidence a story shares is reused while it is fresh; a few MB."""


@lru_cache(maxsize=SENTENCE_FACTS_CACHE)
def sentence_facts(text: str, stance: str | None = None) -> PassageFacts:
    """``read_passage`` of a whole sentence, remembered.

    Corroborating a story's claims retrieves the same few evidence sentences for each of
    them (in a 2,000-article corpus, 34,000 reads were of 5,400 sentences), and reading
    facts is a third of the work. ``PassageFacts`` is frozen, so sharing one is safe.
    """
    return read_passage(text, stance=stance)


__all__ = [
    "CALENDAR_NAMES",
    "CALENDAR_WORDS",
    "CASUALTY_EVENTS",
    "EVENTS",
    "PassageFacts",
    "days",
    "days_clash",
    "figure_label",
    "capitalised_words",
    "incidents",
    "is_casualty",
    "is_caveat",
    "is_generic",
    "names_in",
    "causes",
    "negated_terms",
    "denied_terms",
    "measures",
    "places",
    "quantities",
    "read_passage",
    "sentence_facts",
    "sites",
    "stages",
    "implied_stages",
    "acronyms",
    "conversions",
    "is_court_count",
    "is_headline",
    "is_sum",
    "names_killing",
    "initials",
    "cause_readings",
    "conversion_groups",
    "multiples",
    "ordinals",
    "percents",
    "scores",
]
