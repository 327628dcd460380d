"""Extraction quality against gold: the bundled sample always, the shared seeds when present.

The figures are printed (``pytest -s`` or the -ra summary) so a run leaves the numbers behind.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from verifier.evaluation import read_jsonl, score
from verifier.ingest import iter_article_files, read_documents
from verifier.text import analyse

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
SHARED = ROOT.parent / "shared"

# Floors: what the extractor reaches today, so a regression fails the build.
# Issue 3's floors: F1 >= 0.95 for content, source and cue, source_type accuracy >= 0.90.
SAMPLE_FLOOR = {"content": 0.95, "source": 0.95, "cue": 0.95, "source_type": 0.90}
SEEDS_FLOOR = {"content": 0.95, "source": 0.95, "cue": 0.95, "source_type": 0.90}


def extract_rows(folder: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in iter_article_files([folder]):
        if path.name.startswith("gold"):
            continue
        for document in read_documents(path):
            rows += [a.to_json() for a in analyse(document).attributions]
    return rows


def test_sample_gold_scores() -> None:
    result = score(read_jsonl(SAMPLE / "gold.attributions.jsonl"), extract_rows(SAMPLE))
    print(f"\nsample: {result.summary()}")
    assert result.n_gold >= 60
    assert result.content.f1 >= SAMPLE_FLOOR["content"], result.summary()
    assert result.source.f1 >= SAMPLE_FLOOR["source"], result.summary()
    assert result.cue.f1 >= SAMPLE_FLOOR["cue"], result.summary()
    assert (result.source_type_accuracy or 0) >= SAMPLE_FLOOR["source_type"], result.summary()


@pytest.fixture(scope="module")
def shared() -> Path:
    if not (SHARED / "gold" / "seeds.attributions.jsonl").exists():
        pytest.skip("../shared is not beside the repo")
    return SHARED


def test_seed_gold_scores_with_the_shared_scorer(shared: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "shared_scorer", shared / "eval" / "score_attributions.py"
    )
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)

    import json

    pred = tmp_path / "pred.jsonl"
    rows = extract_rows(shared / "seeds")
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    gold_path = shared / "gold" / "seeds.attributions.jsonl"
    theirs = scorer.score(scorer.load(gold_path), scorer.load(pred))
    ours = score(read_jsonl(gold_path), rows)
    print(f"\nseeds: {ours.summary()}")
    # Our scorer agrees with the shared one, so sample figures mean the same thing.
    assert theirs["content-partial"][2] == pytest.approx(ours.content.f1)
    assert theirs["source"][2] == pytest.approx(ours.source.f1)
    assert theirs["cue"][2] == pytest.approx(ours.cue.f1)
    assert theirs["content-partial"][2] >= SEEDS_FLOOR["content"], ours.summary()
    assert theirs["source"][2] >= SEEDS_FLOOR["source"], ours.summary()
    assert theirs["cue"][2] >= SEEDS_FLOOR["cue"], ours.summary()
    assert (theirs["source_type_accuracy"] or 0) >= SEEDS_FLOOR["source_type"], ours.summary()
