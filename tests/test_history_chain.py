"""The verdict history proves itself: REPLACE/UPSERT refused, and any edit, deletion or
dropped table made outside verifier is found by ``verifier check``, which names the first
bad event."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures_store import make_store
from verifier.cli import main
from verifier.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    with make_store(tmp_path) as store:
        ids = store.claim_ids()
        for n, claim in enumerate(ids[:5]):
            store.record_rating(claim, 1 + n % 5, reviewer="ana")
            store.record_note(claim, f"note {n}", reviewer="ana")
    yield tmp_path / "fixture.db"


def outside(db: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection, as any tool outside verifier would open."""
    return sqlite3.connect(db, isolation_level=None)


def check(db: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["check", "--db", str(db), *extra])
    return code, capsys.readouterr().out


def test_an_intact_history_checks_clean(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check(db, capsys)
    assert code == 0 and "10 events, chain intact" in out


@pytest.mark.parametrize(
    "sql",
    [
        "REPLACE INTO verdict_events (id, claim_id, field, old, new, reviewer, at)"
        " SELECT id, claim_id, field, old, '5', reviewer, at FROM verdict_events WHERE id = 1",
        "INSERT OR REPLACE INTO verdict_events (id, claim_id, field, new, at)"
        " SELECT id, claim_id, field, '5', at FROM verdict_events WHERE id = 1",
        "INSERT INTO verdict_events (id, claim_id, field, new, at)"
        " SELECT id, claim_id, field, '5', at FROM verdict_events WHERE id = 1"
        " ON CONFLICT (id) DO UPDATE SET new = '5'",
        "UPDATE verdict_events SET new = '5' WHERE id = 1",
        "DELETE FROM verdict_events WHERE id = 1",
    ],
)
def test_rewrites_are_refused(db: Path, sql: str, capsys: pytest.CaptureFixture[str]) -> None:
    with outside(db) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute(sql)
    assert check(db, capsys)[0] == 0


def test_an_outside_tool_cannot_append_an_event(db: Path) -> None:
    """The chain's hash function exists only in verifier's connections."""
    with outside(db) as conn, pytest.raises(sqlite3.OperationalError):
        conn.execute(
            "INSERT INTO verdict_events (claim_id, field, new, at)"
            " SELECT claim_id, 'rating', '5', at FROM verdict_events LIMIT 1"
        )


def _forge(db: Path, *statements: str) -> None:
    """Rewrite history the way an attacker with the sqlite3 shell would: drop the guards."""
    with outside(db) as conn:
        for trigger in ("no_update", "no_delete", "no_replace", "chain"):
            conn.execute(f"DROP TRIGGER IF EXISTS verdict_events_{trigger}")
        for sql in statements:
            conn.execute(sql)


@pytest.mark.parametrize(
    ("statements", "first_bad", "words"),
    [
        (["UPDATE verdict_events SET new = '5' WHERE id = 3"], 3, "changed"),
        (["DELETE FROM verdict_events WHERE id = 4"], 5, "deleted"),
        (["DELETE FROM verdict_events WHERE id = 1"], 2, "deleted"),
        (
            [
                "REPLACE INTO verdict_events (id, claim_id, field, old, new, reviewer, at)"
                " SELECT id, claim_id, field, old, '5', reviewer, at FROM verdict_events"
                " WHERE id = 7"
            ],
            7,
            "",
        ),
    ],
)
def test_check_names_the_first_bad_event(
    db: Path,
    statements: list[str],
    first_bad: int,
    words: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _forge(db, *statements)
    code, out = check(db, capsys)
    assert code == 1
    assert re.search(rf"\bevent {first_bad}\b", out), out
    assert words in out


def test_a_deleted_tail_and_a_dropped_table_are_found(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _forge(db, "DELETE FROM verdict_events WHERE id >= 9")
    code, out = check(db, capsys)
    assert code == 1 and "10 events but 8 are left" in out
    _forge(db, "DROP TABLE reviews", "DROP TABLE verdict_events")
    code, out = check(db, capsys)
    assert code == 1 and "verdict_events is missing" in out


def test_a_dropped_guard_is_found(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _forge(db)
    code, out = check(db, capsys)
    assert code == 1 and "guard triggers are missing" in out


def test_an_exported_head_verifies_later(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "v.csv"
    assert main(["export", "--db", str(db), "-o", str(out_file), "--chain-head"]) == 0
    head = re.search(r"head (sha256:[0-9a-f]{64})", capsys.readouterr().err)
    assert head
    with Store(db) as store:
        store.record_rating(store.claim_ids()[-1], 3, reviewer="ben")
    code, out = check(db, capsys, "--head", head.group(1))
    assert code == 0 and "after event 10" in out
    assert check(db, capsys, "--head", "sha256:" + "0" * 64)[0] == 1


def test_existing_history_is_chained_by_the_migration(tmp_path: Path) -> None:
    """A database from before the chain: its events get hashes in id order."""
    from verifier.store import chain

    with make_store(tmp_path) as store:
        claim = store.claim_ids()[0]
        store.record_rating(claim, 2, reviewer="ana")
        store.record_rating(claim, 3, reviewer="ana")
        conn = store.conn
        for trigger in ("no_update", "no_replace", "chain"):  # what the migration (re)makes
            conn.execute(f"DROP TRIGGER verdict_events_{trigger}")
        conn.execute("DROP TABLE verdict_chain")
        conn.execute("ALTER TABLE verdict_events DROP COLUMN hash")
        conn.execute("ALTER TABLE verdict_events DROP COLUMN prev_hash")
        chain.install(conn)
        report = chain.verify_chain(conn)
        assert report.problem is None and report.events == 2
