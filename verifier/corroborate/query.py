"""Turning a claim into a full-text query that finds other reports of the same event.

A claim passed to FTS5 as-is ANDs every word, so a differently worded report of the same
event is never found; quoted user text can also be read as FTS syntax (``NEAR``, ``"``,
``col:``) and fail. Instead the claim's informative words are ranked by how rare they are in
the corpus, and the rarest few are quoted and ORed: BM25 then rewards the sentences that share
the most (and rarest) of them.

Document frequencies come from the store's FTS5 vocabulary, which holds terms as SQLite's
``porter unicode61 remove_diacritics 2`` tokenizer produced them. ``fts_stem`` reproduces that
tokenizer for one token so a word can be looked up without a round trip per word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Protocol

from nltk.stem import PorterStemmer

from verifier.corroborate.stopwords import STOPWORDS

DEFAULT_MAX_TERMS = 10
POSTINGS_BUDGET = 5_000
"""Most sentences a query's terms may occur in, summed. BM25 over an OR query scores every
sentence holding any term, so one common word ("killed", "people") in a large corpus turns
a query into a scan: 70 ms median at 10k articles. Terms are taken rarest first until the
budget is spent; a sentence sharing only common words with a claim was rarely evidence of
it. A corpus under the budget (~2,000 articles) is searched exactly as before."""

# unicode61 keeps letters and digits together and splits at everything else, "_" included.
_TOKEN = re.compile(r"[^\W_]+")

# SQLite's porter tokenizer follows Martin Porter's published C implementation, which has the
# "bli" -> "ble" and "logi" -> "log" departures from the 1980 paper; NLTK's ORIGINAL_ALGORITHM
# mode lacks them and disagrees on common words ("technology", "assembly", "possibly"), while
# MARTIN_EXTENSIONS agreed with SQLite on all but ~0.1% of 120k tokens (exotic scripts only).
_STEMMER = PorterStemmer(mode=PorterStemmer.MARTIN_EXTENSIONS)
_PORTER_MIN_BYTES = 3  # sqlite's fts5 porter passes shorter tokens through unstemmed ...
_PORTER_MAX_BYTES = 64  # ... and longer ones too

# Lookups per statement stay well under SQLite's bound-parameter limit.
_DF_CHUNK = 500


class FrequencySource(Protocol):
    """What ``build_match`` needs from a store: the corpus document frequency of stems."""

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]: ...


def _fold_char(ch: str) -> str:
    """Drop diacritics from Latin letters only, as ``remove_diacritics 2`` does."""
    if ch.isascii():
        return ch
    if ch == "\u00b5":  # MICRO SIGN: unicode61 folds it to Greek mu
        return "\u03bc"
    parts = unicodedata.normalize("NFD", ch)
    if len(parts) > 1 and parts[0] < "\u0250" and all(unicodedata.combining(c) for c in parts[1:]):
        return parts[0]
    return ch


def fold(token: str) -> str:
    """Lowercase and strip Latin diacritics so "Aleppo"/"ALEPPO"/"Alépo" meet in the vocab."""
    low = token.lower()
    return low if low.isascii() else "".join(_fold_char(c) for c in low)


@lru_cache(maxsize=65536)
def fts_stem(token: str) -> str:
    """The term SQLite's porter tokenizer stores for one already-tokenised word."""
    folded = fold(token)
    size = len(folded.encode("utf-8"))
    if size < _PORTER_MIN_BYTES or size > _PORTER_MAX_BYTES:
        return folded
    return _STEMMER.stem(folded, to_lowercase=False)


def tokens(text: str) -> list[str]:
    """Word tokens split where FTS5's unicode61 tokenizer splits them (case kept)."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


def informative_terms(text: str) -> list[str]:
    """Lowercased content words of ``text`` in order of first appearance, without repeats.

    Numbers stay, even single digits: a casualty count or a date is often the rarest, most
    telling thing two reports share.
    """
    out: list[str] = []
    seen: set[str] = set()
    for token in tokens(text):
        word = fold(token)
        if word in seen:
            continue
        if not word.isdigit():
            if len(word) < 2:
                continue
            # "US" the country, not "us" the pronoun.
            if word in STOPWORDS and token != "US":
                continue
        seen.add(word)
        out.append(word)
    return out


def quote_term(term: str) -> str:
    """An FTS5 string literal: whatever ``term`` holds, it is matched as text, never syntax.

    NUL is dropped because FTS5's parser reads it as the end of the expression.
    """
    return '"' + term.replace("\x00", "").replace('"', '""') + '"'


def or_expression(terms: Iterable[str]) -> str:
    """``"a" OR "b" OR ...``; an empty string when there is nothing to search for."""
    return " OR ".join(quote_term(t) for t in terms if t)


def frequencies(store: FrequencySource, stems: Iterable[str]) -> dict[str, int]:
    """Document frequencies for many stems, in chunks a single statement can bind."""
    wanted = sorted(set(stems))
    out: dict[str, int] = {}
    for i in range(0, len(wanted), _DF_CHUNK):
        out.update(store.document_frequencies(wanted[i : i + _DF_CHUNK]))
    return out


def rank_terms(
    terms: Iterable[str],
    df: Mapping[str, int],
    max_terms: int = DEFAULT_MAX_TERMS,
    *,
    budget: int | None = POSTINGS_BUDGET,
) -> list[str]:
    """The ``max_terms`` rarest terms, one per stem, in order of rarity.

    A term whose stem is absent from the corpus is dropped: it cannot match anything, and
    keeping it would only crowd out a rare term that can. Ties keep the text's order so the
    query is deterministic. With a ``budget``, terms are taken while their summed document
    frequencies stay within it (the rarest is always kept): see ``POSTINGS_BUDGET``.
    """
    if max_terms < 1:
        raise ValueError(f"max_terms must be at least 1, not {max_terms}")
    best: dict[str, tuple[int, int, str]] = {}
    for position, term in enumerate(terms):
        stem = fts_stem(term)
        count = df.get(stem, 0)
        if count <= 0 or stem in best:
            continue
        best[stem] = (count, position, term)
    out: list[str] = []
    spent = 0
    for count, _, term in sorted(best.values())[:max_terms]:
        if budget is not None and out and spent + count > budget:
            break
        out.append(term)
        spent += count
    return out


def select_terms(
    text: str, store: FrequencySource, max_terms: int = DEFAULT_MAX_TERMS
) -> list[str]:
    """The rarest informative words of ``text`` that occur somewhere in the corpus."""
    terms = informative_terms(text)
    df = frequencies(store, (fts_stem(t) for t in terms))
    return rank_terms(terms, df, max_terms)


def build_match(text: str, store: FrequencySource, max_terms: int = DEFAULT_MAX_TERMS) -> str:
    """A safe FTS5 MATCH expression for any ``text`` (empty when no word can match).

    The terms are the surface words, not their stems: FTS5 runs its own tokenizer over each
    quoted string, and stemming a stem again is not always a no-op.
    """
    return or_expression(select_terms(text, store, max_terms))
