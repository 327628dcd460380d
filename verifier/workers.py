"""Worker processes for the CPU-bound stages (the text stage, corroboration).

Both stages are pure given their input (a document; a committed database), so they scale
over processes; SQLite writes stay in the parent, which keeps one writer and one order.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


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


PARENT_POLL = 0.5
"""Seconds between a worker's checks that the process that started it is still alive."""


def _exit_with(parent: int) -> None:
    """Exit at once when ``parent`` is gone (this worker has been re-parented)."""
    while True:
        time.sleep(PARENT_POLL)
        if os.getppid() != parent:
            os._exit(1)


def _worker_start(
    parent: int, initializer: Callable[..., object] | None, initargs: tuple[Any, ...]
) -> None:
    """Every worker's initializer: a daemon thread that ends the worker when its parent dies
    (a killed ingest must not leave processes judging claims nobody will store), then the
    caller's own initializer."""
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def ordered_map(
    task: Callable[[T], R],
    items: Iterable[T],
    workers: int,
    *,
    window: int,
    local: Callable[[T], R] | None = None,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``task(item)`` for each item, in input order, over ``workers`` processes.

    At most ``window`` items per worker are in flight, so memory stays bounded however long
    ``items`` is. ``task`` must be picklable (a module-level function or a partial of one);
    ``local`` is how an item is done in this process (default: ``task``), used with one
    worker and for the items a broken pool (a worker killed) lost, so a killed worker costs
    time, never results.
    """
    here = local or task
    if workers <= 1:
        for item in items:
            yield here(item)
        return
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=pool_context(),
        initializer=_worker_start,
        initargs=(os.getpid(), initializer, initargs),
    ) as pool:
        pending: deque[tuple[T, Future[R] | None]] = deque()
        broken = False

        def collect() -> R:
            nonlocal broken
            item, future = pending.popleft()
            if future is not None:
                try:
                    return future.result()
                except BrokenProcessPool:
                    broken = True
            return here(item)

        for item in items:
            future = None
            if not broken:
                try:
                    future = pool.submit(task, item)
                except (BrokenProcessPool, RuntimeError):
                    broken = True
            pending.append((item, future))
            while len(pending) >= workers * window:
                yield collect()
        while pending:
            yield collect()
