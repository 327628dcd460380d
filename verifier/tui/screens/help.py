"""The ``?`` help screen: every command with its current key, generated from COMMANDS."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from verifier.tui.commands import SCOPE_TITLES, Command, Scope, bindings, commands_for, key_label
from verifier.tui.text import hanging, one_line

KEY_WIDTH = 12
NAME_WIDTH = 23
SCOPE_ORDER: tuple[Scope, ...] = (
    "main",
    "app",
    "grade",
    "filter",
    "export",
    "source",
    "article",
    "stats",
    "note",
    "ask",
    "help",
)


class HelpScreen(ModalScreen[None]):
    COMMAND_SCOPE = "help"
    BINDINGS = bindings("help")

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > #help-box {
            width: 104;
            max-height: 90%;
        }
        & #help-scroll { height: auto; max-height: 100%; scrollbar-gutter: stable; }
        & #help-body { width: 1fr; }
    }
    """

    def __init__(
        self, keymap: Mapping[str, str] | None = None, *, config_path: Path | None = None
    ) -> None:
        super().__init__()
        self.keymap: Mapping[str, str] = keymap or {}
        self.config_path = config_path

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="modal-box"), VerticalScroll(id="help-scroll"):
            yield Static(id="help-body", markup=False)

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = "Keys"
        box.border_subtitle = "escape closes"
        self.query_one("#help-scroll").focus()
        self.call_after_refresh(self._update_body)

    def on_resize(self) -> None:
        self.call_after_refresh(self._update_body)

    def _update_body(self) -> None:
        width = self.query_one("#help-scroll").scrollable_content_region.width
        self.query_one("#help-body", Static).update(self._body(width))

    def _body(self, width: int) -> Content:
        lines: list[Content] = []
        for scope in SCOPE_ORDER:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(SCOPE_TITLES[scope], "bold"))
            lines += [self._row(command, width) for command in commands_for(scope)]
        lines += [Content(""), Content.styled("Your keys", "bold")]
        where = str(self.config_path) if self.config_path else "(no settings file in use)"
        lines.append(
            hanging(
                Content.assemble(
                    "Rebind any key in ",
                    Content.styled(one_line(where), "bold"),
                    ' under [keys], by the command id: move-down = "j,down".',
                ),
                width,
                KEY_WIDTH + NAME_WIDTH,
                Content("settings"),
            )
        )
        return Content("\n").join(lines)

    def _row(self, command: Command, width: int) -> Content:
        """Key, name, then the help text wrapped in its own column."""
        keys = Content.styled(key_label(self.app, command, self.keymap), "bold")
        label = Content.assemble(keys.truncate(KEY_WIDTH - 1, pad=True), " ", command.description)
        text = Content.assemble(command.help, Content.styled(f"  id: {command.id}", "dim"))
        return hanging(text, width, KEY_WIDTH + NAME_WIDTH, label)

    def action_close(self) -> None:
        self.dismiss(None)
