"""What the TUI knows about the claims, kept apart from any widget.

A queue of 100k claims must not be loaded as 100k records: the queue holds only the ordered
id list (and which ids are unrated), and fetches records a page at a time into a small LRU
cache as rows scroll into view. Everything here reads through :class:`~verifier.store.Store`
and imports nothing from Textual, so it can be tested and reused (stats, filters) on its own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from verifier.models import (
    ArticleRecord,
    ClaimRecord,
    EvidenceRecord,
    SentenceRecord,
    Span,
    VerdictEvent,
)
from verifier.store import ClaimFilter, Store
from verifier.store.appearances import AppearanceRecord, appearances_of
from verifier.store.triage import FigureConflict, figure_conflicts, queue_order

K = TypeVar("K")
V = TypeVar("V")

PARAGRAPH_LIMIT = 1500
"""Most characters of context shown around a claim; "paragraphs" of unsplit text can be huge."""

DOUBTFUL_STATUSES = frozenset({"drift", "conflict"})
"""Attribution statuses that mean the claim is told differently somewhere else."""


def suggested_check(attribution_status: str | None) -> str | None:
    """The attribution check the claim's appearances suggest, or ``None`` when they say
    nothing either way (found in one article only, or not tracked).

    A fact-checker does not call a claim misattributed because copies disagree: the
    disagreement only makes it ``unclear`` until the original is read, while every copy
    naming the same source makes ``confirmed`` the likely answer.
    """
    if attribution_status in DOUBTFUL_STATUSES:
        return "unclear"
    if attribution_status == "consistent":
        return "confirmed"
    return None


def attribution_cycle(attribution_status: str | None) -> tuple[str | None, ...]:
    """The order the attribution key steps through, starting from the suggestion.

    Doubtful claims go unclear -> misattributed -> confirmed -> not set; every other claim
    confirmed -> misattributed -> unclear -> not set.
    """
    if suggested_check(attribution_status) == "unclear":
        return ("unclear", "misattributed", "confirmed", None)
    return ("confirmed", "misattributed", "unclear", None)


def next_check(current: str | None, attribution_status: str | None) -> str | None:
    """The check one press of the attribution key sets: the next in the claim's cycle, the
    first (the suggestion) when nothing is set or the stored value is not in the cycle."""
    cycle = attribution_cycle(attribution_status)
    if current is None or current not in cycle:
        return cycle[0]
    return cycle[(cycle.index(current) + 1) % len(cycle)]


@dataclass(frozen=True, slots=True)
class QueueSnapshot:
    """The queue order and the unrated subset, read together in a worker thread.

    ``index`` (id -> position) is built there too: at 100k claims it is tens of
    milliseconds the UI thread need not spend before the first claim shows.
    """

    ids: tuple[str, ...]
    unrated: frozenset[str]
    index: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, ids: Sequence[str], rated: set[str] | frozenset[str]) -> QueueSnapshot:
        """The snapshot of a queue in the order ``ids`` where ``rated`` ids have a rating."""
        order = tuple(ids)
        unrated = frozenset(claim_id for claim_id in order if claim_id not in rated)
        return cls(order, unrated, {claim_id: i for i, claim_id in enumerate(order)})


def read_snapshot(store: Store, flt: ClaimFilter | None = None) -> QueueSnapshot:
    """Read the queue for ``flt``: one id-only query over a covering index, cheap at 100k.

    The queue holds one row per claim cluster (its first appearance; ``store.clusters``):
    the same statement in five copies is one thing to check, rated once for all of them.
    """
    return QueueSnapshot.of(*queue_order(store, replace(flt or ClaimFilter(), clusters=True)))


class ClaimQueueModel:
    """The ordered claim ids with a page cache of their records.

    Owned by the UI thread: widgets read it while rendering, and worker results are applied
    to it by message handlers, never from a worker thread.
    """

    def __init__(self, store: Store, *, page_size: int = 64, max_pages: int = 32) -> None:
        self.store = store
        self.page_size = page_size
        self.max_pages = max_pages
        self._ids: tuple[str, ...] = ()
        self._index: Mapping[str, int] = {}
        self._unrated: set[str] = set()
        self._pages: OrderedDict[int, list[ClaimRecord | None]] = OrderedDict()

    def reset(self, snapshot: QueueSnapshot) -> None:
        self._ids = snapshot.ids
        self._index = snapshot.index
        if len(self._index) != len(snapshot.ids):  # a snapshot made without its index
            self._index = {claim_id: i for i, claim_id in enumerate(snapshot.ids)}
        self._unrated = set(snapshot.unrated) & self._index.keys()
        self._pages.clear()

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def unrated_count(self) -> int:
        return len(self._unrated)

    @property
    def rated_count(self) -> int:
        return len(self._ids) - len(self._unrated)

    def id_at(self, index: int) -> str | None:
        return self._ids[index] if 0 <= index < len(self._ids) else None

    def index_of(self, claim_id: str) -> int | None:
        return self._index.get(claim_id)

    def is_unrated(self, claim_id: str) -> bool:
        return claim_id in self._unrated

    def claim_at(self, index: int) -> ClaimRecord | None:
        """The record at ``index``, reading its whole page on a miss so scrolling stays cheap."""
        if not 0 <= index < len(self._ids):
            return None
        number, offset = divmod(index, self.page_size)
        page = self._pages.get(number)
        if page is None:
            ids = self._ids[number * self.page_size : (number + 1) * self.page_size]
            found = {c.id: c for c in self.store.claims_by_ids(ids)}
            page = [found.get(claim_id) for claim_id in ids]
            self._pages[number] = page
            while len(self._pages) > self.max_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset]

    def update(self, claim: ClaimRecord) -> int | None:
        """Take a freshly read record (after a write); returns its index if it is queued."""
        index = self._index.get(claim.id)
        if index is None:
            return None
        number, offset = divmod(index, self.page_size)
        page = self._pages.get(number)
        if page is not None:
            page[offset] = claim
        if claim.rating is None:
            self._unrated.add(claim.id)
        else:
            self._unrated.discard(claim.id)
        return index

    def assume_rated(self, claim_id: str) -> None:
        """Count a claim as rated before its write lands, so "next unrated" skips it."""
        self._unrated.discard(claim_id)

    def first_unrated(self) -> int | None:
        return self.next_unrated(-1, wrap=False)

    def next_unrated(self, after: int, *, wrap: bool = True) -> int | None:
        """The first unrated index after ``after``, wrapping round to the top if ``wrap``."""
        if not self._unrated:
            return None
        ids, unrated = self._ids, self._unrated
        for index in range(after + 1, len(ids)):
            if ids[index] in unrated:
                return index
        if wrap:
            for index in range(0, min(after + 1, len(ids))):
                if ids[index] in unrated:
                    return index
        return None


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """Everything the detail and evidence panes show for one claim.

    ``passage`` is the stretch of text shown around the claim and ``passage_start`` where it
    starts, so the claim's stored spans can be shifted onto it.
    """

    claim: ClaimRecord
    article: ArticleRecord | None
    passage: str
    passage_start: int
    evidence: tuple[EvidenceRecord, ...]
    history: tuple[VerdictEvent, ...] = ()
    marks: Mapping[int, str] = field(default_factory=dict)  # sentence id -> supports/contradicts
    conflicts: tuple[FigureConflict, ...] = ()
    appearances: tuple[AppearanceRecord, ...] = ()  # the claim's own first, then by date


class ContextLoader:
    """Reads a claim's article, paragraph and evidence, with small caches.

    Moving to the next claim usually stays in the same article, so its text and sentences are
    kept; evidence never changes during review, so it is kept per claim. Safe to call from a
    worker thread and the UI thread at once (the caches are locked, the store serialises).
    """

    def __init__(self, store: Store, *, articles: int = 16, evidence: int = 256) -> None:
        self.store = store
        self._articles: _Lru[int, tuple[ArticleRecord | None, list[SentenceRecord]]] = _Lru(
            articles
        )
        self._evidence: _Lru[str, tuple[EvidenceRecord, ...]] = _Lru(evidence)

    def load(self, claim: ClaimRecord) -> ClaimContext:
        """The claim's context; history, marks, conflicts and appearances are read fresh
        (they change as the reviewer works or a new ingest tracks the claim again), each one
        indexed query."""
        article, sentences = self._article(claim.article_id)
        evidence = self._evidence.get(claim.id)
        if evidence is None:
            evidence = tuple(self.store.evidence(claim.id))
            self._evidence.put(claim.id, evidence)
        history = tuple(self.store.history(claim.id))
        marks = self.store.evidence_marks(claim.id)
        conflicts = tuple(figure_conflicts(self.store, claim.id))
        appearances = tuple(appearances_of(self.store, claim))
        if article is None or not article.text:
            # No stored text to place it in: the claim's own sentence is the passage.
            passage, start = claim.sentence, claim.sentence_span.start
        else:
            start, end = passage_bounds(claim, sentences, len(article.text))
            passage = article.text[start:end]
        return ClaimContext(
            claim, article, passage, start, evidence, history, marks, conflicts, appearances
        )

    def article_sentences(self, article_id: int) -> list[SentenceRecord]:
        return self._article(article_id)[1]

    def article(self, article_id: int) -> ArticleRecord | None:
        return self._article(article_id)[0]

    def _article(self, article_id: int) -> tuple[ArticleRecord | None, list[SentenceRecord]]:
        cached = self._articles.get(article_id)
        if cached is None:
            cached = (self.store.article(article_id), self.store.sentences(article_id))
            self._articles.put(article_id, cached)
        return cached


def passage_bounds(
    claim: ClaimRecord, sentences: Sequence[SentenceRecord], text_length: int
) -> tuple[int, int]:
    """The claim's paragraph as ``(start, end)`` offsets, trimmed to about PARAGRAPH_LIMIT.

    Built from the stored sentence spans and paragraph numbers: the TUI never re-segments.
    Neighbouring sentences are added alternately before and after the claim's sentence, so
    a long paragraph is shown as a window centred on the claim.
    """
    span = claim.sentence_span
    own = next((s for s in sentences if s.id == claim.sentence_id), None)
    if own is None:
        return _clip(span, text_length)
    same = [s for s in sentences if s.paragraph == own.paragraph]
    position = same.index(own)
    start, end = min(own.start, span.start), max(own.end, span.end)
    before, after = position - 1, position + 1
    while before >= 0 or after < len(same):
        grew = False
        if before >= 0 and end - same[before].start <= PARAGRAPH_LIMIT:
            start = min(start, same[before].start)
            before -= 1
            grew = True
        if after < len(same) and same[after].end - start <= PARAGRAPH_LIMIT:
            end = max(end, same[after].end)
            after += 1
            grew = True
        if not grew:
            break
    return _clip(Span(start, end), text_length)


def _clip(span: Span, text_length: int) -> tuple[int, int]:
    start = max(0, min(span.start, text_length))
    return start, max(start, min(span.end, text_length))


class _Lru(Generic[K, V]):
    """A small LRU map, locked: the UI thread and a prefetching worker share it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
