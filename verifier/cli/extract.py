"""``verifier extract PATH...``: attributions found in files, with no database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from verifier.cli.common import CliError
from verifier.safety import json_dumps, strip_controls


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("extract", help="print the attributions found in files (no database)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("jsonl", "text"), default="jsonl")

    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from verifier.ingest import IngestError, iter_article_files, read_documents
    from verifier.text import analyse

    failed = 0
    for path in args.paths:
        if not Path(path).exists():
            raise CliError(f"{path}: no such file or folder")

    def report(exc: IngestError) -> None:
        nonlocal failed
        print(strip_controls(str(exc)), file=sys.stderr)
        failed += 1

    for path in iter_article_files(args.paths, on_error=report):
        try:
            documents = read_documents(path)
        except IngestError as exc:
            report(exc)
            continue
        for document in documents:
            for att in analyse(document).attributions:
                if args.format == "jsonl":
                    print(json_dumps(att.to_json()))
                else:
                    print(
                        strip_controls(
                            f"{att.doc}\t{att.source_type}\t{att.source} | {att.cue} | "
                            f"{att.content}"
                        )
                    )
    return 1 if failed else 0
