"""A breaking-story desk: every article about one event, most of them near-copies.

``python -m benchmarks.breaking [--articles 400] [--ecbplus DIR]`` (``make bench`` runs it).
The whole ingest a desk waits for is timed (extraction, index, stories, copies, the judging
of every claim's evidence, provenance, priorities), as wall time and as CPU time of this
process and its workers: the machine is shared, and CPU time is what a change moves.
A desk a quarter the size is measured in the same run as the baseline: per-article cost
that grows with the desk is work quadratic in one story's size. Target (issue 14): 400
articles in <= 20 s. ``--ecbplus`` also ingests a folder of real news articles (the ECB+
documents in ``../shared/dev/ecbplus/docs``) when it is there.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate_breaking
from verifier.pipeline import ingest_paths
from verifier.store import Store


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished workers so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def ingest_folder(folder: Path, label: str) -> dict[str, float]:
    """Ingest ``folder`` into a fresh database the way ``verifier ingest`` does."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "desk.db") as store:
        cpu, wall = _cpu(), time.perf_counter()
        report = ingest_paths(store, [folder])
        cpu, wall = _cpu() - cpu, time.perf_counter() - wall
    result = {
        "articles": float(report.added),
        "claims": float(report.claims),
        "wall_s": wall,
        "cpu_s": cpu,
        "kchars_s": report.chars / wall / 1000 if wall else 0.0,
    }
    print(
        f"  {label}: {report.added:,} articles, {report.claims:,} claims,"
        f" {report.chars / 1e6:.2f} M chars: {wall:.1f} s wall, {cpu:.1f} s CPU"
        f" ({result['kchars_s']:.0f} k chars/s)"
    )
    return result


def run_desk(articles: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for doc, _truth in generate_breaking(articles):
            front = (
                f"---\ntitle: {doc.name}\noutlet: {doc.outlet}\npublished: {doc.published}\n---\n"
            )
            (folder / doc.name.replace(".txt", ".md")).write_text(
                front + doc.text + "\n", encoding="utf-8"
            )
        return ingest_folder(folder, f"breaking desk @ {articles}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.breaking")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--ecbplus", type=Path, default=None, help="a folder of real articles")
    args = parser.parse_args(argv)
    baseline = max(1, args.articles // 4)
    print(f"breaking-story desk (one event, many near-copies): {args.articles} articles")
    base = run_desk(baseline)
    result = run_desk(args.articles)
    per = result["cpu_s"] / max(result["articles"], 1)
    base_per = base["cpu_s"] / max(base["articles"], 1)
    print(
        f"  whole ingest {result['wall_s']:.1f} s (target <= 20 s at 400: "
        f"{result['wall_s'] / 20 * 400 / max(args.articles, 1):.2f}x);"
        f" CPU per article {per / base_per:.2f}x the {baseline}-article baseline of this run"
    )
    if args.ecbplus is not None and args.ecbplus.is_dir():
        ingest_folder(args.ecbplus, f"real news ({args.ecbplus})")


if __name__ == "__main__":
    main()
