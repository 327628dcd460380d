"""Retrieval: the sentences that share a claim's (or a typed text's) rarest words.

BM25 over body sentences with the OR query from ``query``, a claim's query borrowing the word
its article keeps repeating (``article_context``). ``find_evidence`` leaves the text's own
article out (an article repeating itself is no evidence) and counts a sentence an article
states twice once. What a hit *means* for a claim (``Judgement``: supports, contradicts, same
wire copy, independent source) is decided in ``judging``; the stored form is ``to_record``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from verifier.corroborate.query import (
    CONTEXT_TERMS,
    DEFAULT_MAX_TERMS,
    claim_match,
    context_terms,
    frequencies,
    fts_stem,
    informative_terms,
    tokens,
)
from verifier.models import (
    ArticleRecord,
    ClaimRecord,
    EvidenceRecord,
    SentenceRecord,
    UnitKind,
)
from verifier.store import Store
from verifier.text.passage import CALENDAR_WORDS, names_in
from verifier.text.terms import normalise_sentence

DEFAULT_LIMIT = 10

# Content this short ("it was true") says too little to search for; the sentence says more.
_MIN_CONTENT_TERMS = 2


@dataclass(frozen=True, slots=True)
class EvidenceHit:
    """One retrieved sentence with where it comes from and how well it matched.

    ``score`` is BM25 (higher is better); ``rank`` counts from 1 after filtering.
    """

    sentence_id: int
    article_id: int
    index: int
    paragraph: int
    kind: UnitKind
    start: int
    end: int
    sentence: str
    article_name: str
    outlet: str | None
    published: str | None
    score: float
    rank: int

    @property
    def text(self) -> str:
        """The sentence, under the name ``SentenceRecord`` uses."""
        return self.sentence

    def to_json(self) -> dict[str, object]:
        """A flat record for JSONL output."""
        return {
            "sentence_id": self.sentence_id,
            "article_id": self.article_id,
            "article": self.article_name,
            "outlet": self.outlet,
            "published": self.published,
            "index": self.index,
            "paragraph": self.paragraph,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "score": round(self.score, 6),
            "rank": self.rank,
        }

    def to_record(
        self,
        claim_id: str,
        judgement: Judgement | None = None,
        *,
        score: float | None = None,
        rank: int | None = None,
    ) -> EvidenceRecord:
        """The stored form of this hit as evidence for ``claim_id`` (``score`` and ``rank``
        as given, else its own: a claim's evidence is ranked after judging)."""
        j = judgement or Judgement()
        return EvidenceRecord(
            claim_id=claim_id,
            sentence_id=self.sentence_id,
            article_id=self.article_id,
            article_name=self.article_name,
            outlet=self.outlet,
            published=self.published,
            sentence=self.sentence,
            score=self.score if score is None else score,
            rank=self.rank if rank is None else rank,
            relation=j.relation,
            independent=j.independent,
            reasons=j.reasons,
        )


@dataclass(frozen=True, slots=True)
class Judgement:
    """What a hit means for a claim: the relation, whether its source is independent, why."""

    relation: str = "related"
    independent: bool | None = None
    reasons: tuple[str, ...] = ()


def hit_of(
    sentence: SentenceRecord, score: float, article: ArticleRecord, rank: int
) -> EvidenceHit:
    """A retrieved sentence as a hit ranked ``rank``."""
    return EvidenceHit(
        sentence_id=sentence.id,
        article_id=sentence.article_id,
        index=sentence.index,
        paragraph=sentence.paragraph,
        kind=sentence.kind,
        start=sentence.start,
        end=sentence.end,
        sentence=sentence.text,
        article_name=article.name,
        outlet=article.outlet,
        published=article.published,
        score=score,
        rank=rank,
    )


def search_match(
    store: Store,
    match: str,
    *,
    article_id: int | None = None,
    exclude_sentence_id: int | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[EvidenceHit]:
    """Run a ready MATCH expression and keep the best ``limit`` distinct sentences."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    if not match:
        return []
    hits: list[EvidenceHit] = []
    seen: set[tuple[int, str]] = set()
    rows = store.iter_search_sentences(match, exclude_article=article_id)
    for sentence, score, article in rows:
        if sentence.id == exclude_sentence_id:
            continue
        key = (sentence.article_id, normalise_sentence(sentence.text))
        if key in seen:
            continue
        seen.add(key)
        hits.append(hit_of(sentence, score, article, len(hits) + 1))
        if len(hits) == limit:
            break
    return hits


def find_evidence(
    store: Store,
    text: str,
    *,
    article_id: int | None = None,
    exclude_sentence_id: int | None = None,
    limit: int = DEFAULT_LIMIT,
    max_terms: int = DEFAULT_MAX_TERMS,
    context: Sequence[str] = (),
) -> list[EvidenceHit]:
    """Sentences of other articles that share the rarest words of ``text``, best first.

    ``article_id`` is the article the text comes from: its sentences are not evidence for it.
    ``context`` words (``article_context``) are searched for too, to favour the same event.
    """
    match = text_match(store, text, context, max_terms)
    return search_match(
        store,
        match,
        article_id=article_id,
        exclude_sentence_id=exclude_sentence_id,
        limit=limit,
    )


def text_match(
    store: Store, text: str, context: Sequence[str] = (), max_terms: int = DEFAULT_MAX_TERMS
) -> str:
    """The MATCH expression for a typed text (``claim_matches`` does a batch of claims)."""
    terms = informative_terms(text)
    df = frequencies(store, (fts_stem(t) for t in [*terms, *context]))
    return claim_match(terms, df, context, max_terms)


def article_context(store: Store, article_id: int, limit: int = CONTEXT_TERMS) -> list[str]:
    """The words naming what an article is about, to add to its claims' queries.

    Read from the headline and body only: bylines and datelines name the reporter and the
    outlet, which would pull in the outlet's other stories, not this event.
    """
    texts = [s.text for s in store.sentences(article_id) if s.kind in ("body", "headline")]
    df = frequencies(store, (fts_stem(t) for text in texts for t in informative_terms(text)))
    return context_terms(texts, df, limit)


def claim_matches(
    store: Store,
    claims: Sequence[ClaimRecord],
    *,
    max_terms: int = DEFAULT_MAX_TERMS,
    contexts: dict[int, list[str]] | None = None,
) -> list[str]:
    """Each claim's MATCH expression, with one frequency lookup for the whole batch.

    ``contexts`` caches each article's context words across batches (claims of one article
    share them).
    """
    contexts = {} if contexts is None else contexts
    for claim in claims:
        if claim.article_id not in contexts:
            contexts[claim.article_id] = article_context(store, claim.article_id)
    term_lists = [informative_terms(claim_search_text(c)) for c in claims]
    stems = {fts_stem(t) for terms in term_lists for t in terms}
    stems |= {fts_stem(t) for c in claims for t in contexts[c.article_id]}
    df = frequencies(store, stems)
    return [
        claim_match(terms, df, contexts[claim.article_id], max_terms)
        for claim, terms in zip(claims, term_lists, strict=True)
    ]


def claim_search_text(claim: ClaimRecord) -> str:
    """What to search for: the claim's content, or its whole sentence when content is bare.

    A content that names nothing ("killing at least 34 people") borrows the names its
    sentence gives outside the source ("Flash floods swept through the Varna valley"): they
    say which event the figure is about, where the content's own words fit any event.
    """
    if len(informative_terms(claim.content)) < _MIN_CONTENT_TERMS:
        return claim.sentence
    if names_in(claim.content):
        return claim.content
    # Not the source, not the outlet of a dateline, not a date: none names the event.
    skip = set(tokens(f"{claim.source} {claim.outlet or ''}".lower())) | CALENDAR_WORDS
    names = [
        name
        for name in names_in(claim.sentence)
        if name.lower() not in skip and name not in claim.content
    ]
    return " ".join([claim.content, *dict.fromkeys(names)])
