"""The whole article with every claim it makes highlighted; one of them is the claim in view.

The reviewer reads the article here and rates without going back to the queue: ``j`` / ``k``
and ``space`` scroll, ``n`` / ``p`` move to the next or previous highlighted claim (scrolling
it into place), and the rating keys rate the claim in view through the review screen, which
records it exactly as a rating given in the queue.

The text is wrapped once into lines (:class:`~verifier.tui.widgets.lines_view.LinesView`) and
only the visible lines are drawn, so a long article costs no more than a short one; a claim's
line is found by wrapping the text before it to the same width.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from verifier.models import RATINGS, ClaimRecord
from verifier.tui.commands import bindings
from verifier.tui.data import ClaimContext
from verifier.tui.text import Mark, highlighted, plain_line
from verifier.tui.widgets.lines_view import LinesView, wrap_lines

RateClaim = Callable[[ClaimRecord, int], None]
"""Records ``rating`` for a claim (the review screen's own rating path)."""


class ArticleText(LinesView):
    """The article's text, wrapped to the pane's width; styles for the claims' spans."""

    COMPONENT_CLASSES = {
        "article-text--claim",
        "article-text--current",
        "article-text--content",
        "article-text--source",
        "article-text--cue",
    }

    DEFAULT_CSS = """
    ArticleText {
        scrollbar-gutter: stable;
        & > .article-text--claim { text-style: underline; color: $text-secondary; }
        & > .article-text--current { background: $boost; }
        & > .article-text--content { color: $text-success; text-style: bold; }
        & > .article-text--source { color: $text-primary; text-style: bold underline; }
        & > .article-text--cue { color: $text-warning; text-style: bold; }
    }
    """

    STYLE_PREFIX = "article-text--"


class ArticleScreen(Screen[None]):
    COMMAND_SCOPE = "article"
    BINDINGS = bindings("article")

    DEFAULT_CSS = """
    ArticleScreen {
        & #article-head { background: $panel; padding: 0 1; height: auto; }
        & #article-text { border: round $border; padding: 0 1; background: $surface;
                          height: 1fr; }
    }
    """

    def __init__(
        self,
        context: ClaimContext,
        keymap: Mapping[str, str] | None = None,
        *,
        claims: Sequence[ClaimRecord] = (),
        rate: RateClaim | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self.keymap: Mapping[str, str] = keymap or {}
        self.rate_claim = rate
        # The article's claims in reading order; the one the reviewer came from is in view.
        own = context.claim
        found = [c for c in claims if c.article_id == own.article_id]
        if not any(c.id == own.id for c in found):
            found.append(own)
        self.claims: list[ClaimRecord] = sorted(found, key=lambda c: c.sentence_span.start)
        self.current = next(i for i, c in enumerate(self.claims) if c.id == own.id)

    def compose(self) -> ComposeResult:
        yield Static(id="article-head", markup=False)
        yield ArticleText(id="article-text")
        yield Footer()

    @property
    def text(self) -> str:
        article = self.context.article
        return article.text if article is not None and article.text else self.context.passage

    @property
    def base(self) -> int:
        """Where :attr:`text` starts in the article (stored spans are article offsets)."""
        article = self.context.article
        return 0 if article is not None and article.text else self.context.passage_start

    @property
    def claim(self) -> ClaimRecord:
        """The claim in view: what the rating keys rate."""
        return self.claims[self.current]

    def on_mount(self) -> None:
        claim, article = self.context.claim, self.context.article
        title = article.title if article is not None and article.title else None
        where = plain_line(claim.outlet or title or "the article")
        view = self.query_one(ArticleText)
        view.border_title = where.plain
        self._show()
        self.call_after_refresh(self._scroll_to_claim)

    def on_resize(self) -> None:
        self.call_after_refresh(self._scroll_to_claim)

    def _head(self) -> Content:
        """Title, outlet, date and byline; then which claim is in view and its rating."""
        claim, article = self.claim, self.context.article
        sep = Content.styled(" · ", "dim")
        title = article.title if article is not None and article.title else claim.article_name
        head = [plain_line(title)]
        for value in (claim.outlet, claim.published, article.byline if article else None):
            if value:
                head += [sep, plain_line(value)]
        rating = (
            f"[{claim.rating}] {RATINGS.get(claim.rating, '')}"
            if claim.rating is not None
            else "not rated yet"
        )
        source = claim.canonical_source or claim.resolved_source or claim.source
        source = source or "no named source"  # "it was believed that ..."
        line2 = [
            Content.styled(f"claim {self.current + 1} of {len(self.claims)}", "bold"),
            sep,
            plain_line(source),
            sep,
            Content(rating),
        ]
        return Content.assemble(*head, Content("\n"), *line2)

    def _show(self) -> None:
        view = self.query_one(ArticleText)
        self.query_one("#article-head", Static).update(self._head())
        view.border_subtitle = "n / p claims · 1-6 rate · escape closes"
        view.set_content(self._content(view))

    def _content(self, view: ArticleText) -> Content:
        look = view.look()
        base = self.base
        every = look.style("claim")
        marks: list[Mark] = [
            (c.content_span.start - base, c.content_span.end - base, every) for c in self.claims
        ]
        claim = self.claim
        marks += [
            (
                claim.sentence_span.start - base,
                claim.sentence_span.end - base,
                look.style("current"),
            ),
            (claim.content_span.start - base, claim.content_span.end - base, look.style("content")),
            (claim.source_span.start - base, claim.source_span.end - base, look.style("source")),
            (claim.cue_span.start - base, claim.cue_span.end - base, look.style("cue")),
        ]
        return highlighted(self.text, marks)

    def claim_line(self) -> int:
        """The display line the claim in view starts on, at the pane's width."""
        view = self.query_one(ArticleText)
        start = max(0, min(len(self.text), self.claim.sentence_span.start - self.base))
        before = highlighted(self.text[:start], [])
        lines = wrap_lines(before, view.text_width)
        return max(0, len(lines) - 1)

    def _scroll_to_claim(self) -> None:
        view = self.query_one(ArticleText)
        view.scroll_to(y=max(0, self.claim_line() - 2), animate=False)

    # -- actions -------------------------------------------------------------------------------

    def action_scroll(self, lines: int) -> None:
        self.query_one(ArticleText).scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        view = self.query_one(ArticleText)
        height = max(1, view.scrollable_content_region.height - 1)
        view.scroll_relative(y=direction * height, animate=False)

    def action_claim(self, delta: int) -> None:
        """Bring the next (or previous) highlighted claim into view."""
        wanted = self.current + delta
        if not 0 <= wanted < len(self.claims):
            where = "last" if delta > 0 else "first"
            self.notify(f"This is the {where} claim of the article.", timeout=2)
            return
        self.current = wanted
        self._show()
        self._scroll_to_claim()

    def action_rate(self, rating: int) -> None:
        """Rate the claim in view, then move on to the article's next claim."""
        if self.rate_claim is None or rating not in RATINGS:
            return
        claim = self.claim
        self.rate_claim(claim, rating)
        self.claims[self.current] = dataclasses.replace(claim, rating=rating)
        if self.current + 1 < len(self.claims):
            self.current += 1
            self._scroll_to_claim()
        self._show()

    def action_close(self) -> None:
        self.dismiss(None)
