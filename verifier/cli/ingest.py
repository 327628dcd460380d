"""``verifier ingest PATH...``: files and folders into the database, with a progress bar."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from verifier.cli.common import CliError, add_db, open_db
from verifier.safety import strip_controls

if TYPE_CHECKING:
    from verifier.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ingest", help="read article files and folders into the database")
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help=".txt .md .html .json .jsonl or folders"
    )
    p.add_argument("--no-progress", action="store_true", help="do not draw a progress bar")
    add_db(p)
    p.set_defaults(handler=run)


def ingest_with_progress(store: Store, paths: Sequence[str], show_progress: bool) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from verifier.pipeline import ingest_paths

    for path in paths:
        if not Path(path).exists():
            raise CliError(f"{path}: no such file or folder")
    err = Console(stderr=True, highlight=False)
    bar = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        disable=not show_progress or not err.is_terminal,
    )
    with bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=strip_controls(name))

        report = ingest_paths(
            store,
            paths,
            progress=progress,
            on_error=lambda exc: err.print(strip_controls(str(exc)), markup=False),
        )
    print(report.summary(), file=sys.stderr)
    return 1 if report.errors and not report.added and not report.duplicates else 0


def run(args: argparse.Namespace) -> int:
    with open_db(args.db) as store:
        return ingest_with_progress(store, args.paths, not args.no_progress)
