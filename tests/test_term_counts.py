"""The store's per-term sentence counts: the IDF retrieval ranks a claim's words by.

They replace ``fts5vocab`` lookups (which read a term's whole posting list each time), so
they must say exactly what the full-text index would say, stay right through rolled-back
articles, and be rebuilt for a database written before they existed.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from verifier.ingest import read_documents
from verifier.pipeline import ingest_paths
from verifier.store import Store
from verifier.store.schema import (
    INDEXED_WHEN,
    MIGRATIONS,
    SCHEMA_VERSION,
    _body_index_and_term_counts,
    _claim_kind,
    _index_titles,
)
from verifier.text import analyse
from verifier.text.terms import sentence_terms

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def _stored(store: Store) -> dict[str, int]:
    return {r[0]: r[1] for r in store.conn.execute("SELECT term, doc FROM term_counts")}


def _recounted(store: Store) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for (text,) in store.conn.execute(f"SELECT text FROM sentences WHERE {INDEXED_WHEN}"):
        counts.update(sentence_terms(text))
    return dict(counts)


def _fts_vocabulary(store: Store) -> dict[str, int]:
    return {r[0]: r[1] for r in store.conn.execute("SELECT term, doc FROM sentences_fts_vocab")}


def _indexed_kinds(conn: sqlite3.Connection) -> set[str]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT s.kind FROM sentences s WHERE s.id IN"
            " (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)",
            ('"by" OR "the" OR "a" OR "said"',),
        )
    }


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("terms") / "sample.db"
    with Store(path) as store:
        report = ingest_paths(store, [SAMPLE], corroborate=False, workers=1)
        assert report.added == 12 and not report.errors
    return path


def test_counts_equal_the_full_text_index(sample_db: Path) -> None:
    """Every term the index holds, with the same sentence count: SQLite's own tokenizer
    and the store's mirror of it agree over the whole sample corpus."""
    with Store(sample_db) as store:
        stored = _stored(store)
        assert len(stored) > 500
        assert stored == _fts_vocabulary(store)
        assert stored == _recounted(store)
        assert _indexed_kinds(store.conn) == {"body", "headline"}  # titles; never bylines


def test_document_frequencies_read_the_counts(sample_db: Path) -> None:
    with Store(sample_db) as store:
        stored = _stored(store)
        common = max(stored, key=lambda term: stored[term])
        assert store.document_frequencies([common, "zzznotaword"]) == {common: stored[common]}


def test_a_rolled_back_article_takes_its_counts_with_it(tmp_path: Path) -> None:
    """An article that fails inside a batch rolls back alone; its words were never stored."""
    first, second = sorted(SAMPLE.glob("*.txt"))[:2]
    with Store(tmp_path / "t.db") as store:
        ingest_paths(store, [first], corroborate=False, workers=1)
        before = _stored(store)
        analysed = analyse(read_documents(second)[0])
        with store.transaction(), pytest.raises(RuntimeError), store.transaction():
            assert store.add_analysed(analysed) is not None
            raise RuntimeError("this article fails after its rows were written")
        assert _stored(store) == before == _recounted(store)
        # The same article stored for real adds exactly its own sentences' terms.
        with store.transaction(), store.transaction():
            store.add_analysed(analysed)
        assert _stored(store) == _recounted(store) != before


def test_a_failed_batch_leaves_no_counts(tmp_path: Path) -> None:
    analysed = analyse(read_documents(sorted(SAMPLE.glob("*.txt"))[0])[0])
    with Store(tmp_path / "t.db") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.add_analysed(analysed)
            raise RuntimeError("the batch fails before it commits")
        assert _stored(store) == {}
        store.add_analysed(analysed)  # its own transaction
        assert _stored(store) == _recounted(store) != {}


def test_a_database_from_before_the_counts_gets_them(sample_db: Path, tmp_path: Path) -> None:
    """Opening a schema-6 database counts its existing sentences once (and its titles)."""
    old = tmp_path / "old.db"
    source = sqlite3.connect(sample_db)
    source.backup(target := sqlite3.connect(old))
    source.close()
    target.execute("DROP TABLE term_counts")
    # Schema 6 indexed every kind of sentence.
    target.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')")
    assert {"body", "headline", "byline"} <= _indexed_kinds(target)
    # (Later migrations come after the counts; they run again on top of what is there.)
    target.execute(f"PRAGMA user_version = {MIGRATIONS.index(_body_index_and_term_counts)}")
    target.commit()
    target.close()
    with Store(old) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert _stored(store) == _recounted(store) == _fts_vocabulary(store)
        assert _indexed_kinds(store.conn) == {"body", "headline"}


def test_a_database_from_before_titles_gets_them_indexed(sample_db: Path, tmp_path: Path) -> None:
    """Opening a database from before titles (body sentences only) indexes and counts them."""
    old = tmp_path / "old7.db"
    source = sqlite3.connect(sample_db)
    source.backup(target := sqlite3.connect(old))
    source.close()
    titles = target.execute(
        "SELECT id, text FROM sentences WHERE kind = 'headline' AND idx = 0"
    ).fetchall()
    assert titles
    for rowid, text in titles:
        target.execute(
            "INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', ?, ?)",
            (rowid, text),
        )
    target.execute("DELETE FROM term_counts")
    counts: Counter[str] = Counter()
    for (text,) in target.execute("SELECT text FROM sentences WHERE kind = 'body'"):
        counts.update(sentence_terms(text))
    target.executemany("INSERT INTO term_counts (term, doc) VALUES (?, ?)", counts.items())
    assert _indexed_kinds(target) == {"body"}
    target.execute(f"PRAGMA user_version = {MIGRATIONS.index(_index_titles)}")
    target.commit()
    target.close()
    with Store(old) as store:
        assert _indexed_kinds(store.conn) == {"body", "headline"}
        assert _stored(store) == _recounted(store) == _fts_vocabulary(store)


def test_counts_equal_the_index_on_real_news(tmp_path: Path) -> None:
    """The same agreement on the shared seeds (real text: typographic quotes, dashes)."""
    seeds = SAMPLE.parent.parent.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared is not available")
    with Store(tmp_path / "seeds.db") as store:
        ingest_paths(store, [seeds], corroborate=False, workers=1)
        stored = _stored(store)
        assert stored and stored == _fts_vocabulary(store) == _recounted(store)


def test_a_database_from_before_kinds_gets_each_claims_kind(
    sample_db: Path, tmp_path: Path
) -> None:
    """Opening a database from before kinds gives its stored claims the kind their cue makes."""
    old = tmp_path / "old.db"
    source = sqlite3.connect(sample_db)
    source.backup(target := sqlite3.connect(old))
    source.close()
    target.execute("ALTER TABLE claims DROP COLUMN kind")
    target.execute(f"PRAGMA user_version = {MIGRATIONS.index(_claim_kind)}")
    target.commit()
    target.close()
    with Store(old) as store:
        kinds = dict(store.conn.execute("SELECT cue, kind FROM claims").fetchall())
    assert kinds["said"] == "speech" and kinds["accused"] == "position"
