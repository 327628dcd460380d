"""``verifier export``: the verdict table as CSV, JSONL or Markdown."""

from __future__ import annotations

import argparse
import sys

from verifier.cli.common import CliError, add_db, open_db
from verifier.models import parse_rating


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    add_db(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
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
    with open_db(args.db) as store:
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
