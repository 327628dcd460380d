"""Persistence: the one SQLite database that the CLI, the TUI and the exports share."""

from verifier.store.db import (
    ClaimFilter,
    Store,
    StoreError,
    claim_id_for,
    default_db_path,
    open_store,
)
from verifier.store.schema import SCHEMA_VERSION, SchemaError

__all__ = [
    "SCHEMA_VERSION",
    "ClaimFilter",
    "SchemaError",
    "Store",
    "StoreError",
    "claim_id_for",
    "default_db_path",
    "open_store",
]
