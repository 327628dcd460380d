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
        if row["article"] == WIRE:
            # The claim's own article counts only through another source or the outlet's
            # caveat, never as the claim's source repeating itself.
            said = [r for r in row["reasons"] if str(r).startswith("source: ")]
            assert row["relation"] == "outlet_caveat" or (
                said and "health directorate" not in said[-1]
            ), row
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


def test_evidence_for_a_stored_claim_is_what_corroboration_stored(db: Path) -> None:
    """The CLI and the TUI must never disagree: typing a claim with its article gives the
    evidence the pipeline stored for it, own-article sentences from other sources included."""
    from verifier.corroborate.passages import search_evidence
    from verifier.text.terms import normalise_sentence

    with Store(db) as store:
        claims = store.claims_by_ids(store.claim_ids())
        by_article: dict[int, list[str]] = {}
        for c in claims:
            by_article.setdefault(c.article_id, []).append(normalise_sentence(c.content))
        compared = own_article = 0
        for claim in claims:
            text = normalise_sentence(claim.content)
            # Only claims the text picks out alone (no other claim of the article contains it).
            if sum(text in other or other in text for other in by_article[claim.article_id]) > 1:
                continue
            stored = [(e.sentence_id, e.relation, e.independent) for e in store.evidence(claim.id)]
            found = search_evidence(store, claim.content, article_name=claim.article_name)
            got = [(h.sentence_id, j.relation, j.independent) for h, j in found]
            assert got == stored, claim.content
            compared += 1
            own_article += sum(h.article_id == claim.article_id for h, _ in found)
    assert compared > 30 and own_article > 0
