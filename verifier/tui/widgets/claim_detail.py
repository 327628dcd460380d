"""The claim detail pane: the claim highlighted in its paragraph, then its attributes.

Highlighting uses the spans the text stage stored (offsets into the article text); nothing
here looks for the source or the cue in the text again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from verifier.models import RATINGS, ClaimRecord
from verifier.tui.data import ClaimContext
from verifier.tui.text import Mark, hanging, highlighted, plain, plain_line

LABEL_WIDTH = 9


class ClaimDetail(VerticalScroll, can_focus=False, inherit_bindings=False):
    COMPONENT_CLASSES = {
        "claim-detail--sentence",
        "claim-detail--source",
        "claim-detail--cue",
        "claim-detail--content",
        "claim-detail--label",
        "claim-detail--muted",
        "claim-detail--unrated",
        *(f"claim-detail--rating-{n}" for n in range(1, 7)),
    }

    DEFAULT_CSS = """
    ClaimDetail {
        scrollbar-gutter: stable;
        & > Static { width: 1fr; }
        & > .claim-detail--sentence { color: $foreground; }
        & > .claim-detail--source { color: $text-primary; text-style: bold underline; }
        & > .claim-detail--cue { color: $text-warning; text-style: bold; }
        & > .claim-detail--content { color: $text-success; }
        & > .claim-detail--label { color: $text-muted; }
        & > .claim-detail--muted { color: $text-muted; }
        & > .claim-detail--unrated { color: $text-muted; text-style: italic; }
        & > .claim-detail--rating-1 { color: $text-success; text-style: bold; }
        & > .claim-detail--rating-2 { color: $text-success; }
        & > .claim-detail--rating-3 { color: $text-warning; }
        & > .claim-detail--rating-4 { color: $text-accent; text-style: bold; }
        & > .claim-detail--rating-5 { color: $text-error; text-style: bold; }
        & > .claim-detail--rating-6 { color: $text-muted; text-style: bold; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._claim_context: ClaimContext | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="claim-body", markup=False)

    def on_mount(self) -> None:
        # Styles come from component classes; a new theme means new colours for the spans.
        self.watch(self.app, "theme", lambda _: self._render_context(), init=False)

    def on_resize(self) -> None:
        # Fields are wrapped by hand (to keep values in their column): re-wrap on resize.
        self._render_context()

    def show(self, context: ClaimContext | None) -> None:
        same_claim = (
            context is not None
            and self._claim_context is not None
            and context.claim.id == self._claim_context.claim.id
        )
        self._claim_context = context
        self._render_context()
        if not same_claim:
            self.scroll_home(animate=False)

    def _style(self, name: str) -> Style:
        return self.get_visual_style(f"claim-detail--{name}", partial=True)

    def _render_context(self) -> None:
        body = self.query_one("#claim-body", Static)
        context = self._claim_context
        if context is None:
            body.update(Content(""))
            return
        body.update(
            Content("\n").join([self._passage(context), Content(""), *self._facts(context)])
        )

    def _passage(self, context: ClaimContext) -> Content:
        claim, offset = context.claim, context.passage_start

        def mark(span_start: int, span_end: int, name: str) -> Mark:
            return (span_start - offset, span_end - offset, self._style(name))

        marks = [
            mark(claim.sentence_span.start, claim.sentence_span.end, "sentence"),
            mark(claim.content_span.start, claim.content_span.end, "content"),
            mark(claim.source_span.start, claim.source_span.end, "source"),
            mark(claim.cue_span.start, claim.cue_span.end, "cue"),
        ]
        return highlighted(context.passage, marks, self._style("muted"))

    def _field(self, label: str, *values: Content) -> Content:
        name = Content.styled(label, self._style("label"))
        width = self.scrollable_content_region.width
        return hanging(Content.assemble(*values), width, LABEL_WIDTH, name)

    def _facts(self, context: ClaimContext) -> list[Content]:
        claim = context.claim
        sep = Content.styled(" · ", self._style("muted"))
        source = [plain_line(claim.source, self._style("source"))]
        seen = {claim.source}
        for extra, label in ((claim.resolved_source, "means"), (claim.canonical_source, "as")):
            if extra and extra not in seen:
                seen.add(extra)
                source += [
                    sep,
                    Content.styled(f"{label} ", self._style("muted")),
                    plain_line(extra),
                ]
        hedges = ", ".join(claim.hedges) if claim.hedges else "none"
        article = context.article
        where = [plain_line(claim.article_name)]
        for value in (claim.outlet, claim.published):
            if value:
                where += [sep, plain_line(value)]
        lines = [
            self._field("source", *source),
            self._field("type", plain_line(claim.source_type)),
            self._field(
                "cue",
                plain_line(claim.cue, self._style("cue")),
                sep,
                plain_line(claim.stance),
                sep,
                plain_line(f"{claim.quote} quote"),
            ),
            self._field("hedges", plain_line(hedges)),
            self._field("article", *where),
        ]
        if article is not None and article.title:
            lines.append(self._field("title", plain_line(article.title)))
        lines.append(self._field("rating", self._rating(claim)))
        if claim.note:
            lines.append(self._field("note", plain(claim.note)))
        return lines

    def _rating(self, claim: ClaimRecord) -> Content:
        if claim.rating is None:
            return Content.styled("not rated yet", self._style("unrated"))
        name = RATINGS.get(claim.rating, str(claim.rating))
        return Content.styled(f"[{claim.rating}] {name}", self._style(f"rating-{claim.rating}"))
