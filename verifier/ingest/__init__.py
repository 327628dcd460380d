"""The ingest stage: article files in, ``Document`` records out, nothing else.

It knows file formats, encodings and header conventions, and nothing about sentences or
claims; ``verifier.text`` takes over from the stored text.
"""

from __future__ import annotations

from verifier.ingest.errors import IngestError
from verifier.ingest.files import (
    SUPPORTED_EXTENSIONS,
    content_hash,
    iter_article_files,
    read_documents,
)
from verifier.ingest.metadata import Metadata, extract_metadata, parse_date, parse_front_matter
from verifier.ingest.readers import html_to_text

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "IngestError",
    "Metadata",
    "content_hash",
    "extract_metadata",
    "html_to_text",
    "iter_article_files",
    "parse_date",
    "parse_front_matter",
    "read_documents",
]
