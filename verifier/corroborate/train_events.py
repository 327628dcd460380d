"""Build the learned event decision (``make event-model``) from ECB+ train topics.

``python -m verifier.corroborate.train_events [DESK] [--topics 1-20]`` ingests the articles
of DESK/docs of those topics into a scratch database (stories and copies grouped, claims not
judged), asks for the candidates of every annotated sentence that has a same-event partner
in another article (as ``verifier evidence --article`` asks: ``passages.claim_of_text``, then
``candidates`` with the ranking's pool), reads each candidate's ``event_model.FEATURES`` and
labels it by ECB+'s halves: a topic's ``*ecb.md`` articles report one event, its
``*ecbplus.md`` ones the other, and another topic's articles another event still. A logistic
regression (L2, Newton steps: no random start, so the same desk gives the same weights)
learns P(another event). It prints, out of fold (folds of whole topics), how well that
probability ranks the other event's candidates among the first ten that the rules leave
below the same event's (ROC AUC), which is how the ranking uses it. Writes
``verifier/corroborate/data/event_model.json``.

Only the train topics are read: never tune on the check topics (21-35), which are scored
with ``../shared/eval/score_retrieval.py`` afterwards.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import operator
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from verifier.corroborate.event_model import EventModel

L2 = 1.0
"""Ridge penalty on the standardised weights."""
FOLDS = 4


@dataclass(frozen=True, slots=True)
class Example:
    topic: int
    same_topic: bool
    other: bool
    rank: int  # the candidate's place in the pool, by score (0 first)
    x: list[float]


def _half(doc: str) -> tuple[int, bool]:
    """A doc name's topic and whether it is the topic's ``ecbplus`` half."""
    stem = doc.rsplit(".", 1)[0]
    return int(stem.split("_", 1)[0]), stem.endswith("ecbplus")


def _queries(desk: Path, lo: int, hi: int) -> list[dict[str, object]]:
    """The selected sentences of topics lo-hi with a same-event partner in another doc."""
    rows = [json.loads(line) for line in (desk / "sentences.jsonl").open(encoding="utf-8")]
    docs_of: dict[str, set[str]] = {}
    for r in rows:
        if r["selected"]:
            for e in r["events"]:
                docs_of.setdefault(e, set()).add(r["doc"])
    return [
        r
        for r in rows
        if r["selected"]
        and lo <= r["topic"] <= hi
        and any(docs_of[e] - {r["doc"]} for e in r["events"])
    ]


def build_desk(desk: Path, lo: int, hi: int, db: str) -> None:
    """Ingest the docs of topics lo-hi into ``db`` and group their stories and copies."""
    from verifier.corroborate.stories import group_articles
    from verifier.pipeline import ingest_paths
    from verifier.store import Store

    paths = sorted(p for p in (desk / "docs").glob("*.md") if lo <= _half(p.name)[0] <= hi)
    with Store(db) as store:
        ingest_paths(store, paths, corroborate=False)
        group_articles(store, sorted(a.id for a in store.articles()))


def examples(desk: Path, lo: int, hi: int, db: str) -> list[Example]:
    """Every candidate of every query of topics lo-hi, with its features and label."""
    from verifier.corroborate.candidates import candidates
    from verifier.corroborate.corpus import CorpusView, Memo, claim_source_names
    from verifier.corroborate.event_model import EventScene, event_features
    from verifier.corroborate.evidence import DEFAULT_LIMIT
    from verifier.corroborate.passages import claim_of_text
    from verifier.corroborate.readings import read_facts
    from verifier.corroborate.run import RERANK_POOL
    from verifier.store import Store

    out: list[Example] = []
    with Store(db) as store:
        view = CorpusView.load(store)
        memo = Memo()
        for q in _queries(desk, lo, hi):
            article = store.article_by_name(str(q["doc"]))
            if article is None:
                continue
            topic, half = _half(article.name)
            claim, match, position = claim_of_text(store, article, str(q["text"]))
            hits, _ = candidates(
                store,
                claim,
                match,
                view=view,
                claim_names=claim_source_names(store, claim, view),
                limit=DEFAULT_LIMIT * RERANK_POOL,
                claim_index=position[0] if position else None,
                claim_facts=read_facts(claim.content, claim.sentence, stance=claim.stance),
                memo=memo,
            )
            features = event_features(EventScene.of_claim(store, view, claim, memo), hits)
            for rank, hit in enumerate(hits):
                x = features.get(hit.sentence_id)
                if x is None:
                    continue
                their_topic, their_half = _half(hit.article_name)
                same_topic = their_topic == topic
                out.append(
                    Example(topic, same_topic, not same_topic or their_half != half, rank, x)
                )
    return out


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """``a x = b`` by Gaussian elimination with partial pivoting (a small dense system)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def fit(rows: Sequence[Sequence[float]], labels: Sequence[bool], steps: int = 25) -> list[float]:
    """Logistic regression weights (bias last) over already standardised ``rows``, by
    Newton's method with an L2 penalty (``L2``, not on the bias). Column by column: the
    sums run in ``map`` rather than a Python loop per row."""
    columns = [list(c) for c in zip(*rows, strict=True)] + [[1.0] * len(rows)]
    y = [float(v) for v in labels]
    d = len(columns)
    w = [0.0] * d
    for _ in range(steps):
        z = [0.0] * len(rows)
        for wi, col in zip(w, columns, strict=True):
            if wi:
                z = [a + wi * b for a, b in zip(z, col, strict=True)]
        p = [1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, v)))) for v in z]
        g = list(map(operator.sub, p, y))
        h = [max(v * (1.0 - v), 1e-9) for v in p]
        grad = [sum(map(operator.mul, g, col)) for col in columns]
        weighted = [list(map(operator.mul, h, col)) for col in columns]
        hess = [[0.0] * d for _ in range(d)]
        for i in range(d):
            for j in range(i, d):
                hess[i][j] = hess[j][i] = sum(map(operator.mul, weighted[i], columns[j]))
        for i in range(d - 1):
            grad[i] += L2 * w[i]
            hess[i][i] += L2
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def standardise(data: Sequence[Example]) -> tuple[list[float], list[float]]:
    """Each feature's mean and spread (1 for a constant one)."""
    d = len(data[0].x)
    n = len(data)
    mean = [sum(e.x[i] for e in data) / n for i in range(d)]
    scale = [math.sqrt(sum((e.x[i] - mean[i]) ** 2 for e in data) / n) or 1.0 for i in range(d)]
    return mean, scale


def _model(data: Sequence[Example]) -> EventModel:
    from verifier.corroborate.event_model import FEATURES, EventModel

    mean, scale = standardise(data)
    rows = [[(v - m) / s for v, m, s in zip(e.x, mean, scale, strict=True)] for e in data]
    w = fit(rows, [e.other for e in data])
    return EventModel(FEATURES, tuple(mean), tuple(scale), tuple(w[:-1]), w[-1])


def out_of_fold(data: Sequence[Example]) -> list[float]:
    """Each example's probability from a model trained on the other folds' topics."""
    topics = sorted({e.topic for e in data})
    fold_of = {t: i % FOLDS for i, t in enumerate(topics)}
    probs = [0.0] * len(data)
    for k in range(FOLDS):
        model = _model([e for e in data if fold_of[e.topic] != k])
        for i, e in enumerate(data):
            if fold_of[e.topic] == k:
                probs[i] = model.probability(e.x)
    return probs


def ranking_auc(data: Sequence[Example], probs: Sequence[float]) -> float:
    """ROC AUC of ``probs`` for the other event's candidates (the claim's topic) against the
    same event's, among the first ten of each pool that the rules do not set apart."""
    left = [(p, e) for e, p in zip(data, probs, strict=True) if e.rank < 10 and not e.x[0]]
    pos = [p for p, e in left if e.other and e.same_topic]
    neg = sorted(p for p, e in left if not e.other)
    if not pos or not neg:
        return 0.0
    won = sum(
        bisect.bisect_left(neg, p)
        + 0.5 * (bisect.bisect_right(neg, p) - bisect.bisect_left(neg, p))
        for p in pos
    )
    return won / len(pos) / len(neg)


def report(data: Sequence[Example], flagged: Sequence[bool], name: str) -> str:
    """Share of the other event's candidates (the claim's topic), of other topics' and of
    the same event's that are set apart."""
    other = [f for e, f in zip(data, flagged, strict=True) if e.other and e.same_topic]
    cross = [f for e, f in zip(data, flagged, strict=True) if e.other and not e.same_topic]
    same = [f for e, f in zip(data, flagged, strict=True) if not e.other]
    return (
        f"{name}: other event (same topic) set apart {sum(other)}/{len(other)}, "
        f"other topics {sum(cross)}/{len(cross)}, same event {sum(same)}/{len(same)}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    from verifier.corroborate.event_model import MODEL_PATH

    ap = argparse.ArgumentParser(prog="python -m verifier.corroborate.train_events")
    ap.add_argument("desk", nargs="?", default="../shared/dev/ecbplus")
    ap.add_argument("--topics", default="1-20")
    ap.add_argument("--db", help="reuse (or keep) the scratch desk database here")
    ap.add_argument("--out", default=str(MODEL_PATH))
    args = ap.parse_args(argv)
    desk = Path(args.desk)
    if not (desk / "sentences.jsonl").is_file():
        print(f"train_events: {desk}: no sentences.jsonl (an ECB+ desk)", file=sys.stderr)
        return 2
    lo, hi = map(int, args.topics.split("-"))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="event-model-") as scratch:
        db = args.db or str(Path(scratch) / "desk.db")
        if not Path(db).exists():
            build_desk(desk, lo, hi, db)
            print(f"desk built {time.perf_counter() - started:.0f}s", file=sys.stderr)
        data = examples(desk, lo, hi, db)
    print(f"{len(data)} candidates {time.perf_counter() - started:.0f}s", file=sys.stderr)
    print(report(data, [bool(e.x[0]) for e in data], "rules"))
    print(f"ranking ROC AUC out of fold {ranking_auc(data, out_of_fold(data)):.3f}")
    model = _model(data)
    print(
        f"ranking ROC AUC in sample {ranking_auc(data, [model.probability(e.x) for e in data]):.3f}"
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
