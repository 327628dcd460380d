"""The database schema as an ordered list of migrations.

``PRAGMA user_version`` records how many migrations a database has seen, so opening an older
verifier.db upgrades it in place and a newer one is refused instead of being misread. Later
issues append migrations; they never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

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
    articles.add_column("story_id", int, fk="stories", fk_col="id")
    articles.add_column("version_of", int, fk="articles", fk_col="id")
    articles.add_column("copy_of", int, fk="articles", fk_col="id")
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


def _v3_reviews_verdict_table(db: sqlite_utils.Database) -> None:
    """Per-reviewer ratings for second review, and a ``verdict_table`` view for Datasette.

    ``verdicts`` holds one current verdict per claim (the last writer's); agreement between
    reviewers needs each reviewer's own latest rating, so ``reviews`` keeps it. Triggers
    fill it from ``verdict_events`` (``rating`` events from the TUI/CLI, ``review`` events
    from a blind second review) in the same transaction as the event, so it can never drift
    from the history. A new rating also clears ``claims.text_changed`` (the reviewer has seen
    the new text). ``verdict_table`` is the one view a newsroom opens in ``datasette``.
    Owner: issue 6 (verifier/store/verdicts.py).
    """
    db.execute(
        """
        CREATE TABLE reviews (
            claim_id TEXT NOT NULL REFERENCES claims(id),
            reviewer TEXT NOT NULL,
            rating INTEGER NOT NULL,
            session_id INTEGER REFERENCES sessions(id),
            at TEXT NOT NULL,
            event_id INTEGER REFERENCES verdict_events(id),
            PRIMARY KEY (claim_id, reviewer)
        )
        """
    )
    db.execute("CREATE INDEX idx_reviews_reviewer ON reviews (reviewer)")
    for field in ("rating", "review"):
        db.execute(
            f"""
            CREATE TRIGGER verdict_events_{field}_to_reviews AFTER INSERT ON verdict_events
            WHEN NEW.field = '{field}' AND NEW.reviewer IS NOT NULL
            BEGIN
                DELETE FROM reviews WHERE claim_id = NEW.claim_id AND reviewer = NEW.reviewer;
                INSERT INTO reviews (claim_id, reviewer, rating, session_id, at, event_id)
                SELECT NEW.claim_id, NEW.reviewer, CAST(NEW.new AS INTEGER), NEW.session_id,
                       NEW.at, NEW.id
                WHERE NEW.new IS NOT NULL;
            END
            """
        )
    db.execute(
        """
        CREATE TRIGGER verdict_events_rating_clears_text_changed AFTER INSERT ON verdict_events
        WHEN NEW.field = 'rating'
        BEGIN
            UPDATE claims SET text_changed = 0 WHERE id = NEW.claim_id AND text_changed != 0;
        END
        """
    )
    # Ratings already given before this migration count as their reviewers' reviews.
    db.execute(
        """
        INSERT INTO reviews (claim_id, reviewer, rating, session_id, at, event_id)
        SELECT e.claim_id, e.reviewer, CAST(e.new AS INTEGER), e.session_id, e.at, e.id
        FROM verdict_events e
        WHERE e.field = 'rating' AND e.reviewer IS NOT NULL AND e.new IS NOT NULL
          AND e.id = (SELECT max(id) FROM verdict_events x WHERE x.claim_id = e.claim_id
                      AND x.reviewer = e.reviewer AND x.field IN ('rating', 'review'))
        """
    )
    db.execute(
        """
        CREATE VIEW verdict_table AS
        SELECT c.id AS claim_id, a.name AS article, a.outlet AS outlet,
               a.published AS published, a.url AS url, c.source AS source,
               c.source_type AS source_type, c.cue AS cue, c.content AS content,
               c.gist AS gist, v.rating AS rating,
               CASE v.rating WHEN 1 THEN 'supported' WHEN 2 THEN 'partly supported'
                   WHEN 3 THEN 'unproven' WHEN 4 THEN 'disputed' WHEN 5 THEN 'false'
                   WHEN 6 THEN 'not checkable' END AS rating_name,
               v.note AS note, v.reviewer AS reviewer, v.updated_at AS verdict_at,
               v.attribution_check AS attribution_check, v.source_grade AS source_grade,
               c.independent_support AS independent_support,
               (SELECT count(*) FROM evidence e WHERE e.claim_id = c.id) AS evidence_count,
               (SELECT count(*) FROM reviews r WHERE r.claim_id = c.id) AS reviewers,
               c.status AS status, c.text_changed AS text_changed
        FROM claims c
        JOIN articles a ON a.id = c.article_id
        LEFT JOIN verdicts v ON v.claim_id = c.id
        """
    )


def _article_sketches(db: sqlite_utils.Database) -> None:
    """Fingerprints of each article for near-duplicate and story detection (issue 4).

    ``kind`` 's': a sample of hashed word 5-shingles of the body (the hashes divisible by a
    fixed modulus, so two copies sample the same shingles and their overlap estimates text
    containment); ``kind`` 't': hashed names the article mentions most, for grouping articles
    into stories. Indexed by hash so a new article finds its relatives without a scan.
    Owner: issue 4 (verifier/store/stories.py).
    """
    db.execute(
        """
        CREATE TABLE article_sketches (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            kind TEXT NOT NULL,
            h INTEGER NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_article_sketches_h ON article_sketches (kind, h)")
    db.execute("CREATE INDEX idx_article_sketches_article ON article_sketches (article_id)")


def _queue_order_index(db: sqlite_utils.Database) -> None:
    """A covering index in the review queue's order (priority first, then reading order).

    At 100k claims, ordering by priority through the single-column index meant a table
    lookup per claim and a sort: about 0.7 s before the TUI's first claim. Covering the
    order and the id lets SQLite walk the index alone.
    """
    db.execute("CREATE INDEX idx_claims_queue ON claims (priority DESC, article_id, position, id)")


def _lookup_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for two lookups that scanned a whole table each time (issue 4).

    Re-ingest looks up an article's previous version by name, URL, title or story; with title
    and URL unindexed that scanned every earlier article per new article, quadratic in the
    corpus (~10 ms per article at 10k articles). Evidence asks who is quoted in each hit
    sentence (claims by ``sentence_id``): a scan of all claims per query, ~26 ms at 10k
    articles. Indexed, each is a few index searches.
    """
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_title ON articles (title)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_url ON articles (url)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_claims_sentence ON claims (sentence_id)")


INDEXED_KIND = "body"
"""The one unit kind in the full-text index. Claims are read from body sentences only and
only body sentences are evidence; headlines and bylines are short, so BM25 put them first
and every search had to rank past them (at 100k generated articles the 200 best sentences
for a town's name were all headlines and bylines)."""


def _body_index_and_term_counts(db: sqlite_utils.Database) -> None:
    """Index body sentences only, and keep per-term sentence counts beside the index.

    The counts (see ``terms``) answer "how many sentences hold this term" with one index
    search; ``fts5vocab`` reads the term's whole posting list per lookup, which grows with
    the corpus. An existing corpus is re-indexed and counted once here, with the tokenizer
    the store uses afterwards. The index is external-content, so it must never be rebuilt
    with FTS5's 'rebuild' command, which would index every kind again.
    """
    from verifier.text.terms import sentence_terms

    for trigger in ("sentences_ai", "sentences_ad", "sentences_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    body = f"'{INDEXED_KIND}'"
    db.execute(
        f"""CREATE TRIGGER sentences_ai AFTER INSERT ON sentences WHEN new.kind = {body} BEGIN
  INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text);
END"""
    )
    db.execute(
        f"""CREATE TRIGGER sentences_ad AFTER DELETE ON sentences WHEN old.kind = {body} BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END"""
    )
    db.execute(
        f"""CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
    SELECT 'delete', old.rowid, old.text WHERE old.kind = {body};
  INSERT INTO sentences_fts (rowid, text) SELECT new.rowid, new.text WHERE new.kind = {body};
END"""
    )
    db.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('delete-all')")
    db.execute(
        "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE kind = ?",
        (INDEXED_KIND,),
    )
    db.execute(
        "CREATE TABLE term_counts (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID"
    )
    counts: Counter[str] = Counter()
    for (text,) in db.execute("SELECT text FROM sentences WHERE kind = ?", (INDEXED_KIND,)):
        counts.update(sentence_terms(text))
    db.conn.executemany("INSERT INTO term_counts (term, doc) VALUES (?, ?)", counts.items())


def _article_sources(db: sqlite_utils.Database) -> None:
    """The same text from another file, URL or outlet is an article of its own.

    A syndicated copy is exactly what is not an independent source, so it must be on the
    desk, not dropped because its text is already stored: the text no longer identifies an
    article, its source (file path or URL) does. ``verbatim_of`` names the first stored
    article with identical text; ``fetched_at`` when a page was fetched from its URL.
    """
    db.execute("DROP INDEX IF EXISTS idx_articles_content_hash")
    db.execute("CREATE INDEX idx_articles_content_hash ON articles (content_hash)")
    articles = db.table("articles")
    have = set(articles.columns_dict)  # a database rolled back to an older version keeps them
    for column, kind, fk in (("source", str, None), ("verbatim_of", int, "articles")):
        if column not in have:
            articles.add_column(column, kind, fk=fk, fk_col="id" if fk else None)
    if "fetched_at" not in have:
        articles.add_column("fetched_at", str)
    # A record of a many-article file is named FILE#N; its source is PATH#N.
    db.execute(
        "UPDATE articles SET source = CASE"
        " WHEN coalesce(path, '') = '' THEN name"
        " WHEN instr(name, '#') > 0 THEN path || substr(name, instr(name, '#'))"
        " ELSE path END"
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_source ON articles (source)")


def _also_said_by(db: sqlite_utils.Database) -> None:
    """How many independent sources say a claim's content in their own words ("also said by"),
    beyond those its evidence already counts: provenance adds them to its independent support,
    so a corroborated statement is never mistaken for an unsupported one."""
    if "also_said_by" not in db.table("claims").columns_dict:
        db.table("claims").add_column("also_said_by", int, not_null_default=0)


def _claim_clusters(db: sqlite_utils.Database) -> None:
    """Claim clusters (``store.clusters``): each claim's cluster representative, the links
    provenance found between claims telling one statement, and the claims reviewers split
    out (kept out when the clusters are rebuilt after a later ingest)."""
    claims = db.table("claims")
    if "cluster_id" not in claims.columns_dict:
        claims.add_column("cluster_id", str)
    db.execute("CREATE INDEX IF NOT EXISTS idx_claims_cluster ON claims (cluster_id)")
    # The queue shows one row per cluster: its covering index covers the cluster id too.
    db.execute("DROP INDEX IF EXISTS idx_claims_queue")
    db.execute(
        "CREATE INDEX idx_claims_queue ON claims (priority DESC, article_id, position, id,"
        " cluster_id)"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS claim_links (a TEXT NOT NULL, b TEXT NOT NULL,"
        " PRIMARY KEY (a, b)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS cluster_splits (claim_id TEXT PRIMARY KEY, reviewer TEXT,"
        " at TEXT NOT NULL)"
    )


INDEXED_WHEN = "(kind = 'body' OR (kind = 'headline' AND idx = 0))"
"""Which units the full-text index holds: body sentences and an article's title (its first
unit, when that is a headline). A title is the outlet's one-line statement of the event
("Powerful Quake in Iran Kills 10; 80 Hurt"), often the clearest evidence another report has:
on real multi-outlet news (ECB+ topics 1-35) leaving titles out took plain BM25's precision
at 1 from 0.70 to 0.60. Headings inside an article ("Background") and bylines stay out: they
are short, so BM25 would put them first for any word they share."""


def indexed_unit(kind: str, index: int) -> bool:
    """Whether a unit of ``kind`` at ``index`` in its article is searched (``INDEXED_WHEN``)."""
    return kind == INDEXED_KIND or (kind == "headline" and index == 0)


def _index_titles(db: sqlite_utils.Database) -> None:
    """Index article titles beside body sentences (``INDEXED_WHEN``), counting their terms."""
    from verifier.text.terms import sentence_terms

    for trigger in ("sentences_ai", "sentences_ad", "sentences_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    new = INDEXED_WHEN.replace("kind", "new.kind").replace("idx", "new.idx")
    old = INDEXED_WHEN.replace("kind", "old.kind").replace("idx", "old.idx")
    db.execute(
        f"""CREATE TRIGGER sentences_ai AFTER INSERT ON sentences WHEN {new} BEGIN
  INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text);
END"""
    )
    db.execute(
        f"""CREATE TRIGGER sentences_ad AFTER DELETE ON sentences WHEN {old} BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END"""
    )
    db.execute(
        f"""CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
    SELECT 'delete', old.rowid, old.text WHERE {old};
  INSERT INTO sentences_fts (rowid, text) SELECT new.rowid, new.text WHERE {new};
END"""
    )
    titles = "SELECT id, text FROM sentences WHERE kind = 'headline' AND idx = 0"
    db.conn.executemany(
        "INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)", db.execute(titles).fetchall()
    )
    counts: Counter[str] = Counter()
    for _, text in db.execute(titles):
        counts.update(sentence_terms(text))
    db.conn.executemany(
        "INSERT INTO term_counts (term, doc) VALUES (?, ?)"
        " ON CONFLICT (term) DO UPDATE SET doc = doc + excluded.doc",
        counts.items(),
    )


def _verdict_chain(db: sqlite_utils.Database) -> None:
    """A hash chain over the verdict history, and REPLACE/UPSERT refused (issue 18).

    ``REPLACE INTO verdict_events`` once rewrote a past rating (REPLACE's implicit delete
    fires no DELETE trigger) and ``DROP TABLE`` went unnoticed; see ``store/chain.py``.
    Events written before this migration are chained in id order.
    """
    from verifier.store import chain

    chain.install(db.conn)


def _ingest_stages(db: sqlite_utils.Database) -> None:
    """The stage each article has passed, so an interrupted ingest is finished (issue 18).

    New rows start at 1 (stored). An existing article counts as done only when its claims
    show the later stages ran (an attribution status set); one from an ingest that was
    killed before that is left at stored, for the next run to finish.
    """
    if "stage" in db.table("articles").columns_dict:
        return
    db.execute("ALTER TABLE articles ADD COLUMN stage INTEGER NOT NULL DEFAULT 1")
    db.execute(
        """
        UPDATE articles SET stage = 4
        WHERE NOT EXISTS (SELECT 1 FROM claims c
                          WHERE c.article_id = articles.id AND c.attribution_status IS NULL)
        """
    )
    db.execute("CREATE INDEX idx_articles_stage ON articles (stage) WHERE stage < 4")


def _claim_kind(db: sqlite_utils.Database) -> None:
    """Each claim's kind: speech, document, position or belief (issue 12).

    The queue ranks a belief ("thinks", "hopes") low and the filter picks claims by kind.
    Claims stored before get the kind their stored cue and source make, the reading the text
    stage now stores for new claims.
    """
    from verifier.text.kinds import attribution_kind

    if "kind" not in db["claims"].columns_dict:
        db.execute("ALTER TABLE claims ADD COLUMN kind TEXT NOT NULL DEFAULT 'speech'")
    rows = db.execute("SELECT id, cue, source FROM claims").fetchall()
    updates = [
        (kind, claim_id)
        for claim_id, cue, source in rows
        if (kind := attribution_kind(cue or "", source or "")) != "speech"
    ]
    db.conn.executemany("UPDATE claims SET kind = ? WHERE id = ?", updates)


def _sentence_facts(db: sqlite_utils.Database) -> None:
    """Searched units (``INDEXED_WHEN``: body sentences and titles) keep the text stage's
    reading of them (``PassageFacts`` JSON): the
    figures, places, days, incidents, denials and caveats corroboration weighs, read once
    instead of for every claim a sentence is evidence for. A stored corpus is read here, once.

    The update trigger re-indexes a sentence whenever its row changes, so it is dropped while
    the facts are written (the text does not change) and made again afterwards.
    """
    import json

    from verifier.text.passage import read_passage

    if "facts" not in db.table("sentences").columns_dict:
        db.table("sentences").add_column("facts", str)
    trigger = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'sentences_au'"
    ).fetchone()
    db.execute("DROP TRIGGER IF EXISTS sentences_au")
    rows = db.execute(
        f"SELECT id, text FROM sentences WHERE {INDEXED_WHEN} AND facts IS NULL"
    ).fetchall()
    db.conn.executemany(
        "UPDATE sentences SET facts = ? WHERE id = ?",
        ((json.dumps(read_passage(text).to_json(), ensure_ascii=False), sid) for sid, text in rows),
    )
    if trigger:
        db.execute(trigger[0])


def _article_names(db: sqlite_utils.Database) -> None:
    """Each article's event reading (issue 14): the names it uses and how often
    (``text.events.read_event``), to tell two events of one kind apart (two earthquakes
    differ in their places, two rehab stays in the celebrity). Indexed by name, so how many
    articles name one (its rarity on the desk) is one lookup. Written by story grouping at
    ingest; articles stored before have none and are judged on their name sketch.
    Owner: issue 14 (verifier/store/stories.py).
    """
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS article_names (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            name TEXT NOT NULL,
            n INTEGER NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_article_names_name ON article_names (name)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_article_names_article ON article_names (article_id)")


def _claims_by_content(db: sqlite_utils.Database) -> None:
    """Claims by content: the claims of a wire story's copies state the same thing word for
    word and share one judging (``Store.first_claims``), which finds them by content, for a
    run's claims at once and for one claim the CLI is asked about (without the index a scan
    of every claim, ~0.3 s at 100k articles).
    Owner: issue 14 (verifier/corroborate/run.py).
    """
    db.execute("CREATE INDEX IF NOT EXISTS idx_claims_content ON claims (content)")


def _claims_by_statement(db: sqlite_utils.Database) -> None:
    """Claims by content and sentence, in place of content alone: a stock phrase ("any role
    in the attack") is the content of one claim in twelve on a generated desk, so asking
    which claims state one claim's statement read ~56,000 rows at 100k articles (the
    slowest part of ``verifier evidence`` for such a claim); with the sentence beside it
    the lookup finds the statement's copies only. Content lookups use its first column.
    Owner: issue 14 (verifier/store/db.py ``first_claims``).
    """
    db.execute("DROP INDEX IF EXISTS idx_claims_content")
    db.execute("CREATE INDEX IF NOT EXISTS idx_claims_statement ON claims (content, sentence)")


def _add_to_readings(
    db: sqlite_utils.Database,
    rows: list[tuple[Any, ...]],
    key: str,
    read: Callable[[tuple[Any, ...]], dict[str, object]],
) -> None:
    """Each stored sentence reading (``rows``: id, text, facts JSON, then what ``read``
    needs) that lacks ``key`` gains the fields ``read(row)`` gives; the rest of its JSON is
    kept as it is, and unreadable facts are left to be read again when judged."""

    def gain(row: tuple[Any, ...], data: dict[str, Any]) -> bool:
        if key in data:
            return False
        data.update(read(row))
        return True

    _rewrite_readings(db, rows, gain)


def _rewrite_readings(
    db: sqlite_utils.Database,
    rows: list[tuple[Any, ...]],
    rewrite: Callable[[tuple[Any, ...], dict[str, Any]], bool],
) -> None:
    """Each stored sentence reading (``rows``: id, text, facts JSON, ...) that is a JSON
    object is handed to ``rewrite``, which changes it in place and says whether it did; the
    changed ones are written back. Unreadable facts are left to be read again when judged.

    The update trigger re-indexes a sentence whenever its row changes, so it is dropped while
    the facts are written (the text does not change) and made again afterwards."""
    import json

    trigger = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'sentences_au'"
    ).fetchone()
    db.execute("DROP TRIGGER IF EXISTS sentences_au")

    def updated() -> Iterator[tuple[str, int]]:
        for row in rows:
            try:
                data = json.loads(row[2])
            except json.JSONDecodeError:
                continue
            if isinstance(data, dict) and rewrite(row, data):
                yield json.dumps(data, ensure_ascii=False), row[0]

    db.conn.executemany("UPDATE sentences SET facts = ? WHERE id = ?", updated())
    if trigger:
        db.execute(trigger[0])


def _passage_acts(db: sqlite_utils.Database) -> None:
    """Each stored sentence's reading gains what it says happened (issue 14): the stages
    after an incident it speaks of (arrested, charged, trial, ...) and its acts (the kinds of
    act its verbs state and those it names: ``text.predicates``), read once here instead of
    at every judging, from the sentence's text."""
    from verifier.text.passage import stages
    from verifier.text.predicates import read_acts

    def read(row: tuple[Any, ...]) -> dict[str, object]:
        acts = read_acts(row[1])
        return {
            "stages": sorted(stages(row[1])),
            "predicates": sorted(acts.predicates),
            "acts": sorted(acts.named),
        }

    rows = db.execute("SELECT id, text, facts FROM sentences WHERE facts IS NOT NULL").fetchall()
    _add_to_readings(db, rows, "acts", read)


def _sentence_marks(db: sqlite_utils.Database) -> None:
    """Each stored sentence's reading gains its event marks (issue 14): the names and
    figures it uses and the dates it states, resolved against its article's date
    (``text.events.read_marks``), read once here instead of at every run."""
    from verifier.text.events import read_marks

    rows = db.execute(
        "SELECT s.id, s.text, s.facts, a.published FROM sentences s"
        " JOIN articles a ON a.id = s.article_id WHERE s.facts IS NOT NULL"
    ).fetchall()
    _add_to_readings(db, rows, "marks", lambda row: {"marks": read_marks(row[1], row[3]).to_json()})


REREAD_FIELDS = ("quantities", "measures", "tentative", "predicates", "acts")
"""The parts of a sentence's reading whose reading has changed since they were stored."""


def _reread_relation_readings(db: sqlite_utils.Database) -> None:
    """Each stored sentence's figures, measures, hedge and acts are read again from its text
    (issue 14): a distance from a place and a place's population (39eb337), a fraction before
    a quake as its magnitude, a hedge beside the act ("an allegedly drunk driver") as no
    hedge of it, "fired" dismissing a coach, "set on fire", "checked out", "committed
    suicide". Judging compares these stored readings, so a database from before would judge
    with the old ones until its articles were ingested again. The rest of each reading (its
    places, days, event marks, ...) is kept as stored."""
    _reread(db, REREAD_FIELDS)


def _reread_counts(db: sqlite_utils.Database) -> None:
    """Each stored sentence's counts are read again from its text (issue 14): a sum of money
    after its currency sign ("$40 million") is a count, as is a count in a hyphenated word
    ("a two-party vote") and "another" before a toll ("two killed and another wounded")."""
    _reread(db, ("quantities",))


COMPARISON_FIELDS = (
    "acronyms",
    "initials",
    "causes",
    "conversions",
    "multiples",
    "headline",
    "names_killing",
)
"""The parts of a sentence's reading that comparing it with a claim asks of its wording."""


def _comparison_readings(db: sqlite_utils.Database) -> None:
    """Each stored sentence's reading gains what comparing it with a claim asked of its text
    at every judging (issue 14, "meaning is read once, in text/"): the acronyms it writes and
    the initials of its words (one spells the other's acronym out), the causes it gives, its
    sums given in several currencies, the counts its words give ("a double murder"), whether
    it is a headline and whether it names a killing as a court counts it. Read here once from
    each sentence's text; the rest of each reading is kept as stored."""
    _reread(db, COMPARISON_FIELDS)


def _ranks_scores_shares_reactions(db: sqlite_utils.Database) -> None:
    """Each stored sentence's reading gains the ordinals it counts its event with ("the fourth
    manager sacked this season"), its scores ("a 3-1 win") and shares ("61 per cent"), and has
    its acts read again, now with a party's reaction ("he is heartbroken", issue 14): support
    asks for each of them when a claim gives it."""
    _reread(db, RANKS_SCORES_SHARES_REACTIONS)


RANKS_SCORES_SHARES_REACTIONS = ("ordinals", "scores", "percents", "predicates", "acts")


def _reread(db: sqlite_utils.Database, fields: tuple[str, ...]) -> None:
    """Read ``fields`` of every stored sentence reading again from its text, keeping the
    rest of the reading as stored."""
    from verifier.text.passage import read_passage

    def reread(row: tuple[Any, ...], data: dict[str, Any]) -> bool:
        fresh = read_passage(row[1]).to_json()
        before = {key: data.get(key) for key in fields}
        for key in fields:
            if key in fresh:
                data[key] = fresh[key]
            else:
                data.pop(key, None)
        return before != {key: data.get(key) for key in fields}

    rows = db.execute("SELECT id, text, facts FROM sentences WHERE facts IS NOT NULL").fetchall()
    _rewrite_readings(db, rows, reread)


MIGRATIONS: list[Migration] = [
    _v1_core,
    _v2_facts_independence_review,
    _v3_reviews_verdict_table,
    _article_sketches,
    _queue_order_index,
    _lookup_indexes,
    _body_index_and_term_counts,
    _article_sources,
    _also_said_by,
    _claim_clusters,
    _index_titles,
    _verdict_chain,
    _ingest_stages,
    _sentence_facts,
    _claim_kind,
    _article_names,
    _claims_by_content,
    _claims_by_statement,
    _passage_acts,
    _sentence_marks,
    _reread_relation_readings,
    _reread_counts,
    _comparison_readings,
    _ranks_scores_shares_reactions,
]
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(Exception):
    """The database was written by a newer verifier, or is not a verifier database."""


def _checked_version(conn: sqlite3.Connection, db: sqlite_utils.Database) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"schema version {version} is newer than this verifier understands ({SCHEMA_VERSION})"
        )
    if version == 0 and db.table_names() and "articles" not in db.table_names():
        raise SchemaError("not a verifier database (it has other tables)")
    return version


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to ``SCHEMA_VERSION``; each step runs in its own transaction."""
    from verifier.store.chain import register

    register(conn)
    db = sqlite_utils.Database(conn)
    version = _checked_version(conn, db)
    while version < SCHEMA_VERSION:
        # Under the write lock, and the version read again inside it: two processes opening
        # a new database at once must not both run a step ("table articles already exists").
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = _checked_version(conn, db)
            if version < SCHEMA_VERSION:
                MIGRATIONS[version](db)
                version += 1
                conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return SCHEMA_VERSION
