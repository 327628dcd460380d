"""The verdict table in CSV, JSON Lines, Markdown and ClaimReview: one implementation for the
CLI and the TUI.

``EXPORT_FORMATS`` is the one list of formats: name, file suffix, one-line help, the rows it
reads and the writer. The CLI's ``--format`` choices, the TUI's export dialog and (checked by
a test) the README are made from it, so a new format is one ``register`` call.

Every cell of an export is text from untrusted articles, so each format defends its reader:
CSV cells that a spreadsheet would run as a formula are prefixed with ``'`` (OWASP's advice),
JSON escapes the line separators that some line readers split on, and Markdown cells are
escaped so that no cell can end the table, start a code span, or inject HTML.
"""

from __future__ import annotations

import csv
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from verifier.export.claimreview import reviewable, write_claimreview
from verifier.export.destination import refuse_database, write_to
from verifier.export.errors import ExportError
from verifier.models import ArticleRecord
from verifier.safety import json_dumps, safe_url, strip_controls
from verifier.store import ClaimFilter, Store
from verifier.store.appearances import appearances_of, first_appearance
from verifier.store.clusters import cluster_of
from verifier.store.verdicts import VerdictFilter, claim_details, export_rows, parse_facts

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
    "gist",
    "independent_support",
    "attribution_check",
    "source_grade",
    "url",
    "status",
    "text_changed",
    "attribution_status",
    "appearance_count",
    "kind",
)
"""Column order of CSV, key order of JSONL (which adds facts, reviews, marks, history and
appearances). New columns go at the end so spreadsheets that read by position keep working.
One row per claim cluster: ``appearance_count`` counts its appearances across articles (JSONL
also lists them, and ``cluster_claims``: the ids of the claims the row's verdict covers)."""

MD_COLUMNS: tuple[str, ...] = (
    "claim",
    "source",
    "outlet",
    "published",
    "rating_name",
    "note",
    "reviewer",
    "date",
    "independent_support",
    "attribution_status",
    "appearance_count",
    "claim_id",
)
"""The Markdown table is for people reading a wiki page: the claim, who said it, the verdict."""

Filter = ClaimFilter | VerdictFilter | None

BOM = "\ufeff"


Row = dict[str, Any]


def _check(fmt: str, excel_bom: bool, org: str | None = None) -> ExportFormat:
    chosen = EXPORT_FORMATS.get(fmt)
    if chosen is None:
        names = ", ".join(format_names())
        raise ExportError(f"unknown export format {fmt!r}: use one of {names}")
    if excel_bom and not chosen.excel_bom:
        raise ExportError("the Excel byte-order mark applies to csv exports only")
    if chosen.needs_org and not (org or "").strip():
        raise ExportError(
            "a ClaimReview export names the fact-checking organisation: --org NAME or VERIFIER_ORG"
        )
    return chosen


def as_verdict_filter(flt: Filter) -> VerdictFilter:
    """The TUI passes its queue's ``ClaimFilter``; the CLI a full ``VerdictFilter``."""
    if flt is None:
        return VerdictFilter()
    if isinstance(flt, ClaimFilter):
        return VerdictFilter(claims=flt)
    return flt


def _full_rows(store: Store, flt: Filter) -> Iterator[Row]:
    """Every field of every selected claim; a query failure becomes an ``ExportError``."""
    try:
        for row in export_rows(store, as_verdict_filter(flt)):
            if "url" in row:
                row["url"] = safe_url(row["url"])
            yield row
    except sqlite3.Error as exc:
        raise ExportError(f"cannot read claims from {store.path}: {exc}") from None


def _rows(store: Store, flt: Filter) -> Iterator[Row]:
    """Rows projected to ``COLUMNS``."""
    for row in _full_rows(store, flt):
        yield {key: row.get(key) for key in COLUMNS}


def appearance_rows(
    store: Store, claim_id: str, articles: dict[int, ArticleRecord | None] | None = None
) -> list[Row]:
    """Where the claim appears and who it is attributed to there, the claim's own first.

    Each is ``AppearanceRecord.to_json()`` plus ``first`` (the earliest dated appearance,
    the one a reader should trace the claim back to). With ``articles`` (a cache shared over
    one export), each also gets its article's ``url``, ``title`` and ``byline``, which
    ClaimReview needs to describe the appearance as a web page.
    """
    claim = store.claim(claim_id)
    if claim is None:
        return []
    appearances = appearances_of(store, claim)
    first = first_appearance(appearances)
    out = []
    for a in appearances:
        item: Row = a.to_json()
        item["first"] = a is first
        if articles is not None:
            if a.article_id not in articles:
                articles[a.article_id] = store.article(a.article_id, with_text=False)
            article = articles[a.article_id]
            item["url"] = safe_url(article.url) if article else None
            item["title"] = article.title if article else None
            item["byline"] = article.byline if article else None
        out.append(item)
    return out


def _jsonl_rows(store: Store, flt: Filter) -> Iterator[Row]:
    """``COLUMNS`` plus the claim's facts, every reviewer's rating, evidence marks, history
    and appearances across articles."""
    for row in _full_rows(store, flt):
        out = {key: row.get(key) for key in COLUMNS}
        out["independent_contradict"] = row.get("independent_contradict")
        out["facts"] = parse_facts(row.get("facts") or "")
        try:
            out.update(claim_details(store, row["claim_id"]))
            out["appearances"] = appearance_rows(store, row["claim_id"])
            out["cluster_claims"] = list(cluster_of(store, row["claim_id"]).claim_ids)
        except sqlite3.Error as exc:
            raise ExportError(f"cannot read claims from {store.path}: {exc}") from None
        yield out


def _claimreview_rows(store: Store, flt: Filter) -> Iterator[Row]:
    """Full rows with the appearances of the claims a ClaimReview is written for."""
    articles: dict[int, ArticleRecord | None] = {}
    for row in _full_rows(store, flt):
        if reviewable(row):
            try:
                row["appearances"] = appearance_rows(store, row["claim_id"], articles)
            except sqlite3.Error as exc:
                raise ExportError(f"cannot read claims from {store.path}: {exc}") from None
        yield row


def _md_rows(store: Store, flt: Filter) -> Iterator[Row]:
    for row in _full_rows(store, flt):
        out = dict(row)
        out["claim"] = row.get("gist") or row.get("content")
        out["date"] = (row.get("time") or "")[:10] or None
        yield {key: out.get(key) for key in MD_COLUMNS}


# --- CSV --------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> str:
    """A CSV cell that spreadsheets show as text, never evaluate (``=HYPERLINK(...)``), and
    that a terminal shows as text: no escape sequence, control character or bidi override
    (a line break inside a cell is kept; CSV quotes it)."""
    if value is None:
        return ""
    raw = str(value)
    # A lone carriage return would let a cell overwrite what a terminal already showed.
    text = strip_controls(raw.replace("\r\n", "\n").replace("\r", "\n"))
    if isinstance(value, str) and (
        raw.startswith(_FORMULA_START) or text.startswith(_FORMULA_START)
    ):
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
    on them, so they are escaped to keep one record per line for every reader; so are the
    control characters a terminal would act on (``json_dumps``).
    """
    count = 0
    for row in rows:
        out.write(json_dumps(row) + "\n")
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
    text = _MD_CONTROL.sub("", strip_controls(str(value))).replace("\t", " ")
    text = _MD_SPECIAL.sub(lambda m: _MD_ESCAPES[m.group(0)], text)
    return _MD_BREAK.sub("<br>", text).strip()


def write_md(rows: Iterable[Row], out: TextIO, columns: tuple[str, ...] = MD_COLUMNS) -> int:
    """A GitHub-flavoured Markdown table, one claim per row."""
    out.write("| " + " | ".join(columns) + " |\n")
    out.write("|" + "|".join("---" for _ in columns) + "|\n")
    count = 0
    for row in rows:
        out.write("| " + " | ".join(md_cell(row.get(key)) for key in columns) + " |\n")
        count += 1
    return count


# --- the formats ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """What the person exporting chose beyond the format."""

    excel_bom: bool = False
    org: str = ""


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format, with all the CLI, the TUI and the README say about it."""

    name: str
    suffix: str  # what a file of this format is called, and what names it: ".csv"
    help: str  # one line, for --help and the TUI
    rows: Callable[[Store, Filter], Iterator[Row]]
    write: Callable[[Iterator[Row], TextIO, WriteOptions], int]
    other_suffixes: tuple[str, ...] = ()  # also read as this format: ".ndjson"
    excel_bom: bool = False  # --excel applies
    needs_org: bool = False  # names the fact-checking organisation (--org)


EXPORT_FORMATS: dict[str, ExportFormat] = {}
"""Every export format by name, in the order the CLI and the TUI offer them."""


def register(fmt: ExportFormat) -> ExportFormat:
    """Offer ``fmt`` everywhere an export is written (a later one of the same name replaces it)."""
    EXPORT_FORMATS[fmt.name] = fmt
    return fmt


def format_names() -> tuple[str, ...]:
    """The names of the export formats, in the order they are offered."""
    return tuple(EXPORT_FORMATS)


register(
    ExportFormat(
        "csv",
        ".csv",
        "one row per claim, for spreadsheets (--excel adds a byte-order mark)",
        _rows,
        lambda rows, out, o: write_csv(rows, out, excel_bom=o.excel_bom),
        excel_bom=True,
    )
)
register(
    ExportFormat(
        "jsonl",
        ".jsonl",
        "one JSON object per claim, with facts, reviews, marks, history and appearances",
        _jsonl_rows,
        lambda rows, out, o: write_jsonl(rows, out),
        other_suffixes=(".ndjson",),
    )
)
register(
    ExportFormat(
        "md",
        ".md",
        "a Markdown table for a newsroom wiki",
        _md_rows,
        lambda rows, out, o: write_md(rows, out),
    )
)
register(
    ExportFormat(
        "claimreview",
        ".jsonld",
        "schema.org ClaimReview JSON-LD, one object per rated claim (needs --org)",
        _claimreview_rows,
        lambda rows, out, o: write_claimreview(rows, out, org=o.org),
        needs_org=True,
    )
)


# --- entry points -----------------------------------------------------------------------------


def export(
    store: Store,
    fmt: str,
    out: TextIO,
    flt: Filter = None,
    *,
    excel_bom: bool = False,
    org: str | None = None,
) -> int:
    """Write the verdicts of the claims ``flt`` selects; returns the records written.

    ``org`` is the fact-checking organisation a ClaimReview names as its author; by default
    ``$VERIFIER_ORG``, so the TUI's export dialog can write ClaimReview too.
    """
    org = org or os.environ.get("VERIFIER_ORG") or None
    chosen = _check(fmt, excel_bom, org)
    options = WriteOptions(excel_bom=excel_bom, org=str(org or "").strip())
    return chosen.write(chosen.rows(store, flt), out, options)


def format_for_path(path: str | Path) -> str | None:
    """The format a file name asks for by its suffix, if any."""
    suffix = Path(path).suffix.lower()
    for fmt in EXPORT_FORMATS.values():
        if suffix in (fmt.suffix, *fmt.other_suffixes):
            return fmt.name
    return None


def export_file(
    store: Store,
    path: str | Path,
    fmt: str | None = None,
    flt: Filter = None,
    *,
    excel_bom: bool = False,
    org: str | None = None,
    force: bool = False,
) -> int:
    """Export to ``path`` without ever destroying anything.

    The database and its ``-wal``/``-shm``/``-journal`` files are refused whatever
    ``force`` says; an existing file is replaced only with ``force`` (else
    :class:`ExportExists`). A regular file is written atomically (temp + rename), so a failed
    export never leaves half a file; a pipe or a character device (``/dev/stdout``, a FIFO) is
    written to, never replaced by a file. ``fmt`` defaults to the one the suffix names.
    """
    target = Path(path)
    refuse_database(target, store.path)  # first: that is the one thing to say about it
    chosen = fmt or format_for_path(target)
    if chosen is None:
        raise ExportError(f"{target.name}: cannot tell the format from the name; name one")
    org = org or os.environ.get("VERIFIER_ORG") or None
    _check(chosen, excel_bom, org)

    def write(out: TextIO) -> int:
        return export(store, chosen, out, flt, excel_bom=excel_bom, org=org)

    return write_to(target, write, protected=store.path, force=force)
