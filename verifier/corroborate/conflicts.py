"""Figure conflicts: per event, the figures a claim and its contradicting evidence give, and
who gives them ("killed: 9 (Tomas Erdel) – 14 (Ministry of Health)")."""

from __future__ import annotations

from collections.abc import Iterable

from verifier.corroborate.compare import same_scale
from verifier.corroborate.evidence import (
    Judgement,
)
from verifier.corroborate.judging import speaker_name
from verifier.corroborate.readings import Facts
from verifier.models import ClaimRecord
from verifier.store.stories import (
    FigureConflict,
    SourceRef,
)
from verifier.text.passage import is_casualty, is_generic


def claim_figure_conflicts(
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
                    who = speaker_name(sources[0]) if sources else "?"
                    if who not in figures.setdefault(qb.value, []):
                        figures[qb.value].append(who)
    out: list[FigureConflict] = []
    for event, figures in sorted(by_event.items()):
        entries = tuple(
            (_figure_text(value), ", ".join(names)) for value, names in sorted(figures.items())
        )
        summary = f"{event}: " + " – ".join(f"{n} ({who})" for n, who in entries)
        out.append(FigureConflict(claim.id, event, summary, entries))
    return out


def _figure_text(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
