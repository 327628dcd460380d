"""The note editor: one line of text for the current claim; enter saves, escape cancels.

A note may hold line breaks (``verifier verdict --note`` takes any text); the one-line input
shows each as a visible ``⏎`` and turns it back into a line break on save, so a note is never
garbled on screen nor silently flattened by opening and saving it.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from verifier.tui.commands import bindings, commands_for, key_label
from verifier.tui.text import breaks_restored, breaks_shown, one_line

ABOUT_LIMIT = 200


def editable(note: str) -> str:
    """The note on one line: breaks shown as ``⏎``, control characters dropped."""
    return breaks_shown(note).replace("\t", " ")


def stored(value: str) -> str:
    """What the input holds, with each ``⏎`` a line break again."""
    return breaks_restored(value)


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the note text (possibly empty, which clears it) or ``None``."""

    COMMAND_SCOPE = "note"
    BINDINGS = bindings("note")

    DEFAULT_CSS = """
    NoteScreen {
        align: center middle;
        & > #note-box {
            width: 80;
        }
        & #note-about { color: $text-muted; margin-bottom: 1; }
        & #note-hint { color: $text-muted; margin-top: 1; }
    }
    """

    def __init__(
        self, note: str = "", *, about: str = "", keymap: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self.note = note
        self.about = about
        self.keymap: Mapping[str, str] = keymap or {}

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="modal-box"):
            yield Static(id="note-about", markup=False)
            yield Input(editable(self.note), placeholder="Note on this claim", id="note-input")
            yield Static(id="note-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#note-box").border_title = "Note"
        about = one_line(self.about)
        if len(about) > ABOUT_LIMIT:
            about = about[: ABOUT_LIMIT - 1] + "…"
        self.query_one("#note-about", Static).update(Content(about))
        hint = "   ".join(
            f"{key_label(self.app, command, self.keymap)} {command.description}"
            for command in commands_for("note")
        )
        self.query_one("#note-hint", Static).update(Content(hint))
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        value = self.query_one(Input).value
        # Unedited: the note exactly as stored (the display dropped its control characters).
        self.dismiss(self.note if value == editable(self.note) else stored(value))

    def action_cancel(self) -> None:
        self.dismiss(None)
