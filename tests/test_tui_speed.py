"""The review screen's shortcuts for speed show exactly what the slow path would.

Claims the next key is likely to open are prepared in a worker, panes repaint only the lines
that changed, and lines that fit are not wrapped again: each is checked here against the
plain way of doing it, so a shortcut that shows something stale or different fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.content import Content

from tests.fixtures_store import make_store
from tests.test_tui import SIZE, cursor, main_screen, press, screen_text, settle
from verifier.store import Store
from verifier.tui import VerifierApp
from verifier.tui.widgets.claim_detail import ClaimDetail
from verifier.tui.widgets.evidence_pane import EvidencePane
from verifier.tui.widgets.lines_view import wrap_lines


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = make_store(tmp_path)
    yield s
    s.close()


async def repainted_in_full(app: VerifierApp) -> str:
    """The screen after both panes are rebuilt from the store and repainted whole."""
    screen = main_screen(app)
    screen.contexts = type(screen.contexts)(screen.store)  # no cached reads either
    screen._prepared.clear()
    screen._show_current()
    screen.query_one(ClaimDetail).refresh()
    screen.query_one(EvidencePane).refresh()
    await app.settled()
    return screen_text(app)


async def test_a_prepared_claim_shows_what_reading_it_fresh_shows(store: Store) -> None:
    ids = store.claim_ids()
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for step in range(len(ids) - 1):
            screen = main_screen(app)
            assert ids[step + 1] in screen._prepared, "the next claim was prepared"
            await press(app, pilot, "j")
            assert cursor(app) == step + 1
            shown = screen_text(app)
            await pilot.pause()
            assert shown == await repainted_in_full(app), f"claim {step + 1}"
            await settle(app, pilot)


async def test_going_back_to_a_rated_claim_shows_the_new_verdict(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")  # claim 1: claim 0 is prepared as the one before
        await press(app, pilot, "k")
        assert cursor(app) == 0
        await press(app, pilot, "5")  # rates claim 0, moves on to claim 1
        assert cursor(app) == 1
        await press(app, pilot, "k")
        detail = str(main_screen(app).query_one(ClaimDetail).content)
        assert "[5]" in detail and "not rated yet" not in detail


@pytest.mark.parametrize(
    "text",
    [
        "short",
        "a line that is much longer than the width and has to be wrapped somewhere",
        "trailing spaces   \nnext line",
        "tab\tinside a line",
        "wide 漢字漢字漢字漢字漢字漢字 characters",
        "\n\nblank lines\n\n",
        "exactly twenty cells",
    ],
)
@pytest.mark.parametrize("width", [5, 20, 40])
def test_lines_that_fit_are_kept_as_wrapping_would_keep_them(text: str, width: int) -> None:
    content = Content(text).stylize("bold", 0, 4)
    wrapped = [
        piece
        for line in content.split("\n", allow_blank=True)
        for piece in (line.wrap(width) or [Content("")])
    ]
    fast = wrap_lines(content, width)
    assert [line.plain for line in fast] == [line.plain for line in wrapped]
    assert [line.spans for line in fast] == [line.spans for line in wrapped]
