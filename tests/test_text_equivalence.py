"""Fast paths in the text stage agree with the plain computation they stand in for.

Each prefilter or cache below exists only for speed; these properties pin that it never
changes an answer, on text built from the very words the prefilters look for.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

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
def test_whole_word_pattern_is_the_inline_one(name: str, text: str) -> None:
    inline = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text)
    cached = S.whole_word_re(name).search(text)
    assert (inline and inline.span()) == (cached and cached.span())
