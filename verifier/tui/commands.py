"""Every command of the TUI, declared once.

Key bindings, the footer, the ``?`` help screen and the command palette are all generated
from :data:`COMMANDS`, so they cannot drift apart. Each binding carries the command's ``id``,
which is what a user keymap (:meth:`textual.app.App.set_keymap`) names to rebind a key.

A command's ``scope`` says where its action runs: ``app`` on the App (works everywhere),
``main`` on the review screen, ``help`` / ``note`` on those screens.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Literal

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider

from verifier.models import RATING_HELP, RATINGS, SOURCE_GRADES

Scope = Literal[
    "app", "main", "help", "note", "grade", "ask", "filter", "export", "article", "source", "stats"
]

SCOPE_TITLES: dict[Scope, str] = {
    "main": "Reviewing claims",
    "app": "Anywhere",
    "help": "This help",
    "note": "Note editor",
    "ask": "Search, re-check date and name prompts",
    "grade": "Source reliability (Admiralty scale)",
    "filter": "Filters",
    "export": "Export",
    "article": "Article view",
    "source": "Source view",
    "stats": "Statistics",
}

RATE_GROUP = Binding.Group("rate", compact=True)
MOVE_GROUP = Binding.Group("move", compact=True)


@dataclass(frozen=True, slots=True)
class Command:
    """One thing the user can do, with every way it is offered."""

    id: str  # binding id: stable, what keymaps refer to
    key: str  # default key(s), comma separated, Textual key names
    action: str  # action string run in the scope's namespace
    description: str  # short label: footer, palette and help title
    help: str  # one sentence: help screen and palette
    scope: Scope = "main"
    show: bool = False  # in the footer
    priority: bool = False
    group: Binding.Group | None = None
    palette: bool = True  # offered in the command palette

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.description,
            show=self.show,
            priority=self.priority,
            tooltip=self.help,
            id=self.id,
            group=self.group,
        )


def _rating_commands() -> list[Command]:
    return [
        Command(
            id=f"rate-{number}",
            key=str(number),
            action=f"rate({number})",
            description=f"rate {name}",
            help=f"{RATING_HELP[number].capitalize()}. Then go to the next unrated claim.",
            show=True,
            group=RATE_GROUP,
        )
        for number, name in RATINGS.items()
    ]


def _grade_commands() -> list[Command]:
    return [
        Command(
            id=f"grade-{grade.lower()}",
            key=grade.lower(),
            action=f"grade('{grade}')",
            description=f"grade {grade}",
            help=f"{grade}: {meaning}.",
            scope="grade",
            palette=False,
        )
        for grade, meaning in SOURCE_GRADES.items()
    ]


def _article_commands() -> list[Command]:
    """The article view reads like a pager and rates like the queue."""
    moves = [
        ("article-down", "j,down", "scroll(1)", "scroll down", "Scroll down one line.", False),
        ("article-up", "k,up", "scroll(-1)", "scroll up", "Scroll up one line.", False),
        ("article-page-down", "space,pagedown", "page(1)", "page down", "Scroll a screen.", False),
        ("article-page-up", "b,pageup", "page(-1)", "page up", "Scroll back one screen.", False),
        (
            "article-next-claim",
            "n",
            "claim(1)",
            "next claim",
            "Bring the article's next highlighted claim into view.",
            True,
        ),
        (
            "article-previous-claim",
            "p",
            "claim(-1)",
            "previous claim",
            "Bring the article's previous highlighted claim into view.",
            True,
        ),
    ]
    return [
        *(
            Command(
                id=f"article-rate-{number}",
                key=str(number),
                action=f"rate({number})",
                description=f"rate {name}",
                help=f"Rate the claim in view {name}, then go to the article's next claim.",
                scope="article",
                show=True,
                group=RATE_GROUP,
                palette=False,
            )
            for number, name in RATINGS.items()
        ),
        *(
            Command(id, key, action, description, text, scope="article", show=show, palette=False)
            for id, key, action, description, text, show in moves
        ),
    ]


def _close(scope: Scope, what: str) -> Command:
    return Command(
        f"{scope}-close",
        "escape",
        "close",
        "close",
        f"Close the {what}.",
        scope=scope,
        show=True,
        palette=False,
    )


COMMANDS: tuple[Command, ...] = (
    *_rating_commands(),
    Command(
        "move-down",
        "j,down",
        "move(1)",
        "next",
        "Next claim in the queue (or next evidence line when the evidence pane is active).",
        show=True,
        group=MOVE_GROUP,
    ),
    Command(
        "move-up",
        "k,up",
        "move(-1)",
        "previous",
        "Previous claim in the queue (or evidence line when the evidence pane is active).",
        show=True,
        group=MOVE_GROUP,
    ),
    Command("page-down", "pagedown", "page(1)", "page down", "Move one screen down the queue."),
    Command("page-up", "pageup", "page(-1)", "page up", "Move one screen up the queue."),
    Command("first", "g,home", "first", "first claim", "Go to the first claim in the queue."),
    Command("last", "G,end", "last", "last claim", "Go to the last claim in the queue."),
    Command(
        "next-unrated",
        "right_square_bracket,space",
        "next_unrated",
        "next unrated",
        "Go to the next claim without a rating, wrapping round to the top.",
    ),
    Command(
        "next-pane",
        "tab",
        "next_pane",
        "next pane",
        "Make the next pane active (queue, evidence, claim): j and k then move within it.",
    ),
    Command(
        "focus-mode",
        "z",
        "focus_mode",
        "focus mode",
        "Give the whole screen to the claim and its evidence (z again brings the queue back).",
    ),
    Command(
        "attribution",
        "a",
        "attribution",
        "check attribution",
        "Did the source really say it? Cycle the attribution check. The first press takes "
        "the suggestion from the claim's other appearances: unclear when they drift or "
        "conflict (then misattributed, confirmed, not set), else confirmed (then "
        "misattributed, unclear, not set).",
        show=True,
    ),
    Command(
        "grade",
        "r",
        "grade",
        "grade source",
        "Grade the source's reliability on the Admiralty scale A-F.",
        show=True,
    ),
    Command(
        "note",
        "n",
        "note",
        "note",
        "Write or edit the note on this claim (enter saves, escape cancels).",
        show=True,
    ),
    Command(
        "recheck",
        "d",
        "recheck",
        "re-check date",
        "Set the date to check an unproven claim again (YYYY-MM-DD; empty clears).",
    ),
    Command(
        "mark-supports",
        "s",
        "mark('supports')",
        "mark supporting",
        "Mark the selected evidence line as supporting this claim (again to clear).",
    ),
    Command(
        "mark-contradicts",
        "x",
        "mark('contradicts')",
        "mark contradicting",
        "Mark the selected evidence line as contradicting this claim (again to clear).",
    ),
    Command(
        "undo",
        "u",
        "undo",
        "undo",
        "Undo the last change of this session and go back to that claim.",
        show=True,
    ),
    Command(
        "split-cluster",
        "c",
        "split_cluster",
        "split from cluster",
        "Take the selected claim out of its cluster (the same statement in other articles): "
        "it gets its own row and rating from now on.",
    ),
    Command(
        "search",
        "slash",
        "search",
        "search",
        "Search the claims' sentences (full text); an empty search shows every claim.",
    ),
    Command(
        "filter",
        "f",
        "filter",
        "filter",
        "Filter the queue by rating, source type, outlet, story, conflicting figures or "
        "independent support.",
    ),
    Command(
        "clear-filter",
        "escape",
        "clear_filter",
        "clear filters",
        "Show every claim again (drop the search and the filters).",
    ),
    Command(
        "sort",
        "o",
        "sort",
        "sort order",
        "Sort the queue by check-worthiness (highest first) or in reading order.",
    ),
    Command(
        "article",
        "enter",
        "article",
        "open article",
        "Read the whole article with this claim highlighted.",
        show=True,
    ),
    Command(
        "source",
        "v",
        "source",
        "source view",
        "The claim's source across the corpus: its other claims and its track record.",
    ),
    Command(
        "stats",
        "t",
        "stats",
        "statistics",
        "Claims and verdicts by rating, source type, source and outlet, as bar charts.",
    ),
    Command(
        "export",
        "e",
        "export",
        "export",
        "Write the verdict table (CSV, JSONL or Markdown) through the same code as the CLI.",
    ),
    Command(
        "help",
        "question_mark",
        "help",
        "help",
        "Show every command with its key, and where the key file lives.",
        show=True,
    ),
    Command(
        "quit",
        "q",
        "quit",
        "quit",
        "Leave, ending the review session (every verdict is already saved).",
        scope="app",
        show=True,
        priority=True,
        palette=False,  # the palette's own "Quit" runs the same action
    ),
    Command(
        "command-palette",
        "ctrl+p",
        "command_palette",
        "commands",
        "Search every command by name.",
        scope="app",
        priority=True,
        palette=False,
    ),
    Command(
        "help-close",
        "escape,question_mark",
        "close",
        "close help",
        "Close this help screen.",
        scope="help",
        show=True,
        palette=False,
    ),
    Command(
        "note-save",
        "enter",
        "save",
        "save note",
        "Save the note (an empty note clears it).",
        scope="note",
        show=True,
        palette=False,
    ),
    Command(
        "note-cancel",
        "escape",
        "cancel",
        "cancel",
        "Close the editor without saving.",
        scope="note",
        show=True,
        palette=False,
    ),
    Command(
        "ask-cancel",
        "escape",
        "cancel",
        "cancel",
        "Close without changing anything (enter accepts).",
        scope="ask",
        show=True,
        palette=False,
    ),
    *_grade_commands(),
    Command(
        "grade-clear",
        "backspace,delete",
        "grade(None)",
        "clear grade",
        "Remove the grade.",
        scope="grade",
        palette=False,
    ),
    _close("grade", "grade picker without changing the grade"),
    Command(
        "filter-apply",
        "ctrl+s",
        "apply",
        "apply",
        "Apply the filters (enter on a field does too).",
        scope="filter",
        show=True,
        palette=False,
    ),
    Command(
        "filter-clear",
        "ctrl+r",
        "clear",
        "clear all",
        "Reset every filter.",
        scope="filter",
        show=True,
        palette=False,
    ),
    _close("filter", "filters without applying them"),
    Command(
        "export-write",
        "ctrl+s",
        "write",
        "write",
        "Write the file (enter in the path field does too).",
        scope="export",
        show=True,
        palette=False,
    ),
    _close("export", "export dialog"),
    *_article_commands(),
    _close("article", "article"),
    Command(
        "source-open",
        "enter",
        "open_claim",
        "go to claim",
        "Go to the selected claim in the queue.",
        scope="source",
        show=True,
        palette=False,
    ),
    _close("source", "source view"),
    _close("stats", "statistics"),
)


NARROW_FOOTER_HIDES: frozenset[str] = frozenset({"grade", "undo", "attribution"})
"""Actions the footer leaves out on a narrow terminal, so that help and quit stay on it;
they are still in the help screen and the command palette."""


def commands_for(*scopes: Scope) -> list[Command]:
    return [command for command in COMMANDS if command.scope in scopes]


def bindings(scope: Scope) -> list[BindingType]:
    """The ``BINDINGS`` of the class that owns ``scope``."""
    return [command.binding() for command in commands_for(scope)]


def keys_of(command: Command, keymap: Mapping[str, str]) -> list[str]:
    """The keys that trigger ``command`` now, after the user's keymap."""
    return [key.strip() for key in keymap.get(command.id, command.key).split(",") if key.strip()]


def key_label(app: App[object], command: Command, keymap: Mapping[str, str]) -> str:
    """How the help screen writes the keys of a command: ``j / ↓``."""
    return " / ".join(app.get_key_display(Binding(key, "")) for key in keys_of(command, keymap))


class VerifierCommands(Provider):
    """The command palette's view of :data:`COMMANDS` that make sense on the current screen."""

    def _available(self) -> Iterable[Command]:
        scope = getattr(self.screen, "COMMAND_SCOPE", None)
        return [c for c in COMMANDS if c.palette and c.scope in ("app", scope)]

    async def _run(self, command: Command) -> None:
        namespace = self.app if command.scope == "app" else self.screen
        await self.app.run_action(command.action, namespace)

    async def discover(self) -> Hits:
        for command in self._available():
            yield DiscoveryHit(
                command.description.capitalize(),
                partial(self._run, command),
                help=command.help,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._available():
            title = command.description.capitalize()
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(self._run, command),
                    help=command.help,
                )
