"""A claim's answers: sentences that bear on it though they share few of its words.

An accusation is answered by the accused party's denial, a claim by the outlet's caveat right
after it, a casualty figure by the other figures its story gives for the same event. Word
overlap finds none of these reliably, and a checker needs each beside the claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from verifier.corroborate.compare import other_event
from verifier.corroborate.corpus import CorpusView, Memo
from verifier.corroborate.readings import Facts
from verifier.models import ArticleRecord, ClaimRecord, SentenceRecord
from verifier.store import Store
from verifier.store.stories import (
    SourceRef,
    body_sentences,
    figure_sentences,
    sentence_positions,
    sentence_sources,
    stance_sentences,
)
from verifier.text.passage import is_casualty
from verifier.text.speakers import (
    named_parties,
    speaks_for,
)
from verifier.text.terms import content_stems

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
            found = figure_sentences(store, members, event)
            memo.load_facts(store, (sid for sid, _ in found))
            memo.figures[key] = [
                sid
                for sid, text in found
                if any(q.event == event for q in memo.facts_of(sid, text).quantities)
            ]
        said += memo.figures[key]
    said = [i for i in dict.fromkeys(said) if i != claim.sentence_id]
    if not said:
        return []
    joined = store.sentences_by_ids(said)
    mine = {q.value for q in facts.facts.quantities if is_casualty(q)}

    def rank(sid: int) -> tuple[int, int, int]:
        sentence, _ = joined[sid]
        theirs = memo.facts_of(sid, sentence.text)
        near = bool(theirs.sites & facts.facts.sites or theirs.places & facts.facts.places)
        other = not view.family(claim.article_id, sentence.article_id) and (
            sentence.article_id != claim.article_id
        )
        differs = any(is_casualty(q) and q.value not in mine for q in theirs.quantities)
        return (-int(near), -int(other), -int(differs))

    def elsewhere(sid: int) -> bool:  # another site, place, day or kind of incident
        return other_event(facts.facts, memo.facts_of(sid, joined[sid][0].text))

    picked: list[int] = []
    values: set[frozenset[float | None]] = set()
    for sid in sorted((i for i in said if i in joined and not elsewhere(i)), key=rank):
        figures_of = frozenset(
            q.value for q in memo.facts_of(sid, joined[sid][0].text).quantities if is_casualty(q)
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
MAX_ANSWERS = 3
_OPPOSITE_STANCE = {"accuses": "denies", "denies": "accuses"}
_ANSWER_WORD = {"denies": "a denial", "accuses": "an accusation"}
_STORY_SCAN = 60  # articles of a story searched for answers: the family first


@dataclass(slots=True)
class Answers:
    wanted: set[int]  # every answer, found by words too or not
    why: dict[int, str]
    rows: list[tuple[SentenceRecord, float, ArticleRecord]]
    sources: dict[int, list[SourceRef]]
    positions: dict[int, tuple[int, int]]


def find_answers(
    store: Store,
    claim: ClaimRecord,
    view: CorpusView,
    have: set[int],
    claim_index: int | None,
    claim_facts: Facts | None,
    memo: Memo,
) -> Answers | None:
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
        for sid, reason in near_answers(store, claim, claim_index, memo).items():
            why.setdefault(sid, reason)
    why.pop(claim.sentence_id, None)
    if not why:
        return None
    fresh = [i for i in why if i not in have]
    joined = store.sentences_by_ids(fresh)
    return Answers(
        wanted=set(why),
        why=why,
        rows=[(joined[i][0], 0.0, joined[i][1]) for i in fresh if i in joined],
        sources=sentence_sources(store, fresh),
        positions=sentence_positions(store, fresh),
    )


def near_answers(store: Store, claim: ClaimRecord, claim_index: int, memo: Memo) -> dict[int, str]:
    """The answers beside a claim in its own article, with why: the outlet's caveat right
    after it, or for a caveat the claims just before it that it qualifies."""
    why: dict[int, str] = {}
    memo.load_facts(store, [claim.sentence_id])
    own = memo.facts_of(claim.sentence_id, claim.sentence)
    caveat = own.caveat and claim.source_type == "outlet"
    before, after = (CAVEAT_REACH, 0) if caveat else (0, CAVEAT_REACH)
    if claim.article_id not in memo.bodies:
        memo.bodies[claim.article_id] = body_sentences(store, claim.article_id)
    near = [
        row
        for row in memo.bodies[claim.article_id]
        if claim_index - before <= row[1] <= claim_index + after and row[1] != claim_index
    ]
    # Only the readings of the sentences beside it: an article's whole body is ~40 of them,
    # read again for each claim of each copy of a breaking story.
    memo.load_facts(store, (row[0] for row in near))
    if caveat:  # what the caveat qualifies: the claims before it ("either account")
        for sid in [sid for sid, idx, _, has in near if has and idx < claim_index][-4:]:
            why.setdefault(sid, "what the outlet's caveat qualifies")
    else:
        for sid in [
            sid
            for sid, idx, text, _ in near
            if idx > claim_index and memo.facts_of(sid, text).caveat
        ][:1]:
            why.setdefault(sid, "the outlet's caveat on the claim")
    return why
