"""``datasette verifier.db`` shows a useful verdict table with no configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures_store import LEDGER_ADVANCE, claim_id, make_store

datasette_app = pytest.importorskip("datasette.app")


async def test_datasette_serves_the_verdict_table_view(tmp_path: Path) -> None:
    with make_store(tmp_path) as store:
        claim = claim_id(store, LEDGER_ADVANCE, 1)
        store.record_rating(claim, 2, reviewer="ana")
        store.record_note(claim, "toll from one NGO only", reviewer="ana")
        total = store.claim_count()
    ds = datasette_app.Datasette([str(tmp_path / "fixture.db")])
    await ds.invoke_startup()
    db = ds.get_database("fixture")
    assert "verdict_table" in await db.view_names()
    response = await ds.client.get("/fixture/verdict_table.json?_shape=array&_size=max")
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == total
    (rated,) = [r for r in rows if r["rating"] is not None]
    assert rated["claim_id"] == claim and rated["rating_name"] == "partly supported"
    assert rated["note"] == "toll from one NGO only" and rated["reviewer"] == "ana"
    assert rated["evidence_count"] == 3 and rated["reviewers"] == 1
    # Foreign keys let Datasette link claims to articles; FTS gives the sentences a search box.
    fks = await db.foreign_keys_for_table("claims")
    assert {fk["other_table"] for fk in fks} >= {"articles", "sentences"}
    assert await db.fts_table("sentences") == "sentences_fts"
    search = await ds.client.get("/fixture/sentences.json?_search=Tessaly&_shape=array")
    assert search.status_code == 200 and search.json()
