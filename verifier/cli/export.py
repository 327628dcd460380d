"""``verifier export``: the verdict table in any of ``EXPORT_FORMATS`` (CSV, JSONL, ...)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from verifier.cli.common import CliError, add_db, open_db
from verifier.models import parse_rating
from verifier.safety import strip_controls


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from verifier.export.formats import EXPORT_FORMATS

    p = sub.add_parser(
        "export",
        help="write the verdict table",
        epilog="formats: "
        + "; ".join(f"{f.name} ({f.suffix}): {f.help}" for f in EXPORT_FORMATS.values()),
    )
    suffixes = ", ".join(f"{f.suffix} is {f.name}" for f in EXPORT_FORMATS.values())
    p.add_argument(
        "--format",
        choices=tuple(EXPORT_FORMATS),
        default=None,
        help=f"default: from the output file's suffix ({suffixes}), else csv",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default, or -: stdout)")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace FILE if it exists (the database itself is always refused)",
    )
    p.add_argument(
        "--rating",
        action="append",
        metavar="R",
        help="only claims with this rating (1-6 or its name); repeat for several",
    )
    p.add_argument("--unrated", action="store_true", help="only claims without a rating")
    p.add_argument("--reviewer", help="only claims this reviewer rated (first or second review)")
    p.add_argument("--source", help="only claims whose source contains this text (any case)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only verdicts given on or after")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only verdicts given on or before")
    p.add_argument(
        "--org",
        help="the fact-checking organisation a ClaimReview names (default: $VERIFIER_ORG)",
    )
    p.add_argument("--excel", action="store_true", help="CSV with a UTF-8 BOM for Excel")
    p.add_argument(
        "--chain-head",
        action="store_true",
        help="also print the verdict history's chain head (publish it beside the table;"
        " `verifier check --head HASH` verifies it later)",
    )
    add_db(p)
    p.set_defaults(handler=run)


def _day(value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise CliError(f"{flag} must be a date as YYYY-MM-DD, not {value!r}") from None


def run(args: argparse.Namespace) -> int:
    from verifier.export import ExportError, VerdictFilter, export, export_file
    from verifier.store import ClaimFilter
    from verifier.store.chain import history_head

    if args.rating and args.unrated:
        raise CliError("--rating and --unrated exclude each other")
    try:
        ratings = tuple(sorted({parse_rating(r) for r in args.rating or ()}))
    except ValueError as exc:
        raise CliError(str(exc)) from None
    since, until = _day(args.since, "--since"), _day(args.until, "--until")
    if since and until and since > until:
        raise CliError(f"--since {since} is after --until {until}")
    flt = VerdictFilter(
        claims=ClaimFilter(rating=0) if args.unrated else None,
        ratings=ratings,
        reviewer=args.reviewer or None,
        source=args.source or None,
        since=since,
        until=until,
    )
    org = args.org or os.environ.get("VERIFIER_ORG") or None
    to_file = bool(args.output) and args.output != "-"
    with open_db(args.db) as store:
        try:
            if to_file:
                count = export_file(
                    store,
                    args.output,
                    args.format,
                    flt,
                    excel_bom=args.excel,
                    org=org,
                    force=args.force,
                )
            else:
                count = export(
                    store, args.format or "csv", sys.stdout, flt, excel_bom=args.excel, org=org
                )
        except ExportError as exc:
            raise CliError(str(exc)) from None
        head = history_head(store) if args.chain_head else None
    if to_file:
        noun = "claim" if count == 1 else "claims"
        print(strip_controls(f"wrote {count} {noun} to {args.output}"), file=sys.stderr)
    if head is not None:
        print(f"verdict history: {head[0]} events, head sha256:{head[1]}", file=sys.stderr)
    return 0
