"""The speed mechanisms of ingest and evidence must not change what is stored or found.

Worker processes, batched commits, savepoints, the postings budget and the ranked window
are all shortcuts; each test pins the result the slow path gives.
"""

from __future__ import annotations

import os
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.generate import generate
from verifier import workers as workers_module
from verifier.corroborate import candidates, corpus, run
from verifier.corroborate.evidence import EvidenceHit, Judgement
from verifier.corroborate.query import rank_terms
from verifier.corroborate.readings import read_facts
from verifier.corroborate.stories import group_articles
from verifier.models import Document
from verifier.pipeline import _analyse_one, ingest_paths
from verifier.priority import compute_priorities
from verifier.store import ClaimFilter, Store
from verifier.store.schema import INDEXED_WHEN


def _corpus(folder: Path, articles: int) -> Path:
    folder.mkdir()
    for doc, _ in generate(articles):
        front = f"---\noutlet: {doc.outlet}\npublished: {doc.published}\n---\n"
        (folder / doc.name.replace(".txt", ".md")).write_text(front + doc.text, encoding="utf-8")
    return folder


def _dump(store: Store) -> list[tuple[object, ...]]:
    rows = store._query(
        "SELECT a.name, s.idx, s.kind, s.text, c.id, c.source, c.content, c.facts"
        " FROM articles a JOIN sentences s ON s.article_id = a.id"
        " LEFT JOIN claims c ON c.sentence_id = s.id ORDER BY a.id, s.idx, c.position"
    )
    return [tuple(r) for r in rows]


def test_worker_processes_store_exactly_what_one_process_stores(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c", 60)
    (corpus / "broken.json").write_text("{not json", encoding="utf-8")
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "two.db") as two:
        a = ingest_paths(one, [corpus], corroborate=False, workers=1)
        b = ingest_paths(two, [corpus], corroborate=False, workers=2)
        assert (a.added, a.claims, len(a.errors)) == (b.added, b.claims, len(b.errors))
        assert a.added == 60 and len(b.errors) == 1
        assert _dump(one) == _dump(two)
        # Ids follow file order whatever the workers: the store is the same row for row.
        assert [r.name for r in one.articles()] == [r.name for r in two.articles()]


def test_a_text_stage_failure_is_one_line_not_a_traceback() -> None:
    bad = Document(name="x.txt", text=None, content_hash="h", path="x.txt")  # type: ignore[arg-type]
    result = _analyse_one(bad)
    assert isinstance(result, str)
    assert "text analysis failed" in result and "\n" not in result


def test_a_failing_article_rolls_back_alone_and_the_batch_commits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path / "c", 12)
    real = Store.add_analysed

    def flaky(self: Store, analysed):  # type: ignore[no-untyped-def]
        article_id = real(self, analysed)  # written, then the failure must undo it
        if analysed.document.name.startswith("ev000001"):
            raise sqlite3.IntegrityError("simulated failure")
        return article_id

    monkeypatch.setattr(Store, "add_analysed", flaky)
    with Store(tmp_path / "s.db") as store:
        report = ingest_paths(store, [corpus], corroborate=False, workers=1)
        names = {a.name for a in store.articles()}
    assert report.errors and all("simulated failure" in str(e) for e in report.errors)
    assert not any(n.startswith("ev000001") for n in names)
    assert report.added == len(names) == 12 - len(report.errors)


def test_nested_transaction_is_a_savepoint(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        with store.transaction() as conn:
            conn.execute("INSERT INTO stories (label) VALUES ('kept')")
            with pytest.raises(RuntimeError), store.transaction() as inner:
                inner.execute("INSERT INTO stories (label) VALUES ('undone')")
                raise RuntimeError
        labels = [r[0] for r in store._query("SELECT label FROM stories")]
    assert labels == ["kept"]


def test_postings_budget_keeps_the_rarest_terms_and_leaves_small_corpora_alone() -> None:
    df = {"rare": 3, "mid": 40, "common": 9000}
    assert rank_terms(["common", "mid", "rare"], df, budget=None) == ["rare", "mid", "common"]
    assert rank_terms(["common", "mid", "rare"], df, budget=5000) == ["rare", "mid"]
    # The rarest term is always searched, however common.
    assert rank_terms(["common"], df, budget=10) == ["common"]


def test_ranked_window_widens_past_filtered_rows(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c", 30)
    with Store(tmp_path / "s.db") as store:
        ingest_paths(store, [corpus], corroborate=False)
        # Bylines and inner headings share the query's words but are not searched; the body
        # rows and titles must come back, in the order an unwindowed query gives.
        match = '"kill" OR "attack" OR "hospital"'
        got = store.search_sentences(match, limit=25)
        indexed = INDEXED_WHEN.replace("kind", "s.kind").replace("idx", "s.idx")
        want = store._query(
            "SELECT s.id FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
            f" WHERE sentences_fts MATCH ? AND {indexed}"
            " ORDER BY bm25(sentences_fts), s.id LIMIT 25",
            (match,),
        )
        assert [s.id for s, _, _ in got] == [r[0] for r in want]


def test_rescoring_only_touched_claims_leaves_no_priority_stale(tmp_path: Path) -> None:
    """An ingest rescores its new claims and those it revisited; a full rescore afterwards
    must change nothing, or a stale score would misorder the review queue."""
    sample = Path(__file__).resolve().parent.parent / "data" / "sample"
    files = sorted(p for p in sample.iterdir() if not p.name.startswith(("gold", "README")))
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for i, path in enumerate(files):
        target = first if i % 2 == 0 else second
        (target / path.name).write_bytes(path.read_bytes())
    with Store(tmp_path / "s.db") as store:
        ingest_paths(store, [first], workers=1)
        ingest_paths(store, [second], workers=1)
        before = dict(store._query("SELECT id, priority FROM claims").__iter__())
        assert len(set(before.values())) > 3
        assert compute_priorities(store) == len(before)
        assert dict(store._query("SELECT id, priority FROM claims").__iter__()) == before


def _judged(store: Store) -> list[tuple[object, ...]]:
    """Everything corroboration writes: evidence, independence counts, figure conflicts."""
    queries = (
        "SELECT claim_id, sentence_id, rank, score, relation, independent, reasons"
        " FROM evidence ORDER BY claim_id, rank",
        "SELECT id, independent_support, independent_contradict FROM claims ORDER BY id",
        "SELECT claim_id, event, summary FROM figure_conflicts ORDER BY claim_id, event",
    )
    return [tuple(r) for q in queries for r in store._query(q)]


@pytest.fixture
def corroborated_twice(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    corpus = _corpus(tmp_path / "c", 40)
    one, two = Store(tmp_path / "one.db"), Store(tmp_path / "two.db")
    for store in (one, two):
        ingest_paths(store, [corpus], corroborate=False, workers=1)
        group_articles(store, [a.id for a in store.articles()])
    yield one, two
    one.close()
    two.close()


def test_corroborating_in_worker_processes_writes_what_one_process_writes(
    corroborated_twice: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = corroborated_twice
    monkeypatch.setattr(run, "_BATCH", 17)  # many batches, so several are in flight
    a = run.corroborate(one, workers=1)
    b = run.corroborate(two, workers=2)
    assert a.claims == b.claims > 100 and a.evidence == b.evidence > 0
    assert a.relations == b.relations
    assert _judged(one) == _judged(two)


def test_a_store_inside_a_transaction_is_corroborated_here(
    corroborated_twice: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers would not see rows the open transaction has not committed."""
    one, two = corroborated_twice

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started inside a transaction")

    monkeypatch.setattr(run, "_BATCH", 17)
    run.corroborate(one, workers=1)
    monkeypatch.setattr(workers_module, "ProcessPoolExecutor", no_pool)
    with two.transaction():
        run.corroborate(two, workers=2)
    assert _judged(one) == _judged(two)


def _dies(ids: list[str], limit: int, max_terms: int) -> object:
    os._exit(3)  # a worker killed mid-batch (the OOM killer, a signal)


def test_a_killed_corroboration_worker_costs_time_not_results(
    corroborated_twice: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = corroborated_twice
    monkeypatch.setattr(run, "_BATCH", 17)
    run.corroborate(one, workers=1)

    # Forked workers run the parent's (patched) module; spawned ones would not die, and the
    # results must be the same either way.
    monkeypatch.setattr(run, "_judge_in_worker", _dies)
    here = 0
    real = run._judge_batch

    def counted(*args: object, **kwargs: object) -> object:  # batches judged in this process
        nonlocal here
        here += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "_judge_batch", counted)
    run.corroborate(two, workers=2)
    assert here > 0  # the pool broke and its batches were judged here
    assert _judged(one) == _judged(two)


def test_judging_only_the_candidates_that_can_rank_stores_what_judging_all_stores(
    corroborated_twice: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A claim's candidates past what can reach its first ten are left unjudged."""
    one, two = corroborated_twice
    judged = 0
    real = run.judge

    def counted(*args: object, **kwargs: object) -> object:
        nonlocal judged
        judged += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "judge", counted)
    run.corroborate(one, workers=1)
    pruned, judged = judged, 0
    monkeypatch.setattr(run, "_within", lambda hits, _other, _limit, one: list(map(one, hits)))
    run.corroborate(two, workers=1)
    assert pruned < 0.8 * judged  # something was left out, or this tests nothing
    assert _judged(one) == _judged(two)


def test_what_corroboration_stores_does_not_depend_on_the_order_claims_come_in(
    corroborated_twice: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading order (``corroborate``'s own) and a shuffled queue store the same."""
    one, two = corroborated_twice
    monkeypatch.setattr(run, "_BATCH", 17)
    run.corroborate(one, workers=1)
    shuffled = two.claim_ids()
    random.Random(3).shuffle(shuffled)
    assert shuffled != one.claim_ids(ClaimFilter(sort="article"))
    run.corroborate(two, shuffled, workers=1)
    assert _judged(one) == _judged(two)


def _ranked_at(
    score: float, relation: str, elsewhere: bool, words: float | None, chance: float = 0.0
) -> run._Ranked:
    hit = EvidenceHit(0, 0, 0, 0, "body", 0, 0, "", "", None, None, score, 0)
    ctx = candidates.HitContext((), 0, 0, "a denial" if words is not None else "", words)
    facts = read_facts("it was said", "It was said.")
    return run._Ranked(hit, ctx, elsewhere, Judgement(relation), facts, None, chance)


def test_the_first_ten_are_the_same_whatever_the_relations_of_the_rest() -> None:
    """Every weight a relation gives, negative scores, unrelated answers ranked by their
    own words, ties, another event's reports and the event model's demotion: the pruned
    ranking's head is the full one's."""
    rng = random.Random(5)
    relations = [*run.RELATION_WEIGHT, "partly_supports", "same_report"]
    for _ in range(300):
        pool = []
        for _ in range(rng.randint(0, 40)):
            score = rng.choice([rng.uniform(-2, 10), float(rng.randint(0, 4))])
            words = score - rng.uniform(0, 3) if rng.random() < 0.2 else None
            chance = rng.choice([0.0, rng.random(), 1.0])
            relation = rng.choice(relations)
            pool.append(_ranked_at(score, relation, rng.random() < 0.3, words, chance))
        pool.sort(key=lambda r: -r.hit.score)
        by_hit = {id(r.hit): r for r in pool}
        limit = rng.randint(1, 12)
        kept = run._within(
            [r.hit for r in pool],
            lambda h, by=by_hit: by[id(h)].elsewhere,
            limit,
            lambda h, by=by_hit: by[id(h)],
        )
        assert run._ordered(kept)[:limit] == run._ordered(pool)[:limit]


def test_remembered_readings_are_the_stored_readings(tmp_path: Path) -> None:
    """Stored readings are parsed once per distinct JSON inside ``remembered_searches``."""
    with Store(tmp_path / "r.db") as store:
        ingest_paths(store, [_corpus(tmp_path / "c", 8)], corroborate=False, workers=1)
        ids = [int(r[0]) for r in store._query("SELECT id FROM sentences")]
        fresh = store.passage_facts(ids)
        with store.remembered_searches():
            assert store.passage_facts(ids) == fresh
            again = store.passage_facts(ids)
        assert again == fresh and len(fresh) > 20


def test_remembered_retrieval_finds_what_a_fresh_search_finds(
    corroborated_twice: tuple[Store, Store],
) -> None:
    """Claims that share a MATCH expression share one search; each still gets its own hits
    (its own sentence and article filtered out, its own story boosted)."""
    from verifier.corroborate.evidence import claim_matches

    store, _ = corroborated_twice
    view = corpus.CorpusView.load(store)
    claims = store.claims_by_ids(store.claim_ids()[:150])
    matches = claim_matches(store, claims)
    assert len(set(matches)) < len(matches)  # some are shared, or this tests nothing
    shared = corpus.Memo()
    for claim, match in zip(claims, matches, strict=True):
        names = corpus.claim_source_names(store, claim, view)
        args = (store, claim, match)
        fresh = candidates.candidates(*args, view=view, claim_names=names, limit=10)
        kept = candidates.candidates(*args, view=view, claim_names=names, limit=10, memo=shared)
        assert kept == fresh


def test_ingest_reports_progress_through_corroboration(tmp_path: Path) -> None:
    """After the files, judging evidence is the long stage: the bar must keep moving."""
    corpus = _corpus(tmp_path / "c", 12)
    calls: list[tuple[int, int, str]] = []
    with Store(tmp_path / "s.db") as store:
        ingest_paths(store, [corpus], workers=1, progress=lambda *a: calls.append(a))
        claims = len(store.claim_ids())
    files = [c for c in calls if c[2] != "corroborating claims"]
    stage = [c for c in calls if c[2] == "corroborating claims"]
    assert files[-1][:2] == (12, 12)
    assert stage and stage[-1][0] == stage[-1][1] == claims
    assert [c[0] for c in stage] == sorted(c[0] for c in stage)
    assert calls.index(stage[0]) > calls.index(files[-1])
