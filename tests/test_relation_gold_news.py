"""Relations on real news: a hand-labelled gold of claim -> evidence pairs from ECB+.

``tests/gold/ecbplus_relations.jsonl`` holds 274 pairs of sentences from the articles in
``../shared/dev/ecbplus`` (topics 2-35: Oscar hosts, prison escapes, deaths of stars, bank
attacks, pirates, shootings, earthquakes, climbing falls, robberies, cable cuts, murders,
trials, arrests): 177 about one event, 97 about the topic's other event. Each line:
``doc_a`` / ``text_a`` (the claim), ``doc_b`` / ``text_b`` (the evidence), the ``relation``
read by hand in the stored vocabulary, and ``event``: ``same`` when both articles report one
event, ``other`` when the evidence reports the topic's other event of the same kind (ECB+
pairs two earthquakes, two Oscar hosts, ...). They were first labelled by the short rules
below; the rule every label now follows is written out in ``tests/gold/README.md``:

* ``supports``: the evidence states the claim's main assertion (who did what, and its count
  when the claim gives one); details it leaves out (a weekday, an age) do not matter;
* ``partly_supports``: the same event, and the evidence confirms only part of it;
* ``contradicts``: the same event, and the evidence gives a different figure or account;
* ``same_report``: the same wire text republished (word for word, or near it);
* ``unrelated``: another event, whatever words or figures it shares, or background that does
  not bear on the claim.

The first 248 pairs were drawn by BM25 (the claim's gold partners, a same-event sentence, the
other event's best matches) and labelled by reading; pairs that could not be settled by
reading were left out. They held a single contradiction, so 26 same-event pairs were added
where reports of one event give figures or accounts side by side: tolls that grew (three
dead, then ten), injured counts, fall distances (60 against 150 metres), a population, the
number of cables cut, police against witnesses on whether a teenager had a gun, with the
tolls and headlines that agree and two wire texts republished. The scores are the floor the
judging must keep; the issue's targets (accuracy 0.85, contradicts precision 0.80) are the
goal.

Those 274 pairs were tuned against. So 115 more same-event pairs were drawn at random
(seeded) from what the tool itself returns on ECB+ topics 1-35 (``verifier evidence
--batch``, limit 10, one result from another article of the same topic and event per claim,
sentences up to 240 characters, none already in the gold), and labelled by reading, by the
rules above, before the tool's relation was looked at. They are marked ``"drawn": "random"``
and scored apart, in a store of their own articles. The first 70 were then looked at while
the relations changed (40/70 -> 44/70); the last 45 were drawn from other claims, labelled,
and scored once after the last change (24/45).

Then 60 more (``"batch": 3``) were drawn the same way (seed 1412, claims not yet in the gold)
from the tool's output before the relations of issue 14b changed, and labelled by reading
before the tool's relation was looked at: 30/60 (0.500) when drawn, 34/60 once a copy's own
wording was weighed as a report and the stages after an incident were read. They are a part of
the random pairs and are also printed apart.

Then 66 more (``"batch": 4``, ``"seed": 1514`` on each line) were drawn the same way from 400
claims not yet in the gold, on a desk of all 772 articles, and labelled by reading before the
tool's relation was looked at: 41/66 (0.621) on the judging before the claim's acts were read
(``text.predicates``), 39/66 (0.591) when first scored with them: the out-of-sample figure.
Reading the acts gained on the pairs it was built beside (picked 0.836 -> 0.854, random
batches 1-3 111/175 -> 118/175) and not on the unseen ones, where most errors are still
``partly_supports`` judged ``supports``: the evidence names the claim's act and leaves out a
figure or a second fact (a cause, a date, who was charged) that shared words do not show.

The batches had labelled those secondary counts and facts each its own way. So a rule was
written down (``tests/gold/README.md``: what a claim's point is, its acts and every count it
gives; what makes support partial; bounds; details) and every pair read again against it before
the judging was run: 40 labels changed, each with a ``relabel`` field saying from what and why
(four more, "at least three" / "ten" first read as no contradiction, were put back: the
project's figure conflicts and ``data/sample``'s gold read them as rival tolls). That moved
every figure below down with the labels, not with the judging (picked 0.865 -> 0.807, same
event 0.853 -> 0.763, contradicts 15/15 -> 14/15, random 157/241 -> 145/241: batch 3 37/60 ->
35/60, batch 4 39/66 -> 37/66).

Then 90 more (``"batch": 5``, ``"seed": 1620``) were drawn as batches 3 and 4 were, from 400
claims not yet in the gold, and labelled by that rule before the tool's relation was looked at:
52/90 (0.578) when first scored. Most errors, as before, are ``partly_supports`` judged
``supports`` (23 of 38).

Then 96 more (``"batch": 6``, ``"seed": 1721``) were drawn as batch 5 was (400 claims not yet
in the gold, on a desk of all 772 articles, the tool's results filtered as above), and
labelled by the written rule before the tool's relation was looked at: 61/96 (0.635) when
first scored, before any change made after it was drawn. Batch 6 is held out: the judging is
tuned on the picked pairs and batches 1-5, and batch 6 only measured, so it is scored apart
from the random pairs and has a floor of its own.

Then 96 more (``"batch": 7``, ``"seed": 1822``) were drawn as batch 6 was (400 claims not yet in
the gold, on a desk of all 772 articles ingested by the judging of 6c9b682, the tool's results
filtered as above), and labelled by the written rule, reading the articles where a sentence did
not tell the incident, before the tool's relation was looked at: 65/96 (0.677) when first
scored, with its articles beside the other random pairs' in one store (batches 1-6 unchanged by
them). Batch 7 is held out as batch 6 is, and scored apart with a floor of its own.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from verifier.corroborate import judge_passages
from verifier.corroborate.stories import group_articles
from verifier.pipeline import ingest_paths
from verifier.store import Store

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "dev" / "ecbplus" / "docs"
GOLD = ROOT / "tests" / "gold" / "ecbplus_relations.jsonl"
RELATIONS = {"supports", "partly_supports", "contradicts", "same_report", "unrelated"}

ACCURACY_FLOOR = 0.87
"""Share of the picked pairs whose relation is the gold one. Measured 0.880 (241/274) with
sums of money read as counts (a conversion the claim gives the same sum), acronyms spelled
out ("IE" / "Internet Explorer"), counts in hyphenated words, "another wounded" as one and a
headline's act named by a noun; 0.876 (240/274) with
more acts read (a coach "fired", "set on fire", "checked out", "committed suicide" as the
act a hanging states, a named host as appointed), a hedge beside the act no hedge of it,
a cause's own words asked for and "a 5.6 quake" read as a magnitude; before, 0.865 (237/274) with
support asking for every act, every count and the cause the claim gives
(``compare._acts_unstated``, ``compare._counts_unstated``, ``passage.causes``) and a place's
population read as a detail (0.858 before the cause was asked for); 0.807 (221/274) once
the gold was relabelled by its written rule (20 picked pairs changed; the judging unchanged).
Before: 0.865 (237/274) with
event identity's GROUP_HIGH at 0.45 (other-event pairs 86/97); 0.858 (235/274) with a
found body read as a report of the death and "found hanging" as a hanging; 0.854 with
the claim's acts read and support asking for one of them stated (``compare._acts_unstated``:
"detained 12 smugglers" does not state "fired on two skiffs") and "faces three counts" read as
charged; 0.836 with a story
that lumps two events of one kind split into them (``events.story_groups``); 0.814 with a copy's own
wording weighed as a report and the stages after an incident read (two labels corrected:
arrested is not charged, failing tests is not arrested); 0.810 before (0.803 before a
count of the killed and injured was read as no one toll and "unknown" as a negation, 0.799
before a report nearer another event's reports joined them; 0.777 before event identity's
profile check; 0.759 before rival counts, hedged figures and another day; 0.516 on the first
248 pairs before the relations read what a figure counts, a report's main point and negation
scope; 0.371 before event identity)."""
SAME_EVENT_FLOOR = 0.87
"""The same share over pairs about one event: what relations on real text decide. Measured
0.876 (155/177) with the sums, acronyms and headline acts of ``ACCURACY_FLOOR``; 0.870
(154/177) with the acts, hedges, causes and magnitudes of ``ACCURACY_FLOOR``; 0.853
(151/177) with every act, count and cause of the claim asked for; 0.763 (135/177) once
the gold
was relabelled by its written rule; before, 0.853 (151/177)
with a found body and "found hanging" read; 0.847 with the claim's acts
read; 0.819 with a copy's own wording weighed as a report and the stages after an incident
read;
0.814 before (0.802 before "two victims killed and injured" was read as no one toll and
"unknown" as a negation; 0.808 before a report nearer another event's reports joined them,
which split the one-sentence "Greece" report from its event; 0.774 before rival counts of one
thing, "three or four robbers" read as one hedged figure and another day read as partial;
0.477 on the first 151 before)."""
CONTRADICTS_PRECISION_FLOOR = 0.93
"""Share of pairs judged ``contradicts`` that are (random pairs included). Measured 14/14 with a
place's population read as a detail, no rival count; 14/15 once the gold was relabelled by its
written rule: an island's population is a description, not the
claim's point. Before: 15/15; 15/16 with
magnitudes a few tenths apart read as rival figures (14/15 before; 14/16 before event
identity's profile check, 12/13 before rival counts of one thing; 1/3 before)."""
RANDOM_FLOOR = 0.78
"""Share of the randomly drawn same-event pairs of batches 1-5 whose relation is the gold one.
Measured 0.785 (260/331; batches 1-2 91/115, batch 3 46/60, batch 4 51/66, batch 5 72/90) with
support asking for the ordinal, the score and the share a claim gives and the reaction it
reports (``passage.ordinals``, ``passage.scores``, ``passage.percents``, the act "react" of
``text.predicates``), each read off these batches' errors; 0.755 (250/331) once one headline in
two outlets (word for word but for case) was read as one report, a record and two small words in
a row as no copied wording, and "two counts of murder" as counting two dead; 0.746 (247/331;
batches 1-2 90/115, batch 3 43/60, batch 4 49/66, batch 5 65/90) with the sums, acronyms and
headline acts of ``ACCURACY_FLOOR``; 0.713 (236/331; batches 1-2 87/115, batch 3 42/60, batch 4
47/66, batch 5 60/90) with the acts, hedges, causes and magnitudes of ``ACCURACY_FLOOR``, read
off their errors; before, 0.677 (224/331; batches 1-2 84/115, batch 3 39/60, batch 4 45/66,
batch 5 56/90) once batch 6's articles joined the store (a story grouped with more reports);
before, 0.680 (225/331; batches 1-2 85/115, batch 3 39/60, batch 4 45/66, batch 5 56/90) with
every act, count and cause of the claim asked for (batch 5 52/90 -> 56/90, not looked at while
the acts and counts were made; 55/90 when the cause was first asked for, 56/90 once "the
following decade" was no cause: the one fix seen on batch 5); 0.595 (197/331) with batch 5 (90
pairs, seed 1620, labelled by the written rule before the judging was seen: 52/90, 0.578, the
unseen figure); 0.602 (145/241; batches 1-2 73/115, batch 3 35/60, batch 4 37/66) once the gold
was relabelled by its written rule (20 random pairs changed). Before: 0.651 (157/241; batches
1-2 81/115, batch 3 37/60, batch 4 39/66, unseen) with the claim's acts read; before them 0.631
(152/241; batch 4 41/66) and 0.634 (111/175; batch 3 34/60) with magnitudes a few tenths apart
read as rival figures; 0.629 (110/175) with a copy's own wording weighed as a report and the
stages after an incident (arrest, charge, trial, sentence, reward) read; 0.560 (98/175) once
batch 3 (30/60) was drawn; before it 0.600 (69/115; 68/115 before a report nearer another
event's reports joined them): the first 70 scored 40/70 when drawn and 44/70 once allegations
and suspicions read as not yet a fact and labels and scores as no counts; the 45 held out 24/45.
Most errors are ``supports`` for a claim whose evidence states its event but not its point (a
hearing, a reward, who was charged), which shared words do not tell."""
HELD_OUT_BATCH = 6
LATEST_BATCH = 7
HELD_OUT_FLOOR = 0.65
"""Share of the held-out batch 6 (96 pairs, seed 1721) whose relation is the gold one: measured
63/96 (0.656) with the ordinals, scores, shares and reactions of ``RANDOM_FLOOR`` (unchanged by
them); 63/96 (0.656) with the sums, acronyms and headline acts of ``ACCURACY_FLOOR``; 62/96 (0.646)
with the acts, hedges, causes and magnitudes of ``ACCURACY_FLOOR`` (made on
batches 1-5 and the picked pairs, batch 6 not looked at); 61/96 (0.635) when first scored,
with its articles beside batches 1-5's in one store (which moved batches 1-5 from 225/331 to
224/331: a story grouped with more reports)."""
LATEST_FLOOR = 0.66
"""Share of the held-out batch 7 (96 pairs, seed 1822) whose relation is the gold one: measured
64/96 (0.667) with the ordinals, scores, shares and reactions of ``RANDOM_FLOOR`` (made on
batches 1-5 and the picked pairs, batch 7 not looked at: the gain there did not carry over);
65/96 (0.677) when first scored, before any change made after it was drawn."""
OTHER_EVENT_FLOOR = 0.86
"""Share of the gold's other-event pairs judged ``unrelated``: another event's report told
apart from the claim's in one story too (``events.event_reading_others``). Measured 84/97
(0.866) with a story that lumps two events split into them (``events.story_groups``); 78/97
(0.804) with a report nearer the reports told apart joining them (``events.OTHER_GROUP``);
76/97 with the profile check (``events.PROFILE_SAME``) and ``EVENT_SHARE`` 0.55, 71/97
before it, 56/97 with the name sketch outside the claim's story only."""


def _gold() -> list[dict[str, str]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def test_the_gold_is_well_formed() -> None:
    gold = _gold()
    assert len(gold) >= 200
    assert {g["relation"] for g in gold} <= RELATIONS
    assert {g["event"] for g in gold} == {"same", "other"}
    assert {g.get("drawn", "picked") for g in gold} == {"picked", "random"}
    assert all(g["event"] == "same" for g in gold if g.get("drawn") == "random")
    # Another event is never evidence, whatever it shares.
    assert all(g["relation"] == "unrelated" for g in gold if g["event"] == "other")
    assert len({(g["doc_a"], g["text_a"], g["doc_b"], g["text_b"]) for g in gold}) == len(gold)
    assert all(len(g["text_a"]) <= 240 and len(g["text_b"]) <= 240 for g in gold)


def _drawn(g: dict[str, str]) -> bool:
    return g.get("drawn") == "random"


def _store(tmp_path_factory: pytest.TempPathFactory, pairs: list[dict[str, str]]) -> Store:
    """A store of the articles ``pairs`` quote, grouped into stories."""
    if not DOCS.is_dir():
        pytest.skip("../shared/dev/ecbplus is not available")
    names = sorted({g[k] for g in pairs for k in ("doc_a", "doc_b")})
    store = Store(tmp_path_factory.mktemp("ecbplus") / "v.db")
    ingest_paths(store, [DOCS / n for n in names], corroborate=False)
    group_articles(store, [a.id for a in store.articles()])
    return store


@pytest.fixture(scope="module")
def news_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The picked pairs' articles alone: which reports share a story, and so what event
    identity decides, depends on the articles beside them."""
    with _store(tmp_path_factory, [g for g in _gold() if not _drawn(g)]) as store:
        yield store


@pytest.fixture(scope="module")
def drawn_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with _store(tmp_path_factory, [g for g in _gold() if _drawn(g)]) as store:
        yield store


def _scores(store: Store, drawn: Store) -> dict[str, Counter[tuple[str, str]]]:
    """The confusion of gold and judged relations, for same-event and other-event pairs, and
    apart for the randomly drawn ones (each in its own store)."""
    confusion: dict[str, Counter[tuple[str, str]]] = {
        "same": Counter(),
        "other": Counter(),
        "random": Counter(),
        "random batch 3": Counter(),
        "random batch 4": Counter(),
        "random batch 5": Counter(),
        "held out batch 6": Counter(),
        "held out batch 7": Counter(),
    }
    for g in _gold():
        where = drawn if _drawn(g) else store
        judgement = judge_passages(where, g["doc_a"], g["text_a"], g["doc_b"], g["text_b"])
        if g.get("batch") in (HELD_OUT_BATCH, LATEST_BATCH):
            confusion[f"held out batch {g['batch']}"][g["relation"], judgement.relation] += 1
            continue
        part = "random" if _drawn(g) else g["event"]
        confusion[part][g["relation"], judgement.relation] += 1
        if g.get("batch") in (3, 4, 5):
            confusion[f"random batch {g['batch']}"][g["relation"], judgement.relation] += 1
    return confusion


def _accuracy(confusion: Counter[tuple[str, str]]) -> float:
    right = sum(n for (want, got), n in confusion.items() if want == got)
    return right / max(1, sum(confusion.values()))


def test_relations_on_real_news_keep_their_floor(news_store: Store, drawn_store: Store) -> None:
    split = _scores(news_store, drawn_store)
    confusion = split["same"] + split["other"]  # the floors below are on the picked pairs
    every = confusion + split["random"]  # batches 3-5 are a part of the random pairs
    said = sum(n for (_, got), n in every.items() if got == "contradicts")
    right = every["contradicts", "contradicts"]
    for name, part in split.items():
        print(f"{name} pairs: accuracy {_accuracy(part):.3f}", sorted(part.items()))
    held, latest = split["held out batch 6"], split["held out batch 7"]
    said_all = said + sum(n for (_, got), n in (held + latest).items() if got == "contradicts")
    right_all = right + (held + latest)["contradicts", "contradicts"]
    print(f"relation gold: accuracy {_accuracy(confusion):.3f}, contradicts {right}/{said}")
    print(f"contradicts with the held-out batches: {right_all}/{said_all}")
    assert _accuracy(confusion) >= ACCURACY_FLOOR, sorted(confusion.items())
    assert _accuracy(split["same"]) >= SAME_EVENT_FLOOR, sorted(split["same"].items())
    assert right >= CONTRADICTS_PRECISION_FLOOR * said, sorted(every.items())
    other = split["other"]
    assert other["unrelated", "unrelated"] >= OTHER_EVENT_FLOOR * sum(other.values()), sorted(
        other.items()
    )
    assert _accuracy(split["random"]) >= RANDOM_FLOOR, sorted(split["random"].items())
    assert _accuracy(held) >= HELD_OUT_FLOOR, sorted(held.items())
    assert _accuracy(latest) >= LATEST_FLOOR, sorted(latest.items())
