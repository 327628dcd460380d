"""Claims and verdicts by rating, source type, source and outlet, as terminal bar charts.

Each bar is split in two: the rated share drawn solid, the rest shaded, so the chart says
both where the claims are and how far the review of each group has come.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from verifier.store import Store
from verifier.store.triage import Tally, tallies
from verifier.tui.commands import bindings
from verifier.tui.text import cell

CHARTS = ("rating", "source type", "source", "outlet")
LABEL_WIDTH = 26
COUNT_WIDTH = 14


def bar_chart(rows: list[Tally], width: int, solid: str, shade: str) -> Content:
    """One line per tally: label, bar (rated solid, unrated shaded), ``rated/claims``."""
    if not rows:
        return Content.styled("  nothing yet", "dim")
    biggest = max(t.claims for t in rows) or 1
    room = max(4, width - LABEL_WIDTH - COUNT_WIDTH - 2)
    lines = []
    for t in rows:
        length = max(1, round(t.claims * room / biggest)) if t.claims else 0
        done = round(t.rated * length / t.claims) if t.claims else 0
        bar = Content.assemble(
            Content.styled("█" * done, solid), Content.styled("░" * (length - done), shade)
        )
        count = Content(f" {t.rated}/{t.claims}")
        lines.append(Content.assemble(cell(t.label, LABEL_WIDTH), " ", bar, count))
    return Content("\n").join(lines)


class StatsScreen(Screen[None]):
    COMMAND_SCOPE = "stats"
    BINDINGS = bindings("stats")

    DEFAULT_CSS = """
    StatsScreen {
        & #stats-scroll { border: round $border; padding: 0 1; background: $surface; }
        & #stats-scroll > Static { width: 1fr; margin-bottom: 1; }
    }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.data: dict[str, list[Tally]] | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats-scroll"):
            yield Static("Counting…", id="stats-body", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        scroll = self.query_one("#stats-scroll")
        scroll.border_title = "Claims and verdicts"
        scroll.border_subtitle = "solid: rated · shaded: not yet · escape closes"
        self.load()

    @work(thread=True, group="stats", exclusive=True, exit_on_error=False)
    def load(self) -> None:
        data = {by: tallies(self.store, by) for by in CHARTS}
        self.app.call_from_thread(self._loaded, data)

    def _loaded(self, data: dict[str, list[Tally]]) -> None:
        self.data = data
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.data is None:
            return
        theme = self.app.current_theme
        width = self.query_one("#stats-scroll").scrollable_content_region.width
        blocks = []
        for by in CHARTS:
            title = Content.styled(f"by {by}", f"bold {theme.primary}")
            chart = bar_chart(self.data[by], width, theme.success or "green", "dim")
            blocks.append(Content("\n").join([title, chart]))
        self.query_one("#stats-body", Static).update(Content("\n\n").join(blocks))

    def action_close(self) -> None:
        self.dismiss(None)
