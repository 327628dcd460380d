"""One candidate judged: its relation to the claim, whether its source is independent, why.

Independence is decided on sources, not on articles: a sentence is not independent when it
is said by the claim's own source (or a relay of it), when it repeats the claim's outlet, or
when it comes from a version or copy of the claim's article (one newsroom's reporting is one
source however many times it is published).
"""

from __future__ import annotations

from collections.abc import Sequence

from verifier.corroborate.candidates import HitContext
from verifier.corroborate.clash import ClaimEvent, event_clash
from verifier.corroborate.compare import ANOTHER_EVENT, Pair, relate
from verifier.corroborate.corpus import CorpusView
from verifier.corroborate.evidence import (
    EvidenceHit,
    Judgement,
)
from verifier.corroborate.readings import Facts, read_facts, sentence_reading, stored_reading
from verifier.models import ClaimRecord, PassageFacts
from verifier.store.stories import (
    SourceRef,
)
from verifier.text.speakers import (
    named_parties,
    same_source,
    speaks_for,
)


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
    other_event: bool = False,
    hit_facts: PassageFacts | None = None,
    claim_event: ClaimEvent | None = None,
) -> tuple[Judgement, Facts, Facts]:
    """The relation of ``hit`` to ``claim``, whether its source is independent, and why.

    ``other_event``: the hit's article names other people and places than the claim's
    (``events.other_events``), in the claim's story or not. ``claim_event``: what the
    claim's sentence and its article's lead state of the event; a hit whose own figures
    are another event's (``clash.event_clash``) is judged as another event's.
    """
    sources = hit_sources(hit, ctx, view)
    a = claim_facts or read_facts(claim.content, claim.sentence, stance=claim.stance)
    deniers = [s for s in sources if s.stance == "denies"]
    b_stance = "denies" if deniers else None
    if hit_facts is not None:  # the text stage's stored reading of the sentence
        b = stored_reading(hit.sentence, hit_facts, b_stance)
    else:
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
    clash = None if other_event or claim_event is None else event_clash(claim_event, b.facts)
    pair = Pair(
        same_article=same_article,
        family=view.family(claim.article_id, hit.article_id),
        same_story=view.same_story(claim.article_id, hit.article_id),
        paragraph_gap=gap,
        relay=relay,
        same_source=own,
        other_event=other_event or clash is not None,
        quoted=claim.quote == "direct",
    )
    relation, reasons = relate(a, b, pair)
    if clash is not None and reasons == (ANOTHER_EVENT,):
        reasons = (clash,)
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


def speaker_name(source: SourceRef) -> str:
    return source.canonical or source.source or "?"
