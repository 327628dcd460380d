"""``verifier ingest PATH|URL... [--urls FILE]``: files, folders and web pages into the
database, with a progress bar."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from verifier.cli.common import CliError, add_db, open_db
from verifier.safety import strip_controls

if TYPE_CHECKING:
    from rich.console import Console

    from verifier.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "ingest", help="read article files, folders and web pages (URLs) into the database"
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|URL",
        help=".txt .md .html .json .jsonl files, folders, or http(s):// pages to fetch"
        " (none: only finish an interrupted ingest)",
    )
    p.add_argument("--urls", metavar="FILE", help="a file of web page URLs to fetch, one a line")
    p.add_argument(
        "--refresh",
        action="store_true",
        help="fetch URLs already stored again; a changed page becomes a new version",
    )
    p.add_argument("--no-progress", action="store_true", help="do not draw a progress bar")
    add_db(p)
    p.set_defaults(handler=run)


class _ConsoleWarnings(logging.Handler):
    """Ingest's warnings (a page read as plain text) as one line each beside the errors."""

    def __init__(self, console: Console) -> None:
        super().__init__(logging.WARNING)
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        line = " ".join(record.getMessage().split())
        self.console.print(strip_controls(f"warning: {line}"), markup=False, highlight=False)


def ingest_with_progress(
    store: Store,
    paths: Sequence[str],
    show_progress: bool,
    *,
    urls: Sequence[str] = (),
    refresh: bool = False,
) -> int:
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
    warnings = _ConsoleWarnings(err)
    logger = logging.getLogger("verifier.ingest")
    logger.addHandler(warnings)
    try:
        with bar:
            task = bar.add_task("", total=None)

            def progress(done: int, total: int, name: str) -> None:
                bar.update(task, completed=done, total=total, description=strip_controls(name))

            report = ingest_paths(
                store,
                paths,
                progress=progress,
                on_error=lambda exc: err.print(
                    strip_controls(str(exc)), markup=False, soft_wrap=True
                ),
                urls=urls,
                refresh=refresh,
            )
    finally:
        logger.removeHandler(warnings)
    print(report.summary(), file=sys.stderr)
    return 1 if report.errors and not report.added and not report.duplicates else 0


def run(args: argparse.Namespace) -> int:
    from verifier.ingest import IngestError
    from verifier.ingest.fetch import is_url, read_url_list

    urls = [p for p in args.paths if is_url(p)]
    paths = [p for p in args.paths if not is_url(p)]
    if args.urls:
        try:
            listed, bad_lines = read_url_list(args.urls)
        except IngestError as exc:
            raise CliError(str(exc)) from None
        for bad in bad_lines:
            print(strip_controls(str(bad)), file=sys.stderr)
        urls += listed
    # Nothing named only finishes earlier work: it needs a database that exists.
    with open_db(args.db, create=bool(paths or urls)) as store:
        if not paths and not urls:
            from verifier.store import jobs

            # Nothing named: only finish what an interrupted ingest left undone, if anything.
            if not jobs.unfinished(store):
                raise CliError(
                    "ingest: name files, folders or URLs (or --urls FILE);"
                    f" nothing is left unfinished in {store.path}"
                )
        return ingest_with_progress(
            store, paths, not args.no_progress, urls=list(dict.fromkeys(urls)), refresh=args.refresh
        )
