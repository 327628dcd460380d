"""Derived data checked against what it is derived from, and rebuilt when it drifted.

``term_counts`` and the full-text index are both kept in step with ``sentences`` by the
store's writes; a database written by an older verifier under a full disk (statements that
ran outside their transaction) could count sentences that were never stored. Both are pure
functions of the body sentences, so ``verifier check`` can always recompute them.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import TYPE_CHECKING

from verifier.store.schema import INDEXED_WHEN
from verifier.text.terms import sentence_terms

if TYPE_CHECKING:
    from verifier.store.db import Store


def _recount(store: Store) -> Counter[str]:
    counts: Counter[str] = Counter()
    for row in store._query(f"SELECT text FROM sentences WHERE {INDEXED_WHEN}"):
        counts.update(sentence_terms(row[0]))
    return counts


def term_count_drift(store: Store) -> int:
    """How many terms' stored sentence counts differ from a recount of the sentences."""
    counts = _recount(store)
    stored = {r[0]: int(r[1]) for r in store._query("SELECT term, doc FROM term_counts")}
    terms = set(counts) | set(stored)
    return sum(1 for t in terms if counts.get(t, 0) != stored.get(t, 0))


def repair_term_counts(store: Store) -> None:
    """Replace every term count with a recount, in one transaction."""
    counts = _recount(store)
    with store.transaction() as conn:
        conn.execute("DELETE FROM term_counts")
        conn.executemany("INSERT INTO term_counts (term, doc) VALUES (?, ?)", counts.items())


def index_in_step(store: Store) -> bool:
    """Does the full-text index hold exactly the units it should (``INDEXED_WHEN``)? FTS5's
    own check of its structure, then its per-row table (one row per indexed sentence)
    against those units. (FTS5's check against the content table cannot be used: the
    content table also holds the headings and bylines that are deliberately not indexed.)"""
    try:
        with store._lock:
            store.conn.execute(
                "INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')"
            )
    except sqlite3.DatabaseError:
        return False
    differ = store._query(
        f"SELECT 1 FROM (SELECT id FROM sentences WHERE {INDEXED_WHEN}"
        " EXCEPT SELECT id FROM sentences_fts_docsize)"
        " UNION ALL SELECT 1 FROM (SELECT id FROM sentences_fts_docsize"
        f" EXCEPT SELECT id FROM sentences WHERE {INDEXED_WHEN}) LIMIT 1"
    )
    return not differ


def rebuild_index(store: Store) -> None:
    """Re-index what the index holds (``INDEXED_WHEN``: body sentences and titles), never
    with FTS5's 'rebuild', which would index every kind."""
    with store.transaction() as conn:
        conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('delete-all')")
        conn.execute(
            f"INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences"
            f" WHERE {INDEXED_WHEN}"
        )


def file_problem(store: Store) -> str | None:
    """The first problem SQLite's page-level check finds in the file, or ``None`` when it is
    sound. Reads the whole file (about a second per few hundred MB)."""
    try:
        rows = store._query("PRAGMA quick_check(1)")
    except sqlite3.DatabaseError as exc:
        return " ".join(str(exc).split()) or type(exc).__name__
    result = str(rows[0][0]) if rows else "no answer"
    return None if result == "ok" else " ".join(result.split())
