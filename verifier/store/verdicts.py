"""Verdicts beyond one reviewer and one article version: second review, agreement, carry-over.

Everything here goes through ``Store`` and its transactions, and every change it makes to a
verdict is a ``verdict_events`` row like the TUI's, so ``verifier history`` tells the whole
story: who rated a claim, who reviewed it a second time, and which verdicts were carried over
from an earlier version of an article (and whether the text changed since).
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from verifier.models import RATINGS, VERDICT_FIELDS, ArticleRecord
from verifier.store.db import ClaimFilter, Store, now_iso

# --- claims by id -----------------------------------------------------------------------------


def resolve_claim_id(store: Store, text: str) -> str:
    """The claim a user means by a full id or a unique prefix of at least 4 characters.

    Raises ``KeyError`` with a one-line reason (unknown, or ambiguous prefix).
    """
    wanted = text.strip().lower()
    if not wanted:
        raise KeyError("empty claim id")
    rows = store._query("SELECT id FROM claims WHERE id = ?", (wanted,))
    if rows:
        return str(rows[0][0])
    if len(wanted) >= 4 and re.fullmatch(r"[0-9a-f]+", wanted):
        rows = store._query(
            "SELECT id FROM claims WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (wanted, wanted + "g"),
        )
        if len(rows) == 1:
            return str(rows[0][0])
        if len(rows) > 1:
            raise KeyError(f"claim id prefix {text!r} is ambiguous; give more characters")
    raise KeyError(f"no claim with id {text!r}")


# --- second review ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Review:
    """One reviewer's own latest rating of a claim (not necessarily the current verdict)."""

    claim_id: str
    reviewer: str
    rating: int
    at: str
    session_id: int | None = None


def record_review(
    store: Store,
    claim_id: str,
    rating: int | None,
    *,
    reviewer: str,
    session_id: int | None = None,
    note: str | None = None,
) -> None:
    """A second (blind) review: the reviewer's rating is kept and counted for agreement, but
    the claim's current verdict is left as the first reviewer made it.

    Stored as a ``review`` event; a trigger keeps ``reviews`` in step in the same transaction.
    """
    if rating is not None and rating not in RATINGS:
        raise ValueError(f"rating must be one of {sorted(RATINGS)}, not {rating!r}")
    with store.transaction() as conn:
        if not conn.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone():
            raise KeyError(f"no claim with id {claim_id!r}")
        current = conn.execute(
            "SELECT rating FROM reviews WHERE claim_id = ? AND reviewer = ?",
            (claim_id, reviewer),
        ).fetchone()
        conn.execute(
            "INSERT INTO verdict_events (claim_id, field, old, new, reviewer, session_id, at,"
            " note) VALUES (?,?,?,?,?,?,?,?)",
            (
                claim_id,
                "review",
                None if current is None else str(current[0]),
                None if rating is None else str(rating),
                reviewer,
                session_id,
                now_iso(),
                note,
            ),
        )


def reviews(store: Store, claim_id: str | None = None) -> list[Review]:
    """Every reviewer's latest rating, of one claim or of all, oldest claim first."""
    sql = "SELECT claim_id, reviewer, rating, at, session_id FROM reviews"
    params: tuple[Any, ...] = ()
    if claim_id is not None:
        sql += " WHERE claim_id = ?"
        params = (claim_id,)
    rows = store._query(sql + " ORDER BY claim_id, at", params)
    return [Review(r[0], r[1], int(r[2]), r[3], r[4]) for r in rows]


# --- agreement --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PairAgreement:
    """Cohen's kappa of two reviewers over the claims both rated."""

    a: str
    b: str
    claims: int
    observed: float  # share of those claims where they gave the same rating
    kappa: float | None  # None when undefined (fewer than 2 shared claims)


@dataclass(frozen=True, slots=True)
class Disagreement:
    claim_id: str
    content: str
    ratings: tuple[tuple[str, int], ...]  # (reviewer, rating), by reviewer name


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """Inter-reviewer agreement over every claim rated by at least two reviewers.

    Ratings are nominal (``not checkable`` is not a point on the truth scale), so kappa and
    alpha use NLTK's binary distance: any two different ratings disagree equally.
    """

    reviewers: tuple[str, ...]
    claims: int  # claims with two or more reviewers
    pairs: tuple[PairAgreement, ...]
    alpha: float | None  # Krippendorff's alpha over all of them; None when undefined
    disagreements: tuple[Disagreement, ...] = field(default=())


def agreement(store: Store) -> AgreementReport:
    """Cohen's kappa per pair of reviewers and Krippendorff's alpha (``nltk.metrics``)."""
    from nltk.metrics.agreement import AnnotationTask

    rows = store._query(
        "SELECT r.claim_id, r.reviewer, r.rating, c.content FROM reviews r"
        " JOIN claims c ON c.id = r.claim_id"
        " WHERE r.claim_id IN (SELECT claim_id FROM reviews GROUP BY claim_id"
        " HAVING count(*) >= 2) ORDER BY c.article_id, c.position, r.reviewer"
    )
    by_claim: dict[str, dict[str, int]] = {}
    contents: dict[str, str] = {}
    for claim_id, reviewer, rating, content in rows:
        by_claim.setdefault(claim_id, {})[reviewer] = int(rating)
        contents[claim_id] = content
    reviewers = tuple(sorted({r for ratings in by_claim.values() for r in ratings}))
    pairs = []
    for i, a in enumerate(reviewers):
        for b in reviewers[i + 1 :]:
            shared = [c for c, ratings in by_claim.items() if a in ratings and b in ratings]
            if not shared:
                continue
            same = sum(by_claim[c][a] == by_claim[c][b] for c in shared)
            kappa = None
            if len(shared) >= 2:
                task = AnnotationTask(
                    data=[(coder, c, by_claim[c][coder]) for c in shared for coder in (a, b)]
                )
                kappa = _safe(task.kappa)
            pairs.append(PairAgreement(a, b, len(shared), same / len(shared), kappa))
    alpha = None
    if len(by_claim) >= 2:
        data = [(r, c, rating) for c, ratings in by_claim.items() for r, rating in ratings.items()]
        alpha = _safe(AnnotationTask(data=data).alpha)
    disagreements = tuple(
        Disagreement(c, contents[c], tuple(sorted(ratings.items())))
        for c, ratings in by_claim.items()
        if len(set(ratings.values())) > 1
    )
    return AgreementReport(reviewers, len(by_claim), tuple(pairs), alpha, disagreements)


def _safe(compute: Any) -> float | None:
    """kappa and alpha divide by expected disagreement, which is 0 when one rating is used."""
    try:
        value = float(compute())
    except ZeroDivisionError:
        return None
    return value if value == value else None  # NaN -> undefined


# --- re-ingest: carry verdicts to a new version of an article ---------------------------------


@dataclass(frozen=True, slots=True)
class CarryReport:
    """What happened to the verdicts of the previous version when a new one was stored."""

    previous: ArticleRecord | None
    kept: int = 0  # same claim (same id, or identical text): verdict carried unchanged
    changed: int = 0  # text changed slightly: verdict carried and flagged text_changed
    orphaned: int = 0  # claims of the previous version with no counterpart: kept, orphaned
    orphaned_rated: int = 0  # of those, the ones with a verdict: what a reviewer must look at


SIMILAR = 0.75
"""Least similarity (difflib ratio over words) of two contents for "changed only slightly".

A changed figure ("at least seven" -> "at least 11") in a sentence-long claim stays well
above it; a different claim by the same source shares far less.
"""


def previous_version(store: Store, article_id: int) -> ArticleRecord | None:
    """The latest earlier article that this one updates: same outlet and same story.

    Same story means the same URL, file name (``feed.jsonl#3`` for a record) or story id, or
    the same title; a republication by another outlet is a copy, not a version, and keeps its
    own verdicts.
    """
    rows = store._query("SELECT * FROM articles WHERE id = ?", (article_id,))
    if not rows:
        return None
    new = rows[0]
    # Not the path: every record of one JSONL file shares it, and they are different articles.
    keys = [("name", new["name"])]
    keys += [(k, new[k]) for k in ("url", "title", "story_id") if new[k]]
    same = " OR ".join(f"a.{k} = ?" for k, v in keys if v not in (None, ""))
    params = [v for _, v in keys if v not in (None, "")]
    if not same:
        return None
    found = store._query(
        "SELECT a.id FROM articles a WHERE a.id < ? AND a.content_hash != ?"
        " AND coalesce(lower(a.outlet), '') = coalesce(lower(?), '')"
        f" AND ({same}) ORDER BY a.id DESC LIMIT 1",
        [article_id, new["content_hash"], new["outlet"], *params],
    )
    return store.article(int(found[0][0]), with_text=False) if found else None


def _norm(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def _same_source(a: sqlite3.Row, b: sqlite3.Row) -> bool:
    """Who says it is part of the claim: "the group claimed X" and "we confirmed X" differ."""
    names_a = {_norm(a[k]) for k in ("source", "resolved_source", "canonical_source")} - {""}
    names_b = {_norm(b[k]) for k in ("source", "resolved_source", "canonical_source")} - {""}
    return bool(names_a & names_b)


def _similarity(a: sqlite3.Row, b: sqlite3.Row) -> float:
    """Word-level similarity of two claims' contents, 0 when their sources differ."""
    if not _same_source(a, b):
        return 0.0
    left, right = _norm(a["content"]).split(), _norm(b["content"]).split()
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


def carry_verdicts(store: Store, article_id: int) -> CarryReport:
    """Carry the previous version's verdicts to the claims of article ``article_id``.

    An unchanged claim keeps its verdict (with the same name its id, and so its verdict, is
    the same; under a new name the verdict is copied); a claim whose text changed only
    slightly gets the verdict with ``text_changed`` set until someone rates it again; a claim
    of the previous version with no counterpart is marked ``orphaned``, and matched ones
    ``superseded`` (their verdicts live on in the new claims). Nothing is deleted, and every
    copied field is a history event saying where it came from. One transaction.
    """
    previous = previous_version(store, article_id)
    if previous is None:
        return CarryReport(None)
    with store.transaction() as conn:
        if (
            conn.execute("SELECT version_of FROM articles WHERE id = ?", (article_id,)).fetchone()[
                0
            ]
            is None
        ):
            conn.execute(
                "UPDATE articles SET version_of = ? WHERE id = ?", (previous.id, article_id)
            )
        old = conn.execute(
            "SELECT * FROM claims WHERE article_id = ? ORDER BY position", (previous.id,)
        ).fetchall()
        new = conn.execute(
            "SELECT * FROM claims WHERE article_id = ? ORDER BY position", (article_id,)
        ).fetchall()
        # Under the same article name an unchanged claim keeps its id, so storing the new
        # version moved it (and its verdict) over already: a fresh claim has no verdict yet.
        moved = [r for r in new if _has_verdict(conn, r["id"])]
        kept = len(moved)
        changed = 0
        moved_ids = {r["id"] for r in moved}
        unmatched_new = [r for r in new if r["id"] not in moved_ids]
        exact: dict[str, sqlite3.Row] = {}
        for r in old:
            exact.setdefault(_key(r), r)
        pairs: list[tuple[sqlite3.Row, sqlite3.Row, bool]] = []
        used_old: set[str] = set()
        for r in list(unmatched_new):
            match = exact.get(_key(r))
            if match is not None and match["id"] not in used_old:
                pairs.append((match, r, False))
                used_old.add(match["id"])
                unmatched_new.remove(r)
        candidates = sorted(
            (
                (_similarity(o, n), o["id"], n["id"], o, n)
                for o in old
                if o["id"] not in used_old
                for n in unmatched_new
            ),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        used_new: set[str] = set()
        for score, old_id, new_id, o, n in candidates:
            if score < SIMILAR:
                break
            if old_id in used_old or new_id in used_new:
                continue
            used_old.add(old_id)
            used_new.add(new_id)
            pairs.append((o, n, True))
        for o, n, text_changed in pairs:
            if _copy_verdict(conn, o, n, previous.name, text_changed):
                if text_changed:
                    changed += 1
                else:
                    kept += 1
        orphaned = orphaned_rated = 0
        at = now_iso()
        for r in old:
            status = "superseded" if r["id"] in used_old else "orphaned"
            if (r["status"] or "active") == status:
                continue
            conn.execute("UPDATE claims SET status = ? WHERE id = ?", (status, r["id"]))
            conn.execute(
                "INSERT INTO verdict_events (claim_id, field, old, new, reviewer, session_id,"
                " at, note) VALUES (?,?,?,?,?,?,?,?)",
                (
                    r["id"],
                    "status",
                    r["status"] or "active",
                    status,
                    None,
                    None,
                    at,
                    f"new version of the article stored (article {article_id})",
                ),
            )
            if status == "orphaned":
                orphaned += 1
                orphaned_rated += _has_verdict(conn, r["id"])
    return CarryReport(previous, kept, changed, orphaned, orphaned_rated)


def _key(row: sqlite3.Row) -> str:
    return f"{_norm(row['source'])}\x1f{_norm(row['cue'])}\x1f{_norm(row['content'])}"


def _has_verdict(conn: sqlite3.Connection, claim_id: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM verdicts WHERE claim_id = ?", (claim_id,)).fetchone()
        is not None
    )


def _copy_verdict(
    conn: sqlite3.Connection,
    old: sqlite3.Row,
    new: sqlite3.Row,
    old_article: str,
    text_changed: bool,
) -> bool:
    """Copy ``old``'s verdict, reviews and evidence marks to ``new``; False when it had none."""
    verdict = conn.execute("SELECT * FROM verdicts WHERE claim_id = ?", (old["id"],)).fetchone()
    if verdict is None or old["id"] == new["id"]:
        return False
    if conn.execute("SELECT 1 FROM verdicts WHERE claim_id = ?", (new["id"],)).fetchone():
        return False  # the new claim already has a verdict of its own: never overwrite it
    at = now_iso()
    why = f"carried over from claim {old['id']} in {old_article}" + (
        "; text changed since verdict" if text_changed else ""
    )
    for name in VERDICT_FIELDS:
        value = verdict[name]
        if value is None:
            continue
        conn.execute(
            "INSERT INTO verdict_events (claim_id, field, old, new, reviewer, session_id, at,"
            " note) VALUES (?,?,?,?,?,?,?,?)",
            (new["id"], name, None, str(value), verdict["reviewer"], None, at, why),
        )
    conn.execute(
        "INSERT INTO verdicts (claim_id, rating, note, reviewer, session_id, updated_at,"
        " attribution_check, source_grade, recheck_date) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            new["id"],
            verdict["rating"],
            verdict["note"],
            verdict["reviewer"],
            None,
            at,
            verdict["attribution_check"],
            verdict["source_grade"],
            verdict["recheck_date"],
        ),
    )
    # Second reviewers' ratings travel too, so agreement statistics survive an update.
    for review in conn.execute(
        "SELECT reviewer, rating FROM reviews WHERE claim_id = ? AND reviewer IS NOT ?",
        (old["id"], verdict["reviewer"]),
    ).fetchall():
        conn.execute(
            "INSERT INTO verdict_events (claim_id, field, old, new, reviewer, session_id, at,"
            " note) VALUES (?,?,?,?,?,?,?,?)",
            (new["id"], "review", None, str(review[1]), review[0], None, at, why),
        )
    # Marks on sentences of other articles still hold; marks inside the old version do not.
    for mark in conn.execute(
        "SELECT m.* FROM evidence_marks m JOIN sentences s ON s.id = m.sentence_id"
        " WHERE m.claim_id = ? AND s.article_id != ?",
        (old["id"], old["article_id"]),
    ).fetchall():
        conn.execute(
            "INSERT INTO verdict_events (claim_id, field, old, new, reviewer, session_id, at,"
            " note) VALUES (?,?,?,?,?,?,?,?)",
            (
                new["id"],
                f"evidence:{mark['sentence_id']}",
                None,
                mark["mark"],
                mark["reviewer"],
                None,
                at,
                why,
            ),
        )
        conn.execute(
            "INSERT OR REPLACE INTO evidence_marks (claim_id, sentence_id, mark, reviewer,"
            " session_id, at) VALUES (?,?,?,?,?,?)",
            (new["id"], mark["sentence_id"], mark["mark"], mark["reviewer"], None, at),
        )
    # Set after the rating event, whose trigger clears the flag on every new rating.
    conn.execute("UPDATE claims SET text_changed = ? WHERE id = ?", (int(text_changed), new["id"]))
    return True


# --- export rows ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VerdictFilter:
    """Which claims an export covers: the queue's filter plus the publication filters.

    ``reviewer`` matches the current verdict's reviewer or anyone who reviewed the claim;
    ``source`` matches the source as written, resolved or canonical (case-insensitive,
    substring); ``since``/``until`` (inclusive ISO dates) bound the date of the verdict, so
    unrated claims drop out when either is given.
    """

    claims: ClaimFilter | None = None
    ratings: tuple[int, ...] = ()
    reviewer: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None


def export_rows(store: Store, flt: VerdictFilter | None = None) -> Iterator[dict[str, Any]]:
    """One flat row per claim cluster (a claim alone is a cluster of one) with its current
    verdict, gist, facts, support counts and how many appearances it has across articles."""
    flt = flt or VerdictFilter()
    where, params = store._where(flt.claims)
    clauses = [where[len(" WHERE ") :]] if where else []
    # One row per claim cluster: its first appearance speaks for the copies (store.clusters).
    clauses.append("(c.cluster_id IS NULL OR c.cluster_id = c.id)")
    if flt.ratings:
        clauses.append(f"v.rating IN ({','.join('?' * len(flt.ratings))})")
        params += list(flt.ratings)
    if flt.reviewer:
        clauses.append(
            "(v.reviewer = ? OR EXISTS (SELECT 1 FROM reviews r WHERE r.claim_id = c.id"
            " AND r.reviewer = ?))"
        )
        params += [flt.reviewer, flt.reviewer]
    if flt.source:
        like = (
            "%"
            + flt.source.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            + "%"
        )
        clauses.append(
            "(lower(c.source) LIKE ? ESCAPE '\\' OR lower(c.resolved_source) LIKE ? ESCAPE '\\'"
            " OR lower(c.canonical_source) LIKE ? ESCAPE '\\')"
        )
        params += [like, like, like]
    if flt.since:
        clauses.append("substr(v.updated_at, 1, 10) >= ?")
        params.append(flt.since)
    if flt.until:
        clauses.append("substr(v.updated_at, 1, 10) <= ?")
        params.append(flt.until)
    sql = (
        "SELECT c.id AS claim_id, a.name AS article, a.outlet, a.url, a.published, a.title,"
        " c.source, c.resolved_source, c.canonical_source, c.source_type, c.cue, c.content,"
        " c.gist, c.facts, c.stance, c.quote, c.kind, c.sentence, c.status, c.text_changed,"
        " c.independent_support, c.independent_contradict, c.attribution_status,"
        " v.rating, v.note, v.reviewer, v.updated_at AS time, v.attribution_check,"
        " v.source_grade, v.recheck_date,"
        " (SELECT count(*) FROM evidence e WHERE e.claim_id = c.id) AS evidence_count,"
        " 1 + (SELECT count(*) FROM appearances p WHERE p.claim_id = c.id) AS appearance_count"
        " FROM claims c JOIN articles a ON a.id = c.article_id"
        " LEFT JOIN verdicts v ON v.claim_id = c.id"
        + (" WHERE " + " AND ".join(clauses) if clauses else "")
        + " ORDER BY c.article_id, c.position"
    )
    for r in store._query(sql, params):
        row = dict(r)
        row["rating_name"] = RATINGS.get(row["rating"]) if row["rating"] else None
        row["gist"] = row["gist"] or ""
        row["facts"] = row["facts"] or ""
        row["text_changed"] = bool(row["text_changed"])
        yield row


def claim_details(store: Store, claim_id: str) -> dict[str, Any]:
    """What JSONL adds to a row: every reviewer's rating, evidence marks and the history."""
    marks = store._query(
        "SELECT m.sentence_id, m.mark, m.reviewer, m.at, s.text AS sentence, a.name AS article,"
        " a.outlet FROM evidence_marks m JOIN sentences s ON s.id = m.sentence_id"
        " JOIN articles a ON a.id = s.article_id WHERE m.claim_id = ? ORDER BY m.sentence_id",
        (claim_id,),
    )
    return {
        "reviews": [
            {
                "reviewer": r.reviewer,
                "rating": r.rating,
                "rating_name": RATINGS.get(r.rating),
                "at": r.at,
            }
            for r in reviews(store, claim_id)
        ],
        "evidence_marks": [dict(m) for m in marks],
        "history": [
            {k: v for k, v in e.to_json().items() if k != "claim_id"}
            for e in store.history(claim_id)
        ],
    }


def parse_facts(value: str) -> Any:
    """``claims.facts`` as JSON, or the raw text when another stage stored something else."""
    if not value:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value
