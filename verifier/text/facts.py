"""Claim facts: the figures, events, places and dates a fact-checker scans a claim for.

A reviewer triaging hundreds of claims reads "4 killed · Aleppo University student housing"
faster than a sentence, and two reports of one event can only be compared figure by figure
("at least 15 civilians killed" against "12 dead") once each figure is a number with bounds,
the noun it counts and the event it goes with. Dates are resolved against the article's own
publication date, because news writes "on Thursday", not "on 2024-11-28".

Everything here is regular expressions compiled once plus a stemmer on the few words that
pass a prefix filter: it runs on every claim of every ingested article, so it must cost far
less than sentence splitting. It never raises on any input text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

from verifier.models import ClaimDate, ClaimFacts, Quantity, Span
from verifier.safety import strip_controls
from verifier.text.lexicon import wordset
from verifier.text.lexicon.facts_words import (
    COUNT_STOP,
    DURATIONS,
    EVENT_PREFIXES,
    EVENT_STEMS,
    GENERIC_COUNTS,
    IRREGULAR,
    MONTHS,
    NOT_PLACES,
    ORG_TAILS,
    PLACE_KINDS,
    PLACE_SUFFIXES,
    QUALIFIERS,
    SCALES,
    TARGET_STOP,
    TENS,
    TRANSITIVE_EVENTS,
    UNITS,
    VAGUE,
    WEEKDAYS,
)
from verifier.text.numbers import parse_number

GIST_MAX = 60


def _alt(words: object) -> str:
    """A regex alternation of literal words/phrases, longest first so none shadows another."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


# --- numbers ----------------------------------------------------------------------------------

_NUM_TOKEN = rf"(?:{_alt([*UNITS, *TENS, *SCALES, 'dozen'])})"
_AFTER_SCALE_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
_WORD_NUMBER = (
    rf"(?:(?:an?|half\s+a)\s+(?=dozen|hundred|thousand|million|billion))?"
    rf"{_NUM_TOKEN}\b(?:(?:[ \t]*-[ \t]*|[ \t]+|{_AFTER_SCALE_AND}){_NUM_TOKEN}\b)*"
)
_DIGITS = (
    r"(?<![\w.,/:])(?<![A-Za-z]-)"
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:[ \t]*(?:hundred|thousand|million|billion|trillion)\b|(?:k|m|mn|bn)\b)?"
    r"(?!:\d|[.,]\d)"
)
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
_QUANTITY = re.compile(
    rf"(?<![\w'’])(?:(?P<qual>{_alt(QUALIFIERS)})\s+)?"
    rf"(?:between\s+(?P<ba>{_NUMBER})\s+and\s+(?P<bb>{_NUMBER})"
    rf"|(?P<ra>{_NUMBER})(?:[ \t]*[-–—][ \t]*|\s+(?:to|or)\s+)(?P<rb>{_NUMBER})"
    rf"|(?P<n>{_NUMBER})"
    rf"|(?P<vague>{_alt(VAGUE)}))"
    r"(?![\w])"
)
_NUMBER_START = re.compile(
    rf"(?<![\w'’])(?:\d|(?:{_alt([*UNITS, *TENS, *SCALES, 'dozen', 'half', *VAGUE])})\b"
    r"|an?\s+(?=dozen|hundred|thousand|million|billion))"
)
"""Where a figure can begin; the full pattern is only tried there (and just before, for a
qualifier), because trying ~150 alternatives at every position is what makes regexes slow."""
_LEAD_BEFORE = re.compile(rf"(?<![\w'’])(?:{_alt(QUALIFIERS)}|between)\s+$")
_NUMBER_GATE: tuple[str, ...] = tuple(
    sorted({*UNITS, *TENS, *SCALES, "dozen", "scores"} - {"zero"}, key=len)
)
_DIGIT = re.compile(r"\d")
_PERCENT = re.compile(r"[ \t]*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)
_TIME_AFTER = re.compile(r"[ \t]*(?:[ap]\.?m\b\.?|o['’]clock|GMT|UTC|hrs\b)", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ \t]*\n?[ \t]*([^\W\d_][\w'’.-]*)")
_OF = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?", re.IGNORECASE)
_PRONOUN_AFTER_OF = frozenset({"them", "those", "whom", "us", "these", "which"})
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|from|until|till|by|during|of|the|before|after|early|late|mid)|['’]s)"
    r"[ \t]*$",
    re.IGNORECASE,
)


def _format_number(value: float) -> str:
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if value >= scale and (value / scale * 10).is_integer():
            return f"{value / scale:g} {word}"
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:g}"


# --- events -----------------------------------------------------------------------------------

_CONTROL_VERB = r"(?:took|take|takes|taken|taking|seized|seize|seizes|seizing|gained|gain|gains)"
_EVENT = re.compile(
    rf"\b(?:(?P<ctl>{_CONTROL_VERB}\s+(?:full\s+|complete\s+)?control)"
    rf"|(?P<w>(?:{'|'.join(EVENT_PREFIXES)})[\w’'-]*))"
)
_STEMMER = PorterStemmer()
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)[ \t]+$", re.IGNORECASE)
_VERB_FORMS = frozenset({"struck", "hit", "overran", "overrun", "enter", "enters", "seize"})


@lru_cache(maxsize=8192)
def event_of(word: str) -> str:
    """The event a word names ("killing" -> "killed", "fled" -> "displaced"), or ""."""
    lower = word.lower().rstrip("’'")
    stem = IRREGULAR.get(lower)
    if stem is None:
        try:
            stem = _STEMMER.stem(lower)
        except (IndexError, RecursionError, ValueError):  # odd input must not stop ingest
            return ""
    return EVENT_STEMS.get(stem, "")


@dataclass(frozen=True, slots=True)
class _Event:
    start: int
    end: int
    event: str
    verb: bool  # a verb form that can take an object ("struck", "seized", "entering")


def _events(text: str) -> list[_Event]:
    found: list[_Event] = []
    if "control" not in text and not any(p in text for p in EVENT_PREFIXES):
        return found
    for m in _EVENT.finditer(text):
        if m.group("ctl"):
            found.append(_Event(m.start(), m.end(), "seized", True))
            continue
        word = m.group("w")
        event = event_of(word)
        if event:
            lower = word.lower()
            # "the shelling began": after a determiner the word is a noun, with no object.
            verb = (
                lower.endswith(("ed", "ing")) or lower in _VERB_FORMS
            ) and not _DETERMINER.search(text, max(0, m.start() - 8), m.start())
            found.append(_Event(m.start(), m.end(), event, verb))
    return found


# --- places -----------------------------------------------------------------------------------

_CAP_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w’'-]*|(?:al|el|ad|ar|as|ash|az|ibn|bin|abu)-[^\W\d_][\w’'-]*)"
_CAP_SEQ = rf"{_CAP_WORD}(?:[ \t]+(?:(?:of|de|del|al|el|ez|ad|la|le|du)[ \t]+)?{_CAP_WORD}){{0,4}}"


def _either_case(words: str) -> str:
    """``in|at`` -> ``[Ii]n|[Aa]t``: cheaper for sre than a case-insensitive group."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split("|"))


_PLACE_TRIGGER = (
    "(?:"
    + _either_case("in|at|near|outside|inside|from|into|across|around|towards?|throughout")
    + r"|(?:[Oo]n\s+)?[Tt]he\s+outskirts\s+of"
    r"|(?:city|town|village|province|region|district|governorate|capital|neighbou?rhood"
    r"|suburb|camp|port|state|county|area)\s+of)"
)
_CAP_RUN = re.compile(
    rf"[A-ZÀ-ÖØ-Þ][\w’'-]*(?:[ \t]+(?:(?:of|de|del|al|el|ez|ad|la|le|du)[ \t]+)?{_CAP_WORD}){{0,4}}"
)
_TRIGGER_BEFORE = re.compile(rf"(?<![\w'’-]){_PLACE_TRIGGER}\s+(?:the\s+)?$")
_SUFFIX_AFTER = re.compile(rf"\s+(?:{'|'.join(PLACE_SUFFIXES)})\b(?!\s+of\b)")
_TRIGGER_TAILS = wordset(
    "in at near outside inside from into across around toward towards throughout the of"
)
_POSSESSIVE = re.compile(r"['’]s?$")


def _clean_place(raw: str) -> str:
    words = raw.split()
    while words and words[0].lower().strip("’'") in NOT_PLACES:
        words.pop(0)
    while words and words[-1].lower() in ("of", "de", "del", "al", "el", "ez", "ad", "la", "le"):
        words.pop()
    if not words:
        return ""
    words[-1] = _POSSESSIVE.sub("", words[-1])
    if not words[-1] or words[-1].lower() in ORG_TAILS:
        return ""
    if any(_POSSESSIVE.sub("", w).lower() in NOT_PLACES for w in words[:1]):
        return ""
    return " ".join(words)


def _places(text: str) -> list[tuple[int, str]]:
    """Capitalised runs after "in", "near", "the village of"... or before "province",
    "countryside"...: found from the capitals (a fast scan), then checked on both sides."""
    places: list[tuple[int, str]] = []
    for m in _CAP_RUN.finditer(text):
        start = m.start()
        before = text[max(0, start - 32) : start]
        word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        is_place = (
            word in _TRIGGER_TAILS
            and before[-1:].isspace()
            and _TRIGGER_BEFORE.search(before) is not None
        ) or _SUFFIX_AFTER.match(text, m.end()) is not None
        if is_place:
            place = _clean_place(m.group())
            if place:
                places.append((start, place))
    return places


# --- dates ------------------------------------------------------------------------------------

_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_DATE = re.compile(
    rf"\b(?:(?:{_WEEKDAY_NAME},?[ \t]+)?(?P<m1>{_MONTH_NAME})[ \t]+"
    r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b"
    rf"(?:,?[ \t]+(?P<y1>\d{{4}})\b)?"
    rf"|(?:{_WEEKDAY_NAME},?[ \t]+)?(?:the[ \t]+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+"
    rf"(?:of[ \t]+)?(?P<m2>{_MONTH_NAME})(?:,?[ \t]+(?P<y2>\d{{4}})\b)?"
    rf"|(?P<m3>{_MONTH_NAME})[ \t]+(?P<y3>\d{{4}})\b"
    r"|\b(?P<iso>\d{4}-\d{2}-\d{2})\b"
    rf"|(?:(?P<rel>{_either_case('last|next|this|earlier|late|early')})[ \t]+)?"
    rf"(?P<wd>{_WEEKDAY_NAME})"
    rf"|(?:{_either_case('in|since|during|until|by|before|after|from|of')})[ \t]+"
    r"(?P<y4>(?:1[89]|20)\d{2})\b(?!-\d)"
    rf"|(?:{_either_case('in|since|during|until|by|early|late|mid-?|last|next')})[ \t]*"
    rf"(?P<m4>{_MONTH_NAME})(?![ \t]*\d))"
)
_RELATIVE_DATE = re.compile(
    r"\b(?P<word>yesterday|today|tonight|this[ \t]+(?:morning|afternoon|evening|week|month|year)"
    r"|last[ \t]+(?:night|week|month|year)|next[ \t]+(?:week|month|year))\b"
)
"""Run on the lowered text: these words are dates whatever their case."""


def parse_published(published: str | None) -> date | None:
    """The article's date from its ISO date or datetime; None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return MONTHS.get(name.lower().rstrip("."), 0)


def _nearest_year(month: int, day: int, pub: date) -> date | None:
    """A day and month with no year is the one closest to the article date (past on ties)."""
    best: date | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - pub).days) < abs((best - pub).days):
            best = candidate
    return best


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(pub: date, months: int) -> str:
    index = pub.year * 12 + pub.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _resolve(m: re.Match[str], pub: date | None) -> tuple[str, str, int, int] | None:
    """(ISO date, precision, start, end) for one date match; None when it is not a date."""
    start, end = m.start(), m.end()
    try:
        if m.re is _RELATIVE_DATE:
            return _resolve_word(m.group("word"), pub, start, end)
        if m.group("m1") or m.group("m2"):
            month = _month_number(m.group("m1") or m.group("m2"))
            day = int(m.group("d1") or m.group("d2"))
            year_text = m.group("y1") or m.group("y2")
            if not month or not 1 <= day <= 31:
                return None
            if year_text:
                return date(int(year_text), month, day).isoformat(), "day", start, end
            if pub is None:
                return "", "day", start, end
            resolved = _nearest_year(month, day, pub)
            return (resolved.isoformat() if resolved else ""), "day", start, end
        if m.group("m3"):
            month = _month_number(m.group("m3"))
            return f"{int(m.group('y3')):04d}-{month:02d}", "month", start, end
        if m.group("iso"):
            return date.fromisoformat(m.group("iso")).isoformat(), "day", start, end
        if m.group("wd"):
            weekday = WEEKDAYS[m.group("wd").lower()]
            rel = (m.group("rel") or "").lower()
            if pub is None:
                return "", "day", start, end
            back = (pub.weekday() - weekday) % 7
            if rel == "next":
                return (
                    (pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)).isoformat(),
                    ("day"),
                    start,
                    end,
                )
            if rel == "last" and back == 0:
                back = 7
            return (pub - timedelta(days=back)).isoformat(), "day", start, end
        if m.group("y4"):
            return m.group("y4"), "year", m.start("y4"), m.end("y4")
        if m.group("m4"):
            month = _month_number(m.group("m4"))
            s, e = m.start("m4"), m.end("m4")
            if pub is None or not month:
                return "", "month", s, e
            year = pub.year if month <= pub.month + 1 else pub.year - 1
            return f"{year:04d}-{month:02d}", "month", s, e
    except (ValueError, OverflowError, KeyError):
        return None
    return None


def _resolve_word(phrase: str, pub: date | None, start: int, end: int) -> tuple[str, str, int, int]:
    """ "yesterday", "last week", "this month"... against the article date."""
    word = " ".join(phrase.split())
    if pub is None:
        return "", "day", start, end
    if word in ("yesterday", "last night"):
        return (pub - timedelta(days=1)).isoformat(), "day", start, end
    if word in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return pub.isoformat(), "day", start, end
    first, unit = word.split()
    shift = {"last": -1, "this": 0, "next": 1}[first]
    if unit == "week":
        return _iso_week(pub + timedelta(weeks=shift)), "week", start, end
    if unit == "month":
        return _shift_month(pub, shift), "month", start, end
    return f"{pub.year + shift:04d}", "year", start, end


_DATE_NAMES: tuple[str, ...] = (
    *(name.title() for name in MONTHS if len(name) == 3),
    *(name.title()[:3] for name in WEEKDAYS),
)
"""Every absolute date has a digit, a weekday or a month name: most sentences have none."""
_RELATIVE_WORDS = ("yesterday", "today", "tonight", "night", "week", "month", "year")


_DATE_ANCHOR = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
)


def _date_matches(text: str) -> list[re.Match[str]]:
    """What ``_DATE.finditer(text)`` finds, searched only near a digit or a month or weekday
    name (every date has one), since trying the pattern at every word is the slow part."""
    found: list[re.Match[str]] = []
    last_end = 0
    for anchor in _DATE_ANCHOR.finditer(text):
        pos = anchor.start()
        if pos < last_end:
            continue
        m = _DATE.search(text, max(last_end, pos - 24), min(len(text), pos + 64))
        if m is not None and m.end() > pos + 56:  # may have been cut short: search it whole
            m = _DATE.search(text, max(last_end, pos - 24))
        if m is not None and m.start() <= pos:
            found.append(m)
            last_end = m.end()
    return found


def _dates(text: str, low: str, pub: date | None) -> list[ClaimDate]:
    found: list[tuple[str, str, int, int]] = []
    if _DIGIT.search(text) or any(name in text for name in _DATE_NAMES):
        found += filter(None, (_resolve(m, pub) for m in _date_matches(text)))
    if any(word in low for word in _RELATIVE_WORDS):
        found += filter(None, (_resolve(m, pub) for m in _RELATIVE_DATE.finditer(low)))
    found.sort(key=lambda item: item[2])
    return [ClaimDate(text[s:e], Span(s, e), iso, precision) for iso, precision, s, e in found]


# --- quantities -------------------------------------------------------------------------------


_SKIP_IN_COUNT = frozenset({"more", "other", "additional", "further", "extra"})
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+")


def _ends_sentence(raw: str) -> bool:
    """A word with a full stop that is not an initialism ("U.S.") closes its sentence."""
    return raw.endswith(".") and not _ABBREVIATION.fullmatch(raw)


def _counts_after(text: str, pos: int) -> str:
    """The noun a figure counts: the last word of the short phrase after it ("15 civilians",
    "two Palestinian journalists", "thousands of people"), or "" when none follows."""
    if _PERCENT.match(text, pos):
        return "percent"
    of = _OF.match(text, pos)
    if of:
        nxt = _NEXT_WORD.match(text, of.end())
        if nxt is None or nxt.group(1).lower() in _PRONOUN_AFTER_OF:
            return ""
        pos = of.end()
    words: list[str] = []
    while len(words) < 4:
        m = _NEXT_WORD.match(text, pos)
        if m is None:
            break
        word = m.group(1).rstrip(".")
        lower = word.lower()
        if lower in _SKIP_IN_COUNT:
            pos = m.end()
            continue
        after_noun = bool(words) and not words[-1].lower().endswith(("ed", "ing"))
        if (
            not word
            or lower in COUNT_STOP
            or lower in WEEKDAYS
            or _month_number(lower)
            or lower in UNITS
            or lower in TENS
            or (after_noun and (lower.endswith(("ed", "ing")) or bool(event_of(word))))
        ):
            break
        words.append(word)
        pos = m.end()
        if _ends_sentence(m.group(1)):
            break
        if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
            break  # a plural noun ends the phrase: "civilians", "others", "Palestinians"
    # Participles and event words lead the phrase as adjectives ("300 displaced people",
    # "two remaining theatres") but are never what is counted ("15 killed").
    nouns = [w for w in words if not w.lower().endswith(("ed", "ing")) and not event_of(w)]
    return _POSSESSIVE.sub("", nouns[-1]) if nouns else ""


_GAP_WORDS = frozenset({"", "a", "an", "another", "an additional", "a further", "some"})


def _event_for(start: int, end: int, events: list[_Event], text: str) -> str:
    """The event a figure goes with: the event word just before it ("killing four people"),
    else the first one after it in the same clause ("15 civilians ... were killed")."""
    for ev in reversed(events):
        if ev.end <= start:
            if text[ev.end : start].strip().lower() in _GAP_WORDS:
                return ev.event
            break
    for ev in events:
        if ev.start >= end:
            gap = text[end : ev.start]
            if len(gap) <= 120 and not any(c in gap for c in ";.?!"):
                return ev.event
            break
    return ""


def _quantity_matches(low: str) -> list[re.Match[str]]:
    """What ``_QUANTITY.finditer(low)`` finds, tried only where a number can start."""
    if not _DIGIT.search(low) and not any(w in low for w in _NUMBER_GATE):
        return []
    found: list[re.Match[str]] = []
    last_end = 0
    for candidate in _NUMBER_START.finditer(low):
        start = candidate.start()
        if start < last_end:
            continue
        lead = _LEAD_BEFORE.search(low, max(last_end, start - 24), start)
        m = _QUANTITY.match(low, lead.start()) if lead else None
        if m is None:
            m = _QUANTITY.match(low, start)
        if m is not None:
            found.append(m)
            last_end = m.end()
    return found


def _quantities(
    text: str, lowered: str, events: list[_Event], taken: list[tuple[int, int]]
) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _quantity_matches(lowered):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in taken):
            continue  # a day or year inside a date
        qualifier = " ".join((m.group("qual") or "").lower().split())
        kind = QUALIFIERS.get(qualifier, "")
        value: float | None
        low: float | None
        high: float | None
        approx = kind == "approx"
        if m.group("vague"):
            words = " ".join(m.group("vague").lower().split())
            value, low, high, approx = None, VAGUE.get(words), None, True
        elif m.group("ba") or m.group("ra"):
            a = parse_number(m.group("ba") or m.group("ra"))
            b = parse_number(m.group("bb") or m.group("rb"))
            if a is None or b is None:
                continue
            if b <= a:  # "2023-24", "3-1": not a range of counts
                continue
            value, low, high = None, a, b
        else:
            number = m.group("n")
            value = parse_number(number)
            if value is None:
                continue
            low = high = value
            if kind == "min":
                high = None
            elif kind == "max":
                low = None
            elif kind == "approx":
                low = high = None
            if _TIME_AFTER.match(text, end):
                continue
        counts = _counts_after(text, end)
        if m.group("n"):
            number = m.group("n")
            lower = number.lower()
            if lower in ("one", "a", "an") and (
                not counts
                or _OF.match(text, end)
                or text[max(0, start - 3) : start].lower().endswith("no ")
            ):
                continue  # "one of", "no one", "one another"
            if (
                number.isdigit()
                and len(number) == 4
                and 1800 <= int(number) <= 2100
                and not qualifier
                and (not counts or counts[0].isupper() or _YEAR_BEFORE.search(text, 0, start))
            ):
                continue  # a year: "in 2016", "the 2011 Arab Spring"
        out.append(
            Quantity(
                text=text[start:end],
                span=Span(start, end),
                value=value,
                low=low,
                high=high,
                qualifier=qualifier,
                approx=approx,
                counts=counts,
                event="" if counts.lower() in DURATIONS else _event_for(start, end, events, text),
            )
        )
    return out


# --- gist -------------------------------------------------------------------------------------

_TARGET_LEAD = re.compile(
    r"[ \t]+[“\"‘']?(?:(?:(?:control|hold)[ \t]+)?of[ \t]+)?(?:(?:the|a|an)[ \t]+)?"
)
_KEY_LEAD = re.compile(r"^[\s“”\"‘’'(\[]*(?:that\s+)?", re.IGNORECASE)
_WS = re.compile(r"\s+")


def _target(text: str, ev: _Event) -> str:
    """The object of a transitive event word: "struck Aleppo University's student housing"."""
    lead = _TARGET_LEAD.match(text, ev.end)
    if lead is None:
        return ""
    pos = lead.end()
    words: list[str] = []
    while len(words) < 6:
        m = _NEXT_WORD.match(text, pos)
        if m is None:
            break
        word = m.group(1).rstrip(".")
        lower = word.lower()
        if not word or lower in TARGET_STOP or event_of(word) or parse_number(lower) is not None:
            break
        words.append(_POSSESSIVE.sub("", word) if word.endswith(("'s", "’s")) else word)
        pos = m.end()
        if _ends_sentence(m.group(1)):
            break
    if len(words) > 2 and words[0].lower() in PLACE_KINDS and words[1] == "of":
        words = words[2:]  # "the city of Aleppo" -> "Aleppo"
    if not words or words[0].lower() in NOT_PLACES:
        return ""
    return " ".join(words)


def _figure(q: Quantity) -> str:
    if q.value is None and q.low is not None and q.high is not None:
        return f"{_format_number(q.low)}–{_format_number(q.high)}"
    if q.value is None:
        return " ".join(q.text.lower().split()[-3:])  # "dozens", "tens of thousands"
    figure = _format_number(q.value)
    kind = QUALIFIERS.get(q.qualifier, "")
    if kind == "min":
        return figure + "+"
    if kind == "max":
        return "up to " + figure
    if kind == "approx":
        return "~" + figure
    return figure


def _headline(q: Quantity) -> str:
    counts = "" if q.counts.lower() in GENERIC_COUNTS else q.counts
    return " ".join(part for part in (_figure(q), counts, q.event) if part)


def _trim(text: str, limit: int) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:·-–") + "…"


def make_gist(
    content: str, quantities: list[Quantity], events: list[_Event], places: list[str], text: str
) -> str:
    """At most 60 characters: the main figure and its event, then what or where it hit;
    without a figure, the event and its object; else the content's opening words."""
    target = ""
    for ev in events:
        if ev.verb and ev.event in TRANSITIVE_EVENTS:
            target = _target(text, ev)
            if target:
                break
    tail = target or (places[0] if places else "")
    with_event = [q for q in quantities if q.event]
    head = ""
    if with_event:
        head = _headline(with_event[0])
        for q in with_event[1:]:
            if q.event != with_event[0].event:
                more = f"{head}, {_figure(q)} {q.event}"
                if len(more) <= GIST_MAX - 12:
                    head = more
                break
    elif target:
        verb_event = next(ev.event for ev in events if ev.verb and ev.event in TRANSITIVE_EVENTS)
        return _clean(_trim(f"{verb_event} {target}", GIST_MAX))
    if head:
        if tail and len(head) + 3 + 8 <= GIST_MAX:
            return _clean(f"{head} · {_trim(tail, GIST_MAX - len(head) - 3)}")
        return _clean(_trim(head, GIST_MAX))
    key = _KEY_LEAD.sub("", _WS.sub(" ", content)).rstrip(" .,;:“”\"'’")
    return _clean(_trim(key, GIST_MAX))


def _clean(text: str) -> str:
    return _WS.sub(" ", strip_controls(text)).strip()


# --- entry point ------------------------------------------------------------------------------

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _lowered(text: str) -> str:
    """Lower-case text with the same length, so offsets found in it hold in ``text``:
    ``str.lower`` unless a character lowers to two ("İ"), then ASCII letters only."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


@dataclass(frozen=True, slots=True)
class _Scan:
    """Everything found in one text, spans relative to it; cached per sentence because a
    sentence with several attributions is asked for its facts once per attribution."""

    quantities: tuple[Quantity, ...]
    events: tuple[_Event, ...]
    places: tuple[tuple[int, str], ...]
    dates: tuple[ClaimDate, ...]


@lru_cache(maxsize=16)  # one sentence's attributions come together; no cross-article reuse
def _scan(text: str, published: str | None) -> _Scan:
    pub = parse_published(published)
    low = _lowered(text)
    dates = _dates(text, low, pub)
    events = _events(low)
    taken = [(d.span.start, d.span.end) for d in dates]
    quantities = _quantities(text, low, events, taken)
    return _Scan(tuple(quantities), tuple(events), tuple(_places(text)), tuple(dates))


def stated_dates(text: str, published: str | None = None) -> tuple[ClaimDate, ...]:
    """The dates ``text`` states ("on Tuesday", "March 3", "in 2009", "last week"), resolved
    against the article date ``published`` (ISO) as a claim's are; without it a weekday or
    a day-month stays unresolved (its ``date`` empty)."""
    return tuple(_dates(text, _lowered(text), parse_published(published)))


def _shift_span(span: Span, by: int) -> Span:
    return Span(span.start + by, span.end + by)


def extract_facts(
    text: str,
    *,
    published: str | None = None,
    offset: int = 0,
    context: str | None = None,
    context_offset: int = 0,
) -> ClaimFacts:
    """The facts of one claim.

    ``text`` is the claim's content; ``offset`` is where it starts in the document, so every
    span points into the document text like the attribution's own spans. ``context`` (the
    whole sentence, at ``context_offset``) supplies places and dates when the content names
    none: "On Thursday, ... according to X" frames content that does not repeat the day.
    ``published`` (ISO) resolves weekdays and relative dates; without it they stay unresolved.
    """
    if not text or not text.strip():
        return ClaimFacts()
    rel = offset - context_offset
    if context is not None and rel >= 0 and context[rel : rel + len(text)] == text:
        scan, scanned, base, lo, hi = (
            _scan(context, published),
            context,
            context_offset,
            rel,
            rel + len(text),
        )
        frame: _Scan | None = scan
    else:
        scan, scanned, base, lo, hi = _scan(text, published), text, offset, 0, len(text)
        frame = _scan(context, published) if context else None
    quantities = [
        replace(q, span=_shift_span(q.span, base))
        for q in scan.quantities
        if lo <= q.span.start and q.span.end <= hi
    ]
    events = [ev for ev in scan.events if lo <= ev.start and ev.end <= hi]
    places = [name for start, name in scan.places if lo <= start < hi]
    dates = [
        replace(d, span=_shift_span(d.span, base)) for d in scan.dates if lo <= d.span.start < hi
    ]
    if frame is not None:
        places = places or [name for _, name in frame.places]
        dates = dates or [replace(d, span=_shift_span(d.span, context_offset)) for d in frame.dates]
    places = list(dict.fromkeys(places))
    kinds = list(dict.fromkeys(ev.event for ev in events))
    gist = make_gist(text, quantities, events, places, scanned)
    return ClaimFacts(
        gist=gist,
        quantities=tuple(quantities),
        events=tuple(kinds),
        places=tuple(places),
        dates=tuple(dates),
    )


__all__ = [
    "GIST_MAX",
    "event_of",
    "extract_facts",
    "make_gist",
    "parse_published",
    "stated_dates",
]
