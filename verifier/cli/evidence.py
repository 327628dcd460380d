"""``verifier evidence TEXT``: sentences in the corpus that bear on a text."""

from __future__ import annotations

import argparse
import json

from verifier.cli.common import CliError, add_db, open_db
from verifier.safety import strip_controls


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("evidence", help="sentences in the corpus that bear on a text")
    p.add_argument("text", help="the claim text to look for")
    p.add_argument("--article", metavar="NAME", help="the article the text comes from")
    p.add_argument("--limit", type=int, default=10, metavar="K")
    p.add_argument("--format", choices=("jsonl", "text"), default="text")
    add_db(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verifier.corroborate import find_evidence

    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    with open_db(args.db) as store:
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
