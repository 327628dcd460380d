"""Exports of the verdict table (CSV, JSON Lines, Markdown), shared by the CLI and the TUI.

Reads through ``Store`` only, and never imports Textual, so the TUI's export command and
``verifier export`` produce byte-identical files.
"""

from verifier.export.formats import (
    BOM,
    COLUMNS,
    FORMATS,
    ExportError,
    export,
    export_file,
    format_for_path,
    md_cell,
    neutralise_cell,
    write_csv,
    write_jsonl,
    write_md,
)

__all__ = [
    "BOM",
    "COLUMNS",
    "FORMATS",
    "ExportError",
    "export",
    "export_file",
    "format_for_path",
    "md_cell",
    "neutralise_cell",
    "write_csv",
    "write_jsonl",
    "write_md",
]
