"""The TUI's data layer: a virtual queue over the store, claim context, ordered writes."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

from tests.fixtures_store import LEDGER_ADVANCE, claim_id, make_store
from verifier.models import ClaimRecord, SentenceRecord, Span
from verifier.store import ClaimFilter, Store
from verifier.tui.data import (
    ClaimQueueModel,
    ContextLoader,
    passage_bounds,
    read_snapshot,
)
from verifier.tui.writer import StoreWriter


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = make_store(tmp_path)
    yield s
    s.close()


class CountingStore:
    """Wraps a store to count how many claim records the queue asks for."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.requested: list[int] = []

    def claims_by_ids(self, ids: Sequence[str]) -> list[ClaimRecord]:
        self.requested.append(len(ids))
        return self.store.claims_by_ids(ids)


def test_queue_reads_pages_on_demand_and_evicts(store: Store) -> None:
    counting = CountingStore(store)
    model = ClaimQueueModel(counting, page_size=4, max_pages=2)  # type: ignore[arg-type]
    model.reset(read_snapshot(store))
    assert len(model) == 12 and counting.requested == []
    assert model.claim_at(5) is not None
    assert counting.requested == [4]
    model.claim_at(6)
    assert counting.requested == [4], "same page: cached"
    model.claim_at(0)
    model.claim_at(9)  # third page: the least recently used one goes
    model.claim_at(4)
    assert counting.requested == [4, 4, 4, 4]
    assert model.claim_at(12) is None and model.claim_at(-1) is None


def test_queue_order_is_the_store_order(store: Store) -> None:
    model = ClaimQueueModel(store)
    model.reset(read_snapshot(store))
    ids = store.claim_ids()
    assert [model.id_at(i) for i in range(len(model))] == ids
    assert all(model.claim_at(i).id == ids[i] for i in range(len(ids)))  # type: ignore[union-attr]
    assert model.index_of(ids[3]) == 3


def test_next_unrated_skips_rated_and_wraps(store: Store) -> None:
    ids = store.claim_ids()
    for i in (0, 1, 5):
        store.record_rating(ids[i], 1, reviewer="t")
    model = ClaimQueueModel(store)
    model.reset(read_snapshot(store))
    assert model.first_unrated() == 2
    assert model.next_unrated(4) == 6
    assert model.next_unrated(11) == 2, "wraps round to the top"
    assert model.rated_count == 3 and model.unrated_count == 9
    model.assume_rated(ids[2])
    assert model.first_unrated() == 3


def test_update_replaces_a_cached_record_and_the_unrated_set(store: Store) -> None:
    ids = store.claim_ids()
    model = ClaimQueueModel(store)
    model.reset(read_snapshot(store))
    assert model.claim_at(2).rating is None  # type: ignore[union-attr]
    store.record_rating(ids[2], 4, reviewer="t")
    assert model.update(store.claim(ids[2])) == 2  # type: ignore[arg-type]
    assert model.claim_at(2).rating == 4  # type: ignore[union-attr]
    assert not model.is_unrated(ids[2])


def test_snapshot_with_a_filter(store: Store) -> None:
    snapshot = read_snapshot(store, ClaimFilter(source_type="ngo"))
    assert len(snapshot.ids) == 3
    assert snapshot.unrated == frozenset(snapshot.ids)


def test_context_has_the_paragraph_and_evidence(store: Store) -> None:
    casualties = store.claim(claim_id(store, LEDGER_ADVANCE, 1))
    assert casualties is not None
    context = ContextLoader(store).load(casualties)
    assert context.passage.startswith("The Ministry of Defence said")
    assert context.passage.endswith("told reporters.")
    start = casualties.source_span.start - context.passage_start
    assert context.passage[start:].startswith(casualties.source)
    assert [e.rank for e in context.evidence] == [1, 2, 3]


def test_passage_is_a_window_on_a_huge_paragraph(store: Store) -> None:
    """A "paragraph" of 400 sentences (unsplit text) is cut to a window round the claim."""
    sentences = [
        SentenceRecord(i, 1, i, 0, "body", i * 50, i * 50 + 49, "x" * 49) for i in range(400)
    ]
    middle = sentences[200]
    claim = replace(
        store.claims()[0], sentence_id=middle.id, sentence_span=Span(middle.start, middle.end)
    )
    start, end = passage_bounds(claim, sentences, 400 * 50)
    assert start <= middle.start < middle.end <= end
    assert end - start <= 1500
    assert middle.start - start > 500 and end - middle.end > 500, "centred on the claim"


def test_passage_falls_back_to_the_sentence_span(store: Store) -> None:
    claim = replace(store.claims()[0], sentence_id=-1)
    assert passage_bounds(claim, [], 10_000) == (
        claim.sentence_span.start,
        claim.sentence_span.end,
    )


def test_writer_runs_writes_in_submission_order() -> None:
    """Keys pressed quickly ("rate" then "undo") must reach the store in that order."""
    order: list[int] = []
    gate = threading.Event()
    writer = StoreWriter(lambda error: None)
    writer.submit(lambda: gate.wait(10))  # the first write is slow: the others must queue
    for n in range(5):
        writer.submit(partial(order.append, n))
    assert writer.pending == 6
    gate.set()
    writer.close()
    assert order == [0, 1, 2, 3, 4] and writer.pending == 0


def test_writer_reports_a_failed_write_and_goes_on() -> None:
    errors: list[BaseException] = []
    done: list[str] = []
    writer = StoreWriter(errors.append)

    def fail() -> None:
        raise RuntimeError("write failed")

    writer.submit(fail)
    writer.submit(partial(done.append, "next"))
    writer.close()
    assert [str(e) for e in errors] == ["write failed"] and done == ["next"]
    with pytest.raises(RuntimeError):
        writer.submit(partial(done.append, "after close"))


async def test_writer_drained_waits_for_every_queued_write() -> None:
    gate = threading.Event()
    done: list[int] = []
    writer = StoreWriter(lambda error: None)
    writer.submit(lambda: gate.wait(10))
    writer.submit(partial(done.append, 1))
    waiting = asyncio.ensure_future(writer.drained())
    await asyncio.sleep(0)
    assert not waiting.done() and done == []
    gate.set()
    await asyncio.wait_for(waiting, 10)
    assert done == [1]
    writer.close()
