"""Ingest is a resumable job: an ingest killed anywhere, or stopped by a full disk, is
finished by the next run, which says so; ``verifier check`` finds nothing left to repair;
worker processes do not outlive a killed parent."""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from verifier.cli import main
from verifier.pipeline import ingest_paths
from verifier.store import Store, integrity, jobs
from verifier.store.chain import verify_chain
from verifier.store.schema import INDEXED_WHEN

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
FILES = [SAMPLE / name for name in sorted(os.listdir(SAMPLE)) if name[:2] in ("01", "04", "07")]
KILLS = 20


def _state(db: Path) -> dict[str, Any]:
    """What an ingest computes for each claim, in a comparable form."""
    with sqlite3.connect(db) as conn:
        claims = conn.execute(
            "SELECT c.id, c.attribution_status, round(c.priority, 9), c.independent_support,"
            " c.independent_contradict, (SELECT count(*) FROM evidence e WHERE e.claim_id = c.id)"
            " FROM claims c ORDER BY c.id"
        ).fetchall()
        terms = conn.execute("SELECT term, doc FROM term_counts ORDER BY term").fetchall()
        stages = conn.execute("SELECT DISTINCT stage FROM articles").fetchall()
    return {"claims": claims, "terms": terms, "stages": stages}


def _clean(db: Path) -> None:
    """What ``verifier check`` verifies, asserted."""
    with Store(db) as store:
        assert jobs.unfinished(store) == {}
        assert integrity.term_count_drift(store) == 0
        assert integrity.index_in_step(store)
        assert verify_chain(store.conn).problem is None
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _killed_ingest(db: Path, statement: int) -> bool:
    """Ingest ``FILES`` in a forked child that SIGKILLs itself at its ``statement``-th SQL
    statement; returns whether it was killed before finishing."""
    pid = os.fork()
    if pid == 0:  # the child: no cleanup of any kind may run
        try:
            count = 0

            def trace(_sql: str) -> None:
                nonlocal count
                count += 1
                if count == statement:
                    os.kill(os.getpid(), signal.SIGKILL)

            with Store(db) as store:
                store.conn.set_trace_callback(trace)
                ingest_paths(store, FILES, workers=1)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status)


def _statements(db: Path) -> int:
    count = 0

    def trace(_sql: str) -> None:
        nonlocal count
        count += 1

    with Store(db) as store:
        store.conn.set_trace_callback(trace)
        ingest_paths(store, FILES, workers=1)
    return count


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_anywhere_then_a_rerun_finishes_everything(tmp_path: Path) -> None:
    reference = tmp_path / "reference.db"
    with Store(tmp_path / "empty.db"):
        pass  # a migrated, empty database to start every round from
    shutil.copy(tmp_path / "empty.db", reference)
    total = _statements(reference)
    expected = _state(reference)
    assert expected["stages"] == [(jobs.SCORED,)] and expected["claims"]
    rng = random.Random(18)
    killed = 0
    for point in sorted(rng.sample(range(1, total), KILLS)):
        db = tmp_path / f"kill{point}.db"
        shutil.copy(tmp_path / "empty.db", db)
        killed += _killed_ingest(db, point)
        with Store(db) as store:
            report = ingest_paths(store, FILES, workers=1)
        assert report.errors == []
        assert _state(db) == expected, f"killed at statement {point} of {total}"
        _clean(db)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    assert killed == KILLS


def test_ingest_without_paths_finishes_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "v.db"
    with Store(db) as store:
        ingest_paths(store, FILES, corroborate=False, workers=1)  # stored, nothing after
        assert len(jobs.unfinished(store)) == len(FILES)
    assert main(["ingest", "--db", str(db), "--no-progress"]) == 0
    assert (
        f"finished {len(FILES)} articles an earlier ingest left undone" in capsys.readouterr().err
    )
    _clean(db)
    # Nothing named and nothing left: say what ingest wants.
    assert main(["ingest", "--db", str(db), "--no-progress"]) == 2
    assert "nothing is left unfinished" in capsys.readouterr().err


def test_check_reports_and_repairs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "v.db"
    with Store(db) as store:
        ingest_paths(store, FILES[:1], workers=1)
        ingest_paths(store, FILES[1:], corroborate=False, workers=1)
        store.conn.execute("UPDATE term_counts SET doc = doc + 7 WHERE term = 'in'")
        # A headline in the index, as statements run outside their transaction once left.
        store.conn.execute(
            "INSERT INTO sentences_fts (rowid, text)"
            f" SELECT id, text FROM sentences WHERE NOT {INDEXED_WHEN} LIMIT 1"
        )
    assert main(["check", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert f"unfinished work: {len(FILES) - 1} articles" in out
    assert "term counts: 1 terms out of step" in out
    assert "full-text index: out of step" in out
    assert main(["check", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "unfinished work: none" in out and "term counts: in step" in out
    assert "full-text index: in step" in out
    _clean(db)


def _run(args: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "verifier", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        **kw,
    )


def test_a_full_disk_ends_with_one_line_and_the_next_run_completes(tmp_path: Path) -> None:
    """``ulimit -f``: the database cannot grow past a size the ingest needs."""
    reference = tmp_path / "reference.db"
    with Store(reference) as store:
        ingest_paths(store, FILES, workers=1)
    expected = _state(reference)
    db = tmp_path / "v.db"
    with Store(db):
        pass
    limit = os.path.getsize(db) + 64 * 1024

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    full = _run(
        ["ingest", *map(str, FILES), "--db", str(db), "--no-progress"], preexec_fn=small_disk
    )
    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr
    lines = [ln for ln in full.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "disk full or I/O error" in lines[0], full.stderr
    again = _run(["ingest", *map(str, FILES), "--db", str(db), "--no-progress"])
    assert again.returncode == 0, again.stderr
    assert _state(db) == expected
    _clean(db)


WORKER_SCRIPT = """
import os, sys, time
from verifier.workers import ordered_map

def slow(x):
    time.sleep(60)
    return x

if __name__ == "__main__":
    for _ in ordered_map(slow, range(4), 2, window=1):
        pass
"""


def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "pool.py"
    script.write_text(WORKER_SCRIPT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], cwd=ROOT)
    try:
        children: list[int] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(children) < 2:
            time.sleep(0.1)
            out = subprocess.run(
                ["ps", "-o", "pid=", "--ppid", str(parent.pid)], capture_output=True, text=True
            )
            children = [int(p) for p in out.stdout.split()]
        assert len(children) >= 2
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 10
    alive = children
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [p for p in alive if _alive(p)]
    assert not alive, f"workers {alive} outlived their parent"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False
