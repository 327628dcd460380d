"""The claim queue: a virtual list that renders only the rows on screen.

A DataTable with 100k rows takes seconds to fill on the UI thread; this widget holds nothing
but a cursor and asks :class:`~verifier.tui.data.ClaimQueueModel` for the records of the
visible rows, which it reads a page at a time. Updating one row after a verdict repaints one
line.
"""

from __future__ import annotations

from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from verifier.models import ClaimRecord
from verifier.tui.data import ClaimQueueModel
from verifier.tui.text import cell

MARK_WIDTH = 4
TAG_WIDTH = 12
SOURCE_WIDTH = 24
NARROW_SOURCE_WIDTH = 18  # rows narrower than WIDE_ROW: more room for what is claimed
WIDE_ROW = 96
OUTLET_LEAST = 8
GAP = Content(" ")


class ClaimQueue(ScrollView, can_focus=False, inherit_bindings=False):
    """Rows of ``[rating] source_type source  gist of the content  outlet``.

    Not focusable and without bindings of its own: the screen's commands move the cursor, so
    a user keymap rebinds movement in one place.
    """

    COMPONENT_CLASSES = {
        "claim-queue--cursor",
        "claim-queue--unrated",
        "claim-queue--tag",
        "claim-queue--source",
        "claim-queue--outlet",
        *(f"claim-queue--rating-{n}" for n in range(1, 7)),
    }

    DEFAULT_CSS = """
    ClaimQueue {
        overflow-x: hidden;
        overflow-y: auto;
        & > .claim-queue--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .claim-queue--unrated { color: $text-muted; }
        & > .claim-queue--tag { color: $text-secondary; }
        & > .claim-queue--source { color: $text-primary; text-style: bold; }
        & > .claim-queue--outlet { color: $text-muted; }
        & > .claim-queue--rating-1 { color: $text-success; text-style: bold; }
        & > .claim-queue--rating-2 { color: $text-success; }
        & > .claim-queue--rating-3 { color: $text-warning; }
        & > .claim-queue--rating-4 { color: $text-accent; text-style: bold; }
        & > .claim-queue--rating-5 { color: $text-error; text-style: bold; }
        & > .claim-queue--rating-6 { color: $text-muted; text-style: bold; }
    }
    """

    cursor: reactive[int] = reactive(0, init=False)

    class Highlighted(Message):
        """The cursor moved to ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, model: ClaimQueueModel, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model = model
        # Rendered rows: a relayout (the panes change size on every move) repaints the
        # queue, and re-rendering 40 rows each time costs more than the move itself.
        self._rows: LRUCache[tuple[str, int | None, bool, int], Strip] = LRUCache(256)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _: self._rows.clear(), init=False)

    # -- data --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Take a new model state (a fresh snapshot): resize and repaint everything."""
        self.virtual_size = Size(1, len(self.model))
        self.refresh()
        # The cursor is set right after this, before the new size is laid out, and a scroll
        # then is clamped to the old (empty) size: scroll the cursor into view once it is.
        self.call_after_refresh(self.scroll_to_cursor)

    def refresh_row(self, index: int) -> None:
        self.refresh_line(index)

    @property
    def current(self) -> ClaimRecord | None:
        return self.model.claim_at(self.cursor) if len(self.model) else None

    # -- cursor ------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.model) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_cursor()
        self.post_message(self.Highlighted(new))

    def scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        if not height:
            return
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def page_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def on_resize(self, event: events.Resize) -> None:
        self.scroll_to_cursor()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y + round(self.scroll_y)
        if 0 <= row < len(self.model):
            self.cursor = row

    # -- rendering ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        if index == self.cursor and len(self.model):
            base = self.get_visual_style("claim-queue--cursor")
        else:
            base = self.get_visual_style()
        claim = self.model.claim_at(index)
        if claim is None:
            return Strip.blank(width, base.rich_style)
        key = (claim.id, claim.rating, index == self.cursor, width)
        strip = self._rows.get(key)
        if strip is None:
            row = self._row(claim, width)
            strip = Strip(row.render_segments(base), width).crop_extend(0, width, base.rich_style)
            self._rows[key] = strip
        return strip

    def _row(self, claim: ClaimRecord, width: int) -> Content:
        """One row; every string from the store goes through :func:`cell` (safe, one line)."""
        style = self.get_visual_style
        if claim.rating is None:
            mark = cell(" ·", MARK_WIDTH, style("claim-queue--unrated", partial=True))
        else:
            rating_style = style(f"claim-queue--rating-{claim.rating}", partial=True)
            mark = cell(f"[{claim.rating}]", MARK_WIDTH, rating_style)
        outlet_width = min(18, max(0, (width - 70) // 2))
        if outlet_width < OUTLET_LEAST:
            outlet_width = 0  # "No…" names no outlet: the room goes to the claim instead
        source_width = SOURCE_WIDTH if width >= WIDE_ROW else NARROW_SOURCE_WIDTH
        gist_width = width - MARK_WIDTH - TAG_WIDTH - source_width - outlet_width - 2
        source = claim.canonical_source or claim.resolved_source or claim.source
        parts = [
            mark,
            cell(claim.source_type, TAG_WIDTH - 1, style("claim-queue--tag", partial=True)),
            GAP,
            cell(source, source_width - 1, style("claim-queue--source", partial=True)),
            GAP,
            cell(claim.content or claim.sentence, gist_width),
        ]
        if claim.cluster_size > 1:
            # One row for the statement in every copy: how many, and in how many outlets.
            many = f"\u00d7{claim.cluster_size} in {claim.cluster_outlets} outlets "
            tag = style("claim-queue--tag", partial=True)
            parts[-1] = Content.assemble(
                cell(many, min(len(many), gist_width), tag),
                cell(claim.content or claim.sentence, max(0, gist_width - len(many))),
            )
        if outlet_width:
            outlet_style = style("claim-queue--outlet", partial=True)
            parts += [GAP, GAP, cell(claim.outlet or "", outlet_width, outlet_style)]
        return Content.assemble(*parts)
