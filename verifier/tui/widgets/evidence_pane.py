"""The evidence pane: sentences from other articles that bear on the current claim."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.content import Content
from textual.style import Style

from verifier.models import EvidenceRecord
from verifier.tui.text import article_label, hanging, plain, plain_line, word_cut
from verifier.tui.widgets.lines_view import LinesView, PaneLook, Wrapped

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


def _joined(parts: list[Content], sep: Content) -> list[Content]:
    out: list[Content] = []
    for part in parts:
        out += [sep, part] if out else [part]
    return out


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

    STYLE_PREFIX = "evidence-pane--"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._evidence: tuple[EvidenceRecord, ...] | None = None
        self._marks: Mapping[int, str] = {}
        self.selected = 0
        self._item_lines: tuple[int, ...] = ()
        self._subtitle = ""

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _: self._render_evidence(), init=False)

    def on_resize(self) -> None:
        # Lines are wrapped by hand (for the hanging indent), so a new width needs a re-wrap.
        self._render_evidence()

    @staticmethod
    def prepare(
        evidence: tuple[EvidenceRecord, ...], marks: Mapping[int, str], look: PaneLook
    ) -> PreparedEvidence:
        """The pane's text for a claim's evidence (first line selected), wrapped and its
        first screen rendered. Pure, so it may run in a worker for a claim not shown yet."""
        text = EvidenceText(look).render(evidence, marks, 0)
        return PreparedEvidence(
            evidence, dict(marks), Wrapped.make(text.content, look), text.item_lines, text.subtitle
        )

    def show(
        self,
        evidence: tuple[EvidenceRecord, ...] | None,
        marks: Mapping[int, str] | None = None,
        prepared: PreparedEvidence | None = None,
    ) -> None:
        """Show ``evidence``; ``prepared`` is its text from :meth:`prepare`, if made already."""
        changed = evidence != self._evidence
        self._evidence = evidence
        self._marks = marks or {}
        if changed:
            self.selected = 0
        if not (
            prepared is not None
            and self.selected == 0
            and prepared.evidence == evidence
            and prepared.marks == self._marks
            and self.show_wrapped(prepared.wrapped)
        ):
            self._render_evidence()
        elif prepared is not None:
            self._item_lines = prepared.item_lines
            self._set_subtitle(prepared.subtitle)
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

    def _render_evidence(self) -> None:
        if self._evidence is None:
            self._set_subtitle("")
            self._item_lines = ()
            self.set_content(Content(""))
            return
        text = EvidenceText(self.look()).render(self._evidence, self._marks, self.selected)
        self._set_subtitle(text.subtitle)
        self._item_lines = text.item_lines
        self.set_content(text.content)

    def _set_subtitle(self, subtitle: str) -> None:
        # Setting a border title repaints the whole pane, even to the same text.
        if subtitle != self._subtitle:
            self._subtitle = subtitle
            self.border_subtitle = subtitle


@dataclass(frozen=True, slots=True)
class RenderedEvidence:
    """The pane's text, where each item starts (to keep the selection in view), the subtitle."""

    content: Content
    item_lines: tuple[int, ...]
    subtitle: str


@dataclass(frozen=True, slots=True)
class PreparedEvidence:
    """Text made ahead for ``evidence`` with ``marks``, first line selected."""

    evidence: tuple[EvidenceRecord, ...]
    marks: Mapping[int, str]
    wrapped: Wrapped
    item_lines: tuple[int, ...]
    subtitle: str


class EvidenceText:
    """Builds the evidence pane's text for one look (width and styles): pure, thread-safe."""

    def __init__(self, look: PaneLook) -> None:
        self.look = look

    def _style(self, name: str) -> Style:
        return self.look.style(name)

    def render(
        self, evidence: tuple[EvidenceRecord, ...], marks: Mapping[int, str], selected: int
    ) -> RenderedEvidence:
        if not evidence:
            message = "No evidence found in the other articles."
            return RenderedEvidence(Content.styled(message, self._style("empty")), (), "")
        marked = len(marks)
        subtitle = f"{len(evidence)} sentences" + (f" · {marked} marked" if marked else "")
        width = self.look.width
        if self.look.compact:
            rows = [
                self._row(n, e, width, n - 1 == selected, marks) for n, e in enumerate(evidence, 1)
            ]
            return RenderedEvidence(Content("\n").join(rows), tuple(range(len(rows))), subtitle)
        items = []
        item_lines = []
        line = 0
        for n, e in enumerate(evidence, 1):
            item = self._item(n, e, width, n - 1 == selected, marks)
            item_lines.append(line)
            line += item.plain.count("\n") + 2
            items.append(item)
        return RenderedEvidence(Content("\n\n").join(items), tuple(item_lines), subtitle)

    def _how(
        self, evidence: EvidenceRecord, marks: Mapping[int, str], *, score: bool
    ) -> list[Content]:
        """How it relates (in words and colour), whether independent, the score, your mark."""
        meta = self._style("meta")
        sep = Content.styled(" · ", meta)
        words, tone = RELATIONS.get(
            evidence.relation, (evidence.relation.replace("_", " "), "muted")
        )
        how = [Content.styled(words, self._style(tone))]
        if evidence.independent is not None:
            label, style = ("independent", "independent")
            if not evidence.independent:
                label, style = ("same origin", "dependent")
            how += [sep, Content.styled(label, self._style(style))]
        if score:
            how += [sep, Content.styled(f"score {evidence.score:.2f}", meta)]
        mark = marks.get(evidence.sentence_id)
        if mark in MARKS:
            text, mark_tone = MARKS[mark]
            how += [sep, Content.styled(text, self._style(mark_tone))]
        return how

    def _row(
        self,
        number: int,
        evidence: EvidenceRecord,
        width: int,
        selected: bool,
        marks: Mapping[int, str],
    ) -> Content:
        """A small screen's evidence item on one line: how it relates, whose it is, what it
        says, cut at a word end."""
        meta = self._style("meta")
        who = evidence.outlet or evidence.title or evidence.published or evidence.article_name
        row = Content.assemble(
            Content.styled(f"{'>' if selected else ' '}{number:>2} ", self._style("rank")),
            *self._how(evidence, marks, score=False),
            Content.styled(" · ", meta),
            plain_line(who, meta),
            Content(": "),
            plain_line(evidence.sentence),
        )
        row = word_cut(row, width)
        return row.stylize(self._style("selected")) if selected else row

    def _item(
        self,
        number: int,
        evidence: EvidenceRecord,
        width: int,
        selected: bool,
        marks: Mapping[int, str],
    ) -> Content:
        """Where it is from, how it relates, then the sentence itself, under a rank number."""
        meta = self._style("meta")
        sep = Content.styled(" · ", meta)
        named = article_label(
            evidence.outlet, evidence.title, evidence.published, evidence.article_name
        )
        where = list(_joined([plain_line(part) for part in named], sep))
        how = self._how(evidence, marks, score=True)
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
