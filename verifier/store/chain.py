"""The verdict history proves itself: a hash chain over ``verdict_events``.

Triggers already refuse UPDATE, DELETE and (since this chain) REPLACE/UPSERT on past events,
but anyone with the file and the ``sqlite3`` shell can drop a trigger or the table. So each
event also stores the hash of the event before it (``prev_hash``) and a hash of its own
content and that link (``hash``), and ``verdict_chain`` keeps the number of events and the
last hash. ``verify_chain`` walks the events and names the first one that was edited, the
first gap (deleted events) or a truncated tail; a chain head published with an export can
be checked later against the database it came from (``head_in_chain``).

The hash is computed by a SQL function this module registers on every verifier connection,
so a tool that does not know it cannot even append an event.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from verifier.store.db import Store

HASH_FUNCTION = "verifier_event_hash"
EVENT_COLUMNS: tuple[str, ...] = (
    "id",
    "claim_id",
    "field",
    "old",
    "new",
    "reviewer",
    "session_id",
    "at",
    "note",
    "undoes",
)
GUARD_TRIGGERS: tuple[str, ...] = (
    "verdict_events_no_update",
    "verdict_events_no_delete",
    "verdict_events_no_replace",
    "verdict_events_chain",
)


def event_hash(prev: str | None, *values: object) -> str:
    """sha256 over the previous hash and the event's columns (``EVENT_COLUMNS`` order)."""
    payload = json.dumps([prev, *values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def register(conn: sqlite3.Connection) -> None:
    """Make the chain's hash function available on ``conn`` (before any event is written)."""
    conn.create_function(HASH_FUNCTION, 1 + len(EVENT_COLUMNS), event_hash, deterministic=True)


def _columns(prefix: str) -> str:
    return ", ".join(f"{prefix}.{c}" for c in EVENT_COLUMNS)


def install(conn: sqlite3.Connection) -> None:
    """Add the chain to a database (a migration): columns, head table, triggers, and the
    hashes of events written before it, in id order. A database that has it is left alone
    (a version number set back by hand must not chain twice)."""
    register(conn)
    if any(r[1] == "hash" for r in conn.execute("PRAGMA table_info(verdict_events)")):
        return
    conn.execute("ALTER TABLE verdict_events ADD COLUMN prev_hash TEXT")
    conn.execute("ALTER TABLE verdict_events ADD COLUMN hash TEXT")
    conn.execute(
        "CREATE TABLE verdict_chain (id INTEGER PRIMARY KEY CHECK (id = 1),"
        " events INTEGER NOT NULL, head TEXT)"
    )
    conn.execute("DROP TRIGGER IF EXISTS verdict_events_no_update")
    prev: str | None = None
    count = 0
    rows = conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM verdict_events ORDER BY id")
    for row in rows.fetchall():
        digest = event_hash(prev, *row)
        conn.execute(
            "UPDATE verdict_events SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, row[0])
        )
        prev, count = digest, count + 1
    conn.execute("INSERT INTO verdict_chain (id, events, head) VALUES (1, ?, ?)", (count, prev))
    same = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in EVENT_COLUMNS)
    # The one update allowed: the chain trigger filling in a new event's hashes.
    conn.execute(
        f"""
        CREATE TRIGGER verdict_events_no_update BEFORE UPDATE ON verdict_events
        WHEN NOT (OLD.hash IS NULL AND OLD.prev_hash IS NULL AND {same})
        BEGIN SELECT RAISE(ABORT, 'verdict_events is append-only'); END
        """
    )
    # REPLACE deletes the old row without firing DELETE triggers: refuse a taken id outright.
    conn.execute(
        """
        CREATE TRIGGER verdict_events_no_replace BEFORE INSERT ON verdict_events
        WHEN EXISTS (SELECT 1 FROM verdict_events WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'verdict_events is append-only'); END
        """
    )
    conn.execute(
        f"""
        CREATE TRIGGER verdict_events_chain AFTER INSERT ON verdict_events
        BEGIN
            UPDATE verdict_events SET
                prev_hash = (SELECT head FROM verdict_chain WHERE id = 1),
                hash = {HASH_FUNCTION}((SELECT head FROM verdict_chain WHERE id = 1),
                                       {_columns("NEW")})
            WHERE id = NEW.id;
            UPDATE verdict_chain SET events = events + 1,
                head = (SELECT hash FROM verdict_events WHERE id = NEW.id)
            WHERE id = 1;
        END
        """
    )


@dataclass(frozen=True, slots=True)
class ChainReport:
    """What ``verify_chain`` found: ``problem`` is ``None`` for an intact history."""

    events: int
    head: str | None
    problem: str | None = None
    first_bad: int | None = None  # the id of the first event that fails


def verify_chain(conn: sqlite3.Connection) -> ChainReport:
    """Walk the history in id order and report the first thing that does not hold."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "verdict_events" not in tables:
        return ChainReport(0, None, "the verdict history table verdict_events is missing")
    if "verdict_chain" not in tables:
        return ChainReport(0, None, "the chain head table verdict_chain is missing")
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    missing = [t for t in GUARD_TRIGGERS if t not in triggers]
    head_row = conn.execute("SELECT events, head FROM verdict_chain WHERE id = 1").fetchone()
    recorded_events, recorded_head = (head_row[0], head_row[1]) if head_row else (None, None)
    prev: str | None = None
    count = 0
    query = f"SELECT {', '.join(EVENT_COLUMNS)}, prev_hash, hash FROM verdict_events ORDER BY id"
    for row in conn.execute(query):
        values, stored_prev, stored = tuple(row[: len(EVENT_COLUMNS)]), row[-2], row[-1]
        event_id = values[0]
        where = f"event {event_id} (claim {values[1]}, {values[2]}, {values[7]})"
        if stored_prev != prev:
            what = (
                "events before it were deleted or reordered"
                if count == 0 or stored_prev is not None
                else "its link to the event before it was removed"
            )
            return ChainReport(count, prev, f"{where}: {what}", event_id)
        if stored != event_hash(prev, *values):
            return ChainReport(count, prev, f"{where}: changed after it was written", event_id)
        prev, count = stored, count + 1
    if recorded_events is None:
        return ChainReport(count, prev, "the chain head is missing from verdict_chain")
    if (recorded_events, recorded_head) != (count, prev):
        return ChainReport(
            count,
            prev,
            f"the chain head records {recorded_events} events but {count} are left:"
            " the latest events were deleted",
        )
    if missing:
        return ChainReport(
            count, prev, f"the history's guard triggers are missing: {', '.join(missing)}"
        )
    return ChainReport(count, prev)


def head_in_chain(conn: sqlite3.Connection, head: str) -> int | None:
    """How many events the history had when ``head`` was its head, or ``None`` when no event
    of this database has that hash (the published table and this history disagree)."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM verdict_events e WHERE e.id <= v.id)"
        " FROM verdict_events v WHERE v.hash = ?",
        (head.strip().lower().removeprefix("sha256:"),),
    ).fetchone()
    return None if row is None else int(row[0])


def verify_history(store: Store) -> ChainReport:
    """``verify_chain`` on a store's connection, under its lock."""
    with store._lock:
        return verify_chain(store.conn)


def history_head(store: Store) -> tuple[int, str | None]:
    """The number of events and the chain head as recorded (what an export publishes)."""
    with store._lock:
        row = store.conn.execute("SELECT events, head FROM verdict_chain WHERE id = 1").fetchone()
    return (int(row[0]), row[1]) if row else (0, None)


def published_head(store: Store, head: str) -> int | None:
    """``head_in_chain`` on a store."""
    with store._lock:
        return head_in_chain(store.conn, head)
