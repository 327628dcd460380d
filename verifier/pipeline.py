"""Runs the stages in their one direction: files -> ingest -> text -> corroborate -> store.

The CLI and the TUI's first-run sample loading both call ``ingest_paths``, so a corpus
ingested either way ends up identical. A bad file never stops the batch and never touches
what is already stored: each article lands in its own transaction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from verifier.corroborate import corroborate_all
from verifier.ingest import IngestError, iter_article_files, read_documents
from verifier.store import Store
from verifier.text import analyse

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, current_file_name)``."""


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    added: int = 0
    duplicates: int = 0
    claims: int = 0
    chars: int = 0
    errors: list[IngestError] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """The one line a user reads after an ingest."""
        rate = self.chars / self.seconds / 1000 if self.seconds > 0 else 0.0
        parts = [
            f"ingested {self.added} article{'s' if self.added != 1 else ''}",
            f"{self.claims} claims",
        ]
        if self.duplicates:
            parts.append(f"{self.duplicates} already stored")
        if self.errors:
            parts.append(f"{len(self.errors)} file{'s' if len(self.errors) != 1 else ''} skipped")
        parts.append(f"{self.seconds:.2f} s ({rate:,.0f} k chars/s)")
        return " · ".join(parts)


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    corroborate: bool = True,
) -> IngestReport:
    """Ingest files and folders into ``store``; returns what happened, errors included."""
    started = time.perf_counter()
    report = IngestReport()
    files = list(iter_article_files(paths))
    report.files = len(files)
    for number, path in enumerate(files, start=1):
        if progress:
            progress(number - 1, len(files), path.name)
        try:
            documents = read_documents(path)
        except IngestError as exc:
            report.errors.append(exc)
            if on_error:
                on_error(exc)
            continue
        for document in documents:
            if store.has_content(document.content_hash):
                report.duplicates += 1
                continue
            analysed = analyse(document)
            if store.add_analysed(analysed) is None:
                report.duplicates += 1
                continue
            report.added += 1
            report.claims += len(analysed.attributions)
            report.chars += len(document.text)
    if progress:
        progress(len(files), len(files), "")
    if corroborate and report.added:
        # New articles can be evidence for old claims too, so every claim is looked at again.
        corroborate_all(store)
    report.seconds = time.perf_counter() - started
    return report
