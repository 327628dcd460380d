"""The one reading of a written number, for every stage that compares figures.

A fact-checker's "four" is a "4" in another report and a "4.0" in a spreadsheet: claim facts,
the comparison of two passages and the tracking of a claim across articles must all agree on
what a figure is, or one stage finds a match another misses. So there is one parser here, and
every other module reads numbers through it.
"""

from __future__ import annotations

import re

from verifier.text.lexicon.facts_words import SCALES, SUFFIX_SCALES, TENS, UNITS

COUNT_WORDS: frozenset[str] = frozenset([*UNITS, *TENS, "dozen", "hundred"])
"""Words that are a figure on their own ("four", "forty", "a dozen"); "million" only scales one."""

NUMBER_WORDS: frozenset[str] = frozenset([*UNITS, *TENS, *SCALES])
"""Figures written out ("seven", "forty", "million"): quantities, never what names an event."""

_SPLIT_NUMBER = re.compile(r"[\s-]+")
_DIGIT_PARTS = re.compile(r"([\d,]+(?:\.\d+)?)\s*([a-z]*)", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """The value of a number written in digits, words or both: "300,000" -> 300000,
    "twenty-one" -> 21, "a dozen" -> 12, "1.5m" -> 1500000, "two million" -> 2000000.
    None when the text is not a number."""
    text = text.strip().lower()
    if not text:
        return None
    if text[0].isdigit():
        match = _DIGIT_PARTS.fullmatch(text)
        if not match:
            return None
        try:
            value = float(match.group(1).replace(",", ""))
        except ValueError:
            return None
        suffix = match.group(2)
        if suffix:
            scale = SCALES.get(suffix) or SUFFIX_SCALES.get(suffix)
            if scale is None:
                return None
            value *= scale
        return value
    total = 0.0
    current = 0.0
    seen = False
    for token in _SPLIT_NUMBER.split(text):
        if token in ("", "and"):
            continue
        if token in ("a", "an"):
            current = 1.0
        elif token == "half":
            current = 0.5
        elif token in UNITS:
            current += UNITS[token]
            seen = True
        elif token in TENS:
            current += TENS[token]
            seen = True
        elif token == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif token == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif token in SCALES:
            total += (current or 1.0) * SCALES[token]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


_FIGURE_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+")


def figures_in(text: str) -> frozenset[float]:
    """The figures a text states, as numbers: "four", "4" and "4.0" agree."""
    found = (token_number(token) for token in _FIGURE_TOKEN.findall(text.lower()))
    return frozenset(value for value in found if value is not None)


def token_number(token: str) -> float | None:
    """The figure one word states: digits ("300,000", "4.") or a count word ("four", "dozen").

    A scale word alone ("million") is no figure: it only multiplies the one before it, which
    is how a word-by-word reader builds "two million".
    """
    low = token.lower().rstrip(".,")
    if low[:1].isdigit() or low in COUNT_WORDS:
        return parse_number(low)
    return None


__all__ = ["COUNT_WORDS", "NUMBER_WORDS", "figures_in", "parse_number", "token_number"]
