"""Persistence: the one SQLite database that the CLI, the TUI and the exports share."""

from verifier.store.db import (
    ClaimFilter,
    StaleVerdictError,
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
    "StaleVerdictError",
    "Store",
    "StoreError",
    "claim_id_for",
    "default_db_path",
    "open_store",
]
