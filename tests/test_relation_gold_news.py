"""Relations on real news: a hand-labelled gold of claim -> evidence pairs from ECB+.

``tests/gold/ecbplus_relations.jsonl`` holds 248 pairs of sentences from the articles in
``../shared/dev/ecbplus`` (topics 2-35: Oscar hosts, prison escapes, deaths of stars, bank
attacks, pirates, shootings, earthquakes, robberies, cable cuts, murders, trials, arrests).
Each line: ``doc_a`` / ``text_a`` (the claim), ``doc_b`` / ``text_b`` (the evidence), the
``relation`` read by hand in the stored vocabulary, and ``event``: ``same`` when both
articles report one event, ``other`` when the evidence reports the topic's other event of
the same kind (ECB+ pairs two earthquakes, two Oscar hosts, ...). How they were labelled:

* ``supports``: the evidence states the claim's main assertion (who did what, and its count
  when the claim gives one); details it leaves out (a weekday, an age) do not matter;
* ``partly_supports``: the same event, and the evidence confirms only part of it;
* ``contradicts``: the same event, and the evidence gives a different figure or account;
* ``same_report``: the same wire text republished (word for word, or near it);
* ``unrelated``: another event, whatever words or figures it shares, or background that does
  not bear on the claim.

Pairs were drawn by BM25 (the claim's gold partners, a same-event sentence, the other event's
best matches) and labelled by reading; pairs that could not be settled by reading were left
out. The scores are the floor the judging must keep; the issue's targets (accuracy 0.85,
contradicts precision 0.80) are above them.
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

ACCURACY_FLOOR = 0.51
"""Share of pairs whose relation is the gold one. Measured 0.516; 0.371 before event
identity, 0.524 before ages and distances stopped counting as tolls (which took contradicts
precision from 1/5 to 1/3)."""


def _gold() -> list[dict[str, str]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def test_the_gold_is_well_formed() -> None:
    gold = _gold()
    assert len(gold) >= 200
    assert {g["relation"] for g in gold} <= RELATIONS
    assert {g["event"] for g in gold} == {"same", "other"}
    # Another event is never evidence, whatever it shares.
    assert all(g["relation"] == "unrelated" for g in gold if g["event"] == "other")
    assert len({(g["doc_a"], g["text_a"], g["doc_b"], g["text_b"]) for g in gold}) == len(gold)
    assert all(len(g["text_a"]) <= 240 and len(g["text_b"]) <= 240 for g in gold)


@pytest.fixture(scope="module")
def news_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    if not DOCS.is_dir():
        pytest.skip("../shared/dev/ecbplus is not available")
    names = sorted({g[k] for g in _gold() for k in ("doc_a", "doc_b")})
    with Store(tmp_path_factory.mktemp("ecbplus") / "v.db") as store:
        ingest_paths(store, [DOCS / n for n in names], corroborate=False)
        group_articles(store, [a.id for a in store.articles()])
        yield store


def _scores(store: Store) -> tuple[float, Counter[tuple[str, str]]]:
    confusion: Counter[tuple[str, str]] = Counter()
    for g in _gold():
        judgement = judge_passages(store, g["doc_a"], g["text_a"], g["doc_b"], g["text_b"])
        confusion[g["relation"], judgement.relation] += 1
    right = sum(n for (want, got), n in confusion.items() if want == got)
    return right / sum(confusion.values()), confusion


def test_relations_on_real_news_keep_their_floor(news_store: Store) -> None:
    accuracy, confusion = _scores(news_store)
    said = sum(n for (_, got), n in confusion.items() if got == "contradicts")
    right = confusion["contradicts", "contradicts"]
    print(f"relation gold: accuracy {accuracy:.3f}, contradicts {right}/{said}")
    assert accuracy >= ACCURACY_FLOOR, sorted(confusion.items())
