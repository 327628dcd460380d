"""Evidence for a text a person typed, and the judgement of one pair of passages.

``search_evidence`` serves ``verifier evidence`` and the TUI; ``judge_passages`` scores a gold
pair. Both read each passage with what the store knows about it (its claim, its sentence, its
article's story and copies) and judge it exactly as ``run.corroborate`` judges stored claims.
"""

from __future__ import annotations

from dataclasses import replace

from verifier.corroborate.candidates import HitContext
from verifier.corroborate.clash import claim_event
from verifier.corroborate.compare import Pair, relate
from verifier.corroborate.corpus import CorpusView, claim_source_names
from verifier.corroborate.events import other_events
from verifier.corroborate.evidence import (
    DEFAULT_LIMIT,
    EvidenceHit,
    Judgement,
    article_context,
    claim_matches,
    normalise_sentence,
    text_match,
)
from verifier.corroborate.judging import hit_sources, judge, speaker_name
from verifier.corroborate.readings import read_facts
from verifier.corroborate.run import evidence_of
from verifier.models import ArticleRecord, ClaimRecord, Span
from verifier.store import Store
from verifier.store.stories import (
    SourceRef,
    sentence_positions,
    sentence_sources,
)
from verifier.text.speakers import (
    source_words,
)


class PassageError(ValueError):
    """A passage that cannot be found in the named article."""


def _locate(store: Store, name: str, text: str) -> tuple[int, int, int, str]:
    """``(article_id, start, end, article_text)`` of ``text`` in article ``name``."""
    article = store.article_by_name(name)
    if article is None:
        raise PassageError(f"{name}: no article with that name")
    start = article.text.find(text)
    if start < 0:
        start = normalise_sentence(article.text).find(normalise_sentence(text))
        if start < 0:
            raise PassageError(f"{name}: passage not found: {text[:60]!r}")
    return article.id, start, start + len(text), article.text


def _claim_at(store: Store, article_id: int, start: int, end: int) -> ClaimRecord | None:
    """The stored claim whose content overlaps ``[start, end)`` the most."""
    best: tuple[int, ClaimRecord] | None = None
    for claim in store.claims_by_ids(store.claim_ids_of_articles([article_id])):
        overlap = min(end, claim.content_span.end) - max(start, claim.content_span.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, claim)
    return best[1] if best else None


def judge_passages(store: Store, doc_a: str, text_a: str, doc_b: str, text_b: str) -> Judgement:
    """The judgement of passage ``text_b`` (in ``doc_b``) as evidence for ``text_a``.

    Each passage is read with what the store knows about it: the claim it belongs to (its
    source and stance), its sentence, its article's story and copies. This is how a gold pair
    of passages is scored, and how a reviewer's "is this the same?" question is answered.
    """
    view = CorpusView.load(store)
    a_id, a_start, a_end, _ = _locate(store, doc_a, text_a)
    b_id, b_start, b_end, _ = _locate(store, doc_b, text_b)
    a_sentences = [s for s in store.sentences(a_id) if s.start < a_end and s.end > a_start]
    b_sentences = [s for s in store.sentences(b_id) if s.start < b_end and s.end > b_start]
    if not a_sentences or not b_sentences:
        raise PassageError(f"{doc_a} / {doc_b}: passage outside every sentence")
    found = _claim_at(store, a_id, a_start, a_end)
    first = a_sentences[0]
    base = found or _outlet_claim(
        store, a_id, first.id, text_a, " ".join(s.text for s in a_sentences)
    )
    claim = _with_content(base, text_a)
    b_claims = [
        c
        for c in store.claims_by_ids(store.claim_ids_of_articles([b_id]))
        if c.sentence_id in {s.id for s in b_sentences}
    ]
    overlapping = [
        c for c in b_claims if c.content_span.start < b_end and c.content_span.end > b_start
    ]
    said_by = overlapping or b_claims
    b_first = b_sentences[0]
    article = store.article(b_id, with_text=False)
    hit = EvidenceHit(
        sentence_id=b_first.id,
        article_id=b_id,
        index=b_first.index,
        paragraph=b_first.paragraph,
        kind=b_first.kind,
        start=b_first.start,
        end=b_sentences[-1].end,
        sentence=" ".join(s.text for s in b_sentences),
        article_name=doc_b,
        outlet=article.outlet if article else None,
        published=article.published if article else None,
        score=0.0,
        rank=1,
    )
    ctx = HitContext(
        tuple(
            SourceRef(c.source, c.canonical_source or c.source, c.source_type, c.stance)
            for c in said_by
        ),
        b_first.index,
        b_first.paragraph,
    )
    judgement, _, _ = judge(
        claim,
        hit,
        view=view,
        ctx=ctx,
        claim_names=claim_source_names(store, claim, view),
        claim_paragraph=first.paragraph,
        other_event=b_id in _other_events(store, view, a_id, b_id),
        claim_event=claim_event(store, claim, {}),
    )
    return judgement


def _other_events(store: Store, view: CorpusView, a_id: int, b_id: int) -> set[int]:
    """``events.other_events`` for one pair, read against both articles' stories: how close
    each is to its own closest reports is what tells how far apart two reports are."""
    stories = [
        a
        for a in view.links
        if a != a_id and (a == b_id or view.same_story(a_id, a) or view.same_story(b_id, a))
    ]
    return other_events(
        store,
        a_id,
        stories,
        len(view.links),
        view.names,
        family=view.family,
        story=view.story_members,
        same_story=lambda a: view.same_story(a_id, a),
    )


def _with_content(claim: ClaimRecord, content: str) -> ClaimRecord:
    return replace(claim, content=content)


def _outlet_claim(
    store: Store, article_id: int, sentence_id: int, content: str, sentence: str
) -> ClaimRecord:
    """A passage nobody is quoted in: the outlet's own statement, as a claim record."""
    article = store.article(article_id, with_text=False)
    outlet = (article.outlet if article else None) or ""
    span = Span(0, 0)
    return ClaimRecord(
        id="",
        article_id=article_id,
        article_name=article.name if article else "",
        outlet=outlet or None,
        published=article.published if article else None,
        sentence_id=sentence_id,
        position=0,
        sentence=sentence,
        source=outlet,
        resolved_source=outlet,
        canonical_source=outlet,
        source_type="outlet",
        cue="",
        content=content,
        stance="asserts",
        quote="indirect",
        hedges=(),
        sentence_span=span,
        source_span=span,
        cue_span=span,
        content_span=span,
    )


def claim_of_text(
    store: Store, article: ArticleRecord, text: str
) -> tuple[ClaimRecord, str, tuple[int, int] | None]:
    """``text`` read as a claim of the article: the claim, its MATCH expression and its
    sentence's ``(index, paragraph)`` (None for text not in the article).

    A stored claim's own content gives exactly what ``corroborate`` stored for it, so the CLI
    and the TUI never disagree. Other text found in the article is read as ``judge_passages``
    reads a passage: with the claim it overlaps (its source and stance) or as the outlet's own
    statement. Text not in the article is the outlet's. The event model's training reads its
    queries here too, so it learns from the candidates ``verifier evidence`` ranks.
    """
    article_id = article.id
    index: int | None = None
    paragraph: int | None = None
    try:
        _, start, end, _ = _locate(store, article.name, text)
    except PassageError:
        claim = _outlet_claim(store, article_id, 0, text, text)
        match = text_match(store, text, article_context(store, article_id))
    else:
        sentences = [s for s in store.sentences(article_id) if s.start < end and s.end > start]
        found = _claim_at(store, article_id, start, end)
        if found is not None and normalise_sentence(found.content) in normalise_sentence(text):
            claim = found  # the text holds the whole claim (perhaps with its source and cue)
        elif found is not None or sentences:
            base = found or _outlet_claim(
                store, article_id, sentences[0].id, text, " ".join(s.text for s in sentences)
            )
            claim = _with_content(base, text)
        else:
            claim = _outlet_claim(store, article_id, 0, text, text)
        match = claim_matches(store, [claim])[0]
        positions = sentence_positions(store, [claim.sentence_id])
        if claim.sentence_id in positions:
            index, paragraph = positions[claim.sentence_id]
    position = (index, paragraph) if index is not None and paragraph is not None else None
    return claim, match, position


def _claim_evidence(
    store: Store, article: ArticleRecord, text: str, *, view: CorpusView, limit: int
) -> list[tuple[EvidenceHit, Judgement]]:
    """Evidence for ``text`` read as a claim of the article (``claim_of_text``), its own
    sentence left out of the results."""
    claim, match, position = claim_of_text(store, article, text)
    judged = evidence_of(store, claim, match, view=view, limit=limit, position=position)
    return [(hit, judgement) for hit, judgement, _, _ in judged]


def search_evidence(
    store: Store,
    text: str,
    *,
    article_name: str | None = None,
    limit: int = DEFAULT_LIMIT,
    view: CorpusView | None = None,
) -> list[tuple[EvidenceHit, Judgement]]:
    """Evidence for a typed text, each hit with its relation, independence and reasons.

    With ``article_name`` the text is read as a claim of that article (its stored claim when
    the text is one, else the outlet's own statement) and searched exactly as corroboration
    searches a stored claim: that article's other sentences count when another source speaks
    there, and independence is judged against the claim's source. Without it there is no
    claim source to be independent of, so a hit counts as independent only when no
    better-ranked hit came from the same source or from a version or copy of the same report.

    Raises ``PassageError`` when ``article_name`` is not in the store.
    """
    from verifier.corroborate.evidence import find_evidence

    view = view or CorpusView.load(store)
    article = store.article_by_name(article_name) if article_name else None
    if article_name and article is None:
        raise PassageError(f"{article_name}: no article with that name in {store.path}")
    if article is not None:
        return _claim_evidence(store, article, text, view=view, limit=limit)
    hits = find_evidence(store, text, limit=limit)
    if not hits:
        return []
    ids = [h.sentence_id for h in hits]
    said = sentence_sources(store, ids)
    positions = sentence_positions(store, ids)
    contexts = {
        h.sentence_id: HitContext(tuple(said.get(h.sentence_id, [])), *positions[h.sentence_id])
        for h in hits
        if h.sentence_id in positions
    }
    facts = read_facts(text)
    seen_sources: set[str] = set()
    seen_roots: set[int] = set()
    out: list[tuple[EvidenceHit, Judgement]] = []
    for h in hits:
        sources = hit_sources(h, contexts.get(h.sentence_id), view)
        b = read_facts(
            h.sentence, stance="denies" if any(s.stance == "denies" for s in sources) else None
        )
        relation, reasons = relate(facts, b, Pair())
        key = " ".join(source_words(speaker_name(sources[0])))
        root = view.roots.get(h.article_id, h.article_id)
        independent = key not in seen_sources and root not in seen_roots
        seen_sources.add(key)
        seen_roots.add(root)
        extra = () if independent else ("repeats a better-ranked source or report",)
        out.append(
            (
                h,
                Judgement(
                    relation,
                    independent,
                    (*reasons, *extra, f"source: {speaker_name(sources[0])}"),
                ),
            )
        )
    return out
