"""Fast paths in the text stage agree with the plain computation they stand in for.

Each prefilter or cache below exists only for speed; these properties pin that it never
changes an answer, on text built from the very words the prefilters look for.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from verifier.models import Span, Unit
from verifier.text import attribution as A
from verifier.text import segment as G
from verifier.text import sources as S
from verifier.text.cues import _HEDGE_HINTS, _HINT_RE

_FRAGMENTS = [
    "All rights reserved",
    "ALL RIGHTS RESERVED.",
    "contributed to this report",
    "added reporting",
    "Reuters",
    "\u00a9 2024",
    "Copyright 2023",
    "Share",
    "Read more",
    "Advertisement",
    "the ministry said",
    "not",
    "claimed",
    "\u201cquoted\u201d",
    "\u2018single\u2019",
    "\u00abguillemets\u00bb",
    ".",
    ",",
    "\n",
    "\u017f",  # long s: folds to "s" under IGNORECASE but not under str.lower
]

_texts = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=12)), max_size=14).map(
    " ".join
)


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_boilerplate_split_matches_the_single_alternation(text: str) -> None:
    core = G._core(text)
    expected = bool(core) and len(core.split()) <= 45 and G._boilerplate_re().fullmatch(core)
    assert G.is_boilerplate(text) == bool(expected)


def test_every_floating_boilerplate_pattern_needs_a_hint() -> None:
    # A floating pattern added to the lexicon without one of the hint words in it would be
    # skipped on text lacking them: this catches it before the property test has to.
    floating = [p for p in G._boilerplate_patterns() if p.startswith(".")]
    assert floating
    for pattern in floating:
        assert G._FLOATING_HINT.search(pattern), pattern


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_hint_regex_is_the_substring_test(text: str) -> None:
    low = text.lower()
    assert (_HINT_RE.search(low) is not None) == any(h in low for h in _HEDGE_HINTS)


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_quote_folding_is_the_translate_table(text: str) -> None:
    assert S._fold_quotes(text) == text.translate(_QUOTES)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_FRAGMENTS), _texts)
def test_whole_word_search_is_the_regex_one(name: str, text: str) -> None:
    pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
    assert list(S.whole_word_spans(text, name)) == [m.span() for m in pattern.finditer(text)]
    assert S.mentions(text, name) == (pattern.search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_floating_hint_gate_never_rules_out_a_hint(text: str) -> None:
    if G._FLOATING_HINT.search(text):
        assert G._may_hold_floating_hint(text)


def test_floating_hint_gate_letters_fold_like_lower() -> None:
    # The gate's pieces may only use letters that IGNORECASE matches on exactly the characters
    # str.lower() maps onto them ("s" also matches "ſ", which lower() leaves alone).
    hints = [h.strip() for h in G._FLOATING_HINT.pattern.split("|")]
    for hint in hints:
        for variant in (hint, hint.upper(), hint.title(), hint.replace("s", "\u017f")):
            if G._FLOATING_HINT.fullmatch(variant):
                assert G._may_hold_floating_hint(variant), variant
    for letter in set("dedbutgh"):
        folded = {chr(c) for c in range(0x3000) if re.fullmatch(letter, chr(c), re.IGNORECASE)}
        assert folded == {chr(c) for c in range(0x3000) if chr(c).lower() == letter}


# -- sources: the outlet-free part of classification is cached apart from the outlet tests


def _classify_plain(source: str, anonymous_context: bool, outlet: str | None) -> str:
    """``sources._classify`` as one function, before the outlet-free steps were split out."""
    text = S._normal(source)
    if not text:
        return "unknown"
    if S._anonymous_re().search(text):
        return "anonymous"
    if (
        S._UNNAMED_PERSON.match(text)
        and not S._has_person_name(text)
        and (anonymous_context or not S._person_affiliation(text))
    ):
        return "anonymous"
    if S._is_state_name(text):
        return "government"
    cut = S._head_end(text)
    head = text[:cut]
    matches = S._matches(text)
    head_strong = [m for m in matches if m.start < cut and not m.weak]
    if any(m.kind == "visual" for m in head_strong):
        return "visual"
    own_outlet = bool(outlet) and S._is_news_outlet(outlet or "")
    if own_outlet and outlet and S._mentions(head, outlet):
        return "outlet"
    middle, late = S._classify_rest(text, cut, matches, head_strong)
    if middle is not None:
        return middle
    if own_outlet and outlet and S._mentions(text, outlet):
        return "outlet"
    return late


_SOURCE_WORDS = [
    "Reuters",
    "the ministry",
    "Ministry of Defence",
    "an official",
    "officials",
    "who spoke on condition of anonymity",
    "a video",
    "state media",
    "TASS news agency",
    "Iran",
    "and",
    ",",
    "the rebel",
    "Command",
    "spokesman",
    "BBC",
    "the BBC's correspondent",
    "witnesses",
    "United Nations",
    "Syrian Observatory for Human Rights",
]
_sources = st.lists(st.sampled_from(_SOURCE_WORDS), min_size=1, max_size=6).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_sources, st.booleans(), st.sampled_from([None, "", "Reuters", "BBC", "Amnesty"]))
def test_split_classification_is_the_plain_one(source: str, anon: bool, outlet: str | None) -> None:
    assert S._classify(source, anon, outlet) == _classify_plain(source, anon, outlet)


# -- attribution: tokens read off the whole text, and the clause scan's fast path

_ORIGINAL_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"
    r"|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?"
    r"|(?<=\w)['\u2019]s\b"
    r"|[^\W\d_]\w*(?:[-\u2010'\u2019](?![sS]\b)\w+)*"
    r"|''|``|--|\S"  # two apostrophes or backticks are one quotation mark (on purpose)
)
_TOKEN_PIECES = [
    "U.S.",
    "U.N.",
    "a.m.",
    "e.g.",
    "A.B",
    "3.5",
    "1,000",
    "21st",
    "1990s",
    "'s",
    "\u2019s",
    "\u2019S",
    "don't",
    "pro-government",
    "al-Assad",
    "--",
    "''",
    "``",
    "\u2014",
    "(",
    ")",
    "\u201c",
    "\u201d",
    "said",
    "officials",
    ".",
    ",",
    "\u017f",
]
_token_texts = st.lists(
    st.one_of(st.sampled_from(_TOKEN_PIECES), st.text(max_size=6)), max_size=12
).map(lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts)))


@settings(max_examples=500, deadline=None)
@given(_token_texts)
def test_token_pattern_order_is_the_original(text: str) -> None:
    new = [m.span() for m in A._TOKEN_RE.finditer(text)]
    assert new == [m.span() for m in _ORIGINAL_TOKEN_RE.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(_token_texts, _token_texts, _token_texts)
@example("", "IT", "")
@example("The ", "WHO said", " it")
def test_sentence_tokens_read_off_the_text_are_the_slice_tokens(
    before: str, sentence: str, after: str
) -> None:
    text = before + sentence + after
    span = Span(len(before), len(before) + len(sentence))
    if not sentence:
        return
    unit = Unit(0, 0, "body", span, sentence)
    s = A._Sent(text, unit, A._Quotes([]))
    found = list(_ORIGINAL_TOKEN_RE.finditer(sentence))
    assert s.toks == [m.group() for m in found]
    assert s.st == [span.start + m.start() for m in found]
    assert s.en == [span.start + m.end() for m in found]
    # 'WHO', 'US' and 'IT' are names, not the pronouns their lower case would be (78ed558)
    assert s.low == [t if t in A._ACRONYMS else t.lower() for t in s.toks]


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


_CLAUSE_WORDS = [
    "the",
    "minister",
    "said",
    "told",
    "and",
    "but",
    "that",
    "what",
    "as",
    "known",
    "because",
    ",",
    ";",
    "(",
    ")",
    "\u201cCommand\u201d",
    "\u201ca long quoted phrase here\u201d",
    "Reuters",
    "officials",
    "speaking",
    "who",
]
_clause_texts = st.lists(st.sampled_from(_CLAUSE_WORDS), min_size=1, max_size=25).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_clause_texts, st.integers(min_value=0, max_value=40))
def test_clause_scan_fast_path_changes_nothing(text: str, at: int) -> None:
    unit = Unit(0, 0, "body", Span(0, len(text)), text)
    quotes = A._Quotes(A.find_quotes(text, [Span(0, len(text))]))
    s = A._Sent(text, unit, quotes)
    k = min(at, s.n)
    fast = A._clause_left(s, k)
    saved = A._CLAUSE_STOPS
    try:
        A._CLAUSE_STOPS = _Everything()  # type: ignore[assignment]  # every token stops the fast path
        slow = A._clause_left(s, k)
    finally:
        A._CLAUSE_STOPS = saved
    assert fast == slow
