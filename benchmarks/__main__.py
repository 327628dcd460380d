"""``make bench``: every benchmark, each with its in-run baseline.

``python -m benchmarks [--mb N] [--articles N ...]`` — N megabytes of generated text for the
extraction benchmark; desk sizes for the corroboration one (default 10,000, beside a
1,000-article baseline from the same run; ``--articles 10000 100000`` adds evidence p95 at
100k, which takes a long while).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks import breaking, corroboration, extraction


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--mb", type=float, default=20.0, help="generated text for extraction")
    parser.add_argument("--tui", action="store_true", help="also the review TUI at --claims")
    parser.add_argument("--claims", type=int, default=100_000, help="claims for --tui")
    parser.add_argument(
        "--articles",
        type=int,
        nargs="+",
        default=[10_000],
        help="desk sizes for the corroboration benchmark (beside its 1,000-article baseline);"
        " 100000 measures evidence p95 at 100k",
    )
    args = parser.parse_args()
    extraction.run(args.mb)
    if args.tui:
        from benchmarks import tui

        tui.run(args.claims)
    ecbplus = Path(__file__).resolve().parents[1].parent / "shared/dev/ecbplus/docs"
    breaking.main(["--articles", "400", *(["--ecbplus", str(ecbplus)] if ecbplus.is_dir() else [])])
    # Whole ingest incl. judging at 10k (target <= 120 s) beside 1k from the same run.
    corroboration.main(["--articles", *map(str, args.articles)])


if __name__ == "__main__":
    main()
