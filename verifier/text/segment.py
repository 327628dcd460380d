"""Split an article into paragraphs and sentence units, and say what role each unit plays.

Attribution extraction only makes sense on the article's own running text, so every unit is
labelled: ``headline``, ``byline``, ``dateline``, ``caption``, ``boilerplate`` or ``body``. The
labels come from general page-layout mechanisms (markdown headings, short unpunctuated first
lines, "By ..." lines, photo credits, a footer lexicon), never from rules fitted to one outlet.

Sentences come from NLTK's Punkt with English parameters shipped in this package as JSON (NLTK's
own data downloads are not available everywhere we run), topped up with news abbreviations.
Every span is a half-open range into the exact string given, so ``text[s.start:s.end]`` is the
unit text even for ``\\r\\n`` input.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from verifier.models import Span, Unit, UnitKind
from verifier.text.lexicon import wordset

__all__ = [
    "find_dateline",
    "is_boilerplate",
    "is_byline",
    "is_caption",
    "segment",
    "sentence_spans",
    "split_paragraphs",
]

_SENT_FINAL = ".!?\u2026"
_CLOSERS = "\"'\u201d\u2019\u00bb)]"


class _NewsLanguageVars(PunktLanguageVars):
    """Treat curly quotes and guillemets as closing punctuation on any NLTK version.

    NLTK before 3.10 only knew ASCII quotes, so a sentence ending ``.\u201d`` followed by a new
    sentence was never split. The overrides match what newer NLTK does.
    """

    re_boundary_realignment = re.compile(
        r"[\"')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)", re.MULTILINE
    )

    @property
    def _re_non_word_chars(self) -> str:
        others = re.escape("".join(set(self.sent_end_chars) - {"."}))
        return r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb" + others + "])"


_DATA_DIR = Path(__file__).resolve().parent / "data"


def _data_text(name: str) -> str:
    return (_DATA_DIR / name).read_text(encoding="utf-8")


def _news_abbreviations() -> set[str]:
    """Our own news abbreviations, kept as data so editors can extend them without code."""
    lines = _data_text("news_abbreviations.txt").splitlines()
    return {w for line in lines if not line.startswith("#") for w in line.split()}


class _OrthoContext(dict[str, int]):
    """NLTK reads this with ``[]``; a defaultdict would grow with every unseen word type.

    The tokenizer is shared by worker threads for the life of the process, so lookups must
    not mutate it.
    """

    def __missing__(self, key: str) -> int:
        return 0


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """Build the Punkt tokenizer once per process; the parameters are ~20k entries."""
    raw = json.loads(_data_text("punkt_english.json"))
    params = PunktParameters()
    params.abbrev_types = set(raw["abbrev_types"]) | _news_abbreviations()
    params.collocations = {(a, b) for a, b in raw["collocations"]}
    params.sent_starters = set(raw["sent_starters"])
    params.ortho_context = _OrthoContext(raw["ortho_context"])
    return PunktSentenceTokenizer(params, lang_vars=_NewsLanguageVars())


def _boilerplate_patterns() -> list[str]:
    return [
        line.strip()
        for line in _data_text("boilerplate.txt").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@lru_cache(maxsize=1)
def _boilerplate_re() -> re.Pattern[str]:
    """Compile the footer lexicon into one alternation so each unit costs one match."""
    return re.compile("|".join(f"(?:{p})" for p in _boilerplate_patterns()), re.IGNORECASE)


# A lexicon pattern that opens with "." may start matching anywhere in the first couple of
# hundred characters ("... All rights reserved."), and trying it at every one of them is most
# of the lexicon's cost. Each such pattern needs one of these words, so the floating patterns
# are tried only on text holding one; the hint is case-insensitive like the lexicon, so Unicode
# case folding agrees. Kept in step with data/boilerplate.txt by a test.
_FLOATING_HINT = re.compile(r"all rights reserved|contributed|added", re.IGNORECASE)


@lru_cache(maxsize=1)
def _boilerplate_split() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The lexicon as (anchored, floating) alternations; together they match what the one
    alternation of ``_boilerplate_re`` matches, since a full match of an alternation is a full
    match of one of its branches."""
    patterns = _boilerplate_patterns()
    anchored = [p for p in patterns if not p.startswith(".")]
    floating = [p for p in patterns if p.startswith(".")]
    return (
        re.compile("|".join(f"(?:{p})" for p in anchored), re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in floating) or "(?!)", re.IGNORECASE),
    )


# ---------------------------------------------------------------------------------------------
# Paragraphs

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+\S")


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _is_wrapped(lines: list[str]) -> bool:
    """Whether a multi-line block is one hard-wrapped paragraph rather than one line each.

    In wrapped prose about every other line break falls mid-sentence (the next line starts in
    lower case, or the line ends in a comma or hyphen); text with one paragraph per line
    almost never breaks that way, and headline/byline/body stacks never do.
    """
    breaks = 0
    continued = 0
    for line, nxt in zip(lines, lines[1:], strict=False):
        a, b = line.rstrip(), nxt.lstrip()
        if not a or not b:
            continue
        breaks += 1
        if (
            b[0].islower()
            or a[-1] in ",;-\u2010"
            or (a[-1].isalpha() and a[-1].islower() and b[0].isdigit())
        ):
            continued += 1
    return breaks > 0 and continued * 3 >= breaks


def split_paragraphs(text: str) -> list[Span]:
    """Blank-line separated blocks, each split at single newlines unless it is wrapped prose.

    Feeds differ: some separate paragraphs with blank lines, some with single newlines, some
    hard-wrap prose at 72 columns, some put headline/byline/body on consecutive lines. Deciding
    per block keeps a hard-wrapped paragraph whole while still pulling a heading off its body;
    a markdown heading line is always a paragraph of its own.
    """
    spans: list[Span] = []
    pos = 0
    blocks: list[tuple[int, int]] = []
    for m in _BLANK_LINE.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    for b_start, b_end in blocks:
        run: list[tuple[int, int]] = []
        for m in _LINE.finditer(text, b_start, b_end):
            if _MD_HEADING.match(text, m.start() + _indent(m.group()), m.end()):
                spans.extend(_split_run(text, run))
                spans.extend(_split_run(text, [(m.start(), m.end())]))
                run = []
            else:
                run.append((m.start(), m.end()))
        spans.extend(_split_run(text, run))
    return spans


_LINE = re.compile(r"[^\r\n]+")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _split_run(text: str, lines: list[tuple[int, int]]) -> list[Span]:
    """One paragraph for wrapped prose, else one per line; blank-only lines vanish."""
    lines = [(s, e) for s, e in lines if text[s:e].strip()]
    if not lines:
        return []
    if len(lines) > 1 and not _is_wrapped([text[s:e] for s, e in lines]):
        spans = [_trimmed(text, s, e) for s, e in lines]
    else:
        spans = [_trimmed(text, lines[0][0], lines[-1][1])]
    return [span for span in spans if span]


# ---------------------------------------------------------------------------------------------
# Sentences


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans within ``text[start:end]``, as offsets into ``text`` itself.

    Callers pass a paragraph's bounds so that Punkt never joins a heading to the next paragraph;
    offsets stay absolute so spans can be stored and shown later without re-segmenting.
    """
    n = len(text)
    stop = n if end is None else max(0, min(end, n))
    begin = max(0, min(start, stop))
    chunk = text[begin:stop]
    if not chunk.strip():
        return []
    out: list[Span] = []
    for s, e in _tokenizer().span_tokenize(chunk):
        span = _trimmed(text, begin + s, begin + e)
        if span and (not out or span.start >= out[-1].end):
            if out and (
                _initials_before_title(text, out[-1], span)
                or _title_before_name(text, out[-1], span)
                or _tag_after_quote(text, out[-1], span)
            ):
                span = Span(out.pop().start, span.end)
            out.append(span)
    return out


# An initialism closing a "sentence" ("U.S.", "B.C.") that the next one continues with a title
# or an institution: "the U.S. Ambassador said", "B.C. Attorney General David Eby".
_INITIALS_END = re.compile(r"(?:\b[A-Z]\.){2,}$")
_TITLE_WORDS = wordset(
    "ambassador ambassadors attorney secretary president vice senator sen representative rep "
    "congressman congresswoman governor gov premier minister prime mayor envoy general gen "
    "army navy air marine marines coast border customs embassy consulate department state "
    "treasury justice defense defence forces military intelligence supreme court courts "
    "congress senate house capitol census postal chamber government "
    "special commander admiral adm lt col colonel sgt agency district circuit federal national"
)


def _initials_before_title(text: str, prev: Span, nxt: Span) -> bool:
    """Whether Punkt ended ``prev`` at an initialism that names a country or province before a
    title ("U.S. Ambassador"): the "sentence" after it is the same one, cut mid-name."""
    if not _INITIALS_END.search(text, max(prev.start, prev.end - 12), prev.end):
        return False
    if text[prev.end : nxt.start].count("\n"):
        return False
    m = _FIRST_WORD.match(text, nxt.start, nxt.end)
    return m is not None and m.group(0)[0].isupper() and m.group(0).lower() in _TITLE_WORDS


_FIRST_WORD = re.compile(r"[A-Za-z]+")

# Titles that only ever stand before a name: Punkt knows them as abbreviations but still
# breaks when the name is also a common word ("Mr. Hedge", "Dr. No") or the title follows a
# quotation mark ("“Mr. Khan ...").
_TITLE_END = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Messrs|Mmes|Dr|Drs|Sen|Sens|Rep|Reps|Gov|Govs|Gen|Lt|Col|Sgt|"
    r"Adm|Capt|Cmdr|Maj|Prof|Rev|Atty|Supt|Insp|Det)\.$"
)
# An attribution tag after a quotation ending in "?" or "!": “Why is he attacking me?” Trump
# said. Punkt ends the sentence at the mark; the tag alone has no claim, the quote no cue.
_QUOTE_QUESTION_END = re.compile(r"[?!](?:''|[”\"’'»])$")
_TAG = re.compile(
    r"(?:[A-Z][\w.'’-]*[ \t]+){1,6}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|"
    r"replied|replies|recalled|continued|explained|insisted|declared|exclaimed|shouted|"
    r"tweeted|noted|argued|joked|quipped|wondered|yelled|responded)\b"
)


def _title_before_name(text: str, prev: Span, nxt: Span) -> bool:
    """Whether Punkt ended ``prev`` at a title that stands before a name ("Mr.")."""
    return (
        _TITLE_END.search(text, max(prev.start, prev.end - 8), prev.end) is not None
        and "\n" not in text[prev.end : nxt.start]
        and text[nxt.start : nxt.start + 1].isupper()
    )


def _tag_after_quote(text: str, prev: Span, nxt: Span) -> bool:
    """Whether ``nxt`` opens with the speaker and verb of the question or exclamation quoted
    at the end of ``prev`` (“...?” Trump said.)."""
    return (
        _QUOTE_QUESTION_END.search(text, max(prev.start, prev.end - 4), prev.end) is not None
        and "\n" not in text[prev.end : nxt.start]
        and _TAG.match(text, nxt.start, nxt.end) is not None
    )


# ---------------------------------------------------------------------------------------------
# Unit kinds

_NAME_PARTICLES = r"(?:al|el|de|da|del|della|di|du|dos|van|von|der|den|bin|ibn|la|le|ter|ten)"
_NAME_TOKEN = (
    r"(?:[A-Z\u00c0-\u00de][\w'\u2019.\-]*|" + _NAME_PARTICLES + r"(?:-[A-Z][\w'\u2019\-]*)?)"
)
_NAME = rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,4}}"
_NAMES = (
    rf"{_NAME}(?:[ \t]*(?:,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*){_NAME})*"
)
_OUTLET = r"[A-Z0-9][\w&'\u2019.\-]*(?:[ \t]+(?:[A-Z0-9&][\w&'\u2019.\-]*|of|the|and|for|de|du))*"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)"
)
_DATE_WORDS = (
    rf"{_MONTH}\.?|{_WEEKDAY}\.?"
    r"|a\.?m\.?|p\.?m\.?|(?-i:[A-Z]{1,4}[SD]?T|UTC|GMT)|on|at|of"
)
_DATE_TOKEN = rf"(?:\d[\d:./\-tTzZ+]*(?:st|nd|rd|th)?|(?:{_DATE_WORDS}))[,;]?"
_DATE_ONLY = re.compile(rf"(?:{_DATE_TOKEN})(?:[ \t]+(?:{_DATE_TOKEN}|[|\u00b7\u2022]))*", re.I)
_BY_LINE = re.compile(
    rf"(?:(?:date|dated|posted|published|updated)?[ \t]*(?:{_DATE_TOKEN}[ \t]+)+)?"
    rf"[Bb][Yy]:?[ \t]+{_NAMES}(?:[ \t]*(?:,|\||\u2014|\u2013|-|\bfor\b|\bof\b)[ \t]*{_OUTLET})?"
    rf"(?:[ \t]*(?:,|\||\u00b7)?[ \t]*(?:{_DATE_TOKEN}[ \t]*)+)?"
)
_PIPE_LINE = re.compile(rf"{_NAMES}[ \t]*\|[ \t]*{_OUTLET}")
_STAMP_PREFIX = (
    r"(?:(?:last[ \t]+)?updated|(?:first[ \t]+)?published|posted|dated?|modified)\b:?[ \t]*"
)
_STAMP_LINE = re.compile(
    rf"(?:{_STAMP_PREFIX})?{_DATE_ONLY.pattern}"
    rf"(?:[ \t]*[|\u00b7\u2022,;]?[ \t]*{_STAMP_PREFIX}{_DATE_ONLY.pattern})*\.?",
    re.I,
)
_WEEKDAYS_MONTHS = re.compile(rf"\b(?:{_MONTH}|{_WEEKDAY})\b", re.I)

_AGENCY = (
    r"(?:AP|AFP|Reuters|EPA|EPA-EFE|Getty(?: Images)?|Anadolu(?: Agency)?|Shutterstock|Bloomberg"
    r"|Xinhua|SANA|WANA|Sipa|Alamy|Pool|Handout|Courtesy[^()]{0,40}|dpa|ANSA|Kyodo|Yonhap"
    r"|NurPhoto|SOPA Images|LightRocket|Abaca|AAP|Reuters TV|Getty Images Europe)"
)
_CREDIT_PAREN = re.compile(
    r"\((?:"
    r"[^()\n]{0,40}\b(?:Photo|Photograph|Photos|Image|Images|Picture|Pic|Video|Footage|File)s?"
    r"(?:\s*/\s*|:\s*|\s+by\s+|\s+credit:?\s*)[^()\n]{1,80}"
    r"|(?:[^()\n]{1,60}/)?" + _AGENCY + r"(?:\s+via\s+[^()\n]{1,40})?"
    r"|(?:Credit|Photo credit|Source|Courtesy)\b:?[^()\n]{1,80}"
    r")\)\s*[.]?\s*$",
    re.I,
)
_CREDIT_TAIL = re.compile(
    r"(?:"
    r"(?:^|[|\u2014\u2013]|\s-)\s*[^|\u2014\u2013\n]{0,60}"
    + _AGENCY
    + r"(?:\s+via\s+Getty Images)?"
    r"|[A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*){0,3}\s*/\s*"
    + _AGENCY
    + r"(?:\s+via\s+\w[\w ]{0,30})?"
    r"|\bvia Getty Images|\bGetty Images"
    r"|(?:Photo\s+)?Credit:\s*[^\n]{1,80}"
    r")\s*$",
)
# Every _CREDIT_TAIL match ends in an agency name or a "Credit:"/"Courtesy" credit that begins
# within the last 100 characters; this literal search rules most paragraphs out cheaply.
_CREDIT_HINT = re.compile(
    r"AP|AFP|Reuters|EPA|Getty|Anadolu|Shutterstock|Bloomberg|Xinhua|SANA|WANA|Sipa|Alamy"
    r"|Pool|Handout|Courtesy|dpa|ANSA|Kyodo|Yonhap|NurPhoto|SOPA|LightRocket|Abaca|Credit"
)
_CAPTION_LEAD = re.compile(
    r"(?:photo|photograph|image|picture|pictured|caption|file photo|video|above|top|left|right)"
    r"\s*:\s*\S",
    re.I,
)
_DL_AGENCY = r"\([A-Z][A-Za-z0-9&.'\u2019 /]{0,30}\)"
_DL_PART = r"[A-Z0-9][A-Za-z0-9.'\u2019\-]*(?:[ \t]+[A-Za-z0-9.'\u2019\-]+){0,3}"
_DL_MONTH = rf"(?i:{_MONTH})\.?"
_DL_DATE = (
    rf"(?:\d{{1,2}}[ \t]+{_DL_MONTH}|{_DL_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,?[ \t]+\d{4})?"
)
_DATELINE = re.compile(
    r"(?:"
    + _DL_AGENCY  # (CNN)
    + r"|[A-Z][A-Z.'\u2019\-]+(?:[ \t]+[A-Z][A-Z.'\u2019\-]+){0,3}"  # BEIRUT / NEW YORK
    + rf"(?:,[ \t]*{_DL_PART}){{0,3}}(?:[ \t]*{_DL_AGENCY})?"  # , Syria, Nov. 29 (Reuters)
    + r"|[A-Z][a-z'\u2019\-]+(?:[ \t]+[A-Z][a-z'\u2019\-]+){0,2}"  # Aravel / Tel Aviv
    + rf"(?:(?:,[ \t]*{_DL_PART}){{0,2}},[ \t]*{_DL_DATE}(?:[ \t]*{_DL_AGENCY})?"  # , 14 March
    + rf"|[ \t]*{_DL_AGENCY})"  # Aleppo (Reuters)
    + r")[ \t]*(?:\u2014|\u2013|--?)[ \t]*(?=\S)",
)


def _words(s: str) -> list[str]:
    return s.split()


def _core(s: str) -> str:
    """Text with surrounding whitespace and decorative punctuation removed, for lexicon tests."""
    return s.strip().strip(" \t.:;|>\u00bb\u203a\u2192*\u2022\u00b7-\u2014\u2013").strip()


_INLINE_FOOTER_CHARS = 160


def is_boilerplate(text: str) -> bool:
    """Whether a paragraph or sentence is navigation, sharing, ads, legal or an editor's note."""
    core = _core(text)
    # 46 words need at least 91 characters, so shorter text skips the word count
    if not core or (len(core) > 90 and len(_words(core)) > 45):
        return False
    anchored, floating = _boilerplate_split()
    if anchored.fullmatch(core) is not None:
        return True
    return (
        _may_hold_floating_hint(core)
        and _FLOATING_HINT.search(core) is not None
        and floating.fullmatch(core) is not None
    )


# A piece of each floating hint ("ad-dded", "contri-buted", "ri-ght-s") whose letters match
# under IGNORECASE exactly the characters that ``str.lower`` turns into them (no "s" or "i",
# which also match "ſ" and "ı"), so plain substring tests on the lower-cased text rule out
# the case-insensitive scan on most paragraphs without ever ruling out a hint.
def _may_hold_floating_hint(core: str) -> bool:
    """Whether ``_FLOATING_HINT`` can match: a cheap necessary condition, never a sufficient one."""
    low = core.lower()
    return "dded" in low or "buted" in low or "ght" in low


def is_byline(text: str) -> bool:
    """Whether a short line names the author/outlet or the publication time, not news."""
    s = text.strip()
    if not s or "\n" in s or len(_words(s)) > 25:
        return False
    if _BY_LINE.fullmatch(s) or _PIPE_LINE.fullmatch(s):
        return True
    if _STAMP_LINE.fullmatch(s) and any(c.isdigit() for c in s):
        # "Updated 10:32 AM EST, Fri November 29, 2024" or a bare date line; a line of only
        # "on"/"at" words is not a time stamp, so ask for a month, weekday or numeric date.
        return bool(
            _WEEKDAYS_MONTHS.search(s) or re.search(r"\d{4}-\d{2}-\d{2}|\d{1,2}[:.]\d{2}", s)
        )
    return False


def is_caption(text: str) -> bool:
    """Whether a paragraph is a photo caption: it ends in a photo credit or opens with a label."""
    s = text.strip()
    if not s or len(_words(s)) > 90:
        return False
    if _CAPTION_LEAD.match(s):
        return True
    # Both credit patterns are anchored at the end and span well under 240 characters, so
    # only the tail is searched: scanning a long paragraph from every position is the
    # single largest cost of segmentation otherwise.
    tail = s[-240:]
    if _CREDIT_PAREN.search(tail):
        return True
    return bool(_CREDIT_HINT.search(s, max(0, len(s) - 100)) and _CREDIT_TAIL.search(tail))


def _is_headline_text(text: str) -> bool:
    s = text.strip()
    if not s or len(_words(s)) > 20:
        return False
    last = s.rstrip(_CLOSERS)[-1:] if s.rstrip(_CLOSERS) else ""
    return last not in ".:;," and "\n" not in s


def find_dateline(text: str, start: int, end: int) -> Span | None:
    """The "(CNN) \u2014" / "ALEPPO, Syria (Reuters) -" prefix of a paragraph, dash included.

    Wire copy opens its first paragraph with where the story was filed and by whom; that is
    not part of the claim in the sentence that follows, so it becomes its own unit.
    """
    m = _DATELINE.match(text, start, end)
    if not m:
        return None
    head = m.group(0).rstrip()
    letters = re.sub(r"[^A-Za-z]", "", head)
    if len(letters) < 2:
        return None
    # A bare hyphen after a capitalised word is usually prose ("NATO - the alliance"): accept
    # it only with an agency in brackets or a capitalised word after it.
    if head.endswith("-") and not head.endswith("--") and ")" not in head:
        nxt = text[m.end() : m.end() + 1]
        if not nxt.isupper():
            return None
    return _trimmed(text, start, start + len(head))


def _fixed_kind(text: str) -> UnitKind | None:
    """The role a paragraph has wherever it stands, or None when position decides."""
    if is_boilerplate(text):
        return "boilerplate"
    if is_byline(text):
        return "byline"
    if _MD_HEADING.match(text):
        return "headline"
    if is_caption(text):
        return "caption"
    return None


def _is_body_like(text: str) -> bool:
    s = text.rstrip().rstrip(_CLOSERS)
    return len(_words(text)) > 20 or s[-1:] in _SENT_FINAL


def segment(text: str) -> tuple[list[Span], list[Unit]]:
    """Paragraph spans and sentence units labelled with their role on the page."""
    paragraphs = split_paragraphs(text)
    ptexts = [p.of(text) for p in paragraphs]
    fixed = [_fixed_kind(s) for s in ptexts]
    kinds: list[UnitKind] = []
    seen_content = False
    for i, s in enumerate(ptexts):
        kind = fixed[i]
        if kind is None:
            # A short unpunctuated opening paragraph is a headline only when running text
            # follows; a one-line note on its own is just text.
            later = zip(fixed[i + 1 :], ptexts[i + 1 :], strict=True)
            body_follows = any(k is None and _is_body_like(t) for k, t in later)
            kind = (
                "headline" if not seen_content and body_follows and _is_headline_text(s) else "body"
            )
            seen_content = True
        elif kind == "headline":
            seen_content = True
        kinds.append(kind)

    units: list[Unit] = []
    dateline_done = False

    def add(p_index: int, kind: UnitKind, span: Span) -> None:
        units.append(Unit(len(units), p_index, kind, span, span.of(text)))

    for pi, (para, kind) in enumerate(zip(paragraphs, kinds, strict=True)):
        if kind in ("headline", "byline", "caption"):
            span = para
            if kind == "headline":
                m = re.match(r"#{1,6}[ \t]+", text[para.start : para.end])
                if m:
                    span = _trimmed(text, para.start + m.end(), para.end) or para
            add(pi, kind, span)
            continue
        start = para.start
        if kind == "body" and not dateline_done:
            dateline_done = True
            dl = find_dateline(text, para.start, para.end)
            if dl:
                add(pi, "dateline", dl)
                start = dl.end
        for sent in sentence_spans(text, start, para.end):
            sk: UnitKind = kind
            # Inside running text only short sentences are footers ("Reuters contributed to
            # this report."); testing every long sentence against the lexicon cost a third of
            # segmentation time.
            short = sent.end - sent.start <= _INLINE_FOOTER_CHARS
            if kind == "body" and short and is_boilerplate(sent.of(text)):
                sk = "boilerplate"
            add(pi, sk, sent)
    return paragraphs, units
