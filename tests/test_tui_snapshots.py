"""Snapshots of each screen, from the fixed fixture corpus at a fixed terminal size.

Nothing time-dependent is on screen (no clock, ingest or verdict times), and the note
editor's cursor does not blink, so the SVGs are stable. Regenerate on purpose with
``pytest tests/test_tui_snapshots.py --snapshot-update`` after a Textual bump or a UI change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.fixtures_store import make_store
from tests.test_tui_attribution import track_casualties
from verifier.store import Store
from verifier.tui import VerifierApp

SIZE = (120, 40)
SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Verdict times appear in the claim's history: one fixed time keeps the SVGs stable."""
    monkeypatch.setattr("verifier.store.db.now_iso", lambda: "2025-01-02T03:04:05.000000+00:00")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = make_store(tmp_path)
    yield s
    s.close()


def keys(*pressed: str) -> Callable[[Pilot[None]], object]:
    """A ``run_before`` that waits for the queue, presses keys and waits for their writes."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        await app.settled()
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await app.settled()
            await pilot.pause()
        for field in app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return run_before


def test_main_screen(snap_compare: SnapCompare, store: Store) -> None:
    """After rating the first claim: its [1] mark, and the casualty claim with its evidence."""
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("1"))


def test_help_screen(snap_compare: SnapCompare, store: Store) -> None:
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("question_mark"))


def test_note_modal(snap_compare: SnapCompare, store: Store) -> None:
    app = VerifierApp(store, "ana")
    typed = [*"figure differs: 27 vs 31"]
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("j", "n", *typed))


def test_empty_database(snap_compare: SnapCompare, tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as empty:
        app = VerifierApp(empty, "ana")
        assert snap_compare(app, terminal_size=SIZE, run_before=keys())


def test_grade_modal(snap_compare: SnapCompare, store: Store) -> None:
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("r"))


def test_filter_modal(snap_compare: SnapCompare, store: Store) -> None:
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("f"))


def test_search_prompt(snap_compare: SnapCompare, store: Store) -> None:
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("slash", *"strike"))


def test_search_result(snap_compare: SnapCompare, store: Store) -> None:
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("slash", *"desalination", "enter"))


def test_export_modal(snap_compare: SnapCompare, store: Store) -> None:
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("e"))


def test_article_screen(snap_compare: SnapCompare, store: Store) -> None:
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("j", "enter"))


def test_source_screen(snap_compare: SnapCompare, store: Store) -> None:
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("1", "2", "g", "v"))


def test_stats_screen(snap_compare: SnapCompare, store: Store) -> None:
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("1", "4", "t"))


def test_evidence_pane_active_with_marks(snap_compare: SnapCompare, store: Store) -> None:
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("j", "tab", "s", "j", "x"))


def test_reviewer_prompt(snap_compare: SnapCompare, store: Store, tmp_path: Path) -> None:
    app = VerifierApp(store, None, config_path=tmp_path / "config.toml")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys())


def test_claim_appearances_with_drift(snap_compare: SnapCompare, store: Store) -> None:
    """The casualty claim told four ways: its drift status, the suggestion beside the check,
    and the appearances table (first appearance, unattributed and other-source rows marked),
    scrolled into view in the claim pane."""
    track_casualties(store)
    app = VerifierApp(store, "ana")
    moves = ("j", "tab", "tab", "j", "j", "j", "j")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys(*moves))


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
def test_main_screen_fits(snap_compare: SnapCompare, store: Store, size: tuple[int, int]) -> None:
    """The main screen at a small and a large terminal (120x40 is ``test_main_screen``): at
    80x24 the claim, its source and one-line evidence items under a short queue, the footer
    with help and quit; at 200x60 the evidence pane at 40% of the width."""
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=size, run_before=keys("1"))


def test_focus_mode(snap_compare: SnapCompare, store: Store) -> None:
    """``z`` at 80x24: the queue steps aside and the claim and its evidence fill the screen."""
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("j", "z"))


def test_article_view_at_80x24(snap_compare: SnapCompare, store: Store) -> None:
    """The article view on a small terminal, the second claim of the article in view."""
    app = VerifierApp(store, "ana")
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("enter", "n"))
