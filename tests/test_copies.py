"""Identical text from another source is stored as a verbatim copy, never dropped."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from verifier.pipeline import ingest_paths
from verifier.store import Store
from verifier.store.clusters import cluster_of
from verifier.store.schema import MIGRATIONS, _article_sources

BODY = (
    "Dam strike kills four\n\n"
    "A missile struck the Kessan dam on Friday, killing four workers, according to the river "
    "authority. The ministry denied any role in the attack, state television reported.\n\n"
    "Residents of Lower Kessan said the water level in the reservoir had fallen by a metre "
    "overnight, and the authority said engineers were inspecting the spillway."
)


def article(folder: Path, name: str, outlet: str, url: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    head = f"outlet: {outlet}\n" + (f"url: {url}\n" if url else "")
    path = folder / name
    path.write_text(f"---\n{head}---\n\n{BODY}\n", encoding="utf-8")
    return path


def claims_of(store: Store, article_id: int) -> list[str]:
    rows = store._query(
        "SELECT content FROM claims WHERE article_id = ? ORDER BY position", [article_id]
    )
    return [r[0] for r in rows]


def ids_of(store: Store, article_id: int) -> list[str]:
    rows = store._query(
        "SELECT id FROM claims WHERE article_id = ? ORDER BY position", [article_id]
    )
    return [r[0] for r in rows]


def test_a_syndicated_copy_is_stored_and_marked_a_copy_of_the_first(tmp_path: Path) -> None:
    first = article(tmp_path / "wire", "dam.md", "Meridian Press")
    copy = article(tmp_path / "desk", "dam-copy.md", "Greyhaven Times")
    with Store(tmp_path / "v.db") as store:
        report = ingest_paths(store, [first, copy])
        assert report.added == 2 and report.duplicates == 0
        original = store.article_by_name("dam.md")
        repeat = store.article_by_name("dam-copy.md")
        assert original is not None and repeat is not None
        assert original.verbatim_of is None and repeat.verbatim_of == original.id
        assert repeat.outlet == "Greyhaven Times" and repeat.text == original.text
        # The copy joins its original: one story, linked as a copy, its own claims.
        assert repeat.copy_of == original.id and repeat.copy_kind == "copy"
        assert repeat.story_id == original.story_id is not None
        assert claims_of(store, repeat.id) == claims_of(store, original.id) != []
        # ... and each of its claims joins the original's claim cluster.
        for a, b in zip(ids_of(store, original.id), ids_of(store, repeat.id), strict=True):
            assert b in cluster_of(store, a).claim_ids
        # The very same sources again: nothing new.
        again = ingest_paths(store, [first, copy])
        assert again.added == 0 and again.duplicates == 2
        assert store.article_count() == 2


def test_same_file_by_another_path_spelling_is_the_same_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = article(tmp_path / "wire", "dam.md", "Meridian Press")
    monkeypatch.chdir(tmp_path)
    with Store(tmp_path / "v.db") as store:
        assert ingest_paths(store, [Path("wire") / "dam.md"]).added == 1
        assert ingest_paths(store, [path]).added == 0
        assert ingest_paths(store, [Path(os.curdir) / "wire"]).added == 0


def test_same_url_is_the_same_source(tmp_path: Path) -> None:
    url = "https://meridian.example/dam"
    one = article(tmp_path / "a", "dam.md", "Meridian Press", url)
    two = article(tmp_path / "b", "saved.md", "Meridian Press", url)
    with Store(tmp_path / "v.db") as store:
        report = ingest_paths(store, [one, two])
        assert report.added == 1 and report.duplicates == 1


def test_a_copy_under_the_same_file_name_keeps_the_original_claims(tmp_path: Path) -> None:
    one = article(tmp_path / "monday", "dam.md", "Meridian Press")
    two = article(tmp_path / "tuesday", "dam.md", "Greyhaven Times")
    with Store(tmp_path / "v.db") as store:
        assert ingest_paths(store, [one, two]).added == 2
        names = [a.name for a in store.articles()]
        assert names == ["dam.md", "dam.md (2)"]
        first, second = store.articles()
        assert claims_of(store, first.id) == claims_of(store, second.id) != []
        assert second.verbatim_of == first.id


def test_identical_records_of_one_feed_are_each_stored(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [{"text": BODY, "outlet": "Meridian Press"}, {"text": BODY, "outlet": "Coastmere"}]
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with Store(tmp_path / "v.db") as store:
        assert ingest_paths(store, [feed]).added == 2
        assert ingest_paths(store, [feed]).added == 0
        first, second = store.articles()
        assert second.verbatim_of == first.id


def test_a_database_from_before_gets_sources_and_stays_idempotent(tmp_path: Path) -> None:
    """Upgrading: stored articles count as their own sources, so re-ingest adds nothing."""
    path = article(tmp_path / "wire", "dam.md", "Meridian Press")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": BODY + " Two."}) + "\n" + json.dumps({"text": BODY}))
    db = tmp_path / "v.db"
    with Store(db) as store:
        ingest_paths(store, [path, feed])
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET source = NULL, verbatim_of = NULL")
    conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(_article_sources)}")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert [a.source for a in store.articles()] == [str(path), f"{feed}#0", f"{feed}#1"]
        assert ingest_paths(store, [path, feed]).added == 0
