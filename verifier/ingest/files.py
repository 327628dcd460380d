"""Find article files and read each into ``Document`` records.

Folders are walked recursively in sorted order so that two runs over the same tree ingest in
the same order (and produce the same ids). Only hidden files and folders are passed over;
everything else is handed to ``read_documents``, which reports what it cannot read instead of
skipping it silently: a fact-checker must know which of their files never made it in.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from verifier.ingest.errors import IngestError
from verifier.ingest.metadata import Metadata, extract_metadata, outlet_from_filename
from verifier.ingest.outlets import outlet_from_saved_name, outlet_from_url
from verifier.ingest.readers import (
    Record,
    decode_bytes,
    html_charset,
    normalise_newlines,
    read_html,
    read_json,
    read_jsonl,
    read_markdown,
    read_text,
)
from verifier.models import Document

__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_FILE_BYTES",
    "SUPPORTED_EXTENSIONS",
    "content_hash",
    "iter_article_files",
    "read_documents",
]

MAX_FILE_BYTES = 50 * 1024 * 1024
log = logging.getLogger("verifier.ingest")
MAX_ARTICLE_CHARS = 150_000
"""Longest article text stored (about 25,000 words; the longest of 1,700 real articles in the
dev sets is 34,000 characters, the longest text taken from a dev web page 98,700). Above it
an article is refused with one line. Corroboration costs time per claim, and a synthetic
100,000-character article made 1,209 claims and took 5.5 minutes to ingest on a loaded 2-core
machine (a 50 MB one never finished): the limit keeps one file from holding a batch for
longer than minutes."""

_READERS: dict[str, Callable[[str], list[Record]]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(_READERS)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def is_annotation_file(name: str) -> bool:
    """Hand-made gold (``gold.attributions.jsonl``) sits beside the articles it annotates;
    walking that folder must not mistake it for articles. Named explicitly, it is still read."""
    return name.lower().startswith("gold.")


def iter_article_files(
    paths: Iterable[str | Path], on_error: Callable[[IngestError], None] | None = None
) -> Iterator[Path]:
    """Every file named, and every file under the named folders in path order (like ``sort``).

    Hidden entries (``.git``, ``.DS_Store``) and gold annotation files (``gold.*``) inside
    folders are skipped; a path that does not
    exist is still yielded so that ``read_documents`` reports it. Each file comes once even
    when folders overlap. A folder that cannot be listed (no permission) is reported to
    ``on_error``, never skipped without a word; a symlink loop is yielded like any file, for
    ``read_documents`` to report.
    """
    seen: set[Path] = set()

    def walk_error(exc: OSError) -> None:
        if on_error is not None:
            where = exc.filename or "folder"
            on_error(IngestError(where, f"folder not read ({exc.strerror or exc})"))

    def once(path: Path) -> bool:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
            key = path.absolute()
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        root = Path(raw)
        if not root.is_dir():
            if once(root):
                yield root
            continue
        found: list[tuple[tuple[str, ...], Path]] = []
        for current, dirs, files in os.walk(root, onerror=walk_error):
            dirs[:] = [d for d in dirs if not _hidden(d)]
            for name in files:
                if not _hidden(name) and not is_annotation_file(name):
                    path = Path(current) / name
                    found.append((path.relative_to(root).parts, path))
        for _, path in sorted(found):
            if once(path):
                yield path


def content_hash(text: str) -> str:
    """sha256 of the stored text: the same article text is the same document, whatever file."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _load_text(path: Path, ext: str) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise IngestError(path, f"file too large (over {MAX_FILE_BYTES // 2**20} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(path, "no such file") from None
    except IsADirectoryError:
        raise IngestError(path, "is a directory") from None
    except OSError as exc:
        raise IngestError(path, exc.strerror or "cannot read file") from None
    if not data.strip():
        raise IngestError(path, "empty")
    declared = html_charset(data) if ext in (".html", ".htm", ".xhtml") else None
    try:
        return decode_bytes(data, declared)
    except ValueError as exc:
        raise IngestError(path, str(exc)) from None


def complete_outlet(meta: Metadata, filename: str | None) -> Metadata:
    """``meta`` with an outlet wherever one can be known.

    What the file or its header lines say comes first; then the URL the article was
    published at (its outlet's name, else its domain), which is where the article really
    came from; the file name counts last: when it spells a well-known outlet, or when a saved
    page is named after its site.
    """
    if meta.outlet:
        return meta
    outlet = (
        outlet_from_url(meta.url)
        or (outlet_from_filename(filename) if filename else None)
        or outlet_from_saved_name(filename)
    )
    return replace(meta, outlet=outlet) if outlet else meta


def to_document(
    record: Record,
    *,
    name: str,
    source: str,
    origin: str,
    path: str = "",
    filename: str | None = None,
    url: str | None = None,
    fetched_at: str | None = None,
) -> Document:
    """A record read from ``origin`` (a file or a URL) as the document ingest stores.

    Header lines fill what the file's own metadata left open, then the outlet is completed
    from the URL (``url``, where a page was fetched from, wins over the page's own) or the
    file name; a reader's warning is said here, naming ``origin``.
    """
    if len(record.text) > MAX_ARTICLE_CHARS:
        which = f"{name}: " if name != Path(origin).name else ""
        raise IngestError(
            origin,
            f"{which}article of {len(record.text):,} characters,"
            f" over the {MAX_ARTICLE_CHARS:,} limit",
        )
    if record.warning:
        log.warning("%s: %s", origin, record.warning)
    meta = record.meta.merged(extract_metadata(record.text))
    if url:
        meta = replace(meta, url=url)
    meta = complete_outlet(meta, filename)
    return Document(
        name=name,
        text=record.text,
        content_hash=content_hash(record.text),
        path=path,
        title=meta.title,
        outlet=meta.outlet,
        url=meta.url,
        published=meta.published,
        byline=meta.byline,
        fmt=record.fmt,
        source=source,
        fetched_at=fetched_at,
    )


def read_documents(path: Path) -> list[Document]:
    """The article(s) in one file, or ``IngestError`` saying in one line why not.

    Whatever goes wrong reading one file (a reader's bug included) is that file's error:
    a batch must never end because of one file.
    """
    path = Path(path)
    try:
        return _read_documents(path)
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(path, "nested too deeply to read") from None
    except MemoryError:
        raise IngestError(path, "too large to read in memory") from None
    except Exception as exc:
        reason = " ".join(str(exc).split()) or "no detail"
        raise IngestError(path, f"cannot read ({type(exc).__name__}: {reason})") from None


def _read_documents(path: Path) -> list[Document]:
    if path.is_dir():
        raise IngestError(path, "is a directory")
    ext = path.suffix.lower()
    reader = _READERS.get(ext)
    if reader is None:
        if not path.exists():
            raise IngestError(path, "no such file")
        raise IngestError(path, f"unsupported file type {ext or '(no extension)'}")
    text = normalise_newlines(_load_text(path, ext))
    if not text.strip():
        raise IngestError(path, "empty")
    try:
        records = reader(text)
    except ValueError as exc:
        raise IngestError(path, str(exc)) from None
    many = len(records) > 1
    try:
        where = str(path.resolve())
    except OSError:
        where = str(path.absolute())
    return [
        to_document(
            record,
            name=f"{path.name}#{number}" if many else path.name,
            source=f"{where}#{number}" if many else where,
            origin=str(path),
            path=str(path),
            filename=path.name,
        )
        for number, record in enumerate(records)
    ]
