"""The verifier review app: a thin shell that owns the store, the reviewer and the session.

All review behaviour lives in :mod:`verifier.tui.screens.main`; the app only finds out who
is reviewing (asking once, then remembering it in the settings file), opens and closes the
review session around the main screen and makes sure no write is lost on quit.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from textual.app import App
from textual.binding import Keymap
from textual.widgets import Input

from verifier.models import ReviewSession
from verifier.store import Store
from verifier.tui.commands import VerifierCommands, bindings
from verifier.tui.screens.ask import AskScreen
from verifier.tui.screens.main import MainScreen


class VerifierApp(App[None]):
    """Review claims in ``store`` as ``reviewer``; ``keymap`` maps command ids to keys.

    With no ``reviewer`` the app asks for a name on start and, when ``config_path`` is
    given, saves it there so the question is asked once.
    """

    TITLE = "verifier"
    CSS_PATH = "app.tcss"
    BINDINGS = bindings("app")
    COMMANDS = App.COMMANDS | {VerifierCommands}

    def __init__(
        self,
        store: Store,
        reviewer: str | None,
        *,
        keymap: Mapping[str, str] | None = None,
        config_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer.strip() if reviewer and reviewer.strip() else None
        self.config_path = config_path
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
        if self.reviewer is None:
            ask = AskScreen(
                "Welcome",
                "Your name, recorded with every verdict (asked once, kept in your settings).",
                placeholder="e.g. Ana Rivera",
                check=lambda name: None if name else "A name is needed to record verdicts.",
                cancel=False,
            )
            self.push_screen(ask, self._named)
        else:
            self._start()

    def _named(self, name: str | None) -> None:
        self.reviewer = (name or "").strip() or "reviewer"
        if self.config_path is not None:
            from verifier.config import save_reviewer

            try:
                save_reviewer(self.reviewer, self.config_path)
            except OSError as exc:
                self.notify(
                    f"Could not remember the name in {self.config_path}: {exc.strerror}",
                    severity="warning",
                    markup=False,
                )
        self._start()

    def _start(self) -> None:
        assert self.reviewer is not None
        # One small insert; the session id must exist before the first verdict is recorded.
        self.session = self.store.start_session(self.reviewer)
        self.push_screen(MainScreen(self.store, self.reviewer, self.session.id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "q" is a priority binding; while typing a note (or a palette search) it is a letter.
        return not (action == "quit" and isinstance(self.focused, Input))

    async def settled(self) -> None:
        """Wait until no worker runs and no store write is queued (reads, then writes).

        A write can start a worker (a failed save reloads the queue), so both are waited
        for until neither has anything left.
        """
        while True:
            await self.workers.wait_for_complete()
            writers = [s.writer for s in self.screen_stack if isinstance(s, MainScreen)]
            if not any(w.pending for w in writers):
                return
            for writer in writers:
                await writer.drained()

    async def action_quit(self) -> None:
        """Let pending verdict writes commit before leaving; each is already a transaction."""
        await self.settled()
        self.end_session()
        self.exit()

    def on_unmount(self) -> None:
        self.end_session()

    def end_session(self) -> None:
        if self.session is not None and self.session.ended_at is None:
            self.store.end_session(self.session.id)
            self.session = None
