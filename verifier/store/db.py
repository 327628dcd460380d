"""The verifier database: one SQLite file that holds the corpus, the claims and every verdict.

One connection per ``Store``, shared between threads behind a lock, because the TUI runs
queries in thread workers and sqlite_utils refuses a connection made in another thread.
Transactions are explicit (``BEGIN IMMEDIATE``): a verdict is either wholly stored with its
history event or not at all, and a second writer waits (``busy_timeout``) instead of failing.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import sqlite3
import threading
import time
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from verifier.models import (
    ATTRIBUTION_CHECKS,
    EVIDENCE_MARKS,
    RATINGS,
    SOURCE_GRADES,
    VERDICT_FIELDS,
    AnalysedDocument,
    ArticleRecord,
    Attribution,
    ClaimRecord,
    Document,
    EvidenceRecord,
    PassageFacts,
    ReviewSession,
    SentenceRecord,
    Span,
    Verdict,
    VerdictEvent,
)
from verifier.store.schema import SchemaError, indexed_unit, migrate
from verifier.text.terms import sentence_terms

DEFAULT_DB = "verifier.db"
CLUSTER_NOTE = "via cluster "
"""Prefix of the note on every verdict event a cluster rating writes (``store.clusters``): the
history says the rating came through the cluster, and ``undo_last`` undoes the group at once."""


def words_match(text: str) -> str:
    """An FTS5 expression that finds sentences holding every word a user typed.

    Typed text is never passed to MATCH as is: a stray quote or a bare ``NEAR`` would be a
    syntax error. Each word is quoted; a trailing ``*`` keeps its prefix meaning.
    """
    terms = []
    for word in re.findall(r"[\w']+\*?", text):
        star = word.endswith("*")
        body = word.rstrip("*").replace('"', "")
        if body:
            terms.append(f'"{body}"' + ("*" if star else ""))
    return " AND ".join(terms)


class StaleVerdictError(Exception):
    """Someone else changed this claim's verdict after it was shown to this reviewer.

    Raised instead of silently overwriting their work; the caller reloads and shows it.
    """

    def __init__(self, claim_id: str, reviewer: str | None, at: str | None) -> None:
        self.claim_id, self.reviewer, self.at = claim_id, reviewer, at
        super().__init__(f"claim {claim_id} was changed by {reviewer or 'someone'} at {at}")


_UNCHECKED = "\x00unchecked"


class StoreError(Exception):
    """A database that cannot be opened or used; ``str()`` is one line naming the file."""


_STORAGE_CODES = frozenset({10, 13})  # SQLITE_IOERR (and its extended codes), SQLITE_FULL


def _storage_error(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (int(code) & 0xFF) in _STORAGE_CODES
    text = str(exc).lower()
    return "disk i/o error" in text or "disk is full" in text


def storage_failed(store: Store, exc: BaseException) -> bool:
    """Was ``exc`` the storage failing (full disk, I/O error, the transaction gone), not the
    data? Then a batch must stop, not skip one article and carry on."""
    if isinstance(exc, StoreError):
        return True
    if isinstance(exc, sqlite3.Error) and _storage_error(exc):
        return True
    return not store.conn.in_transaction


def default_db_path() -> str:
    """``$VERIFIER_DB`` when set, else ``./verifier.db``."""
    return os.environ.get("VERIFIER_DB") or DEFAULT_DB


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def claim_id_for(article_name: str, attribution: Attribution, occurrence: int = 0) -> str:
    """A claim's id depends on what it says and where, not on row order or ingest time,
    so re-ingesting an article (or rebuilding the database) yields the same ids."""
    norm = " ".join(
        re.sub(r"\s+", " ", part).strip().lower()
        for part in (attribution.source, attribution.cue, attribution.content)
    )
    key = f"{article_name}\x1f{norm}\x1f{occurrence}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims a queue, a count or an export covers."""

    rating: int | None = None  # 0 means "unrated"
    source_type: str | None = None
    kind: str | None = None  # speech / document / position / belief
    outlet: str | None = None
    article_id: int | None = None
    search: str | None = None  # FTS query over the claim's sentence
    story_id: int | None = None  # claims from articles of this story
    has_conflict: bool = False  # only claims with conflicting figures
    no_independent_support: bool = False  # only claims no independent source backs
    clusters: bool = False  # one claim per cluster (its first appearance), claims alone too
    sort: str = "priority"  # "priority" (check-worthiness first) or "article" (reading order)


CLAIM_SELECT = """
SELECT c.*, a.name AS article_name, a.outlet AS outlet, a.published AS published,
       v.rating AS rating, v.note AS note, v.attribution_check AS attribution_check,
       v.source_grade AS source_grade, v.recheck_date AS recheck_date,
       v.updated_at AS verdict_at,
       (SELECT count(*) FROM evidence e WHERE e.claim_id = c.id) AS evidence_count,
       (SELECT count(*) FROM claims m WHERE m.cluster_id = c.id) AS cluster_size,
       (SELECT count(DISTINCT coalesce(lower(o.outlet), '#' || o.id)) FROM claims m
        JOIN articles o ON o.id = m.article_id WHERE m.cluster_id = c.id) AS cluster_outlets
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN verdicts v ON v.claim_id = c.id
"""
"""A claim row with its article and verdict columns: shared by the store's query modules."""


def _facts_json(facts: PassageFacts | None) -> str | None:
    return json.dumps(facts.to_json(), ensure_ascii=False) if facts is not None else None


def claim_from_row(row: sqlite3.Row) -> ClaimRecord:
    """A ``CLAIM_SELECT`` row as the domain record."""
    return ClaimRecord(
        id=row["id"],
        article_id=row["article_id"],
        article_name=row["article_name"],
        outlet=row["outlet"],
        published=row["published"],
        sentence_id=row["sentence_id"],
        position=row["position"],
        sentence=row["sentence"],
        source=row["source"],
        resolved_source=row["resolved_source"],
        canonical_source=row["canonical_source"],
        source_type=row["source_type"],
        cue=row["cue"],
        content=row["content"],
        stance=row["stance"],
        kind=row["kind"],
        quote=row["quote"],
        hedges=tuple(json.loads(row["hedges"] or "[]")),
        sentence_span=Span(row["sentence_start"], row["sentence_end"]),
        source_span=Span(row["source_start"], row["source_end"]),
        cue_span=Span(row["cue_start"], row["cue_end"]),
        content_span=Span(row["content_start"], row["content_end"]),
        rating=row["rating"],
        note=row["note"],
        evidence_count=row["evidence_count"],
        gist=row["gist"] or "",
        facts=row["facts"] or "",
        priority=row["priority"] or 0.0,
        independent_support=row["independent_support"] or 0,
        independent_contradict=row["independent_contradict"] or 0,
        attribution_status=row["attribution_status"],
        status=row["status"] or "active",
        text_changed=bool(row["text_changed"]),
        attribution_check=row["attribution_check"],
        source_grade=row["source_grade"],
        recheck_date=row["recheck_date"],
        verdict_at=row["verdict_at"],
        cluster_size=max(1, row["cluster_size"] or 0),
        cluster_outlets=max(1, row["cluster_outlets"] or 0),
    )


def _article_from_row(row: sqlite3.Row, with_text: bool) -> ArticleRecord:
    return ArticleRecord(
        id=row["id"],
        name=row["name"],
        content_hash=row["content_hash"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        byline=row["byline"],
        fmt=row["fmt"],
        ingested_at=row["ingested_at"],
        text=row["text"] if with_text else "",
        story_id=row["story_id"],
        version_of=row["version_of"],
        copy_of=row["copy_of"],
        copy_kind=row["copy_kind"],
        verbatim_of=row["verbatim_of"],
        source=row["source"],
        fetched_at=row["fetched_at"],
    )


_RANKED_WINDOW = 200
"""Ranked ids fetched per ranking pass: enough for filters and de-duplication to leave a
full page nearly always (a pass costs the same whatever its LIMIT; holding 1,000 ids is
cheap), so a second pass is rare."""
_JOIN_CHUNK = 64  # ranked ids joined to their rows per statement, when the caller says no more
_JOIN_MAX = 500  # at most this many per statement: SQLite caps the variables of one


_MEMO_RANKINGS = 8_192  # ranking passes a search memo holds (~3 kB each)
_MEMO_ROWS = 60_000  # sentence rows it holds: a 400-article story is ~20,000
_MEMO_TERMS = 200_000  # term frequencies it holds (~100 bytes each)
_MEMO_FACTS = 10_000  # distinct stored readings it holds parsed (~2 kB each)


@dataclass(slots=True)
class _SearchMemo:
    """What ``Store.remembered_searches`` holds: ranking passes by ``(match, window)``, as
    compact arrays, and joined rows by sentence id. Each part sheds its oldest quarter when
    full, which bounds memory on a large corpus."""

    ranked: dict[tuple[str, int], tuple[array[float], array[int]]] = field(default_factory=dict)
    rows: dict[int, tuple[SentenceRecord, ArticleRecord]] = field(default_factory=dict)
    articles: dict[int, ArticleRecord] = field(default_factory=dict)  # the rows' articles
    df: dict[str, int] = field(default_factory=dict)  # term -> sentences with it (-1: none)
    # Stored readings parsed, by their JSON: copies and plain sentences share one reading.
    facts: dict[str, PassageFacts] = field(default_factory=dict)

    def remember_ranked(
        self, key: tuple[str, int], ranked: tuple[array[float], array[int]]
    ) -> None:
        _shed(self.ranked, _MEMO_RANKINGS)
        self.ranked[key] = ranked

    def remember_rows(self, rows: dict[int, tuple[SentenceRecord, ArticleRecord]]) -> None:
        """Each row kept with its article's one record: a worker's memo holds ~60,000 rows
        of a few thousand articles, and a record apiece was ~25 MB of copies at 10k articles.
        """
        _shed(self.rows, _MEMO_ROWS - len(rows))
        _shed(self.articles, _MEMO_ROWS - len(rows))
        for i, (sentence, article) in rows.items():
            known = self.articles.get(article.id)
            if known != article:  # first seen (or, against the memo's promise, changed)
                known = self.articles[article.id] = article
            self.rows[i] = (sentence, known)

    def remember_df(self, found: dict[str, int]) -> None:
        _shed(self.df, _MEMO_TERMS - len(found))
        self.df.update(found)

    def reading(self, stored: str) -> PassageFacts:
        """``PassageFacts.from_json(stored)``, parsed once per distinct JSON: a reading is
        immutable, and parsing was a tenth of corroboration's time (2,000 generated articles:
        17,000 readings, 5,300 distinct, each parsed some twenty times)."""
        found = self.facts.get(stored)
        if found is None:
            found = PassageFacts.from_json(stored)
            _shed(self.facts, _MEMO_FACTS)
            self.facts[stored] = found
        return found

    def forget(self) -> None:
        self.ranked.clear()
        self.rows.clear()
        self.articles.clear()
        self.df.clear()


def _shed(memo: dict[Any, Any], room: int) -> None:
    """Drop the oldest entries of ``memo`` (insertion order) once it holds ``room`` or more."""
    if len(memo) >= max(room, 0):
        for key in list(itertools.islice(memo, max(len(memo) // 4, len(memo) - room + 1))):
            del memo[key]


def _set_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """WAL on, waiting out another process that holds the file.

    Switching the journal mode of a brand-new file needs it to itself, and SQLite answers
    "database is locked" at once instead of calling the busy handler when another process
    is creating or migrating the same file (two ingests started together on a new desk);
    so wait and retry, within the same timeout as every other statement."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


class Store:
    """Library API over one verifier database; the CLI, TUI and exports all go through it."""

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        self.path = str(path)
        try:
            conn = sqlite3.connect(
                self.path,
                timeout=timeout,
                check_same_thread=False,
                isolation_level=None,  # we open every transaction ourselves
            )
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                _set_wal(conn, timeout)
            # FULL, deliberately: in WAL mode NORMAL already survives a killed process, but a
            # power cut could lose the last verdicts a reviewer was told were saved. FULL
            # fsyncs the WAL on every commit; measured at several hundred verdicts/s per
            # writer (tests/test_concurrency.py), far above one keypress per verdict.
            conn.execute("PRAGMA synchronous = FULL")
            # Savepoints (one per article in an ingest batch) journal the pages they change;
            # in memory rather than in a temporary file that cost ~16% of the write path.
            conn.execute("PRAGMA temp_store = MEMORY")
            migrate(conn)
        except SchemaError as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from None
        self.conn = conn
        self._timeout = timeout
        self.db = sqlite_utils.Database(conn)
        self._lock = threading.RLock()
        self._savepoints = 0
        # Term counts added by each open transaction level, written when the outermost one
        # commits: one upsert per term per batch instead of per sentence, and a savepoint
        # that rolls back takes its counts with it.
        self._term_counts: list[Counter[str]] = []
        self._searches: _SearchMemo | None = None  # while ``remembered_searches`` is open

    # -- plumbing ----------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open: its rows are not yet visible to other connections."""
        return self.conn.in_transaction

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """An IMMEDIATE transaction: it takes the write lock up front, so two writers queue
        on ``busy_timeout`` instead of deadlocking when both try to upgrade a read lock.

        Inside another ``transaction()`` of the same store it is a savepoint: its changes
        commit with the outer transaction, and an error undoes only its own."""
        with self._lock:
            if self.conn.in_transaction:
                # Nested (this thread holds the lock, so the open transaction is its own): a
                # savepoint, so a batch of articles shares one commit while a failing article
                # rolls back alone.
                self._savepoints += 1
                name = f"sp{self._savepoints}"
                self.conn.execute(f"SAVEPOINT {name}")
                self._term_counts.append(Counter())
                try:
                    yield self.conn
                    self._still_open()
                except BaseException:
                    self._term_counts.pop()
                    if self.conn.in_transaction:  # else SQLite already rolled it all back
                        self.conn.execute(f"ROLLBACK TO {name}")
                        self.conn.execute(f"RELEASE {name}")
                    raise
                added = self._term_counts.pop()
                if self._term_counts:
                    self._term_counts[-1].update(added)
                else:  # the outer transaction was begun by hand, not by transaction()
                    self._write_term_counts(added)
                self.conn.execute(f"RELEASE {name}")
                return
            self._begin_immediate()
            self._term_counts.append(Counter())
            try:
                yield self.conn
                self._still_open()
                # The counts commit with the rows they count, or not at all.
                self._write_term_counts(self._term_counts[-1])
                self.conn.execute("COMMIT")
            except BaseException as exc:
                if self.conn.in_transaction:
                    # The error that brought us here is the one to report.
                    with suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error) and _storage_error(exc):
                    raise StoreError(
                        f"{self.path}: cannot write ({exc}): disk full or I/O error; nothing"
                        " half-written was kept, and the next run finishes the work"
                    ) from None
                raise
            finally:
                self._term_counts.pop()

    def _still_open(self) -> None:
        """Raise if SQLite rolled the transaction back by itself (it may, on a full disk or
        an I/O error). Statements after that would each commit on their own: rows of a
        half-written batch, and term counts for sentences that were never stored."""
        if not self.conn.in_transaction:
            raise StoreError(
                f"{self.path}: the transaction was rolled back by SQLite (disk full or I/O"
                " error); nothing half-written was kept, and the next run finishes the work"
            )

    def _write_term_counts(self, counts: Counter[str]) -> None:
        if counts:
            self.conn.executemany(
                "INSERT INTO term_counts (term, doc) VALUES (?, ?)"
                " ON CONFLICT (term) DO UPDATE SET doc = doc + excluded.doc",
                counts.items(),
            )

    def _begin_immediate(self) -> None:
        """``BEGIN IMMEDIATE``, retried while another process holds the write lock.

        ``busy_timeout`` already waits inside SQLite, but in WAL mode a writer can still get
        SQLITE_BUSY at once (e.g. while another connection runs recovery or a checkpoint), so
        "database is locked" must never reach a reviewer: retry with backoff up to the
        store's timeout, then give up with one line naming the file.
        """
        deadline = time.monotonic() + self._timeout
        delay = 0.005
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                message = str(exc).lower()
                if "locked" not in message and "busy" not in message:
                    raise
                if time.monotonic() >= deadline:
                    raise StoreError(f"{self.path}: still busy after {self._timeout:g} s") from None
                time.sleep(delay)
                delay = min(delay * 2, 0.25)

    def _query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    # -- articles ----------------------------------------------------------------------------

    _SAME_SOURCE = (
        "SELECT 1 FROM articles WHERE content_hash = ?"
        " AND (source = ? OR (path = ? AND name = ?) OR (url IS NOT NULL AND url = ?)) LIMIT 1"
    )

    @staticmethod
    def _source_params(doc: Document) -> tuple[str, str, str, str, str]:
        return (doc.content_hash, doc.source or doc.name, doc.path, doc.name, doc.url or "")

    def has_document(self, doc: Document) -> bool:
        """Is this very text from this very source (path, record or URL) stored already?"""
        return bool(self._query(self._SAME_SOURCE, self._source_params(doc)))

    def has_url(self, url: str) -> bool:
        """Is an article stored that was fetched from, or published at, ``url``?"""
        rows = self._query("SELECT 1 FROM articles WHERE source = ? OR url = ? LIMIT 1", (url, url))
        return bool(rows)

    def add_analysed(self, analysed: AnalysedDocument) -> int | None:
        """Store an article with its sentences and claims in one transaction.

        Returns the new article id, or ``None`` when the same text from the same source
        (path, record or URL) is already stored: ingest is idempotent. The same text from
        another source is stored too, marked ``verbatim_of`` the first article with it; when
        its name is taken by that text already, it gets a numbered name, since claim ids are
        made from the name and the original must keep its claims.
        """
        doc = analysed.document
        if self._searches is not None:  # new text changes every ranking
            self._searches.forget()
        with self.transaction() as conn:
            if conn.execute(self._SAME_SOURCE, self._source_params(doc)).fetchone():
                return None
            first = conn.execute(
                "SELECT min(id) FROM articles WHERE content_hash = ?", (doc.content_hash,)
            ).fetchone()[0]
            name = doc.name
            if first is not None:
                taken = {
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM articles WHERE content_hash = ?", (doc.content_hash,)
                    )
                }
                number = 2
                while name in taken:
                    name = f"{doc.name} ({number})"
                    number += 1
            cur = conn.execute(
                "INSERT INTO articles (name, path, content_hash, title, outlet, url, published,"
                " byline, fmt, text, ingested_at, source, verbatim_of, fetched_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    name,
                    doc.path,
                    doc.content_hash,
                    doc.title,
                    doc.outlet,
                    doc.url,
                    doc.published,
                    doc.byline,
                    doc.fmt,
                    doc.text,
                    now_iso(),
                    doc.source or doc.name,
                    first,
                    doc.fetched_at,
                ),
            )
            article_id = int(cur.lastrowid or 0)
            sentence_ids: dict[int, int] = {}
            for unit in analysed.units:
                cur = conn.execute(
                    "INSERT INTO sentences"
                    " (article_id, idx, paragraph, kind, start, end, text, facts)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (
                        article_id,
                        unit.index,
                        unit.paragraph,
                        unit.kind,
                        unit.span.start,
                        unit.span.end,
                        unit.text,
                        _facts_json(unit.facts),
                    ),
                )
                sentence_ids[unit.index] = int(cur.lastrowid or 0)
            counts = self._term_counts[-1]
            for unit in analysed.units:
                if indexed_unit(unit.kind, unit.index):
                    counts.update(sentence_terms(unit.text))
            seen: dict[str, int] = {}
            for position, att in enumerate(analysed.attributions):
                base = claim_id_for(name, att)
                occurrence = seen.get(base, 0)
                seen[base] = occurrence + 1
                claim_id = base if occurrence == 0 else claim_id_for(name, att, occurrence)
                sentence_id = sentence_ids.get(att.sentence_index)
                if sentence_id is None:
                    continue
                self._insert_claim(conn, claim_id, article_id, sentence_id, position, att)
            return article_id

    @staticmethod
    def _insert_claim(
        conn: sqlite3.Connection,
        claim_id: str,
        article_id: int,
        sentence_id: int,
        position: int,
        att: Attribution,
    ) -> None:
        resolved = att.resolved_source or att.source
        conn.execute(
            "INSERT OR REPLACE INTO claims (id, article_id, sentence_id, position, sentence,"
            " source, resolved_source, canonical_source, source_type, cue, content, stance,"
            " quote, hedges, sentence_start, sentence_end, source_start, source_end, cue_start,"
            " cue_end, content_start, content_end, gist, facts, kind)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                claim_id,
                article_id,
                sentence_id,
                position,
                att.sentence,
                att.source,
                resolved,
                att.canonical_source or resolved,
                att.source_type,
                att.cue,
                att.content,
                att.stance,
                att.quote,
                json.dumps(list(att.hedges)),
                att.sentence_span.start,
                att.sentence_span.end,
                att.source_span.start,
                att.source_span.end,
                att.cue_span.start,
                att.cue_span.end,
                att.content_span.start,
                att.content_span.end,
                att.facts.gist if att.facts else None,
                json.dumps(att.facts.to_json(), ensure_ascii=False) if att.facts else None,
                att.kind,
            ),
        )

    def article(self, article_id: int, *, with_text: bool = True) -> ArticleRecord | None:
        rows = self._query("SELECT * FROM articles WHERE id = ?", (article_id,))
        return _article_from_row(rows[0], with_text) if rows else None

    def article_by_name(self, name: str) -> ArticleRecord | None:
        rows = self._query(
            "SELECT * FROM articles WHERE name = ? ORDER BY id DESC LIMIT 1", (name,)
        )
        return _article_from_row(rows[0], True) if rows else None

    def articles(self) -> list[ArticleRecord]:
        return [
            _article_from_row(r, False) for r in self._query("SELECT * FROM articles ORDER BY id")
        ]

    def article_count(self) -> int:
        return int(self._query("SELECT count(*) FROM articles")[0][0])

    def sentences(self, article_id: int) -> list[SentenceRecord]:
        rows = self._query(
            "SELECT * FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,)
        )
        return [_sentence_from_row(r) for r in rows]

    # -- claims ------------------------------------------------------------------------------

    def _where(self, flt: ClaimFilter | None) -> tuple[str, list[Any]]:
        if flt is None:
            return "", []
        clauses: list[str] = []
        params: list[Any] = []
        if flt.rating == 0:
            clauses.append("v.rating IS NULL")
        elif flt.rating is not None:
            clauses.append("v.rating = ?")
            params.append(flt.rating)
        if flt.source_type:
            clauses.append("c.source_type = ?")
            params.append(flt.source_type)
        if flt.kind:
            clauses.append("c.kind = ?")
            params.append(flt.kind)
        if flt.outlet:
            clauses.append("a.outlet = ?")
            params.append(flt.outlet)
        if flt.article_id is not None:
            clauses.append("c.article_id = ?")
            params.append(flt.article_id)
        if flt.story_id is not None:
            clauses.append("a.story_id = ?")
            params.append(flt.story_id)
        if flt.has_conflict:
            clauses.append("c.id IN (SELECT claim_id FROM figure_conflicts)")
        if flt.no_independent_support:
            clauses.append("c.independent_support = 0")
        if flt.clusters:
            clauses.append("(c.cluster_id IS NULL OR c.cluster_id = c.id)")
        if flt.search:
            match = words_match(flt.search)
            if match:
                clauses.append(
                    "c.sentence_id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)"
                )
                params.append(match)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def claims(
        self, flt: ClaimFilter | None = None, *, offset: int = 0, limit: int | None = None
    ) -> list[ClaimRecord]:
        """Claims in queue order: by article, then by their order in the article."""
        where, params = self._where(flt)
        sql = f"{CLAIM_SELECT}{where} ORDER BY c.article_id, c.position"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [claim_from_row(r) for r in self._query(sql, params)]

    def claim_ids(self, flt: ClaimFilter | None = None) -> list[str]:
        """Just the ids in queue order: cheap enough to hold for 100k claims in the TUI.

        The queue puts the most check-worthy claims first (``claims.priority``), then reading
        order; ``ClaimFilter(sort="article")`` asks for reading order alone.
        """
        where, params = self._where(flt)
        order = "c.article_id, c.position"
        if flt is None or flt.sort != "article":
            order = "c.priority DESC, " + order
        sql = (
            "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id"
            f" LEFT JOIN verdicts v ON v.claim_id = c.id{where}"
            f" ORDER BY {order}"
        )
        return [r[0] for r in self._query(sql, params)]

    def claim_ids_of_articles(self, article_ids: Iterable[int]) -> list[str]:
        """The ids of the claims of ``article_ids``, in reading order."""
        wanted = sorted(set(article_ids))
        out: list[str] = []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows = self._query(
                f"SELECT id FROM claims WHERE article_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY article_id, position",
                chunk,
            )
            out += [r[0] for r in rows]
        return out

    def claim_statements(self, ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """What each claim states, by id: content, sentence, stance and source as stored.

        Claims that state the same thing (a wire story's copies repeat every claim of it)
        are judged once and share the result (``corroborate``); this reads only the few
        columns that tell them apart, not whole claims with their verdicts and counts.
        """
        return {
            i: tuple(str(v) for v in statement)
            for i, statement in self._statement_rows(ids).items()
        }

    def _statement_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        """``claim_statements`` as stored (NULL as None): what ``first_claims`` looks up."""
        out: dict[str, tuple[Any, ...]] = {}
        for i in range(0, len(ids), _JOIN_MAX):
            chunk = list(ids[i : i + _JOIN_MAX])
            rows = self._query(
                "SELECT id, content, sentence, coalesce(stance, ''), source,"
                " coalesce(resolved_source, ''), coalesce(canonical_source, ''), source_type"
                f" FROM claims WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            out.update((r[0], tuple(r[1:])) for r in rows)
        return out

    def first_claims(self, ids: Sequence[str]) -> dict[str, str]:
        """For each of ``ids`` that another stored claim states too (``claim_statements``),
        the id of the first claim stating it (by article, then position): the one whose
        judging the others share, wherever in the corpus it is and whichever claims a run
        corroborates, so the CLI finds what an ingest stored. Each statement is looked up by
        its content and sentence (``idx_claims_statement``): a stock phrase shared by
        thousands of claims costs no more than a rare one."""
        stored = self._statement_rows(ids)
        said = {i: tuple(str(v) for v in statement) for i, statement in stored.items()}
        wanted = sorted({statement[:2] for statement in stored.values()}, key=repr)
        makers: dict[tuple[str, ...], list[tuple[int, int, str]]] = {}
        rows = self._query(
            "SELECT c.id, c.article_id, c.position, c.content, c.sentence,"
            " coalesce(c.stance, ''), c.source, coalesce(c.resolved_source, ''),"
            " coalesce(c.canonical_source, ''), c.source_type"
            " FROM json_each(?) j JOIN claims c"
            " ON c.content = json_extract(j.value, '$[0]')"
            " AND c.sentence IS json_extract(j.value, '$[1]')",
            (json.dumps(wanted),),
        )
        for r in rows:
            key = tuple(str(v) for v in r[3:])
            makers.setdefault(key, []).append((int(r[1]), int(r[2]), str(r[0])))
        firsts = {key: min(found)[2] for key, found in makers.items() if len(found) > 1}
        return {i: firsts[key] for i, key in said.items() if key in firsts}

    def claims_by_ids(self, ids: Sequence[str]) -> list[ClaimRecord]:
        """The claims for ``ids``, in the order given (missing ids are skipped)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._query(f"{CLAIM_SELECT} WHERE c.id IN ({marks})", list(ids))
        by_id = {r["id"]: claim_from_row(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def claim(self, claim_id: str) -> ClaimRecord | None:
        found = self.claims_by_ids([claim_id])
        return found[0] if found else None

    def claim_count(self, flt: ClaimFilter | None = None) -> int:
        where, params = self._where(flt)
        sql = (
            "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id"
            f" LEFT JOIN verdicts v ON v.claim_id = c.id{where}"
        )
        return int(self._query(sql, params)[0][0])

    def rated_count(self) -> int:
        return int(self._query("SELECT count(*) FROM verdicts WHERE rating IS NOT NULL")[0][0])

    # -- retrieval ---------------------------------------------------------------------------

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many sentences contain each (stemmed) term, from the store's term counts.

        Inside ``remembered_searches`` each term is read once: every query of a run asks
        (tracking builds one per claim and one per new sentence, ~35,000 on a breaking desk).
        """
        memo = self._searches
        if memo is not None:
            wanted = set(terms)
            known = {t: memo.df[t] for t in wanted if t in memo.df}
            missing = wanted - known.keys()
            if missing:
                found = self._document_frequencies(missing)
                fresh = {t: found.get(t, -1) for t in missing}
                memo.remember_df(fresh)
                known.update(fresh)
            return {t: n for t, n in known.items() if n >= 0}
        return self._document_frequencies(terms)

    def _document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(terms))
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = self._query(f"SELECT term, doc FROM term_counts WHERE term IN ({marks})", wanted)
        return {r["term"]: int(r["doc"]) for r in rows}

    def sentence_total(self) -> int:
        return int(self._query("SELECT count(*) FROM sentences")[0][0])

    def search_sentences(
        self,
        match: str,
        *,
        limit: int = 20,
        exclude_article: int | None = None,
    ) -> list[tuple[SentenceRecord, float, ArticleRecord]]:
        """The best ``limit`` sentences for an FTS5 MATCH expression (higher score is better).

        Only body sentences and titles are indexed (``schema.INDEXED_WHEN``): only they are found.
        """
        # Joined in one statement for the whole page (when no filter drops rows): the
        # caller's limit, not a fixed chunk, sizes the join.
        found = self.iter_search_sentences(
            match, exclude_article=exclude_article, chunk=min(max(1, limit), _JOIN_MAX)
        )
        return list(itertools.islice(found, limit))

    def iter_search_sentences(
        self,
        match: str,
        *,
        exclude_article: int | None = None,
        chunk: int = _JOIN_CHUNK,
    ) -> Iterator[tuple[SentenceRecord, float, ArticleRecord]]:
        """BM25-ranked sentences for an FTS5 MATCH expression, best first, lazily.

        FTS5 scores every match before it can return the best one, so the costly part is one
        ranking pass; ranking again because a filter (the claim's own article) or the
        caller's de-duplication dropped rows would repeat all of it. So one pass fetches a
        wide window of ranked ids (cheap to hold), and only the rows a caller actually takes
        are joined to their sentence and article, ``chunk`` at a time (a caller that knows
        how many it takes says so). Ties keep id order.
        """
        if not match.strip():
            return
        memo = self._searches
        if memo is not None:
            yield from self._iter_remembered(memo, match, exclude_article, chunk)
            return
        extra = ""
        filters: list[Any] = []
        if exclude_article is not None:
            extra += " AND s.article_id != ?"
            filters.append(exclude_article)
        window = _RANKED_WINDOW
        walked: set[int] = set()
        while True:
            ranked = self._ranked(match, window)
            fresh = [item for item in ranked if item[1] not in walked]
            for i in range(0, len(fresh), chunk):
                part = fresh[i : i + chunk]
                by_id = self._joined([rowid for _, rowid in part], extra, filters)
                for rank, rowid in part:
                    if rowid in by_id:
                        sentence, article = by_id[rowid]
                        yield sentence, -rank, article
            if len(ranked) < window:
                return
            walked.update(rowid for _, rowid in ranked)
            window *= 8

    def _ranked(self, match: str, window: int) -> list[tuple[float, int]]:
        """One FTS5 ranking pass: the best ``window`` ``(rank, rowid)``, ties in id order."""
        return sorted(
            (float(r[1]), int(r[0]))
            for r in self._query(
                "SELECT rowid, rank FROM sentences_fts WHERE sentences_fts MATCH ?"
                " ORDER BY rank LIMIT ?",
                (match, window),
            )
        )

    def _iter_remembered(
        self, memo: _SearchMemo, match: str, exclude_article: int | None, chunk: int
    ) -> Iterator[tuple[SentenceRecord, float, ArticleRecord]]:
        """``iter_search_sentences`` from ``memo``: the same rows in the same order, each
        ranking pass and each row read from the database once while the memo is open."""
        window = _RANKED_WINDOW
        walked: set[int] = set()
        while True:
            key = (match, window)
            ranked = memo.ranked.get(key)
            if ranked is None:
                found = self._ranked(match, window)
                ranked = (array("d", (r for r, _ in found)), array("q", (i for _, i in found)))
                memo.remember_ranked(key, ranked)
            ranks, rowids = ranked
            # Only the rows a caller takes, a chunk at a time: a caller taking 40 of a window
            # of 200 does not pay for the other 160 (tracking asks ~40 per claim).
            for start in range(0, len(rowids), chunk):
                part = [
                    (ranks[k], rowids[k])
                    for k in range(start, min(start + chunk, len(rowids)))
                    if rowids[k] not in walked
                ]
                if not part:
                    continue
                rows = self._remembered_rows(memo, [rowid for _, rowid in part])
                for (rank, _), row in zip(part, rows, strict=True):
                    if row is not None and row[0].article_id != exclude_article:
                        yield row[0], -rank, row[1]
            if len(rowids) < window:
                return
            walked.update(rowids)
            window *= 8

    def _remembered_rows(
        self, memo: _SearchMemo, ids: list[int]
    ) -> list[tuple[SentenceRecord, ArticleRecord] | None]:
        """The joined row of each id, in order (None when not stored), read once."""
        known = memo.rows
        missing = [i for i in ids if i not in known]
        if missing:
            memo.remember_rows(self._joined(missing, "", []))
        return [known.get(i) for i in ids]

    @contextmanager
    def remembered_searches(self) -> Iterator[None]:
        """Inside this block, each FTS5 ranking pass and each searched row is read once.

        A one-story desk searches the same MATCH expressions over and over: every copy of an
        article repeats its claims, so corroboration and tracking rank the same query once
        per copy (on a 400-article breaking desk ~17 ms CPU each, most of the ingest). The
        caller promises what the memo depends on does not change inside the block: the
        indexed text and the articles' own fields (corroboration and tracking write
        evidence, links and stories only). Adding an article through this store forgets
        everything remembered, so a write cannot leave a stale ranking behind. Nested
        blocks share the outer one's memo.
        """
        with self._lock:
            outer = self._searches is None
            if outer:
                self._searches = _SearchMemo()
        try:
            yield
        finally:
            if outer:
                with self._lock:
                    self._searches = None

    def sentences_by_ids(
        self, sentence_ids: Sequence[int]
    ) -> dict[int, tuple[SentenceRecord, ArticleRecord]]:
        """Sentences with their articles, by id (ids not stored are absent)."""
        out: dict[int, tuple[SentenceRecord, ArticleRecord]] = {}
        memo = self._searches
        if memo is not None:  # the same rows searches read: remembered with them
            ids = list(dict.fromkeys(sentence_ids))
            for start in range(0, len(ids), _JOIN_MAX):
                part = ids[start : start + _JOIN_MAX]
                rows = self._remembered_rows(memo, part)
                out.update((i, row) for i, row in zip(part, rows, strict=True) if row is not None)
            return out
        for i in range(0, len(sentence_ids), _JOIN_CHUNK):
            out.update(self._joined(list(sentence_ids[i : i + _JOIN_CHUNK]), "", []))
        return out

    def _joined(
        self, ids: list[int], extra: str, filters: list[Any]
    ) -> dict[int, tuple[SentenceRecord, ArticleRecord]]:
        rows = self._query(
            "SELECT s.*, a.id AS a_id, a.name AS a_name, a.content_hash AS a_hash,"
            " a.title AS a_title, a.outlet AS a_outlet, a.url AS a_url,"
            " a.published AS a_published, a.byline AS a_byline, a.fmt AS a_fmt,"
            " a.ingested_at AS a_ingested"
            " FROM sentences s JOIN articles a ON a.id = s.article_id"
            f" WHERE s.id IN ({','.join('?' * len(ids))}){extra}",
            [*ids, *filters],
        )
        return {int(r["id"]): (_sentence_from_row(r), _article_from_joined_row(r)) for r in rows}

    # -- evidence ----------------------------------------------------------------------------

    def passage_facts(self, sentence_ids: Iterable[int]) -> dict[int, PassageFacts]:
        """The text stage's stored reading of each sentence that has one (body sentences)."""
        wanted = sorted(set(sentence_ids))
        out: dict[int, PassageFacts] = {}
        memo = self._searches
        parse = PassageFacts.from_json if memo is None else memo.reading
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows = self._query(
                f"SELECT id, facts FROM sentences WHERE id IN ({','.join('?' * len(chunk))})"
                " AND facts IS NOT NULL",
                chunk,
            )
            for sid, stored in rows:
                try:
                    out[sid] = parse(stored)
                except ValueError:
                    continue  # unreadable: the caller reads the sentence itself
        return out

    def replace_evidence(self, claim_id: str, evidence: Sequence[EvidenceRecord]) -> None:
        with self.transaction() as conn:
            self._replace_evidence(conn, claim_id, evidence)

    def replace_evidence_many(self, items: Iterable[tuple[str, Sequence[EvidenceRecord]]]) -> None:
        """Evidence for many claims in one transaction: one fsync for a whole ingest."""
        with self.transaction() as conn:
            for claim_id, evidence in items:
                self._replace_evidence(conn, claim_id, evidence)

    @staticmethod
    def _replace_evidence(
        conn: sqlite3.Connection, claim_id: str, evidence: Sequence[EvidenceRecord]
    ) -> None:
        conn.execute("DELETE FROM evidence WHERE claim_id = ?", (claim_id,))
        conn.executemany(
            "INSERT OR REPLACE INTO evidence (claim_id, sentence_id, score, rank, relation,"
            " independent, reasons) VALUES (?,?,?,?,?,?,?)",
            [
                (
                    claim_id,
                    e.sentence_id,
                    e.score,
                    e.rank,
                    e.relation,
                    None if e.independent is None else int(e.independent),
                    json.dumps(list(e.reasons)),
                )
                for e in evidence
            ],
        )

    def evidence(self, claim_id: str) -> list[EvidenceRecord]:
        rows = self._query(
            "SELECT e.*, s.article_id, s.text AS sentence, a.name AS article_name,"
            " a.outlet, a.published, a.title FROM evidence e"
            " JOIN sentences s ON s.id = e.sentence_id JOIN articles a ON a.id = s.article_id"
            " WHERE e.claim_id = ? ORDER BY e.rank",
            (claim_id,),
        )
        return [
            EvidenceRecord(
                claim_id=r["claim_id"],
                sentence_id=r["sentence_id"],
                article_id=r["article_id"],
                article_name=r["article_name"],
                outlet=r["outlet"],
                published=r["published"],
                sentence=r["sentence"],
                score=r["score"],
                rank=r["rank"],
                relation=r["relation"] or "related",
                independent=None if r["independent"] is None else bool(r["independent"]),
                reasons=tuple(json.loads(r["reasons"] or "[]")),
                title=r["title"],
            )
            for r in rows
        ]

    # -- sessions ----------------------------------------------------------------------------

    def start_session(self, reviewer: str) -> ReviewSession:
        started = now_iso()
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO sessions (reviewer, started_at) VALUES (?, ?)", (reviewer, started)
            )
        return ReviewSession(int(cur.lastrowid or 0), reviewer, started, None, 0)

    def end_session(self, session_id: int) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (now_iso(), session_id))

    def session(self, session_id: int) -> ReviewSession | None:
        rows = self._query(
            "SELECT s.*, (SELECT count(*) FROM verdict_events e WHERE e.session_id = s.id"
            " AND e.field = 'rating') AS rated FROM sessions s WHERE s.id = ?",
            (session_id,),
        )
        if not rows:
            return None
        r = rows[0]
        return ReviewSession(r["id"], r["reviewer"], r["started_at"], r["ended_at"], r["rated"])

    # -- verdicts ----------------------------------------------------------------------------

    def verdict(self, claim_id: str) -> Verdict | None:
        rows = self._query("SELECT * FROM verdicts WHERE claim_id = ?", (claim_id,))
        if not rows:
            return None
        return _verdict_from_row(rows[0])

    def record_rating(
        self,
        claim_id: str,
        rating: int | None,
        *,
        reviewer: str,
        session_id: int | None = None,
        note: str | None = None,
        seen_at: str | None = _UNCHECKED,
    ) -> Verdict:
        """Set a claim's rating (``None`` clears it); the event and the verdict land together.

        ``seen_at`` is the ``verdict_at`` the reviewer was shown; when given and another
        session has changed the verdict since, ``StaleVerdictError`` is raised.
        """
        if rating is not None and rating not in RATINGS:
            raise ValueError(f"rating must be one of {sorted(RATINGS)}, not {rating!r}")
        return self._set_field(
            claim_id, "rating", rating, reviewer, session_id, note, seen_at=seen_at
        )

    def record_note(
        self, claim_id: str, note: str, *, reviewer: str, session_id: int | None = None
    ) -> Verdict:
        return self._set_field(claim_id, "note", note or None, reviewer, session_id, None)

    def record_attribution_check(
        self, claim_id: str, check: str | None, *, reviewer: str, session_id: int | None = None
    ) -> Verdict:
        if check is not None and check not in ATTRIBUTION_CHECKS:
            raise ValueError(f"attribution check must be one of {', '.join(ATTRIBUTION_CHECKS)}")
        return self._set_field(claim_id, "attribution_check", check, reviewer, session_id, None)

    def record_source_grade(
        self, claim_id: str, grade: str | None, *, reviewer: str, session_id: int | None = None
    ) -> Verdict:
        if grade is not None:
            grade = grade.strip().upper()
            if grade not in SOURCE_GRADES:
                raise ValueError(f"source grade must be one of {', '.join(SOURCE_GRADES)}")
        return self._set_field(claim_id, "source_grade", grade, reviewer, session_id, None)

    def record_recheck_date(
        self, claim_id: str, day: str | None, *, reviewer: str, session_id: int | None = None
    ) -> Verdict:
        if day is not None:
            try:
                day = date.fromisoformat(day.strip()).isoformat()
            except ValueError:
                raise ValueError(f"re-check date must be YYYY-MM-DD, not {day!r}") from None
        return self._set_field(claim_id, "recheck_date", day, reviewer, session_id, None)

    def record_evidence_mark(
        self,
        claim_id: str,
        sentence_id: int,
        mark: str | None,
        *,
        reviewer: str,
        session_id: int | None = None,
    ) -> None:
        """Mark an evidence sentence as supporting or contradicting a claim (``None`` clears).

        The history event's field is ``evidence:<sentence_id>`` so undo and the audit trail
        know which sentence a mark was about.
        """
        if mark is not None and mark not in EVIDENCE_MARKS:
            raise ValueError(f"evidence mark must be one of {', '.join(EVIDENCE_MARKS)}")
        self._write_mark(claim_id, sentence_id, mark, reviewer, session_id, None, None)

    def _write_mark(
        self,
        claim_id: str,
        sentence_id: int,
        mark: str | None,
        reviewer: str,
        session_id: int | None,
        note: str | None,
        undoes: int | None,
    ) -> None:
        field = f"evidence:{int(sentence_id)}"
        at = now_iso()
        with self.transaction() as conn:
            if not conn.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone():
                raise KeyError(f"no claim with id {claim_id!r}")
            current = conn.execute(
                "SELECT mark FROM evidence_marks WHERE claim_id = ? AND sentence_id = ?",
                (claim_id, sentence_id),
            ).fetchone()
            old = None if current is None else current[0]
            conn.execute(
                "INSERT INTO verdict_events (claim_id, field, old, new, reviewer, session_id, at,"
                " note, undoes) VALUES (?,?,?,?,?,?,?,?,?)",
                (claim_id, field, old, mark, reviewer, session_id, at, note, undoes),
            )
            if mark is None:
                conn.execute(
                    "DELETE FROM evidence_marks WHERE claim_id = ? AND sentence_id = ?",
                    (claim_id, sentence_id),
                )
            else:
                conn.execute(
                    "INSERT OR REPLACE INTO evidence_marks (claim_id, sentence_id, mark, reviewer,"
                    " session_id, at) VALUES (?,?,?,?,?,?)",
                    (claim_id, sentence_id, mark, reviewer, session_id, at),
                )

    def evidence_marks(self, claim_id: str) -> dict[int, str]:
        rows = self._query(
            "SELECT sentence_id, mark FROM evidence_marks WHERE claim_id = ?", (claim_id,)
        )
        return {int(r[0]): r[1] for r in rows}

    def _set_field(
        self,
        claim_id: str,
        field: str,
        value: int | str | None,
        reviewer: str,
        session_id: int | None,
        note: str | None,
        undoes: int | None = None,
        *,
        seen_at: str | None = _UNCHECKED,
    ) -> Verdict:
        if field not in VERDICT_FIELDS:
            raise ValueError(f"unknown verdict field {field!r}")
        at = now_iso()
        with self.transaction() as conn:
            if not conn.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone():
                raise KeyError(f"no claim with id {claim_id!r}")
            current = conn.execute(
                f"SELECT {field}, updated_at, session_id, reviewer FROM verdicts"
                " WHERE claim_id = ?",
                (claim_id,),
            ).fetchone()
            old = None if current is None else current[0]
            if (
                seen_at != _UNCHECKED
                and current is not None
                and current["updated_at"] != seen_at
                and (current["session_id"] != session_id or session_id is None)
            ):
                raise StaleVerdictError(claim_id, current["reviewer"], current["updated_at"])
            conn.execute(
                "INSERT INTO verdict_events (claim_id, field, old, new, reviewer, session_id, at,"
                " note, undoes) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    claim_id,
                    field,
                    None if old is None else str(old),
                    None if value is None else str(value),
                    reviewer,
                    session_id,
                    at,
                    note,
                    undoes,
                ),
            )
            conn.execute(
                f"INSERT INTO verdicts (claim_id, {field}, reviewer, session_id, updated_at)"
                " VALUES (?,?,?,?,?) ON CONFLICT(claim_id) DO UPDATE SET"
                f" {field} = excluded.{field}, reviewer = excluded.reviewer,"
                " session_id = excluded.session_id, updated_at = excluded.updated_at",
                (claim_id, value, reviewer, session_id, at),
            )
            out = conn.execute("SELECT * FROM verdicts WHERE claim_id = ?", (claim_id,)).fetchone()
        return _verdict_from_row(out)

    def undo_last(self, *, reviewer: str, session_id: int | None) -> VerdictEvent | None:
        """Reverse the newest not-yet-undone change of this session with a new event.

        History is never rewritten: the undo is itself an event pointing at what it undoes,
        so repeated undos walk back one change at a time. A rating given to a claim cluster
        is one change: its events share one "via cluster" note and are undone together.
        """
        event = self._undo_newest(reviewer, session_id, None)
        if event is not None and (event.note or "").startswith(CLUSTER_NOTE):
            # The rated claim itself was written first: undone last, it is what is returned.
            while (earlier := self._undo_newest(reviewer, session_id, event.note)) is not None:
                event = earlier
        return event

    def _undo_newest(
        self, reviewer: str, session_id: int | None, note: str | None
    ) -> VerdictEvent | None:
        """Undo the newest undoable event of the session (with this note, when given)."""
        with self._lock:
            row = self.conn.execute(
                "SELECT * FROM verdict_events e WHERE e.session_id IS ? AND e.undoes IS NULL"
                " AND e.id NOT IN (SELECT undoes FROM verdict_events WHERE undoes IS NOT NULL)"
                # Only a reviewer's own edits: not re-ingest status changes or second reviews.
                f" AND (e.field IN ({','.join('?' * len(VERDICT_FIELDS))})"
                " OR e.field LIKE 'evidence:%')"
                + ("" if note is None else " AND e.note = ?")
                + " ORDER BY e.id DESC LIMIT 1",
                (session_id, *VERDICT_FIELDS, *(() if note is None else (note,))),
            ).fetchone()
            if row is None:
                return None
            old: str | None = row["old"]
            field: str = row["field"]
            if field.startswith("evidence:"):
                self._undo_mark(row, reviewer, session_id)
                return _event_from_row(row)
            value: int | str | None = old
            if field == "rating" and old is not None:
                value = int(old)
            self._set_field(row["claim_id"], field, value, reviewer, session_id, "undo", row["id"])
            return _event_from_row(row)

    def _undo_mark(self, row: sqlite3.Row, reviewer: str, session_id: int | None) -> None:
        sentence_id = int(row["field"].split(":", 1)[1])
        self._write_mark(
            row["claim_id"], sentence_id, row["old"], reviewer, session_id, "undo", row["id"]
        )

    def history(self, claim_id: str) -> list[VerdictEvent]:
        rows = self._query(
            "SELECT * FROM verdict_events WHERE claim_id = ? ORDER BY id", (claim_id,)
        )
        return [_event_from_row(r) for r in rows]

    # -- export ------------------------------------------------------------------------------

    def verdict_rows(self, flt: ClaimFilter | None = None) -> Iterator[dict[str, Any]]:
        """One flat row per claim with its current verdict: what every export format starts from."""
        where, params = self._where(flt)
        sql = (
            "SELECT c.id AS claim_id, a.name AS article, a.outlet, a.url, a.published, a.title,"
            " c.source, c.resolved_source, c.canonical_source, c.source_type, c.cue, c.content,"
            " c.stance, c.quote, c.kind, c.sentence, v.rating, v.note, v.reviewer,"
            " v.updated_at AS time,"
            " (SELECT count(*) FROM evidence e WHERE e.claim_id = c.id) AS evidence_count"
            " FROM claims c JOIN articles a ON a.id = c.article_id"
            f" LEFT JOIN verdicts v ON v.claim_id = c.id{where}"
            " ORDER BY c.article_id, c.position"
        )
        for r in self._query(sql, params):
            row = dict(r)
            row["rating_name"] = RATINGS.get(row["rating"]) if row["rating"] else None
            yield row


def _verdict_from_row(r: sqlite3.Row) -> Verdict:
    return Verdict(
        claim_id=r["claim_id"],
        rating=r["rating"],
        note=r["note"],
        reviewer=r["reviewer"],
        session_id=r["session_id"],
        updated_at=r["updated_at"],
        attribution_check=r["attribution_check"],
        source_grade=r["source_grade"],
        recheck_date=r["recheck_date"],
    )


def _article_from_joined_row(r: sqlite3.Row) -> ArticleRecord:
    """The article of a sentence row joined with ``a_``-prefixed article columns."""
    return ArticleRecord(
        id=r["a_id"],
        name=r["a_name"],
        content_hash=r["a_hash"],
        title=r["a_title"],
        outlet=r["a_outlet"],
        url=r["a_url"],
        published=r["a_published"],
        byline=r["a_byline"],
        fmt=r["a_fmt"],
        ingested_at=r["a_ingested"],
    )


def _sentence_from_row(r: sqlite3.Row) -> SentenceRecord:
    return SentenceRecord(
        id=r["id"],
        article_id=r["article_id"],
        index=r["idx"],
        paragraph=r["paragraph"],
        kind=r["kind"],
        start=r["start"],
        end=r["end"],
        text=r["text"],
    )


def _event_from_row(r: sqlite3.Row) -> VerdictEvent:
    return VerdictEvent(
        id=r["id"],
        claim_id=r["claim_id"],
        field=r["field"],
        old=r["old"],
        new=r["new"],
        reviewer=r["reviewer"],
        session_id=r["session_id"],
        at=r["at"],
        note=r["note"],
    )


def open_store(path: str | Path | None = None) -> Store:
    """Open (creating and migrating as needed) the database at ``path`` or the default."""
    return Store(path or default_db_path())
