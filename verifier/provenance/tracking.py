"""Who really said it: a claim's appearances across articles and its attribution status.

A claim travels: a wire reports "X claimed ...", a copy drops the "claimed", an update turns it
into "confirmed", another outlet pins the same figure on someone else. For each claim this
finds the other sentences in the corpus that carry the same content (most of its informative
words, in one sentence), reads how each attributes it, and sums that up as

- ``consistent``: every appearance names the same speaker (a relay through another outlet,
  "X, citing SANA", resolves to SANA);
- ``conflict``: another appearance names a different speaker: misattribution somewhere;
- ``drift``: an appearance drops the attribution, or hedges or firms it up
  ("claimed" -> "said" -> "confirmed");
- ``single``: it appears nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from verifier.corroborate.query import build_match, fts_stem, informative_terms
from verifier.models import ArticleRecord, ClaimRecord, SentenceRecord, Span
from verifier.store import Store
from verifier.store.appearances import (
    AppearanceRecord,
    AppearanceRow,
    appearance_sentence_ids,
    claim_ids_in_sentences,
    claims_overlapping,
    own_appearance,
    replace_appearance_rows,
)
from verifier.store.clusters import rebuild_clusters, replace_links
from verifier.text.cues import (
    cue_strength,
    find_hedges,
    is_relay_cue,
    is_reporting_cue,
    quote_marks,
    reads_as_attributed,
)
from verifier.text.numbers import figures_in
from verifier.text.retelling import first_person, holds_quotation, quotation_at, same_telling
from verifier.text.speakers import (
    is_body,
    is_media,
    is_outlet_voice,
    may_be_one_voice,
    names_a_person,
    names_speaker,
    same_names,
    same_speaker,
    shares_a_name,
    specific,
    unknown_speaker,
)

# A sentence carries a claim's content when it holds this share of the claim's informative
# stems; below it, shared words are more likely a related event than the same report.
CONTAINMENT = 0.6
MIN_TERMS = 3
CANDIDATES = 40

_SHORT = 4  # a content this short must appear whole


# Both are pure functions of the text, asked again and again for the same few sentences:
# on a one-story desk every claim's 40 candidates are largely the same copies' sentences,
# so without a memo tracking re-tokenised and re-stemmed each of them thousands of times.
_MEMO = 65536


@lru_cache(maxsize=_MEMO)
def _stems(text: str) -> frozenset[str]:
    return frozenset(fts_stem(w) for w in informative_terms(text))


@lru_cache(maxsize=_MEMO)
def numbers(text: str) -> frozenset[float]:
    """The figures a text states, as the text stage reads them: "four", "4" and "4.0" agree."""
    return figures_in(text)


def _figures_agree(ours: frozenset[float], theirs: frozenset[float]) -> bool:
    """A report with figures is the same report only where a figure recurs."""
    return not ours or bool(ours & theirs)


def carries(content_stems: frozenset[str], content_numbers: frozenset[float], text: str) -> bool:
    """Does a sentence carry this content: most of its words, and one of its figures?

    A different figure is a different report (a contradiction for the evidence stage), and
    a short content must appear whole, since a few shared words are easily found in a
    neighbouring sentence about something else.
    """
    if not content_stems or not _figures_agree(content_numbers, numbers(text)):
        return False
    share = len(content_stems & _stems(text)) / len(content_stems)
    return share >= (1.0 if len(content_stems) <= _SHORT else CONTAINMENT)


def restates(content_stems: frozenset[str], content_numbers: frozenset[float], other: str) -> bool:
    """Is another claim's content a shorter telling of this one ("recovered 11 bodies")?"""
    theirs = _stems(other)
    if len(theirs) <= _SHORT or not _figures_agree(content_numbers, numbers(other)):
        return False
    return len(theirs & content_stems) / len(theirs) >= CONTAINMENT


@dataclass(frozen=True, slots=True)
class Tracked:
    claim_id: str
    status: str
    appearances: tuple[AppearanceRecord, ...]
    # Claims elsewhere telling the same statement by the same speaker: its cluster's links.
    same_statement: tuple[str, ...] = ()


def _appearance(
    claim: ClaimRecord, sentence_claims: Sequence[ClaimRecord], stems: frozenset[str]
) -> tuple[str, ClaimRecord | None]:
    """How a sentence that carries the claim's content attributes it."""
    own = _stems(claim.content)
    matched = []
    for other in sentence_claims:
        theirs = _stems(other.content)
        overlap = max(
            len(stems & theirs) / max(1, len(stems)),
            len(stems & theirs) / max(1, len(theirs)),
            len(own & theirs) / max(1, len(own)),
        )
        if overlap >= 0.4:
            matched.append((overlap, other))
    if not matched:
        return "unattributed", None
    matched.sort(key=lambda pair: -pair[0])
    same = [o for _, o in matched if same_speaker(claim, o)]
    if same:
        # "X reported, citing SANA": another outlet passing the speaker's words on.
        relayed = is_relay_cue(same[0].cue) or any(
            o.source_type == "media" and not same_speaker(claim, o) for o in sentence_claims
        )
        return ("relay" if relayed else "same_source"), same[0]
    return "other_source", matched[0][1]


def _extends(claim: ClaimRecord, own: frozenset[str], other: ClaimRecord) -> bool:
    """A short content ("it was confronting a major attack") told at more length elsewhere,
    with the same stance: the same report, even though most of either sentence differs."""
    if other.stance != claim.stance or not own or len(own) > _SHORT:
        return False
    return own <= _stems(other.content) and _figures_agree(
        numbers(claim.content), numbers(other.content)
    )


def matching_text(claim: ClaimRecord) -> str:
    """What another sentence must carry to be the same report.

    Usually the content; when the content is only a few words ("blamed *the Front*"), the
    whole sentence without its source, so any mention of the Front is not taken for it.
    """
    if len(_stems(claim.content)) > _SHORT:
        return claim.content
    start = claim.sentence_span.start
    a, b = claim.source_span.start - start, claim.source_span.end - start
    if 0 <= a < b <= len(claim.sentence):
        return claim.sentence[:a] + " " + claim.sentence[b:]
    return claim.sentence


class ArticleClaims:
    """The claims of recently asked articles, held for one tracking run.

    Tracking asks, for each of a claim's 40 candidate sentences, which claims run through it;
    on a one-story desk the candidates of every claim are the same few hundred copies, so one
    query per candidate re-read the same rows hundreds of thousands of times. Claims do not
    change while tracking runs (it writes appearances and links only), so an article's
    claims are read once, in position order, and filtered here exactly as the query would.
    """

    def __init__(self, store: Store, articles: int = 2048) -> None:
        self._store = store
        self._limit = articles  # bounds memory on a large corpus: a 100k desk is no one story
        self._claims: dict[int, list[ClaimRecord]] = {}
        # By (article, start, end): the copies' claims ask about the same sentences again.
        self._spans: dict[tuple[int, int, int], list[ClaimRecord]] = {}

    def overlapping(self, article_id: int, start: int, end: int) -> list[ClaimRecord]:
        """``claims_overlapping(store, article_id, start, end)``, from memory."""
        found = self._spans.get((article_id, start, end))
        if found is not None:
            return list(found)
        claims = self._claims.get(article_id)
        if claims is None:
            if len(self._claims) >= self._limit:
                self._claims.clear()
                self._spans.clear()
            claims = claims_overlapping(self._store, article_id, -(2**62), 2**62)
            self._claims[article_id] = claims
        found = [c for c in claims if c.content_span.start < end and c.content_span.end > start]
        self._spans[article_id, start, end] = found
        return list(found)


def telling(claim: ClaimRecord) -> tuple[object, ...]:
    """Everything tracking reads of a claim but where it stands: its words, its source and
    cue as stored, and its spans within its sentence. Claims with one telling (a wire
    story's copies repeat each of its claims word for word) read every sentence elsewhere
    alike, so they share those readings (``Tellings``)."""
    base = claim.sentence_span.start
    return (
        claim.content,
        claim.sentence,
        claim.source,
        claim.resolved_source,
        claim.canonical_source,
        claim.source_type,
        claim.cue,
        claim.stance,
        claim.quote,
        claim.hedges,
        claim.kind,
        *(
            (s.start - base, s.end - base)
            for s in (claim.source_span, claim.cue_span, claim.content_span)
        ),
    )


_UNSEEN = object()


@dataclass(slots=True)
class _Telling:
    """What tracking found reading the sentences elsewhere for one telling of a claim."""

    match: str | None = None
    # The best ``_SHARED_HITS`` sentences for ``match`` in every article: each claim takes
    # its ``CANDIDATES`` from them, less its own article's (``_candidates``).
    ranked: list[tuple[SentenceRecord, float, ArticleRecord]] | None = None
    # sentence id -> how it attributes the content (``_appearance``), None when it does not
    # carry it
    hits: dict[int, tuple[str, ClaimRecord | None] | None] = field(default_factory=dict)
    # (sentence id, what the speaker is reported saying, the claim's article where its
    # other voices matter: ``_speaks_beside``) -> the appearance settled (``_settle``)
    settled: dict[tuple[int, frozenset[str], int], str | None] = field(default_factory=dict)
    bearing: dict[tuple[int, str], str] = field(default_factory=dict)  # ``_bearing``
    same: dict[str, bool] = field(default_factory=dict)  # other claim id -> one statement
    strength: int | None = None


class Tellings:
    """Tracking's readings by telling (``telling``), for one run over claims that do not
    change.

    On a breaking desk the copies of a wire story make most claims, 13,000 claims telling
    about 300 statements on 400 articles: each copy read the same 40 sentences elsewhere
    the same way (whether they carry it, who says it there, whether that drifts), and that
    was most of the desk's tracking. A copy still searches without its own article (it
    finds the first claim's sentence in its place) and builds its own appearances; only
    the readings are shared, so every claim's appearances are what tracking it alone finds.
    ``track_all`` tracks the claims of one telling one after another: the few held last
    are enough, which bounds memory on a large corpus.
    """

    def __init__(self, held: int = 64) -> None:
        self._held = held
        self._tellings: dict[tuple[object, ...], _Telling] = {}

    def of(self, claim: ClaimRecord) -> _Telling:
        key = telling(claim)
        found = self._tellings.get(key)
        if found is None:
            if len(self._tellings) >= self._held:
                self._tellings.clear()
            found = self._tellings[key] = _Telling()
        return found


Found = tuple[SentenceRecord, ArticleRecord, str, "ClaimRecord | None"]
"""An appearance elsewhere as tracking finds it: the sentence, its article, how it attributes
the claim (``APPEARANCE_STATUSES``) and the claim of that sentence it matched, if any."""


@dataclass(frozen=True, slots=True)
class _Trace:
    """One claim tracked: its status, its appearances elsewhere, its cluster's links."""

    status: str
    found: list[Found]
    same: tuple[str, ...] = ()


def track_claim(
    store: Store,
    claim: ClaimRecord,
    nearby_claims: ArticleClaims | None = None,
    tellings: Tellings | None = None,
) -> Tracked:
    trace = _trace(store, claim, nearby_claims, tellings)
    appearances = [own_appearance(claim)] + [
        AppearanceRecord(
            claim_id=claim.id,
            article_id=article.id,
            article_name=article.name,
            outlet=article.outlet,
            published=article.published,
            sentence_id=sentence.id,
            sentence=sentence.text,
            source=other.source if other else None,
            canonical_source=other.canonical_source if other else None,
            cue=other.cue if other else None,
            hedged=bool(other.hedges) if other else False,
            status=status,
        )
        for sentence, article, status, other in trace.found
    ]
    return Tracked(claim.id, trace.status, tuple(appearances), trace.same)


def _trace(
    store: Store,
    claim: ClaimRecord,
    nearby_claims: ArticleClaims | None = None,
    tellings: Tellings | None = None,
) -> _Trace:
    text = matching_text(claim)
    stems = _stems(text)
    figures = numbers(text)
    if len(stems) < MIN_TERMS or _in_headline(store, claim):
        return _Trace("single", [])
    shared = tellings.of(claim) if tellings is not None else _Telling()
    if shared.match is None:
        # The content's own words come first in the query: for a short content the
        # sentence around it would otherwise choose the candidates.
        shared.match = build_match(claim.content + " " + text, store, max_terms=12)
    hits = _candidates(store, shared, claim.article_id)
    seen_articles: set[int] = set()
    found: list[Found] = []
    for sentence, _score, article in hits:
        if article.id in seen_articles:
            continue
        read = shared.hits.get(sentence.id, _UNSEEN)
        if read is _UNSEEN:
            read = shared.hits[sentence.id] = _read(
                store, claim, stems, figures, sentence, article, nearby_claims
            )
        if read is None:
            continue
        assert isinstance(read, tuple)
        seen_articles.add(article.id)
        found.append((sentence, article, *read))
    # What the claim's own speaker is reported saying, here and wherever else they are named:
    # a copy of any of it pinned on someone else is a misattribution, stripped bare a drift.
    voiced = [text, claim.sentence] + [
        s.text for s, _, status, _ in found if status in ("same_source", "relay")
    ]
    said = frozenset(voiced)
    settled_found: list[Found] = []
    for sentence, article, status, other in found:
        # Only another speaker's telling asks about the claim's own article (``_speaks_beside``).
        key = (sentence.id, said, claim.article_id if status == "other_source" else 0)
        settled = shared.settled.get(key, _UNSEEN)
        if settled is _UNSEEN:
            settled = shared.settled[key] = _settle(
                store, claim, voiced, sentence, status, other, nearby_claims
            )
        if settled is None:
            continue
        assert isinstance(settled, str)
        settled_found.append((sentence, article, settled, other))
    same = tuple(
        other.id
        for _, _, status, other in settled_found
        if status in ("same_source", "relay")
        and other is not None
        and other.id != claim.id
        and _one_telling(shared, claim, other)
    )
    return _Trace(_status(claim, settled_found, shared), settled_found, same)


def _rows(trace: _Trace, shared: dict[tuple[int, str, str], AppearanceRow]) -> list[AppearanceRow]:
    """The trace's appearances as stored: the same sentence, settled the same way with the
    same claim matched there, is the same row for every claim of a telling (``shared``)."""
    rows = []
    for sentence, article, status, other in trace.found:
        key = (sentence.id, status, other.id if other else "")
        row = shared.get(key)
        if row is None:
            row = shared[key] = (
                article.id,
                sentence.id,
                other.source if other else None,
                other.canonical_source if other else None,
                other.cue if other else None,
                bool(other.hedges) if other else False,
                status,
            )
        rows.append(row)
    return rows


_SHARED_HITS = 2 * CANDIDATES


def _candidates(
    store: Store, shared: _Telling, article_id: int
) -> list[tuple[SentenceRecord, float, ArticleRecord]]:
    """``store.search_sentences(shared.match, limit=CANDIDATES, exclude_article=article_id)``,
    from the telling's ranking when it holds enough: the copies of a statement search the
    same words, each without its own article."""
    assert shared.match is not None
    if shared.ranked is None:
        found = store.iter_search_sentences(shared.match, chunk=_SHARED_HITS)
        shared.ranked = list(islice(found, _SHARED_HITS))
    hits = [hit for hit in shared.ranked if hit[2].id != article_id][:CANDIDATES]
    if len(hits) < CANDIDATES and len(shared.ranked) == _SHARED_HITS:
        return store.search_sentences(shared.match, limit=CANDIDATES, exclude_article=article_id)
    return hits


def _read(
    store: Store,
    claim: ClaimRecord,
    stems: frozenset[str],
    figures: frozenset[float],
    sentence: SentenceRecord,
    article: ArticleRecord,
    nearby_claims: ArticleClaims | None,
) -> tuple[str, ClaimRecord | None] | None:
    """How a sentence elsewhere attributes the claim's content, or None when it does not
    carry it (or is a headline)."""
    if _headline_like(sentence):
        return None
    nearby = (
        nearby_claims.overlapping(article.id, sentence.start, sentence.end)
        if nearby_claims is not None
        else claims_overlapping(store, article.id, sentence.start, sentence.end)
    )
    own = _stems(claim.content)
    if not (
        carries(stems, figures, sentence.text)
        or any(restates(stems, figures, o.content) for o in nearby)
        or any(_extends(claim, own, o) for o in nearby)
    ):
        return None
    status, other = _appearance(claim, nearby, stems)
    if status == "unattributed" and is_outlet_voice(claim, article.outlet):
        status = "same_source"
    return status, other


def _one_telling(shared: _Telling, claim: ClaimRecord, other: ClaimRecord) -> bool:
    """Does another claim tell the claim's statement (its cluster's links)?"""
    found = shared.same.get(other.id)
    if found is None:
        found = shared.same[other.id] = same_telling(
            claim.content, [other.content], longer=_SAME_STATEMENT
        ) and same_names(claim.content, other.content)
    return found


_SAME_STATEMENT = 0.4  # share of the longer telling's word pairs a copy in a cluster keeps
_COPIED = 0.5  # share of the shorter telling's word pairs a misattributed copy keeps
_MOSTLY = 0.25  # share of a bare sentence's word pairs that must be the claim's
_RETOLD = 0.4  # share of the attributed content's word pairs a bare retelling keeps
_COPIED_LEAD = 0.7  # ... and a lead, which tells the event in the outlet's words, keeps


def _headline_like(sentence: SentenceRecord, around: Sequence[SentenceRecord] = ()) -> bool:
    """An article's first line without a full stop is its headline, whatever the segmenter
    called it: a headline sums several claims up and is no appearance of any one of them.
    So is a paragraph of one line without a full stop (a subhead, a standfirst: "The woman
    was taken to Jamaica Hospital in traumatic arrest"), given the article's sentences."""
    if sentence.text.rstrip().endswith(_SENTENCE_END):
        return False
    if sentence.index == 0:
        return True
    return sum(1 for s in around if s.paragraph == sentence.paragraph) == 1


def _in_headline(store: Store, claim: ClaimRecord) -> bool:
    """Was the claim read in a headline the segmenter took for body text ("Protesters battle
    cops ... after it's revealed that ...")? A headline sums the story up; what it says is
    told in the body, where its appearances are tracked."""
    if claim.sentence.rstrip().endswith(_SENTENCE_END):
        return False
    around = store.sentences(claim.article_id)
    return any(s.id == claim.sentence_id and _headline_like(s, around) for s in around)


_SENTENCE_END = (".", "!", "?", '"', "\u201d", "'")
# Speakers that are parties to a story, not outlets, whatever their names hold ("agency",
# "news"): state media and officials speak for a side, and dropping them is drift.
_PARTIES = frozenset({"state_media", "government", "intl_org", "ngo", "armed_group"})


def _unread(store: Store, sentence: SentenceRecord, around: Sequence[SentenceRecord]) -> bool:
    """Does the sentence, or the lead-in or tag around it, attribute it after all?

    "Kelly commented in a briefing:" before a quotation, or a quotation whose "Trump said."
    the segmenter cut off, attribute the words; the extractor just did not read it. So does
    a quotation that runs on from an earlier sentence or paragraph ("'..., ' explained
    Microsoft's Dustin Childs. / 'This would typically occur ...'"), and a passage in the
    first person, which is someone's statement reproduced (a block quotation after "Reavey
    grabs the mic:", a transcript), never the outlet's bare telling.
    """
    if reads_as_attributed(sentence.text):
        return True
    by_index = {s.index: s for s in around}
    before, after = by_index.get(sentence.index - 1), by_index.get(sentence.index + 1)
    if before is not None and before.text.rstrip().endswith(":"):
        return True
    if after is not None and len(after.text.split()) <= 4 and reads_as_attributed(after.text):
        return True
    if any(first_person(s.text) for s in (before, sentence, after) if s is not None):
        return True
    if holds_quotation(sentence.text) or _inside_quotation(by_index, sentence.index):
        return True
    return _quoted(store, sentence, around)


_QUOTE_WINDOW = 6  # sentences a quotation may run on for


def _inside_quotation(around: dict[int, SentenceRecord], index: int) -> bool:
    """Is the sentence inside a quotation opened earlier ("Smith noted, \"It's disappointing.
    / We'll continue to monitor ..."), so attributed where it opened? Counted over sentences,
    since a quotation often runs over paragraphs of one sentence each, which ``_quoted``'s
    reading of whole paragraphs does not join."""
    marks = 0
    for i in range(index - 1, max(-1, index - 1 - _QUOTE_WINDOW), -1):
        before = around.get(i)
        if before is None:
            break
        marks += quote_marks(before.text)
        if marks % 2 and reads_as_attributed(before.text):
            return True
    return False


def _quoted(store: Store, sentence: SentenceRecord, around: Sequence[SentenceRecord]) -> bool:
    """Does the sentence lie inside a quotation, as the text stage reads quotations across
    sentences and paragraphs (``quotation_at``)? Quoted words are someone's: attributed where
    the quotation opens or closes, however far back that is."""
    article = store.article(sentence.article_id)
    if article is None:
        return False
    paragraphs: dict[int, Span] = {}
    for s in around:
        span = paragraphs.get(s.paragraph)
        paragraphs[s.paragraph] = Span(span.start if span else s.start, s.end)
    first = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
    spans = sorted(paragraphs.values(), key=lambda p: p.start)
    return quotation_at(article.text, spans, first) is not None


def _continues(
    store: Store, claim: ClaimRecord, sentence: SentenceRecord, nearby: ArticleClaims | None
) -> bool:
    """Does the sentence carry on the account of the claim's speaker the sentence before
    gave ("..., the California Highway Patrol said. / Williams gave a blood sample ...")?

    News attributes once and lets the following sentence continue: that is no dropped
    attribution. Only the claim's own voice counts: a sentence after someone else's words
    ("the navy said it sank a pirate ship. / But it later emerged it was a trawler") does
    not continue them.
    """
    if sentence.index == 0:
        return False
    before = [s for s in store.sentences(sentence.article_id) if s.index == sentence.index - 1]
    if not before:
        return False
    prev = before[0]
    said = (
        nearby.overlapping(sentence.article_id, prev.start, prev.end)
        if nearby is not None
        else claims_overlapping(store, sentence.article_id, prev.start, prev.end)
    )
    return any(
        same_speaker(claim, o)
        or shares_a_name(claim, o)
        # a named person and the named body they may speak for; "authorities" may be anyone
        or (specific(claim) and specific(o) and may_be_one_voice(claim, o))
        for o in said
        if o.sentence_id == prev.id
    )


def _settle(
    store: Store,
    claim: ClaimRecord,
    voiced: Sequence[str],
    sentence: SentenceRecord,
    status: str,
    other: ClaimRecord | None,
    nearby: ArticleClaims | None = None,
) -> str | None:
    """What an appearance really is, or None when the sentence is no telling of the claim.

    Another speaker is a misattribution only for the same words (``same_telling``); for the
    same fact in other words it is independent corroboration, ``also_said_by``. A sentence
    with no attribution read is ``unread`` when it holds a quotation or a speech verb the
    extractor missed, ``unattributed`` (drift) when it retells the claim's words bare, and no
    appearance at all when it is an outlet's own telling of the event.
    """
    if status == "other_source" and other is not None and not other.source.strip():
        # "Damages ... are estimated at $1 million": a cue naming no one gives the words no
        # speaker, so the claim's is dropped there.
        status, other = "unattributed", None
    if status == "other_source" and other is not None:
        if shares_a_name(claim, other):
            return "same_source"
        if unknown_speaker(other) or unknown_speaker(claim):
            return "unread"
        if not (is_reporting_cue(other.cue) and is_reporting_cue(claim.cue)):
            return "unread"  # "voters approved", "was appointed": an actor, not a speaker
        if other.source_type == "outlet" or may_be_one_voice(claim, other):
            return "also_said_by"  # the outlet vouching itself, or maybe the same voice
        # Pinning words on someone else is a grave finding: most of them must be the same.
        copied = same_telling(sentence.text, voiced, shorter=_COPIED) or same_telling(
            other.content, voiced, shorter=_COPIED
        )
        if (
            copied
            and not (is_body(claim) and is_body(other))
            and (
                _speaks_beside(store, claim, other, nearby)
                or _speaks_beside(store, other, claim, nearby)
            )
        ):
            # The claim's own article quotes the other speaker too ("Microsoft says its update
            # will protect users. / Christopher Budd, of the software giant's security centre,
            # said ..."): a spokesman and the body he speaks for, one story's two names. Two
            # bodies (the USGS and Iran's seismologic centre) are two voices all the same.
            return "also_said_by"
        return "other_source" if copied else "also_said_by"
    if status == "unattributed":
        if (
            not is_reporting_cue(claim.cue)
            or not claim.source.strip()
            or claim.kind == "belief"
            or (is_media(claim) and claim.source_type not in _PARTIES)
        ):
            # "was planning", "apparently unaware", a practice that "calls for": no speaker,
            # no attribution to drop; nor a belief or expectation ("appeared to be on the
            # mend", "is expected to be arraigned"), which holds no words to retell. Nor is one
            # dropped when the speaker is a newspaper or "local media reports": an outlet
            # telling the same in its own voice is a media report itself.
            return None
        own = _stems(claim.content)
        if len(own) <= _SHORT and not own <= _stems(sentence.text):
            # The claim's few words are not there: the sentence tells what surrounds them
            # ("the navy drew criticism ..." without "but the navy says it fired in self-defence").
            return None
        around = store.sentences(sentence.article_id)
        if _headline_like(sentence, around):
            return None
        if (
            names_speaker(claim, sentence.text)
            or _unread(store, sentence, around)
            or _continues(store, claim, sentence, nearby)
        ):
            return "unread"
        # A bare sentence that retells the attributed words drops their attribution; one
        # that mentions a phrase of them in passing ("did not mention proposals to ban ...")
        # does not. An article's lead tells the event in the outlet's own words ("a hit and
        # run accident that killed a woman in Queens"): only a near copy of the words drops
        # their speaker there.
        lead = not any(
            s.kind == "body" and s.index < sentence.index and not _headline_like(s, around)
            for s in around
        )
        share = _COPIED_LEAD if lead else _RETOLD
        bare = same_telling(claim.content, [sentence.text], shorter=share, longer=_MOSTLY)
        return "unattributed" if bare else None
    return status


def _speaks_beside(
    store: Store, claim: ClaimRecord, other: ClaimRecord, nearby: ArticleClaims | None
) -> bool:
    """Does the claim's own article give the floor to the other speaker as well, as a body or
    a group ("Microsoft says its update will protect users", "The Indian navy said ...")?
    (Asked both ways: the body's telling is one voice with the spokesman's in his article.)
    Where it names them as a person ("The pastor, Larry Kroon"), two people of one story
    are two voices, and the same words on both is a misattribution."""
    mine = (
        nearby.overlapping(claim.article_id, -(2**62), 2**62)
        if nearby is not None
        else claims_overlapping(store, claim.article_id, -(2**62), 2**62)
    )
    there = [
        c for c in mine if c.id != claim.id and (same_speaker(c, other) or shares_a_name(c, other))
    ]
    return (
        not names_a_person(other)
        and any(not names_a_person(c) for c in there)
        and not any(names_a_person(c) and same_speaker(c, other) for c in there)
    )


def _strength(claim: ClaimRecord) -> int:
    """How strongly a telling vouches: a hedge in its attribution ("a man who purportedly
    told") makes it as weak as a hedging cue. A hedge inside the content ("she apparently
    called for help", "it appeared the group was ill-equipped") is what the speaker said, the
    same in every telling of it, not how the telling vouches (``_hedged_apart``); nor is one
    in another attribution of the same sentence ("Kelly told the Times ... while Cerar said
    'it appears to be a good shooting'"). (The claim's stored hedges also hold its article's
    caveats around it, which say nothing of how this sentence tells it.)"""
    return 0 if find_hedges(_attribution(claim)) else cue_strength(claim.cue, claim.source_type)


def _hedged_apart(a: ClaimRecord, a_strength: int, b: ClaimRecord, b_strength: int) -> bool:
    """Does one telling hedge what the other does not ("police allege" / "police said")?

    Only a hedge counts: an official who "said" in one report and "confirmed" in another
    vouched for the same words both times. And a hedge the firmer telling keeps in its words
    ("police allege he opened fire" / "police said he allegedly opened fire") is the same
    doubt, moved from the cue into the content."""
    if a_strength == b_strength or min(a_strength, b_strength) != 0:
        return False
    firmer = a if a_strength > b_strength else b
    return not find_hedges(firmer.content)


def _attribution(claim: ClaimRecord) -> str:
    """The words from the claim's source to its cue ("a man who purportedly told"), or, when
    the spans do not say, its sentence without its content."""
    base = claim.sentence_span.start
    spans = [s for s in (claim.source_span, claim.cue_span) if s.end > s.start]
    if spans:
        a, b = min(s.start for s in spans) - base, max(s.end for s in spans) - base
        if 0 <= a < b <= len(claim.sentence):
            c, d = claim.content_span.start - base, claim.content_span.end - base
            if a < c < b:  # a content between source and cue ("X, a spokesman, said")
                return claim.sentence[a:c] + " " + claim.sentence[max(c, d) : b]
            return claim.sentence[a:b]
    return claim.sentence.replace(claim.content, " ") if claim.content else claim.sentence


def _one_statement(claim: ClaimRecord, other: ClaimRecord) -> bool:
    """Hedged or firmed up is about one statement: one content holds most of the other's
    words ("captured 23 pirates" is not "sank a pirate mother vessel" told more firmly), in
    the same words (LaRue saying Nixon "had not been told" is not Magruder's claim that
    "Nixon knew", told less firmly)."""
    mine, theirs = claim.content, other.content
    return (
        carries(_stems(mine), numbers(mine), theirs)
        or carries(_stems(theirs), numbers(theirs), mine)
    ) and same_telling(mine, [theirs])


def _status(claim: ClaimRecord, found: Sequence[Found], shared: _Telling | None = None) -> str:
    """``drift`` before ``conflict`` before ``consistent``; ``single`` with no appearance.

    Hedging or firming counts where the claim's own speaker (or a relay of them, or the
    outlet vouching itself) is named; an independent source's own verb is its own business.
    It counts where one telling is hedged and the other not (``_hedged_apart``). Each
    appearance bears on the status by itself (``_bearing``), so the claims of one telling
    read each sentence once.
    """
    if not found:
        return "single"
    shared = shared if shared is not None else _Telling()
    if shared.strength is None:
        shared.strength = _strength(claim)
    conflict = False
    for sentence, _article, status, other in found:
        key = (sentence.id, status)
        bearing = shared.bearing.get(key)
        if bearing is None:
            bearing = shared.bearing[key] = _bearing(claim, shared.strength, status, other)
        if bearing == "drift":
            return "drift"
        conflict = conflict or bearing == "conflict"
    return "conflict" if conflict else "consistent"


def _bearing(claim: ClaimRecord, base: int, status: str, other: ClaimRecord | None) -> str:
    """What one appearance makes of the claim's status: ``drift`` where it drops the
    attribution or hedges or firms up the speaker's own words, ``conflict`` where it pins
    them on someone else, else nothing."""
    if status == "unattributed":
        return "drift"
    voiced = status in ("same_source", "relay") or (
        other is not None and other.source_type == "outlet"
    )
    if (
        voiced
        and other is not None
        and _hedged_apart(claim, base, other, _strength(other))
        and _one_statement(claim, other)
        and is_reporting_cue(claim.cue)
    ):
        return "drift"
    return "conflict" if status == "other_source" else ""


def track_all(store: Store, claim_ids: Iterable[str] | None = None, *, batch: int = 500) -> int:
    """Track every claim (or the given ones and those they appear alongside) and store
    appearances and statuses.

    Appearance is symmetric: when a new article repeats an old claim, the old claim gains an
    appearance too. So with ``claim_ids`` given, the claims of every sentence where one of
    them was found are tracked again as well, even when story grouping kept them apart.
    """
    ids = list(claim_ids) if claim_ids is not None else store.claim_ids()
    done = _track(store, ids, batch)
    if claim_ids is None:
        rebuild_clusters(store)
        return done
    sentences = appearance_sentence_ids(store, ids)
    seen = set(ids)
    others = [
        claim_id
        for found in claim_ids_in_sentences(store, sentences).values()
        for claim_id in found
        if claim_id not in seen
    ]
    done += _track(store, list(dict.fromkeys(others)), batch)
    rebuild_clusters(store)
    return done


def claims_repeated_in(store: Store, article_ids: Iterable[int], *, limit: int = 10) -> list[str]:
    """Stored claims whose content a new article's sentences may repeat.

    A copy that drops the attribution has no claim of its own to start tracking from, and it
    need not share a story with the original; so each new body sentence looks for the claims
    of the sentences it resembles, and those are tracked again. A sentence the copies of a
    story repeat is searched once (the ``limit`` best of it in every article, less each
    copy's own), and the claims of the sentences found are read a few hundred at a time.
    """
    wanted: dict[str, None] = {}
    ranked: dict[str, list[tuple[int, int]]] = {}  # sentence text -> its best (article, id)
    pending: list[int] = []

    def read(sentence_ids: list[int]) -> None:
        found = claim_ids_in_sentences(store, sentence_ids)
        for sentence_id in sentence_ids:
            wanted.update(dict.fromkeys(found.get(sentence_id, ())))

    for article_id in article_ids:
        for sentence in store.sentences(article_id):
            if sentence.kind != "body" or len(_stems(sentence.text)) < MIN_TERMS:
                continue
            best = ranked.get(sentence.text)
            if best is None:
                match = build_match(sentence.text, store, max_terms=12)
                hits = store.iter_search_sentences(match, chunk=2 * limit)
                best = [(a.id, s.id) for s, _score, a in islice(hits, 2 * limit)]
                if len(ranked) > 4096:
                    ranked.clear()
                ranked[sentence.text] = best
            hits_ids = [s for a, s in best if a != article_id][:limit]
            if len(hits_ids) < limit and len(best) == 2 * limit:
                match = build_match(sentence.text, store, max_terms=12)
                exact = store.search_sentences(match, limit=limit, exclude_article=article_id)
                hits_ids = [hit.id for hit, _score, _article in exact]
            pending += hits_ids
            if len(pending) >= 400:
                read(pending)
                pending = []
    read(pending)
    return list(wanted)


def _track(store: Store, ids: list[str], batch: int) -> int:
    done = 0
    nearby = ArticleClaims(store)
    tellings = Tellings()
    rows: dict[tuple[int, str, str], AppearanceRow] = {}
    ids = _by_statement(store, ids)
    for start in range(0, len(ids), batch):
        claims = store.claims_by_ids(ids[start : start + batch])
        results = []
        for claim in claims:
            if len(rows) > 65536:
                rows.clear()
            results.append((claim.id, _trace(store, claim, nearby, tellings)))
        done += replace_appearance_rows(
            store, ((claim_id, t.status, _rows(t, rows)) for claim_id, t in results)
        )
        replace_links(store, {claim_id: t.same for claim_id, t in results})
    return done


def _by_statement(store: Store, ids: list[str]) -> list[str]:
    """``ids`` with the claims making one statement (``Store.first_claims``) next to each
    other, where they share their readings (``Tellings``); the order is otherwise kept."""
    firsts = store.first_claims(ids)
    groups: dict[str, list[str]] = {}
    for claim_id in ids:
        groups.setdefault(firsts.get(claim_id, claim_id), []).append(claim_id)
    return [claim_id for group in groups.values() for claim_id in group]
