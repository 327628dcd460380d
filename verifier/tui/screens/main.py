"""The review screen: claim queue, claim detail, evidence, status line and footer.

Reads that a keypress waits for (the next claim's record, article and evidence) go through
small caches and indexed queries on the UI thread, so moving feels instant. Every write and
every whole-queue read runs in a thread worker; results come back as messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from verifier.models import RATINGS
from verifier.store import Store
from verifier.tui.commands import bindings
from verifier.tui.data import ClaimQueueModel, ContextLoader, WriteSequencer, read_snapshot
from verifier.tui.messages import ClaimSaved, Notice, QueueLoaded
from verifier.tui.screens.help import HelpScreen
from verifier.tui.screens.note import NoteScreen
from verifier.tui.text import one_line, safe_text
from verifier.tui.widgets.claim_detail import ClaimDetail
from verifier.tui.widgets.claim_queue import ClaimQueue
from verifier.tui.widgets.evidence_pane import EvidencePane
from verifier.tui.widgets.status_line import StatusLine

EMPTY_MESSAGE = (
    "There are no claims to review yet.\n\n"
    "Add articles with:\n\n"
    "    verifier ingest PATH\n\n"
    "then start the review again."
)


class MainScreen(Screen[None]):
    COMMAND_SCOPE = "main"
    BINDINGS = bindings("main")

    def __init__(self, store: Store, reviewer: str, session_id: int | None) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.session_id = session_id
        self.model = ClaimQueueModel(store)
        self.contexts = ContextLoader(store)
        self.sequencer = WriteSequencer()

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ClaimQueue(self.model, id="queue")
        with Horizontal(id="panes"):
            yield ClaimDetail(id="detail")
            yield EvidencePane(id="evidence")
        yield Static(EMPTY_MESSAGE, id="empty", markup=False)
        yield StatusLine(self.reviewer, id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#queue").border_title = "Claims"
        self.query_one("#detail").border_title = "Claim"
        self.query_one("#evidence").border_title = "Evidence"
        self.query_one("#empty").display = False
        self.status.message = "Loading claims…"
        self.load_queue()

    @property
    def keymap(self) -> Mapping[str, str]:
        """The user's key overrides, for screens that print keys (any App works here)."""
        keymap = getattr(self.app, "keymap", None)
        return keymap if isinstance(keymap, Mapping) else {}

    @property
    def queue(self) -> ClaimQueue:
        return self.query_one(ClaimQueue)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    # -- loading -----------------------------------------------------------------------------

    @work(thread=True, group="load", exclusive=True, exit_on_error=False)
    def load_queue(self, select: str | None = None) -> None:
        self.post_message(QueueLoaded(read_snapshot(self.store), select))

    @on(QueueLoaded)
    def _queue_loaded(self, message: QueueLoaded) -> None:
        self.model.reset(message.snapshot)
        empty = not len(self.model)
        self.query_one("#empty").display = empty
        self.query_one("#queue").display = not empty
        self.query_one("#panes").display = not empty
        self.queue.reload()
        self.status.total = len(self.model)
        self.status.rated = self.model.rated_count
        self.status.message = ""
        if empty:
            self.status.position = None
            return
        index = self.model.index_of(message.select) if message.select else None
        if index is None:
            index = self.model.first_unrated()
            if index is None:
                self.status.flash(f"All {len(self.model)} claims are rated.")
        self._go(index or 0, force=True)

    # -- showing the current claim -----------------------------------------------------------

    def _go(self, index: int, *, force: bool = False) -> None:
        if not len(self.model):
            return
        queue = self.queue
        before = queue.cursor
        queue.cursor = index
        if force and queue.cursor == before:
            # The cursor watcher only fires on change; a reload onto the same row must redraw.
            self._show_current()

    @on(ClaimQueue.Highlighted)
    def _highlighted(self, message: ClaimQueue.Highlighted) -> None:
        self._show_current()

    def _show_current(self) -> None:
        claim = self.queue.current
        self.status.position = self.queue.cursor if claim is not None else None
        context = self.contexts.load(claim) if claim is not None else None
        self.query_one(ClaimDetail).show(context)
        self.query_one(EvidencePane).show(context.evidence if context is not None else None)

    # -- movement ----------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        self._go(self.queue.cursor + delta)

    def action_page(self, direction: int) -> None:
        self._go(self.queue.cursor + direction * self.queue.page_height())

    def action_first(self) -> None:
        self._go(0)

    def action_last(self) -> None:
        self._go(len(self.model) - 1)

    def action_next_unrated(self) -> None:
        index = self.model.next_unrated(self.queue.cursor)
        if index is None:
            self.status.flash("No unrated claims left.")
        else:
            self._go(index)

    # -- verdicts ----------------------------------------------------------------------------

    def action_rate(self, rating: int) -> None:
        claim = self.queue.current
        if claim is None or rating not in RATINGS:
            return
        self.save_rating(self.sequencer.ticket(), claim.id, rating)
        self.model.assume_rated(claim.id)
        index = self.model.next_unrated(self.queue.cursor)
        if index is not None:
            self._go(index)

    def action_note(self) -> None:
        claim = self.queue.current
        if claim is None:
            return
        screen = NoteScreen(
            safe_text(claim.note), about=claim.content or claim.sentence, keymap=self.keymap
        )
        self.app.push_screen(screen, partial(self._note_closed, claim.id))

    def _note_closed(self, claim_id: str, note: str | None) -> None:
        if note is not None:
            self.save_note(self.sequencer.ticket(), claim_id, note)

    def action_undo(self) -> None:
        self.undo(self.sequencer.ticket())

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.keymap))

    @work(thread=True, group="write", exit_on_error=False)
    def save_rating(self, ticket: int, claim_id: str, rating: int) -> None:
        with self.sequencer.turn(ticket):
            self.store.record_rating(
                claim_id, rating, reviewer=self.reviewer, session_id=self.session_id
            )
            claim = self.store.claim(claim_id)
            if claim is not None:
                self.post_message(ClaimSaved(claim, f"Rated {RATINGS[rating]}."))

    @work(thread=True, group="write", exit_on_error=False)
    def save_note(self, ticket: int, claim_id: str, note: str) -> None:
        with self.sequencer.turn(ticket):
            note = safe_text(note).strip()
            self.store.record_note(
                claim_id, note, reviewer=self.reviewer, session_id=self.session_id
            )
            claim = self.store.claim(claim_id)
            if claim is not None:
                self.post_message(ClaimSaved(claim, "Note saved." if note else "Note cleared."))

    @work(thread=True, group="write", exit_on_error=False)
    def undo(self, ticket: int) -> None:
        with self.sequencer.turn(ticket):
            event = self.store.undo_last(reviewer=self.reviewer, session_id=self.session_id)
            if event is None:
                self.post_message(Notice("Nothing to undo in this session."))
                return
            claim = self.store.claim(event.claim_id)
            if claim is not None:
                what = "rating" if event.field == "rating" else event.field
                self.post_message(ClaimSaved(claim, f"Undid the {what}.", jump=True))

    @on(ClaimSaved)
    def _claim_saved(self, message: ClaimSaved) -> None:
        index = self.model.update(message.claim)
        self.status.rated = self.model.rated_count
        done = message.claim.rating is not None and not self.model.unrated_count
        self.status.flash(f"{message.status} All claims are rated." if done else message.status)
        if index is None:
            return
        self.queue.refresh_row(index)
        if message.jump:
            self._go(index)
        if index == self.queue.cursor:
            self._show_current()

    @on(Notice)
    def _notice(self, message: Notice) -> None:
        self.status.flash(message.text)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker failures surface: a notification, then a fresh queue."""
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        self.notify(
            one_line(f"{type(error).__name__}: {error}"),
            title="Could not save" if event.worker.group == "write" else "Could not load",
            severity="error",
            markup=False,
        )
        if event.worker.group == "write":
            # An optimistic "rated" mark may be wrong now: read the truth again.
            claim = self.queue.current
            self.load_queue(claim.id if claim is not None else None)
