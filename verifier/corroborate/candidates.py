"""Candidate evidence for a claim: BM25 hits re-ranked towards its story and date window,
plus its answers (``answers``), each with what the store knows about who says it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from verifier.corroborate.answers import find_answers
from verifier.corroborate.corpus import CorpusView, Memo
from verifier.corroborate.events import lead_hits, merge_lead, name_factors, position_factor
from verifier.corroborate.evidence import (
    EvidenceHit,
    hit_of,
    normalise_sentence,
)
from verifier.corroborate.readings import Facts
from verifier.models import ArticleRecord, ClaimRecord, SentenceRecord
from verifier.store import Store
from verifier.store.stories import (
    SourceRef,
    first_body_units,
)
from verifier.text.speakers import (
    same_source,
)

STORY_BOOST = 1.3
"""Score factor for a candidate in the claim's story: same event, likely the right sense."""
DATE_BOOST = 1.1
STORY_NAMES = 1.5
"""Least name factor (``events.name_factors``, 1-2) of a candidate in the claim's story: the
story was grouped by its names already, and a local paper quoting residents by name shares
few of the wire's names though it reports the same event."""
SEARCH_WINDOW = 2
"""BM25 rows read per candidate wanted: the event factors (``events``) re-rank them, so a
hit the words alone put 20th can be the claim's own event's best report. Four read twice the
rows (corroboration of 1,000 generated articles 65 s -> 223 s with the other event work) for
no gain on ECB+ (train topics 1-20: P@1 0.820 either way, R@5 0.716 vs 0.714)."""
ANSWER_WEIGHT = 0.5
"""An answer that shares few words with its claim still ranks in the top half."""


@dataclass(frozen=True, slots=True)
class HitContext:
    """What the store knows about a retrieved sentence beyond its text."""

    sources: tuple[SourceRef, ...]
    index: int
    paragraph: int
    answers: str = ""  # why it was brought beside the claim without its words: "a denial ..."
    # Its words' own score, when it was raised to the answers' floor to be kept (``candidates``).
    words_score: float | None = None


def _positions(
    rows: Iterable[tuple[SentenceRecord, float, ArticleRecord]],
) -> dict[int, tuple[int, int]]:
    """``(index, paragraph)`` of each retrieved sentence, as ``sentence_positions`` reads
    them: a retrieved row holds them already, so no query is needed."""
    return {s.id: (s.index, s.paragraph) for s, _, _ in rows}


def candidates(
    store: Store,
    claim: ClaimRecord,
    match: str,
    *,
    view: CorpusView,
    claim_names: Sequence[str],
    limit: int,
    claim_index: int | None = None,
    claim_facts: Facts | None = None,
    memo: Memo | None = None,
) -> tuple[list[EvidenceHit], dict[int, HitContext]]:
    """BM25 candidates for a claim, re-ranked towards its story and date window.

    The claim's own article stays in when another source speaks there (an anonymous employee
    confirming what state media reported), or when it is the outlet's caveat about the claim.
    ``memo`` keeps what a MATCH expression found for the next claim with the same one.
    Beside what its words find, a claim gets its answers (``_answers``): denials of an
    accusation in its story, the outlet's caveat right after it, or what a caveat qualifies.
    """
    memo = memo or Memo()
    found = memo.retrieved.get(match)
    if found is None:
        rows = store.search_sentences(match, limit=limit * SEARCH_WINDOW + 10) if match else []
        found = (rows, memo.sources(store, (s.id for s, _, _ in rows)), _positions(rows))
        memo.retrieved[match] = found
    rows, sources, positions = found
    pool = limit * 2 + 10  # the lead's hits only add to the claim's
    # A version or copy of the claim's article repeats its lead word for word: the lead
    # query is for other reports of the event (the claim's own query still finds copies).
    lead = {
        sid: row
        for sid, row in lead_hits(store, claim.article_id, pool, memo.events).items()
        if not view.family(claim.article_id, row[0].article_id)
    }
    if lead:  # who says the lead's own hits, and where they sit: once per article
        where = memo.lead_where.get(claim.article_id)
        if where is None:
            where = memo.lead_where[claim.article_id] = (
                memo.sources(store, lead),
                _positions(lead.values()),
            )
        sources = {**sources, **where[0]}
        positions = {**positions, **where[1]}
    rows = merge_lead(rows, lead)
    names = name_factors(
        store, claim.article_id, {a.id for _, _, a in rows}, len(view.links), view.names
    )
    memo.load_facts(store, (s.id for s, _, _ in rows))
    extra = find_answers(
        store, claim, view, {s.id for s, _, _ in rows}, claim_index, claim_facts, memo
    )
    if extra:
        rows = [*rows, *extra.rows]
        sources = {**sources, **extra.sources}
        positions = {**positions, **extra.positions}
    # Not ``{...} - view.first_body.keys()``: a set minus a dict view copies the whole view
    # (every article asked about so far: ~0.9 ms a claim at 10k articles) into a set first.
    missing = {a.id for _, _, a in rows if a.id not in view.first_body}
    if missing:  # articles without a body sentence count from their first unit
        view.first_body.update(dict.fromkeys(missing, 0) | first_body_units(store, missing))
    scored: list[tuple[float, int]] = []
    seen: set[tuple[int, str]] = set()
    for i, (sentence, score, _article) in enumerate(rows):
        if sentence.id == claim.sentence_id:
            continue
        key = (sentence.article_id, normalise_sentence(sentence.text))
        if key in seen:
            continue
        seen.add(key)
        if sentence.article_id == claim.article_id:
            said_by = sources.get(sentence.id, [])
            other = any(
                not any(same_source(s.canonical or s.source, n) for n in claim_names)
                for s in said_by
            )
            caveat = memo.facts_of(sentence.id, sentence.text).caveat
            if not (other or caveat):
                continue
        index = positions.get(sentence.id, (sentence.index, 0))[0]
        name = names.get(sentence.article_id, 1.0)
        same_story = view.same_story(claim.article_id, sentence.article_id)
        if same_story:
            name = max(name, STORY_NAMES)  # grouped with the claim's article by its names
        boost = name * position_factor(index - view.first_body[sentence.article_id])
        if same_story:
            boost *= STORY_BOOST
        if view.near_in_time(claim.article_id, sentence.article_id):
            boost *= DATE_BOOST
        scored.append((score * boost, i))
    scored.sort(key=lambda t: -t[0])
    raised: dict[int, float] = {}  # answers raised to the floor: their words' own score
    if extra:
        # Answers are kept whatever their words score: a denial of an accusation is the
        # evidence a checker most needs beside it, and it rarely repeats the accusation.
        wanted = extra.wanted
        floor = scored[0][0] * ANSWER_WEIGHT if scored else 1.0
        answers = [(max(sc, floor), i) for sc, i in scored if rows[i][0].id in wanted]
        raised = {i: sc for sc, i in scored if rows[i][0].id in wanted and sc < floor}
        others = [(sc, i) for sc, i in scored if rows[i][0].id not in wanted]
        scored = sorted([*others[: max(0, limit - len(answers))], *answers], key=lambda t: -t[0])
    hits: list[EvidenceHit] = []
    contexts: dict[int, HitContext] = {}
    for score, i in scored[:limit]:
        sentence, _, article = rows[i]
        hits.append(hit_of(sentence, score, article, len(hits) + 1))
        index, paragraph = positions.get(sentence.id, (sentence.index, sentence.paragraph))
        contexts[sentence.id] = HitContext(
            tuple(sources.get(sentence.id, [])),
            index,
            paragraph,
            extra.why.get(sentence.id, "") if extra else "",
            raised.get(i),
        )
    return hits, contexts
