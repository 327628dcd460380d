"""A one-line prompt: search words, a re-check date, the reviewer's name.

Dismisses with the text typed (possibly empty) on enter, or ``None`` on escape. ``check``
validates before closing, so a bad date is reported in the prompt instead of in a log.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from verifier.tui.commands import bindings, commands_for, key_label
from verifier.tui.text import one_line

Check = Callable[[str], str | None]
"""Returns an error message for a bad value, or ``None`` when it may be accepted."""


class AskScreen(ModalScreen[str | None]):
    COMMAND_SCOPE = "ask"
    BINDINGS = bindings("ask")

    DEFAULT_CSS = """
    AskScreen {
        align: center middle;
        & > #ask-box {
            width: 72;
        }
        & #ask-prompt { color: $text-muted; margin-bottom: 1; }
        & #ask-error { color: $text-error; }
        & #ask-hint { color: $text-muted; margin-top: 1; }
    }
    """

    def __init__(
        self,
        title: str,
        prompt: str,
        value: str = "",
        *,
        placeholder: str = "",
        check: Check | None = None,
        keymap: Mapping[str, str] | None = None,
        cancel: bool = True,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.prompt = prompt
        self.value = value
        self.placeholder = placeholder
        self.check = check
        self.keymap: Mapping[str, str] = keymap or {}
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-box", classes="modal-box"):
            yield Static(Content(one_line(self.prompt)), id="ask-prompt", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="ask-input")
            yield Static("", id="ask-error", markup=False)
            yield Static(id="ask-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#ask-box").border_title = self.title_text
        hints = ["enter accept"]
        if self.cancel:
            hints += [
                f"{key_label(self.app, c, self.keymap)} {c.description}"
                for c in commands_for("ask")
            ]
        self.query_one("#ask-hint", Static).update(Content("   ".join(hints)))
        self.query_one("#ask-error").display = False
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        problem = self.check(value) if self.check else None
        if problem:
            error = self.query_one("#ask-error", Static)
            error.update(Content(one_line(problem)))
            error.display = True
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        if self.cancel:
            self.dismiss(None)
