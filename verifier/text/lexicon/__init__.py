"""Word lists the attribution extractor is built from, kept as plain data.

They are Python literals rather than text files so that importing them costs nothing beyond
building a few sets, and so that mypy sees their shapes. Every entry is general English or
general world knowledge (organisations anyone would recognise); nothing here is fitted to a
particular article.
"""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string, to keep long lists readable."""
    return frozenset(text.split())


def phrases(text: str) -> tuple[str, ...]:
    """Phrases written one per "|"-separated field, for lists of multi-word names."""
    return tuple(p.strip() for p in text.split("|") if p.strip())
