"""The verdict table in CSV, JSON Lines and Markdown: one implementation for the CLI and TUI.

Every cell of an export is text from untrusted articles, so each format defends its reader:
CSV cells that a spreadsheet would run as a formula are prefixed with ``'`` (OWASP's advice),
JSON escapes the line separators that some line readers split on, and Markdown cells are
escaped so that no cell can end the table, start a code span, or inject HTML.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from verifier.store import ClaimFilter, Store

FORMATS: tuple[str, ...] = ("csv", "jsonl", "md")

COLUMNS: tuple[str, ...] = (
    "claim_id",
    "article",
    "outlet",
    "published",
    "source",
    "source_type",
    "cue",
    "content",
    "rating",
    "rating_name",
    "note",
    "reviewer",
    "time",
    "resolved_source",
    "stance",
    "quote",
    "evidence_count",
)
"""Column order of CSV and Markdown, key order of JSONL."""

_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "md"}

BOM = "\ufeff"


class ExportError(Exception):
    """An export that cannot be done; ``str()`` is one line for the user."""


Row = dict[str, Any]


def _check(fmt: str, excel_bom: bool) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if excel_bom and fmt != "csv":
        raise ExportError("the Excel byte-order mark applies to csv exports only")


def _rows(store: Store, flt: ClaimFilter | None) -> Iterator[Row]:
    """Rows projected to ``COLUMNS``; a query failure becomes an ``ExportError``."""
    try:
        source = store.verdict_rows(flt)
        for row in source:
            yield {key: row.get(key) for key in COLUMNS}
    except sqlite3.Error as exc:
        raise ExportError(f"cannot read claims from {store.path}: {exc}") from None


# --- CSV --------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> str:
    """A CSV cell that spreadsheets show as text, never evaluate (``=HYPERLINK(...)``)."""
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def write_csv(rows: Iterable[Row], out: TextIO, *, excel_bom: bool = False) -> int:
    """RFC 4180 CSV with a header row; open files with ``newline=""``."""
    if excel_bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([neutralise_cell(row[key]) for key in COLUMNS])
        count += 1
    return count


# --- JSON Lines -------------------------------------------------------------------------------


def write_jsonl(rows: Iterable[Row], out: TextIO) -> int:
    """One JSON object per line, non-ASCII kept readable.

    U+2028/U+2029 are valid inside JSON strings but ``str.splitlines`` and JavaScript split
    on them, so they are escaped to keep one record per line for every reader.
    """
    count = 0
    for row in rows:
        line = json.dumps(row, ensure_ascii=False)
        line = line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        out.write(line + "\n")
        count += 1
    return count


# --- Markdown ---------------------------------------------------------------------------------

_MD_ESCAPES = {
    "\\": "\\\\",  # first, so it cannot un-escape what follows
    "|": "\\|",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
}
_MD_SPECIAL = re.compile("|".join(re.escape(k) for k in _MD_ESCAPES))
_MD_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
_MD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def md_cell(value: object) -> str:
    """Text that stays inside one Markdown table cell and renders literally.

    Line breaks become ``<br>`` (the only HTML a cell can contain, since ``<`` in the text
    is escaped), tabs become spaces and other control characters are dropped.
    """
    if value is None:
        return ""
    text = _MD_CONTROL.sub("", str(value)).replace("\t", " ")
    text = _MD_SPECIAL.sub(lambda m: _MD_ESCAPES[m.group(0)], text)
    return _MD_BREAK.sub("<br>", text).strip()


def write_md(rows: Iterable[Row], out: TextIO) -> int:
    """A GitHub-flavoured Markdown table, one claim per row."""
    out.write("| " + " | ".join(COLUMNS) + " |\n")
    out.write("|" + "|".join("---" for _ in COLUMNS) + "|\n")
    count = 0
    for row in rows:
        out.write("| " + " | ".join(md_cell(row[key]) for key in COLUMNS) + " |\n")
        count += 1
    return count


# --- entry points -----------------------------------------------------------------------------

_WRITERS: Mapping[str, Callable[[Iterable[Row], TextIO], int]] = {
    "jsonl": write_jsonl,
    "md": write_md,
}


def export(
    store: Store,
    fmt: str,
    out: TextIO,
    flt: ClaimFilter | None = None,
    *,
    excel_bom: bool = False,
) -> int:
    """Write the verdict table of the claims ``flt`` selects; returns the rows written."""
    _check(fmt, excel_bom)
    rows = _rows(store, flt)
    if fmt == "csv":
        return write_csv(rows, out, excel_bom=excel_bom)
    return _WRITERS[fmt](rows, out)


def format_for_path(path: str | Path) -> str | None:
    """The format a file name asks for by its suffix, if any."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def export_file(
    store: Store,
    path: str | Path,
    fmt: str | None = None,
    flt: ClaimFilter | None = None,
    *,
    excel_bom: bool = False,
) -> int:
    """Export to ``path`` atomically: a failed export never leaves half a file behind.

    ``fmt`` defaults to the one the suffix names.
    """
    target = Path(path)
    chosen = fmt or format_for_path(target)
    if chosen is None:
        raise ExportError(f"{target.name}: cannot tell the format from the name; name one")
    _check(chosen, excel_bom)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror})") from None
    try:
        # mkstemp makes the file private; an export is meant to be shared like any other file.
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            count = export(store, chosen, out, flt, excel_bom=excel_bom)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"{target}: cannot write ({exc.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
