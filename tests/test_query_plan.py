"""How a claim becomes a query at scale: context words, the postings budget, qualifiers.

A claim's own words often do not name its event, and common words make FTS5 rank a large
share of the corpus; these tests pin the mechanisms that answer both, on texts written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.corroborate.evidence import EvidenceHit, article_context, find_evidence
from verifier.corroborate.query import (
    QUALIFIER_BUDGET,
    claim_match,
    context_terms,
    fts_stem,
    informative_terms,
    quote_term,
)
from verifier.pipeline import ingest_paths
from verifier.store import Store


def _df(counts: dict[str, int]) -> dict[str, int]:
    return {fts_stem(word): n for word, n in counts.items()}


def test_context_words_are_the_rarest_the_article_repeats() -> None:
    sentences = [
        "Shelling hit the market in Varnholt on Monday.",
        "Residents of Varnholt said the market burned for hours.",
        "The council met on Monday, officials said.",
        "A single mention of Quillon here.",
        "Casualties: 14 dead. The toll was 14.",
    ]
    df = _df({"varnholt": 12, "market": 400, "monday": 900, "quillon": 1, "14": 3})
    # Quillon is rarer but said once; 14 is repeated but a figure, not a name.
    assert context_terms(sentences, df, 1) == ["varnholt"]
    assert context_terms(sentences, df, 3) == ["varnholt", "market", "monday"]
    assert context_terms(sentences, df, 0) == []


def test_claim_match_puts_context_first_and_keeps_the_budget() -> None:
    terms = ["first", "blast", "noon", "minutes"]
    df = _df({"varnholt": 30, "first": 5000, "blast": 900, "noon": 700, "minutes": 6000})
    assert claim_match(terms, df, ["varnholt"], budget=2000) == (
        '("varnholt" OR "noon" OR "blast") OR (("varnholt" OR "noon" OR "blast") AND "first")'
    )
    # No context: the rarest word is searched even over the budget, and nothing qualifies.
    assert claim_match(terms, df, [], budget=100) == '"noon"'
    # A context word the claim already has is not searched twice.
    assert claim_match(["varnholt", "noon"], df, ["Varnholt"]) == '"Varnholt" OR "noon"'


def test_a_qualifier_too_common_to_count_is_left_out() -> None:
    df = _df({"varnholt": 30, "role": QUALIFIER_BUDGET + 1, "attack": QUALIFIER_BUDGET * 3})
    assert claim_match(["role", "attack"], df, ["varnholt"], budget=100) == '"varnholt"'
    df[fts_stem("role")] = QUALIFIER_BUDGET
    assert claim_match(["role", "attack"], df, ["varnholt"], budget=100) == (
        f'("varnholt") OR (("varnholt") AND {quote_term("role")})'
    )


EVENTS = {
    # town: (day, hour) — invented places, one event each
    "Varnholt": ("Monday", "noon"),
    "Quellmark": ("Tuesday", "dawn"),
    "Ostreby": ("Friday", "dusk"),
    "Tarnwick": ("Sunday", "midnight"),
    "Brisaval": ("Monday", "dawn"),
    "Kelmora": ("Thursday", "noon"),
    "Dunmarrow": ("Saturday", "dusk"),
    "Pellicote": ("Wednesday", "midnight"),
}


def _write_corpus(folder: Path) -> None:
    """Events told in the same words; only the town tells them apart. Each event has a
    wire report and a local one; the wire's eyewitness line does not name the town, the
    local report's does."""
    folder.mkdir()
    for town, (day, hour) in EVENTS.items():
        slug = town.lower()
        (folder / f"{slug}-wire.md").write_text(
            f"---\noutlet: Harbor Wire\npublished: 2026-03-02\n---\n"
            f"Shelling hits market in {town}\n\n"
            f"Shelling hit the covered market in {town} on {day}, officials in {town} said.\n\n"
            f"The first blast came shortly before {hour} and three more followed within"
            f" minutes, a stallholder said.\n",
            encoding="utf-8",
        )
        (folder / f"{slug}-local.md").write_text(
            f"---\noutlet: {town} Courier\npublished: 2026-03-02\n---\n"
            f"Market burns in {town}\n\n"
            f"Residents of {town} said the covered market burned for hours.\n\n"
            f"The first blast in {town} came shortly before {hour}, according to a"
            f" shopkeeper.\n\n"
            f"Firefighters in {town} said the roof had collapsed after the shelling.\n",
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("events") / "corpus"
    _write_corpus(folder)
    store = Store(folder.parent / "events.db")
    report = ingest_paths(store, [folder], corroborate=False, workers=1)
    assert report.added == 2 * len(EVENTS) and not report.errors
    return store


def _rank(hits: list[EvidenceHit], name: str) -> int:
    names = [h.article_name for h in hits]
    return names.index(name) + 1 if name in names else len(names) + 1


@pytest.mark.parametrize("town", sorted(EVENTS))
def test_context_ranks_the_same_event_higher(corpus_store: Store, town: str) -> None:
    """ "The first blast came shortly before ..." is in every event's reports; the article's
    own context word (its town) lifts the sentence of its event above the look-alikes."""
    article = corpus_store.article_by_name(f"{town.lower()}-wire.md")
    assert article is not None
    context = article_context(corpus_store, article.id)
    assert [w.lower() for w in context] == [town.lower()]
    hour = EVENTS[town][1]
    text = f"The first blast came shortly before {hour} and three more followed within minutes"
    local = f"{town.lower()}-local.md"
    hits = find_evidence(corpus_store, text, article_id=article.id, context=context, limit=16)
    plain = find_evidence(corpus_store, text, article_id=article.id, limit=16)
    assert _rank(hits, local) <= 2
    assert _rank(hits, local) < _rank(plain, local)


def test_context_words_have_no_figures(corpus_store: Store) -> None:
    for article in corpus_store.articles():
        for word in article_context(corpus_store, article.id, limit=5):
            assert not word.isdigit() and word in informative_terms(word)
