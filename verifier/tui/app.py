"""The verifier review app: a thin shell that owns the store, the reviewer and the session.

All review behaviour lives in :mod:`verifier.tui.screens.main`; the app only opens and closes
the review session around it and makes sure no write is lost on quit.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import App
from textual.binding import Keymap
from textual.widgets import Input

from verifier.models import ReviewSession
from verifier.store import Store
from verifier.tui.commands import VerifierCommands, bindings
from verifier.tui.screens.main import MainScreen


class VerifierApp(App[None]):
    """Review claims in ``store`` as ``reviewer``; ``keymap`` maps command ids to keys."""

    TITLE = "verifier"
    CSS_PATH = "app.tcss"
    BINDINGS = bindings("app")
    COMMANDS = App.COMMANDS | {VerifierCommands}

    def __init__(
        self, store: Store, reviewer: str, *, keymap: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.session: ReviewSession | None = None
        self._user_keymap: dict[str, str] = dict(keymap or {})

    @property
    def keymap(self) -> Mapping[str, str]:
        """The key overrides in force, so help and hints print the keys that really work."""
        return dict(self._user_keymap)

    def set_keymap(self, keymap: Keymap) -> None:
        self._user_keymap = dict(keymap)
        super().set_keymap(keymap)

    def update_keymap(self, keymap: Keymap) -> None:
        self._user_keymap.update(keymap)
        super().update_keymap(keymap)

    def on_mount(self) -> None:
        if self._user_keymap:
            super().set_keymap(self._user_keymap)
        # One small insert; the session id must exist before the first verdict is recorded.
        self.session = self.store.start_session(self.reviewer)
        self.push_screen(MainScreen(self.store, self.reviewer, self.session.id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "q" is a priority binding; while typing a note (or a palette search) it is a letter.
        return not (action == "quit" and isinstance(self.focused, Input))

    async def action_quit(self) -> None:
        """Let pending verdict writes commit before leaving; each is already a transaction."""
        await self.workers.wait_for_complete()
        self.end_session()
        self.exit()

    def on_unmount(self) -> None:
        self.end_session()

    def end_session(self) -> None:
        if self.session is not None and self.session.ended_at is None:
            self.store.end_session(self.session.id)
            self.session = None
