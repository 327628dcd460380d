"""Check-worthiness: which claims a fact-checker should look at first.

A desk with a day's claims cannot check them all. The claims that matter most are the ones
that carry figures (above all casualties), rest on one party's word (state media, an armed
group, an anonymous official), are denied or disputed, or whose figures conflict with another
report. This module turns what earlier stages stored about a claim (its record, the typed
facts of the text stage, the independence counts of corroboration, the figure conflicts) into
one score in ``[0, 1]`` with the reasons behind it, and writes ``claims.priority``.

The score is a sum of named, bounded weights rather than a learned model: a reviewer can see
why a claim is at the top (the reasons are shown in the TUI) and disagree with it.
Domain code: no Textual, and it reads and writes the store through its public functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from verifier.models import ClaimFacts, ClaimRecord
from verifier.store import ClaimFilter, Store
from verifier.store.triage import conflict_counts, set_priorities
from verifier.text.figures import figure_kind

WEIGHTS: dict[str, float] = {
    "casualties": 0.30,
    "figures": 0.15,
    "one-sided source": 0.20,
    "anonymous source": 0.15,
    "official source": 0.08,
    "no independent support": 0.15,
    "contradicted": 0.15,
    "conflicting figures": 0.25,
    "denial": 0.10,
    "accusation": 0.10,
    "hedged": 0.05,
    "call or opinion": -0.20,
    "belief": -0.25,
}
"""What raises (or lowers) a claim's priority, and by how much; the score is clipped to [0, 1]."""

ONE_SIDED_TYPES = frozenset({"state_media", "armed_group"})
"""Parties to a conflict speaking for themselves: the claims most worth an independent check."""


@dataclass(frozen=True, slots=True)
class Priority:
    """A claim's check-worthiness and the named reasons that produced it."""

    score: float
    reasons: tuple[str, ...]


def score_claim(claim: ClaimRecord, conflicts: int = 0) -> Priority:
    """The check-worthiness of ``claim`` given how many figure conflicts it is part of.

    Figures are the text stage's typed reading of the claim (``ClaimFacts`` and
    ``figure_kind``): nothing here reads the claim's words.
    """
    reasons: list[str] = []
    kind = figure_kind(ClaimFacts.read(claim.facts), claim.content)
    if kind:
        reasons.append(kind)
    if claim.source_type in ONE_SIDED_TYPES:
        reasons.append("one-sided source")
    elif claim.source_type == "anonymous":
        reasons.append("anonymous source")
    elif claim.source_type == "government":
        reasons.append("official source")
    if claim.independent_support == 0:
        reasons.append("no independent support")
    if claim.independent_contradict > 0:
        reasons.append("contradicted")
    if conflicts > 0:
        reasons.append("conflicting figures")
    if claim.stance == "denies":
        reasons.append("denial")
    elif claim.stance == "accuses":
        reasons.append("accusation")
    elif claim.stance == "calls_for":
        reasons.append("call or opinion")
    if claim.kind == "belief":
        reasons.append("belief")  # a state of mind ("thinks", "hopes"): rarely checkable
    if claim.hedges:
        reasons.append("hedged")
    score = sum(WEIGHTS[reason] for reason in reasons)
    return Priority(round(min(1.0, max(0.0, score)), 4), tuple(reasons))


def compute_priorities(
    store: Store, claim_ids: Sequence[str] | None = None, *, batch: int = 2000
) -> int:
    """Score claims (all, or ``claim_ids``) and write ``claims.priority``; returns how many.

    A score changes only when a claim is new or its independence counts or figure conflicts
    change, so an ingest rescores just those claims: rescoring the whole corpus cost ~8 s
    per ingest at 10k articles, growing with the corpus, not the batch. Claims are read a
    page at a time so 100k claims never sit in memory as records, and all updates land in
    one transaction (one fsync per ingest, as for evidence).
    """
    conflicts = conflict_counts(store)
    ids = list(claim_ids) if claim_ids is not None else store.claim_ids(ClaimFilter(sort="article"))
    updates: list[tuple[str, float]] = []
    for start in range(0, len(ids), batch):
        for claim in store.claims_by_ids(ids[start : start + batch]):
            priority = score_claim(claim, conflicts.get(claim.id, 0))
            if priority.score != claim.priority:
                updates.append((claim.id, priority.score))
    set_priorities(store, updates)
    return len(ids)
