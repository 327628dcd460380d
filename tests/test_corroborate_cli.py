"""``verifier evidence``: relation, independence and reasons per result; the batch form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.corroborate.compare import RELATIONS
from verifier.pipeline import ingest_paths
from verifier.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
WIRE = "01_wire_meridian-press_lissow-hospital-shelling.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "v.db"
    with Store(path) as store:
        ingest_paths(store, [SAMPLE])
    return path


def _rows(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_single_query_has_relation_independence_and_reasons(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["evidence", "killing at least nine people", "--article", WIRE, "--format", "jsonl"]
    assert main([*args, "--db", str(db)]) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows
    for row in rows:
        assert {"article", "outlet", "sentence", "score", "relation", "independent", "reasons"} <= (
            set(row)
        )
        assert row["relation"] in RELATIONS and isinstance(row["independent"], bool)
        assert row["article"] != WIRE
    copies = [r for r in rows if str(r["article"]).startswith(("02_", "03_"))]
    assert copies and all(not r["independent"] for r in copies)
    assert all(r["relation"] == "same_report" for r in copies)


def test_batch_lines_carry_their_id_and_bad_lines_are_reported(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = tmp_path / "q.jsonl"
    queries.write_text(
        json.dumps({"id": "a", "text": "two nurses were among the dead", "article": WIRE})
        + "\n\n{broken\n"
        + json.dumps({"id": 7, "text": "road bridge seized by fighters"})
        + "\n"
        + json.dumps({"id": "x", "text": "hospital", "article": "missing.txt"})
        + "\n",
        encoding="utf-8",
    )
    code = main(
        ["evidence", "--batch", str(queries), "--limit", "3", "--format", "jsonl", "--db", str(db)]
    )
    out, err = capsys.readouterr()
    assert code == 2
    rows = _rows(out)
    assert {r["id"] for r in rows} == {"a", 7}
    assert all(len([r for r in rows if r["id"] == i]) <= 3 for i in ("a", 7))
    assert f"{queries}:3: not JSON" in err
    assert f"{queries}:5: missing.txt" in err
    assert len(err.strip().splitlines()) == 2


def test_batch_or_text_but_not_both(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evidence", "--db", str(db)]) == 2
    assert main(["evidence", "x", "--batch", "q.jsonl", "--db", str(db)]) == 2
    assert main(["evidence", "--batch", "/nonexistent/q.jsonl", "--db", str(db)]) == 2
    assert "/nonexistent/q.jsonl" in capsys.readouterr().err


def test_text_output_shows_relation_and_strips_controls(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["evidence", "hospital shelling toll\x1b[31m", "--db", str(db), "--limit", "2"]) == 0
    )
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert any(rel in out for rel in RELATIONS)
    assert "independent" in out
