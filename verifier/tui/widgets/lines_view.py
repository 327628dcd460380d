"""A scrollable block of text that repaints without a screen layout.

The claim and evidence panes change on every key. As a ``Static`` inside a scroll container
each change altered the widget's height and cost a whole-screen layout (about 16 ms, often
twice per key). Here the text is wrapped once into lines and only the visible ones are
rendered, like the queue: a new claim is a new line list and a repaint of this widget.

Wrapping and rendering the visible lines are pure functions of the text, the width and the
resolved styles (:class:`Wrapped`), so a pane's text for the claim the user is likely to open
next can be prepared off the UI thread and shown with no work but a repaint.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style


def wrap_lines(content: Content, width: int) -> list[Content]:
    """``content`` as display lines at most ``width`` cells wide.

    Most lines of the panes are wrapped by hand already (hanging indents), and
    :meth:`Content.wrap` is the costly part of showing a claim: a line that fits (and holds
    no tab, which wrapping would expand) is kept as it is.
    """
    if width <= 0:
        return []
    lines: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        if line.cell_length <= width and "\t" not in line.plain:
            lines.append(line)
        else:
            lines.extend(line.wrap(width) or [Content("")])
    return lines


def render_strip(line: Content, base: Style, width: int) -> Strip:
    """One display line as the strip the compositor paints, padded to ``width``."""
    return Strip(line.render_segments(base), line.cell_length).crop_extend(
        0, width, base.rich_style
    )


@dataclass(frozen=True, slots=True)
class PaneLook:
    """Everything a pane's text depends on besides the data: its width and height and the
    styles of its component classes, resolved on the UI thread (theme and CSS live there).

    A frozen value, so text can be built from it in a worker thread.
    """

    width: int
    height: int
    base: Style
    styles: Mapping[str, Style]
    compact: bool = False  # a small screen: the pane says the most in the fewest lines

    @classmethod
    def of(cls, view: LinesView, prefix: str) -> PaneLook:
        """``view``'s look now; ``styles`` keyed by component class without ``prefix``."""
        styles = {
            name.removeprefix(prefix): view.get_visual_style(name, partial=True)
            for name in view.COMPONENT_CLASSES
            if name.startswith(prefix)
        }
        region = view.scrollable_content_region
        compact = view.has_class("-compact")
        return cls(region.width, region.height, view.base_style, styles, compact)

    def style(self, name: str) -> Style:
        """The style of component class ``prefix + name`` (none for an unknown name)."""
        return self.styles.get(name) or Style()


@dataclass(frozen=True, slots=True)
class Wrapped:
    """Text wrapped for one :class:`PaneLook`, with the strips of its first screen rendered.

    Valid only while the pane still has that look: :meth:`LinesView.show_wrapped` checks.
    """

    content: Content
    look: PaneLook
    lines: list[Content]
    strips: Mapping[int, Strip] = field(default_factory=dict)

    @classmethod
    def make(cls, content: Content, look: PaneLook) -> Wrapped:
        """Wrap ``content`` and render the lines a pane scrolled to the top shows."""
        lines = wrap_lines(content, look.width)
        strips = {
            i: render_strip(line, look.base, look.width)
            for i, line in enumerate(lines[: look.height])
        }
        return cls(content, look, lines, strips)


class LinesView(ScrollView, can_focus=False, inherit_bindings=False):
    """Shows one :class:`Content`, wrapped to the widget's width; ``content`` is what it shows."""

    DEFAULT_CSS = """
    LinesView {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    STYLE_PREFIX: ClassVar[str] = ""
    """Component classes starting with this are the styles a :class:`PaneLook` resolves."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("")
        self._lines: list[Content] = []
        self._width = 0
        self._strips: LRUCache[int, Strip] = LRUCache(256)

    @property
    def content(self) -> Content:
        return self._content

    @property
    def text_width(self) -> int:
        """Cells a line may take: the width the panes wrap their text to."""
        return self.scrollable_content_region.width

    @property
    def base_style(self) -> Style:
        """The style lines are rendered on (the widget's own colours)."""
        return self.get_visual_style()

    def look(self) -> PaneLook:
        """What this pane's text depends on besides the data, read on the UI thread."""
        return PaneLook.of(self, self.STYLE_PREFIX)

    def set_content(self, content: Content) -> None:
        self._content = content
        self._wrap()

    def show_wrapped(self, wrapped: Wrapped) -> bool:
        """Show text prepared by :meth:`Wrapped.make`; ``False`` (nothing shown) when the
        pane's size or styles changed since, and the text must be built again."""
        if wrapped.look != self.look():
            return False
        self._content = wrapped.content
        self._set_lines(wrapped.look.width, wrapped.lines, wrapped.strips)
        return True

    def _wrap(self) -> None:
        width = self.text_width
        self._set_lines(width, wrap_lines(self._content, width), {})

    def _set_lines(self, width: int, lines: list[Content], strips: Mapping[int, Strip]) -> None:
        old_strips, old_count, old_width = self._strips, len(self._lines), self._width
        self._width = width
        self._lines = lines
        self._strips = LRUCache(256)
        for index, strip in strips.items():
            self._strips[index] = strip
        size = Size(width, len(self._lines))
        height = self.scrollable_content_region.height
        if (size.height > height) != (self.virtual_size.height > height):
            # The scrollbar appears or goes: the compositor must place it (a layout).
            self.virtual_size = size
            return
        # Same scrollbar state and a stable gutter: nothing outside this widget moves.
        self.set_reactive(LinesView.virtual_size, size)
        self._scroll_update(size)
        if width != old_width:
            self.refresh()
        else:
            self._refresh_changed(old_strips, old_count)

    def _refresh_changed(self, old_strips: LRUCache[int, Strip], old_count: int) -> None:
        """Repaint only the visible lines that differ from what is on screen.

        A whole-widget refresh also re-renders the border and title and every padded line;
        consecutive claims share many lines (labels, headings, blank lines), and Textual
        re-renders each line it is told is dirty at a cost far above our own drawing.
        """
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        changed = [not self._kept(top + y, old_strips, old_count) for y in range(height)]
        y = 0
        while y < height:
            if not changed[y]:
                y += 1
                continue
            end = y
            while end < height and changed[end]:
                end += 1
            self.refresh_lines(top + y, end - y)
            y = end

    def _kept(self, index: int, old_strips: LRUCache[int, Strip], old_count: int) -> bool:
        """Whether line ``index`` looks as it did before the new lines were set."""
        if index >= len(self._lines):
            return index >= old_count  # blank then and now
        if index >= old_count:
            return False
        strip = self._strip(index)
        return old_strips.get(index) == strip

    def _strip(self, index: int) -> Strip:
        strip = self._strips.get(index)
        if strip is None:
            strip = render_strip(self._lines[index], self.base_style, self.text_width)
            self._strips[index] = strip
        return strip

    def on_resize(self) -> None:
        if self.text_width != self._width:
            self._wrap()

    def render_line(self, y: int) -> Strip:
        width = self.text_width
        index = round(self.scroll_y) + y
        base = self.base_style
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, base.rich_style)
        return self._strip(index)
