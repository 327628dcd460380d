"""The evidence pane: sentences from other articles that bear on the current claim."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.style import Style

from verifier.models import EvidenceRecord
from verifier.tui.text import hanging, plain, plain_line
from verifier.tui.widgets.lines_view import LinesView

INDENT = 5


RELATIONS: dict[str, tuple[str, str]] = {
    "supports": ("supports", "good"),
    "supports_partly": ("supports in part", "good"),
    "same_report": ("same report", "warn"),
    "outlet_caveat": ("outlet's caveat", "warn"),
    "contradicts": ("contradicts", "bad"),
    "unrelated": ("unrelated", "muted"),
    "related": ("related", "muted"),
}
"""How each relation from corroboration is written and coloured: words and colour together,
so the meaning survives a monochrome terminal or colour blindness."""

MARKS: dict[str, tuple[str, str]] = {
    "supports": ("you: supports", "good"),
    "contradicts": ("you: contradicts", "bad"),
}


class EvidencePane(LinesView):
    """Evidence lines with a selection: ``s`` / ``x`` on the main screen mark the selected one."""

    COMPONENT_CLASSES = {
        "evidence-pane--rank",
        "evidence-pane--meta",
        "evidence-pane--independent",
        "evidence-pane--dependent",
        "evidence-pane--empty",
        "evidence-pane--good",
        "evidence-pane--warn",
        "evidence-pane--bad",
        "evidence-pane--muted",
        "evidence-pane--selected",
    }

    DEFAULT_CSS = """
    EvidencePane {
        scrollbar-gutter: stable;
        & > .evidence-pane--rank { color: $text-accent; text-style: bold; }
        & > .evidence-pane--meta { color: $text-muted; }
        & > .evidence-pane--independent { color: $text-success; text-style: bold; }
        & > .evidence-pane--dependent { color: $text-warning; text-style: bold; }
        & > .evidence-pane--empty { color: $text-muted; text-style: italic; }
        & > .evidence-pane--good { color: $text-success; }
        & > .evidence-pane--warn { color: $text-warning; }
        & > .evidence-pane--bad { color: $text-error; text-style: bold; }
        & > .evidence-pane--muted { color: $text-muted; }
        & > .evidence-pane--selected { background: $boost; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._evidence: tuple[EvidenceRecord, ...] | None = None
        self._marks: Mapping[int, str] = {}
        self.selected = 0
        self._item_lines: list[int] = []

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _: self._render_evidence(), init=False)

    def on_resize(self) -> None:
        # Lines are wrapped by hand (for the hanging indent), so a new width needs a re-wrap.
        self._render_evidence()

    def show(
        self,
        evidence: tuple[EvidenceRecord, ...] | None,
        marks: Mapping[int, str] | None = None,
    ) -> None:
        changed = evidence != self._evidence
        self._evidence = evidence
        self._marks = marks or {}
        if changed:
            self.selected = 0
        self._render_evidence()
        if changed:
            self.scroll_home(animate=False)

    @property
    def current(self) -> EvidenceRecord | None:
        if not self._evidence or not 0 <= self.selected < len(self._evidence):
            return None
        return self._evidence[self.selected]

    def select(self, delta: int) -> None:
        """Move the selection; keeps the selected line in view."""
        if not self._evidence:
            return
        self.selected = max(0, min(self.selected + delta, len(self._evidence) - 1))
        self._render_evidence()
        if self.selected < len(self._item_lines):
            top = self._item_lines[self.selected]
            end = (
                self._item_lines[self.selected + 1]
                if self.selected + 1 < len(self._item_lines)
                else top + 4
            )
            height = self.scrollable_content_region.height
            if top < self.scroll_y:
                self.scroll_to(y=top, animate=False)
            elif end > self.scroll_y + height:
                self.scroll_to(y=max(top, end - height), animate=False)

    def _style(self, name: str) -> Style:
        return self.get_visual_style(f"evidence-pane--{name}", partial=True)

    def _render_evidence(self) -> None:
        self.border_subtitle = ""
        self._item_lines = []
        if self._evidence is None:
            self.set_content(Content(""))
            return
        if not self._evidence:
            message = "No evidence found in the other articles."
            self.set_content(Content.styled(message, self._style("empty")))
            return
        marked = len(self._marks)
        self.border_subtitle = f"{len(self._evidence)} sentences" + (
            f" · {marked} marked" if marked else ""
        )
        width = self.scrollable_content_region.width
        items = []
        line = 0
        for n, e in enumerate(self._evidence, 1):
            item = self._item(n, e, width, n - 1 == self.selected)
            self._item_lines.append(line)
            line += item.plain.count("\n") + 2
            items.append(item)
        self.set_content(Content("\n\n").join(items))

    def _item(self, number: int, evidence: EvidenceRecord, width: int, selected: bool) -> Content:
        """Where it is from, how it relates, then the sentence itself, under a rank number."""
        meta = self._style("meta")
        sep = Content.styled(" · ", meta)
        where = [
            plain_line(evidence.outlet or "unknown outlet"),
            sep,
            plain_line(evidence.article_name),
        ]
        if evidence.published:
            where += [sep, plain_line(evidence.published)]
        words, tone = RELATIONS.get(
            evidence.relation, (evidence.relation.replace("_", " "), "muted")
        )
        how = [Content.styled(words, self._style(tone))]
        if evidence.independent is not None:
            label, style = ("independent", "independent")
            if not evidence.independent:
                label, style = ("same origin", "dependent")
            how += [sep, Content.styled(label, self._style(style))]
        how += [sep, Content.styled(f"score {evidence.score:.2f}", meta)]
        mark = self._marks.get(evidence.sentence_id)
        if mark in MARKS:
            text, mark_tone = MARKS[mark]
            how += [sep, Content.styled(text, self._style(mark_tone))]
        pointer = ">" if selected else " "
        rank = Content.styled(f"{pointer}{number:>2}.", self._style("rank"))
        lines = [
            hanging(Content.assemble(*where), width, INDENT, rank),
            hanging(Content.assemble(*how), width, INDENT),
            hanging(plain(evidence.sentence), width, INDENT),
        ]
        if evidence.reasons:
            lines.append(hanging(plain_line("; ".join(evidence.reasons), meta), width, INDENT))
        item = Content("\n").join(lines)
        if selected:
            item = item.stylize(self._style("selected"))
        return item
