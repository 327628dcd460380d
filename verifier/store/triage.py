"""Read-only queries the triage screens need beyond the core ``Store`` API.

Kept out of ``db.py`` so the TUI's needs (filter choices, a source's track record, the stats
screen's tallies, a claim's figure conflicts) grow in one place without touching the shared
Store class. Every function takes a ``Store`` and returns plain records; no Textual.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from verifier.models import RATINGS
from verifier.store.db import ClaimFilter, Store


@dataclass(frozen=True, slots=True)
class FigureConflict:
    """Reports that give different figures for what looks like the same event."""

    event: str
    summary: str
    entries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tally:
    """One bar of a chart: a label, how many claims, and how many of them are rated."""

    label: str
    claims: int
    rated: int


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A canonical source across the corpus: its claims and the verdicts given so far."""

    name: str
    source_types: tuple[str, ...]
    claim_ids: tuple[str, ...]
    ratings: dict[int, int]  # rating -> how many of its claims have it
    grades: dict[str, int]  # Admiralty grade -> how many times reviewers gave it
    checks: dict[str, int]  # attribution check -> count
    total: int = 0  # all its claims (claim_ids may be cut to a limit)


def figure_conflicts(store: Store, claim_id: str) -> list[FigureConflict]:
    rows = store._query(
        "SELECT event, summary, entries FROM figure_conflicts WHERE claim_id = ? ORDER BY id",
        (claim_id,),
    )
    out = []
    for r in rows:
        try:
            raw = json.loads(r["entries"] or "[]")
        except ValueError:
            raw = []
        entries = tuple(
            e if isinstance(e, str) else json.dumps(e, ensure_ascii=False)
            for e in (raw if isinstance(raw, list) else [raw])
        )
        out.append(FigureConflict(r["event"] or "", r["summary"] or "", entries))
    return out


def conflict_counts(store: Store) -> dict[str, int]:
    """How many figure conflicts each claim is part of (claims with none are absent)."""
    rows = store._query("SELECT claim_id, count(*) FROM figure_conflicts GROUP BY claim_id")
    return {str(r[0]): int(r[1]) for r in rows}


def outlets(store: Store) -> list[str]:
    rows = store._query(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL AND outlet != ''"
        " ORDER BY outlet COLLATE NOCASE"
    )
    return [r[0] for r in rows]


def stories(store: Store) -> list[tuple[int, str]]:
    """``(story_id, label)`` for every story that has articles.

    A story is named by the title of its first article that has one (a reader knows a story
    by its headline, not by the file name the stored label was made from), with the number
    of articles; without any title, by the stored label.
    """
    rows = store._query(
        "SELECT s.id, coalesce(s.label, '') AS label, count(a.id) AS n,"
        " (SELECT t.title FROM articles t WHERE t.story_id = s.id"
        "  AND coalesce(t.title, '') != '' ORDER BY t.id LIMIT 1) AS title"
        " FROM stories s JOIN articles a ON a.story_id = s.id GROUP BY s.id ORDER BY s.id"
    )
    out = []
    for r in rows:
        n = int(r["n"])
        count = f"{n} article{'s' if n != 1 else ''}"
        name = r["title"] or r["label"] or f"story {r['id']}"
        out.append((int(r["id"]), f"{name} ({count})"))
    return out


def source_types(store: Store) -> list[str]:
    rows = store._query("SELECT DISTINCT source_type FROM claims ORDER BY source_type")
    return [r[0] for r in rows if r[0]]


_GROUPS = {
    "rating": "coalesce(v.rating, 0)",
    "source type": "c.source_type",
    "source": "coalesce(nullif(c.canonical_source, ''), c.source)",
    "outlet": "coalesce(a.outlet, '(no outlet)')",
}


def tallies(store: Store, by: str, *, limit: int = 12) -> list[Tally]:
    """Claims and rated claims grouped ``by`` one of rating, source type, source, outlet.

    Largest groups first (ratings in their own order); ``limit`` keeps a chart readable.
    """
    expr = _GROUPS[by]
    order = "key" if by == "rating" else "claims DESC, key"
    rows = store._query(
        f"SELECT {expr} AS key, count(*) AS claims, count(v.rating) AS rated"
        " FROM claims c JOIN articles a ON a.id = c.article_id"
        " LEFT JOIN verdicts v ON v.claim_id = c.id"
        f" GROUP BY key ORDER BY {order} LIMIT ?",
        (limit,),
    )
    out = []
    for r in rows:
        key = r["key"]
        if by == "rating":
            label = RATINGS.get(int(key), "not rated") if key else "not rated"
        else:
            label = str(key or "(none)")
        out.append(Tally(label, int(r["claims"]), int(r["rated"])))
    return out


def source_record(store: Store, canonical: str, *, limit: int = 200) -> SourceRecord:
    """Everything said in the name of ``canonical`` and what reviewers made of it."""
    where = "coalesce(nullif(c.canonical_source, ''), c.source) = ?"
    rows = store._query(
        f"SELECT c.id, c.source_type, v.rating, v.source_grade, v.attribution_check"
        f" FROM claims c LEFT JOIN verdicts v ON v.claim_id = c.id WHERE {where}"
        " ORDER BY c.priority DESC, c.article_id, c.position",
        (canonical,),
    )
    ratings: dict[int, int] = {}
    grades: dict[str, int] = {}
    checks: dict[str, int] = {}
    types: list[str] = []
    for r in rows:
        if r["rating"] is not None:
            ratings[int(r["rating"])] = ratings.get(int(r["rating"]), 0) + 1
        if r["source_grade"]:
            grades[r["source_grade"]] = grades.get(r["source_grade"], 0) + 1
        if r["attribution_check"]:
            checks[r["attribution_check"]] = checks.get(r["attribution_check"], 0) + 1
        if r["source_type"] and r["source_type"] not in types:
            types.append(r["source_type"])
    ids = tuple(r["id"] for r in rows[:limit])
    return SourceRecord(canonical, tuple(types), ids, ratings, grades, checks, len(rows))


def queue_rows(store: Store, flt: ClaimFilter | None = None) -> list[tuple[str, bool]]:
    """``(claim_id, rated)`` in queue order: the whole state a 100k-claim queue needs to
    open, read without loading a single record."""
    ids, rated = queue_order(store, flt)
    return [(claim_id, claim_id in rated) for claim_id in ids]


def queue_order(store: Store, flt: ClaimFilter | None = None) -> tuple[list[str], set[str]]:
    """The queue's claim ids in order, and the ids that have a rating (of any claim).

    The ids come from the covering queue index alone (tables are joined only when the
    filter names their columns) and the rated set from the verdicts table, so opening the
    queue does no per-claim lookups. Rows come back as plain tuples, not ``sqlite3.Row``:
    at 100k claims building the Row objects took two thirds of the read, and this read is
    what the review screen's first paint waits for.
    """
    where, params = store._where(flt)
    joins = ""
    if re.search(r"(?<![\w.])a\.", where):
        joins += " JOIN articles a ON a.id = c.article_id"
    if re.search(r"(?<![\w.])v\.", where):
        joins += " LEFT JOIN verdicts v ON v.claim_id = c.id"
    order = "c.article_id, c.position"
    if flt is None or flt.sort != "article":
        order = "c.priority DESC, " + order
    with store._lock:
        cursor = store.conn.cursor()
        cursor.row_factory = None
        cursor.execute(f"SELECT c.id FROM claims c{joins}{where} ORDER BY {order}", params)
        ids = [row[0] for row in cursor]
        cursor.execute("SELECT claim_id FROM verdicts WHERE rating IS NOT NULL")
        rated = {row[0] for row in cursor}
    return ids, rated


def open_reader(store: Store) -> Store:
    """A second connection to the same database for reads a user waits on.

    In WAL mode a reader on its own connection never waits for a writer's commit; on the
    shared connection it would queue behind the verdict's fsync. An in-memory database has
    no second connection, so it gets the same store back.
    """
    if store.path in ("", ":memory:") or store.path.startswith("file:"):
        return store
    return Store(store.path)


def set_priorities(store: Store, scores: Sequence[tuple[str, float]]) -> None:
    """Write each claim's check-worthiness, all in one transaction (one fsync per ingest)."""
    if scores:
        with store.transaction() as conn:
            conn.executemany(
                "UPDATE claims SET priority = ? WHERE id = ?", [(p, c) for c, p in scores]
            )
