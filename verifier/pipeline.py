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

from verifier.corroborate import corroborate_articles
from verifier.ingest import IngestError, iter_article_files, read_documents
from verifier.priority import compute_priorities
from verifier.provenance import track_all
from verifier.store import Store
from verifier.store.verdicts import carry_verdicts
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
    carried: int = 0  # verdicts carried to a new version of an article (text changed or not)
    orphaned: int = 0  # claims of an earlier version that the new one no longer makes

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
        if self.carried or self.orphaned:
            parts.append(f"{self.carried} verdicts carried, {self.orphaned} claims orphaned")
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
    added_ids: list[int] = []
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
            article_id = store.add_analysed(analysed)
            if article_id is None:
                report.duplicates += 1
                continue
            # An updated article keeps the verdicts of the version it replaces.
            carry = carry_verdicts(store, article_id)
            report.carried += carry.kept + carry.changed
            report.orphaned += carry.orphaned
            report.added += 1
            added_ids.append(article_id)
            report.claims += len(analysed.attributions)
            report.chars += len(document.text)
    if progress:
        progress(len(files), len(files), "")
    if corroborate and report.added:
        # Stories and copies first; then the claims of every story a new article joined, since
        # a new article can be evidence (or a copy) for old claims too.
        corroborate_articles(store, added_ids)
        # Who each claim is attributed to wherever else it appears (drift, conflicts).
        track_all(store)
    if report.added:
        # Last: the score reads the independence counts and conflicts the stages above wrote.
        compute_priorities(store)
    report.seconds = time.perf_counter() - started
    return report
