"""Attribution quality on real news: PolNeAR's dev split, when ../shared is beside the repo.

One extraction of the 84 dev articles per session (rules and learned tagger, no claim facts:
what the scorer reads), shared by every assertion. The floors are what the extractor reaches
today, so a change that loses real-news quality fails the build; issue 12's targets (content F1
0.75, source 0.70, cue 0.70) are above them and are printed beside the figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from verifier.evaluation import Scores, read_jsonl, recall_by_kind, score
from verifier.ingest import iter_article_files, read_documents
from verifier.text.attribution import extract

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "polnear" / "dev"
GOLD = DEV.with_name("dev.gold.jsonl")

# Measured 0.741 / 0.847 / 0.643 / 0.602 (document recall 0.714, position 0.621, belief 0.447)
# once the rules also read what a poll "shows" or a study "found", "decided to", "agreed to",
# "ordered", "offered", "encouraged X to" and "sees X as".
# Measured 0.737 / 0.848 / 0.643 / 0.602 (document recall 0.690, position 0.613, belief 0.419)
# once the tagger also reads every sentence holding a word of the kind lexicon: a trade the
# issue asks for (content precision 0.80 is its target; recall is the gap), content recall
# 0.639 -> 0.652 for precision 0.863 -> 0.848, decided on held-out train folds 0 and 5 (content
# F1 0.711 -> 0.720, 0.746 -> 0.752), so the precision floor moved down with it while content
# F1, source and recall floors moved up.
# Measured 0.734 / 0.863 / 0.642 / 0.603 (position recall 0.591, belief 0.363) once the rules
# read positions and intentions ("endorsed", "opposes", "declined to", "wants").
# Re-measured 0.728 / 0.868 / 0.640 / 0.603 (document recall 0.667, position 0.565, belief 0.315)
# with the model `make model` builds, which replaced a file trained on an earlier reading of the
# rules: on held-out train (folds 0 and 5) training on either reading scored alike (content F1
# 0.700 / 0.738 against 0.701 / 0.737), so the higher dev figures were a lucky draw.
# Measured 0.732 / 0.862 / 0.646 / 0.606 when last raised (before: 0.731 / 0.860 / 0.644 /
# 0.604, 0.725 / 0.845 / 0.642 / 0.602, 0.724 / 0.843 / 0.636 / 0.600, 0.720 / 0.842 / 0.631 /
# 0.596, 0.716 / 0.844 / 0.627 / 0.597 and 0.705 / 0.841 / 0.616 / 0.586; first set at 0.677 /
# 0.830 / 0.582 / 0.553; rules alone then: 0.579 / 0.852 / 0.517 / 0.471).
FLOOR = {"content_f1": 0.738, "content_precision": 0.845, "source_f1": 0.641, "cue_f1": 0.601}
# Content recall per cue kind (measured 0.847 / 0.714 / 0.621 / 0.447 with the rules reading
# documents, decisions and views; 0.846 / 0.690 / 0.613 / 0.419 with the kind lexicon
# gating the tagger; 0.845 / 0.667 / 0.591 / 0.363 before it; before the rules read
# positions and intentions 0.843 / 0.667 / 0.565 / 0.315; before the rebuild 0.846 / 0.714 /
# 0.582 / 0.320).
KIND_FLOOR = {"speech": 0.84, "document": 0.70, "position": 0.61, "belief": 0.44}
TARGET = {"content_f1": 0.75, "content_precision": 0.80, "source_f1": 0.70, "cue_f1": 0.70}


@pytest.fixture(scope="session")
def dev_scores() -> Scores:
    if not GOLD.exists():
        pytest.skip("../shared/dev/polnear is not beside the repo")
    rows: list[dict[str, Any]] = []
    for path in iter_article_files([DEV]):
        for document in read_documents(path):
            rows += [a.to_json() for a in extract(document)]
    return score(read_jsonl(GOLD), rows)


def _figures(result: Scores) -> dict[str, float]:
    return {
        "content_f1": result.content.f1,
        "content_precision": result.content.precision,
        "source_f1": result.source.f1,
        "cue_f1": result.cue.f1,
    }


@pytest.mark.parametrize("figure", sorted(FLOOR))
def test_polnear_dev_stays_above_its_floor(dev_scores: Scores, figure: str) -> None:
    value = _figures(dev_scores)[figure]
    print(f"\npolnear dev {figure} {value:.3f} (floor {FLOOR[figure]}, target {TARGET[figure]})")
    assert value >= FLOOR[figure], dev_scores.summary()


def test_every_cue_kind_is_found_on_polnear_dev(dev_scores: Scores) -> None:
    kinds = recall_by_kind(dev_scores)
    print("\n" + "\n".join(f"{k}: {v}" for k, v in kinds.items()))
    for kind, floor in KIND_FLOOR.items():
        assert kinds[kind]["content"] >= floor, (kind, kinds[kind])
