"""Claims that make the same statement (a wire story's copies) share one judging.

On data/sample the Greyhaven Times republishes the Meridian Press wire verbatim, and the
Coastmere Daily runs an edited copy that adds to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from verifier.corroborate import run
from verifier.pipeline import ingest_paths
from verifier.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
WIRE = "01_wire_meridian-press_lissow-hospital-shelling.txt"
VERBATIM = "02_copy_greyhaven-times_verbatim.md"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("shared") / "s.db") as store:
        ingest_paths(store, [SAMPLE], workers=1)
        yield store


def _claims(store: Store, article: str) -> dict[tuple[str, str, str], tuple[str, int, int]]:
    rows = store._query(
        "SELECT c.id, c.content, c.sentence, c.source, c.independent_support,"
        " c.independent_contradict FROM claims c JOIN articles a ON a.id = c.article_id"
        " WHERE a.name = ?",
        (article,),
    )
    return {(r[1], r[2], r[3]): (r[0], r[4], r[5]) for r in rows}


def test_a_verbatim_copy_counts_the_sources_its_original_counts(sample: Store) -> None:
    wire, copy = _claims(sample, WIRE), _claims(sample, VERBATIM)
    both = wire.keys() & copy.keys()
    assert len(both) >= 10  # the copy repeats the wire's claims, or this tests nothing
    for statement in both:
        assert wire[statement][1:] == copy[statement][1:], statement


def test_a_shared_claim_never_cites_its_own_article_as_another_report(sample: Store) -> None:
    copy = _claims(sample, VERBATIM)
    article = sample.article_by_name(VERBATIM)
    assert article is not None
    for claim_id, _, _ in copy.values():
        evidence = sample.evidence(claim_id)
        assert [e.rank for e in evidence] == list(range(1, len(evidence) + 1))
        assert len(evidence) == 10
        claim = sample.claim(claim_id)
        assert claim is not None
        assert all(e.sentence_id != claim.sentence_id for e in evidence)
        for e in evidence:
            if e.article_id == article.id:  # only the outlet's own caveat or another source
                assert e.relation == "outlet_caveat" or e.independent, e


def test_batches_keep_a_statement_together_whatever_their_size(
    sample: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "_BATCH", 2)
    ids = sample.claim_ids()
    batches = [b for b, _ in run._statement_batches(sample, ids)]
    assert sorted(i for b in batches for i in b) == sorted(ids)
    said = sample.claim_statements(ids)
    where = {}
    for n, batch in enumerate(batches):
        for claim_id in batch:
            assert where.setdefault(said[claim_id], n) == n
    assert any(len(b) > 2 for b in batches)  # the copies' statements, kept together


def test_first_claims_finds_each_statements_first_maker_one_claim_or_all(sample: Store) -> None:
    """The indexed lookup (content and sentence) agrees with grouping every claim by what it
    states, whether asked for one claim (the CLI) or for a run's claims at once."""
    ids = sample.claim_ids()
    said = sample.claim_statements(ids)
    where = {
        r[0]: (int(r[1]), int(r[2]), r[0])
        for r in sample._query("SELECT id, article_id, position FROM claims")
    }
    makers: dict[tuple[str, ...], list[tuple[int, int, str]]] = {}
    for claim_id, statement in said.items():
        makers.setdefault(statement, []).append(where[claim_id])
    expected = {
        claim_id: min(makers[statement])[2]
        for claim_id, statement in said.items()
        if len(makers[statement]) > 1
    }
    assert len(expected) >= 10  # the copies' statements, or this tests nothing
    assert sample.first_claims(ids) == expected
    assert {i: f for i in ids for f in [sample.first_claims([i]).get(i)] if f} == expected
