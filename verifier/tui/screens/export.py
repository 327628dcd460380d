"""The export dialog: format and path, written by :func:`verifier.export.export_file`.

The TUI writes through the very function ``verifier export -o FILE`` uses, so a file made
here and one made on the command line are byte for byte the same. The write runs in a
thread worker; when it is done the dialog closes and the review screen says what was written
(a notification), so the next key is a review key again. An error keeps the dialog open with
the one-line reason, to fix the path and try again.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from verifier.export import EXPORT_FORMATS, ExportError, ExportExists, export_file
from verifier.store import ClaimFilter, Store
from verifier.tui.commands import bindings, commands_for, key_label
from verifier.tui.text import one_line


class ExportScreen(ModalScreen[str | None]):
    """Dismisses with a summary of what was written, or ``None`` when closed without writing."""

    COMMAND_SCOPE = "export"
    BINDINGS = bindings("export")

    DEFAULT_CSS = """
    ExportScreen {
        align: center middle;
        & > #export-box {
            width: 76;
        }
        & .export-row { height: auto; }
        & .export-row > Label { width: 8; padding: 1 0 0 0; color: $text-muted; }
        & .export-row > Select, & .export-row > Input { width: 1fr; }
        & #export-result { margin-top: 1; }
        & #export-result.-error { color: $text-error; }
        & #export-hint { color: $text-muted; }
    }
    """

    def __init__(
        self,
        store: Store,
        flt: ClaimFilter | None = None,
        *,
        path: str = "verdicts.csv",
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.flt = flt
        self.path = path
        self.keymap: Mapping[str, str] = keymap or {}
        self.written: str | None = None
        # The path the user was told exists: writing it again replaces it.
        self.confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        formats = [(name, name) for name in EXPORT_FORMATS]
        by_suffix = {f.suffix: name for name, f in EXPORT_FORMATS.items()}
        suffix = by_suffix.get(Path(self.path).suffix, "csv")
        with Vertical(id="export-box", classes="modal-box"):
            with Horizontal(classes="export-row"):
                yield Label("format")
                yield Select(
                    formats,
                    value=suffix if suffix in EXPORT_FORMATS else "csv",
                    allow_blank=False,
                    id="export-format",
                )
            with Horizontal(classes="export-row"):
                yield Label("file")
                yield Input(self.path, id="export-path")
            yield Checkbox("only the claims in the current view", False, id="export-view")
            yield Static("", id="export-result", markup=False)
            yield Static(id="export-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#export-box").border_title = "Export verdicts"
        hint = "   ".join(
            f"{key_label(self.app, c, self.keymap)} {c.description}" for c in commands_for("export")
        )
        self.query_one("#export-hint", Static).update(Content(hint))
        self.query_one("#export-view").display = self.flt is not None
        self.query_one("#export-path", Input).focus()

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        """Keep the file name's suffix in step with the format, as a user would expect."""
        field = self.query_one("#export-path", Input)
        path = Path(field.value or "verdicts")
        suffixes = {name: f.suffix for name, f in EXPORT_FORMATS.items()}
        if isinstance(event.value, str) and path.suffix in (*suffixes.values(), ""):
            field.value = str(path.with_suffix(suffixes.get(event.value, "")))

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def action_write(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        fmt = self.query_one("#export-format", Select).value
        if not path:
            self._result("Name a file to write.", error=True)
            return
        only_view = self.flt is not None and self.query_one("#export-view", Checkbox).value
        self._result("Writing…", error=False)
        self.write(Path(path).expanduser(), fmt if isinstance(fmt, str) else None, only_view)

    @work(thread=True, group="export", exclusive=True, exit_on_error=False)
    def write(self, path: Path, fmt: str | None, only_view: bool) -> None:
        flt = self.flt if only_view else None
        try:
            count = export_file(self.store, path, fmt, flt, force=path == self.confirmed)
        except ExportExists:
            self.confirmed = path
            message = f"{path} exists: write again to replace it."
            self.app.call_from_thread(self._result, message, error=True)
            return
        except ExportError as exc:
            self.app.call_from_thread(self._result, str(exc), error=True)
            return
        message = f"Wrote {count} claims to {path}."
        self.app.call_from_thread(self._done, message)

    def _done(self, message: str) -> None:
        self.written = message
        self.dismiss(message)

    def _result(self, text: str, *, error: bool) -> None:
        result = self.query_one("#export-result", Static)
        result.update(Content(one_line(text)))
        result.set_class(error, "-error")

    def action_close(self) -> None:
        self.dismiss(self.written)
