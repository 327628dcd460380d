"""Where each claim appears across the corpus, and who it is attributed to there.

Kept apart from ``db.py`` because it is one feature's storage: the appearances table and the
claims' attribution status, written by ``verifier.provenance`` and read by the CLI, the TUI
and the exports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from verifier.models import ClaimRecord
from verifier.store.db import CLAIM_SELECT, Store, claim_from_row

APPEARANCE_STATUSES: tuple[str, ...] = (
    "same_source",
    "relay",
    "also_said_by",
    "other_source",
    "unattributed",
    "unread",
)
"""How an appearance attributes the claim: its speaker, a relay of them, an independent source
saying it too, the same words pinned on someone else, no one (drift), or a quotation or cue the
extractor did not read."""
CLAIM_STATUSES: tuple[str, ...] = ("consistent", "conflict", "drift", "single")


@dataclass(frozen=True, slots=True)
class AppearanceRecord:
    """One place a claim's content appears: the article, and how it is attributed there."""

    claim_id: str
    article_id: int
    article_name: str
    outlet: str | None
    published: str | None
    sentence_id: int
    sentence: str
    source: str | None
    canonical_source: str | None
    cue: str | None
    hedged: bool
    status: str
    original: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "claim_id": self.claim_id,
            "article": self.article_name,
            "outlet": self.outlet,
            "published": self.published,
            "sentence": self.sentence,
            "source": self.source,
            "canonical_source": self.canonical_source,
            "cue": self.cue,
            "hedged": self.hedged,
            "status": self.status,
            "original": self.original,
        }


def claim_ids_in_sentences(store: Store, sentence_ids: Sequence[int]) -> dict[int, list[str]]:
    """The ids of the claims extracted from each of these sentences (an appearance's
    attributions), in position order: ids only, since who to track again is all a caller
    needs, and reading each claim's verdict, evidence count and cluster was most of a
    breaking desk's re-tracking lookups."""
    if not sentence_ids:
        return {}
    marks = ",".join("?" * len(sentence_ids))
    rows = store._query(
        f"SELECT c.id, c.sentence_id FROM claims c WHERE c.sentence_id IN ({marks})"
        " ORDER BY c.position",
        list(sentence_ids),
    )
    out: dict[int, list[str]] = {}
    for claim_id, sentence_id in rows:
        out.setdefault(int(sentence_id), []).append(str(claim_id))
    return out


def claims_overlapping(store: Store, article_id: int, start: int, end: int) -> list[ClaimRecord]:
    """Claims of an article whose content runs through ``[start, end)``.

    A quotation spanning sentences is stored on the sentence of its cue, so looking claims up
    by sentence id alone would call its first sentence unattributed.
    """
    rows = store._query(
        f"{CLAIM_SELECT} WHERE c.article_id = ? AND c.content_start < ? AND c.content_end > ?"
        " ORDER BY c.position",
        (article_id, end, start),
    )
    return [claim_from_row(r) for r in rows]


AppearanceRow = tuple[int, int, str | None, str | None, str | None, bool, str]
"""An appearance as stored: ``(article_id, sentence_id, source, canonical_source, cue, hedged,
status)``, without the article's and sentence's text a reader joins in."""


def replace_appearances(
    store: Store, results: Iterable[tuple[str, str, Sequence[AppearanceRecord]]]
) -> int:
    """Store ``(claim_id, status, appearances)`` for many claims in one transaction
    (``replace_appearance_rows``; the claim's own appearance is not stored)."""
    return replace_appearance_rows(
        store,
        (
            (
                claim_id,
                status,
                [
                    (
                        a.article_id,
                        a.sentence_id,
                        a.source,
                        a.canonical_source,
                        a.cue,
                        a.hedged,
                        a.status,
                    )
                    for a in appearances
                    if not a.original
                ],
            )
            for claim_id, status, appearances in results
        ),
    )


def replace_appearance_rows(
    store: Store, results: Iterable[tuple[str, str, Sequence[AppearanceRow]]]
) -> int:
    """Store ``(claim_id, status, appearances elsewhere)`` for many claims in one transaction.

    Independent sources saying the content in their own words (``also_said_by``) join the
    claim's independent support, each source once, unless its sentence is already counted as
    independent supporting evidence; re-tracking replaces their share rather than adding to it.
    Four statements per ``_CHUNK`` claims, not four per claim: a breaking desk writes
    ~13,000 claims' appearances at once (~476,000 rows, built once per sentence and telling
    by tracking). A claim given twice is stored as given last.
    """
    todo = list({result[0]: result for result in results}.values())
    with store.transaction() as conn:
        for start in range(0, len(todo), _CHUNK):
            part = todo[start : start + _CHUNK]
            ids = [claim_id for claim_id, _, _ in part]
            marks = ",".join("?" * len(ids))
            conn.execute(f"DELETE FROM appearances WHERE claim_id IN ({marks})", ids)
            conn.executemany(
                "INSERT OR REPLACE INTO appearances (claim_id, article_id, sentence_id, source,"
                " canonical_source, cue, hedged, status) VALUES (?,?,?,?,?,?,?,?)",
                [(claim_id, *row) for claim_id, _, rows in part for row in rows],
            )
            counted: dict[str, set[int]] = {}
            for claim_id, sentence_id in conn.execute(
                f"SELECT claim_id, sentence_id FROM evidence WHERE claim_id IN ({marks})"
                " AND independent = 1 AND relation IN ('supports', 'partly_supports')",
                ids,
            ):
                counted.setdefault(str(claim_id), set()).add(int(sentence_id))
            updates = []
            for claim_id, status, rows in part:
                mine = counted.get(claim_id, set())
                also = len(
                    {
                        (canonical or source or "").lower()
                        for _, sentence_id, source, canonical, _, _, said in rows
                        if said == "also_said_by" and sentence_id not in mine
                    }
                )
                updates.append((status, also, also, claim_id))
            conn.executemany(
                "UPDATE claims SET attribution_status = ?,"
                " independent_support = independent_support - also_said_by + ?, also_said_by = ?"
                " WHERE id = ?",
                updates,
            )
    return len(todo)


_CHUNK = 500  # claims per statement: under SQLite's bound on parameters


def own_appearance(claim: ClaimRecord) -> AppearanceRecord:
    """The claim where it was extracted: the first row of every appearances table."""
    return AppearanceRecord(
        claim_id=claim.id,
        article_id=claim.article_id,
        article_name=claim.article_name,
        outlet=claim.outlet,
        published=claim.published,
        sentence_id=claim.sentence_id,
        sentence=claim.sentence,
        source=claim.source,
        canonical_source=claim.canonical_source,
        cue=claim.cue,
        hedged=bool(claim.hedges),
        status="same_source",
        original=True,
    )


def appearances_of(store: Store, claim: ClaimRecord) -> list[AppearanceRecord]:
    """The claim's own appearance first, then the others by date (undated last)."""
    original = own_appearance(claim)
    rows = store._query(
        "SELECT p.*, a.name AS article_name, a.outlet, a.published, s.text AS sentence"
        " FROM appearances p JOIN articles a ON a.id = p.article_id"
        " JOIN sentences s ON s.id = p.sentence_id WHERE p.claim_id = ?"
        " ORDER BY a.published IS NULL, a.published, a.id",
        (claim.id,),
    )
    others = [
        AppearanceRecord(
            claim_id=claim.id,
            article_id=r["article_id"],
            article_name=r["article_name"],
            outlet=r["outlet"],
            published=r["published"],
            sentence_id=r["sentence_id"],
            sentence=r["sentence"],
            source=r["source"],
            canonical_source=r["canonical_source"],
            cue=r["cue"],
            hedged=bool(r["hedged"]),
            status=r["status"],
        )
        for r in rows
    ]
    return [original, *others]


def first_appearance(appearances: Sequence[AppearanceRecord]) -> AppearanceRecord | None:
    """The earliest dated appearance; the claim's own when none is dated earlier."""
    if not appearances:
        return None
    dated = [a for a in appearances if a.published]
    if not dated:
        return appearances[0]
    return min(dated, key=lambda a: (a.published or "", not a.original))


def claim_ids_with_status(store: Store, status: str) -> list[str]:
    rows = store._query(
        "SELECT id FROM claims WHERE attribution_status = ? ORDER BY article_id, position",
        (status,),
    )
    return [r[0] for r in rows]


def appearance_sentence_ids(store: Store, claim_ids: Sequence[str]) -> list[int]:
    """The sentences where any of ``claim_ids`` was found to appear, each once."""
    if not claim_ids:
        return []
    rows = store._query(
        "SELECT DISTINCT sentence_id FROM appearances WHERE claim_id IN"
        f" ({','.join('?' * len(claim_ids))})",
        list(claim_ids),
    )
    return [r[0] for r in rows]


def also_said_by(store: Store, claim_id: str) -> int:
    """How many independent sources tell the claim in their own words, beyond its evidence."""
    rows = store._query("SELECT also_said_by FROM claims WHERE id = ?", (claim_id,))
    return int(rows[0][0]) if rows else 0
