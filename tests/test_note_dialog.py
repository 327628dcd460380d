"""A note holding line breaks (or control characters) is shown safely on one line in the note
dialog and is neither garbled nor silently flattened by opening and saving it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.fixtures_store import make_store
from tests.test_tui import SIZE, fresh, press, settle
from verifier.store import Store
from verifier.tui import VerifierApp
from verifier.tui.screens.note import NoteScreen, editable, stored

NOTE = "line one\nline two\r\n\x1b]0;title\x07third"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with make_store(tmp_path) as s:
        yield s


def test_editable_round_trips_breaks() -> None:
    shown = editable(NOTE)
    assert "\n" not in shown and "\x1b" not in shown and "\x07" not in shown
    assert stored(shown) == "line one\nline two\n]0;titlethird"


async def test_a_multiline_note_is_shown_on_one_line_and_kept(store: Store) -> None:
    first = store.claim_ids()[0]
    store.record_note(first, NOTE, reviewer="earlier")
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        assert isinstance(app.screen, NoteScreen)
        value = app.screen.query_one(Input).value
        assert value == "line one \u23ce line two \u23ce ]0;titlethird"
        await press(app, pilot, "enter")  # saved unedited: its breaks kept, not flattened
        kept = fresh(store).verdict(first).note  # type: ignore[union-attr]
        assert kept == "line one\nline two\n]0;titlethird"
        await press(app, pilot, "n")
        await pilot.press("end", *" more")
        await press(app, pilot, "enter")
    note = fresh(store).verdict(first).note  # type: ignore[union-attr]
    assert note == "line one\nline two\n]0;titlethird more"
