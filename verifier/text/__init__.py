"""The text stage: segmentation, attribution and claim facts, with no database and no UI.

``analyse`` is the one entry point the pipeline and ``verifier extract`` call, so both see the
same claims for the same file.
"""

from __future__ import annotations

from dataclasses import replace

from verifier.models import AnalysedDocument, Document


def analyse(document: Document) -> AnalysedDocument:
    """Segment a document and extract its attributions, each with a canonical source name."""
    # Imported lazily: `verifier --help` should not pay for loading the Punkt parameters.
    from verifier.text.attribution import extract
    from verifier.text.segment import segment
    from verifier.text.sources import canonical_source

    paragraphs, units = segment(document.text)
    attributions = tuple(
        att
        if att.canonical_source
        else replace(att, canonical_source=canonical_source(att.resolved_source or att.source))
        for att in extract(document, units)
    )
    return AnalysedDocument(
        document=document,
        units=tuple(units),
        attributions=attributions,
        paragraphs=tuple(paragraphs),
    )


__all__ = ["analyse"]
