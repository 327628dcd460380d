"""Check-worthiness: which claims a fact-checker should look at first.

A desk with a day's claims cannot check them all. The claims that matter most are the ones
that carry figures (above all casualties), rest on one party's word (state media, an armed
group, an anonymous official), are denied or disputed, or whose figures conflict with another
report. This module turns what earlier stages stored about a claim (its record, the facts JSON
of the text stage, the independence counts of corroboration, the figure conflicts) into one
score in ``[0, 1]`` with the reasons behind it, and writes ``claims.priority``.

The score is a sum of named, bounded weights rather than a learned model: a reviewer can see
why a claim is at the top (the reasons are shown in the TUI) and disagree with it.
Domain code: no Textual, and it reads the store through SQL on its own connection lock.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from verifier.models import ClaimRecord
from verifier.store import ClaimFilter, Store
from verifier.store.triage import conflict_counts, set_priorities

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
}
"""What raises (or lowers) a claim's priority, and by how much; the score is clipped to [0, 1]."""

ONE_SIDED_TYPES = frozenset({"state_media", "armed_group"})
"""Parties to a conflict speaking for themselves: the claims most worth an independent check."""

CASUALTY_WORDS = re.compile(
    r"\b(kill\w*|dead|death\w*|died|die|casualt\w*|wound\w*|injur\w*|bodies|body|"
    r"fatalit\w*|massacre\w*|missing|displaced|refugees?|hostages?|detain\w*|arrest\w*)\b",
    re.IGNORECASE,
)
"""Words that make a figure a human toll; checked over the facts' own words, or the content."""

_NUMBER = re.compile(
    r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens?|scores?|hundreds?|thousands?|millions?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Priority:
    """A claim's check-worthiness and the named reasons that produced it."""

    score: float
    reasons: tuple[str, ...]


def parse_facts(facts_json: str) -> dict[str, Any]:
    """The facts JSON as a dict; anything unreadable is treated as "no facts" (not an error,
    because the facts come from another stage and a bad value must not stop the queue)."""
    if not facts_json:
        return {}
    try:
        value = json.loads(facts_json)
    except (ValueError, TypeError):
        return {}
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, list):
        return {"facts": value}
    return {}


def _quantities(facts: Mapping[str, Any]) -> list[Any]:
    for key in ("quantities", "figures", "numbers", "counts"):
        value = facts.get(key)
        if isinstance(value, list) and value:
            return value
    return []


def _words(value: Any) -> str:
    """All the string leaves of a JSON value, joined: what a casualty word is looked for in."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return " ".join(_words(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_words(v) for v in value)
    return ""


def score_claim(claim: ClaimRecord, conflicts: int = 0) -> Priority:
    """The check-worthiness of ``claim`` given how many figure conflicts it is part of.

    Figures come from the facts JSON when the text stage wrote it; without facts, a number in
    the claim's content still counts (a claim is not less worth checking because the facts
    stage has not run on it yet).
    """
    reasons: list[str] = []
    facts = parse_facts(claim.facts)
    quantities = _quantities(facts)
    if quantities:
        has_figure = True
        toll = bool(CASUALTY_WORDS.search(_words(quantities))) or any(
            isinstance(q, Mapping) and str(q.get("kind", "")).lower() in {"casualties", "toll"}
            for q in quantities
        )
    else:
        has_figure = bool(_NUMBER.search(claim.content))
        toll = has_figure and bool(CASUALTY_WORDS.search(claim.content))
    if toll:
        reasons.append("casualties")
    elif has_figure:
        reasons.append("figures")
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
