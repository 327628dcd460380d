"""Who else, independently, says this — and who says otherwise.

For each claim: retrieve candidate sentences (BM25 over the rarest terms, boosted within the
claim's story and date window, the claim's own article included when another source speaks
there), decide each one's relation (``compare.relate``) and whether its source is
independent of the claim's, then count the independent sources that support and contradict
the claim and record figure conflicts ("killed: 9 (Tomas Erdel) – 14 (Ministry of Health)").

Independence is decided on sources, not on articles: a sentence is not independent when it
is said by the claim's own source (or a relay of it), when it repeats the claim's outlet, or
when it comes from a version or copy of the claim's article (one newsroom's reporting is one
source however many times it is published).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial

from verifier.corroborate.compare import (
    SUPPORTING,
    Facts,
    Pair,
    content_stems,
    other_event,
    read_facts,
    relate,
    same_scale,
    sentence_reading,
)
from verifier.corroborate.evidence import (
    DEFAULT_LIMIT,
    EvidenceHit,
    Judgement,
    _hit,
    article_context,
    claim_matches,
    normalise_sentence,
    text_match,
)
from verifier.corroborate.query import DEFAULT_MAX_TERMS
from verifier.corroborate.stories import family_roots
from verifier.models import ArticleRecord, ClaimRecord, EvidenceRecord, SentenceRecord
from verifier.store import Store
from verifier.store.stories import (
    ArticleLink,
    BodySentence,
    FigureConflict,
    SourceRef,
    article_links,
    body_sentences,
    figure_sentences,
    replace_figure_conflicts,
    sentence_positions,
    sentence_sources,
    set_independence,
    stance_sentences,
)
from verifier.text.passage import is_casualty, is_generic, sentence_facts
from verifier.text.speakers import (
    affiliations,
    is_generic_body,
    named_parties,
    same_source,
    source_words,
    speaks_for,
)
from verifier.workers import default_workers, ordered_map

STORY_BOOST = 1.3
"""Score factor for a candidate in the claim's story: same event, likely the right sense."""
DATE_BOOST = 1.1
DATE_WINDOW_DAYS = 3
_BATCH = 200


@dataclass(slots=True)
class CorpusView:
    """Article links loaded once per run: stories, families (versions/copies) and outlets."""

    links: dict[int, ArticleLink]
    roots: dict[int, int]
    claim_sources: dict[int, list[str]] = field(default_factory=dict)  # article -> canonicals
    _stories: dict[int, list[int]] | None = field(default=None, repr=False, compare=False)

    def story_members(self, article_id: int) -> list[int]:
        """The article, then its versions and copies, then the rest of its story (by id)."""
        if self._stories is None:
            self._stories = {}
            for member in self.links.values():
                if member.story_id is not None:
                    self._stories.setdefault(member.story_id, []).append(member.id)
        link = self.links.get(article_id)
        story = self._stories.get(link.story_id, []) if link and link.story_id is not None else []
        root = self.roots.get(article_id, article_id)
        family = [a for a in story if a != article_id and self.roots.get(a, a) == root]
        rest = [a for a in story if a != article_id and self.roots.get(a, a) != root]
        return [article_id, *family, *rest]

    @classmethod
    def load(cls, store: Store) -> CorpusView:
        links = article_links(store)
        return cls(links, family_roots(links))

    def outlet(self, article_id: int) -> str:
        """The outlet a report really comes from: its original's when it is a copy."""
        for candidate in (self.roots.get(article_id, article_id), article_id):
            link = self.links.get(candidate)
            if link and link.outlet:
                return link.outlet
        for other, root in self.roots.items():
            link = self.links.get(other)
            if root == self.roots.get(article_id) and link and link.outlet:
                return link.outlet
        link = self.links.get(article_id)
        return link.name if link else ""

    def family(self, a: int, b: int) -> bool:
        return a != b and self.roots.get(a, a) == self.roots.get(b, b)

    def same_story(self, a: int, b: int) -> bool:
        la, lb = self.links.get(a), self.links.get(b)
        return bool(la and lb and la.story_id is not None and la.story_id == lb.story_id)

    def near_in_time(self, a: int, b: int) -> bool:
        da, db = _day(self.links.get(a)), _day(self.links.get(b))
        return da is not None and db is not None and abs((da - db).days) <= DATE_WINDOW_DAYS


def _day(link: ArticleLink | None) -> date | None:
    if link is None or not link.published:
        return None
    try:
        return date.fromisoformat(link.published[:10])
    except ValueError:
        return None


def claim_source_names(store: Store, claim: ClaimRecord, view: CorpusView) -> list[str]:
    """The names the claim's source goes by: canonical, and the body a spokesperson speaks for.

    "Mira Oduya, a spokesperson for the ministry" speaks for the ministry the same article
    names elsewhere ("the Ministry of Health"), so a relay of that ministry is no second source.
    """
    names = [claim.canonical_source or claim.resolved_source or claim.source]
    if claim.source_type == "outlet":
        names.append(view.outlet(claim.article_id))
    bodies = affiliations(claim.source)
    if bodies:
        org = bodies[0]
        names.append(org)
        org_words = set(source_words(org))
        if is_generic_body(org):
            if claim.article_id not in view.claim_sources:
                rows = store._query(
                    "SELECT DISTINCT canonical_source FROM claims WHERE article_id = ?",
                    (claim.article_id,),
                )
                view.claim_sources[claim.article_id] = [r[0] for r in rows if r[0]]
            names += [
                n
                for n in view.claim_sources[claim.article_id]
                if org_words <= set(source_words(n)) and len(source_words(n)) > len(org_words)
            ]
    return [n for n in names if n]


@dataclass(frozen=True, slots=True)
class HitContext:
    """What the store knows about a retrieved sentence beyond its text."""

    sources: tuple[SourceRef, ...]
    index: int
    paragraph: int
    answers: str = ""  # why it was brought beside the claim without its words: "a denial ..."


def hit_sources(hit: EvidenceHit, ctx: HitContext | None, view: CorpusView) -> list[SourceRef]:
    """Who says the hit: its attributions, else the outlet (its original's, for a copy)."""
    if ctx and ctx.sources:
        return list(ctx.sources)
    return [SourceRef(view.outlet(hit.article_id), view.outlet(hit.article_id), "outlet", "")]


def _accused_answer(
    claim: ClaimRecord, sources: Sequence[SourceRef], a: Facts, b: Facts
) -> str | None:
    """Why a passage said by the party an accusation names answers it, or None.

    "the Front ... accused the army of shelling the town" accuses back; "the operator said its
    logs showed the sluices were opened" turns "for failing to open the sluices" around.
    """
    parties = named_parties(claim.content)
    speaking = [s for s in sources if speaks_for((s.canonical, s.source), parties)]
    if any(s.stance == "accuses" for s in speaking):
        return "the accused party accuses the other side"
    if speaking and a.facts.negated != b.facts.negated:
        return "the accused party's account says otherwise"
    return None


def judge(
    claim: ClaimRecord,
    hit: EvidenceHit,
    *,
    view: CorpusView,
    ctx: HitContext | None,
    claim_names: Sequence[str],
    claim_paragraph: int | None = None,
    claim_facts: Facts | None = None,
) -> tuple[Judgement, Facts, Facts]:
    """The relation of ``hit`` to ``claim``, whether its source is independent, and why."""
    sources = hit_sources(hit, ctx, view)
    a = claim_facts or read_facts(claim.content, claim.sentence, stance=claim.stance)
    deniers = [s for s in sources if s.stance == "denies"]
    b_stance = "denies" if deniers else None
    b = sentence_reading(hit.sentence, b_stance)
    # A denial is its denier's: in "the ministry blamed the Front, which denied firing" the
    # sentence answers the ministry through the Front, an independent party.
    sources = deniers or sources
    same_article = claim.article_id == hit.article_id
    claim_outlet = view.outlet(claim.article_id)
    relay = not same_article and any(
        s.source_type != "outlet" and same_source(s.canonical or s.source, claim_outlet)
        for s in sources
    )
    own = any(same_source(s.canonical or s.source, name) for s in sources for name in claim_names)
    gap = None
    if same_article and ctx is not None and claim_paragraph is not None:
        gap = ctx.paragraph - claim_paragraph
    pair = Pair(
        same_article=same_article,
        family=view.family(claim.article_id, hit.article_id),
        same_story=view.same_story(claim.article_id, hit.article_id),
        paragraph_gap=gap,
        relay=relay,
        same_source=own,
    )
    relation, reasons = relate(a, b, pair)
    reasons_list = list(reasons)
    if relation in ("same_report", "outlet_caveat"):
        independent = False
    elif (
        claim.stance == "accuses"
        and not own
        and not pair.family
        and relation in ("supports", "partly_supports")
        and (answer := _accused_answer(claim, sources, a, b))
    ):
        # The accused answering shares the accusation's words and contradicts it.
        relation, independent = "contradicts", True
        reasons_list = [answer, *(r for r in reasons_list if r.startswith("shared"))]
    elif own and relation == "contradicts" and claim.stance == "accuses" and deniers:
        # One side accusing the other and denying the other's account is one position, not
        # a contradiction: "the ministry accused the Front" / "the ministry denied firing".
        relation, independent = "partly_supports", False
        reasons_list = [
            "the claim's own source, rejecting the other side's account",
            *(r for r in reasons_list if r.startswith("shared")),
        ]
    elif own:
        # The claim's own source contradicting what it is quoted as saying is news in itself.
        independent = relation == "contradicts"
        reasons_list.append("said by the claim's own source")
    elif relay:
        independent = False
        reasons_list.append("relays the claim's outlet")
    elif pair.family and relation != "contradicts":
        independent = False
        reasons_list.append("from a version or copy of the claim's article")
    else:
        independent = True
    if ctx is not None and ctx.answers:
        reasons_list.append(ctx.answers)
    who = sources[0].canonical or sources[0].source
    if who:
        reasons_list.append(f"source: {who}")
    return Judgement(relation, independent, tuple(reasons_list)), a, b


# -- retrieval ---------------------------------------------------------------------------------

_Retrieved = tuple[
    list[tuple[SentenceRecord, float, ArticleRecord]],
    dict[int, list[SourceRef]],
    dict[int, tuple[int, int]],
]
"""Ranked rows for one MATCH expression, who says each, and where each sits."""


@dataclass(slots=True)
class Memo:
    """What a batch of claims looks up once and shares: claims come article by article, and
    claims of one sentence or of copied articles share their MATCH expression (half of them,
    mostly next to each other), so one batch's memory is enough."""

    retrieved: dict[str, _Retrieved] = field(default_factory=dict)  # by MATCH expression
    figures: dict[tuple[int, str], list[int]] = field(default_factory=dict)  # (article, event)
    bodies: dict[int, list[BodySentence]] = field(default_factory=dict)  # by article


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
        rows = store.search_sentences(match, limit=limit * 2 + 10) if match else []
        ids = [s.id for s, _, _ in rows]
        found = (rows, sentence_sources(store, ids), sentence_positions(store, ids))
        memo.retrieved[match] = found
    rows, sources, positions = found
    extra = _answers(store, claim, view, {s.id for s, _, _ in rows}, claim_index, claim_facts, memo)
    if extra:
        rows = [*rows, *extra.rows]
        sources = {**sources, **extra.sources}
        positions = {**positions, **extra.positions}
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
            caveat = sentence_facts(sentence.text).caveat
            if not (other or caveat):
                continue
        boost = 1.0
        if view.same_story(claim.article_id, sentence.article_id):
            boost *= STORY_BOOST
        if view.near_in_time(claim.article_id, sentence.article_id):
            boost *= DATE_BOOST
        scored.append((score * boost, i))
    scored.sort(key=lambda t: -t[0])
    if extra:
        # Answers are kept whatever their words score: a denial of an accusation is the
        # evidence a checker most needs beside it, and it rarely repeats the accusation.
        wanted = extra.wanted
        floor = scored[0][0] * ANSWER_WEIGHT if scored else 1.0
        answers = [(max(sc, floor), i) for sc, i in scored if rows[i][0].id in wanted]
        others = [(sc, i) for sc, i in scored if rows[i][0].id not in wanted]
        scored = sorted([*others[: max(0, limit - len(answers))], *answers], key=lambda t: -t[0])
    hits: list[EvidenceHit] = []
    contexts: dict[int, HitContext] = {}
    for score, i in scored[:limit]:
        sentence, _, article = rows[i]
        hits.append(_hit(sentence, score, article, len(hits) + 1))
        index, paragraph = positions.get(sentence.id, (sentence.index, sentence.paragraph))
        contexts[sentence.id] = HitContext(
            tuple(sources.get(sentence.id, [])),
            index,
            paragraph,
            extra.why.get(sentence.id, "") if extra else "",
        )
    return hits, contexts


MAX_FIGURES = 3


def _story_figures(
    store: Store,
    claim: ClaimRecord,
    view: CorpusView,
    facts: Facts | None,
    memo: Memo,
) -> list[int]:
    """Sentences of the claim's story that give a figure for one of its casualty events,
    nearest in place first: those naming the claim's site or place, then other reports."""
    events = sorted({q.event for q in facts.facts.quantities if is_casualty(q)}) if facts else []
    link = view.links.get(claim.article_id)
    if not events or link is None or link.story_id is None or facts is None:
        return []
    said: list[int] = []
    for event in events:
        # By article, not story: the scan starts from the claim's article and its family.
        key = (claim.article_id, event)
        if key not in memo.figures:
            members = view.story_members(claim.article_id)[:_STORY_SCAN]
            memo.figures[key] = [
                sid
                for sid, text in figure_sentences(store, members, event)
                if any(q.event == event for q in sentence_facts(text).quantities)
            ]
        said += memo.figures[key]
    said = [i for i in dict.fromkeys(said) if i != claim.sentence_id]
    if not said:
        return []
    joined = store.sentences_by_ids(said)
    mine = {q.value for q in facts.facts.quantities if is_casualty(q)}

    def rank(sid: int) -> tuple[int, int, int]:
        sentence, _ = joined[sid]
        theirs = sentence_facts(sentence.text)
        near = bool(theirs.sites & facts.facts.sites or theirs.places & facts.facts.places)
        other = not view.family(claim.article_id, sentence.article_id) and (
            sentence.article_id != claim.article_id
        )
        differs = any(is_casualty(q) and q.value not in mine for q in theirs.quantities)
        return (-int(near), -int(other), -int(differs))

    def elsewhere(sid: int) -> bool:  # another site, place, day or kind of incident
        return other_event(facts.facts, sentence_facts(joined[sid][0].text))

    picked: list[int] = []
    values: set[frozenset[float | None]] = set()
    for sid in sorted((i for i in said if i in joined and not elsewhere(i)), key=rank):
        figures_of = frozenset(
            q.value for q in sentence_facts(joined[sid][0].text).quantities if is_casualty(q)
        )
        if figures_of not in values:  # one sentence per distinct figure: who says what
            values.add(figures_of)
            picked.append(sid)
        if len(picked) == MAX_FIGURES:
            break
    return picked


def _best_answers(store: Store, claim: ClaimRecord, view: CorpusView, said: list[int]) -> list[int]:
    """The denials (or accusations) most likely to answer this claim: from the party it
    names first ("accused the Front ..." / "The group denied"), then its own report and its
    versions, then those sharing most of its words."""
    joined = store.sentences_by_ids(said)
    who = sentence_sources(store, said)
    named = named_parties(claim.content)
    mine = content_stems(claim.sentence)

    def rank(sid: int) -> tuple[int, int, int]:
        sentence, _ = joined[sid]
        is_named = any(speaks_for((s.canonical, s.source), named) for s in who.get(sid, []))
        near = sentence.article_id == claim.article_id or view.family(
            claim.article_id, sentence.article_id
        )
        return (-int(is_named), -int(near), -len(mine & content_stems(sentence.text)))

    return sorted((sid for sid in said if sid in joined), key=rank)[:MAX_ANSWERS]


CAVEAT_REACH = 6
"""Sentences between an outlet's caveat and the claims it qualifies: the two sides' accounts
and their quotes can take three short wire paragraphs before "could not verify either"."""
ANSWER_WEIGHT = 0.5
"""An answer that shares few words with its claim still ranks in the top half."""
MAX_ANSWERS = 3
_OPPOSITE_STANCE = {"accuses": "denies", "denies": "accuses"}
_ANSWER_WORD = {"denies": "a denial", "accuses": "an accusation"}
_STORY_SCAN = 60  # articles of a story searched for answers: the family first


@dataclass(slots=True)
class _Answers:
    wanted: set[int]  # every answer, found by words too or not
    why: dict[int, str]
    rows: list[tuple[SentenceRecord, float, ArticleRecord]]
    sources: dict[int, list[SourceRef]]
    positions: dict[int, tuple[int, int]]


def _answers(
    store: Store,
    claim: ClaimRecord,
    view: CorpusView,
    have: set[int],
    claim_index: int | None,
    claim_facts: Facts | None,
    memo: Memo,
) -> _Answers | None:
    """Sentences that answer a claim though they share few of its words.

    An accusation is answered by the accused party's denial ("The group denied any role"),
    and a denial by the accusation; a claim by the outlet's caveat right after it ("... could
    not independently verify the claim"), and a caveat by the claims just before it. Word
    overlap finds none of these reliably, and a checker needs each beside the claim. So is
    every other figure its story gives for the same kind of casualty ("recovered the bodies
    of 11 people" against "14 of them in the hospital compound").
    """
    why: dict[int, str] = {}
    for sid in _story_figures(store, claim, view, claim_facts, memo):
        why.setdefault(sid, "another figure its story gives for this casualty")
    opposite = _OPPOSITE_STANCE.get(claim.stance)
    if opposite:
        members = view.story_members(claim.article_id)[:_STORY_SCAN]
        said = [i for i in stance_sentences(store, members, opposite) if i != claim.sentence_id]
        for sid in _best_answers(store, claim, view, said) if said else []:
            why.setdefault(sid, f"answers the claim: {_ANSWER_WORD[opposite]} in the same story")
    if claim_index is not None:
        caveat = sentence_facts(claim.sentence).caveat and claim.source_type == "outlet"
        before, after = (CAVEAT_REACH, 0) if caveat else (0, CAVEAT_REACH)
        if claim.article_id not in memo.bodies:
            memo.bodies[claim.article_id] = body_sentences(store, claim.article_id)
        near = [
            row
            for row in memo.bodies[claim.article_id]
            if claim_index - before <= row[1] <= claim_index + after and row[1] != claim_index
        ]
        if caveat:  # what the caveat qualifies: the claims before it ("either account")
            for sid in [sid for sid, idx, _, has in near if has and idx < claim_index][-4:]:
                why.setdefault(sid, "what the outlet's caveat qualifies")
        else:
            for sid in [
                sid
                for sid, idx, text, _ in near
                if idx > claim_index and sentence_facts(text).caveat
            ][:1]:
                why.setdefault(sid, "the outlet's caveat on the claim")
    why.pop(claim.sentence_id, None)
    if not why:
        return None
    fresh = [i for i in why if i not in have]
    joined = store.sentences_by_ids(fresh)
    return _Answers(
        wanted=set(why),
        why=why,
        rows=[(joined[i][0], 0.0, joined[i][1]) for i in fresh if i in joined],
        sources=sentence_sources(store, fresh),
        positions=sentence_positions(store, fresh),
    )


# -- the run -----------------------------------------------------------------------------------


@dataclass(slots=True)
class CorroborationReport:
    claims: int = 0
    evidence: int = 0
    relations: dict[str, int] = field(default_factory=dict)
    figure_conflicts: int = 0


def _who(source: SourceRef) -> str:
    return source.canonical or source.source or "?"


def _figure_conflicts(
    claim: ClaimRecord,
    claim_facts: Facts,
    judged: Iterable[tuple[Judgement, Facts, list[SourceRef]]],
) -> list[FigureConflict]:
    """Per event, the figures the claim and its contradicting evidence give, and who gives them."""
    by_event: dict[str, dict[float, list[str]]] = {}
    for judgement, facts, sources in judged:
        if judgement.relation != "contradicts" or not any(
            r.startswith("figure differs") for r in judgement.reasons
        ):
            continue
        for qa in claim_facts.facts.quantities:
            if not is_casualty(qa) or qa.value is None:
                continue
            for qb in facts.facts.quantities:
                if (
                    qb.event == qa.event
                    and qb.value is not None
                    and qb.value != qa.value
                    and is_generic(qa) == is_generic(qb)
                    and same_scale(qa.value, qb.value)
                ):
                    figures = by_event.setdefault(qa.event, {})
                    figures.setdefault(qa.value, [])
                    mine = claim.canonical_source or claim.source
                    if mine not in figures[qa.value]:
                        figures[qa.value].append(mine)
                    who = _who(sources[0]) if sources else "?"
                    if who not in figures.setdefault(qb.value, []):
                        figures[qb.value].append(who)
    out: list[FigureConflict] = []
    for event, figures in sorted(by_event.items()):
        entries = tuple(
            (_number(value), ", ".join(names)) for value, names in sorted(figures.items())
        )
        summary = f"{event}: " + " – ".join(f"{n} ({who})" for n, who in entries)
        out.append(FigureConflict(claim.id, event, summary, entries))
    return out


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


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


RELATION_WEIGHT = {"contradicts": 1.5, "supports": 1.3, "unrelated": 0.5}
"""How a judged candidate's relation moves its rank (others 1.0): what bears on the claim
first, the same number for another event last. Candidates are judged from a pool of
``RERANK_POOL`` times the limit, so a contradiction that shares one word with the claim
("seized the bridge" against "the bridge remained under army control") is not cut before
it is read."""
RERANK_POOL = 2


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
        )
        score = hit.score * RELATION_WEIGHT.get(judgement.relation, 1.0)
        judged.append((score, hit, judgement, hit_facts, hit_sources(hit, ctx, view)))
    judged.sort(key=lambda t: -t[0])
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
) -> _Judged:
    """Retrieve and judge the evidence of a batch of claims; reads only."""
    out = _Judged()
    batch = store.claims_by_ids(ids)
    matches = claim_matches(store, batch, max_terms=max_terms, contexts=article_words)
    claim_positions = sentence_positions(store, [c.sentence_id for c in batch])
    memo = Memo()
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
                key = " ".join(source_words(_who(sources[0]))) if sources else ""
                if judgement.relation in SUPPORTING:
                    support.add(key)
                elif judgement.relation == "contradicts":
                    contradict.add(key)
        out.evidence.append((claim.id, records))
        out.counts[claim.id] = (len(support), len(contradict))
        out.conflicts.append((claim.id, _figure_conflicts(claim, claim_facts, judged)))
    return out


# One per worker process: its own connection and corpus view, kept across batches.
_worker: tuple[Store, CorpusView, dict[int, list[str]]] | None = None


def _start_worker(path: str) -> None:
    global _worker
    store = Store(path)
    _worker = (store, CorpusView.load(store), {})


def _judge_in_worker(ids: list[str], limit: int, max_terms: int) -> _Judged:
    assert _worker is not None, "worker not started"
    store, view, words = _worker
    if len(words) > 20_000:  # context words of articles long done with
        words.clear()
    return _judge_batch(store, view, ids, words, limit, max_terms)


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

    def here(ids: list[str]) -> _Judged:
        nonlocal view
        view = view or CorpusView.load(store)
        return _judge_batch(store, view, ids, words, limit, max_terms)

    shareable = store.path != ":memory:" and not store.conn.in_transaction
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
    for batch, judged in zip(
        batches, _judged_batches(store, batches, workers, limit, max_terms), strict=True
    ):
        store.replace_evidence_many(judged.evidence)
        set_independence(store, judged.counts)
        replace_figure_conflicts(store, judged.conflicts)
        for relation, n in judged.relations.items():
            report.relations[relation] = report.relations.get(relation, 0) + n
        report.evidence += sum(len(records) for _, records in judged.evidence)
        report.figure_conflicts += sum(len(found) for _, found in judged.conflicts)
        report.claims += len(batch)
        if progress:
            progress(report.claims, len(ids))
    return report


def claims_of_stories(store: Store, article_ids: Iterable[int]) -> list[str]:
    """Claims whose evidence a new article can change: those in its stories (and its own)."""
    wanted = sorted(set(article_ids))
    if not wanted:
        return []
    out: list[str] = []
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = store._query(
            "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id"
            f" WHERE a.id IN ({marks}) OR a.story_id IN"
            f" (SELECT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL)"
            " ORDER BY c.article_id, c.position",
            [*chunk, *chunk],
        )
        out += [r[0] for r in rows]
    return list(dict.fromkeys(out))


__all__ = [
    "CorpusView",
    "PassageError",
    "judge_passages",
    "CorroborationReport",
    "HitContext",
    "candidates",
    "claim_source_names",
    "claims_of_stories",
    "corroborate",
    "judge",
    "corroborate_articles",
    "search_evidence",
]


# -- one pair of passages ----------------------------------------------------------------------


class PassageError(ValueError):
    """A passage that cannot be found in the named article."""


def _locate(store: Store, name: str, text: str) -> tuple[int, int, int, str]:
    """``(article_id, start, end, article_text)`` of ``text`` in article ``name``."""
    article = store.article_by_name(name)
    if article is None:
        raise PassageError(f"{name}: no article with that name")
    start = article.text.find(text)
    if start < 0:
        start = normalise_sentence(article.text).find(normalise_sentence(text))
        if start < 0:
            raise PassageError(f"{name}: passage not found: {text[:60]!r}")
    return article.id, start, start + len(text), article.text


def _claim_at(store: Store, article_id: int, start: int, end: int) -> ClaimRecord | None:
    """The stored claim whose content overlaps ``[start, end)`` the most."""
    best: tuple[int, ClaimRecord] | None = None
    for claim in store.claims_by_ids(
        [r[0] for r in store._query("SELECT id FROM claims WHERE article_id = ?", (article_id,))]
    ):
        overlap = min(end, claim.content_span.end) - max(start, claim.content_span.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, claim)
    return best[1] if best else None


def judge_passages(store: Store, doc_a: str, text_a: str, doc_b: str, text_b: str) -> Judgement:
    """The judgement of passage ``text_b`` (in ``doc_b``) as evidence for ``text_a``.

    Each passage is read with what the store knows about it: the claim it belongs to (its
    source and stance), its sentence, its article's story and copies. This is how a gold pair
    of passages is scored, and how a reviewer's "is this the same?" question is answered.
    """
    view = CorpusView.load(store)
    a_id, a_start, a_end, _ = _locate(store, doc_a, text_a)
    b_id, b_start, b_end, _ = _locate(store, doc_b, text_b)
    a_sentences = [s for s in store.sentences(a_id) if s.start < a_end and s.end > a_start]
    b_sentences = [s for s in store.sentences(b_id) if s.start < b_end and s.end > b_start]
    if not a_sentences or not b_sentences:
        raise PassageError(f"{doc_a} / {doc_b}: passage outside every sentence")
    found = _claim_at(store, a_id, a_start, a_end)
    first = a_sentences[0]
    base = found or _outlet_claim(
        store, a_id, first.id, text_a, " ".join(s.text for s in a_sentences)
    )
    claim = _with_content(base, text_a)
    b_claims = [
        c
        for c in store.claims_by_ids(
            [r[0] for r in store._query("SELECT id FROM claims WHERE article_id = ?", (b_id,))]
        )
        if c.sentence_id in {s.id for s in b_sentences}
    ]
    overlapping = [
        c for c in b_claims if c.content_span.start < b_end and c.content_span.end > b_start
    ]
    said_by = overlapping or b_claims
    b_first = b_sentences[0]
    article = store.article(b_id, with_text=False)
    hit = EvidenceHit(
        sentence_id=b_first.id,
        article_id=b_id,
        index=b_first.index,
        paragraph=b_first.paragraph,
        kind=b_first.kind,
        start=b_first.start,
        end=b_sentences[-1].end,
        sentence=" ".join(s.text for s in b_sentences),
        article_name=doc_b,
        outlet=article.outlet if article else None,
        published=article.published if article else None,
        score=0.0,
        rank=1,
    )
    ctx = HitContext(
        tuple(
            SourceRef(c.source, c.canonical_source or c.source, c.source_type, c.stance)
            for c in said_by
        ),
        b_first.index,
        b_first.paragraph,
    )
    judgement, _, _ = judge(
        claim,
        hit,
        view=view,
        ctx=ctx,
        claim_names=claim_source_names(store, claim, view),
        claim_paragraph=first.paragraph,
    )
    return judgement


def _with_content(claim: ClaimRecord, content: str) -> ClaimRecord:
    return replace(claim, content=content)


def _outlet_claim(
    store: Store, article_id: int, sentence_id: int, content: str, sentence: str
) -> ClaimRecord:
    """A passage nobody is quoted in: the outlet's own statement, as a claim record."""
    from verifier.models import Span

    article = store.article(article_id, with_text=False)
    outlet = (article.outlet if article else None) or ""
    span = Span(0, 0)
    return ClaimRecord(
        id="",
        article_id=article_id,
        article_name=article.name if article else "",
        outlet=outlet or None,
        published=article.published if article else None,
        sentence_id=sentence_id,
        position=0,
        sentence=sentence,
        source=outlet,
        resolved_source=outlet,
        canonical_source=outlet,
        source_type="outlet",
        cue="",
        content=content,
        stance="asserts",
        quote="indirect",
        hedges=(),
        sentence_span=span,
        source_span=span,
        cue_span=span,
        content_span=span,
    )


def _claim_evidence(
    store: Store, article: ArticleRecord, text: str, *, view: CorpusView, limit: int
) -> list[tuple[EvidenceHit, Judgement]]:
    """Evidence for ``text`` read as a claim of the article.

    A stored claim's own content gives exactly what ``corroborate`` stored for it, so the CLI
    and the TUI never disagree. Other text found in the article is read as ``judge_passages``
    reads a passage: with the claim it overlaps (its source and stance) or as the outlet's own
    statement, its sentence left out of the results. Text not in the article is the outlet's.
    """
    article_id = article.id
    index: int | None = None
    paragraph: int | None = None
    try:
        _, start, end, _ = _locate(store, article.name, text)
    except PassageError:
        claim = _outlet_claim(store, article_id, 0, text, text)
        match = text_match(store, text, article_context(store, article_id))
    else:
        sentences = [s for s in store.sentences(article_id) if s.start < end and s.end > start]
        found = _claim_at(store, article_id, start, end)
        if found is not None and normalise_sentence(found.content) in normalise_sentence(text):
            claim = found  # the text holds the whole claim (perhaps with its source and cue)
        elif found is not None or sentences:
            base = found or _outlet_claim(
                store, article_id, sentences[0].id, text, " ".join(s.text for s in sentences)
            )
            claim = _with_content(base, text)
        else:
            claim = _outlet_claim(store, article_id, 0, text, text)
        match = claim_matches(store, [claim])[0]
        positions = sentence_positions(store, [claim.sentence_id])
        if claim.sentence_id in positions:
            index, paragraph = positions[claim.sentence_id]
    position = (index, paragraph) if index is not None and paragraph is not None else None
    judged = evidence_of(store, claim, match, view=view, limit=limit, position=position)
    return [(hit, judgement) for hit, judgement, _, _ in judged]


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


def search_evidence(
    store: Store,
    text: str,
    *,
    article_name: str | None = None,
    limit: int = DEFAULT_LIMIT,
    view: CorpusView | None = None,
) -> list[tuple[EvidenceHit, Judgement]]:
    """Evidence for a typed text, each hit with its relation, independence and reasons.

    With ``article_name`` the text is read as a claim of that article (its stored claim when
    the text is one, else the outlet's own statement) and searched exactly as corroboration
    searches a stored claim: that article's other sentences count when another source speaks
    there, and independence is judged against the claim's source. Without it there is no
    claim source to be independent of, so a hit counts as independent only when no
    better-ranked hit came from the same source or from a version or copy of the same report.

    Raises ``PassageError`` when ``article_name`` is not in the store.
    """
    from verifier.corroborate.evidence import find_evidence

    view = view or CorpusView.load(store)
    article = store.article_by_name(article_name) if article_name else None
    if article_name and article is None:
        raise PassageError(f"{article_name}: no article with that name in {store.path}")
    if article is not None:
        return _claim_evidence(store, article, text, view=view, limit=limit)
    hits = find_evidence(store, text, limit=limit)
    if not hits:
        return []
    ids = [h.sentence_id for h in hits]
    said = sentence_sources(store, ids)
    positions = sentence_positions(store, ids)
    contexts = {
        h.sentence_id: HitContext(tuple(said.get(h.sentence_id, [])), *positions[h.sentence_id])
        for h in hits
        if h.sentence_id in positions
    }
    facts = read_facts(text)
    seen_sources: set[str] = set()
    seen_roots: set[int] = set()
    out: list[tuple[EvidenceHit, Judgement]] = []
    for h in hits:
        sources = hit_sources(h, contexts.get(h.sentence_id), view)
        b = read_facts(
            h.sentence, stance="denies" if any(s.stance == "denies" for s in sources) else None
        )
        relation, reasons = relate(facts, b, Pair())
        key = " ".join(source_words(_who(sources[0])))
        root = view.roots.get(h.article_id, h.article_id)
        independent = key not in seen_sources and root not in seen_roots
        seen_sources.add(key)
        seen_roots.add(root)
        extra = () if independent else ("repeats a better-ranked source or report",)
        out.append(
            (h, Judgement(relation, independent, (*reasons, *extra, f"source: {_who(sources[0])}")))
        )
    return out
