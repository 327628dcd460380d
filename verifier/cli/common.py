"""What every command shares: the one-line error type, ``--db``, opening the store, claim ids."""

from __future__ import annotations

import argparse
from pathlib import Path
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


def open_db(db: str | None, *, create: bool = False) -> Store:
    """The store at ``db`` (or the default path).

    Only the commands that put articles in (``ingest``, ``review --sample``) may create
    the file: a typo in ``--db`` given to a reading command would otherwise leave an empty
    database behind and print nothing, which reads as "no claims" rather than "wrong path".
    """
    from verifier.store import StoreError, default_db_path, open_store

    path = db or default_db_path()
    if not create and path != ":memory:" and not Path(path).exists():
        raise CliError(f"no database at {path}; run `verifier ingest` first")
    try:
        return open_store(path)
    except StoreError as exc:
        raise CliError(str(exc)) from None


def claim_id(store: Store, text: str) -> str:
    """The claim a command argument names: its full id or a unique prefix (>= 4 characters).

    Every command that takes a claim id goes through here, so a prefix ``verdict`` accepts
    is accepted by ``history`` and ``attributions`` too.
    """
    from verifier.store.verdicts import resolve_claim_id

    try:
        return resolve_claim_id(store, text)
    except KeyError as exc:
        raise CliError(f"{exc.args[0]} in {store.path}") from None
