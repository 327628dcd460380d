"""``make bench``: every benchmark, each with its in-run baseline.

``python -m benchmarks [--mb N]`` — N megabytes of generated text for the extraction benchmark.
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
    args = parser.parse_args()
    extraction.run(args.mb)
    if args.tui:
        from benchmarks import tui

        tui.run(args.claims)
    ecbplus = Path(__file__).resolve().parents[1].parent / "shared/dev/ecbplus/docs"
    breaking.main(["--articles", "400", *(["--ecbplus", str(ecbplus)] if ecbplus.is_dir() else [])])
    corroboration.main(["--articles", "1000"])  # 10k/100k: python -m benchmarks.corroboration


if __name__ == "__main__":
    main()
