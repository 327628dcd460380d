"""Two reviewers at once on one database: no lost verdict, no "database is locked"."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures_store import LEDGER_ADVANCE, claim_id, make_store
from verifier.store import StaleVerdictError, Store

ROOT = Path(__file__).resolve().parents[1]
PER_WRITER = 500


def test_two_writers_lose_nothing(tmp_path: Path) -> None:
    make_store(tmp_path).close()
    db = tmp_path / "fixture.db"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.verdict_writer", str(db), name, str(PER_WRITER), name],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for name in ("ana", "ben")
    ]
    results = [p.communicate(timeout=120) for p in procs]
    rates = []
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err.lower() and "busy" not in err.lower(), err
        assert len(out.splitlines()) == PER_WRITER
        rates.append(float(re.search(r"rate ([\d.]+)", err).group(1)))  # type: ignore[union-attr]
    print(f"verdicts/s per writer: {rates}")
    with Store(db) as store:
        for name in ("ana", "ben"):
            notes = {
                r[0]
                for r in store.conn.execute(
                    "SELECT note FROM verdict_events WHERE reviewer = ? AND field = 'rating'",
                    (name,),
                )
            }
            assert notes == {f"{name}-{i}" for i in range(PER_WRITER)}
        # The current verdict of every claim is the last event written to it, by either.
        for claim, rating, reviewer in store.conn.execute(
            "SELECT claim_id, rating, reviewer FROM verdicts"
        ):
            last = store.history(claim)[-1]
            assert (last.new, last.reviewer) == (str(rating), reviewer)


def test_a_second_reviewer_is_told_not_overwritten(tmp_path: Path) -> None:
    """The TUI passes the ``verdict_at`` it showed; a change by another process since then
    raises instead of being silently overwritten."""
    make_store(tmp_path).close()
    db = tmp_path / "fixture.db"
    with Store(db) as one, Store(db) as two:
        claim = claim_id(one, LEDGER_ADVANCE, 1)
        s1, s2 = one.start_session("ana"), two.start_session("ben")
        shown_to_ana = one.claim(claim)
        shown_to_ben = two.claim(claim)
        assert shown_to_ana is not None and shown_to_ben is not None
        one.record_rating(claim, 1, reviewer="ana", session_id=s1.id, seen_at=None)
        with pytest.raises(StaleVerdictError) as info:
            two.record_rating(
                claim, 5, reviewer="ben", session_id=s2.id, seen_at=shown_to_ben.verdict_at
            )
        assert info.value.reviewer == "ana"
        assert one.verdict(claim).rating == 1  # type: ignore[union-attr]
        fresh = two.claim(claim)
        assert fresh is not None
        two.record_rating(claim, 5, reviewer="ben", session_id=s2.id, seen_at=fresh.verdict_at)
        assert [e.new for e in one.history(claim)] == ["1", "5"]


def test_begin_retries_while_another_connection_holds_the_lock(tmp_path: Path) -> None:
    """With a tiny busy timeout a held write lock would raise at once; the store retries
    until its own deadline instead of showing "database is locked"."""
    import threading

    make_store(tmp_path).close()
    db = tmp_path / "fixture.db"
    blocker = Store(db)
    store = Store(db, timeout=5.0)
    store.conn.execute("PRAGMA busy_timeout = 1")
    claim = claim_id(store, LEDGER_ADVANCE, 0)
    blocker.conn.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: blocker.conn.execute("COMMIT"))
    release.start()
    try:
        store.record_rating(claim, 2, reviewer="ana")
    finally:
        release.join()
        blocker.close()
    assert store.verdict(claim).rating == 2  # type: ignore[union-attr]
    store.close()
