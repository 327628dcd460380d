"""The shared seeds (and the sample corpus, when present) scored by the shared scorer.

The seeds are a floor, not a target: the extractor is built from general mechanisms and these
tests only guard against regressions. They skip cleanly where ``../shared`` is absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from verifier.models import Document
from verifier.text.attribution import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_attributions.py"
SEED_GOLD = SHARED / "gold" / "seeds.attributions.jsonl"
SAMPLE = ROOT / "data" / "sample"


def _scorer() -> ModuleType:
    if not SCORER.exists() or not SEED_GOLD.exists():
        pytest.skip("../shared is not available")
    spec = importlib.util.spec_from_file_location("score_attributions", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(docs: list[Document], tmp: Path) -> Path:
    out = tmp / "pred.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for doc in docs:
            for att in extract(doc):
                fh.write(json.dumps(att.to_json(), ensure_ascii=False) + "\n")
    return out


def _assert_floors(result: dict[str, Any], f1: float, typed: float) -> None:
    for key in ("content-partial", "source", "cue"):
        assert result[key][2] >= f1, (key, result[key])
    assert result["source_type_accuracy"] is not None
    assert result["source_type_accuracy"] >= typed, result["source_type_accuracy"]


def test_seeds_meet_the_floor(tmp_path: Path) -> None:
    scorer = _scorer()
    docs = [
        Document(name=p.name, text=p.read_text(encoding="utf-8"), content_hash="x")
        for p in sorted((SHARED / "seeds").glob("*.txt"))
    ]
    assert docs
    result = scorer.score(scorer.load(str(SEED_GOLD)), scorer.load(str(_predict(docs, tmp_path))))
    # reached: 1.000 on every measure; the floors leave a hair for harmless drift
    _assert_floors(result, f1=0.97, typed=0.95)
    assert result["content-strict"][2] >= 0.95


def test_sample_corpus_meets_the_floor(tmp_path: Path) -> None:
    scorer = _scorer()
    gold = SAMPLE / "gold.attributions.jsonl"
    if not gold.exists():
        pytest.skip("no sample corpus gold")
    ingest = pytest.importorskip("verifier.ingest.files")
    docs: list[Document] = []
    for path in sorted(SAMPLE.iterdir()):
        if path.name.startswith("gold") or path.suffix not in (".txt", ".md", ".html", ".json"):
            continue
        for doc in ingest.read_documents(path):
            docs.append(
                Document(
                    name=path.name, text=doc.text, content_hash=doc.content_hash, outlet=doc.outlet
                )
            )
    result = scorer.score(scorer.load(str(gold)), scorer.load(str(_predict(docs, tmp_path))))
    # reached: content 0.996, source 0.989, cue 0.996, type 0.950 on the first version of the
    # sample gold; the corpus belongs to another engineer and may grow, hence lower floors
    _assert_floors(result, f1=0.90, typed=0.85)
