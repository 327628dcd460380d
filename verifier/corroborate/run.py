"""Corroborating stored claims: retrieve, judge and rank each claim's evidence, count the
independent sources that support and contradict it, record figure conflicts, and write it all.

Retrieval and judgement only read, so batches of claims run in worker processes for large
ingests; this process writes each batch in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from functools import partial

from verifier.corroborate.candidates import candidates
from verifier.corroborate.compare import (
    SUPPORTING,
    Facts,
    read_facts,
)
from verifier.corroborate.conflicts import claim_figure_conflicts
from verifier.corroborate.corpus import CorpusView, Memo, claim_source_names
from verifier.corroborate.events import other_events
from verifier.corroborate.evidence import (
    DEFAULT_LIMIT,
    EvidenceHit,
    Judgement,
    claim_matches,
)
from verifier.corroborate.judging import hit_sources, judge, speaker_name
from verifier.corroborate.query import DEFAULT_MAX_TERMS
from verifier.models import ClaimRecord, EvidenceRecord
from verifier.store import Store
from verifier.store.stories import (
    FigureConflict,
    SourceRef,
    claims_of_stories,
    replace_figure_conflicts,
    sentence_positions,
    set_independence,
)
from verifier.text.speakers import (
    source_words,
)
from verifier.workers import default_workers, ordered_map

_BATCH = 200


# -- the run -----------------------------------------------------------------------------------


@dataclass(slots=True)
class CorroborationReport:
    claims: int = 0
    evidence: int = 0
    relations: dict[str, int] = field(default_factory=dict)
    figure_conflicts: int = 0


PARALLEL_MIN_CLAIMS = 2000
"""Below this many claims, starting worker processes (and their corpus views) costs more
than sharing the work saves."""
_IN_FLIGHT = 2  # batches queued per worker: keeps workers busy, bounds memory


@dataclass(slots=True)
class _Judged:
    """One batch's results, ready to write: what a worker sends back to the writer."""

    evidence: list[tuple[str, list[EvidenceRecord]]] = field(default_factory=list)
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    conflicts: list[tuple[str, list[FigureConflict]]] = field(default_factory=list)
    relations: dict[str, int] = field(default_factory=dict)


RELATION_WEIGHT = {"contradicts": 1.5, "supports": 1.3, "unrelated": 0.25}
"""How a judged candidate's relation moves its rank (others 1.0): what bears on the claim
first, the same number for another event last. Candidates are judged from a pool of
``RERANK_POOL`` times the limit, so a contradiction that shares one word with the claim
("seized the bridge" against "the bridge remained under army control") is not cut before
it is read. Unrelated weighs a quarter since titles are evidence: a short title sharing one
word ("dead") scores high on BM25 and, at half weight, still pushed the sample's gold
evidence out of the first ten; a pool of three times the limit keeps that evidence judged."""
RERANK_POOL = 3


def evidence_of(
    store: Store,
    claim: ClaimRecord,
    match: str,
    *,
    view: CorpusView,
    limit: int,
    position: tuple[int, int] | None,
    claim_facts: Facts | None = None,
    memo: Memo | None = None,
) -> list[tuple[EvidenceHit, Judgement, Facts, list[SourceRef]]]:
    """A claim's evidence, judged and ranked: what ``corroborate`` stores and the CLI prints.

    ``position`` is the claim sentence's ``(index, paragraph)`` in its article, or None for
    text that is not in it.
    """
    names = claim_source_names(store, claim, view)
    facts = claim_facts or read_facts(claim.content, claim.sentence, stance=claim.stance)
    memo = memo or Memo()
    hits, contexts = candidates(
        store,
        claim,
        match,
        view=view,
        claim_names=names,
        limit=limit * RERANK_POOL,
        claim_index=position[0] if position else None,
        claim_facts=facts,
        memo=memo,
    )
    elsewhere = other_events(
        store,
        claim.article_id,
        {h.article_id for h in hits},
        len(view.links),
        view.names,
        family=view.family,
        story=view.story_members,
        same_story=lambda a: view.same_story(claim.article_id, a),
    )
    judged = []
    for hit in hits:
        ctx = contexts.get(hit.sentence_id)
        judgement, _, hit_facts = judge(
            claim,
            hit,
            view=view,
            ctx=ctx,
            claim_names=names,
            claim_paragraph=position[1] if position else None,
            claim_facts=facts,
            other_event=hit.article_id in elsewhere,
            hit_facts=memo.facts.get(hit.sentence_id),
        )
        score = hit.score * RELATION_WEIGHT.get(judgement.relation, 1.0)
        judged.append((score, hit, judgement, hit_facts, hit_sources(hit, ctx, view)))
    # Another event's report comes after every report of the claim's own, whatever it shares.
    judged.sort(key=lambda t: (t[1].article_id in elsewhere, -t[0]))
    return [
        (replace(hit, score=score, rank=rank), judgement, hit_facts, sources)
        for rank, (score, hit, judgement, hit_facts, sources) in enumerate(judged[:limit], start=1)
    ]


def _judge_batch(
    store: Store,
    view: CorpusView,
    ids: Sequence[str],
    article_words: dict[int, list[str]],
    limit: int,
    max_terms: int,
    memo: Memo,
) -> _Judged:
    """Retrieve and judge the evidence of a batch of claims; reads only."""
    out = _Judged()
    batch = store.claims_by_ids(ids)
    matches = claim_matches(store, batch, max_terms=max_terms, contexts=article_words)
    claim_positions = sentence_positions(store, [c.sentence_id for c in batch])
    for claim, match in zip(batch, matches, strict=True):
        claim_facts = read_facts(claim.content, claim.sentence, stance=claim.stance)
        position = claim_positions.get(claim.sentence_id)
        found = evidence_of(
            store,
            claim,
            match,
            view=view,
            limit=limit,
            position=position,
            claim_facts=claim_facts,
            memo=memo,
        )
        records: list[EvidenceRecord] = []
        judged: list[tuple[Judgement, Facts, list[SourceRef]]] = []
        support: set[str] = set()
        contradict: set[str] = set()
        for hit, judgement, facts, sources in found:
            records.append(hit.to_record(claim.id, judgement))
            judged.append((judgement, facts, sources))
            out.relations[judgement.relation] = out.relations.get(judgement.relation, 0) + 1
            if judgement.independent:
                key = " ".join(source_words(speaker_name(sources[0]))) if sources else ""
                if judgement.relation in SUPPORTING:
                    support.add(key)
                elif judgement.relation == "contradicts":
                    contradict.add(key)
        out.evidence.append((claim.id, records))
        out.counts[claim.id] = (len(support), len(contradict))
        out.conflicts.append((claim.id, claim_figure_conflicts(claim, claim_facts, judged)))
    return out


# One per worker process: its own connection, corpus view and memo, kept across batches.
_worker: tuple[Store, CorpusView, dict[int, list[str]], list[Memo]] | None = None
_worker_scope = ExitStack()


def _start_worker(path: str) -> None:
    global _worker
    store = Store(path)
    # The worker lives for one run, over text that does not change: every batch it judges
    # shares one memo of searches (copies of an article land in different batches).
    _worker_scope.enter_context(store.remembered_searches())
    _worker = (store, CorpusView.load(store), {}, [Memo()])


def _judge_in_worker(ids: list[str], limit: int, max_terms: int) -> _Judged:
    assert _worker is not None, "worker not started"
    store, view, words, memo = _worker
    if len(words) > 20_000:  # context words of articles long done with
        words.clear()
    return _judge_batch(store, view, ids, words, limit, max_terms, _fresh(memo))


MEMO_SENTENCES = 5_000
"""Sentence readings (or searches, or leads) a run's memo holds before it starts again: a
story's copies land in many batches, so the memo outlives a batch; this bounds its memory.
At 50,000 the 1,000-article corroboration bench peaked at 350 MB and 10,000 articles at 945 MB;
at 5,000 the 1,000 bench peaks at 254 MB and the 400-article breaking desk at 201 MB instead of
269 MB, for 4% more CPU there (both measured side by side in one run)."""


def _fresh(memo: list[Memo]) -> Memo:
    """The run's memo (``memo[0]``), replaced by an empty one once it holds too much."""
    held = memo[0]
    if max(len(held.facts), 4 * len(held.retrieved), 4 * len(held.events.leads)) > MEMO_SENTENCES:
        memo[0] = Memo()
    return memo[0]


def _judged_batches(
    store: Store, batches: list[list[str]], workers: int, limit: int, max_terms: int
) -> Iterator[_Judged]:
    """Each batch judged, in order: here, or over ``workers`` processes reading the database.

    Workers see only committed rows, so a store inside an open transaction (or in memory)
    is judged here. A pool that breaks (a worker killed) is not fatal: its lost batches are
    judged here.
    """
    view: CorpusView | None = None
    words: dict[int, list[str]] = {}
    memo = [Memo()]

    def here(ids: list[str]) -> _Judged:
        nonlocal view
        view = view or CorpusView.load(store)
        return _judge_batch(store, view, ids, words, limit, max_terms, _fresh(memo))

    shareable = store.path != ":memory:" and not store.in_transaction
    if len(batches) <= 1 or not shareable:
        workers = 1
    yield from ordered_map(
        partial(_judge_in_worker, limit=limit, max_terms=max_terms),
        batches,
        workers,
        window=_IN_FLIGHT,
        local=here,
        initializer=_start_worker,
        initargs=(store.path,),
    )


def corroborate(
    store: Store,
    claim_ids: Sequence[str] | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
    max_terms: int = DEFAULT_MAX_TERMS,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CorroborationReport:
    """Recompute evidence, relations, independence counts and figure conflicts of claims.

    ``progress(done, total)`` is called after each batch is written: at 10,000 articles this
    is the longest stage of an ingest, and a reviewer should see it move.

    Retrieval and judgement only read, so for many claims they run in ``workers`` processes
    (default: one per CPU from ``PARALLEL_MIN_CLAIMS`` claims); this process writes each
    batch, in order, in one transaction, so the write lock is held briefly and a failure
    leaves earlier evidence intact. The result does not depend on the number of workers.
    """
    report = CorroborationReport()
    ids = list(claim_ids) if claim_ids is not None else store.claim_ids()
    if workers is None:
        workers = default_workers() if len(ids) >= PARALLEL_MIN_CLAIMS else 1
    batches = [ids[start : start + _BATCH] for start in range(0, len(ids), _BATCH)]
    with store.remembered_searches():  # batches only write evidence: the text stays put
        for batch, judged in zip(
            batches, _judged_batches(store, batches, workers, limit, max_terms), strict=True
        ):
            _write_judged(store, batch, judged, report)
            if progress:
                progress(report.claims, len(ids))
    return report


def _write_judged(
    store: Store, batch: Sequence[str], judged: _Judged, report: CorroborationReport
) -> None:
    """One batch's evidence, independence counts and figure conflicts, and its tally."""
    store.replace_evidence_many(judged.evidence)
    set_independence(store, judged.counts)
    replace_figure_conflicts(store, judged.conflicts)
    for relation, n in judged.relations.items():
        report.relations[relation] = report.relations.get(relation, 0) + n
    report.evidence += sum(len(records) for _, records in judged.evidence)
    report.figure_conflicts += sum(len(found) for _, found in judged.conflicts)
    report.claims += len(batch)


def corroborate_articles(
    store: Store,
    article_ids: Sequence[int],
    *,
    limit: int = DEFAULT_LIMIT,
    progress: Callable[[int, int], None] | None = None,
) -> CorroborationReport:
    """After an ingest: group the new articles into stories and copies, then corroborate the
    claims of every story they joined (theirs included), not the whole corpus again."""
    from verifier.corroborate.stories import group_articles

    group_articles(store, article_ids)
    return corroborate(store, claims_of_stories(store, article_ids), limit=limit, progress=progress)
