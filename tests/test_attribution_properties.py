"""Untrusted text never breaks extraction, and every span means what its field says."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.models import Document
from verifier.text.attribution import extract

_PIECES = [
    "said",
    "says",
    "told",
    "according to",
    "citing",
    "claimed",
    "called on",
    "accused",
    "was quoted as saying",
    "It was reported",
    ", adding",
    ", saying",
    "which",
    "who",
    "that",
    "and",
    "but",
    "of",
    "for",
    "the group",
    "he",
    "She",
    "residents say",
    "The ministry",
    "A video",
    "shows",
    "officials",
    "Reuters",
    "UN",
    "’s",
    "'s",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    ",",
    ".",
    ":",
    ";",
    "—",
    "(",
    ")",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\x00",
    "\x1b[31m",
    "\u200b",
    "<p>",
    "</b>",
    "&amp;",
    "#",
    "*",
    "By",
    "(AP) —",
    "Photo:",
    "In a statement",
    "denied",
    "urged",
    "blamed",
]

_text = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


def _check(text: str) -> None:
    for a in extract(Document(name="p", text=text, content_hash="x")):
        for span, field in (
            (a.source_span, a.source),
            (a.cue_span, a.cue),
            (a.content_span, a.content),
            (a.sentence_span, a.sentence),
        ):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == field
        assert a.cue.strip() and a.content.strip()
        assert a.sentence_span.start <= a.cue_span.start < a.sentence_span.end


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(_text)
def test_news_like_fragments_never_raise(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(["“", "”", '"', "‘", "’", "'", "«", "»"]), max_size=40))
def test_unbalanced_quotation_marks(marks: list[str]) -> None:
    text = " said X ".join(marks) + " officials said the road was shut."
    _check(text)


def test_huge_sentences_stay_linear() -> None:
    hostile = [
        "The minister said " * 3000,
        "the spokesman, " * 5000 + "said it.",
        "x according to y, " * 2000,
        "“" + "word said " * 8000,
        "Alpha Beta Gamma " * 10000 + "said so.",
    ]
    for text in hostile:
        started = time.perf_counter()
        _check(text)
        assert time.perf_counter() - started < 20, text[:40]
