"""One line under the panes: who is reviewing, progress, position, and a passing message."""

from __future__ import annotations

import time

from textual.content import Content
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

from verifier.tui.text import one_line

MESSAGE_SECONDS = 4.0
RATE_AFTER_SECONDS = 60.0


class StatusLine(Widget):
    COMPONENT_CLASSES = {"status-line--label", "status-line--message"}

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        & > .status-line--label { color: $text-muted; }
        & > .status-line--message { color: $text-accent; text-style: bold; }
    }
    """

    reviewer: reactive[str] = reactive("")
    rated: reactive[int] = reactive(0)
    total: reactive[int] = reactive(0)
    position: reactive[int | None] = reactive(None)
    message: reactive[str] = reactive("")
    session_rated: reactive[int] = reactive(0)
    view: reactive[str] = reactive("")  # the queue's filter and order, when not the default

    def __init__(self, reviewer: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(StatusLine.reviewer, reviewer)
        self._clear_timer: Timer | None = None
        self._started = time.monotonic()

    def on_mount(self) -> None:
        # The pace changes with time alone; a cheap repaint twice a minute keeps it honest.
        self.set_interval(30, self.refresh)

    def pace(self, now: float | None = None) -> str:
        """Claims rated per hour this session; shown after a minute, when it means something."""
        elapsed = (now if now is not None else time.monotonic()) - self._started
        if elapsed < RATE_AFTER_SECONDS:
            return "–/h"
        return f"{self.session_rated * 3600 / elapsed:.0f}/h"

    def flash(self, text: str, seconds: float = MESSAGE_SECONDS) -> None:
        """Show ``text`` for a few seconds; a newer message replaces it at once."""
        self.message = one_line(text)
        if self._clear_timer is not None:
            self._clear_timer.stop()
        self._clear_timer = self.set_timer(seconds, self._clear)

    def _clear(self) -> None:
        self.message = ""
        self._clear_timer = None

    def render(self) -> Content:
        label = self.get_visual_style("status-line--label", partial=True)
        position = "-" if self.position is None else f"{self.position + 1}"
        parts: list[Content] = [
            Content.styled(" reviewer ", label),
            Content(one_line(self.reviewer)),
            Content.styled("   done ", label),
            Content(f"{self.rated}/{self.total}"),
            Content.styled("   claim ", label),
            Content(f"{position}/{self.total}"),
            Content.styled("   session ", label),
            Content(f"{self.session_rated} · {self.pace()}"),
        ]
        if self.view:
            parts += [Content.styled("   view ", label), Content(one_line(self.view))]
        if self.message:
            message = self.get_visual_style("status-line--message", partial=True)
            parts += [Content("   "), Content.styled(self.message, message)]
        return Content.assemble(*parts)
