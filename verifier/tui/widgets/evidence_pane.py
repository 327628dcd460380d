"""The evidence pane: sentences from other articles that bear on the current claim."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from verifier.models import EvidenceRecord
from verifier.tui.text import hanging, plain, plain_line

INDENT = 4


class EvidencePane(VerticalScroll, can_focus=False, inherit_bindings=False):
    COMPONENT_CLASSES = {
        "evidence-pane--rank",
        "evidence-pane--meta",
        "evidence-pane--independent",
        "evidence-pane--dependent",
        "evidence-pane--empty",
    }

    DEFAULT_CSS = """
    EvidencePane {
        scrollbar-gutter: stable;
        & > Static { width: 1fr; }
        & > .evidence-pane--rank { color: $text-accent; text-style: bold; }
        & > .evidence-pane--meta { color: $text-muted; }
        & > .evidence-pane--independent { color: $text-success; }
        & > .evidence-pane--dependent { color: $text-warning; }
        & > .evidence-pane--empty { color: $text-muted; text-style: italic; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._evidence: tuple[EvidenceRecord, ...] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="evidence-body", markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _: self._render_evidence(), init=False)

    def on_resize(self) -> None:
        # Lines are wrapped by hand (for the hanging indent), so a new width needs a re-wrap.
        self._render_evidence()

    def show(self, evidence: tuple[EvidenceRecord, ...] | None) -> None:
        changed = evidence != self._evidence
        self._evidence = evidence
        self._render_evidence()
        if changed:
            self.scroll_home(animate=False)

    def _style(self, name: str) -> Style:
        return self.get_visual_style(f"evidence-pane--{name}", partial=True)

    def _render_evidence(self) -> None:
        body = self.query_one("#evidence-body", Static)
        self.border_subtitle = ""
        if self._evidence is None:
            body.update(Content(""))
            return
        if not self._evidence:
            message = "No evidence found in the other articles."
            body.update(Content.styled(message, self._style("empty")))
            return
        self.border_subtitle = f"{len(self._evidence)} sentences"
        width = self.scrollable_content_region.width
        items = [self._item(n, e, width) for n, e in enumerate(self._evidence, 1)]
        body.update(Content("\n\n").join(items))

    def _item(self, number: int, evidence: EvidenceRecord, width: int) -> Content:
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
        how = [Content.styled(f"score {evidence.score:.2f}", meta)]
        if evidence.relation:
            how += [sep, plain_line(evidence.relation, meta)]
        if evidence.independent is not None:
            label, style = ("independent", "independent")
            if not evidence.independent:
                label, style = ("same origin", "dependent")
            how += [sep, Content.styled(label, self._style(style))]
        rank = Content.styled(f"{number:>2}.", self._style("rank"))
        lines = [
            hanging(Content.assemble(*where), width, INDENT, rank),
            hanging(Content.assemble(*how), width, INDENT),
            hanging(plain(evidence.sentence), width, INDENT),
        ]
        if evidence.reasons:
            lines.append(hanging(plain_line("; ".join(evidence.reasons), meta), width, INDENT))
        return Content("\n").join(lines)
