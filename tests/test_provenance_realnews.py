"""Attribution statuses on real news: the hand-labelled appearance gold.

``tests/gold/appearances.realnews.jsonl`` labels claims of a real multi-outlet desk (25 ECB+
topics of ../shared/dev/ecbplus, and PolNeAR articles of ../shared/dev/polnear that quote the
same people) with the status a fact-checker would give them, and the articles each one
really appears in. Its first line names the desk. Entries with a ``sample`` are random
samples of a whole-desk ingest's claims (predicted drifts and recurring others, mixed and
labelled by reading before their status was looked at), each scored on its own as well:
``fresh-desk-15`` (topics 14 19 21 23 27 28 31 34), ``fresh-desk-15b`` (1 5 9 10 25 30 32)
and ``fresh-desk-15c`` (claims of the older topics not labelled before). How it was labelled:

- an *appearance* is another article telling the same statement about the same event: a copy,
  a version, a relay, or a rewrite that keeps its distinctive wording. An outlet's own telling
  of the event's core fact ("a bomb killed two officers", "Felt died Thursday at his home")
  is its reporting, not an appearance of an official's words, unless it copies them (a lead
  that is the wire's attributed lead without "police confirmed"); a sentence about the other
  event of an ECB+ topic never is one; what a newspaper or "local media reports" said, told
  by another outlet in its own voice, is a media report, not a dropped attribution;
- ``conflict``: an appearance pins the same words on a different speaker (not the same person
  under another name, not a relay naming the same origin);
- ``drift``: an appearance passes a specific detail on without its source, or hedges or firms
  it up. A quotation or a cue the extractor did not resolve ("testified Armstead", "Rossi
  telling the jury", a quote whose "Trump said." follows, "..., say sources.") is attributed,
  just unread; so is a sentence that carries on the account its speaker gave the sentence
  before ("..., the California Highway Patrol said. / Williams gave a blood sample ..."), or
  runs on inside a quotation opened earlier, or speaks in the first person (a block quotation,
  a transcript), or has the speaker as its subject ("Hastings did not know why ...");
- ``consistent``: it recurs, with the same speaker or independent ones ("also said by");
- ``single``: no other article of the desk tells it.

Each entry's first appearance is the claim itself (document, the start of its sentence,
source, cue); the others name the document and how it attributes the statement there
(``same``, ``also``, ``other``, ``dropped``, ``unread``). Spurious extractions are left out.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from verifier.evaluation import normalise, token_f1
from verifier.models import ClaimRecord
from verifier.pipeline import ingest_paths
from verifier.store import Store, open_store
from verifier.store.appearances import also_said_by, appearances_of

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "appearances.realnews.jsonl"
DEV = ROOT.parent / "shared" / "dev"

pytestmark = pytest.mark.skipif(
    not (DEV / "ecbplus").is_dir() or not (DEV / "polnear").is_dir(),
    reason="../shared/dev is not beside the repo",
)


def _gold() -> tuple[dict[str, list[object]], list[dict[str, object]]]:
    lines = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    return lines[0]["desk"], lines[1:]


def _desk_files(desk: dict[str, list[object]]) -> list[Path]:
    docs = DEV / "ecbplus" / "docs"
    files = [p for t in desk["ecbplus_topics"] for p in sorted(docs.glob(f"{t}_*.md"))]
    return files + [DEV / "polnear" / str(name) for name in desk["polnear"]]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Store:
    spec, _ = _gold()
    store = open_store(tmp_path_factory.mktemp("realnews") / "desk.db")
    ingest_paths(store, _desk_files(spec))
    return store


def _claim_of(claims: list[ClaimRecord], first: dict[str, str]) -> ClaimRecord | None:
    """The gold claim among the stored ones: its document, its sentence's start, its source."""
    start = normalise(first["text"])
    here = [
        c
        for c in claims
        if c.article_name == first["doc"] and normalise(c.sentence).startswith(start)
    ]
    if not here:
        return None
    return max(here, key=lambda c: (token_f1(c.source, first["source"]), c.cue == first["cue"]))


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float
    predicted: int
    gold: int


def figures(pairs: list[tuple[str, str]], status: str) -> Figures:
    """Precision and recall of one status over (gold, predicted) pairs."""
    tp = sum(1 for g, p in pairs if g == p == status)
    predicted = sum(1 for _, p in pairs if p == status)
    gold = sum(1 for g, _ in pairs if g == status)
    precision = tp / predicted if predicted else 1.0
    return Figures(precision, tp / gold if gold else 1.0, predicted, gold)


# Gold claims a desk may leave unextracted. The gold was drawn from what one build of the
# learned tagger read, and a rebuilt model (``make model``) reads a slightly different set: an
# unread claim counts as flagged with nothing ("unread"), so a conflict or drift it holds is a
# miss, and no more than this many may be unread. The model rebuilt at 2c63e9f left 8 of 275
# unread, the one rebuilt at 3eb8ac1 (committed) 6; none a conflict or a drift. The cap is what
# the committed model measures: a rebuild that reads fewer of them shows here.
MAX_UNREAD = 6


def _status(claims: list[ClaimRecord], entry: dict[str, object]) -> str:
    """The status the desk gives a gold claim, "unread" when it was not extracted."""
    claim = _claim_of(claims, entry["appearances"][0])  # type: ignore[index]
    return "unread" if claim is None else claim.attribution_status or "single"


def scored(store: Store) -> list[tuple[str, str]]:
    _, entries = _gold()
    claims = store.claims()
    pairs = [(str(entry["status"]), _status(claims, entry)) for entry in entries]
    unread = [e["appearances"] for e, (_, p) in zip(entries, pairs, strict=True) if p == "unread"]
    assert len(unread) <= MAX_UNREAD, f"gold claims not extracted: {unread}"
    return pairs


def test_gold_is_well_formed() -> None:
    spec, entries = _gold()
    assert len(entries) >= 60
    assert all(f.exists() for f in _desk_files(spec))
    statuses = Counter(str(e["status"]) for e in entries)
    assert set(statuses) <= {"conflict", "drift", "consistent", "single"}
    assert statuses["conflict"] and statuses["drift"]
    for entry in entries:
        first, *others = entry["appearances"]  # type: ignore[misc]
        assert {"doc", "text", "source", "cue"} <= set(first)
        hows = {o["attribution"] for o in others}
        assert hows <= {"same", "also", "other", "dropped", "unread"}
        assert ("other" in hows) == (entry["status"] == "conflict")
        assert ("dropped" in hows) <= (entry["status"] == "drift")


def test_conflict_and_drift_are_trustworthy_on_real_news(desk: Store) -> None:
    """Conflict and drift each at precision >= 0.8 and recall >= 0.7 (before this gold was
    made: conflict P 0.05 R 1.00 with 38 predicted, drift P 0.09 R 1.00 with 47; on the grown
    gold of 124 claims before continuations, garbled speakers and names were read: conflict
    P 0.56 R 1.00 with 9 predicted for 5, drift P 0.68 R 1.00 with 28 predicted for 19).
    Topics 18 and 26 were labelled after those readings were written and scored unseen:
    drift P 0.54 R 1.00 (13 predicted for 7) before them, P 0.78 R 1.00 (9 for 7) after.
    The three desk samples grew it to 275 claims: before the readings of dropped
    attributions (content retold, leads, quotations across paragraphs, the first person, the
    speaker as subject, media sources, hedges) conflict P 1.00 R 1.00 (5 / 5) and drift P 0.60
    R 1.00 (122 predicted for 73); after, conflict P 1.00 R 1.00 and drift P 0.89 R 0.99 (81
    for 73); the 137 claims labelled before the samples: drift P 0.93 -> 1.00."""
    pairs = scored(desk)
    assert len(pairs) == len(_gold()[1])
    for status in ("conflict", "drift"):
        got = figures(pairs, status)
        print(f"{status}: P {got.precision:.2f} R {got.recall:.2f} ({got.predicted} / {got.gold})")
        assert got.precision >= 0.8 and got.recall >= 0.7, (status, got)


SAMPLE_FLOORS = {"fresh-desk-15": 0.8, "fresh-desk-15b": 0.6, "fresh-desk-15c": 0.85}
"""Drift precision on each desk sample, under what it measures (0.81, 0.67, 0.95). Each was
labelled before the readings it then led to were written; unseen, the first scored 0.46 (22
of 48 drifts real), the second 0.32 (6 of 19) after the first's readings, the third 0.76 (19
of 25) after the second's. Recall was 1.00 on each throughout."""


def test_each_desk_sample_on_its_own(desk: Store) -> None:
    """The samples drawn from a whole-desk ingest, scored apart from the hand-picked claims:
    the figures a fact-checker meets on a desk, not on the traps the gold was built around."""
    _, entries = _gold()
    claims = desk.claims()
    for sample, floor in SAMPLE_FLOORS.items():
        pairs = []
        for entry in entries:
            if entry.get("sample") != sample:
                continue
            pairs.append((str(entry["status"]), _status(claims, entry)))
        assert len(pairs) >= 30, sample
        got = figures(pairs, "drift")
        shown = f"P {got.precision:.2f} R {got.recall:.2f} ({got.predicted} / {got.gold})"
        print(f"{sample}: drift {shown}")
        assert got.precision >= floor and got.recall >= 0.9, (sample, got)


def test_also_said_by_counts_as_independent_support(desk: Store) -> None:
    """The same fact from an independent source is corroboration: stored as "also said by",
    never a conflict, and counted in the claim's independent support (by its evidence, or
    on top of it when the evidence missed that sentence)."""
    _, entries = _gold()
    claims = desk.claims()
    seen = 0
    for entry in entries:
        hows = [a.get("attribution") for a in entry["appearances"][1:]]  # type: ignore[index]
        if "also" not in hows:
            continue
        claim = _claim_of(claims, entry["appearances"][0])  # type: ignore[index]
        assert claim is not None and claim.attribution_status != "conflict"
        counted = {
            e.sentence_id
            for e in desk.evidence(claim.id)
            if e.independent and e.relation in ("supports", "partly_supports")
        }
        for appearance in appearances_of(desk, claim):
            if appearance.status == "also_said_by":
                seen += 1
                assert appearance.sentence_id in counted or also_said_by(desk, claim.id) > 0
                assert claim.independent_support > 0
    assert seen >= 5
