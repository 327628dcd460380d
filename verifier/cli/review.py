"""``verifier review``: the triage TUI (Textual is imported only here)."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from verifier.cli.common import CliError, add_db, open_db
from verifier.cli.ingest import ingest_with_progress


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("review", help="open the triage TUI")
    p.add_argument("--reviewer", help="your name (default: $VERIFIER_REVIEWER or login name)")
    p.add_argument(
        "--sample",
        metavar="DIR",
        help="ingest DIR first when the database holds no articles yet",
    )
    add_db(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    reviewer = (
        args.reviewer or os.environ.get("VERIFIER_REVIEWER") or getpass.getuser() or "reviewer"
    )
    with open_db(args.db) as store:
        if args.sample and store.article_count() == 0:
            if not Path(args.sample).is_dir():
                raise CliError(f"{args.sample}: no such folder")
            ingest_with_progress(store, [args.sample], True)
        from verifier.tui.app import VerifierApp

        VerifierApp(store, reviewer=reviewer).run()
    return 0
