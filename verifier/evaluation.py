"""Scoring extracted attributions against hand-made gold.

The project needs to measure itself on its own sample corpus with or without the shared
scorer around, so this is an independent implementation of the same agreement measure: a
predicted attribution matches a gold one in the same document when their contents overlap by
token F1 >= 0.5 (greedy, best pairs first, one-to-one); source agrees on token F1 >= 0.5; cue
agrees when equal ignoring case, quotes and edge punctuation. A test checks that both scorers
report the same figures on the seeds.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_EDGE = " \"'.,;:—–-"
_WORD = re.compile(r"\w+")


def normalise(text: str | None) -> str:
    folded = re.sub(r"\s+", " ", (text or "").translate(_QUOTE_MAP)).strip()
    return folded.strip(_EDGE).lower()


def token_f1(a: str | None, b: str | None) -> float:
    left, right = _WORD.findall(normalise(a)), _WORD.findall(normalise(b))
    if not left or not right:
        return 0.0
    common = sum((Counter(left) & Counter(right)).values())
    if not common:
        return 0.0
    precision, recall = common / len(left), common / len(right)
    return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, hits: int, predicted: int, gold: int) -> PRF:
        p = hits / predicted if predicted else 0.0
        r = hits / gold if gold else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True, slots=True)
class Scores:
    n_gold: int
    n_pred: int
    content: PRF
    content_strict: PRF
    source: PRF
    cue: PRF
    source_type_accuracy: float | None
    missed: tuple[Mapping[str, Any], ...] = ()
    spurious: tuple[Mapping[str, Any], ...] = ()
    matched: tuple[tuple[Mapping[str, Any], Mapping[str, Any]], ...] = ()  # (gold, predicted)

    def summary(self) -> str:
        acc = "n/a" if self.source_type_accuracy is None else f"{self.source_type_accuracy:.3f}"
        return (
            f"gold {self.n_gold} extracted {self.n_pred} · content F1 {self.content.f1:.3f}"
            f" (strict {self.content_strict.f1:.3f}) · source F1 {self.source.f1:.3f}"
            f" · cue F1 {self.cue.f1:.3f} · source_type accuracy {acc}"
        )


def _by_doc(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    grouped: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[str(row.get("doc", "")).rsplit("/", 1)[-1]].append(row)
    return grouped


def score(gold_rows: Iterable[Mapping[str, Any]], pred_rows: Iterable[Mapping[str, Any]]) -> Scores:
    gold, pred = _by_doc(gold_rows), _by_doc(pred_rows)
    n_gold = sum(len(rows) for rows in gold.values())
    n_pred = sum(len(rows) for doc, rows in pred.items() if doc in gold)
    hits: Counter[str] = Counter()
    typed = typed_ok = 0
    missed: list[Mapping[str, Any]] = []
    spurious: list[Mapping[str, Any]] = []
    matched: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []
    for doc, golds in gold.items():
        preds = pred.get(doc, [])
        pairs = sorted(
            (
                (token_f1(p.get("content"), g.get("content")), i, j)
                for i, p in enumerate(preds)
                for j, g in enumerate(golds)
            ),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for overlap, i, j in pairs:
            if overlap < 0.5 or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            p, g = preds[i], golds[j]
            matched.append((g, p))
            hits["content"] += 1
            hits["strict"] += normalise(p.get("content")) == normalise(g.get("content"))
            hits["source"] += token_f1(p.get("source"), g.get("source")) >= 0.5
            hits["cue"] += normalise(p.get("cue")) == normalise(g.get("cue"))
            if "source_type" in p and "source_type" in g:
                typed += 1
                typed_ok += p["source_type"] == g["source_type"]
        missed += [g for j, g in enumerate(golds) if j not in used_g]
        spurious += [p for i, p in enumerate(preds) if i not in used_p]
    return Scores(
        n_gold=n_gold,
        n_pred=n_pred,
        content=PRF.of(hits["content"], n_pred, n_gold),
        content_strict=PRF.of(hits["strict"], n_pred, n_gold),
        source=PRF.of(hits["source"], n_pred, n_gold),
        cue=PRF.of(hits["cue"], n_pred, n_gold),
        source_type_accuracy=typed_ok / typed if typed else None,
        missed=tuple(missed),
        spurious=tuple(spurious),
        matched=tuple(matched),
    )


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _kind(row: Mapping[str, Any]) -> str:
    from verifier.text.kinds import cue_kind

    return cue_kind(str(row.get("cue") or ""), str(row.get("source") or "")) or "other"


def recall_by_kind(result: Scores) -> dict[str, dict[str, float | int]]:
    """Recall of content, source and cue over the gold attributions of each cue kind (speech,
    document, position, belief, other): where the extractor's blind spots are."""
    gold: Counter[str] = Counter()
    hits: dict[str, Counter[str]] = defaultdict(Counter)
    for g in result.missed:
        gold[_kind(g)] += 1
    for g, p in result.matched:
        kind = _kind(g)
        gold[kind] += 1
        hits[kind]["content"] += 1
        hits[kind]["source"] += token_f1(p.get("source"), g.get("source")) >= 0.5
        hits[kind]["cue"] += normalise(p.get("cue")) == normalise(g.get("cue"))
    return {
        kind: {"gold": gold[kind]}
        | {role: hits[kind][role] / gold[kind] for role in ("content", "source", "cue")}
        for kind in ("speech", "document", "position", "belief", "other")
        if gold[kind]
    }


def error_kinds(result: Scores) -> Counter[str]:
    """How the extractor goes wrong, by kind of error and cue kind: a gold attribution missed,
    an extracted one with no gold, a matched one with the wrong source or cue."""
    errors: Counter[str] = Counter()
    for g in result.missed:
        errors[f"missed {_kind(g)}"] += 1
    for p in result.spurious:
        errors[f"spurious {_kind(p)}"] += 1
    for g, p in result.matched:
        if token_f1(p.get("source"), g.get("source")) < 0.5:
            side = "no source" if not g.get("source") else "wrong source"
            errors[f"{side} ({_kind(g)})"] += 1
        if normalise(p.get("cue")) != normalise(g.get("cue")):
            errors[f"wrong cue ({_kind(g)})"] += 1
    return errors


def report(result: Scores, top: int = 10) -> str:
    """The summary, recall by cue kind and the most frequent error kinds, as text."""
    lines = [result.summary(), "recall by cue kind     gold  content  source  cue"]
    for kind, row in recall_by_kind(result).items():
        lines.append(
            f"  {kind:18} {row['gold']:6}  {row['content']:.3f}    {row['source']:.3f}"
            f"   {row['cue']:.3f}"
        )
    lines.append("most frequent errors")
    lines += [f"  {n:5}  {what}" for what, n in error_kinds(result).most_common(top)]
    missed_cues = Counter(normalise(g.get("cue")) for g in result.missed)
    lines.append(
        "most often missed cues: "
        + ", ".join(f"{cue!r} {n}" for cue, n in missed_cues.most_common(top))
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m verifier.evaluation GOLD PRED``: the report for two JSONL files."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m verifier.evaluation GOLD.jsonl PREDICTED.jsonl", file=sys.stderr)
        return 2
    for path in args:
        if not Path(path).is_file():
            print(f"{path}: no such file", file=sys.stderr)
            return 2
    print(report(score(read_jsonl(args[0]), read_jsonl(args[1]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
