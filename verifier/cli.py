"""The ``verifier`` command: parse arguments, call the library, print.

Every failure a user can cause (a missing file, a bad database, an unknown article) ends as
one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from verifier import __version__
from verifier.models import RATINGS, parse_rating
from verifier.safety import strip_controls

if TYPE_CHECKING:
    from verifier.store import Store


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help="database file (default: $VERIFIER_DB or ./verifier.db)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verifier",
        description="Find attributed claims in news articles, weigh independent evidence, "
        "record verdicts.",
    )
    parser.add_argument("--version", action="version", version=f"verifier {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", help="read article files and folders into the database")
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help=".txt .md .html .json .jsonl or folders"
    )
    p.add_argument("--no-progress", action="store_true", help="do not draw a progress bar")
    _add_db(p)

    p = sub.add_parser("extract", help="print the attributions found in files (no database)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("jsonl", "text"), default="jsonl")

    p = sub.add_parser("evidence", help="sentences in the corpus that bear on a text")
    p.add_argument("text", help="the claim text to look for")
    p.add_argument("--article", metavar="NAME", help="the article the text comes from")
    p.add_argument("--limit", type=int, default=10, metavar="K")
    p.add_argument("--format", choices=("jsonl", "text"), default="text")
    _add_db(p)

    p = sub.add_parser("review", help="open the triage TUI")
    p.add_argument("--reviewer", help="your name (default: $VERIFIER_REVIEWER or login name)")
    p.add_argument(
        "--sample",
        metavar="DIR",
        help="ingest DIR first when the database holds no articles yet",
    )
    _add_db(p)

    p = sub.add_parser("export", help="write the verdict table")
    p.add_argument(
        "--format",
        choices=("csv", "jsonl", "md"),
        default=None,
        help="default: from the output file's suffix, else csv",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p.add_argument("--rating", help="only claims with this rating (1-6 or its name)")
    p.add_argument("--unrated", action="store_true", help="only claims without a rating")
    p.add_argument("--excel", action="store_true", help="CSV with a UTF-8 BOM for Excel")
    _add_db(p)
    return parser


def _open_store(db: str | None) -> Store:
    from verifier.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        raise CliError(str(exc)) from None


def _ingest_with_progress(store: Store, paths: Sequence[str], show_progress: bool) -> int:
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


def cmd_ingest(args: argparse.Namespace) -> int:
    with _open_store(args.db) as store:
        return _ingest_with_progress(store, args.paths, not args.no_progress)


def cmd_extract(args: argparse.Namespace) -> int:
    from verifier.ingest import IngestError, iter_article_files, read_documents
    from verifier.text import analyse

    failed = 0
    for path in args.paths:
        if not Path(path).exists():
            raise CliError(f"{path}: no such file or folder")
    for path in iter_article_files(args.paths):
        try:
            documents = read_documents(path)
        except IngestError as exc:
            print(strip_controls(str(exc)), file=sys.stderr)
            failed += 1
            continue
        for document in documents:
            for att in analyse(document).attributions:
                if args.format == "jsonl":
                    print(json.dumps(att.to_json(), ensure_ascii=False))
                else:
                    print(
                        strip_controls(
                            f"{att.doc}\t{att.source_type}\t{att.source} | {att.cue} | "
                            f"{att.content}"
                        )
                    )
    return 1 if failed else 0


def cmd_evidence(args: argparse.Namespace) -> int:
    from verifier.corroborate import find_evidence

    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    with _open_store(args.db) as store:
        article_id = None
        if args.article:
            article = store.article_by_name(args.article)
            if article is None:
                raise CliError(f"{args.article}: no article with that name in {store.path}")
            article_id = article.id
        hits = find_evidence(store, args.text, article_id=article_id, limit=args.limit)
        for hit in hits:
            record = hit.to_json()
            if args.format == "jsonl":
                print(json.dumps(record, ensure_ascii=False))
            else:
                print(
                    strip_controls(
                        f"{hit.score:6.2f}  {hit.outlet or '?'} · {hit.article_name}\n"
                        f"        {hit.sentence}"
                    )
                )
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    reviewer = (
        args.reviewer or os.environ.get("VERIFIER_REVIEWER") or getpass.getuser() or "reviewer"
    )
    with _open_store(args.db) as store:
        if args.sample and store.article_count() == 0:
            if not Path(args.sample).is_dir():
                raise CliError(f"{args.sample}: no such folder")
            _ingest_with_progress(store, [args.sample], True)
        from verifier.tui.app import VerifierApp

        VerifierApp(store, reviewer=reviewer).run()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from verifier.export import ExportError, export, export_file
    from verifier.store import ClaimFilter

    rating = None
    if args.rating and args.unrated:
        raise CliError("--rating and --unrated exclude each other")
    if args.rating:
        try:
            rating = parse_rating(args.rating)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    flt = ClaimFilter(rating=0 if args.unrated else rating)
    with _open_store(args.db) as store:
        try:
            if args.output:
                count = export_file(store, args.output, args.format, flt, excel_bom=args.excel)
            else:
                count = export(store, args.format or "csv", sys.stdout, flt, excel_bom=args.excel)
        except ExportError as exc:
            raise CliError(str(exc)) from None
    if args.output:
        print(f"wrote {count} claims to {args.output}", file=sys.stderr)
    return 0


COMMANDS = {
    "ingest": cmd_ingest,
    "extract": cmd_extract,
    "evidence": cmd_evidence,
    "review": cmd_review,
    "export": cmd_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    try:
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"verifier: {strip_controls(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("verifier: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `verifier extract ... | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0


__all__ = ["RATINGS", "build_parser", "main"]
