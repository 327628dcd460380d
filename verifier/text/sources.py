"""Who a source is: its type, its canonical name, and whether it only points back to another.

A fact-checker weighs a claim by who made it: a state news agency, a rescue group and an
anonymous official are not interchangeable. The type comes from the source's *head* first
("a video ... geolocated by CNN" is a video, not CNN), then from its affiliation ("the
spokesperson for the rebel groups" speaks for rebels), matched against pattern lexicons
(``lexicon/source_types.py``) that recognise descriptions ("state news agency", "rescue group")
rather than only names, so sources nobody listed are still typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple, cast

from verifier.models import SourceType
from verifier.text.cues import verb_readings
from verifier.text.lexicon import source_types as st
from verifier.text.lexicon import words as W
from verifier.text.lexicon import wordset

__all__ = [
    "aliases",
    "anaphor_kind",
    "canonical_source",
    "classify_source",
    "context_type",
    "is_person",
    "is_plural",
    "is_visual",
    "org_mentions",
    "strength",
    "mentions",
    "whole_word_spans",
]

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})

# Tie-break order when two types match equally well: the more specific kind first.
_PRIORITY: tuple[SourceType, ...] = (
    "visual",
    "state_media",
    "intl_org",
    "ngo",
    "armed_group",
    "media",
    "government",
    "eyewitness",
)


class _Match(NamedTuple):
    start: int
    end: int
    kind: SourceType
    weak: bool
    named: bool


def _names_re(names: tuple[str, ...]) -> str:
    alts = sorted({re.escape(n.translate(_QUOTES)) for n in names}, key=len, reverse=True)
    return r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], SourceType, bool, bool], ...]:
    """All type patterns compiled once: (regex, type, weak, named)."""
    out: list[tuple[re.Pattern[str], SourceType, bool, bool]] = []

    def add(
        pats: tuple[str, ...],
        kind: str,
        *,
        cased: bool = False,
        weak: bool = False,
        named: bool = False,
    ) -> None:
        flags = 0 if cased else re.IGNORECASE
        rx = re.compile("|".join(f"(?:{p})" for p in pats), flags)
        out.append((rx, cast(SourceType, kind), weak, named))

    add(st.VISUAL, "visual")
    add(st.STATE_MEDIA, "state_media")
    add((_names_re(st.STATE_MEDIA_NAMES),), "state_media", cased=True, named=True)
    add(st.INTL_ORG, "intl_org")
    add(st.INTL_ORG_CASED, "intl_org", cased=True)
    add(st.NGO, "ngo")
    add(st.ARMED_GROUP, "armed_group")
    add(st.MEDIA, "media")
    add((_names_re(st.MEDIA_NAMES),), "media", cased=True, named=True)
    add(st.MEDIA_CASED, "media", cased=True)
    add(st.GOVERNMENT, "government")
    add(st.GOVERNMENT_CASED, "government", cased=True)
    add(st.EYEWITNESS, "eyewitness")
    add(st.WEAK_GOVERNMENT, "government", weak=True)
    return tuple(out)


@lru_cache(maxsize=1)
def _anonymous_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in st.ANONYMOUS), re.IGNORECASE)


_UNNAMED_PERSON = re.compile(
    r"^(?:an?|one|another)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:official|source|diplomat|insider|aide|officer|person|staffer|employee|administrator)\b"
    r"(?!\s+(?:for|of|at|with|in)\s+[A-Z])",
    re.IGNORECASE,
)
_HEAD_BREAK = wordset(
    "of for from at with in on by close familiar who which that whose circulating posted shared "
    "released published obtained geolocated verified reviewed filmed taken broadcast aired "
    "speaking working based near among inside outside under to citing quoted"
)
_WORD = re.compile(r"[^\W_][\w'\-.]*")


def _fold_quotes(text: str) -> str:
    """``text.translate(_QUOTES)``, as chained replaces: several times faster on CPython,
    where translate with a dict table looks every character up in Python objects."""
    return (
        text.replace("“", '"')
        .replace("”", '"')
        .replace("«", '"')
        .replace("»", '"')
        .replace("‘", "'")
        .replace("’", "'")
    )


@lru_cache(maxsize=8192)
def _normal(text: str) -> str:
    """Quotes folded, whitespace collapsed, edge punctuation stripped; cached as every source
    is normalised by several of the tests below."""
    return " ".join(_fold_quotes(text).split()).strip(" \"',.;:")


def _head_end(text: str) -> int:
    """Character offset where the head chunk of a source ends (first comma or head break)."""
    depth = 0
    for m in re.finditer(r"[(),]|[^\W_][\w'\-.]*", text):
        tok = m.group(0)
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif tok == "," or (m.start() > 0 and tok.lower() in _HEAD_BREAK):
            return m.start()
    return len(text)


@lru_cache(maxsize=8192)
def _matches(text: str) -> tuple[_Match, ...]:
    """Every type pattern's matches in a text; cached, as articles repeat their sources."""
    found: list[_Match] = []
    for rx, kind, weak, named in _patterns():
        for m in rx.finditer(text):
            if m.end() > m.start():
                found.append(_Match(m.start(), m.end(), kind, weak, named))
    return tuple(found)


def _best(matches: list[_Match] | tuple[_Match, ...]) -> SourceType | None:
    if not matches:
        return None
    named = [m for m in matches if m.named]
    if named:
        matches = named  # "TASS news agency": the name says more than the description
    best = max(
        matches,
        key=lambda m: (m.end, m.end - m.start, -_PRIORITY.index(m.kind)),
    )
    return best.kind


def is_visual(source: str) -> bool:
    """Whether the source's head is a picture, video or other recording."""
    text = _normal(source)
    head = text[: _head_end(text)]
    return any(m.kind == "visual" and not m.weak for m in _matches(head))


def classify_source(source: str, context: str = "", *, outlet: str | None = None) -> SourceType:
    """The kind of source, from its head noun first and its stated affiliation second.

    ``context`` is the sentence around the source: an anonymity note often trails the source
    ("..., said an official, who spoke on condition of anonymity"). ``outlet`` is the
    publishing outlet's name, so that its own reporting is told apart from other media.
    """
    anonymous_context = (
        bool(context)
        and _UNNAMED_PERSON.match(_normal(source)) is not None
        and _anonymous_re().search(_normal(context)) is not None
    )
    return _classify(source, anonymous_context, outlet)


@lru_cache(maxsize=8192)
def _classify(source: str, anonymous_context: bool, outlet: str | None) -> SourceType:
    text = _normal(source)
    if not text:
        return "unknown"
    early, head, middle, late = _classify_parts(text, anonymous_context)
    if early is not None:
        return early
    own_outlet = bool(outlet) and _is_news_outlet(outlet or "")
    if own_outlet and outlet and _mentions(head, outlet):
        return "outlet"
    if middle is not None:
        return middle
    if own_outlet and outlet and _mentions(text, outlet):
        return "outlet"
    return late


@lru_cache(maxsize=8192)
def _classify_parts(
    text: str, anonymous_context: bool
) -> tuple[SourceType | None, str, SourceType | None, SourceType]:
    """The outlet-independent steps of ``_classify`` around its two outlet tests.

    Returns (the type decided before the outlet matters, the head chunk, the type decided
    between the two outlet tests, the type when neither decides). Every article has its own
    outlet, so caching these apart keeps a source met in many articles from being classified
    again for each one.
    """
    if _anonymous_re().search(text):
        return "anonymous", "", None, "unknown"
    if (
        _UNNAMED_PERSON.match(text)
        and not _has_person_name(text)
        and (anonymous_context or not _person_affiliation(text))
    ):
        return "anonymous", "", None, "unknown"
    if _is_state_name(text):
        return "government", "", None, "unknown"
    cut = _head_end(text)
    head = text[:cut]
    matches = _matches(text)
    head_strong = [m for m in matches if m.start < cut and not m.weak]
    if any(m.kind == "visual" for m in head_strong):
        return "visual", "", None, "unknown"
    return (None, head, *_classify_rest(text, cut, matches, head_strong))


def _classify_rest(
    text: str, cut: int, matches: tuple[_Match, ...], head_strong: list[_Match]
) -> tuple[SourceType | None, SourceType]:
    """The type the head or the rest of a source decides, else the fallback after both."""
    lowered = [m for m in head_strong if text[m.start].islower()]
    cased = [m for m in head_strong if not text[m.start].islower()]
    if lowered and cased:
        # whichever comes first modifies the other: the *rebel* “Operations Command”, but the
        # *United Nations* refugee agency
        head_strong = lowered if lowered[0].start < min(m.start for m in cased) else cased
    kind = _best(head_strong)
    if kind:
        return kind, "unknown"
    rest_strong = [m for m in matches if m.start >= cut and not m.weak and m.kind != "visual"]
    if rest_strong:
        first = min(rest_strong, key=lambda m: (m.start, -(m.end - m.start)))
        same_start = [m for m in rest_strong if m.start == first.start]
        chosen = _best(same_start)
        if chosen:
            return chosen, "unknown"
    weak = [m for m in matches if m.weak]
    if weak:
        words = {w.lower() for w in _WORD.findall(text)}
        if words & {
            "official",
            "officials",
            "authorities",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "envoy",
            "envoys",
            "department",
            "office",
            "agency",
            "council",
            "committee",
            "bureau",
            "commission",
            "authority",
        }:
            return None, "government"
    return None, "unknown"


@lru_cache(maxsize=64)
def _is_news_outlet(name: str) -> bool:
    """Whether a publisher is a news outlet; an NGO or ministry publishing is still itself."""
    kinds = {m.kind for m in _matches(_normal(name)) if not m.weak}
    return not kinds or kinds <= {"media"}


def _is_state_name(text: str) -> bool:
    """ "Iran", "Moscow", "Iran and Russia": a state or its capital speaking for its government."""
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", text.lower())
    parts = [re.sub(r"^the\s+", "", p).strip() for p in parts if p.strip()]
    return bool(parts) and all(p in st.COUNTRIES or f"the {p}" in st.COUNTRIES for p in parts)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def whole_word_spans(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where ``name`` stands in ``text`` as a whole word (not inside a longer word or a
    hyphenated compound), as ``(start, end)``.

    A plain search, not a regex: every article names new people, and compiling a pattern
    per name cost ~9% of extraction.
    """
    if not name:
        return
    size = len(name)
    at = text.find(name)
    while at >= 0:
        end = at + size
        if (at == 0 or not _word_char(text[at - 1])) and (
            end == len(text) or not _word_char(text[end])
        ):
            yield at, end
            at = text.find(name, end)  # matches do not overlap, as with re.finditer
        else:
            at = text.find(name, at + 1)


def mentions(text: str, name: str) -> bool:
    """Whether ``name`` stands in ``text`` as a whole word."""
    return next(whole_word_spans(text, name), None) is not None


def _mentions(text: str, name: str) -> bool:
    return mentions(text, name.strip())


def _person_affiliation(text: str) -> bool:
    """Whether an unnamed person is tied to an organisation ("an official at the ministry")."""
    return any(not m.weak for m in _matches(text)) and bool(
        re.search(r"\b(?:for|of|at|with|from|in)\b", text, re.IGNORECASE)
    )


# ---------------------------------------------------------------------------------------------
# Canonical names

_CONNECTORS = wordset(
    "of for the and de du da di del della al el bin ibn van von der den la le y et on"
)
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|abd)-", re.IGNORECASE)
_ORG_WORDS = wordset(
    "command council ministry army forces force agency nations union organization organisation "
    "organisation group front movement party office department committee corps brigade "
    "brigades helmets observatory society foundation institute bank court service services "
    "news press times post journal network house kremlin pentagon government authority "
    "commission administration league alliance coalition fund programme program watch "
    "international federation association center centre unit guard guards police military "
    "navy tv radio channel daily herald tribune gazette directorate courier ledger observer "
    "assembly secretariat bureau cabinet parliament senate congress monitor"
)
_TOKEN = re.compile(r"\([^()]*\)|[^\W_][\w'\-.]*|[“”\"‘’']|[^\w\s]")


def _is_cap(word: str) -> bool:
    core = _PARTICLE_PREFIX.sub("", word)
    return bool(core) and (core[0].isupper() or core[0].isdigit())


def _name_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words, allowing lower-case connectors between them."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if _WORD.fullmatch(tokens[i]) and _is_cap(tokens[i]):
            j = i + 1
            while j < n:
                tok = tokens[j]
                if (
                    _WORD.fullmatch(tok)
                    and _is_cap(tok)
                    or tok.lower() in _CONNECTORS
                    and j + 1 < n
                    and _is_cap(tokens[j + 1])
                    or tok.startswith("(")
                    and tok.endswith(")")
                ):
                    j += 1
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


# Heads that name an institution only together with the word before them: "Defence Ministry"
# is a source, "Ministry" alone is not, even though "defence" is a title in "Defence Minister X".
_INSTITUTION_HEADS = frozenset(
    [
        "ministry",
        "ministries",
        "department",
        "office",
        "council",
        "committee",
        "agency",
        "directorate",
        "authority",
        "authorities",
        "service",
        "services",
        "command",
        "forces",
        "force",
        "army",
        "police",
        "ministry's",
    ]
)


_PLACE_PREPOSITIONS = frozenset(
    ["of", "in", "from", "at", "near", "outside", "across", "inside", "around"]
)


def _strip_run(tokens: list[str], a: int, b: int) -> tuple[int, int]:
    """Drop leading determiners, titles and demonyms; drop trailing parentheticals."""
    while a < b and tokens[a].lower() in W.DETERMINERS and b - a > 1:
        a += 1
    named_from = a
    while a < b and (tokens[a].lower().rstrip(".") in W.TITLES or tokens[a].lower() in W.TITLES):
        if b - a == 1:
            break
        a += 1
    while b > a and tokens[b - 1].startswith("("):
        b -= 1
    rest = [t.lower() for t in tokens[a:b] if _WORD.fullmatch(t)]
    if a > named_from and rest and all(w in _INSTITUTION_HEADS for w in rest):
        a = named_from
    return a, b


def _meaningful(tokens: list[str], a: int, b: int) -> bool:
    words = [t for t in tokens[a:b] if _WORD.fullmatch(t)]
    if not words:
        return False
    if all(w.lower() in W.DEMONYMS or w.lower() in W.DETERMINERS for w in words):
        return False
    return not all(w.lower() in W.TITLES for w in words)


def _segments(text: str) -> list[str]:
    out: list[str] = []
    depth = 0
    buf: list[str] = []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            out.append("".join(buf).strip())
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf).strip())
    return [s for s in out if s]


_DROP_SEGMENT = re.compile(
    r"^(?:who|which|that|whose|speaking|citing|according|quoted|[a-z]+ing\b|[a-z]+ed\s+by\b|"
    r"in\b|on\b|at\b|during\b|via\b)",
)


@lru_cache(maxsize=8192)
def canonical_source(source: str) -> str:
    """The proper name a source phrase refers to, for grouping claims by who made them.

    "Syria's state news agency, SANA" and "SANA" are one source; titles, determiners and
    descriptive appositions are dropped when a proper name is present. Without a proper name
    the description itself is kept, minus determiners and trailing participial clauses.
    """
    text = _normal(source).replace('"', "")
    if not text:
        return ""
    segs = [s for s in _segments(text) if not _DROP_SEGMENT.match(s)] or _segments(text)[:1]
    if not segs:
        return text
    trailing: str | None = None
    for seg in segs:
        tokens = _TOKEN.findall(seg)
        words_idx = [i for i, t in enumerate(tokens) if _WORD.fullmatch(t) or t.startswith("(")]
        if not words_idx:
            continue
        first = 0
        while first < len(tokens) and tokens[first].lower() in W.DETERMINERS:
            first += 1
        for a, b in _name_runs(tokens):
            a2, b2 = _strip_run(tokens, a, b)
            if not _meaningful(tokens, a2, b2):
                continue
            followed_by_possessive = b < len(tokens) and tokens[b] in ("'s", "'")
            whole = a <= first and b >= len(tokens) - _trailing_punct(tokens)
            if whole and not followed_by_possessive:
                return " ".join(tokens[a2:b2]).replace(" - ", "-")
            ends_segment = b >= len(tokens) - _trailing_punct(tokens)
            # "residents of Dravna": a name after a preposition says where the source is
            # from; it is not the source's own name as an apposition is.
            after_preposition = a > 0 and tokens[a - 1].lower() in _PLACE_PREPOSITIONS
            if (
                ends_segment
                and trailing is None
                and not followed_by_possessive
                and not after_preposition
            ):
                trailing = " ".join(tokens[a2:b2])
    if trailing:
        return trailing
    return _description(segs[0])


def _trailing_punct(tokens: list[str]) -> int:
    n = 0
    for tok in reversed(tokens):
        if _WORD.fullmatch(tok) or tok.startswith("("):
            break
        n += 1
    return n


def _description(seg: str) -> str:
    tokens = seg.split()
    while len(tokens) > 1 and (tokens[0].lower() in W.DETERMINERS or tokens[0].lower() == "of"):
        tokens = tokens[1:]
    out: list[str] = []
    for tok in tokens:
        low = tok.lower()
        if out and (low in ("who", "which", "that") or re.fullmatch(r"[a-z]+ing", tok)):
            break
        out.append(tok)
    return " ".join(out).strip(" ,.;:")


@lru_cache(maxsize=8192)
def _has_person_name(text: str) -> bool:
    tokens = _TOKEN.findall(text)
    for a, b in _name_runs(tokens):
        a2, b2 = _strip_run(tokens, a, b)
        words = [t for t in tokens[a2:b2] if _WORD.fullmatch(t)]
        if (
            len(words) >= 2
            and not any(w.lower() in _ORG_WORDS for w in words)
            and not all(w.lower() in W.DEMONYMS for w in words)
            and not all(w.isupper() for w in words)
        ):
            return True
        if len(words) == 1 and a2 > a and tokens[a].lower().rstrip(".") in W.TITLES:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Anaphora

_PERSON_HEADS = wordset(
    "minister spokesman spokeswoman spokesperson official commander president leader employee "
    "resident man woman doctor general ambassador envoy officer director head chief secretary "
    "witness source diplomat analyst expert researcher journalist reporter correspondent "
    "governor mayor senator lawmaker king emir prince aide adviser advisor member survivor "
    "father mother boy girl student teacher nurse worker driver farmer engineer premier "
    "chancellor colonel lieutenant captain sergeant admiral brigadier marshal representative "
    "coordinator rapporteur prosecutor judge lawyer activist coach manager player captain "
    "attorney executive ceo founder author scientist professor economist chairman chairwoman "
    "chair doctor surgeon priest imam pastor bishop owner farmer fisherman teacher pilot "
    "mother father son daughter husband wife brother sister neighbour neighbor friend"
)
_NOT_PERSON = wordset(
    "company firm utility bank club team hospital city town village country state region "
    "province district council court school university college airline operator group "
    "agency report study statement video footage document letter survey poll data website "
    "newspaper paper magazine channel station network broadcaster outlet platform app "
    "government regime ministry administration embassy consulate office department unit "
    "coalition alliance movement faction organisation organization association union league "
    "parliament senate congress assembly commission committee board authority service "
    "military army navy police force brigade battalion regiment corps militia"
)
_PLURAL_HEADS = wordset(
    "officials residents rebels militants fighters forces troops witnesses sources people "
    "authorities activists survivors families doctors workers volunteers villagers locals "
    "civilians diplomats leaders insurgents militias protesters students employees soldiers "
    "police they media groups agencies governments countries allies"
)
# Definite descriptions that usually point back to a source named earlier.
_ANAPHORIC_HEADS = wordset(
    "group agency organization organisation ministry department office statement spokesman "
    "spokeswoman spokesperson official officials militants rebels fighters coalition alliance "
    "movement faction monitor charity army military company firm body outlet newspaper "
    "broadcaster network minister president commander leader man woman source witness "
    "resident command force forces militia observatory watchdog council committee "
    "administration"
)
_DESCRIPTION = re.compile(r"^(?:the|this|that)\s+((?:[a-z][\w-]*\s+){0,2})([a-z][\w-]*)$")


@lru_cache(maxsize=8192)
def anaphor_kind(source: str) -> str | None:
    """How a source points back: "person", "plural", "org", a head noun, or None if named.

    Pronouns and bare definite descriptions ("the group", "the rebel group") carry no name of
    their own; the extractor resolves them to the most recent compatible named source.
    """
    text = _normal(source)
    low = text.lower()
    if low in ("he", "she", "him", "her"):
        return "person"
    if low in ("they", "them", "we"):
        return "plural"
    if low == "it":
        return "org"
    if any(ch.isupper() for ch in text[1:]):
        return None
    m = _DESCRIPTION.match(low)
    if m and m.group(2) in _ANAPHORIC_HEADS:
        return m.group(2)
    return None


@lru_cache(maxsize=8192)
def is_person(source: str) -> bool:
    """Whether a source names or describes one person ("he" can stand for it)."""
    text = _normal(source)
    if _has_person_name(text):
        return True
    if (
        re.fullmatch(r"[A-Z][a-z][\w'-]*", text)
        and text.lower() not in _ORG_WORDS
        and not _is_state_name(text)
        and not any(not m.weak for m in _matches(text))
    ):
        return True  # a bare surname: "Zelenskiy said"
    head = text[: _head_end(text)].lower().split()
    if not head:
        return False
    if head[-1] in _PERSON_HEADS:
        return True
    # an unlisted singular role ("the regional prefect"): not an organisation, place or thing
    return (
        len(head) >= 2
        and head[0] in ("the", "a", "an")
        and head[-1].isalpha()
        and not head[-1].endswith("s")
        and head[-1] not in _ORG_WORDS
        and head[-1] not in _NOT_PERSON
        and not any(not m.weak and m.kind != "government" for m in _matches(text))
    )


def is_plural(source: str) -> bool:
    """Whether a source is plural or collective ("they" can stand for it)."""
    text = _normal(source)
    head = text[: _head_end(text)].lower().split()
    return bool(head) and (head[-1] in _PLURAL_HEADS or head[-1].endswith("s"))


# ---------------------------------------------------------------------------------------------
# Entities across an article


@lru_cache(maxsize=8192)
def aliases(source: str) -> tuple[str, ...]:
    """Other names the same source goes by later in an article: its surname, its acronym.

    "Dr. Jane Roe" is "Roe" three paragraphs later and "the Relief Society (RS)" becomes
    "RS"; typing and grouping should follow the entity, not the string.
    """
    canon = canonical_source(source)
    out = [canon] if canon else []
    for m in re.finditer(r"\(([A-Z][A-Za-z0-9&.\-]{1,9})\)", source):
        out.append(m.group(1))
    words = canon.split()
    if len(words) >= 2 and _has_person_name(canon) and words[-1][:1].isupper():
        out.append(words[-1])
    return tuple(out)


_ROLE_AFTER = re.compile(r"\s*(?:'s\s+)?((?:[a-z][\w-]*\s+)?[a-z][\w-]*)")
_DESC_BEFORE = re.compile(r"((?:[a-z][\w-]*[ -]){1,3})(?:the\s+)?$")
_APPOS_AFTER = re.compile(r",\s+((?:a|an|the)\s[^,.;:()]{3,80}?)(?=[,.;:])")
_POSSESSED_GOV = frozenset({"government", "state_media"})


@lru_cache(maxsize=8)
def _quotes_folded(text: str) -> str:
    """The article with typographic quotes folded; asked for once per source in an article."""
    return _fold_quotes(text)


def _verb_after_name(words: str) -> bool:
    """Whether the words after a name start with a reporting verb that is no noun too
    ("told reporters", "said officials"), rather than a role ("Front fighters")."""
    readings = verb_readings(words.split()[0])
    return bool(readings) and all("N" not in r.frames for r in readings)


def context_type(text: str, name: str) -> SourceType | None:
    """The type an article's own wording gives a name, wherever the name appears.

    "Front fighters seized ...", "the rebel Front", "the Society, a volunteer rescue group",
    "Velmar's foreign minister": the article usually says once what a name is, not always in
    the sentence that quotes it.
    """
    name = name.strip()
    if len(name) < 2 or not name[:1].isupper():
        return None
    votes: dict[SourceType, int] = {}
    norm = _quotes_folded(text)
    for start, end in whole_word_spans(norm, _fold_quotes(name)):
        found: SourceType | None = None
        after = _ROLE_AFTER.match(norm, end)
        if after and _verb_after_name(after.group(1)):
            after = None  # "Kallas told reporters": a verb and its object, not a role
        if after:
            possessive = norm.startswith("'s", end) or norm.startswith("’s", end)
            kinds = [x for x in _matches(after.group(1)) if not x.weak]
            if kinds:
                kind = kinds[0].kind
                found = "government" if possessive and kind in _POSSESSED_GOV else kind
        if found is None:
            before = _DESC_BEFORE.search(norm, max(0, start - 40), start)
            if before:
                kinds = [x for x in _matches(before.group(1)) if not x.weak]
                if kinds:
                    found = _best(kinds)
        if found is None:
            appos = _APPOS_AFTER.match(norm, end)
            if appos:
                kind = classify_source(appos.group(1))
                if kind != "unknown" and strength(appos.group(1)):
                    found = kind
        if found is not None and found not in ("visual", "anonymous", "outlet"):
            votes[found] = votes.get(found, 0) + 1
    if not votes:
        return None
    return max(votes, key=lambda k: votes[k])


_ORG_MENTION = re.compile(
    r"(?<![\w’'-])(?:[A-Z][\w’'&-]*)(?:\s+(?:(?:of|for|the|and|de|al)\s+)*[A-Z][\w’'&-]*)*"
)


def org_mentions(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Organisation names written in ``text[start:end]``, with their offsets, in order.

    A description such as "the group" usually points at the organisation named last, which
    is often the object of the previous sentence rather than a quoted source.
    """
    out: list[tuple[int, str]] = []
    for m in _ORG_MENTION.finditer(text, start, end):
        name = m.group(0)
        words = name.split()
        while words and words[0] in ("The", "A", "An"):
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        last = words[-1].lower().rstrip("’'s")
        if last in _ORG_WORDS or (name.isupper() and 2 <= len(name) <= 6 and name.isalpha()):
            out.append((m.start(), name))
    return out


@lru_cache(maxsize=8192)
def strength(source: str) -> bool:
    """Whether a source's type rests on a strong clue rather than only a role word."""
    text = _normal(source)
    return bool(text) and (
        _anonymous_re().search(text) is not None or any(not m.weak for m in _matches(text))
    )
