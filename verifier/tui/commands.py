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

from verifier.models import RATING_HELP, RATINGS

Scope = Literal["app", "main", "help", "note"]

SCOPE_TITLES: dict[Scope, str] = {
    "main": "Reviewing claims",
    "app": "Anywhere",
    "help": "This help",
    "note": "Note editor",
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


COMMANDS: tuple[Command, ...] = (
    *_rating_commands(),
    Command(
        "move-down",
        "j,down",
        "move(1)",
        "next claim",
        "Move to the next claim in the queue.",
        show=True,
        group=MOVE_GROUP,
    ),
    Command(
        "move-up",
        "k,up",
        "move(-1)",
        "previous claim",
        "Move to the previous claim in the queue.",
        show=True,
        group=MOVE_GROUP,
    ),
    Command("page-down", "pagedown", "page(1)", "page down", "Move one screen down the queue."),
    Command("page-up", "pageup", "page(-1)", "page up", "Move one screen up the queue."),
    Command("first", "home", "first", "first claim", "Go to the first claim in the queue."),
    Command("last", "end", "last", "last claim", "Go to the last claim in the queue."),
    Command(
        "next-unrated",
        "space",
        "next_unrated",
        "next unrated",
        "Go to the next claim without a rating, wrapping round to the top.",
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
        "undo",
        "u",
        "undo",
        "undo",
        "Undo the last rating or note of this session and go back to that claim.",
        show=True,
    ),
    Command(
        "help",
        "question_mark",
        "help",
        "help",
        "Show every command with its key.",
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
)


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
