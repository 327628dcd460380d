"""Attribution across articles in the TUI: the claim pane's status and appearances table, and
the attribution key starting from the computed status. Pilot tests assert on what a fresh
connection to the store holds; the table is fed markup and terminal escapes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures_store import (
    AGGREGATOR_COPY,
    LEDGER_ADVANCE,
    LEDGER_WATER,
    WIRE_STRIKES,
    article_id,
    claim_id,
    make_store,
    sentence_id,
)
from tests.test_tui import SIZE, fresh, hostile_store, main_screen, press, screen_text, settle
from verifier.models import AnalysedDocument
from verifier.store import Store
from verifier.store.appearances import AppearanceRecord, replace_appearances
from verifier.store.triage import queue_rows
from verifier.tui import VerifierApp
from verifier.tui.data import ContextLoader, attribution_cycle, next_check, suggested_check
from verifier.tui.widgets.claim_detail import UNATTRIBUTED, ClaimDetail, appearance_flag


def appearance(
    store: Store,
    claim: str,
    doc: AnalysedDocument,
    unit: int,
    status: str,
    source: str | None = None,
    cue: str | None = None,
    *,
    hedged: bool = False,
) -> AppearanceRecord:
    """An appearance of ``claim`` in ``doc``'s unit, as the provenance stage would store it."""
    record = store.article(article_id(store, doc), with_text=False)
    assert record is not None
    return AppearanceRecord(
        claim_id=claim,
        article_id=record.id,
        article_name=record.name,
        outlet=record.outlet,
        published=record.published,
        sentence_id=sentence_id(store, doc, unit),
        sentence="",
        source=source,
        canonical_source=source,
        cue=cue,
        hedged=hedged,
        status=status,
    )


def track_casualties(store: Store, status: str = "drift") -> str:
    """The casualty claim of the Ledger, told three more ways: the wire with the same source,
    the aggregator's copy without any, the later Ledger piece with another source, hedged."""
    claim = claim_id(store, LEDGER_ADVANCE, 1)
    rows = [
        appearance(
            store, claim, WIRE_STRIKES, 2, "same_source", "Civil Relief Network", "according to"
        ),
        appearance(store, claim, AGGREGATOR_COPY, 3, "unattributed"),
        appearance(
            store,
            claim,
            LEDGER_WATER,
            3,
            "other_source",
            "An official who asked not to be named",
            "claimed",
            hedged=True,
        ),
    ]
    replace_appearances(store, [(claim, status, rows)])
    return claim


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = make_store(tmp_path)
    yield s
    s.close()


def detail_text(app: VerifierApp) -> str:
    return str(main_screen(app).query_one(ClaimDetail).content)


def test_suggestion_and_cycle_follow_the_computed_status() -> None:
    assert suggested_check("drift") == suggested_check("conflict") == "unclear"
    assert suggested_check("consistent") == "confirmed"
    assert suggested_check("single") is None and suggested_check(None) is None
    for status in ("drift", "conflict", "consistent", "single", None):
        cycle = attribution_cycle(status)
        assert sorted(c for c in cycle if c) == ["confirmed", "misattributed", "unclear"]
        assert cycle[-1] is None
        seen, check = [], None
        for _ in range(4):
            check = next_check(check, status)
            seen.append(check)
        assert tuple(seen) == cycle, status
    assert next_check("bogus", "drift") == "unclear"


def test_context_loader_reads_appearances_through_the_store(store: Store) -> None:
    claim_key = track_casualties(store)
    claim = store.claim(claim_key)
    assert claim is not None and claim.attribution_status == "drift"
    context = ContextLoader(store).load(claim)
    assert [a.outlet for a in context.appearances] == [
        "Northern Ledger",
        "Coastal Wire",
        "Daily Digest",
        "Northern Ledger",
    ]
    assert context.appearances[0].original
    own = context.appearances[0]
    assert [appearance_flag(a, own) for a in context.appearances] == [
        None,
        None,
        "drift",
        "conflict",
    ]


async def test_claim_pane_shows_status_and_appearances(store: Store) -> None:
    track_casualties(store)
    app = VerifierApp(store, "ana")
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        text = detail_text(app)
        assert "not tracked yet" in text, "an untracked claim says so"
        await press(app, pilot, "j")
        text = detail_text(app)
        assert " drift " in text and "dropped, hedged or firmed up" in text
        assert "suggested unclear (drift)" in text
        lines = text.splitlines()
        start = lines.index("appearances")
        header, *rows = lines[start + 1 : start + 6]
        assert header.split() == ["outlet", "date", "attributed", "to", "cue", "status"]
        assert rows[0].startswith("*>") and "Northern Ledger" in rows[0], "own and first"
        assert rows[1].startswith("  ") and "according to" in rows[1]
        assert (
            rows[2].startswith(" !") and UNATTRIBUTED in rows[2] and rows[2].split()[-1] == "none"
        )
        assert rows[3].startswith(" !") and rows[3].split()[-1] == "other"
        assert "claimed · hedged" in rows[3]
        assert "2024-03-04" in rows[3]


async def test_attribution_key_starts_from_the_suggestion(store: Store) -> None:
    drifting = track_casualties(store, "drift")
    steady = claim_id(store, WIRE_STRIKES, 0)
    replace_appearances(store, [(steady, "consistent", [])])
    steady_index = [claim for claim, _ in queue_rows(store)].index(steady)
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        seen = []
        for _ in range(4):
            await press(app, pilot, "a")
            verdict = fresh(store).verdict(drifting)
            seen.append(verdict.attribution_check if verdict else None)
        assert seen == ["unclear", "misattributed", "confirmed", None]
        assert "suggested unclear (drift)" in detail_text(app)
        await press(app, pilot, "g", *["j"] * steady_index, "a")
        assert main_screen(app).context is not None
        assert main_screen(app).context.claim.id == steady  # type: ignore[union-attr]
        assert fresh(store).verdict(steady).attribution_check == "confirmed"  # type: ignore[union-attr]
        assert "suggested" not in detail_text(app), "the check now agrees with the suggestion"


async def test_appearances_table_shows_markup_and_escapes_literally(tmp_path: Path) -> None:
    store = hostile_store(tmp_path)
    claim = store.claims()[0]
    other = store.article(2, with_text=False)
    assert other is not None
    hostile = AppearanceRecord(
        claim_id=claim.id,
        article_id=other.id,
        article_name=other.name,
        outlet=other.outlet,
        published="[i]2024[/i]\x1b[5m",
        sentence_id=store.sentences(2)[0].id,
        sentence="",
        source="[@click=app.quit]Ministry[/]\x1b]0;pwned\x07",
        canonical_source="[@click=app.quit]Ministry[/]\x1b]0;pwned\x07",
        cue="[b]claimed[/b]\x9b1m",
        hedged=True,
        status="other_source",
    )
    replace_appearances(store, [(claim.id, "conflict", [hostile])])
    app = VerifierApp(store, "ana")
    async with app.run_test(size=(220, 50)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        for fragment in (
            "[b]Wire[/b]c",  # the other outlet
            "[@click=app.quit]Ministry[/]]0;pwned",  # who it is attributed to there
            "[b]claimed[/b]1m · hedged",  # the cue
        ):
            assert fragment in text, fragment
        assert " conflict " in text
        for control in ("\x1b", "\x07", "\x9b"):
            assert control not in text
        await pilot.click(ClaimDetail, offset=(12, 20))
        await settle(app, pilot)
        assert app.is_running
    store.close()
