"""The full-text index's view of words, mirrored in Python: how a text turns into terms.

It lives in the text stage because everything downstream reads words the same way: the store
counts the terms of the sentences it indexes, retrieval looks a claim's words up in those
counts, and source names are compared word by word (``verifier.text.speakers``).

The store indexes sentences with SQLite's ``porter unicode61 remove_diacritics 2`` tokenizer.
Retrieval ranks a claim's words by how many sentences hold them, so it needs those counts per
*indexed term*. FTS5 can report them (``fts5vocab``), but it counts by reading the term's
whole posting list on every lookup: a common word costs more the larger the corpus grows
(several ms per word at 10k articles). So the store keeps its own table of counts, updated
as sentences are written, and this module is the one definition of how a sentence turns
into terms — used both to keep that table and to look words up in it.

``fts_stem`` reproduces SQLite's tokenizer for one token. The stemmer is loaded on first use:
the review TUI opens the store without ever stemming, and importing NLTK costs it ~0.3 s.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from verifier.text.numbers import COUNT_WORDS
from verifier.text.stopwords import STOPWORDS

# unicode61 keeps letters and digits together and splits at everything else, "_" included.
_TOKEN = re.compile(r"[^\W_]+")

_PORTER_MIN_BYTES = 3  # sqlite's fts5 porter passes shorter tokens through unstemmed ...
_PORTER_MAX_BYTES = 64  # ... and longer ones too


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


def tokens(text: str) -> list[str]:
    """Word tokens split where FTS5's unicode61 tokenizer splits them (case kept)."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


@lru_cache(maxsize=1)
def _porter() -> Callable[[str], str]:
    # SQLite's porter tokenizer follows Martin Porter's published C implementation, which
    # has the "bli" -> "ble" and "logi" -> "log" departures from the 1980 paper; NLTK's
    # ORIGINAL_ALGORITHM mode lacks them and disagrees on common words ("technology",
    # "assembly"), while MARTIN_EXTENSIONS agreed with SQLite on all but ~0.1% of 120k
    # tokens (exotic scripts only).
    from nltk.stem.porter import PorterStemmer

    stemmer = PorterStemmer(mode=PorterStemmer.MARTIN_EXTENSIONS)
    return lambda word: stemmer.stem(word, to_lowercase=False)


@lru_cache(maxsize=65536)
def fts_stem(token: str) -> str:
    """The term SQLite's porter tokenizer stores for one already-tokenised word."""
    folded = fold(token)
    size = len(folded.encode("utf-8"))
    if size < _PORTER_MIN_BYTES or size > _PORTER_MAX_BYTES:
        return folded
    return _porter()(folded)


def sentence_terms(text: str) -> set[str]:
    """The distinct indexed terms of one sentence: what its row adds to each term's count."""
    # ASCII needs no normalising; a set first stems each distinct word once.
    words = set(_TOKEN.findall(text) if text.isascii() else tokens(text))
    return {fts_stem(word) for word in words}


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=32_768)  # every candidate of every claim is de-duplicated by it
def normalise_sentence(text: str) -> str:
    """The form in which two copies of one sentence compare equal despite typography."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", text).strip()


def informative_terms(text: str) -> list[str]:
    """Lowercased content words of ``text`` in order of first appearance, without repeats.

    Numbers stay, even single digits: a casualty count or a date is often the rarest, most
    telling thing two reports share.
    """
    return list(_informative_terms(text))


@lru_cache(maxsize=32_768)
def _informative_terms(text: str) -> tuple[str, ...]:
    """``informative_terms``, remembered: a story's copies put the same sentences before
    retrieval, judging and tracking once per claim."""
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
    return tuple(out)


@lru_cache(maxsize=32_768)  # each candidate is weighed again for every claim of its story
def content_stems(text: str) -> frozenset[str]:
    """Porter stems of the informative non-number words of ``text``: the words two passages
    are compared on."""
    return frozenset(
        fts_stem(t) for t in informative_terms(text) if not t[0].isdigit() and t not in COUNT_WORDS
    )
