"""A damaged database gives one line (CLI and TUI), and two processes opening a brand-new
database at once both migrate it safely."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures_store import make_store
from verifier.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


def _damage(db: Path) -> None:
    """Overwrite the middle third of the file's pages with garbage, as a bad disk would."""
    size = db.stat().st_size
    pages = size // 4096
    with open(db, "r+b") as f:
        for page in range(pages // 3, 2 * pages // 3):
            f.seek(page * 4096 + 100)
            f.write(bytes((page * 7 + i) % 251 for i in range(3000)))


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    with make_store(tmp_path) as store:
        store.record_rating(store.claim_ids()[0], 1, reviewer="ana")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = tmp_path / "fixture.db"
    _damage(db)
    return db


@pytest.mark.parametrize(
    "command",
    [["claims"], ["check"], ["export"], ["review", "--reviewer", "ana"], ["stats"]],
)
def test_a_damaged_database_is_one_line(
    damaged: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*command, "--db", str(damaged)])
    err = capsys.readouterr().err
    assert code in (1, 2), err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in err
    assert "damaged" in lines[0] or "malformed" in lines[0] or "database" in lines[0]


def test_two_ingests_race_on_a_new_database(tmp_path: Path) -> None:
    """Both processes migrate the same new file: once 'table articles already exists'."""
    for attempt in range(3):
        db = tmp_path / f"new{attempt}.db"
        runs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "verifier",
                    "ingest",
                    str(SAMPLE / name),
                    "--db",
                    str(db),
                    "--no-progress",
                ],
                cwd=ROOT,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            )
            for name in sorted(os.listdir(SAMPLE))[:2]
        ]
        for run in runs:
            _, err = run.communicate(timeout=300)
            assert run.returncode == 0, err
            assert "already exists" not in err
