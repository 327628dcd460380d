"""What every command shares: the one-line error type, ``--db``, opening the store."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from verifier.store import Store


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help="database file (default: $VERIFIER_DB or ./verifier.db)",
    )


def open_db(db: str | None) -> Store:
    from verifier.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        raise CliError(str(exc)) from None
