"""Domain records shared by every stage of the pipeline.

They live in one module so that ingest, text, corroborate, store, export and the TUI agree on
one vocabulary without importing each other. Every record is a plain frozen dataclass: cheap to
build, hashable, and safe to pass between threads (the TUI hands them from workers to widgets).
Character offsets always point into ``Document.text`` exactly as stored, so a claim can be shown
highlighted in its article years later without re-running any NLP.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

UnitKind = Literal["body", "headline", "caption", "dateline", "byline", "boilerplate"]
UNIT_KINDS: tuple[UnitKind, ...] = (
    "body",
    "headline",
    "caption",
    "dateline",
    "byline",
    "boilerplate",
)

SourceType = Literal[
    "state_media",
    "government",
    "armed_group",
    "ngo",
    "intl_org",
    "anonymous",
    "eyewitness",
    "visual",
    "media",
    "outlet",
    "unknown",
]
SOURCE_TYPES: tuple[SourceType, ...] = (
    "state_media",
    "government",
    "armed_group",
    "ngo",
    "intl_org",
    "anonymous",
    "eyewitness",
    "visual",
    "media",
    "outlet",
    "unknown",
)

Stance = Literal["asserts", "denies", "accuses", "calls_for"]
STANCES: tuple[Stance, ...] = ("asserts", "denies", "accuses", "calls_for")

QuoteKind = Literal["direct", "partial", "indirect"]

# What a cue reports (text.kinds): a statement made, a document's finding, a position taken, or a
# state of mind, which a fact-checker rarely checks first.
AttributionKind = Literal["speech", "document", "position", "belief"]
ATTRIBUTION_KINDS: tuple[AttributionKind, ...] = ("speech", "document", "position", "belief")
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "partial", "indirect")


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into a document's stored text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return max(0, self.end - self.start)


@dataclass(frozen=True, slots=True)
class Document:
    """One article as ingest hands it on: text plus whatever metadata the file revealed.

    ``name`` is what a fact-checker recognises (the file name, or ``file.jsonl#3`` for the
    fourth record of a JSONL file); ``content_hash`` is what makes ingest idempotent.
    """

    name: str
    text: str
    content_hash: str
    path: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime when known
    byline: str | None = None
    fmt: str = "txt"
    # Where it was read: the resolved file path (``#N`` for a record of a many-article file)
    # or the URL asked for. The same text from another source is stored again (a verbatim
    # copy); from the same source it is skipped.
    source: str = ""
    fetched_at: str | None = None  # when a page was fetched from ``url`` (ISO, UTC)


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence-sized piece of an article with its role on the page.

    Only ``body`` units carry claims; the label lets later stages skip headlines, captions,
    datelines, bylines and footers without guessing again.
    """

    index: int  # position among the document's units
    paragraph: int  # index of the paragraph it sits in
    kind: UnitKind
    span: Span
    text: str
    facts: PassageFacts | None = None  # body units: what the sentence states, read once


# --- Claim facts -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in a claim, with what it counts and the event it goes with.

    ``value`` is the figure as stated ("at least 15" -> 15; None for a range or a vague
    "dozens"); ``low``/``high`` are the bounds the wording implies (None = unbounded), so two
    reports can be compared without re-reading the text: "at least 15" and "more than 300,000"
    give only a ``low``, "up to 300" only a ``high``, a range both. ``qualifier`` keeps the
    words ("at least"); ``approx`` marks hedged figures ("about", "nearly", "dozens").
    ``span`` points into the document text, like every other span.
    """

    text: str
    span: Span
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = ""
    approx: bool = False
    counts: str = ""  # the noun it counts: "civilians", "people"
    event: str = ""  # the event it goes with: "killed", "injured", ...

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "span": [self.span.start, self.span.end],
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "approx": self.approx,
            "counts": self.counts,
            "event": self.event,
        }

    @staticmethod
    def from_json(data: dict[str, object]) -> Quantity:
        return Quantity(
            text=str(data.get("text", "")),
            span=_span_from_json(data.get("span")),
            value=_float_or_none(data.get("value")),
            low=_float_or_none(data.get("low")),
            high=_float_or_none(data.get("high")),
            qualifier=str(data.get("qualifier") or ""),
            approx=bool(data.get("approx")),
            counts=str(data.get("counts") or ""),
            event=str(data.get("event") or ""),
        )


@dataclass(frozen=True, slots=True)
class ClaimDate:
    """A date mentioned in a claim, resolved against the article's publication date.

    ``date`` is ISO 8601 at the precision the text gives: ``2024-11-28`` (day), ``2024-W47``
    (week), ``2024-11`` (month) or ``2024`` (year); empty when it cannot be resolved (a
    weekday in an article with no date).
    """

    text: str
    span: Span
    date: str
    precision: str = "day"  # day | week | month | year

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "span": [self.span.start, self.span.end],
            "date": self.date,
            "precision": self.precision,
        }

    @staticmethod
    def from_json(data: dict[str, object]) -> ClaimDate:
        return ClaimDate(
            text=str(data.get("text", "")),
            span=_span_from_json(data.get("span")),
            date=str(data.get("date") or ""),
            precision=str(data.get("precision") or "day"),
        )


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What a fact-checker scans a claim for: a short gist, its figures, events, places, dates.

    Stored as JSON in ``claims.facts`` so the TUI, exports and later stages read them without
    re-running any NLP; ``from_json`` accepts that JSON (str or dict) back.
    """

    gist: str = ""
    quantities: tuple[Quantity, ...] = ()
    events: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    dates: tuple[ClaimDate, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "gist": self.gist,
            "quantities": [q.to_json() for q in self.quantities],
            "events": list(self.events),
            "places": list(self.places),
            "dates": [d.to_json() for d in self.dates],
        }

    @staticmethod
    def read(stored: str | None) -> ClaimFacts:
        """The facts stored with a claim; none when there are none or they cannot be read (they
        come from another stage, and a bad value must not stop the review queue)."""
        try:
            return ClaimFacts.from_json(stored or "")
        except (ValueError, TypeError, AttributeError):
            return ClaimFacts()

    @staticmethod
    def from_json(data: str | dict[str, object]) -> ClaimFacts:
        """Rebuild facts from stored JSON; raises ValueError on anything that is not facts."""
        if isinstance(data, str):
            try:
                data = json.loads(data) if data.strip() else {}
            except json.JSONDecodeError as exc:
                raise ValueError(f"facts JSON is malformed: {exc}") from None
        if not isinstance(data, dict):
            raise ValueError("facts JSON is not an object")
        quantities = data.get("quantities") or []
        dates = data.get("dates") or []
        events = data.get("events") or []
        places = data.get("places") or []
        if not all(isinstance(v, list) for v in (quantities, dates, events, places)):
            raise ValueError("facts JSON: quantities, events, places and dates must be lists")
        assert isinstance(quantities, list) and isinstance(dates, list)  # for mypy
        assert isinstance(events, list) and isinstance(places, list)
        return ClaimFacts(
            gist=str(data.get("gist") or ""),
            quantities=tuple(Quantity.from_json(q) for q in quantities if isinstance(q, dict)),
            events=tuple(e for e in events if isinstance(e, str)),
            places=tuple(p for p in places if isinstance(p, str)),
            dates=tuple(ClaimDate.from_json(d) for d in dates if isinstance(d, dict)),
        )


def _span_from_json(value: object) -> Span:
    if isinstance(value, list | tuple) and len(value) == 2:
        try:
            return Span(int(value[0]), int(value[1]))
        except (TypeError, ValueError):
            pass
    return Span(0, 0)


def _float_or_none(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True, slots=True)
class EventMarks:
    """What ties one sentence to an event, read once at ingest (``text.events.read_marks``).

    ``names`` are the names and figures it uses, folded as an article's event reading folds
    them (``text.events.read_event``: "bireuen", "#6.1", "#2009"); spelling variants are
    matched when two are compared, since which spelling is the variant is only known against
    the other. ``times`` are the dates it states, resolved against its article's date at the
    precision stated: ``2009-03-10`` (day), ``2009-W11`` (week), ``2009-03`` (month), ``2009``
    (year); a weekday in an article with no date stays out (``PassageFacts.days`` has it).
    """

    names: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, list[str]]:
        return {"names": sorted(self.names), "times": sorted(self.times)}

    @staticmethod
    def from_json(data: object) -> EventMarks:
        """Rebuild stored marks; raises ValueError on anything that is not marks."""
        if not isinstance(data, dict):
            raise ValueError("event marks JSON is not an object")
        names, times = data.get("names") or [], data.get("times") or []
        if not isinstance(names, list) or not isinstance(times, list):
            raise ValueError("event marks JSON: names and times must be lists")
        return EventMarks(frozenset(str(n) for n in names), frozenset(str(t) for t in times))


def _listed(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("passage facts JSON: a conversion must be a list of indexes")
    return value


@dataclass(frozen=True, slots=True)
class Cause:
    """A cause or reason a passage gives for what it says happened ("died of heart
    failure"): ``text`` as a reason names it, ``stems`` the word stems of its own that
    evidence must name one of to give it (the cause's words the rest of the passage does not
    also use, or all of them when it does)."""

    text: str
    stems: frozenset[str]

    def to_json(self) -> list[object]:
        return [self.text, sorted(self.stems)]

    @staticmethod
    def from_json(data: object) -> Cause:
        """Rebuild a stored cause; raises ValueError on anything that is not one."""
        if not (isinstance(data, list) and len(data) == 2 and isinstance(data[1], list)):
            raise ValueError("passage facts JSON: a cause must be [text, [stems]]")
        return Cause(str(data[0]), frozenset(str(s) for s in data[1]))


@dataclass(frozen=True, slots=True)
class PassageFacts:
    """What one passage states, as far as comparing it with a claim needs (``text.passage``).

    Read once per body sentence at ingest and stored as JSON in ``sentences.facts``, so
    corroboration weighs evidence without reading its sentences again. ``quantities`` are
    figures with the noun they count and the event they go with ("4 people killed");
    ``measures`` are spans, distances and magnitudes ("ten minutes", "5.9 magnitude"), with
    their unit as ``counts``: never a count, but two reports of one event may differ on them.
    """

    quantities: tuple[Quantity, ...] = ()
    measures: tuple[Quantity, ...] = ()
    places: frozenset[str] = frozenset()  # lowercased tokens of place names
    sites: frozenset[str] = frozenset()  # kinds of site: hospital, market, ...
    days: frozenset[str] = frozenset()  # weekdays and "13 march"-style dates
    incidents: frozenset[str] = frozenset()  # kinds of incident named: flood, crash, ...
    negates: frozenset[str] = frozenset()  # words a negation applies to: "no militants"
    denied: frozenset[str] = frozenset()  # words of what is denied: "denies arson"
    stages: frozenset[str] = frozenset()  # what followed an incident: "charged", "trial"
    predicates: frozenset[str] = frozenset()  # acts its verbs state: "kill", "not arrest"
    acts: frozenset[str] = frozenset()  # acts it names, by verb or noun ("the blast")
    separate: bool = False  # "in a separate incident", "Elsewhere, ...": another event
    denies: bool = False
    accuses: bool = False
    caveat: bool = False  # the outlet could not verify something
    gains_control: bool = False
    retains_control: bool = False
    negated: bool = False
    mentions_figure: bool = False  # "the toll", "the figure": speaks of a count without one
    tentative: bool = False  # "in negotiations to", "is expected to": not yet a fact
    # What comparing it with another passage asks of its wording, read with the rest so no
    # comparison reads the text again: the acronyms it writes ("VX"); the initial of each
    # word it writes, lowercase, uppercase for a word an acronym skips ("of", "the", "and",
    # "for"), so "University of East Lisle" is "uOel" and spells out UEL; the causes it
    # gives; its sums of money given in several currencies side by side, as groups of
    # indexes into ``quantities``; the counts its words give ("a double murder": 2); whether
    # it is written as a headline (short, or set in capitals); whether it names a killing as
    # a court counts it ("two counts of murder").
    acronyms: frozenset[str] = frozenset()
    initials: str = ""
    causes: tuple[Cause, ...] = ()
    conversions: tuple[tuple[int, ...], ...] = ()
    multiples: frozenset[float] = frozenset()
    headline: bool = False
    names_killing: bool = False
    # The ordinals it counts its event with ("the fourth manager sacked this season"): 5.
    ordinals: frozenset[int] = frozenset()
    # Its scores and records, the higher first ("3-1"), and the shares it gives (61.0 for
    # "61 per cent").
    scores: frozenset[str] = frozenset()
    percents: frozenset[float] = frozenset()
    # Its event marks, read at ingest with its article's date; None when not read (a
    # reading made at query time, or stored before marks were).
    marks: EventMarks | None = None

    _SETS = (
        "places",
        "sites",
        "days",
        "incidents",
        "negates",
        "denied",
        "stages",
        "predicates",
        "acts",
    )
    _FLAGS = (
        "separate",
        "denies",
        "accuses",
        "caveat",
        "gains_control",
        "retains_control",
        "negated",
        "mentions_figure",
        "tentative",
    )

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"quantities": [q.to_json() for q in self.quantities]}
        if self.measures:
            out["measures"] = [q.to_json() for q in self.measures]
        out.update({name: sorted(getattr(self, name)) for name in self._SETS})
        out.update({name: getattr(self, name) for name in self._FLAGS})
        # Written only when there is something to write: most sentences give no cause.
        if self.acronyms:
            out["acronyms"] = sorted(self.acronyms)
        if self.initials:
            out["initials"] = self.initials
        if self.causes:
            out["causes"] = [c.to_json() for c in self.causes]
        if self.conversions:
            out["conversions"] = [list(g) for g in self.conversions]
        if self.multiples:
            out["multiples"] = sorted(self.multiples)
        if self.headline:
            out["headline"] = True
        if self.names_killing:
            out["names_killing"] = True
        if self.ordinals:
            out["ordinals"] = sorted(self.ordinals)
        if self.scores:
            out["scores"] = sorted(self.scores)
        if self.percents:
            out["percents"] = sorted(self.percents)
        if self.marks is not None:
            out["marks"] = self.marks.to_json()
        return out

    @staticmethod
    def from_json(data: str | dict[str, object]) -> PassageFacts:
        """Rebuild stored facts; raises ValueError on anything that is not passage facts."""
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as exc:
                raise ValueError(f"passage facts JSON is malformed: {exc}") from None
        if not isinstance(data, dict):
            raise ValueError("passage facts JSON is not an object")
        quantities = data.get("quantities") or []
        measures = data.get("measures") or []
        if not isinstance(quantities, list) or not isinstance(measures, list):
            raise ValueError("passage facts JSON: quantities and measures must be lists")
        sets: dict[str, frozenset[str]] = {}
        for name in PassageFacts._SETS:
            value = data.get(name) or []
            if not isinstance(value, list):
                raise ValueError(f"passage facts JSON: {name} must be a list")
            sets[name] = frozenset(str(v) for v in value)
        lists: dict[str, list[Any]] = {}
        for name in (
            "causes",
            "conversions",
            "multiples",
            "acronyms",
            "ordinals",
            "scores",
            "percents",
        ):
            value = data.get(name) or []
            if not isinstance(value, list):
                raise ValueError(f"passage facts JSON: {name} must be a list")
            lists[name] = value
        try:
            groups = tuple(tuple(int(i) for i in _listed(g)) for g in lists["conversions"])
            counted = frozenset(float(m) for m in lists["multiples"])
            ranks = frozenset(int(n) for n in lists["ordinals"])
            shares = frozenset(float(n) for n in lists["percents"])
        except (TypeError, ValueError):
            raise ValueError("passage facts JSON: conversions and multiples are numbers") from None
        causes, acronyms = lists["causes"], lists["acronyms"]
        return PassageFacts(
            quantities=tuple(Quantity.from_json(q) for q in quantities if isinstance(q, dict)),
            measures=tuple(Quantity.from_json(q) for q in measures if isinstance(q, dict)),
            places=sets["places"],
            sites=sets["sites"],
            days=sets["days"],
            incidents=sets["incidents"],
            negates=sets["negates"],
            denied=sets["denied"],
            stages=sets["stages"],
            predicates=sets["predicates"],
            acts=sets["acts"],
            separate=bool(data.get("separate")),
            denies=bool(data.get("denies")),
            accuses=bool(data.get("accuses")),
            caveat=bool(data.get("caveat")),
            gains_control=bool(data.get("gains_control")),
            retains_control=bool(data.get("retains_control")),
            negated=bool(data.get("negated")),
            mentions_figure=bool(data.get("mentions_figure")),
            tentative=bool(data.get("tentative")),
            acronyms=frozenset(str(a) for a in acronyms),
            initials=str(data.get("initials") or ""),
            causes=tuple(Cause.from_json(c) for c in causes),
            conversions=groups,
            multiples=counted,
            headline=bool(data.get("headline")),
            names_killing=bool(data.get("names_killing")),
            ordinals=ranks,
            scores=frozenset(str(v) for v in lists["scores"]),
            percents=shares,
            marks=EventMarks.from_json(data["marks"]) if "marks" in data else None,
        )


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed claim: *content* said by *source*, signalled by *cue*.

    Spans point into the document text; the string fields repeat what the spans cover so that
    records stay readable in JSONL and tests. ``sentence_index`` is the unit holding the cue.
    ``resolved_source`` is the named source a pronoun or description ("he", "the group")
    stands for, or the source itself when it is already named.
    """

    doc: str
    sentence_index: int
    sentence: str
    sentence_span: Span
    source: str
    source_span: Span
    cue: str
    cue_span: Span
    content: str
    content_span: Span
    source_type: SourceType = "unknown"
    stance: Stance = "asserts"
    quote: QuoteKind = "indirect"
    resolved_source: str = ""
    hedges: tuple[str, ...] = ()
    canonical_source: str = ""  # the name that groups this source across articles ("SANA")
    facts: ClaimFacts | None = None  # gist, figures, events, places, dates (text.facts)
    kind: AttributionKind = "speech"

    def to_json(self) -> dict[str, object]:
        """The extraction record in the field names of the shared gold and scorer."""
        return {
            "doc": self.doc,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "source": self.source,
            "cue": self.cue,
            "content": self.content,
            "source_type": self.source_type,
            "stance": self.stance,
            "quote": self.quote,
            "kind": self.kind,
            "resolved_source": self.resolved_source or self.source,
            "hedges": list(self.hedges),
            "canonical_source": self.canonical_source or self.resolved_source or self.source,
            "sentence_span": [self.sentence_span.start, self.sentence_span.end],
            "source_span": [self.source_span.start, self.source_span.end],
            "cue_span": [self.cue_span.start, self.cue_span.end],
            "content_span": [self.content_span.start, self.content_span.end],
            "gist": self.facts.gist if self.facts else "",
            "facts": self.facts.to_json() if self.facts else None,
        }


@dataclass(frozen=True, slots=True)
class AnalysedDocument:
    """A document with the output of the ``text`` stage, ready for the store."""

    document: Document
    units: tuple[Unit, ...]
    attributions: tuple[Attribution, ...]
    paragraphs: tuple[Span, ...] = field(default=())


# --- Verdicts ---------------------------------------------------------------------------------

RATINGS: dict[int, str] = {
    1: "supported",
    2: "partly supported",
    3: "unproven",
    4: "disputed",
    5: "false",
    6: "not checkable",
}
"""Rating keys 1-6 and their names, shared by the TUI keys, the CLI and every export."""

RATING_HELP: dict[int, str] = {
    1: "independent sources confirm it",
    2: "confirmed in part, or with caveats",
    3: "not independently verified",
    4: "credible sources contradict it",
    5: "shown to be wrong",
    6: "opinion, call or prediction",
}


def parse_rating(value: str | int) -> int:
    """Accept ``3``, ``"3"`` or ``"unproven"`` (any case, ``_``/``-`` for spaces)."""
    text = str(value).strip().lower().replace("_", " ").replace("-", " ")
    if text.isdigit() and int(text) in RATINGS:
        return int(text)
    for key, name in RATINGS.items():
        if name == text:
            return key
    names = ", ".join(f"{k} {v}" for k, v in RATINGS.items())
    raise ValueError(f"unknown rating {value!r}: use one of {names}")


# --- Store records --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """An article as stored; ``text`` is only loaded when asked for (it can be large)."""

    id: int
    name: str
    content_hash: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    byline: str | None
    fmt: str
    ingested_at: str
    text: str = ""
    story_id: int | None = None
    version_of: int | None = None
    copy_of: int | None = None
    copy_kind: str | None = None
    verbatim_of: int | None = None  # the first stored article with exactly this text
    source: str | None = None
    fetched_at: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceRecord:
    id: int
    article_id: int
    index: int
    paragraph: int
    kind: UnitKind
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """An attribution as stored, with enough denormalised context to list it without joins."""

    id: str
    article_id: int
    article_name: str
    outlet: str | None
    published: str | None
    sentence_id: int
    position: int  # order of the claim within its article
    sentence: str
    source: str
    resolved_source: str
    canonical_source: str
    source_type: SourceType
    cue: str
    content: str
    stance: Stance
    quote: QuoteKind
    hedges: tuple[str, ...]
    sentence_span: Span
    source_span: Span
    cue_span: Span
    content_span: Span
    rating: int | None = None
    note: str | None = None
    evidence_count: int = 0
    gist: str = ""
    facts: str = ""  # JSON written by the text stage's fact extraction
    priority: float = 0.0
    independent_support: int = 0
    independent_contradict: int = 0
    attribution_status: str | None = None
    status: str = "active"  # active | orphaned
    text_changed: bool = False
    attribution_check: str | None = None
    source_grade: str | None = None
    recheck_date: str | None = None
    verdict_at: str | None = None  # when the verdict last changed: the stale-write check
    # Its claim cluster, when it is the cluster's first appearance (store.clusters): how many
    # claims (copies, versions, relays of the statement) and outlets the queue row stands for.
    cluster_size: int = 1
    cluster_outlets: int = 1
    kind: AttributionKind = "speech"  # speech / document / position / belief (text.kinds)


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    """A sentence elsewhere in the corpus that bears on a claim, and how strongly."""

    claim_id: str
    sentence_id: int
    article_id: int
    article_name: str
    outlet: str | None
    published: str | None
    sentence: str
    score: float
    rank: int
    relation: str = "related"
    independent: bool | None = None
    reasons: tuple[str, ...] = ()
    title: str | None = None  # the evidence article's title: how a reader knows it


ATTRIBUTION_CHECKS: tuple[str, ...] = ("confirmed", "misattributed", "unclear")
"""Did the source really say it? Cycled by the TUI's ``a`` key."""

SOURCE_GRADES: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
"""The Admiralty (NATO) source-reliability scale."""

EVIDENCE_MARKS: tuple[str, ...] = ("supports", "contradicts")

VERDICT_FIELDS: tuple[str, ...] = (
    "rating",
    "note",
    "attribution_check",
    "source_grade",
    "recheck_date",
)
"""Every field of a verdict that a reviewer sets; each change is one history event."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The current verdict on a claim, derived from its events in the same transaction."""

    claim_id: str
    rating: int | None
    note: str | None
    reviewer: str | None
    session_id: int | None
    updated_at: str | None
    attribution_check: str | None = None
    source_grade: str | None = None
    recheck_date: str | None = None


@dataclass(frozen=True, slots=True)
class VerdictEvent:
    id: int
    claim_id: str
    field: str
    old: str | None
    new: str | None
    reviewer: str | None
    session_id: int | None
    at: str
    note: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "claim_id": self.claim_id,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "reviewer": self.reviewer,
            "session_id": self.session_id,
            "at": self.at,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class ReviewSession:
    id: int
    reviewer: str
    started_at: str
    ended_at: str | None
    rated: int = 0
