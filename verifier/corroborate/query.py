"""Turning a claim into a full-text query that finds other reports of the same event.

A claim passed to FTS5 as-is ANDs every word, so a differently worded report of the same
event is never found; quoted user text can also be read as FTS syntax (``NEAR``, ``"``,
``col:``) and fail. Instead the claim's informative words are ranked by how rare they are in
the corpus, and the rarest few are quoted and ORed: BM25 then rewards the sentences that share
the most (and rarest) of them.

Document frequencies come from the store's term counts, kept per indexed term as SQLite's
``porter unicode61 remove_diacritics 2`` tokenizer produces them; ``verifier.text.terms``
reproduces that tokenizer so a word can be looked up without a round trip per word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from verifier.text.numbers import NUMBER_WORDS
from verifier.text.terms import fold, fts_stem, informative_terms, tokens

__all__ = [
    "DEFAULT_MAX_TERMS",
    "FrequencySource",
    "build_match",
    "claim_match",
    "context_terms",
    "fold",
    "frequencies",
    "fts_stem",
    "informative_terms",
    "or_expression",
    "quote_term",
    "rank_terms",
    "select_terms",
    "tokens",
]

DEFAULT_MAX_TERMS = 20
POSTINGS_BUDGET = 2_000
"""Most sentences a query's candidate words may occur in, summed. FTS5 ranks every
candidate before returning the best, ~2 µs each, so one common word ("killed", "people") in
a large corpus turns a query into a scan: 70 ms median at 10k articles before there was a
budget. Words are taken rarest first until the budget is spent (the rarest always, when
there is no context); a sentence sharing only common words with a claim was rarely evidence
of it. At 100k generated articles 2,000 beat 5,000 on both speed (find_evidence p95 15 vs
18 ms) and the share of hits from the claim's own event (27% vs 26%). A corpus small
enough that no word is in 2,000 sentences (~400 articles) is searched without limit."""

QUALIFIER_BUDGET = 20_000
"""Most sentences a qualifier word may occur in (see ``claim_match``): FTS5 still counts a
qualifier's sentences once per query to weigh it, ~0.1 µs each. At 100k generated articles a
ceiling of 20,000 rather than 60,000 took search_evidence p95 from 19-20 ms to 13-17 ms for
0.7 points of same-event hits (26.6% -> 25.9%)."""

CONTEXT_TERMS = 1
"""Words of the claim's article added to its query (see ``context_terms``). One, because a
second was measured to cost precision: it is often an outlet or byline name that many
unrelated articles share."""

# Lookups per statement stay well under SQLite's bound-parameter limit.
_DF_CHUNK = 500


class FrequencySource(Protocol):
    """What ``build_match`` needs from a store: the corpus document frequency of stems."""

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]: ...


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


def context_terms(
    sentences: Iterable[str], df: Mapping[str, int], limit: int = CONTEXT_TERMS
) -> list[str]:
    """The rarest words an article repeats (in two sentences or more), rarest first.

    A claim's own words often do not say which event it is about ("the first blast came
    shortly before noon"); its article does, in the names it keeps repeating (the town, the
    group, the official). Added to the claim's query they pull its retrieval towards reports
    of the same event: on 10k generated articles, one such word raised the share of hits
    from the claim's own event from 15% to 46%. Numbers are left out: a figure the article
    repeats is a fact to check, not the name of the event. ``df`` must hold the stems of the
    article's words.
    """
    if limit < 1:
        return []
    seen: dict[str, int] = {}
    first: dict[str, int] = {}
    for text in sentences:
        for term in dict.fromkeys(informative_terms(text)):
            if not term.isdigit() and term not in NUMBER_WORDS:
                seen[term] = seen.get(term, 0) + 1
                first.setdefault(term, len(first))
    repeated = [
        (df[stem], first[term], term)
        for term, count in seen.items()
        if count >= 2 and df.get(stem := fts_stem(term), 0) > 0
    ]
    return [term for _, _, term in sorted(repeated)[:limit]]


def claim_match(
    terms: Iterable[str],
    df: Mapping[str, int],
    context: Sequence[str] = (),
    max_terms: int = DEFAULT_MAX_TERMS,
    *,
    budget: int = POSTINGS_BUDGET,
) -> str:
    """The MATCH expression for a claim's words, its article's context words and a budget.

    The context words and the claim's rarest words, while their summed document frequencies
    fit the budget, form the core: any sentence holding one is a candidate. With context
    present, the claim's rarest word over the budget is still searched, but only as a
    qualifier of the core (``core OR (core AND word)``): it raises the score of a candidate
    that also says it without making every sentence that says it a candidate. FTS5 ranks
    all candidates before returning any, so the candidates must stay few; at 100k generated
    articles a claim word in 56k sentences cost ~90 ms as a candidate and ~5 ms as a
    qualifier, which is why a qualifier too has a ceiling (``QUALIFIER_BUDGET``).
    Without context the rarest word is always searched, as in ``rank_terms``.
    ``df`` must hold the stems of the context words too.
    """
    chosen = {fts_stem(t) for t in context}
    core = [t for t in context if df.get(fts_stem(t), 0) > 0]
    spent = sum(df[fts_stem(t)] for t in core)
    over: list[str] = []
    for term in rank_terms(terms, df, max_terms, budget=None):
        stem = fts_stem(term)
        if stem in chosen:
            continue
        chosen.add(stem)
        if not core or spent + df[stem] <= budget:
            core.append(term)
            spent += df[stem]
        else:
            over.append(term)
    base = or_expression(core)
    qualifier = next((t for t in over if df[fts_stem(t)] <= QUALIFIER_BUDGET), None)
    if qualifier is None or not context:
        return base
    return f"({base}) OR (({base}) AND {quote_term(qualifier)})"


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
