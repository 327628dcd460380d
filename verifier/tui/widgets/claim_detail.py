"""The claim detail pane: the claim highlighted in its paragraph, then its attributes.

Highlighting uses the spans the text stage stored (offsets into the article text); nothing
here looks for the source or the cue in the text again.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.style import Style

from verifier.models import RATINGS, SOURCE_GRADES, ClaimFacts, ClaimRecord, Quantity
from verifier.priority import score_claim
from verifier.store.appearances import AppearanceRecord, first_appearance
from verifier.tui.data import ClaimContext, suggested_check
from verifier.tui.text import (
    Mark,
    article_label,
    cell,
    hanging,
    highlighted,
    one_line,
    plain,
    plain_line,
)
from verifier.tui.widgets.lines_view import LinesView, PaneLook, Wrapped

LABEL_WIDTH = 10
FACT_LIMIT = 6
HISTORY_LIMIT = 8
APPEARANCE_LIMIT = 12

ATTRIBUTION_STATUS_TEXT: dict[str, str] = {
    "consistent": "every appearance names the same source",
    "conflict": "another article names a different source",
    "drift": "elsewhere the attribution is dropped, hedged or firmed up",
    "single": "found in no other article",
}
"""What each computed attribution status means, next to its name in the claim pane."""

APPEARANCE_STATUS_TEXT: dict[str, str] = {
    "same_source": "same",
    "other_source": "other",
    "unattributed": "none",
    "relay": "relay",
    "also_said_by": "also",
    "unread": "unread",
}
"""An appearance's source against the claim's: the same, relayed by another outlet, another
one for the same words, an independent one also saying it, none, or one not read. Short: the
pane is narrow and the row's mark and colour carry the alarm."""

UNATTRIBUTED = "\u2014 unattributed \u2014"


def fit_columns(
    needs: Sequence[int], width: int, weights: Sequence[int], least: int = 4
) -> list[int]:
    """Share ``width`` cells between columns wanting ``needs`` cells, a few at a time.

    Every column gets at least ``least``; each round a column gets up to its weight in
    cells, so a short column (a cue) is never padded to a fixed share while the column
    that matters most (who it is attributed to) grows fastest.
    """
    widths = [min(least, need) for need in needs]
    spare = width - sum(widths)
    while spare > 0:
        wanting = [i for i, need in enumerate(needs) if widths[i] < need]
        if not wanting:
            break
        for i in wanting:
            grow = min(weights[i], needs[i] - widths[i], spare)
            widths[i] += grow
            spare -= grow
    return widths


def appearance_flag(row: AppearanceRecord, own: AppearanceRecord) -> str | None:
    """``conflict`` or ``drift`` for an appearance that tells the claim differently.

    Read from the stored fields only: another source named, no source at all, or a hedge
    where the claim's own telling has none (or the other way round).
    """
    if row.original:
        return None
    if row.status == "other_source":
        return "conflict"
    if row.status == "unattributed":
        return "drift"
    if row.status in ("same_source", "relay") and row.hedged != own.hedged:
        return "drift"
    return None


def _rating_name(value: str | None) -> str:
    if value is None:
        return "-"
    return RATINGS.get(int(value), value) if value.isdigit() else value


def figure_label(q: Quantity) -> str:
    """A figure as the text stage read it: "at least nine" says little alone, so what is
    counted and what happened are added."""
    extra = [part for part in (q.counts, q.event) if part and part not in q.text]
    return one_line(" ".join([q.text, *extra]))


def fact_groups(facts: ClaimFacts) -> list[tuple[str, list[str]]]:
    """The claim's typed facts as labelled lists, in the order a reviewer scans them."""
    return [
        ("figures", [figure_label(q) for q in facts.quantities]),
        ("events", [one_line(e) for e in facts.events]),
        ("places", [one_line(p) for p in facts.places]),
        ("dates", [one_line(d.text) for d in facts.dates]),
    ]


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
        "claim-detail--status-consistent",
        "claim-detail--status-conflict",
        "claim-detail--status-drift",
        "claim-detail--status-single",
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
        & > .claim-detail--status-consistent { color: $text-success; }
        & > .claim-detail--status-conflict { color: $text-error; text-style: bold reverse; }
        & > .claim-detail--status-drift { color: $text-warning; text-style: bold reverse; }
        & > .claim-detail--status-single { color: $text-muted; }
        & > .claim-detail--rating-1 { color: $text-success; text-style: bold; }
        & > .claim-detail--rating-2 { color: $text-success; }
        & > .claim-detail--rating-3 { color: $text-warning; }
        & > .claim-detail--rating-4 { color: $text-accent; text-style: bold; }
        & > .claim-detail--rating-5 { color: $text-error; text-style: bold; }
        & > .claim-detail--rating-6 { color: $text-muted; text-style: bold; }
    }
    """

    STYLE_PREFIX = "claim-detail--"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._claim_context: ClaimContext | None = None

    def on_mount(self) -> None:
        # Styles come from component classes; a new theme means new colours for the spans.
        self.watch(self.app, "theme", lambda _: self._render_context(), init=False)

    def on_resize(self) -> None:
        # Fields are wrapped by hand (to keep values in their column): re-wrap on resize.
        self._render_context()

    @staticmethod
    def prepare(context: ClaimContext, look: PaneLook) -> Wrapped:
        """The pane's text for ``context``, wrapped and its first screen rendered.

        Pure (no widget is touched), so it may run in a worker for a claim not shown yet.
        """
        return Wrapped.make(DetailText(look).render(context), look)

    def show(self, context: ClaimContext | None, prepared: Wrapped | None = None) -> None:
        """Show ``context``; ``prepared`` is its text from :meth:`prepare`, if made already."""
        same_claim = (
            context is not None
            and self._claim_context is not None
            and context.claim.id == self._claim_context.claim.id
        )
        self._claim_context = context
        if prepared is None or context is None or not self.show_wrapped(prepared):
            self._render_context()
        if not same_claim:
            self.scroll_home(animate=False)

    def _render_context(self) -> None:
        context = self._claim_context
        if context is None:
            self.set_content(Content(""))
            return
        self.set_content(DetailText(self.look()).render(context))


class DetailText:
    """Builds the claim pane's text for one look (width and styles): pure, thread-safe."""

    def __init__(self, look: PaneLook) -> None:
        self.look = look
        self.width = look.width

    def _style(self, name: str) -> Style:
        return self.look.style(name)

    def render(self, context: ClaimContext) -> Content:
        if self.look.compact:
            return self._compact(context)
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
            *self._attribution(context),
            *self._key_facts(context),
            *self._conflicts(context),
            *self._history(context),
        ]
        return Content("\n").join(sections)

    def _compact(self, context: ClaimContext) -> Content:
        """A small screen's claim pane: who said it, then the claim's own sentence (not its
        paragraph), then the rest; the first lines are what a rating is decided on."""
        source, *facts = self._facts(context)
        return Content("\n").join(
            [
                source,
                self._passage(context, sentence_only=True),
                *facts,
                *self._review(context),
                *self._attribution(context),
                *self._key_facts(context),
                *self._conflicts(context),
                *self._history(context),
            ]
        )

    def _passage(self, context: ClaimContext, *, sentence_only: bool = False) -> Content:
        claim, offset = context.claim, context.passage_start

        def mark(span_start: int, span_end: int, name: str) -> Mark:
            return (span_start - offset, span_end - offset, self._style(name))

        marks = [
            mark(claim.sentence_span.start, claim.sentence_span.end, "sentence"),
            mark(claim.content_span.start, claim.content_span.end, "content"),
            mark(claim.source_span.start, claim.source_span.end, "source"),
            mark(claim.cue_span.start, claim.cue_span.end, "cue"),
        ]
        text = context.passage
        if sentence_only:
            start = max(0, claim.sentence_span.start - offset)
            end = min(len(text), max(start, claim.sentence_span.end - offset))
            if end > start:
                text = text[start:end]
                marks = [(s - start, e - start, style) for s, e, style in marks]
        return highlighted(text, marks, self._style("muted"))

    def _field(self, label: str, *values: Content) -> Content:
        name = Content.styled(label, self._style("label"))
        width = self.width
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
        # The outlet and date here, the title on its own line below; the file name only
        # when the article has neither outlet nor title.
        title = article.title if article is not None else None
        named = article_label(claim.outlet, title, claim.published, claim.article_name)
        if title:
            named.remove(one_line(title))
        where: list[Content] = []
        for part in named:
            where += [sep, plain_line(part)] if where else [plain_line(part)]
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
        said = [
            Content.styled(check, self._style(f"check-{check}"))
            if check
            else Content.styled("not checked", self._style("unrated"))
        ]
        suggestion = suggested_check(claim.attribution_status)
        if suggestion and suggestion != check:
            # The machine's reading is a suggestion beside the reviewer's own check.
            said += [
                sep,
                Content.styled(f"suggested {suggestion} ({claim.attribution_status})", muted),
            ]
        lines = [
            self._field("said it?", *said),
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

    def _attribution(self, context: ClaimContext) -> list[Content]:
        """The computed attribution status, then where else the claim appears and who it is
        attributed to there: one row per article, the first appearance and the rows that
        tell it differently marked."""
        status = context.claim.attribution_status
        if status is None:
            return [
                self._field(
                    "across",
                    Content.styled("not tracked yet (ingest tracks it)", self._style("unrated")),
                )
            ]
        name = status if status in ATTRIBUTION_STATUS_TEXT else "single"
        lines = [
            self._field(
                "across",
                Content.styled(f" {status} ", self._style(f"status-{name}")),
                Content.styled(
                    f" {ATTRIBUTION_STATUS_TEXT.get(status, '')}".rstrip(), self._style("muted")
                ),
            )
        ]
        rows = context.appearances
        if len(rows) < 2:
            return lines
        lines.append(Content.styled("appearances", self._style("heading")))
        lines += self._appearance_table(rows[:APPEARANCE_LIMIT], first_appearance(rows))
        if len(rows) > APPEARANCE_LIMIT:
            more = len(rows) - APPEARANCE_LIMIT
            lines.append(Content.styled(f"  … {more} more", self._style("muted")))
        return lines

    def _appearance_table(
        self, rows: tuple[AppearanceRecord, ...], first: AppearanceRecord | None
    ) -> list[Content]:
        """Rows of fixed-width cells: mark, outlet, date, attributed to, cue, status.

        ``*`` marks the first appearance (earliest dated), ``!`` a row that conflicts or
        drifts (coloured as its kind), ``>`` the claim's own article.
        """
        muted, gap = self._style("muted"), Content(" ")
        own = rows[0]
        cells = []
        for row in rows:
            cue = row.cue or ""
            if row.hedged:
                cue = f"{cue} · hedged" if cue else "hedged"
            cells.append(
                (
                    one_line(row.outlet or row.article_name),
                    one_line(row.canonical_source or row.source),
                    one_line(cue),
                    APPEARANCE_STATUS_TEXT.get(row.status, one_line(row.status)),
                )
            )
        titles = ("outlet", "attributed to", "cue", "status")
        date_w, mark_w = 10, 3
        needs = [max([len(title), *(len(c[i]) for c in cells)]) for i, title in enumerate(titles)]
        needs[1] = max(needs[1], len(UNATTRIBUTED))
        outlet_w, source_w, cue_w, status_w = fit_columns(
            needs,
            self.width - date_w - mark_w - len(titles),
            weights=(1, 3, 2, 1),
        )
        header = Content.assemble(
            Content(" " * mark_w),
            cell(titles[0], outlet_w, muted),
            gap,
            cell("date", date_w, muted),
            gap,
            cell(titles[1], source_w, muted),
            gap,
            cell(titles[2], cue_w, muted),
            gap,
            cell(titles[3], status_w, muted),
        )
        lines = [header]
        for row, (outlet, source, cue, status) in zip(rows, cells, strict=True):
            flag = appearance_flag(row, own)
            flag_style = self._style({"conflict": "bad", "drift": "warn"}[flag]) if flag else ""
            mark = ("*" if row is first else " ") + ("!" if flag else ">" if row.original else " ")
            lines.append(
                Content.assemble(
                    Content.styled(mark.ljust(mark_w), flag_style or self._style("heading")),
                    cell(outlet, outlet_w),
                    gap,
                    cell(row.published or "undated", date_w, "" if row.published else muted),
                    gap,
                    cell(source, source_w, self._style("source"))
                    if source
                    else cell(UNATTRIBUTED, source_w, flag_style or muted),
                    gap,
                    cell(cue or "-", cue_w, self._style("cue") if row.cue else muted),
                    gap,
                    cell(status, status_w, flag_style or muted),
                )
            )
        return lines

    def _key_facts(self, context: ClaimContext) -> list[Content]:
        lines = []
        for label, items in fact_groups(ClaimFacts.read(context.claim.facts)):
            shown = [item for item in items[:FACT_LIMIT] if item]
            if not shown:
                continue
            more = f" (+{len(items) - FACT_LIMIT})" if len(items) > FACT_LIMIT else ""
            lines.append(self._field(label[: LABEL_WIDTH - 1], plain_line("; ".join(shown) + more)))
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
                    self.width,
                    2,
                )
            )
        return lines

    def _rating(self, claim: ClaimRecord) -> Content:
        if claim.rating is None:
            return Content.styled("not rated yet", self._style("unrated"))
        name = RATINGS.get(claim.rating, str(claim.rating))
        return Content.styled(f"[{claim.rating}] {name}", self._style(f"rating-{claim.rating}"))
