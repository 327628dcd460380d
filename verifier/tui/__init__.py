"""The review TUI. Importing this package imports Textual; the domain never does."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from verifier.tui.app import VerifierApp

__all__ = ["VerifierApp", "review"]


def review(db_path: str | Path, reviewer: str, *, keymap: Mapping[str, str] | None = None) -> None:
    """Open the database at ``db_path`` and run the review app until the user quits."""
    from verifier.store import Store

    with Store(db_path) as store:
        VerifierApp(store, reviewer, keymap=keymap).run()
