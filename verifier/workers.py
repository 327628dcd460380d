"""Worker processes for the CPU-bound stages (the text stage, corroboration).

Both stages are pure given their input (a document; a committed database), so they scale
over processes; SQLite writes stay in the parent, which keeps one writer and one order.
"""

from __future__ import annotations

import os
import threading
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext


def default_workers() -> int:
    """Worker processes for a CPU-bound stage: one per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def pool_context() -> BaseContext:
    """How to start workers: fork when this process runs one thread, else spawn.

    Fork starts at once with the stages already loaded, and works from a script that has no
    ``if __name__ == "__main__"`` guard; but forking a process with other threads (the TUI's
    workers) can copy a lock held mid-operation, so then a fresh interpreter is spawned.
    Workers never touch the parent's SQLite connection; one that reads opens its own.
    """
    if threading.active_count() == 1 and "fork" in get_all_start_methods():
        return get_context("fork")
    return get_context("spawn")
