"""The database schema as an ordered list of migrations.

``PRAGMA user_version`` records how many migrations a database has seen, so opening an older
verifier.db upgrades it in place and a newer one is refused instead of being misread. Later
issues append migrations; they never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]


def _v1_core(db: sqlite_utils.Database) -> None:
    """Articles, their sentences (FTS5), claims, evidence and the verdict tables."""
    db.table("articles").create(
        {
            "id": int,
            "name": str,
            "path": str,
            "content_hash": str,
            "title": str,
            "outlet": str,
            "url": str,
            "published": str,
            "byline": str,
            "fmt": str,
            "text": str,
            "ingested_at": str,
        },
        pk="id",
        not_null={"name", "content_hash", "text", "ingested_at"},
    )
    db.table("articles").create_index(["content_hash"], unique=True)
    db.table("articles").create_index(["name"])

    db.table("sentences").create(
        {
            "id": int,
            "article_id": int,
            "idx": int,
            "paragraph": int,
            "kind": str,
            "start": int,
            "end": int,
            "text": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "idx", "kind", "start", "end", "text"},
    )
    db.table("sentences").create_index(["article_id", "idx"], unique=True)
    # Porter stemming lets "killing" find "killed"; triggers keep the index in step.
    db.table("sentences").enable_fts(
        ["text"], tokenize="porter unicode61 remove_diacritics 2", create_triggers=True
    )
    # Document frequencies per stemmed term: the IDF that picks a claim's rarest words.
    db.execute("CREATE VIRTUAL TABLE sentences_fts_vocab USING fts5vocab(sentences_fts, 'row')")

    db.table("claims").create(
        {
            "id": str,
            "article_id": int,
            "sentence_id": int,
            "position": int,
            "sentence": str,
            "source": str,
            "resolved_source": str,
            "canonical_source": str,
            "source_type": str,
            "cue": str,
            "content": str,
            "stance": str,
            "quote": str,
            "hedges": str,
            "sentence_start": int,
            "sentence_end": int,
            "source_start": int,
            "source_end": int,
            "cue_start": int,
            "cue_end": int,
            "content_start": int,
            "content_end": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("sentence_id", "sentences", "id")],
        not_null={"article_id", "sentence_id", "content"},
    )
    db.table("claims").create_index(["article_id", "position"])
    db.table("claims").create_index(["canonical_source"])

    db.table("evidence").create(
        {
            "claim_id": str,
            "sentence_id": int,
            "score": float,
            "rank": int,
            "relation": str,
            "independent": int,
            "reasons": str,
        },
        pk=("claim_id", "sentence_id"),
        foreign_keys=[("claim_id", "claims", "id"), ("sentence_id", "sentences", "id")],
    )

    db.table("sessions").create(
        {"id": int, "reviewer": str, "started_at": str, "ended_at": str},
        pk="id",
        not_null={"reviewer", "started_at"},
    )

    db.table("verdicts").create(
        {
            "claim_id": str,
            "rating": int,
            "note": str,
            "reviewer": str,
            "session_id": int,
            "updated_at": str,
        },
        pk="claim_id",
        foreign_keys=[("claim_id", "claims", "id"), ("session_id", "sessions", "id")],
    )
    db.table("verdicts").create_index(["rating"])

    db.execute(
        """
        CREATE TABLE verdict_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id TEXT NOT NULL REFERENCES claims(id),
            field TEXT NOT NULL,
            old TEXT,
            new TEXT,
            reviewer TEXT,
            session_id INTEGER REFERENCES sessions(id),
            at TEXT NOT NULL,
            note TEXT,
            undoes INTEGER REFERENCES verdict_events(id)
        )
        """
    )
    db.table("verdict_events").create_index(["claim_id"])
    db.table("verdict_events").create_index(["session_id"])
    # History is evidence of how a verdict was reached: the database itself refuses to lose it.
    db.execute(
        """
        CREATE TRIGGER verdict_events_no_update BEFORE UPDATE ON verdict_events
        BEGIN SELECT RAISE(ABORT, 'verdict_events is append-only'); END
        """
    )
    db.execute(
        """
        CREATE TRIGGER verdict_events_no_delete BEFORE DELETE ON verdict_events
        BEGIN SELECT RAISE(ABORT, 'verdict_events is append-only'); END
        """
    )


def _v2_facts_independence_review(db: sqlite_utils.Database) -> None:
    """Room for what later stages compute and what reviewers record beyond a rating.

    Claims gain their facts and gist, a check-worthiness priority, independent support
    counts, an attribution status across appearances and a lifecycle (orphaned claims keep
    their verdicts). Articles gain their story and what they are a version or copy of.
    Verdicts gain the attribution check, the source grade and a re-check date; evidence
    marks, stories, figure conflicts and appearances get tables of their own.
    """
    claims = db.table("claims")
    claims.add_column("gist", str)
    claims.add_column("facts", str)  # JSON: quantities, events, places, dates
    claims.add_column("priority", float, not_null_default=0.0)
    claims.add_column("independent_support", int, not_null_default=0)
    claims.add_column("independent_contradict", int, not_null_default=0)
    claims.add_column("attribution_status", str)
    claims.add_column("status", str, not_null_default="active")
    claims.add_column("text_changed", int, not_null_default=0)
    claims.create_index(["priority"])
    claims.create_index(["attribution_status"])

    db.table("stories").create(
        {"id": int, "label": str, "first_published": str, "last_published": str}, pk="id"
    )
    articles = db.table("articles")
    articles.add_column("story_id", fk="stories", fk_col="id")
    articles.add_column("version_of", fk="articles", fk_col="id")
    articles.add_column("copy_of", fk="articles", fk_col="id")
    articles.add_column("copy_kind", str)  # version | copy | relay, or NULL for an original
    articles.create_index(["story_id"])

    verdicts = db.table("verdicts")
    verdicts.add_column("attribution_check", str)
    verdicts.add_column("source_grade", str)
    verdicts.add_column("recheck_date", str)

    db.table("evidence_marks").create(
        {
            "claim_id": str,
            "sentence_id": int,
            "mark": str,  # supports | contradicts
            "reviewer": str,
            "session_id": int,
            "at": str,
        },
        pk=("claim_id", "sentence_id"),
        foreign_keys=[("claim_id", "claims", "id"), ("sentence_id", "sentences", "id")],
    )
    db.table("figure_conflicts").create(
        {"id": int, "claim_id": str, "event": str, "summary": str, "entries": str},
        pk="id",
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db.table("figure_conflicts").create_index(["claim_id"])
    db.table("appearances").create(
        {
            "claim_id": str,
            "article_id": int,
            "sentence_id": int,
            "source": str,
            "canonical_source": str,
            "cue": str,
            "hedged": int,
            "status": str,  # same_source | other_source | unattributed | relay
        },
        pk=("claim_id", "sentence_id"),
        foreign_keys=[
            ("claim_id", "claims", "id"),
            ("article_id", "articles", "id"),
            ("sentence_id", "sentences", "id"),
        ],
    )


MIGRATIONS: list[Migration] = [_v1_core, _v2_facts_independence_review]
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(Exception):
    """The database was written by a newer verifier, or is not a verifier database."""


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to ``SCHEMA_VERSION``; each step runs in its own transaction."""
    db = sqlite_utils.Database(conn)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"schema version {version} is newer than this verifier understands ({SCHEMA_VERSION})"
        )
    if version == 0 and db.table_names() and "articles" not in db.table_names():
        raise SchemaError("not a verifier database (it has other tables)")
    for number in range(version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number](db)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return SCHEMA_VERSION
