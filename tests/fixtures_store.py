"""A small, hand-written corpus in a real ``Store``, for any test that needs one.

Four articles from three outlets about one invented event (nothing here is real news):

* ``LEDGER_ADVANCE`` (Northern Ledger) and ``AGGREGATOR_COPY`` (Daily Digest), the same
  story republished with the aggregator's own headline and footer: the copy problem;
* ``WIRE_STRIKES`` (Coastal Wire): the same events, worded differently, with other sources;
* ``LEDGER_WATER`` (Northern Ledger, two days later): a denial that contradicts a claim of
  ``LEDGER_ADVANCE``, and a sentence that shares only two rare words ("Korvath",
  "desalination") with a claim of ``WIRE_STRIKES``.

Every claim shares words with some body sentence of another article, so retrieval finds
evidence for each of the 12 claims. Headlines, bylines, a dateline, a caption and a footer are
labelled with their unit kinds.

Text is built from sentences, so every span (units, paragraphs, claims) is computed from the
text and checked against it. ``make_store`` adds hand-written evidence (not computed by
``verifier.corroborate``, so tests of other stages do not depend on retrieval).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from verifier.models import (
    AnalysedDocument,
    Attribution,
    Document,
    EvidenceRecord,
    QuoteKind,
    SourceType,
    Span,
    Stance,
    Unit,
    UnitKind,
)
from verifier.store import ClaimFilter, Store
from verifier.text.kinds import attribution_kind

Paragraph = tuple[tuple[UnitKind, str], ...]


@dataclass(frozen=True)
class ClaimSpec:
    """An attribution by its strings; ``unit`` is the index of the unit that holds it."""

    unit: int
    source: str
    cue: str
    content: str
    source_type: SourceType = "unknown"
    stance: Stance = "asserts"
    quote: QuoteKind = "indirect"
    resolved_source: str = ""
    canonical_source: str = ""


def _find(text: str, part: str, within: Span) -> Span:
    start = text.find(part, within.start, within.end)
    if start < 0:
        raise AssertionError(f"{part!r} is not in {text[within.start : within.end]!r}")
    return Span(start, start + len(part))


def build_article(
    name: str,
    outlet: str | None,
    published: str | None,
    paragraphs: tuple[Paragraph, ...],
    claims: tuple[ClaimSpec, ...] = (),
    *,
    title: str | None = None,
) -> AnalysedDocument:
    """An analysed article whose units, paragraphs and claim spans all agree with its text.

    Paragraphs are separated by a blank line, the sentences of a paragraph by one space.
    """
    pieces: list[str] = []
    units: list[Unit] = []
    para_spans: list[Span] = []
    pos = 0
    for p_index, paragraph in enumerate(paragraphs):
        if p_index:
            pieces.append("\n\n")
            pos += 2
        p_start = pos
        for s_index, (kind, sentence) in enumerate(paragraph):
            if s_index:
                pieces.append(" ")
                pos += 1
            pieces.append(sentence)
            units.append(Unit(len(units), p_index, kind, Span(pos, pos + len(sentence)), sentence))
            pos += len(sentence)
        para_spans.append(Span(p_start, pos))
    text = "".join(pieces)
    attributions = []
    for spec in claims:
        unit = units[spec.unit]
        attributions.append(
            Attribution(
                doc=name,
                sentence_index=unit.index,
                sentence=unit.text,
                sentence_span=unit.span,
                source=spec.source,
                source_span=_find(text, spec.source, unit.span),
                cue=spec.cue,
                cue_span=_find(text, spec.cue, unit.span),
                content=spec.content,
                content_span=_find(text, spec.content, unit.span),
                source_type=spec.source_type,
                stance=spec.stance,
                quote=spec.quote,
                resolved_source=spec.resolved_source or spec.source,
                canonical_source=spec.canonical_source,
                kind=attribution_kind(spec.cue, spec.source),
            )
        )
    for unit in units:
        assert unit.span.of(text) == unit.text
    document = Document(
        name=name,
        text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        path=f"/corpus/{name}",
        title=title,
        outlet=outlet,
        published=published,
        fmt="txt",
    )
    return AnalysedDocument(document, tuple(units), tuple(attributions), tuple(para_spans))


# --- the corpus -------------------------------------------------------------------------------

_ADVANCE_BODY: tuple[Paragraph, ...] = (
    (
        (
            "body",
            "Opposition fighters entered the outskirts of Tessaly on Friday, their largest "
            "advance in years.",
        ),
    ),
    (
        (
            "body",
            "The Ministry of Defence said its troops had withdrawn from four villages to "
            "protect civilians.",
        ),
        (
            "body",
            "At least 27 people were killed in airstrikes on the market district, the Civil "
            "Relief Network told reporters.",
        ),
    ),
    (
        (
            "body",
            "\u201cWe could hear the jets all night,\u201d said Mira Haddad, a teacher who fled "
            "the city with her two sons.",
        ),
        ("body", "The Northern Ledger could not independently verify the casualty figures."),
    ),
)


def _advance_claims(offset: int) -> tuple[ClaimSpec, ...]:
    return (
        ClaimSpec(
            offset + 1,
            "The Ministry of Defence",
            "said",
            "its troops had withdrawn from four villages to protect civilians",
            source_type="government",
            canonical_source="Ministry of Defence",
        ),
        ClaimSpec(
            offset + 2,
            "the Civil Relief Network",
            "told",
            "At least 27 people were killed in airstrikes on the market district",
            source_type="ngo",
            canonical_source="Civil Relief Network",
        ),
        ClaimSpec(
            offset + 3,
            "Mira Haddad, a teacher who fled the city with her two sons",
            "said",
            "We could hear the jets all night",
            source_type="eyewitness",
            quote="direct",
        ),
    )


LEDGER_ADVANCE = build_article(
    "ledger-tessaly-advance.txt",
    "Northern Ledger",
    "2024-03-02",
    (
        (("headline", "Fighters enter Tessaly as government troops pull back"),),
        (("byline", "By Ana Ruiz, Northern Ledger"),),
        *_ADVANCE_BODY,
    ),
    _advance_claims(2),
    title="Fighters enter Tessaly as government troops pull back",
)

AGGREGATOR_COPY = build_article(
    "digest-tessaly.html",
    "Daily Digest",
    "2024-03-03",
    (
        (("headline", "BREAKING: Tessaly falls? What we know"),),
        *_ADVANCE_BODY,
        (("boilerplate", "Share this story. More from World."),),
    ),
    _advance_claims(1),
    title="BREAKING: Tessaly falls? What we know",
)

WIRE_STRIKES = build_article(
    "wire-0302-tessaly.txt",
    "Coastal Wire",
    "2024-03-02",
    (
        (("headline", "Airstrikes hit Tessaly market as opposition advances"),),
        (("dateline", "TESSALY, March 2 (Coastal Wire) -"),),
        (
            (
                "body",
                "Airstrikes struck the market district of Tessaly late on Friday, killing 27 "
                "people, according to the Civil Relief Network.",
            ),
            (
                "body",
                "State television reported that the army had repelled the attack and retaken "
                "all positions.",
            ),
        ),
        (
            (
                "body",
                "A spokesman for the Liberation Front said its fighters controlled the "
                "desalination plant outside Korvath.",
            ),
            ("body", "Residents described long queues at bakeries as flour ran short."),
        ),
    ),
    (
        ClaimSpec(
            2,
            "the Civil Relief Network",
            "according to",
            "Airstrikes struck the market district of Tessaly late on Friday, killing 27 people",
            source_type="ngo",
            canonical_source="Civil Relief Network",
        ),
        ClaimSpec(
            3,
            "State television",
            "reported",
            "the army had repelled the attack and retaken all positions",
            source_type="state_media",
        ),
        ClaimSpec(
            4,
            "A spokesman for the Liberation Front",
            "said",
            "its fighters controlled the desalination plant outside Korvath",
            source_type="armed_group",
            resolved_source="the Liberation Front",
            canonical_source="Liberation Front",
        ),
    ),
    title="Airstrikes hit Tessaly market as opposition advances",
)

LEDGER_WATER = build_article(
    "ledger-korvath-water.txt",
    "Northern Ledger",
    "2024-03-04",
    (
        (("headline", "Water runs short in Korvath"),),
        (
            (
                "body",
                "Engineers said the Korvath desalination works had stopped pumping on Sunday.",
            ),
        ),
        (
            (
                "body",
                "The Ministry of Defence denied that any villages had been abandoned to the "
                "opposition.",
            ),
            (
                "body",
                "An official who asked not to be named told the Ledger that 31 people had died "
                "in the market strikes.",
            ),
        ),
        (
            (
                "body",
                "Army trucks were seen leaving positions east of Tessaly on Saturday.",
            ),
        ),
        (("caption", "A queue for water in Korvath on Sunday."),),
    ),
    (
        ClaimSpec(
            1,
            "Engineers",
            "said",
            "the Korvath desalination works had stopped pumping on Sunday",
            source_type="unknown",
        ),
        ClaimSpec(
            2,
            "The Ministry of Defence",
            "denied",
            "any villages had been abandoned to the opposition",
            source_type="government",
            stance="denies",
            canonical_source="Ministry of Defence",
        ),
        ClaimSpec(
            3,
            "An official who asked not to be named",
            "told",
            "31 people had died in the market strikes",
            source_type="anonymous",
        ),
    ),
    title="Water runs short in Korvath",
)

ARTICLES: tuple[AnalysedDocument, ...] = (
    LEDGER_ADVANCE,
    WIRE_STRIKES,
    AGGREGATOR_COPY,
    LEDGER_WATER,
)
"""In the order ``make_store`` adds them (article ids 1-4)."""


def article_id(store: Store, doc: AnalysedDocument) -> int:
    found = store.article_by_name(doc.document.name)
    assert found is not None, doc.document.name
    return found.id


def claim_id(store: Store, doc: AnalysedDocument, position: int) -> str:
    """The stored id of the ``position``-th claim of ``doc``."""
    claims = store.claims(ClaimFilter(article_id=article_id(store, doc)))
    return claims[position].id


def sentence_id(store: Store, doc: AnalysedDocument, unit: int) -> int:
    """The stored id of unit ``unit`` of ``doc``."""
    for sentence in store.sentences(article_id(store, doc)):
        if sentence.index == unit:
            return sentence.id
    raise KeyError(f"{doc.document.name} has no unit {unit}")


def _evidence(
    store: Store,
    claim: str,
    hits: list[tuple[AnalysedDocument, int, float, str, bool | None]],
) -> tuple[str, list[EvidenceRecord]]:
    records = []
    for rank, (doc, unit, score, relation, independent) in enumerate(hits, start=1):
        aid = article_id(store, doc)
        stored = next(s for s in store.sentences(aid) if s.index == unit)
        records.append(
            EvidenceRecord(
                claim_id=claim,
                sentence_id=stored.id,
                article_id=aid,
                article_name=doc.document.name,
                outlet=doc.document.outlet,
                published=doc.document.published,
                sentence=stored.text,
                score=score,
                rank=rank,
                relation=relation,
                independent=independent,
                reasons=(f"fixture: {relation}",),
            )
        )
    return claim, records


def make_store(tmp_path: Path, name: str = "fixture.db") -> Store:
    """A fresh store at ``tmp_path/name`` holding ``ARTICLES``, their claims and evidence.

    Evidence (hand-written, best first): the casualty claim of ``LEDGER_ADVANCE`` has the
    wire's sentence, the anonymous official and the aggregator's copy; the ministry's
    withdrawal claim has the later denial. No claim is rated.
    """
    store = Store(tmp_path / name)
    for doc in ARTICLES:
        assert store.add_analysed(doc) is not None
    casualties = claim_id(store, LEDGER_ADVANCE, 1)
    withdrawal = claim_id(store, LEDGER_ADVANCE, 0)
    store.replace_evidence_many(
        [
            _evidence(
                store,
                casualties,
                [
                    (WIRE_STRIKES, 2, 9.5, "supports_partly", True),
                    (LEDGER_WATER, 3, 4.25, "contradicts", True),
                    (AGGREGATOR_COPY, 3, 3.0, "same_report", False),
                ],
            ),
            _evidence(store, withdrawal, [(LEDGER_WATER, 2, 6.0, "contradicts", True)]),
        ]
    )
    return store
