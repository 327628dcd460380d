"""``verifier evidence TEXT`` / ``--batch FILE``: sentences in the corpus that bear on a text.

Each result carries its relation to the text (supports, partly_supports, contradicts,
same_report, unrelated, outlet_caveat), whether its source is independent, and why.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from verifier.cli.common import CliError, add_db, open_db
from verifier.safety import json_dumps, strip_controls


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("evidence", help="sentences in the corpus that bear on a text")
    p.add_argument("text", nargs="?", help="the claim text to look for")
    p.add_argument("--article", metavar="NAME", help="the article the text comes from")
    p.add_argument(
        "--batch",
        metavar="QUERIES.jsonl",
        help='many queries, one JSON object a line: {"id", "text", "article"}',
    )
    p.add_argument("--limit", type=int, default=10, metavar="K")
    p.add_argument("--format", choices=("jsonl", "text"), default="text")
    add_db(p)
    p.set_defaults(handler=run)


def _queries(path: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """``(line number, query)`` per non-blank line; a bad line yields its error message."""
    try:
        handle = Path(path).open(encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise CliError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    query = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield number, f"not JSON ({exc.msg})"
                    continue
                if not isinstance(query, dict):
                    yield number, "not a JSON object"
                elif not isinstance(query.get("text"), str) or not query["text"].strip():
                    yield number, 'no "text"'
                elif query.get("article") is not None and not isinstance(query["article"], str):
                    yield number, '"article" must be a string'
                else:
                    yield number, query
        except UnicodeDecodeError:
            raise CliError(f"{path}: not UTF-8 text") from None


def run(args: argparse.Namespace) -> int:
    import sys

    from verifier.corroborate.corpus import CorpusView
    from verifier.corroborate.passages import PassageError, search_evidence

    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    if bool(args.text) == bool(args.batch):
        raise CliError("give either TEXT or --batch QUERIES.jsonl")
    status = 0
    with open_db(args.db) as store:
        view = CorpusView.load(store)
        if args.text:
            queries: Iterator[tuple[int, dict[str, Any] | str]] = iter(
                [(0, {"text": args.text, "article": args.article})]
            )
        else:
            queries = _queries(args.batch)
        for number, query in queries:
            if isinstance(query, str):
                print(strip_controls(f"verifier: {args.batch}:{number}: {query}"), file=sys.stderr)
                status = 2
                continue
            try:
                results = search_evidence(
                    store,
                    query["text"],
                    article_name=query.get("article"),
                    limit=args.limit,
                    view=view,
                )
            except PassageError as exc:
                if not args.batch:
                    raise CliError(str(exc)) from None
                print(strip_controls(f"verifier: {args.batch}:{number}: {exc}"), file=sys.stderr)
                status = 2
                continue
            for hit, judgement in results:
                record: dict[str, Any] = {}
                if args.batch:
                    record["id"] = query.get("id")
                record.update(hit.to_json())
                record["relation"] = judgement.relation
                record["independent"] = bool(judgement.independent)
                record["reasons"] = list(judgement.reasons)
                if args.format == "jsonl":
                    print(json_dumps(record))
                else:
                    tag = "independent" if judgement.independent else "not independent"
                    prefix = f"[{record['id']}] " if args.batch else ""
                    print(
                        strip_controls(
                            f"{prefix}{hit.score:6.2f}  {judgement.relation} · {tag} · "
                            f"{hit.outlet or '?'} · {hit.article_name}\n"
                            f"        {hit.sentence}\n"
                            f"        {'; '.join(judgement.reasons)}"
                        )
                    )
    return status
