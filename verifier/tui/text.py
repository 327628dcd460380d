"""Safe rendering of untrusted article text.

Everything the TUI shows from an article (sentences, sources, outlets, file names, notes) came
from files nobody vetted. Two things could go wrong: Textual markup in the text (``[bold]``,
``[@click=app.quit]``) being interpreted, and terminal control sequences (``ESC [31m``,
``ESC ]0;title BEL``) reaching the terminal. So every such string goes through
:func:`safe_text` and is wrapped in a :class:`~textual.content.Content` object, which is never
parsed as markup. Nothing in the TUI builds a markup string out of article text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.content import Content, Span
from textual.style import Style

# C0 controls except tab (09) and newline (0a), DEL, C1 controls (which include NEL and the
# 8-bit CSI/OSC introducers), Unicode line/paragraph separators, and the bidirectional
# overrides and isolates that can make text display in an order other than the stored one.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_SPACES = re.compile(r"\s+")

StyleType = Style | str
Mark = tuple[int, int, StyleType]
"""``(start, end, style)``: a half-open range of the original (unsanitised) text to style."""


def safe_text(text: str | None) -> str:
    """Drop every control character but newline and tab, so text cannot drive the terminal.

    The printable rest of an escape sequence (``[31m``) stays visible on purpose: the
    fact-checker should see that the article contained something odd.
    """
    if not text:
        return ""
    return _UNSAFE.sub("", text)


BREAK_MARK = "\u23ce"
_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")


def breaks_shown(text: str | None) -> str:
    """:func:`safe_text` on one line with every line break a visible `` ⏎ `` (an editor
    that holds one line, like the note input, must not show them garbled or drop them)."""
    return safe_text(_BREAKS.sub(f" {BREAK_MARK} ", text or ""))


def breaks_restored(value: str) -> str:
    """Undo :func:`breaks_shown`: each `` ⏎ `` a line break again."""
    return value.replace(f" {BREAK_MARK} ", "\n").replace(BREAK_MARK, "\n")


def one_line(text: str | None) -> str:
    """:func:`safe_text` squeezed onto one line, for list rows and labels."""
    return _SPACES.sub(" ", safe_text(text)).strip()


def plain(text: str | None, style: StyleType = "") -> Content:
    """Untrusted text as Content: literal (no markup), controls stripped, optionally styled."""
    return Content.styled(safe_text(text), style)


def plain_line(text: str | None, style: StyleType = "") -> Content:
    """Like :func:`plain` but on one line."""
    return Content.styled(one_line(text), style)


_TRAILING = " ,;:-·/|"


def word_cut(content: Content, width: int) -> Content:
    """``content`` cut to ``width`` cells at a word end, with an ellipsis.

    "Civil Relief Net…" reads worse than "Civil Relief…": a name or title cut mid-word looks
    like a different word. A single word longer than half the width is still cut inside it
    rather than leaving the column nearly empty.
    """
    if content.cell_length <= width:
        return content
    if width <= 1:
        return Content("…"[:width])
    head = content.truncate(width - 1)
    ends_a_word = content.plain[len(head.plain) : len(head.plain) + 1] == " "
    space = head.plain.rfind(" ")
    if not ends_a_word and space >= (width - 1) // 2:
        head = head[:space]
    while head.plain and head.plain[-1] in _TRAILING:
        head = head[:-1]
    return head + Content("…")


def shorten(text: str | None, width: int) -> str:
    """:func:`one_line` text cut at a word end to ``width`` cells (see :func:`word_cut`)."""
    return word_cut(Content(one_line(text)), width).plain


def cell(text: str | None, width: int, style: StyleType = "") -> Content:
    """One fixed-width column of a row: one line, cut at a word end with an ellipsis, padded
    to ``width``."""
    if width <= 0:
        return Content("")
    return word_cut(plain_line(text, style), width).truncate(width, pad=True)


def article_label(
    outlet: str | None, title: str | None, published: str | None, name: str
) -> list[str]:
    """How an article is named to a reader: outlet, title and date, as far as known.

    The file name is what the desk's files happen to be called, not what a reader knows the
    article by; it is shown only when the article has neither outlet nor title.
    """
    parts = [one_line(p) for p in (outlet, title, published) if p and one_line(p)]
    if not (outlet and one_line(outlet)) and not (title and one_line(title)):
        parts.insert(0, one_line(name))
    return parts


def _offset_map(text: str) -> list[int]:
    """``out[i]`` is where original offset ``i`` lands once unsafe characters are removed."""
    out = [0] * (len(text) + 1)
    kept = 0
    for i, char in enumerate(text):
        out[i] = kept
        if not _UNSAFE.match(char):
            kept += 1
    out[len(text)] = kept
    return out


def highlighted(text: str, marks: Sequence[Mark], base_style: StyleType = "") -> Content:
    """Untrusted ``text`` with styled ranges given as offsets into the *original* text.

    Stored spans point into the raw article text; stripping control characters shifts
    everything after them, so offsets are remapped rather than applied to the cleaned string.
    Ranges outside the text are clipped; overlapping ranges combine, later ones on top.
    """
    clean = safe_text(text)
    mapping = _offset_map(text) if clean != text else None
    size = len(text)
    spans: list[Span] = []
    if base_style and clean:
        spans.append(Span(0, len(clean), base_style))
    for start, end, style in marks:
        start, end = max(0, min(start, size)), max(0, min(end, size))
        if end <= start or not style:
            continue
        if mapping is not None:
            start, end = mapping[start], mapping[end]
        if end > start:
            spans.append(Span(start, end, style))
    return Content(clean, spans)


def hanging(content: Content, width: int, indent: int, first: Content | None = None) -> Content:
    """``content`` wrapped to ``width`` with every line indented by ``indent`` cells.

    Textual wraps long lines back to the left edge; evidence and detail fields read better
    with their text kept in its own column. ``first`` replaces the indent of the first line
    (a label), padded or cut to ``indent`` cells.
    """
    pad = Content(" " * indent)
    lead = pad if first is None else first.truncate(indent, pad=True)
    if width - indent < 16:
        return lead + content
    lines = content.wrap(width - indent) or [Content("")]
    return Content("\n").join([lead + lines[0], *(pad + line for line in lines[1:])])
