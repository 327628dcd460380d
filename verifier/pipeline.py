"""Runs the stages in their one direction: files -> ingest -> text -> corroborate -> store.

The CLI and the TUI's first-run sample loading both call ``ingest_paths``, so a corpus
ingested either way ends up identical. A bad file never stops the batch and never touches
what is already stored.

Speed without giving that up: the text stage is pure (``Document`` in, ``AnalysedDocument``
out), so for a large batch it runs in worker processes while this process reads files and
writes to SQLite; results come back in input order, so a run stores the same rows in the
same order whatever the number of workers. Articles are written ``WRITE_BATCH`` to a
transaction (``synchronous=FULL`` costs one fsync per commit), each inside its own
savepoint: a bad article rolls back alone, and a crash loses at most the batch not yet
committed, which the next (idempotent) ingest picks up.
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from verifier.corroborate import corroborate_articles
from verifier.ingest import IngestError, iter_article_files, read_documents
from verifier.ingest.fetch import fetch_documents
from verifier.models import AnalysedDocument, Document
from verifier.priority import compute_priorities
from verifier.provenance import track_all
from verifier.provenance.tracking import claims_repeated_in
from verifier.store import Store, jobs
from verifier.store.db import storage_failed
from verifier.store.stories import claims_of_stories
from verifier.store.verdicts import carry_verdicts
from verifier.text import analyse
from verifier.workers import default_workers, ordered_map

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, current_file_name)`` while files are read, then as
``progress(done_claims, total_claims, "corroborating claims")`` while evidence is judged."""

WRITE_BATCH = 100
"""Articles per commit: 100 fsyncs fewer per 100 articles, and little to redo after a crash."""
PARALLEL_MIN_CHARS = 400_000
"""Below this much text (~150 articles) starting worker processes costs more than it saves."""
_CHUNK = 16  # documents per task sent to a worker: amortises pickling round trips
_WINDOW = 4  # chunks in flight per worker: bounds memory while keeping workers busy


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
    orphaned_rated: int = 0  # of those, the ones a reviewer had given a verdict
    resumed: int = 0  # articles an earlier, interrupted ingest left unfinished, now finished

    def summary(self) -> str:
        """The one line a user reads after an ingest."""
        rate = self.chars / self.seconds / 1000 if self.seconds > 0 else 0.0
        parts = [
            f"ingested {self.added} article{'s' if self.added != 1 else ''}",
            f"{self.claims} claims",
        ]
        if self.resumed:
            parts.insert(
                0,
                f"finished {self.resumed} article{'s' if self.resumed != 1 else ''}"
                " an earlier ingest left undone",
            )
        if self.duplicates:
            parts.append(f"{self.duplicates} already stored")
        if self.errors:
            parts.append(f"{len(self.errors)} file{'s' if len(self.errors) != 1 else ''} skipped")
        # Only verdicts are news here: on a first ingest two versions of one story leave the
        # older one's claims orphaned, but nobody has rated them, so there is nothing to say.
        if self.carried:
            parts.append(f"{self.carried} verdict{'s' if self.carried != 1 else ''} carried")
        if self.orphaned_rated:
            n = self.orphaned_rated
            parts.append(f"{n} rated claim{'s' if n != 1 else ''} orphaned")
        parts.append(f"{self.seconds:.2f} s ({rate:,.0f} k chars/s)")
        return " · ".join(parts)


def _analyse_one(document: Document) -> AnalysedDocument | str:
    """The text stage for one document; an exception becomes its one-line reason.

    A string, not the exception: an arbitrary exception may not survive pickling back
    from a worker, and the report only needs the line.
    """
    try:
        return analyse(document)
    except Exception as exc:  # a bug in the text stage must cost one file, not the batch
        reason = " ".join(str(exc).split()) or type(exc).__name__
        return f"text analysis failed ({type(exc).__name__}: {reason})"


def _analyse_chunk(documents: list[Document]) -> list[AnalysedDocument | str]:
    return [_analyse_one(d) for d in documents]


def _finish(
    store: Store,
    added_ids: list[int],
    pending: dict[int, int],
    corroborate: bool,
    progress: Progress | None,
) -> None:
    """The stages after storing, for the new articles and those an earlier run left
    unfinished, each article marked as it passes a stage so that a run cut short anywhere
    here is finished by the next."""
    if not corroborate:
        if added_ids:
            compute_priorities(store, store.claim_ids_of_articles(added_ids))
        return
    todo = list(dict.fromkeys([*pending, *added_ids]))
    if not todo:
        return
    uncorroborated = [a for a in todo if pending.get(a, jobs.STORED) < jobs.CORROBORATED]
    if uncorroborated:
        # Stories and copies first; then the claims of every story a new article joined,
        # since a new article can be evidence (or a copy) for old claims too.
        corroborate_articles(
            store,
            uncorroborated,
            progress=(lambda done, total: progress(done, total, "corroborating claims"))
            if progress
            else None,
        )
        jobs.mark(store, uncorroborated, jobs.CORROBORATED)
    # Who each claim is attributed to wherever else it appears (drift, conflicts). An
    # appearance carries the same content, so only the stories the new articles joined can
    # change: the same claims corroboration just revisited, not the whole corpus again.
    touched = claims_of_stories(store, todo) + claims_repeated_in(store, todo)
    track_all(store, dict.fromkeys(touched))
    jobs.mark(store, todo, jobs.TRACKED)
    # Last: the score reads the independence counts and conflicts the stages above wrote,
    # and only these articles' claims and those the stages revisited can have changed.
    rescore = dict.fromkeys(store.claim_ids_of_articles(todo) + touched)
    compute_priorities(store, list(rescore))
    jobs.mark(store, todo, jobs.SCORED)


Analysed = tuple[int, Document, AnalysedDocument | str]
"""A document's file number, the document, and its analysis or why it failed."""


def _analysed(documents: Iterable[tuple[int, Document]], workers: int) -> Iterator[Analysed]:
    """Each numbered document with its analysis (or why it failed), in input order.

    With ``workers > 1`` chunks of documents go to a process pool, a bounded number in
    flight. A pool that breaks (a worker killed) is not fatal: the chunks it lost are
    analysed here.
    """
    chunks: deque[list[tuple[int, Document]]] = deque()

    def chunked() -> Iterator[list[Document]]:
        chunk: list[tuple[int, Document]] = []
        for numbered in documents:
            chunk.append(numbered)
            if len(chunk) == _CHUNK:
                chunks.append(chunk)
                yield [d for _, d in chunk]
                chunk = []
        if chunk:
            chunks.append(chunk)
            yield [d for _, d in chunk]

    for results in ordered_map(_analyse_chunk, chunked(), workers, window=_WINDOW):
        numbered_chunk = chunks.popleft()
        yield from ((n, d, r) for (n, d), r in zip(numbered_chunk, results, strict=True))


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    corroborate: bool = True,
    workers: int | None = None,
    urls: Sequence[str] = (),
    refresh: bool = False,
) -> IngestReport:
    """Ingest files and folders, then web pages, into ``store``; returns what happened.

    ``workers`` processes run the text stage (default: one per CPU, but none for a batch
    under ``PARALLEL_MIN_CHARS`` of text, where starting them costs more than it saves).
    A URL already stored is not fetched again unless ``refresh``: then a changed page is a
    new version of its article, which keeps the verdicts as any re-ingested article does.

    Work an earlier run left undone (killed, or stopped by a full disk) is finished first:
    every article records the stages it passed (``store.jobs``), and the stages after
    storing run for the unfinished articles with the new ones. ``paths`` may be empty.
    A storage failure (disk full, I/O error) ends the run with ``StoreError``; what was
    committed stays, and the next run finishes it.
    """
    started = time.perf_counter()
    report = IngestReport()
    pending = jobs.unfinished(store) if corroborate else {}
    report.resumed = len(pending)
    added_ids: list[int] = []

    def fail(exc: IngestError) -> None:
        report.errors.append(exc)
        if on_error:
            on_error(exc)

    files = list(iter_article_files(paths, on_error=fail))
    names = [f.name for f in files] + list(urls)
    report.files = len(names)

    def unseen() -> Iterator[tuple[int, Document]]:
        """Each readable document not stored yet, with the number of its file."""
        seen: set[tuple[str, str]] = set()
        for number, name in enumerate(names, start=1):
            url = None if number <= len(files) else name
            if url is not None and not refresh and store.has_url(url):
                report.duplicates += 1
                continue
            try:
                found = read_documents(files[number - 1]) if url is None else fetch_documents(url)
            except IngestError as exc:
                fail(exc)
                continue
            for document in found:
                # The same text from another file is a copy worth storing; from this file,
                # it is already here.
                key = (document.content_hash, document.source)
                if key in seen or store.has_document(document):
                    report.duplicates += 1
                    continue
                seen.add(key)
                yield number, document

    # Read ahead until the batch is known to be big enough for worker processes to pay (or
    # the files run out); then stream, so memory does not grow with the corpus.
    stream = unseen()
    head: list[tuple[int, Document]] = []
    chars = 0
    for item in stream:
        head.append(item)
        chars += len(item[1].text)
        if chars >= PARALLEL_MIN_CHARS:
            break
    if workers is None:
        workers = default_workers() if chars >= PARALLEL_MIN_CHARS else 1
    batch: list[Analysed] = []

    def write(items: list[Analysed]) -> None:
        """One transaction for many articles, one savepoint each."""
        with store.transaction():
            for number, document, analysed in items:
                if progress:
                    progress(number - 1, len(names), names[number - 1])
                if isinstance(analysed, str):
                    fail(IngestError(document.path or document.name, analysed))
                    continue
                try:
                    with store.transaction():
                        article_id = store.add_analysed(analysed)
                        # An updated article keeps the verdicts of the version it replaces.
                        carry = (
                            carry_verdicts(store, article_id) if article_id is not None else None
                        )
                except Exception as exc:  # one article's failure must not undo the others
                    if storage_failed(store, exc):
                        raise  # the disk, not the article: the whole batch is rolled back
                    reason = " ".join(str(exc).split()) or type(exc).__name__
                    fail(IngestError(document.path or document.name, f"not stored ({reason})"))
                    continue
                if article_id is None:
                    report.duplicates += 1
                    continue
                if carry is not None:
                    report.carried += carry.kept + carry.changed
                    report.orphaned += carry.orphaned
                    report.orphaned_rated += carry.orphaned_rated
                report.added += 1
                added_ids.append(article_id)
                report.claims += len(analysed.attributions)
                report.chars += len(document.text)

    for analysed_item in _analysed(itertools.chain(head, stream), workers):
        batch.append(analysed_item)
        if len(batch) >= WRITE_BATCH:
            write(batch)
            batch = []
    if batch:
        write(batch)
    if progress:
        progress(len(names), len(names), "")
    # Stories, corroboration, tracking and scoring all search the stored text, and none of
    # them changes it: each search is run once for all of them.
    with store.remembered_searches():
        _finish(store, added_ids, pending, corroborate, progress)
    report.seconds = time.perf_counter() - started
    return report
