"""``verifier claims``: list claims, e.g. the ones whose attribution drifted or conflicts."""

from __future__ import annotations

import argparse

from verifier.cli.common import add_db, open_db
from verifier.safety import json_dumps, strip_controls
from verifier.store.appearances import CLAIM_STATUSES


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("claims", help="list claims (filter by attribution status)")
    p.add_argument(
        "--attribution-status",
        choices=CLAIM_STATUSES,
        help="only claims with this attribution status across articles",
    )
    p.add_argument("--format", choices=("jsonl", "text"), default="text")
    add_db(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verifier.store.appearances import claim_ids_with_status

    with open_db(args.db) as store:
        ids = (
            claim_ids_with_status(store, args.attribution_status)
            if args.attribution_status
            else store.claim_ids()
        )
        for start in range(0, len(ids), 500):
            for claim in store.claims_by_ids(ids[start : start + 500]):
                if args.format == "jsonl":
                    row = {
                        "claim_id": claim.id,
                        "article": claim.article_name,
                        "outlet": claim.outlet,
                        "source": claim.source,
                        "source_type": claim.source_type,
                        "cue": claim.cue,
                        "content": claim.content,
                        "attribution_status": claim.attribution_status,
                        "rating": claim.rating,
                    }
                    print(json_dumps(row))
                else:
                    print(
                        strip_controls(
                            f"{claim.id}  {claim.attribution_status or '-':<10}"
                            f" {claim.source_type:<11} {claim.canonical_source} | {claim.cue}"
                            f" | {claim.content[:80]}"
                        )
                    )
    return 0
