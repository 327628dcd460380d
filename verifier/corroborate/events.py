"""Which event a candidate reports: ranking evidence towards the claim's own event.

Real news pairs events of one kind: two earthquakes, two shootings, two rehab stays, each
covered by many outlets in the same words ("killed", "magnitude", "checked into"). A claim's
words alone cannot tell them apart, and often do not even name the event ("Or it could be a
ship that cut the cable"). Three readings of the claim's *article* can:

* its lead (title and first sentences) says what the article is about: candidates are also
  retrieved for the lead's words, and a candidate both queries find ranks higher;
* the names the article uses most (its people, places, groups: the ``t`` sketch stored at
  ingest) name the event: a candidate from an article naming the same rare names is likelier
  to report the same event than one whose article names others;
* news puts the event first (the inverted pyramid): the title and first sentences report it,
  later ones background, reactions and other events.

Each reading is a factor on the BM25 score; none removes a candidate, so retrieval keeps the
OR query's recall. Measured on ECB+ (real news, topics 1-20 as the train part) with the
verifier's own segmentation; see ``LEAD_WEIGHT`` and the factors below.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from verifier.corroborate.query import (
    frequencies,
    fts_stem,
    informative_terms,
    or_expression,
    rank_terms,
)
from verifier.models import ArticleRecord, PassageFacts, SentenceRecord
from verifier.store import Store
from verifier.store.stories import (
    article_lead,
    event_names,
    name_frequencies,
    name_sketches,
    named_articles,
    sketch_frequencies,
)
from verifier.text.events import FIGURE, VARIANT_LENGTH, VARIANT_SCORE, read_event, variant_of

if TYPE_CHECKING:
    from verifier.corroborate.event_model import ClaimArticle

LEAD_SENTENCES = 2
"""Body sentences after the title that make an article's lead."""
LEAD_TERMS = 16
"""Words of the lead searched for, rarest first (within the query's postings budget)."""
LEAD_WEIGHT = 0.4
"""Share of a candidate's lead-query score added to its claim-query score."""
NAME_WEIGHT = 1.0
"""Factor ``1 + NAME_WEIGHT`` for the candidate whose article shares the claim article's
names most (relative to the best candidate article), down to 1 for none shared."""
POSITION_WEIGHT = 3.0
"""Factor ``1 + POSITION_WEIGHT / (1 + rank)`` for a sentence ``rank`` units after its
article's first body sentence (``stories.first_body_units``): the title and the first body
sentence are both the lead (rank 0). Counted from the article's first unit (title, byline,
dateline) and at weight 1, the title outranked the first body sentence and an article
without a title had its first sentence ranked like another's title; from the first body
sentence at 2, on ECB+ train topics 1-20 P@1 went 0.825 -> 0.830 and R@5 0.736 -> 0.764
(check topics 21-35: 0.749 -> 0.778, 0.668 -> 0.701): another report's lead is where it
tells the event. At 3 (one later desk): train 0.836 / 0.770 against 0.830 / 0.763 at 2,
check 0.794 / 0.707 against 0.786 / 0.703; 4 adds 0.003-0.006 on train but puts the
sample's nurse speaking of "two of her colleagues" (a local paper's eighth sentence) last of
ten for "Two nurses were among the dead"."""

OTHER_EVENT_NAMES = 0.15
"""Name similarity (``name_similarity``) below which an article outside the claim's story
reports another event. On the hand-labelled ECB+ pairs (tests/gold) it marks 57% of the
other event's pairs and 1% of the same event's; the story grouping settles the rest."""

EVENT_HIGH = 0.4
"""Event similarity (``event_similarity``) from which two articles report one event."""
EVENT_PEERS = 0.2
"""How close an article's closest reports must be for it to be told apart from another."""
EVENT_SHARE = 0.55
"""Share of the closeness of both articles' closest reports under which two articles report
two events (unless a close report links them, ``_chained``, or their closeness to the other
reports follows one pattern, ``PROFILE_SAME``). Measured on ECB+ train topics 1-20 (two
events of one kind a topic), over the candidate articles retrieved for each selected
sentence: at 0.5 without the profile, 55.0% of the other event's candidate articles were
called another event and 4.1% of the same event's (check topics 21-35: 50.5% / 4.5%); at
0.55 with it 61.5% / 3.1% (50.5% / 2.6%); 0.7 would give 69.5% / 3.3% (55.3% / 2.9%) but
splits two more of the relation gold's same-event pairs (tests/test_relation_gold_news.py),
whose desk holds only the gold's articles, two of them near-empty readings ("Greece")."""
PROFILE_SAME = 0.2
"""Correlation of two articles' closeness to the other reports around the claim (its story
and the candidates, ``profile_correlation``) from which they report one event, however few
names they share with each other. Pairwise closeness is noisy: a wire report and a local
paper of one event may share only the place, two earthquakes' reports the country and the
agencies. Around them, though, reports of one event are close to the same reports and far
from the same others. On ECB+ train topics the profile tells same from other event with
ROC AUC 0.937 against 0.850 for the pair's own similarity (check topics 0.920 / 0.842)."""
PROFILE_FLOOR = 0.1
"""Event similarity from which the profile can join two articles: under it they share
next to no names, and a report of another kind altogether (a cross-topic candidate) whose
closeness to everything is near zero correlates by chance. Without the floor, 21% of such
candidates on ECB+ train topics would no longer be told apart; with it 5%."""
PROFILE_PEERS = 3
"""Fewest other reports a profile is read over: under that a correlation says nothing."""
AROUND_PEERS = 60
"""Articles of the claim's story (its copies first) that, with the candidates, make the
reports around it for the profile and the groups: each profile reads a similarity to every
one, and a breaking desk's one story of hundreds asks it for many claims. ECB+ stories are
smaller, so their figures are the same with 200 or 60."""
OTHER_GROUP = 2
"""Reports told apart around the claim from which a candidate nearer them than the claim's
own reports is of their event too (``_nearer_the_others``). On ECB+ train topics it raises
the other event's candidate articles called another event from 61.5% to 68.0% and the same
event's from 3.1% to 3.2% (check topics 50.5% -> 53.1%, 2.6% -> 2.8%)."""
GROUP_PEERS = 60
"""Articles of a story (the first by id) split into its two events (``story_groups``): the
split reads a similarity for every pair of them. Story grouping lumps two events of one kind
told with the same names (two Chargers arrested for DUI, two offers to Teixeira) into one
story; splitting the story once, rather than judging each pair, lets every report of it
count. On ECB+ train topics 1-20 it raises the other event's candidate articles called
another event from 68.0% to 83.2%, and the same event's (those holding a gold partner of
the claim) from 1.8% to 4.8% (check topics 21-35: 53.1% -> 71.1%, 2.9% -> 3.8%)."""
GROUP_SMALLEST = 4
"""Fewest reports each of a story's two events must have: fewer are a report or two that
the split sets apart from the rest, not a second event."""
GROUP_APART = 0.8
"""Largest ratio of the mean event similarity (the desk's, ``event_similarity``) across a
story's two groups to the looser group's own for the two to be two events. On ECB+ train
topics (one report of each family, ``story_groups``) the stories of one event that split
come to 0.42 and 0.66 (a rehab stay told day by day, a shooting and its trial), the next
0.92; those of two events 0.17-0.80."""
GROUP_MARGIN = 0.45
"""Share of the Fiedler values' root mean square (``_split``) under which a report sits
between the two groups and is left in neither: a wire report summing up both events, a
short report of an aftershock that recalls the main quake. On ECB+ train topics with no
margin 8.9% of the same event's candidates are called another event; 0.35-0.45 are alike
(0.35: 5.1%, the other event's 86.3%; 0.45: 5.2%, 85.3%), and 0.45 leaves the relation
gold's thin aftershock report (tests/test_relation_gold_news.py) in neither group."""
GROUP_HIGH = 0.45
"""Event similarity to the claim's article from which a report of the other group of its
story is still taken to tell the claim's event (a short report the split put on the wrong
side). Two events of one kind told by one team or one firm's names come to 0.4-0.5 across
their groups (two players' arrests, two browser patches), so ``EVENT_HIGH`` (0.4) let
them through: at 0.45, on ECB+ train topics 1-20 the other event's results in the first
ten labelled related go 149/181 -> 148/181, P@1 / R@5 unchanged (0.836 / 0.784); check
topics 21-35 300/329 -> 280/309, 0.795 / 0.718 -> 0.797 / 0.719; the relation gold's
other-event pairs 0.866 -> 0.887. Above 0.45 one of the gold's same-event pairs of two
wires is split."""
GROUP_NEAR = 1.5
"""How many times nearer one group than the other (``_nearer_side``) a report the split
left in neither group must be to join it. On ECB+ train topics 1-20 the reports left in
neither group of a two-event story that are 1.5 times nearer one group are all of its event
(the wrong ones come to 1.35 at most); over the first ten results, those of the other event
labelled supports/partly/contradicts go from 210 of 236 to 179 of 208 (check topics 21-35:
353/381 -> 346/374), P@1 / R@5 0.834 / 0.779 -> 0.833 / 0.780 (check 0.793 / 0.712 ->
0.795 / 0.713). At 1.3 train is alike but check P@1 falls to 0.790; at 2 train keeps
200/229."""
SIGN_SHARE = 0.5
"""Least share of one group's reports (``story_groups``) naming a name for it to sign that
group's event (``group_signatures``). With ``event_sentences`` on top of ``GROUP_NEAR``, on
ECB+ train topics the other event's results in the first ten labelled supports/partly/
contradicts go from 179 of 208 to 149 of 181 and P@1 / R@5 0.833 / 0.780 -> 0.836 / 0.784
(check topics: 346/374 -> 300/329, 0.795 / 0.713 -> 0.795 / 0.718). Without the claim
sentence's own side (its article's only) train keeps 158/187; asking the claim sentence for
two signing names rather than one, 157/186."""
SIGN_OTHER = 0.05
"""Largest share of the other group's reports naming a name that still signs one group."""
_POWER_STEPS = 300
EVENT_NEIGHBOURS = 3
STORY_PEERS = 200
"""Articles of a story an article's closest reports are looked for among: a breaking desk's
one story of thousands would cost a similarity for each."""

Row = tuple[SentenceRecord, float, ArticleRecord]


@dataclass(slots=True)
class EventMemo:
    """What a batch of claims shares: claims come article by article."""

    leads: dict[int, dict[int, Row]] = field(default_factory=dict)  # article -> its lead's hits


_SIMILARITIES = 250_000
"""Article pairs each similarity memo holds before it starts again: a corroboration worker
filled 360k event pairs in its first 10 batches of the 10k desk, on the way to a million a
memo. At 250k (tuple keys then) the worker held 279 MB rather than 316 MB after those
batches, for the same CPU (35 s against 37 s, under load)."""
# Their keys are the ids (never negative) packed 64 bits apart into one int: a million pairs
# keyed by tuples held ~180 MB of a corroboration worker at 10k articles, by ints ~100 MB.
_CLOSEST = 50_000
"""Articles whose closest reports (``event_reading_others``) a run's memo holds: four pairs
each, read from up to ``STORY_PEERS`` similarities, so they outlive the pair memo's restarts."""


@dataclass(slots=True)
class Names:
    """Articles' name sketches and event readings, and how many articles share each name,
    read once per run (a run's corpus view keeps them: every query of a batch asks about the
    same articles)."""

    sketches: dict[int, frozenset[int]] = field(default_factory=dict)  # article -> names
    df: dict[int, int] = field(default_factory=dict)  # name hash -> articles naming it
    readings: dict[int, dict[str, int]] = field(default_factory=dict)  # article -> name -> n
    named_df: dict[str, int] = field(default_factory=dict)  # name -> readings holding it
    named: int = -1  # articles with a reading (-1: not read yet)
    # event_similarity, by article then other article, both ways (``pairs`` of them): a
    # claim asks one article against a hundred others, and a small dict an article keeps
    # those lookups in cache where one dict of every pair, keyed by packed ids, missed it.
    events: dict[int, dict[int, float]] = field(default_factory=dict)
    pairs: int = 0
    vectors: dict[int, dict[str, float]] = field(default_factory=dict)  # reading_vector
    closest: dict[int, list[tuple[float, int]]] = field(default_factory=dict)  # in its story
    # (corpus size, article, other), packed -> name_similarity: a one-story desk asks
    # it for every claim against every article of the story, while it changes only with the
    # articles. Exact: a loaded sketch and its names' frequencies never change during a run.
    similarities: dict[int, dict[int, float]] = field(default_factory=dict)  # like ``events``
    similar: int = 0  # pairs in ``similarities``
    similar_total: int = -1  # the corpus size they were weighed for
    # What ``name_similarity`` sums, for the corpus size ``weighed`` (-1: none yet): each
    # name hash's idf and each article's sum of them, the same floats it adds up itself.
    idfs: dict[int, float] = field(default_factory=dict)
    norms: dict[int, float] = field(default_factory=dict)
    weighed: int = -1
    # A story's articles (``GROUP_PEERS``, by id) -> its two events' groups, or None when it
    # reports one: every claim of a story asks, and a changed story is another key.
    groups: dict[tuple[int, ...], dict[int, int] | None] = field(default_factory=dict)
    # A story's two groups (their sides, sorted) -> the names signing each (``group_signatures``).
    signatures: dict[tuple[tuple[int, int], ...], tuple[frozenset[str], ...]] = field(
        default_factory=dict
    )
    # Sentence -> the names and figures it uses (``sentence_names``), for sentences stored
    # without event marks: a story's sentences come back as hits of claim after claim.
    sentences: dict[int, frozenset[str]] = field(default_factory=dict)
    # Every name of a weighted reading -> the other names seen that ``variant_of`` could take
    # for it, and the spellable names seen by first letter (``spell``).
    spellings: dict[str, set[str]] = field(default_factory=dict)
    spellable: dict[str, list[str]] = field(default_factory=dict)
    # Name -> its idf among the readings (``event_model``), for names ``named_df`` counts:
    # the features sum them for every candidate sentence of every claim.
    idf: dict[str, float] = field(default_factory=dict)
    # Article -> the top ``EVENT_NEIGHBOURS`` event similarities to its story's first
    # ``AROUND_PEERS`` but its versions and copies (``event_model``): every claim asks it
    # of each candidate article (bounded like ``closest``).
    story_near: dict[int, list[float]] = field(default_factory=dict)
    # Claim article -> what the event features read of it and of each candidate article that
    # is the same for all its claims (``event_model.ClaimArticle``; a few articles: claims
    # come article by article).
    claim_articles: dict[int, ClaimArticle] = field(default_factory=dict)

    def sentence_names(
        self, sentence_id: int, text: str, stored: PassageFacts | None = None
    ) -> frozenset[str]:
        """``used_names`` of a stored sentence: its event marks, read once at ingest
        (``text.events.read_marks``), or, for one stored without them, read here and
        remembered (up to ``_SIMILARITIES``)."""
        if stored is not None and stored.marks is not None:
            return stored.marks.names
        found = self.sentences.get(sentence_id)
        if found is None:
            if len(self.sentences) >= _SIMILARITIES:
                self.sentences.clear()
            found = self.sentences[sentence_id] = used_names(text)
        return found

    def similarity(self, article_id: int, other: int, total: int) -> float:
        """``name_similarity`` of two loaded articles' sketches, remembered."""
        if total != self.similar_total or self.similar >= _SIMILARITIES:
            self.similarities.clear()
            self.similar, self.similar_total = 0, total
        row = self.similarities.get(article_id)
        if row is None:
            row = self.similarities[article_id] = {}
        found = row.get(other)
        if found is None:
            mine = self.sketches.get(article_id, frozenset())
            theirs = self.sketches.get(other, frozenset())
            if not mine or not theirs:
                found = 0.0
            else:  # ``name_similarity``, bit for bit, its idfs and sums read once
                norm = self._norm(article_id, mine, total) * self._norm(other, theirs, total)
                idfs = self.idfs
                found = sum(idfs[h] for h in mine & theirs) / math.sqrt(norm)
            row[other] = found
            self.similar += 1
        return found

    def _norm(self, article_id: int, sketch: frozenset[int], total: int) -> float:
        """The sum of the idfs of an article's sketch (``name_similarity``), remembered
        with the idfs: an article is compared with every candidate of every claim."""
        if total != self.weighed:
            self.idfs.clear()
            self.norms.clear()
            self.weighed = total
        found = self.norms.get(article_id)
        if found is None:
            idfs = self.idfs
            for h in sketch:
                if h not in idfs:
                    idfs[h] = _name_idf(h, self.df, total)
            if len(self.norms) >= _SIMILARITIES:
                self.norms.clear()
            found = self.norms[article_id] = sum(idfs[h] for h in sketch)
        return found

    def load(self, store: Store, wanted: Iterable[int]) -> None:
        """Read the name sketches of ``wanted`` and how many articles share each name.

        Only articles not read yet are looked at: the names of those read before had their
        frequencies read with them (every claim of a story asks about the same articles).
        An article without a sketch is remembered as empty, not asked about again."""
        missing = [a for a in wanted if a not in self.sketches]
        if not missing:
            return
        found = name_sketches(store, missing)
        self.sketches.update({a: found.get(a, frozenset()) for a in missing})
        # Not ``{...} - self.df.keys()``: a set minus a dict view copies the whole view
        # (every name of the desk) into a set first.
        unknown = {h for a in missing for h in self.sketches[a] if h not in self.df}
        if unknown:
            counts = sketch_frequencies(store, "t", list(unknown))
            self.df.update({h: counts.get(h, 0) for h in unknown})

    def load_readings(self, store: Store, wanted: Iterable[int]) -> None:
        """Read the event readings of ``wanted`` and the rarity of their names; like
        ``load``, only for articles not read yet."""
        if self.named < 0:
            self.named = named_articles(store)
        missing = [a for a in wanted if a not in self.readings]
        if not missing:
            return
        found = event_names(store, missing)
        self.readings.update({a: found.get(a, {}) for a in missing})
        unknown = {n for a in missing for n in self.readings[a] if n not in self.named_df}
        if unknown:
            counts = name_frequencies(store, unknown)
            self.named_df.update({n: counts.get(n, 0) for n in unknown})

    def event_similarity(self, article_id: int, other: int) -> float:
        """``event_similarity`` of two loaded articles' readings, remembered (the cosine
        as first asked, for both orders)."""
        row = self.events.get(article_id)
        found = row.get(other) if row is not None else None
        if found is None:
            found = self._event_pair(article_id, other)
        return found

    def _event_pair(self, article_id: int, other: int) -> float:
        readings = self.readings
        if article_id not in readings or other not in readings:
            # Not read yet (``load_readings``): no names to compare, but once read it
            # will have, so the 0 is not remembered (it was, and a run's result then
            # depended on which claim asked first: its batches, its workers).
            return 0.0
        if self.pairs >= _SIMILARITIES:
            self.events.clear()
            self.vectors.clear()
            self.pairs = 0
        found = vector_cosine(self.vector(article_id), self.vector(other), self.spellings)
        self.events.setdefault(article_id, {})[other] = found
        self.events.setdefault(other, {})[article_id] = found
        self.pairs += 1
        return found

    def event_row(self, article_id: int, among: Iterable[int]) -> list[float]:
        """``event_similarity`` of ``article_id`` to each of ``among``, in order: the same
        floats, looked up in one loop. Event identity asks millions of pairs a run (a
        profile is one pair per report around the claim, per candidate), nearly all of
        them remembered, and a method call per pair cost more than the lookup."""
        row = self.events.get(article_id)
        get = (row if row is not None else self.events.setdefault(article_id, {})).get
        out: list[float] = []
        for other in among:
            found = get(other)
            if found is None:
                found = self._event_pair(article_id, other)
                get = self.events.setdefault(article_id, {}).get  # it may have started again
            out.append(found)
        return out

    def spell(self, names: Iterable[str]) -> None:
        """Index the spellings of ``names`` not indexed yet (``spellings``): comparing two
        readings tried ``variant_of`` for each name one lacks, ~5 us each, hundreds of
        thousands of times a run, when a desk's names have another spelling only now and
        then. A name is compared once with the names of its first letter seen before it
        (``fuzz.ratio`` is symmetric, so the later one adds itself to the earlier one's)."""
        spellings = self.spellings
        for name in names:
            if name in spellings:
                continue
            near: set[str] = set()
            spellings[name] = near
            if len(name) < VARIANT_LENGTH or name.startswith(FIGURE):
                continue  # ``variant_of`` never spells it another way
            seen = self.spellable.setdefault(name[0], [])
            for other, _, _ in process.extract(
                name, seen, scorer=fuzz.ratio, score_cutoff=VARIANT_SCORE, limit=None
            ):
                near.add(other)
                spellings[other].add(name)
            seen.append(name)

    def vector(self, article_id: int) -> dict[str, float]:
        """An article's reading weighted (``reading_vector``), remembered."""
        found = self.vectors.get(article_id)
        if found is None:
            found = reading_vector(
                self.readings.get(article_id, {}), self.named_df, max(1, self.named)
            )
            self.spell(found)
            self.vectors[article_id] = found
        return found


def reading_vector(
    reading: Mapping[str, int], df: Mapping[str, int], total: int
) -> dict[str, float]:
    """A reading's names weighted by how often the article uses them (``1 + log n``) and how
    rarely the desk names them (idf), scaled to unit length."""
    weights = {
        name: (1.0 + math.log(n)) * (math.log((total + 1) / (df.get(name, 0) + 1)) + 0.1)
        for name, n in reading.items()
    }
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {name: w / norm for name, w in weights.items()} if norm else {}


def vector_cosine(
    a: Mapping[str, float],
    b: Mapping[str, float],
    spellings: Mapping[str, Collection[str]] | None = None,
) -> float:
    """The cosine of two unit ``reading_vector``s, a name spelled two ways counted as one.

    ``spellings`` (``Names.spell``), when it holds every name of both, says which names can
    have another spelling in ``b`` at all: the others are not looked up (the same cosine)."""
    if not a or not b:
        return 0.0
    dot = 0.0
    mine: list[str] = []
    get = b.get
    for name, w in a.items():
        found = get(name)  # one lookup: pairs are compared millions of times a run
        if found is not None:
            dot += w * found
        else:
            mine.append(name)
    if mine and dot > 0.0:  # two reports that share no name at all are not told by spelling
        theirs: dict[str, list[str]] | None = None
        for name in mine:
            if spellings is not None and b.keys().isdisjoint(spellings[name]):
                continue  # (``isdisjoint``: ``any`` over a generator cost more than the test)
            if theirs is None:
                theirs = {}
                for other in b:
                    if other not in a:
                        theirs.setdefault(other[0], []).append(other)
            pool = theirs.get(name[0])
            if pool and (variant := variant_of(name, pool)) is not None:
                dot += a[name] * b[variant]
    return min(1.0, dot)


def event_similarity(
    mine: Mapping[str, int], theirs: Mapping[str, int], df: Mapping[str, int], total: int
) -> float:
    """How far two articles name the same event, 0..1: the cosine of their readings, each
    name weighted by how often the article uses it and how rarely the desk names it. A name
    one spells "Bireun" and the other "Bireuen" counts as shared."""
    return vector_cosine(reading_vector(mine, df, total), reading_vector(theirs, df, total))


def lead_match(store: Store, article_id: int) -> str:
    """The MATCH expression for an article's lead: its rarest words, ORed."""
    terms = [
        t
        for text in article_lead(store, article_id, LEAD_SENTENCES)
        for t in informative_terms(text)
    ]
    df = frequencies(store, (fts_stem(t) for t in terms))
    return or_expression(rank_terms(terms, df, LEAD_TERMS))


def lead_hits(store: Store, article_id: int, pool: int, memo: EventMemo) -> dict[int, Row]:
    """Sentences of other articles that match the article's lead, by sentence id."""
    found = memo.leads.get(article_id)
    if found is None:
        match = lead_match(store, article_id)
        rows = (
            store.search_sentences(match, limit=pool, exclude_article=article_id) if match else []
        )
        found = {sentence.id: (sentence, score, article) for sentence, score, article in rows}
        memo.leads[article_id] = found
    return found


def merge_lead(rows: Sequence[Row], lead: Mapping[int, Row]) -> list[Row]:
    """The claim's hits with their lead scores added, then the lead's other hits."""
    have = {sentence.id for sentence, _, _ in rows}
    out = [
        (
            sentence,
            score + LEAD_WEIGHT * lead[sentence.id][1] if sentence.id in lead else score,
            article,
        )
        for sentence, score, article in rows
    ]
    out += [(s, LEAD_WEIGHT * score, a) for sid, (s, score, a) in lead.items() if sid not in have]
    return out


def name_similarity(
    mine: frozenset[int], theirs: frozenset[int], df: Mapping[int, int], total: int
) -> float:
    """IDF-weighted overlap of two articles' name sketches, 0..1 (cosine of binary weights)."""
    if not mine or not theirs:
        return 0.0

    def idf(h: int) -> float:
        return _name_idf(h, df, total)

    shared = sum(idf(h) for h in mine & theirs)
    return shared / math.sqrt(sum(map(idf, mine)) * sum(map(idf, theirs)))


def _name_idf(h: int, df: Mapping[int, int], total: int) -> float:
    return math.log((total + 1) / (df.get(h, 0) + 1)) + 0.1


def name_factors(
    store: Store, article_id: int, candidates: Iterable[int], total: int, names: Names
) -> dict[int, float]:
    """``1 + NAME_WEIGHT * similarity / best similarity`` for each candidate article."""
    wanted = {article_id, *candidates}
    names.load(store, wanted)
    sims = {a: names.similarity(article_id, a, total) for a in wanted if a != article_id}
    best = max(sims.values(), default=0.0)
    factors = {a: 1.0 + NAME_WEIGHT * (s / best if best else 0.0) for a, s in sims.items()}
    factors[article_id] = 1.0 + NAME_WEIGHT  # another source in the claim's own article
    return factors


def other_events(
    store: Store,
    article_id: int,
    candidates: Iterable[int],
    total: int,
    names: Names,
    *,
    family: Callable[[int, int], bool] = lambda _a, _b: False,
    same_story: Callable[[int], bool] = lambda _: False,
    story: Callable[[int], Sequence[int]] = lambda a: [a],
) -> set[int]:
    """The candidate articles that report another event than ``article_id``.

    ``family(a, b)``: ``a`` and ``b`` are versions or copies of one report (one event);
    ``story(a)``: the articles of ``a``'s story. Two readings: with event readings on both
    sides, ``event_reading_others``, in the claim's story or not (stories lump two events of
    one kind told with the same names); and, for an article outside the claim's story,
    naming other people and places than it (name sketch similarity under
    ``OTHER_EVENT_NAMES``), which is all a database from before readings has; then, when
    the claim's story splits into two events (``story_groups``), every candidate of the
    other one, unless the two reports are as close as one event's (``GROUP_HIGH``): a
    short report the split put on the wrong side ("Bush on injured reserve", naming the
    other player once). An article without names says nothing either way.
    """
    wanted = {article_id, *candidates}
    names.load_readings(store, wanted)
    found = event_reading_others(store, article_id, wanted, names, family, story)
    names.load(store, wanted)
    mine = names.sketches.get(article_id, frozenset())
    if mine:
        found |= {
            a
            for a in wanted
            if a != article_id
            and not same_story(a)
            and names.sketches.get(a)
            and names.similarity(article_id, a, total) < OTHER_EVENT_NAMES
            and not _readings_close(names, article_id, a)
        }
    if not names.readings.get(article_id):
        return found
    members = story(article_id)[:AROUND_PEERS]
    names.load_readings(store, members)
    around = [a for a in dict.fromkeys([*members, *wanted]) if names.readings.get(a)]
    found -= _same_profile(names, article_id, found, around)
    nearer = _nearer_the_others(names, article_id, found, wanted, around, family)
    found |= nearer - _same_profile(names, article_id, nearer, around)
    groups = story_groups(store, names, story(article_id), family)
    if groups is not None and article_id in groups:
        side = groups[article_id]
        found |= {
            a
            for a in wanted
            if groups.get(a, side) != side
            and not family(article_id, a)
            and names.event_similarity(article_id, a) < GROUP_HIGH
        }
    return found


def _readings_close(names: Names, article_id: int, other: int) -> bool:
    """Whether both event readings are there and as close as an article's close reports
    (``EVENT_PEERS``): they weigh each name by its use and rarity, so two short reports
    sharing their one rare name ("Seacom") are not set apart by the sketch's few names."""
    return bool(
        names.readings.get(article_id)
        and names.readings.get(other)
        and names.event_similarity(article_id, other) >= EVENT_PEERS
    )


def _same_profile(
    names: Names, article_id: int, found: Iterable[int], around: Sequence[int]
) -> set[int]:
    """The articles of ``found`` whose closeness to the reports ``around`` the claim (its
    story and the candidates) follows the claim article's (``PROFILE_SAME``): one event,
    though their own names differ."""
    row: dict[int, float] = {}  # the claim article's similarities, read once for all of them
    return {
        a
        for a in found
        if names.readings.get(a)
        and names.event_similarity(article_id, a) >= PROFILE_FLOOR
        and profile_correlation(names, article_id, a, around, row) >= PROFILE_SAME
    }


def _nearer_the_others(
    names: Names,
    article_id: int,
    found: set[int],
    wanted: Iterable[int],
    around: Sequence[int],
    family: Callable[[int, int], bool],
) -> set[int]:
    """The candidates of ``wanted`` not yet told apart whose closest reports are among those
    told apart (``found``) rather than among the claim's: once two groups are known, a
    report is of the one it is nearer (``EVENT_NEIGHBOURS`` closest of each), as long as it is
    close to that one at all (``EVENT_PEERS``). Needs ``OTHER_GROUP`` reports told apart
    around the claim: a desk of one event has none, so nothing more is split."""
    others = [a for a in around if a in found]
    if len(others) < OTHER_GROUP:
        return set()
    mine = [a for a in around if a not in found and not family(article_id, a)]
    out: set[int] = set()
    for b in wanted:
        if b == article_id or b in found or family(article_id, b) or not names.readings.get(b):
            continue
        theirs = nearest(names, b, others)
        if theirs >= EVENT_PEERS and theirs > nearest(names, b, mine):
            out.add(b)
    return out


def nearest(names: Names, article_id: int, among: Iterable[int]) -> float:
    """Mean event similarity of ``article_id`` to its ``EVENT_NEIGHBOURS`` closest in ``among``."""
    sims = sorted(names.event_row(article_id, [x for x in among if x != article_id]), reverse=True)[
        :EVENT_NEIGHBOURS
    ]
    return sum(sims) / len(sims) if sims else 0.0


def profile_correlation(
    names: Names, a: int, b: int, around: Sequence[int], row: dict[int, float] | None = None
) -> float:
    """The Pearson correlation of ``a``'s and ``b``'s event similarity to each report of
    ``around`` but themselves: how far the two are close to, and far from, the same reports
    (0 when fewer than ``PROFILE_PEERS`` reports or no spread). ``row`` remembers ``a``'s
    similarities for the next ``b`` against the same ``around``."""
    others = [x for x in around if x != a and x != b]
    if len(others) < PROFILE_PEERS:
        return 0.0
    if row is None:
        row = {}
    if len(row) < len(around) - 1:
        missing = [x for x in around if x != a and x not in row]
        row.update(zip(missing, names.event_row(a, missing), strict=True))
    return pearson([row[x] for x in others], names.event_row(b, others))


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """The Pearson correlation of two equally long, non-empty rows (0 when either is flat)."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    dx = [x - mx for x in xs]
    dy = [y - my for y in ys]
    spread = math.sqrt(sum(d * d for d in dx) * sum(d * d for d in dy))
    return sum(p * q for p, q in zip(dx, dy, strict=True)) / spread if spread else 0.0


def event_reading_others(
    store: Store,
    article_id: int,
    wanted: Iterable[int],
    names: Names,
    family: Callable[[int, int], bool],
    story: Callable[[int], Sequence[int]],
) -> set[int]:
    """The articles among ``wanted`` whose readings report another event than ``article_id``.

    Two reports are of two events when each has close reports of its own that the other is
    far from: their event similarity is under ``EVENT_HIGH``, under ``EVENT_SHARE`` of how
    close each is to its ``EVENT_NEIGHBOURS`` closest other reports in its story (the
    candidates, for an article alone in its story), and those are at least ``EVENT_PEERS``
    close. Versions and copies are left out: a copy is close to anything it repeats.
    Relative, because how many names two reports of one event share differs by kind of
    event (a sports signing names a dozen people, an earthquake two places). A desk of one
    event stays one: a report far from the rest (a local paper quoting residents, an NGO
    naming its staff) has no close reports of its own that the others are far from.
    """
    pool = [a for a in wanted if names.readings.get(a)]
    if article_id not in pool:
        return set()

    def ranked(x: int, among: Iterable[int]) -> list[tuple[float, int]]:
        sims = [(names.event_similarity(x, y), y) for y in among if y != x and not family(x, y)]
        return sorted(sims, reverse=True)[: EVENT_NEIGHBOURS + 1]

    def closest(x: int) -> list[tuple[float, int]]:
        found = names.closest.get(x)
        if found is None:
            members = story(x)[:STORY_PEERS]
            names.load_readings(store, members)
            found = ranked(x, (y for y in members if names.readings.get(y)))
            if len(names.closest) >= _CLOSEST:
                names.closest.clear()
            names.closest[x] = found
        return found or ranked(x, pool)

    def near(top: list[tuple[float, int]], leave_out: int) -> float:
        sims = [sim for sim, y in top if y != leave_out][:EVENT_NEIGHBOURS]
        return sum(sims) / len(sims) if sims else 0.0

    mine = closest(article_id)
    out: set[int] = set()
    for other in pool:
        if other == article_id or family(article_id, other):
            continue
        sim = names.event_similarity(article_id, other)
        if sim >= EVENT_HIGH:
            continue
        theirs = closest(other)
        peers = min(near(mine, other), near(theirs, article_id))
        if (
            peers >= EVENT_PEERS
            and sim < EVENT_SHARE * peers
            and not _chained(names, article_id, other, mine, theirs)
        ):
            out.add(other)
    return out


def _chained(
    names: Names,
    article_id: int,
    other: int,
    mine: list[tuple[float, int]],
    theirs: list[tuple[float, int]],
) -> bool:
    """Whether a close report (``EVENT_PEERS``) of one is close (``EVENT_HIGH``) to the other
    too: two reports of one event far apart in names (a local paper and the wire) are each
    close to a third (the national paper naming the wire's officials and the residents)."""
    return any(
        names.event_similarity(article_id, y) >= EVENT_HIGH
        for sim, y in theirs[:EVENT_NEIGHBOURS]
        if y != article_id and sim >= EVENT_PEERS
    ) or any(
        names.event_similarity(other, y) >= EVENT_HIGH
        for sim, y in mine[:EVENT_NEIGHBOURS]
        if y != other and sim >= EVENT_PEERS
    )


def story_groups(
    store: Store,
    names: Names,
    members: Sequence[int],
    family: Callable[[int, int], bool] = lambda _a, _b: False,
) -> dict[int, int] | None:
    """The story's reports of each of its two events (article -> 0 or 1), or None when the
    story reports one event; remembered per story (its first ``GROUP_PEERS`` articles by id
    with a reading).

    One report of each family (``family(a, b)``: versions and copies) is split, and the
    others take its side: copies are one report many times, and would make a story of one
    event whose copies come from two wires look like two dense groups."""
    ordered = sorted(members)
    names.load_readings(store, ordered[:GROUP_PEERS])
    key = tuple(a for a in ordered if names.readings.get(a))[:GROUP_PEERS]
    if key not in names.groups:
        originals: list[int] = []
        for a in key:
            if not any(family(a, b) for b in originals):
                originals.append(a)
        side = _split(names, originals)
        if side is not None:
            side.update(_nearer_side(names, originals, side, family))
            for a in key:
                if a not in side:
                    found = next((side[b] for b in originals if b in side and family(a, b)), None)
                    if found is not None:
                        side[a] = found
        names.groups[key] = side
    return names.groups[key]


def _nearer_side(
    names: Names,
    ids: Sequence[int],
    side: Mapping[int, int],
    family: Callable[[int, int], bool],
) -> dict[int, int]:
    """The reports of ``ids`` the split left in neither group (``GROUP_MARGIN``) that are
    plainly nearer one group on the desk's own similarity: the mean of their
    ``EVENT_NEIGHBOURS`` closest in it at least ``GROUP_NEAR`` times that in the other.

    The Fiedler vector places a report by all its links at once, so one naming both events'
    places (a follow-up recalling the first quake) sits between the groups, however close it
    is to a few reports of one of them; its closest reports say which event it tells."""
    out: dict[int, int] = {}
    for a in ids:
        if a in side:
            continue
        near = [
            nearest(names, a, (b for b, s in side.items() if s == k and not family(a, b)))
            for k in (0, 1)
        ]
        best = int(near[1] > near[0])
        if near[best] >= GROUP_NEAR * near[1 - best] and near[best] > 0.0:
            out[a] = best
    return out


def story_vectors(readings: Sequence[Mapping[str, int]]) -> list[dict[str, float]]:
    """Readings weighted by how rarely the story itself uses each name, to unit length: a
    name every report of the story uses (the team, the country) says nothing about which
    of its events a report tells; one half of them use ("Williams") says it all."""
    df: dict[str, int] = {}
    for reading in readings:
        for name in reading:
            df[name] = df.get(name, 0) + 1
    total = len(readings)
    out = []
    for reading in readings:
        weights = {
            name: (1.0 + math.log(n)) * math.log((total + 1) / (df[name] + 0.5))
            for name, n in reading.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values()))
        out.append({name: w / norm for name, w in weights.items()} if norm else {})
    return out


def _split(names: Names, ids: Sequence[int]) -> dict[int, int] | None:
    """``story_groups`` computed: the sign of the story graph's Fiedler vector (spectral
    bisection over ``story_vectors`` similarities) splits it; the split stands when each
    side has ``GROUP_SMALLEST`` reports and, on the desk's own similarity, the two sides are
    far apart against how close each side's reports are (``GROUP_APART``)."""
    if len(ids) < 2 * GROUP_SMALLEST:
        return None
    vectors = story_vectors([names.readings[a] for a in ids])
    n = len(ids)
    sims = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            sims[i][j] = sims[j][i] = vector_cosine(vectors[i], vectors[j])
    linked = [i for i in range(n) if any(sims[i])]
    if len(linked) < 2 * GROUP_SMALLEST:
        return None
    fiedler = _fiedler([[sims[i][j] for j in linked] for i in linked])
    scale = math.sqrt(sum(f * f for f in fiedler) / len(fiedler)) or 1.0
    side = {
        ids[i]: int(f > 0.0)
        for i, f in zip(linked, fiedler, strict=True)
        if abs(f) >= GROUP_MARGIN * scale
    }
    groups = [[a for a, g in side.items() if g == k] for k in (0, 1)]
    if min(len(g) for g in groups) < GROUP_SMALLEST:
        return None
    return side if _apart(names, groups) else None


def _apart(names: Names, groups: Sequence[Sequence[int]]) -> bool:
    """Whether two groups of reports are two events on the desk's own similarity: the
    story's weights tell which way to split, not whether to (any split of one event has
    names one side uses more)."""

    def mean(pairs: Iterable[tuple[int, int]]) -> float:
        values = [names.event_similarity(a, b) for a, b in pairs]
        return sum(values) / len(values) if values else 0.0

    within = min(mean((a, b) for i, a in enumerate(g) for b in g[i + 1 :]) for g in groups)
    between = mean((a, b) for a in groups[0] for b in groups[1])
    return within > 0.0 and between < GROUP_APART * within


def _fiedler(sims: Sequence[Sequence[float]]) -> list[float]:
    """The Fiedler vector of a graph (every node linked), by power iteration on its
    normalised adjacency with the first eigenvector (known: the degrees' roots) taken out.
    Pure Python: a story holds at most ``GROUP_PEERS`` reports."""
    n = len(sims)
    roots = [math.sqrt(sum(row)) for row in sims]
    norm = math.sqrt(sum(r * r for r in roots))
    first = [r / norm for r in roots]
    adjacency = [[sims[i][j] / (roots[i] * roots[j]) for j in range(n)] for i in range(n)]
    x = [float((i * 7919) % 101) / 101.0 - 0.5 for i in range(n)]  # fixed: deterministic
    for _ in range(_POWER_STEPS):
        y = [
            0.5 * (sum(a * b for a, b in zip(row, x, strict=True)) + x[i])
            for i, row in enumerate(adjacency)
        ]
        along = sum(a * b for a, b in zip(first, y, strict=True))
        y = [v - along * f for v, f in zip(y, first, strict=True)]
        size = math.sqrt(sum(v * v for v in y)) or 1.0
        y = [v / size for v in y]
        moved = max(abs(a - b) for a, b in zip(x, y, strict=True))
        x = y
        if moved < 1e-7:
            break
    return [v / r for v, r in zip(x, roots, strict=True)]


def position_factor(rank: int) -> float:
    """How much the event is likely to be what a sentence ``rank`` units after its article's
    first body sentence reports (the title, before it, counts as 0)."""
    return 1.0 + POSITION_WEIGHT / (1 + max(0, rank))


def group_signatures(names: Names, side: Mapping[int, int]) -> tuple[frozenset[str], ...]:
    """The names (and figures) that sign each of a story's two events: named by at least
    ``SIGN_SHARE`` of one group's reports and at most ``SIGN_OTHER`` of the other's ("Jamal
    Williams" against "Vincent Jackson" in two arrests of one team's players), remembered."""
    key = tuple(sorted(side.items()))
    found = names.signatures.get(key)
    if found is None:
        groups = [[a for a, s in side.items() if s == k] for k in (0, 1)]
        counts = [Counter(n for a in g for n in names.readings.get(a, {})) for g in groups]
        found = tuple(
            frozenset(
                n
                for n, c in counts[k].items()
                if c >= SIGN_SHARE * len(groups[k])
                and counts[1 - k][n] <= SIGN_OTHER * len(groups[1 - k])
            )
            for k in (0, 1)
        )
        names.signatures[key] = found
    return found


def used_names(text: str) -> frozenset[str]:
    """Every name and figure ``text`` uses, as ``read_event`` folds them."""
    return frozenset(read_event([text], limit=len(text), figures=len(text)).names)


def sentence_side(used: Iterable[str], signatures: Sequence[frozenset[str]]) -> int | None:
    """The group whose signing names a sentence uses (``used_names``), when it uses one
    group's only."""
    used = frozenset(used)
    named = [k for k in (0, 1) if not signatures[k].isdisjoint(used)]
    return named[0] if len(named) == 1 else None


def event_sentences(
    store: Store,
    names: Names,
    article_id: int,
    claim_sentence: str,
    hits: Iterable[tuple[int, int, str]],
    *,
    story: Callable[[int], Sequence[int]],
    family: Callable[[int, int], bool] = lambda _a, _b: False,
    stored: Mapping[int, PassageFacts] | None = None,
) -> tuple[set[int], set[int]]:
    """Sentence by sentence, which hits (``(sentence id, article id, text)``) of the claim's
    story report the other of its two events, and which report the claim's own though
    their article was set apart: ``(other event, own event)`` sentence ids.

    An article's side (``story_groups``) is what it mostly reports; a sentence naming one
    event's signing names only (``group_signatures``) is of that event wherever it stands:
    a report of the second arrest recalls the first by name, a claim of a follow-up can be
    about the first fire. A sentence naming neither takes its article's side. ``stored``
    holds the hits' stored readings, whose event marks give their names."""
    groups = story_groups(store, names, story(article_id), family)
    if groups is None:
        return set(), set()
    signatures = group_signatures(names, groups)
    if not any(signatures):
        return set(), set()
    named = sentence_side(used_names(claim_sentence), signatures)
    mine = named if named is not None else groups.get(article_id)
    if mine is None:
        return set(), set()
    apart: set[int] = set()
    own: set[int] = set()
    for sentence_id, other, text in hits:
        if other == article_id or family(article_id, other):
            continue
        used = names.sentence_names(sentence_id, text, (stored or {}).get(sentence_id))
        said = sentence_side(used, signatures)
        theirs = said if said is not None else groups.get(other)
        if theirs is None or (named is None and said is None):
            continue
        (own if theirs == mine else apart).add(sentence_id)
    return apart, own
