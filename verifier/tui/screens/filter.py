"""The filter dialog: which claims the queue shows.

Dismisses with the new :class:`~verifier.store.ClaimFilter` or ``None`` (escape). The
choices (outlets, stories, source types) are read by the caller, so opening the dialog is
one small query, not a scan of the claims.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Select, Static

from verifier.models import ATTRIBUTION_KINDS, RATINGS
from verifier.store import ClaimFilter
from verifier.tui.commands import bindings, commands_for, key_label
from verifier.tui.text import one_line, shorten

STORY_WIDTH = 56
"""Cells a story's name may take in its menu: its title, cut at a word end."""


@dataclasses.dataclass(frozen=True, slots=True)
class FilterChoices:
    source_types: Sequence[str]
    outlets: Sequence[str]
    stories: Sequence[tuple[int, str]]


def describe(flt: ClaimFilter) -> str:
    """The filter in words, for the status line and the queue title."""
    parts = []
    if flt.search:
        parts.append(f'"{one_line(flt.search)}"')
    if flt.rating == 0:
        parts.append("unrated")
    elif flt.rating is not None:
        parts.append(RATINGS.get(flt.rating, str(flt.rating)))
    for value in (flt.source_type, flt.kind, flt.outlet):
        if value:
            parts.append(one_line(value))
    if flt.story_id is not None:
        parts.append(f"story {flt.story_id}")
    if flt.has_conflict:
        parts.append("conflicting figures")
    if flt.no_independent_support:
        parts.append("no independent support")
    if flt.sort == "article":
        parts.append("reading order")
    return ", ".join(parts)


class FilterScreen(ModalScreen[ClaimFilter | None]):
    COMMAND_SCOPE = "filter"
    BINDINGS = bindings("filter")

    DEFAULT_CSS = """
    FilterScreen {
        align: center middle;
        & > #filter-box {
            width: 76;
        }
        & .filter-row { height: auto; }
        & .filter-row > Label { width: 14; padding: 1 0 0 0; color: $text-muted; }
        & .filter-row > Select { width: 1fr; }
        & #filter-buttons { height: auto; margin-top: 1; }
        & #filter-hint { color: $text-muted; }
    }
    """

    def __init__(
        self,
        current: ClaimFilter,
        choices: FilterChoices,
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.current = current
        self.choices = choices
        self.keymap: Mapping[str, str] = keymap or {}

    def compose(self) -> ComposeResult:
        flt = self.current
        ratings: list[tuple[str, int]] = [("not rated yet", 0)]
        ratings += [(f"{n} {name}", n) for n, name in RATINGS.items()]
        with Vertical(id="filter-box", classes="modal-box"):
            with Horizontal(classes="filter-row"):
                yield Label("rating")
                yield Select(ratings, value=_or_null(flt.rating), prompt="any", id="f-rating")
            with Horizontal(classes="filter-row"):
                yield Label("source type")
                yield Select(
                    [(one_line(t), t) for t in self.choices.source_types],
                    value=_or_null(flt.source_type),
                    prompt="any",
                    id="f-type",
                )
            with Horizontal(classes="filter-row"):
                yield Label("kind")
                yield Select(
                    [(k, k) for k in ATTRIBUTION_KINDS],
                    value=_or_null(flt.kind),
                    prompt="any",
                    id="f-kind",
                )
            with Horizontal(classes="filter-row"):
                yield Label("outlet")
                yield Select(
                    [(one_line(o), o) for o in self.choices.outlets],
                    value=_or_null(flt.outlet),
                    prompt="any",
                    id="f-outlet",
                )
            with Horizontal(classes="filter-row"):
                yield Label("story")
                yield Select(
                    [(shorten(label, STORY_WIDTH), sid) for sid, label in self.choices.stories],
                    value=_or_null(flt.story_id),
                    prompt="any",
                    id="f-story",
                )
            yield Checkbox("only claims with conflicting figures", flt.has_conflict, id="f-conf")
            yield Checkbox(
                "only claims without independent support",
                flt.no_independent_support,
                id="f-indep",
            )
            yield Checkbox("reading order instead of priority", flt.sort == "article", id="f-sort")
            with Horizontal(id="filter-buttons"):
                yield Button("Apply", variant="primary", id="f-apply")
                yield Button("Clear all", id="f-clear")
            yield Static(id="filter-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#filter-box").border_title = "Filter the queue"
        hint = "   ".join(
            f"{key_label(self.app, c, self.keymap)} {c.description}" for c in commands_for("filter")
        )
        self.query_one("#filter-hint", Static).update(Content(hint))
        self.query_one("#f-rating").focus()

    def chosen(self) -> ClaimFilter:
        def value(selector: str) -> object:
            picked = self.query_one(selector, Select).value
            return None if picked is Select.NULL else picked

        rating = value("#f-rating")
        story = value("#f-story")
        source_type = value("#f-type")
        kind = value("#f-kind")
        outlet = value("#f-outlet")
        return dataclasses.replace(
            self.current,
            rating=rating if isinstance(rating, int) else None,
            source_type=source_type if isinstance(source_type, str) else None,
            kind=kind if isinstance(kind, str) else None,
            outlet=outlet if isinstance(outlet, str) else None,
            story_id=story if isinstance(story, int) else None,
            has_conflict=self.query_one("#f-conf", Checkbox).value,
            no_independent_support=self.query_one("#f-indep", Checkbox).value,
            sort="article" if self.query_one("#f-sort", Checkbox).value else "priority",
        )

    @on(Button.Pressed, "#f-apply")
    def action_apply(self) -> None:
        self.dismiss(self.chosen())

    @on(Button.Pressed, "#f-clear")
    def action_clear(self) -> None:
        self.dismiss(ClaimFilter())

    def action_close(self) -> None:
        self.dismiss(None)


def _or_null(value: object) -> object:
    return Select.NULL if value is None else value
