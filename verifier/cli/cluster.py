"""``verifier cluster show|split CLAIM_ID``: a claim's cluster, and taking a claim out of it.

A cluster is one statement across copies, versions and relays (``store.clusters``); the queue
shows it as one row. When provenance joined a claim that says something else, ``split``
takes it out for good, recorded in the claim's history.
"""

from __future__ import annotations

import argparse
import json

from verifier.cli.common import CliError, add_db, open_db
from verifier.cli.common import claim_id as resolve
from verifier.cli.verdict import default_reviewer
from verifier.safety import strip_controls


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("cluster", help="show a claim's cluster, or split a claim out of it")
    p.add_argument("action", choices=("show", "split"), help="show the cluster, or split")
    p.add_argument("claim_id", metavar="CLAIM_ID", help="the claim's id (or a unique prefix)")
    p.add_argument("--format", choices=("text", "jsonl"), default="text")
    p.add_argument("--reviewer", help="your name (default: $VERIFIER_REVIEWER or login name)")
    add_db(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verifier.store.clusters import cluster_of, split_claim

    with open_db(args.db) as store:
        claim_id = resolve(store, args.claim_id)
        if args.action == "split":
            try:
                before = split_claim(store, claim_id, reviewer=default_reviewer(args.reviewer))
            except ValueError as exc:
                raise CliError(str(exc)) from None
            print(f"{claim_id}: split out of cluster {before.id} ({before.size} claims)")
            return 0
        cluster = cluster_of(store, claim_id)
        claims = {c.id: c for c in store.claims_by_ids(list(cluster.claim_ids))}
        for member in cluster.claim_ids:
            c = claims[member]
            row = {
                "cluster": cluster.id,
                "claim_id": c.id,
                "article": c.article_name,
                "outlet": c.outlet,
                "published": c.published,
                "source": c.source,
                "content": c.content,
            }
            if args.format == "jsonl":
                print(json.dumps(row, ensure_ascii=False))
            else:
                print(strip_controls(f"{c.id}  {c.article_name}  {c.source}: {c.content}"))
    return 0
