"""Article metadata from whatever a file offers: front matter, feed fields, or free header lines.

Real feeds rarely agree on a schema. Some files carry YAML-ish front matter, some JSON fields,
many nothing but a header written into the text ("date 2024-11-29 By A and B, CNN", "By NAME,
OUTLET", "Updated 10:32 AM EST, Fri November 29, 2024") and a wire dateline ("(CNN) \u2014",
"ALEPPO, Syria (Reuters) -"). This module reads those conventions and nothing else: a photo
credit such as "(AP Photo/Omar Albam)" names who took a picture, not who published the article,
so it is never taken for the outlet. When nothing reliable is found the field stays ``None``:
a missing outlet is honest, a guessed one misleads a fact-checker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date

__all__ = [
    "Metadata",
    "extract_metadata",
    "outlet_from_filename",
    "parse_date",
    "parse_front_matter",
]


@dataclass(frozen=True, slots=True)
class Metadata:
    """The article-level fields a reader may find; every one optional."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    byline: str | None = None
    url: str | None = None

    def merged(self, fallback: Metadata) -> Metadata:
        """These values, with gaps filled from ``fallback`` (explicit metadata beats guesses)."""
        values = {
            f.name: getattr(self, f.name) or getattr(fallback, f.name) for f in fields(Metadata)
        }
        return replace(self, **values)


# ---------------------------------------------------------------------------------------------
# Dates

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY_RE = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_YMD_SLASH = re.compile(r"(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<![\d.:])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?![\d:])")
_MDY = re.compile(
    rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_DMY = re.compile(
    rf"(?<![\d:])(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE}),?\s+(\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(\d{2})(\d{2})(?!\d)")


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first calendar date in ``text`` as ``YYYY-MM-DD``, or None.

    Understands ISO dates and timestamps, "November 29, 2024", "Nov. 29 2024", "29 November
    2024", "Fri, 29 Nov 2024 10:32:00 GMT", "2024/11/29" and numeric day/month orders (month
    first unless the first number cannot be a month). Times and zones are ignored: the store
    groups and sorts by day, and a zone-less time would claim a precision we do not have.
    """
    if not text:
        return None
    s = text[:500]
    candidates: list[tuple[int, str]] = []
    for m in _ISO_DATE.finditer(s):
        iso = _iso(int(m[1]), int(m[2]), int(m[3]))
        if iso:
            candidates.append((m.start(), iso))
            break
    for m in _YMD_SLASH.finditer(s):
        iso = _iso(int(m[1]), int(m[2]), int(m[3]))
        if iso:
            candidates.append((m.start(), iso))
            break
    for m in _MDY.finditer(s):
        iso = _iso(int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2]))
        if iso:
            candidates.append((m.start(), iso))
            break
    for m in _DMY.finditer(s):
        iso = _iso(int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1]))
        if iso:
            candidates.append((m.start(), iso))
            break
    for m in _NUMERIC_DATE.finditer(s):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        iso = _iso(y, a, b) if a <= 12 else _iso(y, b, a)
        if iso:
            candidates.append((m.start(), iso))
            break
    if not candidates:
        compact = _COMPACT.search(s)
        return _iso(int(compact[1]), int(compact[2]), int(compact[3])) if compact else None
    return min(candidates)[1]


# ---------------------------------------------------------------------------------------------
# Front matter


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FM_LINE = re.compile(r"([A-Za-z_][\w\-]*)[ \t]*:[ \t]*(.*)")


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` pairs of a leading ``---`` block, and the text after it.

    Only flat scalar values are read (quotes removed); lists and nested maps are skipped,
    since no field we keep needs them and a YAML dependency is not worth it. Text without a
    closed block comes back unchanged, so a lone "---" rule is never eaten.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    values: dict[str, str] = {}
    for line in m.group(1).splitlines():
        lm = _FM_LINE.fullmatch(line.rstrip())
        if not lm or line[:1].isspace():
            continue
        value = lm.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if value and value not in ("|", ">", "[]", "{}", "~", "null"):
            values[lm.group(1).lower()] = value
    rest = text[m.end() :]
    return values, rest.lstrip("\n")


# ---------------------------------------------------------------------------------------------
# Free headers

_NAME_TOKEN = (
    r"(?:[A-Z\u00c0-\u00de][\w'\u2019.\-]*"
    r"|(?:al|el|de|da|del|della|di|du|dos|van|von|der|den|bin|ibn|la|le|ter|ten)"
    r"(?:-[A-Z][\w'\u2019\-]*)?)"
)
_NAME = rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,4}}"
_JOIN = r"(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*)"
_NAMES = rf"{_NAME}(?:{_JOIN}{_NAME})*"
_OUTLET = r"[A-Z0-9][\w&'\u2019.\-]*(?:[ \t]+(?:[A-Z0-9&][\w&'\u2019.\-]*|of|the|and|for|de|du))*"
_DATEISH = r"[^\n]{0,60}?\d[^\n]{0,60}?"
_BYLINE = re.compile(
    rf"(?:(?:date|dated|posted|published|updated)?[ \t]*(?P<date1>{_DATEISH})[ \t]+)?"
    rf"[Bb][Yy]:?[ \t]+(?P<names>{_NAMES})"
    rf"(?:[ \t]*(?:,|\||\u2014|\u2013|-|\bfor\b)[ \t]*(?P<outlet>{_OUTLET}))?"
    rf"(?:[ \t]*(?:,|\||\u00b7|\u2022)?[ \t]*(?P<date2>{_DATEISH}))?"
)
_PIPE_BYLINE = re.compile(
    rf"(?:[Bb][Yy]:?[ \t]+)?(?P<names>{_NAMES})[ \t]*\|[ \t]*(?P<outlet>{_OUTLET})"
)
_STAMP = re.compile(
    r"(?P<kind>(?:first[ \t]+)?published|posted|dated?|(?:last[ \t]+)?updated|modified)\b"
    r"(?:[ \t]+(?:on|at))?[ \t]*:?[ \t]*(?P<rest>[^\n]{4,120})",
    re.IGNORECASE,
)
_AGENCY_PAREN = r"\((?P<agency>[A-Z][A-Za-z0-9&.'\u2019 \-]{0,38}[A-Za-z.])\)"
_DATELINE = re.compile(
    r"(?:[A-Z][A-Za-z.'\u2019\-]*(?:[ \t]+[A-Z][A-Za-z.'\u2019\-]*){0,3}"
    r"(?:,[ \t]*[A-Za-z0-9][A-Za-z0-9.'\u2019\-]*(?:[ \t]+[A-Za-z0-9.'\u2019\-]+){0,3}){0,3}"
    r"[ \t]*)?" + _AGENCY_PAREN + r"[ \t]*(?:\u2014|\u2013|--?)[ \t]*\S"
)
_URL_LINE = re.compile(r"(?:(?:url|link|source|canonical)[ \t]*:[ \t]*)?(https?://\S+)", re.I)
_MD_HEADING = re.compile(r"#{1,6}[ \t]+(\S.*?)[ \t#]*")
_CREDITISH = re.compile(r"photo|image|picture|video|getty|/", re.IGNORECASE)
# Words that follow "By NAME," as a job title or place rather than a publisher.
_NOT_OUTLET = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|columnist|contributor|staff|bureau|chief|"
    r"analyst|producer|photographer|in|senior|special|updated|published|on)\b",
    re.IGNORECASE,
)
_SENT_END = ".!?:;,"
_RUNNING_END = ".!?\"'\u201d\u2019"
_CLOSERS = "\"'\u201d\u2019\u00bb)]"


def _head_lines(text: str, limit: int = 25) -> list[str]:
    lines = []
    for raw in text[:6000].split("\n"):
        line = raw.strip()
        if line:
            lines.append(line)
            if len(lines) >= limit:
                break
    return lines


def _clean_outlet(value: str | None) -> str | None:
    if not value:
        return None
    v = value.strip().rstrip(".,;:")
    if not v or _NOT_OUTLET.search(v) or _CREDITISH.search(v) or parse_date(v):
        return None
    return v


def _parse_byline_line(line: str) -> tuple[str | None, str | None, str | None] | None:
    """(names, outlet, date) when ``line`` is an author line, else None."""
    if len(line.split()) > 30:
        return None
    m = _BYLINE.fullmatch(line) or _PIPE_BYLINE.fullmatch(line)
    if not m:
        return None
    names, outlet = _split_outlet(m.group("names").strip().rstrip(","))
    # "By Jane Doe, Senior Correspondent": a job title is not a publisher; keep the names.
    outlet = outlet or _clean_outlet(m.group("outlet"))
    when = None
    for key in ("date1", "date2"):
        value = m.groupdict().get(key)
        if value:
            parsed = parse_date(value)
            if not parsed:
                return None  # text around the names that is not a date: prose, not a byline
            when = when or parsed
    first = names.split()[0] if names.split() else ""
    if _NOT_NAME_START.match(first.rstrip(",")):
        return None
    return names, outlet, when


_OUTLET_WORDS = re.compile(
    r"\b(?:news|press|times|post|daily|agency|journal|observer|courier|ledger|herald|tribune|"
    r"guardian|reuters|associated|network|radio|tv|television|media|gazette|telegraph|"
    r"chronicle|monitor|wire|service|magazine|weekly|review|report|newsroom|newsdesk|"
    r"broadcasting|channel|online|digital|today|world|international)\b",
    re.IGNORECASE,
)


def _split_outlet(names: str) -> tuple[str, str | None]:
    """Split "A and B, CNN" into names and outlet; the comma is also how authors are listed.

    The last comma-separated part is the outlet when the author list before it is already
    closed by "and", when it is a single word ("Jane Doe, Reuters"), all capitals, or reads like
    a publication ("The ...", "... News"). A job title there is dropped rather than kept.
    """
    head, sep, tail = names.rpartition(",")
    head, tail = head.strip(), tail.strip()
    if not sep or not head or tail.lower().startswith(("and ", "& ")):
        return names, None
    if _NOT_OUTLET.search(tail):
        return head, None
    words = tail.split()
    closed = re.search(r"\band\b|&", head) is not None
    publication = tail.startswith("The ") or _OUTLET_WORDS.search(tail) is not None
    if closed or len(words) == 1 or tail.isupper() or publication:
        return head, _clean_outlet(tail)
    return names, None


_NOT_NAME_START = re.compile(
    rf"(?:the|a|an|this|that|these|those|then|now|far|late|early|mid|{_WEEKDAY_RE}|{_MONTH_RE})$",
    re.IGNORECASE,
)


def _is_title_candidate(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 20:
        return False
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in _SENT_END:
        return False
    if _parse_byline_line(line) or _STAMP.match(line) or _URL_LINE.fullmatch(line):
        return False
    return not (_DATELINE.match(line) or line.startswith(("(", "[", "<", "|", "-", "*")))


def _title_from_text(text: str) -> str | None:
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", text[:6000]) if p.strip()]
    for para in paragraphs[:6]:
        first = para.split("\n", 1)[0].strip()
        m = _MD_HEADING.fullmatch(first)
        if m:
            return m.group(1).strip()
    lines = _head_lines(text, 8)
    for i, line in enumerate(lines):
        if _parse_byline_line(line) or _STAMP.match(line) or _URL_LINE.fullmatch(line):
            continue  # headers may precede the headline
        if _is_title_candidate(line) and i + 1 < len(lines):
            rest = " ".join(lines[i + 1 :])
            if len(rest.split()) > 12:
                return line
        return None
    return None


def _dateline_agency(lines: list[str]) -> str | None:
    """The agency of a dateline opening the first body paragraph, if there is one.

    Only the opening of the story counts: later paragraphs may well start "Syrian Democratic
    Forces (SDF) - ..." and that organisation is not the publisher.
    """
    for line in lines[:12]:
        dm = _DATELINE.match(line)
        if dm:
            return _clean_outlet(dm.group("agency"))
        if len(line.split()) > 20 or (len(line.split()) >= 6 and line[-1] in _RUNNING_END):
            return None  # reached running text without a dateline
    return None


def extract_metadata(text: str, filename: str | None = None) -> Metadata:
    """Metadata a reader can see in the article's own header lines (and, last, its file name).

    Precedence follows reliability: an explicit "By ..., OUTLET" line names the publisher; a
    wire dateline "(Reuters) -" names the agency the copy came from, which is only the outlet
    when nothing better is known; the file name counts only when it spells a known outlet.
    """
    lines = _head_lines(text)
    byline = outlet = published = updated = url = None
    for line in lines[:12]:
        parsed = _parse_byline_line(line)
        if parsed and byline is None:
            byline, b_outlet, b_date = parsed
            outlet = outlet or b_outlet
            published = published or b_date
            continue
        sm = _STAMP.match(line)
        if sm and len(line.split()) <= 16:
            when = parse_date(sm.group("rest"))
            if when:
                if sm.group("kind").lower().endswith(("updated", "modified")):
                    updated = updated or when
                else:
                    published = published or when
                continue
        um = _URL_LINE.fullmatch(line)
        if um and url is None:
            url = um.group(1)
            continue
        if published is None and len(line.split()) <= 8 and not line.endswith("."):
            bare = parse_date(line)
            if bare and re.fullmatch(r"[\w\s,.:/\-|+]+", line):
                published = bare
    if outlet is None:
        outlet = _dateline_agency(lines)
    if outlet is None and filename:
        outlet = outlet_from_filename(filename)
    return Metadata(
        title=_title_from_text(text),
        outlet=outlet,
        published=published or updated,
        byline=byline,
        url=url,
    )


# Outlets whose names are unambiguous as a token of a file name ("cnn_aleppo.txt",
# "2024-11-29-reuters-syria.html"). A name that is not listed is not guessed at.
KNOWN_OUTLETS: dict[str, str] = {
    "cnn": "CNN",
    "reuters": "Reuters",
    "apnews": "AP",
    "associated-press": "AP",
    "afp": "AFP",
    "bbc": "BBC",
    "aljazeera": "Al Jazeera",
    "al-jazeera": "Al Jazeera",
    "nytimes": "The New York Times",
    "new-york-times": "The New York Times",
    "washingtonpost": "The Washington Post",
    "washington-post": "The Washington Post",
    "guardian": "The Guardian",
    "theguardian": "The Guardian",
    "bloomberg": "Bloomberg",
    "npr": "NPR",
    "sana": "SANA",
    "tass": "TASS",
    "xinhua": "Xinhua",
    "dw": "DW",
    "france24": "France 24",
    "ft": "Financial Times",
    "wsj": "The Wall Street Journal",
    "haaretz": "Haaretz",
    "timesofisrael": "The Times of Israel",
    "middleeasteye": "Middle East Eye",
    "anadolu": "Anadolu Agency",
    "aa": "Anadolu Agency",
    "irna": "IRNA",
    "rt": "RT",
}


def outlet_from_filename(filename: str) -> str | None:
    """A known outlet spelled as a whole token of the file name, else None."""
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    tokens = [t for t in re.split(r"[_\s.]+", stem) if t]
    for token in tokens:
        if token in KNOWN_OUTLETS:
            return KNOWN_OUTLETS[token]
        for key, name in KNOWN_OUTLETS.items():
            if "-" in key and (token == key or f"-{key}-" in f"-{token}-"):
                return name
        for part in token.split("-"):
            if part in KNOWN_OUTLETS and len(part) >= 3:
                return KNOWN_OUTLETS[part]
    return None
