"""Whether a candidate sentence's own marks say it reports another event than the claim's.

Two events of one kind are told in the same words, and their reports often share the place
and the people too (two quakes on one island, two offers to one player): the article-level
readings (``events``) cannot tell those apart, and a sentence of the other event then
"contradicts" the claim with its figures. What does tell them apart is how big: two reports
of one quake give its magnitude within a few tenths of each other, and two reports of one
toll differ as it grows, not by an order of magnitude. So a candidate is read against the
claim's event: the claim's sentence with its article's title and lead, which is where a
report states its event (inverted pyramid). A candidate whose magnitude or casualty count
is far from every one of the event's is another event's: ``unrelated``, whatever else it
shares, and its figures are no conflict of the claim's. A candidate stating none stays as
it is judged.

Times were weighed too and are not used here: on ECB+ train topics 1-20 and check topics
21-35, no candidate of the other event stating a time has a claim whose article or lead
gives the event's time (undated wire copies), while 20 to 61 same-event candidates differ
by a year or more from their claim's article date or lead (a trial two years after the
shooting, a report months after a fire, "the 2012 crash" in a rehab story). The sentence's
stated times are stored (``EventMarks.times``) for the readings that weigh them with more.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass

from verifier.models import ClaimRecord, PassageFacts
from verifier.store import Store
from verifier.store.stories import article_lead_facts
from verifier.text.passage import is_casualty, sentence_facts

LEAD_SENTENCES = 2
"""Body sentences after the title that, with it, state the claim article's event."""
MAGNITUDE_APART = 0.45
"""Least difference of two magnitudes for two quakes: reports of one quake give it within
a few tenths (an agency's 5.9, another's 6.1); ECB+ train topics' two quakes of one island
differ by more. On ECB+ topics 1-35 the candidates it sets apart are all of the other
event (9 of them related before); none of the same event's."""
TOLL_APART = 10.0
"""Least ratio of two casualty counts of one kind (killed, wounded, missing) for two
events: a toll grows as it is counted (three dead, then ten), not by an order of
magnitude. On ECB+ topics 1-35 every same-event pair of tolls is within a ratio of 5; the
six candidates at 10 or more are all of the other event."""


@dataclass(frozen=True, slots=True)
class ClaimEvent:
    """The claim's event as its sentence and its article's lead state it: the magnitudes
    and the casualty counts (kind -> values) they give."""

    magnitudes: tuple[float, ...] = ()
    tolls: tuple[tuple[str, float], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.magnitudes or self.tolls)


def _magnitudes(facts: PassageFacts) -> list[float]:
    return [m.value for m in facts.measures if m.counts == "magnitude" and m.value]


def _tolls(facts: PassageFacts) -> list[tuple[str, float]]:
    return [(q.event, q.value) for q in facts.quantities if is_casualty(q) and q.value]


def read_claim_event(readings: Iterable[PassageFacts]) -> ClaimEvent:
    """The event the claim's sentence and its article's lead (``readings``) state."""
    magnitudes: list[float] = []
    tolls: list[tuple[str, float]] = []
    for facts in readings:
        magnitudes += _magnitudes(facts)
        tolls += _tolls(facts)
    return ClaimEvent(tuple(magnitudes), tuple(tolls))


def claim_event(
    store: Store,
    claim: ClaimRecord,
    leads: MutableMapping[int, tuple[PassageFacts, ...]],
) -> ClaimEvent:
    """``read_claim_event`` of a stored claim: its sentence's reading and its article's
    title and lead's stored readings (``leads`` remembers them by article: every claim of
    an article asks)."""
    lead = leads.get(claim.article_id)
    if lead is None:
        lead = leads[claim.article_id] = tuple(
            article_lead_facts(store, claim.article_id, LEAD_SENTENCES)
        )
    return read_claim_event([sentence_facts(claim.sentence), *lead])


def event_clash(event: ClaimEvent, hit: PassageFacts) -> str | None:
    """Why ``hit`` reports another event than ``event``, or None: its magnitudes are each
    ``MAGNITUDE_APART`` from every one the event gives, or its casualty counts each
    ``TOLL_APART`` times off every count of their kind the event gives."""
    if not event:
        return None
    theirs = _magnitudes(hit)
    if theirs and event.magnitudes:
        if all(abs(a - b) >= MAGNITUDE_APART for a in theirs for b in event.magnitudes):
            return "another event: its magnitude is not the claim's event's"
        return None  # one magnitude shared: one quake, whatever its counts
    pairs = [(v, w) for k, v in _tolls(hit) for j, w in event.tolls if j == k]
    if pairs and all(max(v, w) >= TOLL_APART * min(v, w) for v, w in pairs):
        return "another event: its casualty count is not the claim's event's"
    return None
