"""Corroboration at scale: ingest + index time, peak RSS, evidence latency, copy detection.

``python -m benchmarks.corroboration --articles 1000 10000`` (``make bench`` runs the small
default). Each size is ingested into a fresh database through the real pipeline (one file
per article, ``ingest_paths``), timed in two parts: ingest + index (extraction, FTS, stories,
copies) and the corroboration of every claim. Evidence latency is measured twice for claim
texts drawn from the corpus: ``find_evidence`` (retrieval) and ``search_evidence`` (what
``verifier evidence`` runs: retrieval plus relation and independence of the top hits).
Near-duplicate detection is scored against the generator's truth. Peak RSS counts the
text-stage worker processes too. Targets (issue 4): 10k articles ingested and indexed in
<= 60 s with RSS <= 500 MB; evidence p95 <= 20 ms at 100k articles.

``--desk-cache DIR`` keeps each desk it builds in DIR and reuses it in later runs, keyed by
the generator's source, so work on query latency re-runs the queries only: a 100k desk takes
the better part of an hour to build on this machine. A reused desk is migrated to the current
schema when opened, like any database, and has no ingest or judging time to report; empty DIR
after changing what ingest stores.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.generate import Truth, generate
from verifier.corroborate.corpus import CorpusView
from verifier.corroborate.evidence import article_context, claim_search_text, find_evidence
from verifier.corroborate.passages import search_evidence
from verifier.corroborate.run import corroborate
from verifier.corroborate.stories import group_articles
from verifier.pipeline import ingest_paths
from verifier.store import Store
from verifier.store.stories import article_links
from verifier.workers import default_workers


def _rss_mb() -> float:
    """Peak RSS of this process and of the largest finished worker process, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + workers) / 1024


def _percentiles(latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    if not ordered:
        return float("nan"), float("nan")
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def _write(folder: Path, articles: int) -> dict[str, Truth]:
    """One Markdown file with front matter per generated article; returns name -> truth.

    One file each, not JSONL: ingest treats records of one file as versions of each other.
    """
    truth: dict[str, Truth] = {}
    for doc, t in generate(articles):
        name = doc.name.replace(".txt", ".md")
        front = f"---\ntitle: {doc.name}\noutlet: {doc.outlet}\npublished: {doc.published}\n---\n"
        (folder / name).write_text(front + doc.text + "\n", encoding="utf-8")
        truth[name] = Truth(name, t.event, t.kind, t.of.replace(".txt", ".md") if t.of else None)
    return truth


def _truth(articles: int) -> dict[str, Truth]:
    """What ``_write`` returns, without writing: the truth of a desk reused from the cache."""
    return {
        doc.name.replace(".txt", ".md"): Truth(
            doc.name.replace(".txt", ".md"),
            t.event,
            t.kind,
            t.of.replace(".txt", ".md") if t.of else None,
        )
        for doc, t in generate(articles)
    }


def desk_key() -> str:
    """What a cached desk was made of: the generator's source.

    Not the package's source: query work changes it on every edit, and it is the queries
    that a cached desk is for. Not the schema version: opening a desk migrates it.
    """
    return hashlib.sha1(Path(__file__).with_name("generate.py").read_bytes()).hexdigest()[:12]


@contextmanager
def _desk_path(articles: int, cache: Path | None) -> Iterator[Path]:
    """A fresh database in a temporary folder, or the cached desk (built or not yet)."""
    if cache is None:
        with tempfile.TemporaryDirectory() as tmp:
            yield Path(tmp) / "bench.db"
        return
    cache.mkdir(parents=True, exist_ok=True)
    yield cache / f"desk-{articles}-{desk_key()}.db"


def _copy_scores(store: Store, truth: dict[str, Truth]) -> tuple[float, float]:
    """Precision and recall of detected copy/version links against the generator's truth.

    A link is right when both articles repeat one original (a copy linked to another copy of
    the same wire story is right); a true copy is found when it is linked to its family.
    """
    links = article_links(store)
    root = {stored: t.of or t.name for stored, t in truth.items()}
    found = [
        (link.name, links[link.original].name)
        for link in links.values()
        if link.original is not None and link.original in links
    ]
    right = sum(1 for a, b in found if root.get(a) == root.get(b))
    linked = {a for a, b in found if root.get(a) == root.get(b)}
    linked |= {b for a, b in found if root.get(a) == root.get(b)}
    copies = [stored for stored, t in truth.items() if t.of]
    precision = right / len(found) if found else 1.0
    recall = sum(1 for c in copies if c in linked) / len(copies) if copies else 1.0
    return precision, recall


def _build(
    path: Path, articles: int, corroborate_all: bool
) -> tuple[dict[str, Truth], float, float]:
    """Ingest a generated desk of ``articles`` into ``path``: ``(truth, ingest s, judging s)``.

    Built under a temporary name and renamed when complete, so a killed build never leaves a
    half desk in the cache.
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "corpus").mkdir()
        truth = _write(folder / "corpus", articles)
        building = path.with_name(path.name + ".building")
        for stale in path.parent.glob(building.name + "*"):
            stale.unlink()
        with Store(building) as store:
            started = time.perf_counter()
            ingest_paths(store, [folder / "corpus"], corroborate=False)
            group_articles(store, [link for link in article_links(store)])
            ingest_s = time.perf_counter() - started
            corroborate_s = float("nan")
            if corroborate_all:
                started = time.perf_counter()
                corroborate(store)
                corroborate_s = time.perf_counter() - started
        shutil.move(building, path)
        return truth, ingest_s, corroborate_s


def run_size(
    articles: int,
    *,
    queries: int = 200,
    corroborate_all: bool = True,
    cache: Path | None = None,
) -> dict[str, float]:
    with _desk_path(articles, cache) as path:
        reused = path.exists()
        if reused:
            truth, ingest_s, corroborate_s = _truth(articles), float("nan"), float("nan")
        else:
            truth, ingest_s, corroborate_s = _build(path, articles, corroborate_all)
        rss_ingest = _rss_mb()
        with Store(path) as store:
            precision, recall = _copy_scores(store, truth)

            rng = random.Random(11)
            ids = store.claim_ids()
            sample = store.claims_by_ids(rng.sample(ids, k=min(queries, len(ids))))
            view = CorpusView.load(store)
            found: list[float] = []
            latencies: list[float] = []
            same = returned = 0  # evidence hits, and those from the claim's own event

            def contexts(article_id: int) -> list[str]:
                return article_context(store, article_id)

            for claim in sample:
                # What the pipeline searches for a claim (its content, or the whole sentence
                # when the content alone is too bare to identify anything).
                text = claim_search_text(claim)
                t0 = time.perf_counter()
                hits = find_evidence(
                    store, text, article_id=claim.article_id, context=contexts(claim.article_id)
                )
                found.append((time.perf_counter() - t0) * 1000)
                event = truth[claim.article_name].event
                same += sum(1 for h in hits if truth[h.article_name].event == event)
                returned += len(hits)
                t0 = time.perf_counter()
                search_evidence(store, text, article_name=claim.article_name, view=view)
                latencies.append((time.perf_counter() - t0) * 1000)
            f50, f95 = _percentiles(found)
            p50, p95 = _percentiles(latencies)
            result = {
                "articles": store.article_count(),
                "claims": len(ids),
                "ingest_index_s": ingest_s,
                "corroborate_s": corroborate_s,
                "rss_mb": _rss_mb(),
                "rss_ingest_mb": rss_ingest,
                "find_p50_ms": f50,
                "find_p95_ms": f95,
                "evidence_p50_ms": p50,
                "evidence_p95_ms": p95,
                "same_event": same / returned if returned else float("nan"),
                "copy_precision": precision,
                "copy_recall": recall,
            }
    print(
        f"corroboration @ {articles:,} articles ({result['claims']:,.0f} claims)"
        f"{f', desk reused from {path}' if reused else ''}:\n"
        f"  ingest + index   {ingest_s:8.1f} s   (target <= 60 s at 10k;"
        f" {ingest_s / max(articles, 1) * 10_000 / 60:.2f}x the target rate)\n"
        f"  corroborate all  {corroborate_s:8.1f} s\n"
        f"  whole ingest     {ingest_s + corroborate_s:8.1f} s   (incl. judging; target <= 120 s"
        f" at 10k: {(ingest_s + corroborate_s) / max(articles, 1) * 10_000 / 120:.2f}x the rate)\n"
        f"  peak RSS         {result['rss_mb']:8.0f} MB (after ingest {rss_ingest:.0f} MB;"
        f" target <= 500 MB)\n"
        f"  find_evidence    p50 {f50:.1f} ms, p95 {f95:.1f} ms over {len(found)} claims\n"
        f"  search_evidence  p50 {p50:.1f} ms, p95 {p95:.1f} ms"
        f" (target p95 <= 20 ms at 100k: {p95 / 20:.2f}x)\n"
        f"  evidence hits from the claim's own event {result['same_event']:.0%}"
        f" (find_evidence top 10, what the pipeline searches)\n"
        f"  copies/versions  precision {precision:.2f}, recall {recall:.2f}"
    )
    return result


BASELINE_ARTICLES = 1_000
"""Measured in every run, so each size reads as a cost of scale (a ratio), whatever the
machine's speed or load."""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corroboration")
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--no-corroborate", action="store_true", help="skip corroborating every claim"
    )
    parser.add_argument(
        "--desk-cache",
        type=Path,
        help="keep each desk built in this folder and reuse it (queries only, no ingest timing)",
    )
    args = parser.parse_args(argv)
    print(
        f"corroboration benchmark: sizes {', '.join(f'{n:,}' for n in args.articles)};"
        f" {args.queries} evidence queries; text-stage workers {default_workers()};"
        f" corroborate all: {'no' if args.no_corroborate else 'yes'}"
    )
    results = {
        size: run_size(
            size,
            queries=args.queries,
            corroborate_all=not args.no_corroborate,
            cache=args.desk_cache,
        )
        for size in sorted(set(args.articles) | {BASELINE_ARTICLES})
    }
    base = results[BASELINE_ARTICLES]
    for size, result in results.items():
        if size == BASELINE_ARTICLES:
            continue
        per_article = result["ingest_index_s"] / size
        base_per_article = base["ingest_index_s"] / BASELINE_ARTICLES
        whole = (result["ingest_index_s"] + result["corroborate_s"]) / size
        base_whole = (base["ingest_index_s"] + base["corroborate_s"]) / BASELINE_ARTICLES
        print(
            f"vs the {BASELINE_ARTICLES:,}-article baseline of this run, at {size:,}:"
            f" ingest per article {per_article / base_per_article:.2f}x,"
            f" whole ingest incl. judging per article {whole / base_whole:.2f}x,"
            f" find_evidence p95 {result['find_p95_ms'] / base['find_p95_ms']:.2f}x,"
            f" search_evidence p95 {result['evidence_p95_ms'] / base['evidence_p95_ms']:.2f}x,"
            f" peak RSS {result['rss_mb'] / base['rss_mb']:.2f}x"
        )


if __name__ == "__main__":
    main()
