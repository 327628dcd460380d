"""A scrollable block of text that repaints without a screen layout.

The claim and evidence panes change on every key. As a ``Static`` inside a scroll container
each change altered the widget's height and cost a whole-screen layout (about 16 ms, often
twice per key). Here the text is wrapped once into lines and only the visible ones are
rendered, like the queue: a new claim is a new line list and a repaint of this widget.
"""

from __future__ import annotations

from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class LinesView(ScrollView, can_focus=False, inherit_bindings=False):
    """Shows one :class:`Content`, wrapped to the widget's width; ``content`` is what it shows."""

    DEFAULT_CSS = """
    LinesView {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("")
        self._lines: list[Content] = []
        self._width = 0
        self._strips: LRUCache[int, Strip] = LRUCache(256)

    @property
    def content(self) -> Content:
        return self._content

    def set_content(self, content: Content) -> None:
        self._content = content
        self._wrap()

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        self._width = width
        self._strips.clear()
        if width <= 0:
            self._lines = []
        else:
            self._lines = [
                piece
                for line in self._content.split("\n", allow_blank=True)
                for piece in (line.wrap(width) or [Content("")])
            ]
        size = Size(width, len(self._lines))
        height = self.scrollable_content_region.height
        if (size.height > height) != (self.virtual_size.height > height):
            # The scrollbar appears or goes: the compositor must place it (a layout).
            self.virtual_size = size
        else:
            # Same scrollbar state and a stable gutter: nothing outside this widget moves.
            self.set_reactive(LinesView.virtual_size, size)
            self._scroll_update(size)
            self.refresh()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._wrap()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        base = self.get_visual_style()
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, base.rich_style)
        strip = self._strips.get(index)
        if strip is None:
            line = self._lines[index]
            strip = Strip(line.render_segments(base), line.cell_length).crop_extend(
                0, width, base.rich_style
            )
            self._strips[index] = strip
        return strip
