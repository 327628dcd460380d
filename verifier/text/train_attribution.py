"""Build the learned attribution tagger (``make model``) from PolNeAR's train split.

``python -m verifier.text.train_attribution [TRAIN_DIR]`` reads ``TRAIN_DIR/*.txt`` and
``TRAIN_DIR.gold.jsonl`` (one attribution a line with character spans), tags every token of
each body sentence that holds a possible cue word as source, cue or content (BIO), with the
rules' reading of the sentence among the features, and writes the CRFsuite model and the cue
words to ``verifier/text/data``. The same input always gives the same files: articles are
read in name order and L-BFGS has no random start.

``--holdout K`` leaves every K-th article out of training and scores the extractor on those
articles instead (for tuning without touching the dev split); the shipped model is not
replaced then unless ``--out`` says where to write. ``--fold F`` picks which K-th articles
(those at positions F, F + K, ...): compare a change on two folds before trusting it. One fold
moves by a hundredth of content F1 with changes that are neutral on another (gating sentences
by cue words heading a tenth rather than a fifth of their occurrences: 0.690 -> 0.703 on fold
0, 0.731 -> 0.734 on fold 5, with source and cue F1 down there).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from verifier.models import Document
from verifier.text import learned as L
from verifier.text.lexicon import wordset

# Words that start some gold cues ("in a statement", "for") but start far more sentences that
# carry none: a sentence is not worth tagging because it holds one of these.
_WEAK_CUE_WORDS = wordset(
    "in for to of on with as by at from about that the a an and or but is are was were be "
    "been has have had it its this after before over under not no his her their"
)
_MIN_CUE_COUNT = 3
_MIN_CUE_SHARE = 0.2
_WORD_RE = re.compile(r"[^\W\d_]+")


def _document(path: Path) -> Document:
    from verifier.ingest import read_documents

    return read_documents(path)[0]


def _load_gold(path: Path) -> dict[str, list[dict[str, object]]]:
    gold: dict[str, list[dict[str, object]]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                gold[str(row["doc"])].append(row)
    return gold


def cue_words(gold: dict[str, list[dict[str, object]]], paths: list[Path]) -> list[str]:
    """Lower-cased head words of the gold cues (the last word that is not a particle: "said"
    of "has also said", "expected" of "is expected") seen often enough, and heading a cue in a
    large enough share of their occurrences, to make a sentence holding one worth tagging."""
    heads: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for path in paths:
        seen.update(_WORD_RE.findall(path.read_text(encoding="utf-8").lower()))
        for row in gold.get(path.name, []):
            words = [
                w for w in _WORD_RE.findall(str(row["cue"]).lower()) if w not in _WEAK_CUE_WORDS
            ]
            if words:
                heads[words[-1]] += 1
    return sorted(
        w for w, c in heads.items() if c >= _MIN_CUE_COUNT and c >= _MIN_CUE_SHARE * seen[w]
    )


def _spans(row: dict[str, object], key: str) -> list[tuple[int, int]]:
    value = row.get(key) or []
    assert isinstance(value, list)
    return [(int(a), int(b)) for a, b in value]


def sequences(
    path: Path, rows: list[dict[str, object]], gate: frozenset[str]
) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) for every gated body sentence of one article."""
    from verifier.text.attribution import _WORD_RE, read_sentences
    from verifier.text.segment import segment

    document = _document(path)
    units = segment(document.text)[1]
    out = []
    for s, raws in read_sentences(document, units):
        if gate.isdisjoint(_WORD_RE.findall(s.unit.text.lower())):
            continue
        roles = ["O"] * s.n
        rank = {"O": 0, "T": 1, "S": 2, "C": 3}
        ids = [-1] * s.n
        for n, row in enumerate(rows):
            for role, key in (("T", "content_spans"), ("S", "source_spans"), ("C", "cue_spans")):
                for a, b in _spans(row, key):
                    for x in L.token_range(s, a, b):
                        if rank[role] > rank[roles[x]] or (role == roles[x] and ids[x] < 0):
                            roles[x] = role
                            ids[x] = n * 4 + rank[role]
        labels = []
        for x, role in enumerate(roles):
            if role == "O":
                labels.append("O")
            elif x > 0 and roles[x - 1] == role and ids[x - 1] == ids[x]:
                labels.append("I-" + role)
            else:
                labels.append("B-" + role)
        out.append((L.features(s, L.rule_roles(s, raws)), labels))
    return out


# L1 / L2 penalties and L-BFGS iterations (``make model``'s; tuned on held-out train articles).
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150}


def train(
    train_dir: Path,
    model_out: Path,
    cues_out: Path,
    holdout: int = 0,
    params: dict[str, float] | None = None,
    fold: int = 0,
) -> tuple[list[Path], Path]:
    """Train on the split (less every ``holdout``-th article, from the ``fold``-th on) and write
    model and cue words."""
    import pycrfsuite

    gold = _load_gold(train_dir.with_name(train_dir.name + ".gold.jsonl"))
    paths = sorted(train_dir.glob("*.txt"))
    held = held_out(paths, holdout, fold)
    used = [p for p in paths if p not in set(held)]
    words = cue_words(gold, used)
    gate = frozenset(words)
    trainer = pycrfsuite.Trainer(verbose=False)
    began = time.monotonic()
    n = 0
    for path in used:
        for xseq, yseq in sequences(path, gold.get(path.name, []), gate):
            trainer.append(xseq, yseq)
            n += 1
    print(
        f"{n} sentences from {len(used)} articles in {time.monotonic() - began:.0f} s",
        file=sys.stderr,
    )
    trainer.set_params(
        PARAMS
        | (params or {})
        | {
            "feature.possible_transitions": True,
            "feature.minfreq": 2,
        }
    )
    began = time.monotonic()
    model_out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_out))
    print(f"trained in {time.monotonic() - began:.0f} s -> {model_out}", file=sys.stderr)
    cues_out.write_text("\n".join(words) + "\n", encoding="utf-8")
    return held, model_out


def held_out(paths: list[Path], holdout: int, fold: int = 0) -> list[Path]:
    """Every ``holdout``-th of the (name-ordered) articles, starting at position ``fold``."""
    return [p for k, p in enumerate(paths) if holdout and k % holdout == fold % holdout]


def score_holdout(held: list[Path], gold_path: Path, model: Path, cues: Path, out: Path) -> None:
    """Extract the held-out articles with the new model; write gold and predictions to ``out``."""
    from verifier.text import analyse

    tagger = L.AttributionTagger(model, cues)
    L.default_tagger.cache_clear()
    gold = _load_gold(gold_path)
    out.mkdir(parents=True, exist_ok=True)
    names = {p.name for p in held}
    with (out / "gold.jsonl").open("w", encoding="utf-8") as fh:
        for name in sorted(names):
            for row in gold.get(name, []):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    original = L.default_tagger
    L.default_tagger = lambda: tagger  # type: ignore[assignment]
    try:
        with (out / "pred.jsonl").open("w", encoding="utf-8") as fh:
            for path in held:
                for att in analyse(_document(path)).attributions:
                    fh.write(json.dumps(att.to_json(), ensure_ascii=False) + "\n")
    finally:
        L.default_tagger = original


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m verifier.text.train_attribution")
    parser.add_argument("train_dir", nargs="?", default="../shared/dev/polnear/train")
    parser.add_argument("--holdout", type=int, default=0, help="leave every K-th article out")
    parser.add_argument("--fold", type=int, default=0, help="which K-th articles (0..K-1)")
    parser.add_argument("--out", type=Path, default=None, help="model file (default: shipped)")
    parser.add_argument("--score-dir", type=Path, default=Path(".eval/holdout"))
    for name, value in PARAMS.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(value), default=value)
    args = parser.parse_args(argv)
    train_dir = Path(args.train_dir)
    if not train_dir.is_dir():
        print(f"{train_dir}: no such folder (the PolNeAR train split)", file=sys.stderr)
        return 2
    model = args.out or (L.MODEL_PATH if not args.holdout else args.score_dir / "model.crfsuite")
    cues = model.with_name(model.stem + "_cues.txt") if args.out or args.holdout else L.CUES_PATH
    params = {name: getattr(args, name) for name in PARAMS}
    held, model = train(train_dir, model, cues, args.holdout, params, args.fold)
    if held:
        gold = train_dir.with_name(train_dir.name + ".gold.jsonl")
        score_holdout(held, gold, model, cues, args.score_dir)
        print(f"held out {len(held)} articles: {args.score_dir}/gold.jsonl pred.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
