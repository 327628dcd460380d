"""Claim clusters: one statement across copies, versions and relays is one queue row.

Provenance links a claim to the claims that tell the same statement, by the same speaker, in
other articles (``claim_links``); the clusters are the connected groups of those links, less
the claims a reviewer split out (``cluster_splits``). Each claim in a cluster of two or more
stores the id of the cluster's *representative* — its first appearance: the earliest dated,
then the first ingested — in ``claims.cluster_id``; a claim alone keeps NULL. So the queue,
the exports and the counts ask for "representatives and claims alone" with one indexed
condition, and a rating given to the representative is written for every member.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from verifier.models import RATINGS, Verdict
from verifier.store.db import CLUSTER_NOTE, Store, now_iso


@dataclass(frozen=True, slots=True)
class ClusterInfo:
    """A cluster as the queue and the exports show it."""

    id: str  # the representative claim's id
    claim_ids: tuple[str, ...]  # representative first, then by date
    outlets: int  # distinct outlets (articles without one count once each)

    @property
    def size(self) -> int:
        return len(self.claim_ids)


def replace_links(store: Store, links: Mapping[str, Iterable[str]]) -> None:
    """Store, for each claim, the claims elsewhere that tell its statement (replacing old).

    A statement per 500 claims, not one per claim: a breaking desk links ~13,000 claims,
    each to the copies of its statement."""
    ids = list(links)
    with store.transaction() as conn:
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            conn.execute(f"DELETE FROM claim_links WHERE a IN ({','.join('?' * len(part))})", part)
            conn.executemany(
                "INSERT OR IGNORE INTO claim_links (a, b) VALUES (?, ?)",
                [(a, b) for a in part for b in links[a] if b != a],
            )


def rebuild_clusters(store: Store) -> int:
    """Recompute every claim's cluster from the links and splits; returns how many changed.

    Union-find over all links is a fraction of a second even at 100k claims, and global:
    a new copy can join two clusters that were apart. Only changed rows are written.
    """
    split = {r[0] for r in store._query("SELECT claim_id FROM cluster_splits")}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    linked: set[str] = set()
    # In key order, a claim's links together: its root is found once for all of them (a
    # breaking desk links ~13,000 claims to ~30 copies each, ~425,000 links).
    rows = store._query("SELECT a, b FROM claim_links ORDER BY a, b")
    for a, links in groupby(rows, key=itemgetter(0)):
        if a in split:
            continue
        ra = find(a)
        for _, b in links:
            if b in split:
                continue
            linked.add(a)
            linked.add(b)
            # A claim with no parent is a root: it joins without a walk up.
            rb = find(b) if b in parent else b
            if ra != rb:
                parent[rb] = ra
    groups: dict[str, list[str]] = {}
    for member in linked:
        groups.setdefault(find(member), []).append(member)
    wanted: dict[str, str] = {}
    order = _first_appearance_order(store, [m for ms in groups.values() for m in ms])
    for members in groups.values():
        known = [m for m in members if m in order]
        if len(known) < 2:
            continue
        representative = min(known, key=order.__getitem__)
        wanted.update(dict.fromkeys(known, representative))
    current = {
        str(r[0]): str(r[1])
        for r in store._query("SELECT id, cluster_id FROM claims WHERE cluster_id IS NOT NULL")
    }
    changes = [(wanted.get(cid), cid) for cid in current if cid not in wanted]
    changes += [(rep, cid) for cid, rep in wanted.items() if current.get(cid) != rep]
    if changes:
        with store.transaction() as conn:
            conn.executemany("UPDATE claims SET cluster_id = ? WHERE id = ?", changes)
    return len(changes)


OrderKey = tuple[bool, str, int, int]


def _first_appearance_order(store: Store, claim_ids: Sequence[str]) -> dict[str, OrderKey]:
    """Sort keys putting a cluster's first appearance first: dated before undated, earliest
    date, then ingest order."""
    out: dict[str, OrderKey] = {}
    for i in range(0, len(claim_ids), 500):
        chunk = list(claim_ids[i : i + 500])
        rows = store._query(
            "SELECT c.id, a.published, c.article_id, c.position FROM claims c"
            f" JOIN articles a ON a.id = c.article_id WHERE c.id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        for r in rows:
            out[str(r[0])] = (r[1] is None, r[1] or "", int(r[2]), int(r[3]))
    return out


def cluster_of(store: Store, claim_id: str) -> ClusterInfo:
    """The cluster a claim belongs to (a cluster of one when it stands alone)."""
    rows = store._query("SELECT cluster_id FROM claims WHERE id = ?", (claim_id,))
    if not rows:
        raise KeyError(f"no claim with id {claim_id!r}")
    representative = rows[0][0]
    if representative is None:
        return ClusterInfo(claim_id, (claim_id,), 1)
    members = store._query(
        "SELECT c.id, a.outlet, a.id AS article FROM claims c JOIN articles a"
        " ON a.id = c.article_id WHERE c.cluster_id = ?"
        " ORDER BY c.id != c.cluster_id, a.published IS NULL, a.published, a.id, c.position",
        (representative,),
    )
    named = {(r["outlet"] or f"#{r['article']}").lower() for r in members}
    return ClusterInfo(representative, tuple(str(r[0]) for r in members), len(named))


def rate_cluster(
    store: Store,
    claim_id: str,
    rating: int | None,
    *,
    reviewer: str,
    session_id: int | None = None,
    seen_at: str | None = None,
) -> Verdict:
    """Rate every claim of the claim's cluster; the events share one note naming the cluster.

    The claim itself goes first with the stale-write check (``seen_at``); the others follow
    in the same call, so ``Store.undo_last`` finds one group to reverse.
    """
    if rating is not None and rating not in RATINGS:
        raise ValueError(f"rating must be one of {sorted(RATINGS)}, not {rating!r}")
    cluster = cluster_of(store, claim_id)
    if cluster.size == 1:
        return store.record_rating(
            claim_id, rating, reviewer=reviewer, session_id=session_id, seen_at=seen_at
        )
    note = f"{CLUSTER_NOTE}{cluster.id} at {now_iso()}"
    verdict = store.record_rating(
        claim_id, rating, reviewer=reviewer, session_id=session_id, note=note, seen_at=seen_at
    )
    for other in cluster.claim_ids:
        if other != claim_id:
            store.record_rating(other, rating, reviewer=reviewer, session_id=session_id, note=note)
    return verdict


def split_claim(store: Store, claim_id: str, *, reviewer: str) -> ClusterInfo:
    """Take a wrongly joined claim out of its cluster for good (recorded in its history)."""
    before = cluster_of(store, claim_id)
    if before.size == 1:
        raise ValueError(f"claim {claim_id} is in no cluster")
    with store.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO cluster_splits (claim_id, reviewer, at) VALUES (?, ?, ?)",
            (claim_id, reviewer, now_iso()),
        )
        conn.execute(
            "INSERT INTO verdict_events (claim_id, field, old, new, reviewer, session_id, at,"
            " note) VALUES (?, 'cluster', ?, NULL, ?, NULL, ?, ?)",
            (claim_id, before.id, reviewer, now_iso(), f"split out of cluster {before.id}"),
        )
    rebuild_clusters(store)
    return before
