"""The corpus as corroboration sees it: stories, copies, outlets, and the claim's names.

Loaded once per run (``CorpusView``) or per batch (``Memo``), because every claim of a story
asks the same questions about the same articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from verifier.corroborate.events import EventMemo, Names
from verifier.corroborate.stories import family_roots
from verifier.models import ArticleRecord, ClaimRecord, PassageFacts, SentenceRecord
from verifier.store import Store
from verifier.store.stories import (
    ArticleLink,
    BodySentence,
    SourceRef,
    article_links,
    article_source_names,
    sentence_sources,
)
from verifier.text.passage import sentence_facts
from verifier.text.speakers import (
    affiliations,
    is_generic_body,
    source_words,
)

DATE_WINDOW_DAYS = 3
MEMBERS_HELD = 1_000_000
"""Story member ids ``CorpusView.story_members`` remembers (8 bytes each) before it starts
again: a run asks for thousands of articles of one big story."""


@dataclass(slots=True)
class CorpusView:
    """Article links loaded once per run: stories, families (versions/copies) and outlets."""

    links: dict[int, ArticleLink]
    roots: dict[int, int]
    claim_sources: dict[int, list[str]] = field(default_factory=dict)  # article -> canonicals
    _stories: dict[int, list[int]] | None = field(default=None, repr=False, compare=False)
    _members: dict[int, list[int]] = field(default_factory=dict, repr=False, compare=False)
    _held: int = field(default=0, repr=False, compare=False)  # ids held in ``_members``
    _outlets: dict[int, str] = field(default_factory=dict, repr=False, compare=False)
    _days: dict[int, date | None] = field(default_factory=dict, repr=False, compare=False)
    names: Names = field(default_factory=Names, repr=False, compare=False)  # read as asked
    # Each article's first body sentence (``first_body_units``), read as candidates ask.
    first_body: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def story_members(self, article_id: int) -> list[int]:
        """The article, then its versions and copies, then the rest of its story (by id).

        Remembered: event identity asks it for the claim's article and for every candidate,
        and a story that lumps many reports together (hundreds on a 10k desk, thousands at
        100k) costs a pass over all of them each time. Callers must not change the list."""
        found = self._members.get(article_id)
        if found is not None:
            return found
        if self._stories is None:
            self._stories = {}
            for member in self.links.values():
                if member.story_id is not None:
                    self._stories.setdefault(member.story_id, []).append(member.id)
        link = self.links.get(article_id)
        story = self._stories.get(link.story_id, []) if link and link.story_id is not None else []
        root = self.roots.get(article_id, article_id)
        family = [a for a in story if a != article_id and self.roots.get(a, a) == root]
        rest = [a for a in story if a != article_id and self.roots.get(a, a) != root]
        found = [article_id, *family, *rest]
        self._held += len(found)
        if self._held > MEMBERS_HELD:
            self._members.clear()
            self._held = len(found)
        self._members[article_id] = found
        return found

    @classmethod
    def load(cls, store: Store) -> CorpusView:
        links = article_links(store)
        return cls(links, family_roots(links))

    def outlet(self, article_id: int) -> str:
        """The outlet a report really comes from: its original's when it is a copy."""
        found = self._outlets.get(article_id)
        if found is None:
            found = self._outlets[article_id] = self._find_outlet(article_id)
        return found

    def _find_outlet(self, article_id: int) -> str:
        # Remembered by ``outlet``: without an outlet of its own, an article's family is
        # searched through every link, and judging asks once per hit.
        for candidate in (self.roots.get(article_id, article_id), article_id):
            link = self.links.get(candidate)
            if link and link.outlet:
                return link.outlet
        for other, root in self.roots.items():
            link = self.links.get(other)
            if root == self.roots.get(article_id) and link and link.outlet:
                return link.outlet
        link = self.links.get(article_id)
        return link.name if link else ""

    def family(self, a: int, b: int) -> bool:
        return a != b and self.roots.get(a, a) == self.roots.get(b, b)

    def same_story(self, a: int, b: int) -> bool:
        la, lb = self.links.get(a), self.links.get(b)
        return bool(la and lb and la.story_id is not None and la.story_id == lb.story_id)

    def near_in_time(self, a: int, b: int) -> bool:
        da, db = self._day(a), self._day(b)
        return da is not None and db is not None and abs((da - db).days) <= DATE_WINDOW_DAYS

    def _day(self, article_id: int) -> date | None:
        """An article's date, parsed once per run (every candidate of every claim asks)."""
        if article_id in self._days:
            return self._days[article_id]
        day = self._days[article_id] = _day(self.links.get(article_id))
        return day


def _day(link: ArticleLink | None) -> date | None:
    if link is None or not link.published:
        return None
    try:
        return date.fromisoformat(link.published[:10])
    except ValueError:
        return None


def claim_source_names(store: Store, claim: ClaimRecord, view: CorpusView) -> list[str]:
    """The names the claim's source goes by: canonical, and the body a spokesperson speaks for.

    "Mira Oduya, a spokesperson for the ministry" speaks for the ministry the same article
    names elsewhere ("the Ministry of Health"), so a relay of that ministry is no second source.
    """
    names = [claim.canonical_source or claim.resolved_source or claim.source]
    if claim.source_type == "outlet":
        names.append(view.outlet(claim.article_id))
    bodies = affiliations(claim.source)
    if bodies:
        org = bodies[0]
        names.append(org)
        org_words = set(source_words(org))
        if is_generic_body(org):
            if claim.article_id not in view.claim_sources:
                view.claim_sources[claim.article_id] = article_source_names(store, claim.article_id)
            names += [
                n
                for n in view.claim_sources[claim.article_id]
                if org_words <= set(source_words(n)) and len(source_words(n)) > len(org_words)
            ]
    return [n for n in names if n]


_Retrieved = tuple[
    list[tuple[SentenceRecord, float, ArticleRecord]],
    dict[int, list[SourceRef]],
    dict[int, tuple[int, int]],
]
"""Ranked rows for one MATCH expression, who says each, and where each sits."""


@dataclass(slots=True)
class Memo:
    """What the claims of a run look up once and share: claims come article by article, and
    claims of one sentence or of copied articles share their MATCH expression, their lead
    and their story's figures (a breaking desk's copies land in batches far apart, so a run
    keeps one memo across its batches, renewed when it grows large)."""

    retrieved: dict[str, _Retrieved] = field(default_factory=dict)  # by MATCH expression
    events: EventMemo = field(default_factory=EventMemo)  # leads and names, by article
    figures: dict[tuple[int, str], list[int]] = field(default_factory=dict)  # (article, event)
    bodies: dict[int, list[BodySentence]] = field(default_factory=dict)  # by article
    facts: dict[int, PassageFacts] = field(default_factory=dict)  # stored, by sentence
    # Each claim article's title and lead, stored readings (``clash.claim_event``).
    lead_facts: dict[int, tuple[PassageFacts, ...]] = field(default_factory=dict)
    said: dict[int, list[SourceRef]] = field(default_factory=dict)  # who says it, by sentence
    # Each article's sentences by normalised text, by article: where a copy has a sentence.
    texts: dict[int, dict[str, int]] = field(default_factory=dict)
    # Who says each hit of an article's lead, and where each sits: by the claim's article.
    lead_where: dict[int, tuple[dict[int, list[SourceRef]], dict[int, tuple[int, int]]]] = field(
        default_factory=dict
    )

    def sources(self, store: Store, sentence_ids: Iterable[int]) -> dict[int, list[SourceRef]]:
        """``sentence_sources`` of these sentences, each asked of the store once per memo:
        the hits of one claim are largely the next claim's (the same story, its copies)."""
        ids = list(dict.fromkeys(sentence_ids))
        missing = [i for i in ids if i not in self.said]
        if missing:
            found = sentence_sources(store, missing)
            self.said.update((i, found.get(i, [])) for i in missing)
        return {i: said for i in ids if (said := self.said[i])}

    def load_facts(self, store: Store, sentence_ids: Iterable[int]) -> None:
        """Fetch the stored readings of sentences not yet in memory, in one query."""
        missing = [i for i in dict.fromkeys(sentence_ids) if i not in self.facts]
        if missing:
            self.facts.update(store.passage_facts(missing))

    def facts_of(self, sentence_id: int, text: str) -> PassageFacts:
        """A sentence's stored reading (``load_facts`` first); one stored without a reading
        (not a body sentence) is read here."""
        stored = self.facts.get(sentence_id)
        return stored if stored is not None else sentence_facts(text)
