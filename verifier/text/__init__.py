"""The text stage: segmentation, attribution, claim and passage facts, with no database and no UI.

``analyse`` is the one entry point the pipeline and ``verifier extract`` call, so both see the
same claims for the same file.
"""

from __future__ import annotations

from dataclasses import replace

from verifier.models import AnalysedDocument, Attribution, Document, Unit
from verifier.text.failures import sentence_failed


def analyse(document: Document) -> AnalysedDocument:
    """Segment a document and extract its attributions, each with a canonical source name
    and its facts (gist, figures, events, places, dates resolved against the article date)."""
    # Imported lazily: `verifier --help` should not pay for loading the Punkt parameters.
    from verifier.text.attribution import extract
    from verifier.text.segment import segment

    paragraphs, units = segment(document.text)
    text = document.text
    attributions: list[Attribution] = []
    for att in extract(document, units):
        try:
            attributions.append(_with_facts(att, text, document.published))
        except Exception as exc:  # a failure on one claim's sentence costs that claim only
            sentence_failed(document.name, att.sentence_index, att.sentence_span, exc)
    return AnalysedDocument(
        document=document,
        units=tuple(_with_reading(u, document.name, document.published) for u in units),
        attributions=tuple(attributions),
        paragraphs=tuple(paragraphs),
    )


def _with_reading(unit: Unit, name: str, published: str | None) -> Unit:
    """A searched unit (body sentence or title) with the text stage's reading of it and its
    event marks (dates resolved against the article's date ``published``), so that
    corroboration weighs the stored reading instead of reading the sentence again for every
    claim it meets; a failure costs that sentence its reading only (it is read when needed)."""
    if not (unit.kind == "body" or (unit.kind == "headline" and unit.index == 0)):
        return unit
    from verifier.text.events import sentence_reading

    try:
        return replace(unit, facts=sentence_reading(unit.text, published))
    except Exception as exc:
        sentence_failed(name, unit.index, unit.span, exc)
        return unit


def _with_facts(att: Attribution, text: str, published: str | None) -> Attribution:
    """One attribution with its canonical source and its facts."""
    from verifier.text.facts import extract_facts
    from verifier.text.sources import canonical_source

    canonical = att.canonical_source or canonical_source(att.resolved_source or att.source)
    # Fact spans point into the document, so the content must be located there exactly;
    # a content that is not a slice of the text (rebuilt from pieces) falls back to the
    # sentence, whose facts are then the claim's.
    claim_text, offset = att.content, att.content_span.start
    if not claim_text or text[offset : att.content_span.end] != claim_text:
        found = att.sentence.find(claim_text) if claim_text else -1
        if found >= 0:
            offset = att.sentence_span.start + found
        else:
            claim_text, offset = att.sentence, att.sentence_span.start
    facts = extract_facts(
        claim_text,
        published=published,
        offset=offset,
        context=att.sentence,
        context_offset=att.sentence_span.start,
    )
    # One construction for both fields: ``replace`` re-runs the dataclass __init__.
    return replace(att, canonical_source=canonical, facts=facts)


__all__ = ["analyse"]
