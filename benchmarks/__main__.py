"""``make bench``: every benchmark, each with its in-run baseline.

``python -m benchmarks [--mb N]`` — N megabytes of generated text for the extraction benchmark.
"""

from __future__ import annotations

import argparse

from benchmarks import extraction


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--mb", type=float, default=20.0, help="generated text for extraction")
    args = parser.parse_args()
    extraction.run(args.mb)


if __name__ == "__main__":
    main()
