"""``verifier attributions CLAIM_ID``: where a claim appears and who it is attributed to there."""

from __future__ import annotations

import argparse

from verifier.cli.common import add_db, claim_id, open_db
from verifier.safety import json_dumps, strip_controls


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "attributions", help="every appearance of a claim and who it is attributed to there"
    )
    p.add_argument("claim_id", metavar="CLAIM_ID", help="the claim's id (or a unique prefix)")
    p.add_argument("--format", choices=("jsonl", "text"), default="text")
    add_db(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verifier.store.appearances import appearances_of, first_appearance

    with open_db(args.db) as store:
        claim = store.claim(claim_id(store, args.claim_id))
        assert claim is not None  # claim_id() found it
        appearances = appearances_of(store, claim)
        first = first_appearance(appearances)
        if args.format == "jsonl":
            for a in appearances:
                row = a.to_json()
                row["first"] = a is first
                print(json_dumps(row))
            return 0
        status = claim.attribution_status or "not tracked yet"
        print(strip_controls(f"{claim.id} · attribution status: {status}"))
        for a in appearances:
            marks = ("original " if a.original else "") + ("first " if a is first else "")
            said = f"{a.source} · {a.cue}" if a.source else "(stated without attribution)"
            hedge = " · hedged" if a.hedged else ""
            print(
                strip_controls(
                    f"  {a.status:<13} {a.published or '----------'}  {a.outlet or '?'}"
                    f" · {a.article_name}\n      {said}{hedge} {marks.strip()}".rstrip()
                )
            )
    return 0
