"""One source across the corpus: what it said, and what reviewers made of it so far.

Opened on the claim's canonical source (``SANA`` for "Syria's state news agency, SANA").
``enter`` on one of its claims dismisses with that claim's id, so the queue can jump there.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from verifier.models import RATINGS, SOURCE_GRADES, ClaimRecord
from verifier.store import Store
from verifier.store.triage import SourceRecord, Tally, source_record
from verifier.tui.commands import bindings
from verifier.tui.screens.stats import bar_chart
from verifier.tui.text import cell, plain_line


class SourceScreen(Screen[str | None]):
    COMMAND_SCOPE = "source"
    BINDINGS = bindings("source")

    DEFAULT_CSS = """
    SourceScreen {
        & #source-box { border: round $border; padding: 0 1; background: $surface; height: 1fr; }
        & #source-head { margin-bottom: 1; }
        & #source-record { margin-bottom: 1; height: auto; }
        & #source-claims { height: 1fr; border: none; }
    }
    """

    def __init__(self, store: Store, canonical: str) -> None:
        super().__init__()
        self.store = store
        self.canonical = canonical
        self.record: SourceRecord | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="source-box"):
            yield Static(id="source-head", markup=False)
            yield Static("Reading its claims…", id="source-record", markup=False)
            yield OptionList(id="source-claims")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#source-box")
        box.border_title = f"Source: {plain_line(self.canonical).plain}"
        box.border_subtitle = "enter goes to a claim · escape closes"
        self.load()

    @work(thread=True, group="source", exclusive=True, exit_on_error=False)
    def load(self) -> None:
        record = source_record(self.store, self.canonical)
        claims = self.store.claims_by_ids(record.claim_ids)
        self.app.call_from_thread(self._loaded, record, claims)

    def _loaded(self, record: SourceRecord, claims: list[ClaimRecord]) -> None:
        self.record = record
        types = ", ".join(record.source_types) or "unknown"
        rated = sum(record.ratings.values())
        head = Content.assemble(
            Content.styled(plain_line(self.canonical).plain, "bold"),
            f"  ·  {types}  ·  {record.total} claims, {rated} rated",
        )
        self.query_one("#source-head", Static).update(head)
        theme = self.app.current_theme
        lines = [Content.styled("track record", f"bold {theme.primary}")]
        tallies = [
            Tally(name, record.ratings.get(n, 0), record.ratings.get(n, 0))
            for n, name in RATINGS.items()
        ]
        width = self.query_one("#source-box").scrollable_content_region.width
        lines.append(bar_chart(tallies, width, theme.success or "green", "dim"))
        if record.grades:
            grades = ", ".join(
                f"{g} {SOURCE_GRADES[g]} ×{n}" for g, n in sorted(record.grades.items())
            )
            lines.append(Content(f"graded: {grades}"))
        if record.checks:
            checks = ", ".join(f"{c} ×{n}" for c, n in sorted(record.checks.items()))
            lines.append(Content(f"attribution: {checks}"))
        self.query_one("#source-record", Static).update(Content("\n").join(lines))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(self._row(c), id=c.id) for c in claims])
        options.focus()
        if claims:
            options.highlighted = 0

    @staticmethod
    def _row(claim: ClaimRecord) -> Content:
        mark = f"[{claim.rating}]" if claim.rating else " · "
        return Content.assemble(
            cell(mark, 4),
            cell(claim.outlet or claim.article_name, 18),
            " ",
            plain_line(claim.content or claim.sentence),
        )

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_open_claim(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def action_close(self) -> None:
        self.dismiss(None)
