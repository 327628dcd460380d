"""Corroborating stored claims: retrieve, judge and rank each claim's evidence, count the
independent sources that support and contradict it, record figure conflicts, and write it all.

Retrieval and judgement only read, so batches of claims run in worker processes for large
ingests; this process writes each batch in order.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from functools import partial

from verifier.corroborate.answers import near_answers
from verifier.corroborate.candidates import HitContext, candidates
from verifier.corroborate.clash import claim_event
from verifier.corroborate.compare import SUPPORTING
from verifier.corroborate.conflicts import claim_figure_conflicts
from verifier.corroborate.corpus import CorpusView, Memo, claim_source_names
from verifier.corroborate.event_model import EventScene, event_decision
from verifier.corroborate.evidence import (
    DEFAULT_LIMIT,
    EvidenceHit,
    Judgement,
    claim_matches,
    hit_of,
    normalise_sentence,
)
from verifier.corroborate.judging import hit_sources, judge, speaker_name
from verifier.corroborate.query import DEFAULT_MAX_TERMS
from verifier.corroborate.readings import Facts, read_facts
from verifier.models import ClaimRecord, EvidenceRecord, PassageFacts
from verifier.store import ClaimFilter, Store
from verifier.store.stories import (
    FigureConflict,
    SourceRef,
    claims_of_stories,
    replace_figure_conflicts,
    sentence_positions,
    sentence_sources,
    set_independence,
)
from verifier.text.speakers import (
    same_source,
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
EVENT_DEMOTION = 3.0
"""Power of ``1 - P(another event)`` (``event_model``) a candidate's score is weighed by:
the rules set a hit apart or not; the model's probability, which ranks the other event's
candidates below the same event's far better than any cut of it, moves the rest."""


@dataclass(frozen=True, slots=True)
class _Ranked:
    """One judged candidate before its rank is fixed: what claims sharing a statement reuse."""

    hit: EvidenceHit  # its score before the relation's weight
    ctx: HitContext | None
    elsewhere: bool  # its article reports another event than the claim's
    judgement: Judgement
    facts: Facts
    stored: PassageFacts | None  # the text stage's reading of the hit, as judged
    other_chance: float = 0.0  # the event model's P(another event than the claim's)

    @property
    def weighted(self) -> float:
        score = self.hit.score
        if (
            self.judgement.relation == "unrelated"
            and self.ctx is not None
            and self.ctx.words_score is not None
        ):
            # An answer judged unrelated answers nothing: its words rank it, not the floor
            # that kept it beside the claim (two such pushed a nurse's "two of her colleagues
            # were killed" out of the sample's first ten once leads outranked later sentences).
            score = self.ctx.words_score
        score *= RELATION_WEIGHT.get(self.judgement.relation, 1.0)
        # Demoted: lowered whatever the score's sign, so ``_ceiling`` stays a ceiling.
        demotion = max(1e-9, (1.0 - self.other_chance) ** EVENT_DEMOTION)
        return score * demotion if score >= 0 else score / demotion

    def judged_as(self, judgement: Judgement, facts: Facts) -> _Ranked:
        """This candidate with another claim's judgement of it: what ``dataclasses.replace``
        gives, built directly (a breaking desk makes ~440,000, and ``replace`` asks the
        class for its fields each time)."""
        return _Ranked(
            self.hit, self.ctx, self.elsewhere, judgement, facts, self.stored, self.other_chance
        )


def _ranked(
    store: Store,
    claim: ClaimRecord,
    match: str,
    *,
    view: CorpusView,
    limit: int,
    position: tuple[int, int] | None,
    names: Sequence[str],
    facts: Facts,
    memo: Memo,
    every: bool = True,
) -> list[_Ranked]:
    """The judged candidates of a claim, best first (``evidence_of`` keeps ``limit``).

    With ``every`` false only the candidates that can rank among the first ``limit`` are
    judged (``_within``): the first ``limit`` are the same, the rest is left out. Claims
    whose whole pool is reused (a statement's first claim, ``_shared_evidence``) judge all.
    """
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
    decision = event_decision(EventScene.of_claim(store, view, claim, memo), hits)

    event = claim_event(store, claim, memo.lead_facts)

    def other(hit: EvidenceHit) -> bool:
        return hit.sentence_id in decision.apart

    def judged(hit: EvidenceHit) -> _Ranked:
        ctx = contexts.get(hit.sentence_id)
        stored = memo.facts.get(hit.sentence_id)
        judgement, _, hit_facts = judge(
            claim,
            hit,
            view=view,
            ctx=ctx,
            claim_names=names,
            claim_paragraph=position[1] if position else None,
            claim_facts=facts,
            other_event=other(hit),
            hit_facts=stored,
            claim_event=event,
        )
        chance = decision.chance.get(hit.sentence_id, 0.0)
        return _Ranked(hit, ctx, other(hit), judgement, hit_facts, stored, chance)

    if every:
        return _ordered([judged(hit) for hit in hits])
    return _ordered(_within(hits, other, limit, judged))


_MOST = max(RELATION_WEIGHT.values())
_LEAST = min(1.0, *RELATION_WEIGHT.values())


def _ceiling(score: float) -> float:
    """The highest weighted score a candidate scoring ``score`` can reach, whatever its
    relation (``_Ranked.weighted``: an unrelated answer's own words score below it)."""
    return score * (_MOST if score >= 0 else _LEAST)


def _within(
    hits: Sequence[EvidenceHit],
    other: Callable[[EvidenceHit], bool],
    limit: int,
    judged: Callable[[EvidenceHit], _Ranked],
) -> list[_Ranked]:
    """The candidates that can rank among the first ``limit``, judged, in ``hits`` order
    (``other(hit)``: the hit reports another event than the claim's).

    ``RERANK_POOL`` brings three times the limit so that a contradiction low on words is
    not cut, but most of the pool cannot reach the top whatever its relation, and judging
    it all was a tenth of corroboration's time. ``hits`` come best score first and a
    relation moves a score by at most ``_MOST``, so once ``limit`` of the claim's own event
    are judged, a candidate whose ceiling (``_ceiling``) does not beat the ``limit``-th
    weighted score cannot rank above it (a tie keeps the earlier candidate first), nor can
    any after it.
    Another event's reports rank after all of the claim's own (``_ordered``), so they are
    judged only for the places the claim's own leave.
    """
    mine = [h for h in hits if not other(h)]
    out = _best(mine, limit, judged)
    if len(mine) < limit:
        out += _best([h for h in hits if other(h)], limit - len(mine), judged)
    return out


def _best(
    hits: Sequence[EvidenceHit], need: int, judged: Callable[[EvidenceHit], _Ranked]
) -> list[_Ranked]:
    """``hits`` judged in order until the rest cannot reach the first ``need`` (``_within``)."""
    out: list[_Ranked] = []
    top: list[float] = []  # the ``need`` best weighted scores so far (a min-heap)
    for hit in hits:
        if len(top) >= need and _ceiling(hit.score) <= top[0]:
            break
        ranked = judged(hit)
        out.append(ranked)
        if len(top) < need:
            heapq.heappush(top, ranked.weighted)
        elif ranked.weighted > top[0]:
            heapq.heapreplace(top, ranked.weighted)
    return out


def _ordered(judged: list[_Ranked]) -> list[_Ranked]:
    """Another event's report after every report of the claim's own, whatever it shares;
    then by score weighted by relation."""
    return sorted(judged, key=lambda r: (r.elsewhere, -r.weighted))


def _top(
    judged: Sequence[_Ranked], limit: int, view: CorpusView
) -> list[tuple[EvidenceHit, Judgement, Facts, list[SourceRef]]]:
    return [
        (
            replace(r.hit, score=r.weighted, rank=rank),
            r.judgement,
            r.facts,
            hit_sources(r.hit, r.ctx, view),
        )
        for rank, r in enumerate(judged[:limit], start=1)
    ]


def evidence_of(
    store: Store,
    claim: ClaimRecord,
    match: str,
    *,
    view: CorpusView,
    limit: int,
    position: tuple[int, int] | None,
) -> list[tuple[EvidenceHit, Judgement, Facts, list[SourceRef]]]:
    """A claim's evidence, judged and ranked: what ``corroborate`` stores and the CLI prints.

    ``position`` is the claim sentence's ``(index, paragraph)`` in its article, or None for
    text that is not in it. A stored claim is judged as corroboration judges it: with the
    first claim making its statement, when another makes it too (``_Sharing``).
    """
    judged, _ = _Sharing(store, view, Memo(), limit=limit).evidence(
        claim,
        match,
        position=position,
        names=claim_source_names(store, claim, view),
        first=store.first_claims([claim.id]).get(claim.id),
    )
    return _top(judged, limit, view)


@dataclass(slots=True)
class _Statement:
    """A statement's judged candidates, as its first claim found them, shared by the claims
    of the batch that make it (``_shared_evidence``)."""

    first: ClaimRecord
    facts: Facts  # the statement's reading: the same for every claim making it
    ranked: list[_Ranked]
    names: tuple[str, ...]  # the names its source goes by: a claim sharing it goes by them
    # (sentence, family, same story, elsewhere, relay, why brought beside the claim):
    # everything about a hit that moves its judgement, or claims would swap reasons.
    judged: dict[tuple[int, bool, bool, bool, str, str], tuple[Judgement, Facts]] = field(
        default_factory=dict
    )
    relays: dict[tuple[int, str], str] = field(default_factory=dict)  # ``_relay_key``


def _same_statement(shared: _Statement, claim: ClaimRecord, names: Sequence[str]) -> bool:
    """Whether ``claim`` states what the first claim of ``shared`` states, word for word and
    by the same source under the same names (text typed into the CLI may not)."""
    first = shared.first
    return shared.names == tuple(names) and (
        first.content,
        first.sentence,
        first.stance,
        first.source,
        first.resolved_source,
        first.canonical_source,
        first.source_type,
    ) == (
        claim.content,
        claim.sentence,
        claim.stance,
        claim.source,
        claim.resolved_source,
        claim.canonical_source,
        claim.source_type,
    )


def _relay_key(sources: Sequence[SourceRef], outlet: str) -> str:
    """The claim's outlet when a source of the hit is that outlet quoted as a source (then
    judging calls the hit a relay of the claim's own outlet), else empty: the one thing about
    the claim's outlet that moves a judgement."""
    if any(
        s.source_type != "outlet" and same_source(s.canonical or s.source, outlet) for s in sources
    ):
        return outlet
    return ""


class _Counterparts:
    """Each article's sentences by their normalised text, and sentences as candidates: where
    a copy has the sentence another article has, read once per batch."""

    def __init__(self, store: Store, memo: Memo) -> None:
        self.store = store
        self.texts = memo.texts
        self.hits: dict[int, tuple[EvidenceHit, HitContext, PassageFacts | None] | None] = {}

    def find(self, text: str, article_id: int) -> int | None:
        """The id of the sentence of ``article_id`` that reads ``text``, if any."""
        texts = self.texts.get(article_id)
        if texts is None:
            texts = self.texts[article_id] = {}
            for sentence in self.store.sentences(article_id):
                texts.setdefault(normalise_sentence(sentence.text), sentence.id)
        return texts.get(normalise_sentence(text))

    def ranked(self, like: _Ranked, article_id: int) -> _Ranked | None:
        """``like`` moved to its counterpart in ``article_id`` (score and event kept)."""
        sentence_id = self.find(like.hit.sentence, article_id)
        return None if sentence_id is None else self.moved(like, sentence_id)

    def moved(self, like: _Ranked, sentence_id: int) -> _Ranked | None:
        """``like`` moved to the sentence ``sentence_id``: its score, event and why kept."""
        if sentence_id not in self.hits:
            self.hits[sentence_id] = self._hit(sentence_id)
        found = self.hits[sentence_id]
        if found is None:
            return None
        hit, ctx, stored = found
        if like.ctx is not None and like.ctx.answers:
            ctx = replace(ctx, answers=like.ctx.answers, words_score=like.ctx.words_score)
        return replace(like, hit=replace(hit, score=like.hit.score), ctx=ctx, stored=stored)

    def _hit(self, sentence_id: int) -> tuple[EvidenceHit, HitContext, PassageFacts | None] | None:
        found = self.store.sentences_by_ids([sentence_id]).get(sentence_id)
        if found is None:
            return None
        sentence, article = found
        sources = sentence_sources(self.store, [sentence_id]).get(sentence_id, [])
        index, paragraph = sentence_positions(self.store, [sentence_id]).get(
            sentence_id, (sentence.index, sentence.paragraph)
        )
        stored = self.store.passage_facts([sentence_id]).get(sentence_id)
        return (
            hit_of(sentence, 0.0, article, 0),
            HitContext(tuple(sources), index, paragraph),
            stored,
        )


def _shared_evidence(
    claim: ClaimRecord,
    shared: _Statement,
    *,
    view: CorpusView,
    names: Sequence[str],
    position: tuple[int, int] | None,
    counterparts: _Counterparts,
    memo: Memo,
) -> list[_Ranked] | None:
    """A claim's evidence from the candidates of the first claim making the same statement,
    or None when they do not carry over.

    Copies of a wire story repeat each of its claims word for word: retrieving and ranking
    the same statement's candidates again for each copy was most of a breaking desk's
    ingest. The ranking is the first claim's, with the two articles' roles swapped: a hit in
    the claim's own article stands for the same sentence of the first claim's article (its
    own copy of the statement for the first claim's sentence), and one in the first claim's
    article (the outlet's caveat after it, another source there) for the same sentence of
    the claim's own, or stays as the copy's it is when the claim's article does not have it.
    A hit in the claim's own article that the first claim's does not have (a copy that
    adds to what it copies, the same statement made twice in one article) leaves the claim
    to be judged on its own: its next candidates would fill the place. Each hit is
    judged for this claim: whether it is in its article, a copy of it, in its story, a relay
    of its outlet; hits that stand the same way to several claims share one judgement.
    """
    first = shared.first.article_id
    event = claim_event(counterparts.store, claim, memo.lead_facts)
    answers: dict[str, list[int]] | None = None  # the claim's own answers beside it, by why
    out: list[_Ranked] = []
    outlet = view.outlet(claim.article_id)
    for r in shared.ranked:
        if first != claim.article_id and r.hit.article_id in (first, claim.article_id):
            moved = counterparts.ranked(
                r, first if r.hit.article_id == claim.article_id else claim.article_id
            )
            if moved is None and r.hit.article_id == first and r.ctx and r.ctx.answers:
                # The first claim's answer beside it ("The Wire could not verify ..."),
                # reworded in the copy ("The Herald could not verify ..."): the claim's own.
                if answers is None:
                    answers = {}
                    if position is not None:
                        near = near_answers(counterparts.store, claim, position[0], memo)
                        for sid, why in near.items():
                            answers.setdefault(why, []).append(sid)
                mine = answers.get(r.ctx.answers)
                if mine:
                    moved = counterparts.moved(r, mine.pop(0))
            if moved is not None:
                r = moved
            elif r.hit.article_id == claim.article_id:
                return None  # a sentence the first claim's article lacks: not a copy here
        elif r.hit.article_id == claim.article_id:
            return None
        if r.hit.sentence_id == claim.sentence_id:
            continue
        article = r.hit.article_id
        if article == claim.article_id:  # its place beside the claim matters: not shared
            judgement, _, hit_facts = judge(
                claim,
                r.hit,
                view=view,
                ctx=r.ctx,
                claim_names=names,
                claim_paragraph=position[1] if position else None,
                claim_facts=shared.facts,
                other_event=r.elsewhere,
                hit_facts=r.stored,
                claim_event=event,
            )
            out.append(r.judged_as(judgement, hit_facts))
            continue
        relay = shared.relays.get((r.hit.sentence_id, outlet))
        if relay is None:
            relay = shared.relays[r.hit.sentence_id, outlet] = _relay_key(
                hit_sources(r.hit, r.ctx, view), outlet
            )
        key = (
            r.hit.sentence_id,
            view.family(claim.article_id, article),
            view.same_story(claim.article_id, article),
            r.elsewhere,
            relay,
            r.ctx.answers if r.ctx is not None else "",
        )
        found = shared.judged.get(key)
        if found is None:
            judgement, _, hit_facts = judge(
                claim,
                r.hit,
                view=view,
                ctx=r.ctx,
                claim_names=names,
                claim_facts=shared.facts,
                other_event=r.elsewhere,
                hit_facts=r.stored,
                claim_event=event,
            )
            found = shared.judged[key] = (judgement, hit_facts)
        out.append(r.judged_as(*found))
    return _ordered(out)


class _Sharing:
    """The statements several claims make, each judged once for its first claim
    (``Store.first_claims``) and shared by the others (``_shared_evidence``)."""

    def __init__(
        self,
        store: Store,
        view: CorpusView,
        memo: Memo,
        *,
        limit: int,
        max_terms: int = DEFAULT_MAX_TERMS,
        words: dict[int, list[str]] | None = None,
    ) -> None:
        self.store, self.view, self.memo = store, view, memo
        self.limit, self.max_terms = limit, max_terms
        self.words = {} if words is None else words
        self.statements: dict[str, _Statement] = {}
        self.counterparts = _Counterparts(store, memo)

    def evidence(
        self,
        claim: ClaimRecord,
        match: str,
        *,
        position: tuple[int, int] | None,
        names: Sequence[str],
        first: str | None,
    ) -> tuple[list[_Ranked], Facts]:
        """A claim's judged candidates, best first, and its reading."""
        if first is not None and first != claim.id:
            shared = self._first(first)
            if shared is not None and _same_statement(shared, claim, names):
                ranked = _shared_evidence(
                    claim,
                    shared,
                    view=self.view,
                    names=names,
                    position=position,
                    counterparts=self.counterparts,
                    memo=self.memo,
                )
                if ranked is not None:
                    return ranked, shared.facts
        if first == claim.id and claim.id in self.statements:
            done = self.statements[claim.id]
            return done.ranked, done.facts
        facts = read_facts(claim.content, claim.sentence, stance=claim.stance)
        ranked = _ranked(
            self.store,
            claim,
            match,
            view=self.view,
            limit=self.limit,
            position=position,
            names=names,
            facts=facts,
            memo=self.memo,
            every=first == claim.id,
        )
        if first == claim.id:
            self.statements[claim.id] = _Statement(claim, facts, ranked, tuple(names))
        return ranked, facts

    def _first(self, claim_id: str) -> _Statement | None:
        """The first claim of a statement, judged: here or in another batch, the same."""
        if claim_id not in self.statements:
            found = self.store.claims_by_ids([claim_id])
            if not found:
                return None
            claim = found[0]
            match = claim_matches(
                self.store, [claim], max_terms=self.max_terms, contexts=self.words
            )[0]
            position = sentence_positions(self.store, [claim.sentence_id]).get(claim.sentence_id)
            names = claim_source_names(self.store, claim, self.view)
            self.evidence(claim, match, position=position, names=names, first=claim_id)
        return self.statements.get(claim_id)


def _judge_batch(
    store: Store,
    view: CorpusView,
    batch_ids: Batch,
    article_words: dict[int, list[str]],
    limit: int,
    max_terms: int,
    memo: Memo,
) -> _Judged:
    """Retrieve and judge the evidence of a batch of claims; reads only.

    ``batch_ids`` holds the claims' ids and the first claim of each statement another claim
    makes too (``Store.first_claims``): the claims of a statement share its judging
    (``_Sharing``); ``corroborate`` puts them in one batch.
    """
    ids, firsts = batch_ids
    out = _Judged()
    batch = store.claims_by_ids(ids)
    matches = claim_matches(store, batch, max_terms=max_terms, contexts=article_words)
    claim_positions = sentence_positions(store, [c.sentence_id for c in batch])
    sharing = _Sharing(store, view, memo, limit=limit, max_terms=max_terms, words=article_words)
    for claim, match in zip(batch, matches, strict=True):
        ranked, claim_facts = sharing.evidence(
            claim,
            match,
            position=claim_positions.get(claim.sentence_id),
            names=claim_source_names(store, claim, view),
            first=firsts.get(claim.id),
        )
        records: list[EvidenceRecord] = []
        judged: list[tuple[Judgement, Facts, list[SourceRef]]] = []
        support: set[str] = set()
        contradict: set[str] = set()
        for rank, r in enumerate(ranked[:limit], start=1):
            judgement, facts = r.judgement, r.facts
            sources = hit_sources(r.hit, r.ctx, view)
            records.append(r.hit.to_record(claim.id, judgement, score=r.weighted, rank=rank))
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


def _judge_in_worker(ids: Batch, limit: int, max_terms: int) -> _Judged:
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
    store: Store, batches: list[Batch], workers: int, limit: int, max_terms: int
) -> Iterator[_Judged]:
    """Each batch judged, in order: here, or over ``workers`` processes reading the database.

    Workers see only committed rows, so a store inside an open transaction (or in memory)
    is judged here. A pool that breaks (a worker killed) is not fatal: its lost batches are
    judged here.
    """
    view: CorpusView | None = None
    words: dict[int, list[str]] = {}
    memo = [Memo()]

    def here(ids: Batch) -> _Judged:
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
    # Reading order, as an ingest asks (``claims_of_stories``): a claim's article's lead,
    # context words and names are remembered while its next claims come, not asked again
    # for each claim when the queue's priority order scatters them.
    ids = list(claim_ids) if claim_ids is not None else store.claim_ids(ClaimFilter(sort="article"))
    if workers is None:
        workers = default_workers() if len(ids) >= PARALLEL_MIN_CLAIMS else 1
    batches = _statement_batches(store, ids)
    with store.remembered_searches():  # batches only write evidence: the text stays put
        for (batch, _), judged in zip(
            batches, _judged_batches(store, batches, workers, limit, max_terms), strict=True
        ):
            _write_judged(store, batch, judged, report)
            if progress:
                progress(report.claims, len(ids))
    return report


Batch = tuple[list[str], dict[str, str]]
"""Claim ids, and the first claim of each statement one of them makes with other claims."""


def _statement_batches(store: Store, ids: Sequence[str]) -> list[Batch]:
    """``ids`` in batches of about ``_BATCH``, the claims making one statement next to each
    other and in one batch, whatever its size: they share their judging (``_Sharing``), and
    the statement is judged for its first claim once per batch it is in."""
    firsts = store.first_claims(ids)
    groups: dict[str, list[str]] = {}
    for claim_id in ids:
        groups.setdefault(firsts.get(claim_id, claim_id), []).append(claim_id)
    batches: list[Batch] = []
    batch: list[str] = []
    for group in groups.values():
        if batch and len(batch) + len(group) > _BATCH:
            batches.append((batch, {i: firsts[i] for i in batch if i in firsts}))
            batch = []
        batch += group
    if batch:
        batches.append((batch, {i: firsts[i] for i in batch if i in firsts}))
    return batches


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
