"""Ingest as a resumable job: which stages each article has passed.

An article is stored (text, sentences, claims) in one transaction; the stages after it
(stories and evidence, who-said-it tracking, priorities) run over the whole batch and can be
cut short by a killed process or a full disk. ``articles.stage`` records the last stage an
article passed, so the next ``verifier ingest`` (or ``verifier check``) finishes exactly the
work that was left undone instead of leaving claims unjudged and the queue unordered.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from verifier.store.db import Store

STORED = 1
"""Text, sentences and claims are in (set by the insert itself: the column's default)."""
CORROBORATED = 2
"""Grouped into stories and copies; its stories' claims have judged evidence."""
TRACKED = 3
"""Its claims' appearances and attribution statuses are computed."""
SCORED = 4
"""Its claims' priorities are set: nothing left to do."""
STAGE_NAMES = {STORED: "stored", CORROBORATED: "corroborated", TRACKED: "tracked", SCORED: "done"}


def unfinished(store: Store) -> dict[int, int]:
    """Article id -> the last stage it passed, for every article not done."""
    rows = store._query("SELECT id, stage FROM articles WHERE stage < ? ORDER BY id", (SCORED,))
    return {int(r["id"]): int(r["stage"]) for r in rows}


def mark(store: Store, article_ids: Sequence[int], stage: int) -> None:
    """Record that these articles passed ``stage`` (never moving one backwards)."""
    if not article_ids:
        return
    with store.transaction() as conn:
        for start in range(0, len(article_ids), 500):
            chunk = list(article_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            conn.execute(
                f"UPDATE articles SET stage = ? WHERE stage < ? AND id IN ({marks})",
                (stage, stage, *chunk),
            )
