"""Crash safety: a verdict the store reported committed survives SIGKILL of its process.

One transaction per verdict, WAL, ``synchronous = FULL``: a process killed at any moment
leaves either the whole verdict (event and current value) or none of it, and never one that
it had already confirmed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fixtures_store import make_store
from verifier.store import Store

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _writer(db: Path, reviewer: str, count: int, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.verdict_writer", str(db), reviewer, str(count), tag],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_sigkill_never_loses_a_committed_verdict(tmp_path: Path) -> None:
    make_store(tmp_path).close()
    db = tmp_path / "fixture.db"
    rng = random.Random(6)
    promised: list[str] = []
    for round_ in range(5):
        proc = _writer(db, f"r{round_}", 1_000_000, f"round{round_}")
        assert proc.stdout is not None
        first = proc.stdout.readline()  # the store is open and writing
        assert first.startswith(f"round{round_}-"), proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        # Only whole lines were promised: a line cut off by the kill was never confirmed.
        lines = (first + out).split("\n")[:-1]
        assert lines, "the writer confirmed nothing before it was killed"
        promised += lines
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = {r[0] for r in store.conn.execute("SELECT note FROM verdict_events")}
        missing = [p for p in promised if p not in notes]
        assert not missing, f"{len(missing)} confirmed verdicts lost, e.g. {missing[:3]}"
        # Each event's verdict landed with it: the current verdicts match the last events.
        for claim_id, rating in store.conn.execute("SELECT claim_id, rating FROM verdicts"):
            last = store.history(claim_id)[-1]
            assert last.field == "rating" and last.new == str(rating)
    assert len(promised) >= 5
