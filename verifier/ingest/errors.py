"""The one error ingest raises, shaped for a batch report."""

from __future__ import annotations

from pathlib import Path

__all__ = ["IngestError"]


class IngestError(Exception):
    """A file that could not be read as articles.

    A batch ingest reports these and carries on, so ``str()`` is exactly one line naming the
    file and the problem; ``path`` and ``reason`` stay available for structured reporting.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = " ".join(str(reason).split()) or "unreadable"
        super().__init__(self.path, self.reason)

    def __str__(self) -> str:
        return " ".join(f"{self.path}: {self.reason}".splitlines())
