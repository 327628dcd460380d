"""The command line end to end on the bundled sample corpus, as a user would run it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.store import ClaimFilter, open_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "sample.db"
    assert main(["ingest", str(SAMPLE), "--db", str(db), "--no-progress"]) == 0
    return db


def test_ingest_reports_one_summary_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "v.db"
    assert main(["ingest", str(SAMPLE), "--db", str(db), "--no-progress"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("ingested ")
    # Idempotent: the second run adds nothing.
    assert main(["ingest", str(SAMPLE), "--db", str(db), "--no-progress"]) == 0
    assert "ingested 0 articles" in capsys.readouterr().err
    with open_store(db) as store:
        assert store.article_count() >= 10
        assert store.claim_count() >= 60


def test_bad_files_are_reported_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "The ministry said the bridge at Kessan was closed on Monday.\n", encoding="utf-8"
    )
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (folder / "broken.json").write_text('{"text": ', encoding="utf-8")
    (folder / "empty.md").write_text("  \n", encoding="utf-8")
    db = tmp_path / "v.db"
    assert main(["ingest", str(folder), "--db", str(db), "--no-progress"]) == 0
    err = capsys.readouterr().err
    for name in ("binary.txt", "broken.json", "empty.md"):
        (line,) = [ln for ln in err.splitlines() if name in ln]
        assert "Traceback" not in line
    assert "ingested 1 article" in err
    with open_store(db) as store:
        assert store.article_count() == 1


def test_missing_path_and_bad_db_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "v.db")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope" in err
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 200)
    assert main(["export", "--db", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.db" in err


def test_extract_prints_scorer_ready_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SAMPLE), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) >= 60
    for row in rows:
        for key in ("doc", "sentence", "source", "cue", "content", "source_type", "stance"):
            assert key in row
        assert row["quote"] in ("direct", "partial", "indirect")
        assert "/" not in row["doc"]


def test_evidence_jsonl(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(sample_db) as store:
        claim = store.claims()[0]
    args = ["evidence", claim.content, "--article", claim.article_name, "--limit", "3"]
    assert main([*args, "--format", "jsonl", "--db", str(sample_db)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert 0 < len(rows) <= 3
    for row in rows:
        assert {"article", "outlet", "sentence", "score"} <= set(row)
        assert row["article"] != claim.article_name
    scores = [row["score"] for row in rows]
    assert scores == sorted(scores, reverse=True)


def test_evidence_unknown_article(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evidence", "dam", "--article", "missing.txt", "--db", str(sample_db)]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_export_csv_and_jsonl(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(sample_db) as store:
        # The export has one row per claim cluster: rate a claim that stands for its cluster,
        # as the queue offers it to a reviewer.
        first = store.claim_ids(ClaimFilter(clusters=True))[0]
        store.record_rating(first, 3, reviewer="ana", note="waiting on the ministry")
    out = tmp_path / "verdicts.csv"
    assert main(["export", "--format", "csv", "-o", str(out), "--db", str(sample_db)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    by_id = {r["claim_id"]: r for r in rows}
    assert by_id[first]["rating"] == "3" and by_id[first]["reviewer"] == "ana"
    for key in ("article", "source", "source_type", "cue", "content", "note", "time"):
        assert key in rows[0]
    capsys.readouterr()
    assert (
        main(["export", "--format", "jsonl", "--rating", "unproven", "--db", str(sample_db)]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["claim_id"] for line in lines] == [first]


def test_python_dash_m_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "verifier", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "ingest" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["claims"],
        ["stats"],
        ["export"],
        ["history", "abcd1234"],
        ["attributions", "abcd1234"],
        ["verdict", "abcd1234", "1"],
        ["evidence", "shelling"],
    ],
)
def test_reading_commands_refuse_a_missing_database(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "MISSING.db"
    assert main([*command, "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err == f"verifier: no database at {db}; run `verifier ingest` first\n"
    assert not db.exists()


def test_every_claim_command_takes_the_same_prefixes(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(sample_db) as store:
        ids = store.claim_ids()
    # The shortest prefix of at least 4 characters that names one claim.
    claim = ids[0]
    prefix = next(
        claim[:n] for n in range(4, len(claim)) if sum(i.startswith(claim[:n]) for i in ids) == 1
    )
    db = ["--db", str(sample_db)]
    capsys.readouterr()
    assert main(["attributions", prefix, "--format", "jsonl", *db]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["claim_id"] == claim
    assert main(["history", prefix, *db]) == 0
    assert capsys.readouterr().out.startswith(f"claim {claim}")
    assert main(["verdict", prefix, "unproven", "--reviewer", "ana", *db]) == 0
    assert capsys.readouterr().out.startswith(f"{claim}: verdict 3")
    assert main(["cluster", "show", prefix, "--format", "jsonl", *db]) == 0
    assert claim in capsys.readouterr().out
    unknown = (["attributions", "zzzz"], ["history", "zzzz"], ["verdict", "zzzz", "1"])
    for command in (*unknown, ["cluster", "show", "zzzz"]):
        assert main([*command, *db]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "no claim with id 'zzzz'" in err


def test_a_first_ingest_says_nothing_of_orphans_or_carried_verdicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The sample holds two versions of one article: the older one's claims are orphaned by
    # the newer, but nobody has rated them yet, so the summary has nothing to say about it.
    db = tmp_path / "v.db"
    assert main(["ingest", str(SAMPLE), "--db", str(db), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "orphan" not in err and "carried" not in err
    with open_store(db) as store:
        statuses = {c.status for c in store.claims()}
    assert "orphaned" in statuses
