"""``verifier check``: is the database whole? The verdict history's hash chain, unfinished
ingest work and derived counts that drifted from what they count; derived data is repaired,
history never (it can only be reported)."""

from __future__ import annotations

import argparse
import sys

from verifier.cli.common import add_db, open_db
from verifier.safety import strip_controls


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check", help="verify the verdict history, finish interrupted work, repair drift"
    )
    p.add_argument(
        "--head",
        metavar="HASH",
        help="a chain head published with an export: was it this history's head once?",
    )
    add_db(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verifier.pipeline import ingest_paths
    from verifier.store import integrity, jobs
    from verifier.store.chain import published_head, verify_history

    failed = False
    with open_db(args.db) as store:
        problem = integrity.file_problem(store)
        if problem:
            print(strip_controls(f"database file: damaged ({problem})"))
            print(
                "verifier: the database file is damaged: restore it from a copy"
                " (`sqlite3 DB .recover` salvages what it can)",
                file=sys.stderr,
            )
            return 1
        print("database file: sound")
        drift = integrity.term_count_drift(store)
        if drift:
            integrity.repair_term_counts(store)
            print(f"term counts: {drift} terms out of step with the sentences: recounted")
        else:
            print("term counts: in step")
        if integrity.index_in_step(store):
            print("full-text index: in step")
        else:
            integrity.rebuild_index(store)
            print("full-text index: out of step with the sentences: rebuilt")
        left = jobs.unfinished(store)
        if left:
            ingest_paths(store, [])
            print(f"unfinished work: {len(left)} articles an earlier ingest left undone: finished")
        else:
            print("unfinished work: none")
        report = verify_history(store)
        if report.problem:
            print(strip_controls(f"history: {report.problem}"))
            failed = True
        else:
            print(f"history: {report.events} events, chain intact, head sha256:{report.head}")
        if args.head:
            at = published_head(store, args.head)
            if at is None:
                print(strip_controls(f"head {args.head}: not in this history"))
                failed = True
            else:
                print(f"head {args.head}: the history's head after event {at}")
    if failed:
        print("verifier: the database failed its check (see above)", file=sys.stderr)
        return 1
    return 0
