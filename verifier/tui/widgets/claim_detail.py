"""The claim detail pane: the claim highlighted in its paragraph, then its attributes.

Highlighting uses the spans the text stage stored (offsets into the article text); nothing
here looks for the source or the cue in the text again.
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style

from verifier.models import RATINGS, SOURCE_GRADES, ClaimRecord
from verifier.priority import parse_facts, score_claim
from verifier.tui.data import ClaimContext
from verifier.tui.text import Mark, hanging, highlighted, one_line, plain, plain_line
from verifier.tui.widgets.lines_view import LinesView

LABEL_WIDTH = 10
FACT_LIMIT = 6
HISTORY_LIMIT = 8
FACT_LABELS = {"quantities": "figures"}


def _rating_name(value: str | None) -> str:
    if value is None:
        return "-"
    return RATINGS.get(int(value), value) if value.isdigit() else value


def fact_label(item: object) -> str:
    """A fact from the facts JSON as a short phrase, whatever shape the text stage chose."""
    if isinstance(item, dict):
        for key in ("text", "raw", "label", "name"):
            if isinstance(item.get(key), str) and item[key].strip():
                # "at least nine" says little alone: add what is counted and what happened.
                extra = [
                    str(item[k])
                    for k in ("counts", "event")
                    if isinstance(item.get(k), str) and item[k] and item[k] not in item[key]
                ]
                return one_line(" ".join([item[key], *extra]))
        parts = [str(v) for k, v in item.items() if isinstance(v, (str, int, float)) and v != ""]
        return one_line(" ".join(parts))
    if isinstance(item, (str, int, float)):
        return one_line(str(item))
    return ""


class ClaimDetail(LinesView):
    COMPONENT_CLASSES = {
        "claim-detail--sentence",
        "claim-detail--source",
        "claim-detail--cue",
        "claim-detail--content",
        "claim-detail--label",
        "claim-detail--muted",
        "claim-detail--unrated",
        "claim-detail--gist",
        "claim-detail--heading",
        "claim-detail--good",
        "claim-detail--warn",
        "claim-detail--bad",
        "claim-detail--check-confirmed",
        "claim-detail--check-misattributed",
        "claim-detail--check-unclear",
        *(f"claim-detail--rating-{n}" for n in range(1, 7)),
    }

    DEFAULT_CSS = """
    ClaimDetail {
        scrollbar-gutter: stable;
        & > .claim-detail--sentence { color: $foreground; }
        & > .claim-detail--source { color: $text-primary; text-style: bold underline; }
        & > .claim-detail--cue { color: $text-warning; text-style: bold; }
        & > .claim-detail--content { color: $text-success; }
        & > .claim-detail--label { color: $text-muted; }
        & > .claim-detail--muted { color: $text-muted; }
        & > .claim-detail--unrated { color: $text-muted; text-style: italic; }
        & > .claim-detail--gist { color: $foreground; text-style: bold; }
        & > .claim-detail--heading { color: $text-primary; text-style: bold; }
        & > .claim-detail--good { color: $text-success; }
        & > .claim-detail--warn { color: $text-warning; }
        & > .claim-detail--bad { color: $text-error; text-style: bold; }
        & > .claim-detail--check-confirmed { color: $text-success; text-style: bold; }
        & > .claim-detail--check-misattributed { color: $text-error; text-style: bold; }
        & > .claim-detail--check-unclear { color: $text-warning; }
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
        context = self._claim_context
        if context is None:
            self.set_content(Content(""))
            return
        head: list[Content] = []
        if context.claim.gist:
            head += [
                self._field("gist", plain(context.claim.gist, self._style("gist"))),
                Content(""),
            ]
        sections = [
            *head,
            self._passage(context),
            Content(""),
            *self._facts(context),
            *self._review(context),
            *self._key_facts(context),
            *self._conflicts(context),
            *self._history(context),
        ]
        self.set_content(Content("\n").join(sections))

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

    def _review(self, context: ClaimContext) -> list[Content]:
        """The reviewer's other judgements and what the machine weighed, one line each."""
        claim = context.claim
        muted = self._style("muted")
        sep = Content.styled(" · ", muted)
        check = claim.attribution_check
        lines = [
            self._field(
                "said it?",
                Content.styled(check, self._style(f"check-{check}"))
                if check
                else Content.styled("not checked", self._style("unrated")),
            ),
            self._field(
                "grade",
                Content(f"{claim.source_grade} {SOURCE_GRADES.get(claim.source_grade, '')}")
                if claim.source_grade
                else Content.styled("not graded", self._style("unrated")),
            ),
        ]
        if claim.recheck_date:
            lines.append(self._field("re-check", Content(claim.recheck_date)))
        support = Content.styled(
            f"{claim.independent_support} independent supporting",
            self._style("good" if claim.independent_support else "warn"),
        )
        against = Content.styled(
            f"{claim.independent_contradict} contradicting",
            self._style("bad" if claim.independent_contradict else "muted"),
        )
        lines.append(
            self._field(
                "support", support, sep, against, sep, Content(f"{claim.evidence_count} found")
            )
        )
        priority = score_claim(claim, len(context.conflicts))
        why = ", ".join(priority.reasons) or "nothing stands out"
        lines.append(
            self._field(
                "priority", Content(f"{claim.priority:.2f}"), sep, Content.styled(why, muted)
            )
        )
        return lines

    def _key_facts(self, context: ClaimContext) -> list[Content]:
        facts = parse_facts(context.claim.facts)
        lines = []
        for key, value in facts.items():
            if key == "gist":
                continue  # shown at the top of the pane
            items = value if isinstance(value, list) else [value]
            shown = [fact_label(item) for item in items[:FACT_LIMIT]]
            shown = [item for item in shown if item]
            if not shown:
                continue
            more = f" (+{len(items) - FACT_LIMIT})" if len(items) > FACT_LIMIT else ""
            label = FACT_LABELS.get(key, one_line(str(key)).replace("_", " "))[: LABEL_WIDTH - 1]
            lines.append(self._field(label, plain_line("; ".join(shown) + more)))
        return [Content.styled("key facts", self._style("heading")), *lines] if lines else []

    def _conflicts(self, context: ClaimContext) -> list[Content]:
        if not context.conflicts:
            return []
        lines = [Content.styled("conflicting figures", self._style("bad"))]
        for conflict in context.conflicts:
            text = conflict.summary or "; ".join(conflict.entries)
            lines.append(self._field(conflict.event[: LABEL_WIDTH - 1] or "-", plain(text)))
        return lines

    def _history(self, context: ClaimContext) -> list[Content]:
        if not context.history:
            return []
        muted = self._style("muted")
        lines = [Content.styled("history", self._style("heading"))]
        for event in context.history[-HISTORY_LIMIT:]:
            change = f"{event.field}: {event.old or '-'} -> {event.new or '-'}"
            if event.field.startswith("evidence:"):
                sentence = event.field.split(":", 1)[1]
                change = (
                    f"evidence mark (sentence {sentence}): {event.old or '-'} -> {event.new or '-'}"
                )
            elif event.field == "rating":
                change = f"rating: {_rating_name(event.old)} -> {_rating_name(event.new)}"
            who = f"{event.reviewer or '?'} {event.at[:16].replace('T', ' ')}"
            extra = " (undo)" if event.note == "undo" else ""
            lines.append(
                hanging(
                    Content.assemble(plain_line(change + extra), Content.styled(f"  {who}", muted)),
                    self.scrollable_content_region.width,
                    2,
                )
            )
        return lines

    def _rating(self, claim: ClaimRecord) -> Content:
        if claim.rating is None:
            return Content.styled("not rated yet", self._style("unrated"))
        name = RATINGS.get(claim.rating, str(claim.rating))
        return Content.styled(f"[{claim.rating}] {name}", self._style(f"rating-{claim.rating}"))
