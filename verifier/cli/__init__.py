"""The ``verifier`` command: parse arguments, call the library, print.

One module per command, each with ``register(subparsers)`` that sets ``handler``; adding a
command is a new module and one line in ``COMMAND_MODULES``. Every failure a user can cause
(a missing file, a bad database, an unknown article) ends as one line on stderr and exit
status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from verifier import __version__
from verifier.cli.common import CliError
from verifier.safety import strip_controls

COMMAND_MODULES: tuple[str, ...] = (
    "ingest",
    "extract",
    "evidence",
    "review",
    "export",
    "verdict",
    "history",
    "stats",
    "claims",
    "attributions",
    "cluster",
    "serve",
    "check",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verifier",
        description="Find attributed claims in news articles, weigh independent evidence, "
        "record verdicts.",
    )
    parser.add_argument("--version", action="version", version=f"verifier {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"verifier.cli.{name}").register(sub)
    return parser


def _storage_line(exc: Exception) -> str | None:
    """The one line for a database that failed under a command (full disk, corrupted pages,
    a file that is not a database), or ``None`` for anything else."""
    import sqlite3

    from verifier.store import StoreError

    if isinstance(exc, StoreError):
        return " ".join(str(exc).split())
    if isinstance(exc, sqlite3.DatabaseError):
        detail = " ".join(str(exc).split()) or type(exc).__name__
        return (
            f"database error ({detail}); if the file is damaged, restore it from a copy"
            " (`sqlite3 DB .recover` salvages what it can)"
        )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    try:
        return int(args.handler(args))
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
    except Exception as exc:
        line = _storage_line(exc)
        if line is None:
            raise
        print(f"verifier: {strip_controls(line)}", file=sys.stderr)
        return 2


__all__ = ["CliError", "build_parser", "main"]
