"""Exports of the verdict table (CSV, JSON Lines, Markdown, ClaimReview JSON-LD), shared by the
CLI and the TUI, each format one entry of ``EXPORT_FORMATS``.

Reads through ``Store`` only, and never imports Textual, so the TUI's export command and
``verifier export`` produce byte-identical files.
"""

from verifier.export.claimreview import RATING_VALUES, claim_review, short_claim
from verifier.export.errors import ExportError, ExportExists
from verifier.export.formats import (
    BOM,
    COLUMNS,
    EXPORT_FORMATS,
    MD_COLUMNS,
    ExportFormat,
    WriteOptions,
    as_verdict_filter,
    export,
    export_file,
    format_for_path,
    format_names,
    md_cell,
    neutralise_cell,
    register,
    write_csv,
    write_jsonl,
    write_md,
)
from verifier.store.verdicts import VerdictFilter

__all__ = [
    "BOM",
    "COLUMNS",
    "EXPORT_FORMATS",
    "MD_COLUMNS",
    "RATING_VALUES",
    "ExportError",
    "ExportFormat",
    "ExportExists",
    "VerdictFilter",
    "WriteOptions",
    "as_verdict_filter",
    "claim_review",
    "export",
    "export_file",
    "format_for_path",
    "format_names",
    "md_cell",
    "neutralise_cell",
    "register",
    "short_claim",
    "write_csv",
    "write_jsonl",
    "write_md",
]
