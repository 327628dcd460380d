"""A process that records verdicts and says so: the subject of the crash and two-writer tests.

Run as ``python -m tests.verdict_writer DB REVIEWER COUNT TAG``. After each verdict's
transaction has committed it prints ``TAG-i`` (flushed), so whoever reads stdout knows
exactly which verdicts the store promised to keep. The verdict's history event carries the
same ``TAG-i`` as its note, which is how a test finds it again.
"""

from __future__ import annotations

import sys
import time

from verifier.store import Store


def main(argv: list[str]) -> int:
    path, reviewer, count, tag = argv[0], argv[1], int(argv[2]), argv[3]
    with Store(path) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM claims ORDER BY id")]
        session = store.start_session(reviewer)
        started = time.perf_counter()
        for i in range(count):
            claim = ids[i % len(ids)]
            store.record_rating(
                claim, i % 5 + 1, reviewer=reviewer, session_id=session.id, note=f"{tag}-{i}"
            )
            sys.stdout.write(f"{tag}-{i}\n")
            sys.stdout.flush()
        elapsed = time.perf_counter() - started
        sys.stderr.write(f"rate {count / elapsed:.1f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
