"""The whole article, with the claim's source, cue and content marked, scrolled to the claim.

The text is split at the claim's paragraph into three blocks so the view can scroll the
claim's block into place without measuring wrapped lines; the spans are the stored ones.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from verifier.tui.commands import bindings
from verifier.tui.data import ClaimContext
from verifier.tui.text import highlighted, plain, plain_line


class ArticleScreen(Screen[None]):
    COMMAND_SCOPE = "article"
    BINDINGS = bindings("article")

    DEFAULT_CSS = """
    ArticleScreen {
        & #article-head { background: $panel; padding: 0 1; }
        & #article-scroll { border: round $border; padding: 0 1; background: $surface; }
        & #article-scroll > Static { width: 1fr; }
        & .article-claim { background: $boost; }
    }
    """

    def __init__(self, context: ClaimContext, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.context = context
        self.keymap: Mapping[str, str] = keymap or {}

    def compose(self) -> ComposeResult:
        yield Static(id="article-head", markup=False)
        with VerticalScroll(id="article-scroll"):
            yield Static(id="article-before", markup=False)
            yield Static(id="article-claim", classes="article-claim", markup=False)
            yield Static(id="article-after", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        context = self.context
        claim, article = context.claim, context.article
        muted = "dim"
        sep = Content.styled(" · ", muted)
        head = [plain_line(article.title if article and article.title else claim.article_name)]
        for value in (claim.outlet, claim.published, article.byline if article else None):
            if value:
                head += [sep, plain_line(value)]
        self.query_one("#article-head", Static).update(Content.assemble(*head))
        text = article.text if article is not None and article.text else context.passage
        base = 0 if article is not None and article.text else context.passage_start
        start = max(0, context.passage_start - base)
        end = min(len(text), start + len(context.passage))
        theme = self.app.current_theme
        marks = [
            (
                claim.content_span.start - base - start,
                claim.content_span.end - base - start,
                f"bold {theme.success or 'green'}",
            ),
            (
                claim.source_span.start - base - start,
                claim.source_span.end - base - start,
                f"bold underline {theme.primary}",
            ),
            (
                claim.cue_span.start - base - start,
                claim.cue_span.end - base - start,
                f"bold {theme.warning or 'yellow'}",
            ),
        ]
        self.query_one("#article-before", Static).update(plain(text[:start].rstrip("\n")))
        self.query_one("#article-claim", Static).update(highlighted(text[start:end], marks))
        self.query_one("#article-after", Static).update(plain(text[end:].lstrip("\n")))
        scroll = self.query_one("#article-scroll")
        scroll.border_title = claim.article_name and plain_line(claim.article_name).plain
        scroll.border_subtitle = "escape closes"
        self.call_after_refresh(self._scroll_to_claim)

    def _scroll_to_claim(self) -> None:
        claim_block = self.query_one("#article-claim")
        self.query_one("#article-scroll").scroll_to_widget(claim_block, animate=False, top=True)

    def action_close(self) -> None:
        self.dismiss(None)
