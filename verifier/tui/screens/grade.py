"""The source-reliability picker: one key per Admiralty grade A-F.

Dismisses with the grade letter, ``""`` to clear the grade, or ``None`` (escape) to change
nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from verifier.models import SOURCE_GRADES
from verifier.tui.commands import bindings, commands_for, key_label
from verifier.tui.text import plain_line


class GradeScreen(ModalScreen[str | None]):
    COMMAND_SCOPE = "grade"
    BINDINGS = bindings("grade")

    DEFAULT_CSS = """
    GradeScreen {
        align: center middle;
        & > #grade-box {
            width: 56;
        }
        & #grade-source { color: $text-muted; margin-bottom: 1; }
        & #grade-hint { color: $text-muted; margin-top: 1; }
    }
    """

    def __init__(
        self, source: str, current: str | None, keymap: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self.source = source
        self.current = current
        self.keymap: Mapping[str, str] = keymap or {}

    def compose(self) -> ComposeResult:
        with Vertical(id="grade-box", classes="modal-box"):
            yield Static(id="grade-source", markup=False)
            yield Static(id="grade-list", markup=False)
            yield Static(id="grade-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#grade-box").border_title = "Source reliability"
        self.query_one("#grade-source", Static).update(
            Content.assemble("How reliable is ", plain_line(self.source), "?")
        )
        rows = []
        for command in commands_for("grade"):
            if not command.action.startswith("grade('"):
                continue
            grade = command.id.removeprefix("grade-").upper()
            key = key_label(self.app, command, self.keymap)
            line = Content.assemble(
                Content.styled(f" {key:<3}", "bold"), f"{grade}  {SOURCE_GRADES[grade]}"
            )
            if grade == self.current:
                line = line.stylize("reverse")
            rows.append(line)
        self.query_one("#grade-list", Static).update(Content("\n").join(rows))
        hints = [
            f"{key_label(self.app, c, self.keymap)} {c.description}"
            for c in commands_for("grade")
            if c.id in ("grade-clear", "grade-close")
        ]
        self.query_one("#grade-hint", Static).update(Content("   ".join(hints)))

    def action_grade(self, grade: str | None) -> None:
        self.dismiss(grade or "")

    def action_close(self) -> None:
        self.dismiss(None)
