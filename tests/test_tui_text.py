"""Safe rendering helpers: untrusted text can neither style the screen nor drive the terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content

from verifier.tui.text import cell, hanging, highlighted, one_line, plain, safe_text

CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


def test_safe_text_strips_escape_sequences_but_keeps_their_printable_rest() -> None:
    assert safe_text("a\x1b[31mred\x1b[0m") == "a[31mred[0m"
    assert safe_text("\x1b]0;title\x07x") == "]0;titlex"
    assert safe_text("\x9b31mC1") == "31mC1"
    assert safe_text("tab\tand\nnewline\r\n") == "tab\tand\nnewline\n"
    assert safe_text("\u202eevil\u2066") == "evil"
    assert safe_text(None) == ""


def test_safe_text_keeps_markup_and_unicode() -> None:
    text = "[bold]Damascus[/] — «Дамаск» 大马士革 [@click=app.quit]x[/]"
    assert safe_text(text) == text


def test_one_line_and_cell() -> None:
    assert one_line("  a\n\tb  \x1b c ") == "a b c"
    # cut at a word end, then padded: a name cut mid-word reads as another word
    assert cell("[b]long source name[/b]", 10).plain == "[b]long…  "
    assert cell("ab", 5).plain == "ab   "
    assert cell("x", 0).plain == ""


def test_plain_is_never_markup() -> None:
    content = plain("[bold red]x[/]")
    assert content.plain == "[bold red]x[/]"
    assert not content.spans


def test_highlighted_remaps_spans_past_removed_controls() -> None:
    text = "\x1b[1mSANA said four died"
    source = (text.index("SANA"), text.index("SANA") + 4, "bold")
    content = (text.index("four"), len(text), "italic")
    result = highlighted(text, [source, content])
    assert result.plain == "[1mSANA said four died"
    spans = {(result.plain[s.start : s.end], s.style) for s in result.spans}
    assert spans == {("SANA", "bold"), ("four died", "italic")}


def test_highlighted_clips_bad_spans() -> None:
    result = highlighted("abc", [(-5, 2, "bold"), (2, 99, "italic"), (3, 1, "underline")])
    assert [(s.start, s.end) for s in result.spans] == [(0, 2), (2, 3)]


def test_hanging_indent() -> None:
    out = hanging(Content("one two three four five six seven"), 24, 4, Content("1."))
    lines = out.plain.splitlines()
    assert lines[0].startswith("1.  one")
    assert all(line.startswith("    ") for line in lines[1:])
    assert all(len(line.rstrip()) <= 24 for line in lines)


@given(
    st.text(alphabet=st.sampled_from([*CONTROLS, *BIDI, "a", "[", "]", "/", "\n", "é", "大"])),
    st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60))),
)
def test_highlighted_never_leaks_controls_and_keeps_spans_in_range(
    text: str, ranges: list[tuple[int, int]]
) -> None:
    result = highlighted(text, [(a, b, "bold") for a, b in ranges])
    assert result.plain == safe_text(text)
    assert not any(c in result.plain for c in CONTROLS if c not in "\t\n")
    assert not any(c in result.plain for c in BIDI)
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(result.plain)
