"""``verifier review``: the triage TUI (Textual is imported only here)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from verifier.cli.common import CliError, add_db, open_db
from verifier.cli.ingest import ingest_with_progress
from verifier.safety import strip_controls

if TYPE_CHECKING:
    from verifier.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("review", help="open the triage TUI")
    p.add_argument(
        "--reviewer",
        help="your name (default: $VERIFIER_REVIEWER, else the name saved in your settings, "
        "else you are asked once)",
    )
    p.add_argument(
        "--sample",
        metavar="DIR",
        help="ingest DIR first when the database holds no articles yet",
    )
    p.add_argument(
        "--config",
        metavar="FILE",
        help="settings file (default: $VERIFIER_CONFIG or config.toml in your config folder)",
    )
    p.add_argument(
        "--ask-name",
        action="store_true",
        help="ask the reviewer's name when the app opens and do not save it (what "
        "`verifier serve` runs for each browser session)",
    )
    add_db(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verifier.config import config_path, load_config
    from verifier.tui.commands import COMMANDS

    path = Path(args.config) if args.config else config_path()
    config = load_config(path, frozenset(command.id for command in COMMANDS))
    for warning in config.warnings:
        print(f"verifier: {strip_controls(warning)}", file=sys.stderr)
    reviewer = args.reviewer or os.environ.get("VERIFIER_REVIEWER") or config.reviewer
    if args.ask_name:
        # A served session is one of several reviewers on the server's account: the name
        # saved there (or in its environment) is not theirs.
        reviewer = args.reviewer
    if args.sample and not Path(args.sample).is_dir():
        raise CliError(f"{args.sample}: no such folder")
    # The review screen writes verdicts, so like ingest it may start a new database (its
    # empty queue says to ingest articles first); the read-only commands refuse instead.
    with open_db(args.db, create=True) as store:
        _refuse_damaged(store)
        if args.sample and store.article_count() == 0:
            ingest_with_progress(store, [args.sample], True)
        from verifier.tui.app import VerifierApp

        save_to = None if args.ask_name else path
        app = VerifierApp(store, reviewer, keymap=config.keymap, config_path=save_to)
        app.run()
    return app.return_code or 0


PREFLIGHT_MAX_BYTES = 512 * 2**20
"""Databases up to this size get SQLite's page check before the TUI starts (well under a
second for most); a damaged file then ends with one line instead of a Textual traceback."""


def _refuse_damaged(store: Store) -> None:
    from verifier.store import integrity

    try:
        size = os.path.getsize(store.path)
    except OSError:
        return
    if size <= PREFLIGHT_MAX_BYTES:
        problem = integrity.file_problem(store)
        if problem:
            raise CliError(
                f"{store.path}: the database file is damaged ({problem}); restore it from a"
                " copy (`sqlite3 DB .recover` salvages what it can)"
            )
