"""``verifier history CLAIM_ID``: every change to a claim's verdict, oldest first.

The history is append-only (the database refuses updates and deletes of it); an undo is a
new event, so this is the full audit trail a correction policy asks for.
"""

from __future__ import annotations

import argparse

from verifier.cli.common import add_db, claim_id, open_db
from verifier.models import RATINGS, VerdictEvent
from verifier.safety import json_dumps, strip_controls


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("history", help="show every change to a claim's verdict")
    p.add_argument("claim_id", metavar="CLAIM_ID", help="the claim's id (or a unique prefix)")
    p.add_argument("--format", choices=("text", "jsonl"), default="text")
    add_db(p)
    p.set_defaults(handler=run)


def _value(field: str, value: str | None) -> str:
    if value is None:
        return "-"
    if field in ("rating", "review") and value.isdigit():
        return f"{value} {RATINGS.get(int(value), '?')}"
    return value


def describe(event: VerdictEvent) -> str:
    """One line per event: when, who, what changed from what to what, and why."""
    who = event.reviewer or "verifier"
    session = f" (session {event.session_id})" if event.session_id is not None else ""
    line = (
        f"{event.at[:19].replace('T', ' ')}  {who}{session}  {event.field}: "
        f"{_value(event.field, event.old)} -> {_value(event.field, event.new)}"
    )
    if event.note:
        line += f"  [{event.note}]"
    return strip_controls(" ".join(line.split("\n")))


def run(args: argparse.Namespace) -> int:
    with open_db(args.db) as store:
        wanted = claim_id(store, args.claim_id)
        claim = store.claim(wanted)
        events = store.history(wanted)
    if args.format == "jsonl":
        for e in events:
            print(json_dumps(e.to_json()))
        return 0
    if claim is not None:
        status = "" if claim.status == "active" else f" [{claim.status}]"
        flag = " [text changed since verdict]" if claim.text_changed else ""
        print(strip_controls(f"claim {wanted}{status}{flag} in {claim.article_name}"))
        print(strip_controls(f"  {claim.source} {claim.cue}: {claim.content}"))
    if not events:
        print("no verdict events")
    for event in events:
        print(describe(event))
    return 0
