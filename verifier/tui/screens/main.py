"""The review screen: claim queue, claim detail, evidence, status line and footer.

Reads that a keypress waits for (the next claim's record, article and evidence) go through
small caches and indexed queries on the UI thread, so moving feels instant. Every write and
every whole-queue read runs in a thread worker; results come back as messages.

Once a claim is on screen, a worker prepares the claims the next key most likely opens (the
next one, the next unrated one a rating jumps to, the previous one): it reads their context
and builds both panes' text, so the key itself only swaps prepared lines in.
"""

from __future__ import annotations

import dataclasses
import gc
import time
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from verifier.models import RATINGS, ClaimRecord
from verifier.store import ClaimFilter, StaleVerdictError, Store
from verifier.store.clusters import rate_cluster, split_claim
from verifier.store.triage import open_reader, outlets, source_types, stories
from verifier.tui.commands import bindings
from verifier.tui.data import (
    ClaimContext,
    ClaimQueueModel,
    ContextLoader,
    next_check,
    read_snapshot,
)
from verifier.tui.messages import (
    ClaimPrepared,
    ClaimSaved,
    Notice,
    PreparedClaim,
    QueueLoaded,
    WriteFailed,
)
from verifier.tui.screens.article import ArticleScreen
from verifier.tui.screens.ask import AskScreen
from verifier.tui.screens.export import ExportScreen
from verifier.tui.screens.filter import FilterChoices, FilterScreen, describe
from verifier.tui.screens.grade import GradeScreen
from verifier.tui.screens.help import HelpScreen
from verifier.tui.screens.note import NoteScreen
from verifier.tui.screens.source import SourceScreen
from verifier.tui.screens.stats import StatsScreen
from verifier.tui.text import one_line, safe_text
from verifier.tui.widgets.claim_detail import ClaimDetail
from verifier.tui.widgets.claim_queue import ClaimQueue
from verifier.tui.widgets.desk_footer import DeskFooter
from verifier.tui.widgets.evidence_pane import EvidencePane
from verifier.tui.widgets.lines_view import PaneLook
from verifier.tui.widgets.status_line import StatusLine
from verifier.tui.writer import StoreWriter

EMPTY_MESSAGE = (
    "There are no claims to review yet.\n\n"
    "Add articles with:\n\n"
    "    verifier ingest PATH\n\n"
    "then start the review again."
)
NO_MATCH_MESSAGE = "No claim matches this view.\n\nescape shows every claim again."
PANES = ("queue", "evidence", "detail")
STACKED_BELOW = 100
"""Narrower than this (or shorter than SHORT_BELOW), the claim and evidence panes are
stacked, each the full width, and compact: evidence one line per item."""
SHORT_BELOW = 32
"""Fewer rows than this, the queue keeps a few rows."""
WIDE_FROM = 120
"""From this width the evidence pane gets half the width, and the footer every key."""
PREPARED_FOR_SECONDS = 60.0
"""How long a prepared claim is shown as read: a claim opened later is read again, so what
another reviewer or an ingest changed meanwhile is not hidden behind the prefetch."""


class MainScreen(Screen[None]):
    COMMAND_SCOPE = "main"
    BINDINGS = bindings("main")

    def __init__(self, store: Store, reviewer: str, session_id: int | None) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.session_id = session_id
        # Reads a key waits for go through their own connection: in WAL mode they never
        # queue behind a verdict's commit (an fsync) on the writing connection.
        self.reader = open_reader(store)
        self.model = ClaimQueueModel(self.reader)
        self.contexts = ContextLoader(self.reader)
        # Writes run on one thread, in key order (see ``writer``); failures come back as
        # messages like everything else a thread reports.
        self.writer = StoreWriter(lambda error: self.post_message(WriteFailed(error)))
        self.filter = ClaimFilter()
        self.pane = "queue"
        self.session_rated = 0
        self.context: ClaimContext | None = None
        self.shown_at = 0.0
        self._prepared: dict[str, PreparedClaim] = {}
        self._gc_held = False
        # The claim selected when a search or filter narrowed the queue: leaving the narrowed
        # view goes back to it, so the reviewer carries on where they were.
        self._return_to: str | None = None
        self.focus_mode = False

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ClaimQueue(self.model, id="queue")
        with Horizontal(id="panes"):
            yield ClaimDetail(id="detail")
            yield EvidencePane(id="evidence")
        yield Static(EMPTY_MESSAGE, id="empty", markup=False)
        yield StatusLine(self.reviewer, id="status")
        yield DeskFooter()

    def on_unmount(self) -> None:
        self.writer.close()  # runs the writes still queued
        self._release_gc()
        if self.reader is not self.store:
            self.reader.close()

    def on_mount(self) -> None:
        self.query_one("#queue").border_title = "Claims"
        self.query_one("#detail").border_title = "Claim"
        self.query_one("#evidence").border_title = "Evidence"
        self.query_one("#empty").display = False
        self.query_one("#queue").add_class("-active")
        self._lay_out(self.app.size.width, self.app.size.height)
        self.status.message = "Loading claims…"
        self.load_queue()

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out(event.size.width, event.size.height)

    def _lay_out(self, width: int, height: int) -> None:
        """Fit the panes to the terminal (sizes in ``app.tcss``, by these classes).

        Small screens keep the selected claim, its source and content and several evidence
        items (one line each) in view; wide ones give the evidence half the width.
        """
        short = height < SHORT_BELOW
        # Side by side on a short screen the evidence pane holds one item, or several cut
        # to a few words: stacked, each evidence line gets the full width.
        stacked = width < STACKED_BELOW or short
        self.set_class(stacked, "-stacked")
        self.set_class(short, "-short")
        self.set_class(width >= WIDE_FROM and not stacked, "-wide")
        for pane in (ClaimDetail, EvidencePane):
            self.query_one(pane).set_class(stacked, "-compact")
        self.query_one(DeskFooter).narrow = width < WIDE_FROM

    def action_focus_mode(self) -> None:
        """Focus mode: the queue steps aside; keys still move through it."""
        self.focus_mode = not self.focus_mode
        self.set_class(self.focus_mode, "-focus")
        self._show_panes()
        self.status.flash(
            "Focus mode: z brings the queue back." if self.focus_mode else "Queue back."
        )

    def _show_panes(self) -> None:
        empty = not len(self.model)
        self.query_one("#empty").display = empty
        self.query_one("#queue").display = not empty and not self.focus_mode
        self.query_one("#panes").display = not empty

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
        self.post_message(QueueLoaded(read_snapshot(self.store, self.filter), select))

    @on(QueueLoaded)
    def _queue_loaded(self, message: QueueLoaded) -> None:
        self.model.reset(message.snapshot)
        # A 100k-claim queue is ~300k long-lived objects; every full garbage collection
        # would walk them all again (40+ ms, felt as a stutter on a key). Freezing moves what
        # exists now out of the collector's way; new garbage is still collected.
        gc.freeze()
        empty = not len(self.model)
        filtered = self.filter != ClaimFilter()
        self.status.view = describe(self.filter)
        self.query_one("#queue").border_title = (
            f"Claims · {describe(self.filter)}" if filtered else "Claims"
        )
        empty_text = NO_MATCH_MESSAGE if filtered else EMPTY_MESSAGE
        self.query_one("#empty", Static).update(empty_text)
        self._show_panes()
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
        if force or queue.cursor != before:
            # Shown at once, in the same callback as the key, so the row, the detail and the
            # evidence change in one frame instead of one frame per message hop.
            self._show_current()

    @on(ClaimQueue.Highlighted)
    def _highlighted(self, message: ClaimQueue.Highlighted) -> None:
        # A click moves the cursor without _go; a key already showed this claim.
        if self.context is None or self.context.claim.id != self.model.id_at(message.index):
            self._show_current()

    def _show_current(self) -> None:
        self._hold_gc()
        claim = self.queue.current
        self.status.position = self.queue.cursor if claim is not None else None
        prepared = self._prepared_for(claim) if claim is not None else None
        if prepared is not None:
            context: ClaimContext | None = prepared.context
        else:
            context = self.contexts.load(claim) if claim is not None else None
        self.context = context
        self.shown_at = time.perf_counter()  # for the benchmark's first-paint measure
        self.query_one(ClaimDetail).show(context, prepared.detail if prepared else None)
        self.query_one(EvidencePane).show(
            context.evidence if context is not None else None,
            context.marks if context is not None else None,
            prepared.evidence if prepared else None,
        )
        # After the frame: the collector and the worker must not compete with painting it.
        self.call_after_refresh(self._after_paint)

    def _hold_gc(self) -> None:
        """Keep the cyclic garbage collector out of the frame a key causes.

        A key allocates thousands of short-lived objects (lines, strips, segments); when a
        collection fell inside the frame, the key took half as long again (p95 21 ms -> 12 ms
        for the compositor without it, measured at 100k). Collection is only postponed: it
        runs as soon as the frame is painted, when the user is reading.
        """
        if gc.isenabled():
            gc.disable()
            self._gc_held = True

    def _release_gc(self) -> None:
        if self._gc_held:
            self._gc_held = False
            gc.enable()

    def _after_paint(self) -> None:
        self._release_gc()
        self._prepare_neighbours()

    # -- preparing the claims a key opens next -------------------------------------------------

    def _prepared_for(self, claim: ClaimRecord) -> PreparedClaim | None:
        """The prepared panes for ``claim`` if they were made from this very record lately."""
        prepared = self._prepared.get(claim.id)
        if prepared is None:
            return None
        if (
            prepared.context.claim != claim
            or time.monotonic() - prepared.made_at > PREPARED_FOR_SECONDS
        ):
            del self._prepared[claim.id]
            return None
        return prepared

    def _neighbours(self) -> list[ClaimRecord]:
        """The claims the next key most likely opens, the likeliest first."""
        cursor = self.queue.cursor
        found: dict[str, ClaimRecord] = {}
        for index in (cursor + 1, self.model.next_unrated(cursor), cursor - 1):
            if index is None or index == cursor:
                continue
            claim = self.model.claim_at(index)
            if claim is not None:
                found.setdefault(claim.id, claim)
        return list(found.values())

    def _prepare_neighbours(self) -> None:
        if not self.is_attached or self.context is None or not len(self.model):
            return
        neighbours = self._neighbours()
        keep = {claim.id for claim in neighbours}
        # Only the neighbourhood is kept: memory stays flat however far the user travels.
        self._prepared = {k: v for k, v in self._prepared.items() if k in keep}
        wanted = [claim for claim in neighbours if self._prepared_for(claim) is None]
        if wanted:
            detail, evidence = self.query_one(ClaimDetail), self.query_one(EvidencePane)
            self.prepare_claims(wanted, detail.look(), evidence.look())

    @work(thread=True, group="prepare", exclusive=True, exit_on_error=False)
    def prepare_claims(
        self, claims: list[ClaimRecord], detail_look: PaneLook, evidence_look: PaneLook
    ) -> None:
        """Read and lay out ``claims`` for both panes; a newer call supersedes this one."""
        worker = get_current_worker()
        for claim in claims:
            if worker.is_cancelled:
                return
            context = self.contexts.load(claim)
            prepared = PreparedClaim(
                context,
                ClaimDetail.prepare(context, detail_look),
                EvidencePane.prepare(context.evidence, context.marks, evidence_look),
                time.monotonic(),
            )
            self.post_message(ClaimPrepared(prepared))

    @on(ClaimPrepared)
    def _claim_prepared(self, message: ClaimPrepared) -> None:
        # Checked against the queue's record when used: a write since makes it unusable.
        self._prepared[message.prepared.context.claim.id] = message.prepared

    # -- movement ----------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        if self.pane == "evidence":
            self.query_one(EvidencePane).select(delta)
        elif self.pane == "detail":
            self.query_one(ClaimDetail).scroll_relative(y=delta * 3, animate=False)
        else:
            self._go(self.queue.cursor + delta)

    def action_next_pane(self) -> None:
        """Cycle the active pane; its border lights up so the user sees where j/k go."""
        self.query_one(f"#{self.pane}").remove_class("-active")
        self.pane = PANES[(PANES.index(self.pane) + 1) % len(PANES)]
        self.query_one(f"#{self.pane}").add_class("-active")
        self.status.flash(f"{self.pane} pane: j / k move in it")

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
        self.rate_claim(claim, rating)
        index = self.model.next_unrated(self.queue.cursor)
        if index is not None:
            self._go(index)

    def rate_claim(self, claim: ClaimRecord, rating: int) -> None:
        """Record ``rating`` for ``claim`` (from the queue or the article view): one write,
        counted at once so "next unrated" and the session figures need not wait for it."""
        if rating not in RATINGS:
            return
        self.write(self.save_rating, claim.id, rating, claim.verdict_at)
        self.model.assume_rated(claim.id)
        self._prepared.pop(claim.id, None)
        if claim.rating is None:
            self.session_rated += 1
            self.status.session_rated = self.session_rated

    def action_note(self) -> None:
        claim = self.queue.current
        if claim is None:
            return
        # The note as stored: the dialog shows it safely and keeps it when saved unedited.
        screen = NoteScreen(
            claim.note or "", about=claim.content or claim.sentence, keymap=self.keymap
        )
        self.app.push_screen(screen, partial(self._note_closed, claim.id))

    def _note_closed(self, claim_id: str, note: str | None) -> None:
        if note is not None:
            self.write(self.save_note, claim_id, note)

    def action_undo(self) -> None:
        self.write(self.undo)

    def action_split_cluster(self) -> None:
        claim = self.queue.current
        if claim is not None:
            self.write(self.split, claim.id)

    def split(self, claim_id: str) -> None:
        """Take the claim out of its cluster; the queue is read again (the rest stays one row)."""
        try:
            before = split_claim(self.store, claim_id, reviewer=self.reviewer)
        except ValueError:
            self.post_message(Notice("This claim is in no cluster."))
            return
        self.post_message(Notice(f"Split out of a cluster of {before.size} claims."))
        self.app.call_from_thread(self.load_queue, claim_id)

    def write(self, job: Callable[..., None], *args: Any) -> None:
        """Run ``job(*args)`` on the writer thread, after every write asked for before it."""
        self.writer.submit(partial(job, *args))

    def action_help(self) -> None:
        path = getattr(self.app, "config_path", None)
        self.app.push_screen(HelpScreen(self.keymap, config_path=path))

    def save_rating(self, claim_id: str, rating: int, seen_at: str | None = None) -> None:
        """Save unless someone else changed the verdict since it was shown: then show theirs."""
        try:
            # A queue row is a claim cluster: the rating goes to every claim in it.
            rate_cluster(
                self.store,
                claim_id,
                rating,
                reviewer=self.reviewer,
                session_id=self.session_id,
                seen_at=seen_at,
            )
            status = f"Rated {RATINGS[rating]}."
            jump = False
        except StaleVerdictError as exc:
            when = (exc.at or "")[:16].replace("T", " ")
            status = (
                f"Not saved: {exc.reviewer or 'someone'} changed this claim at {when}. "
                "Their verdict is shown; rate again to replace it."
            )
            jump = True
        claim = self.store.claim(claim_id)
        if claim is not None:
            self.post_message(ClaimSaved(claim, status, jump=jump))

    def save_field(self, claim_id: str, field: str, value: str | None) -> None:
        """The other judgements: attribution check, source grade, re-check date."""
        writer = {
            "attribution_check": self.store.record_attribution_check,
            "source_grade": self.store.record_source_grade,
            "recheck_date": self.store.record_recheck_date,
        }[field]
        writer(claim_id, value, reviewer=self.reviewer, session_id=self.session_id)
        claim = self.store.claim(claim_id)
        label = field.replace("_", " ")
        if claim is not None:
            text = f"{label.capitalize()}: {value}." if value else f"{label.capitalize()} cleared."
            self.post_message(ClaimSaved(claim, text))

    def save_mark(self, claim_id: str, sentence_id: int, mark: str | None) -> None:
        self.store.record_evidence_mark(
            claim_id, sentence_id, mark, reviewer=self.reviewer, session_id=self.session_id
        )
        claim = self.store.claim(claim_id)
        if claim is not None:
            text = f"Evidence marked: {mark}." if mark else "Evidence mark cleared."
            self.post_message(ClaimSaved(claim, text))

    def save_note(self, claim_id: str, note: str) -> None:
        note = safe_text(note).strip()
        self.store.record_note(claim_id, note, reviewer=self.reviewer, session_id=self.session_id)
        claim = self.store.claim(claim_id)
        if claim is not None:
            self.post_message(ClaimSaved(claim, "Note saved." if note else "Note cleared."))

    def undo(self) -> None:
        event = self.store.undo_last(reviewer=self.reviewer, session_id=self.session_id)
        if event is None:
            self.post_message(Notice("Nothing to undo in this session."))
            return
        claim = self.store.claim(event.claim_id)
        if claim is not None:
            what = event.field.replace("_", " ")
            if what.startswith("evidence:"):
                what = "evidence mark"
            unrated = event.field == "rating" and event.old is None
            self.post_message(ClaimSaved(claim, f"Undid the {what}.", jump=True, unrated=unrated))

    def _unrated_again(self) -> None:
        self.session_rated = max(0, self.session_rated - 1)
        self.status.session_rated = self.session_rated

    # -- other judgements --------------------------------------------------------------------

    def action_attribution(self) -> None:
        """Step the attribution check through its cycle: one key, no dialog.

        The cycle starts from what the claim's appearances across articles suggest
        (unclear when they drift or conflict, confirmed when they agree); see
        :func:`~verifier.tui.data.attribution_cycle`.
        """
        claim = self.queue.current
        if claim is None:
            return
        value = next_check(claim.attribution_check, claim.attribution_status)
        self.write(self.save_field, claim.id, "attribution_check", value)

    def action_grade(self) -> None:
        claim = self.queue.current
        if claim is None:
            return
        source = claim.canonical_source or claim.resolved_source or claim.source
        screen = GradeScreen(source, claim.source_grade, self.keymap)
        self.app.push_screen(screen, partial(self._grade_closed, claim.id))

    def _grade_closed(self, claim_id: str, grade: str | None) -> None:
        if grade is not None:
            self.write(self.save_field, claim_id, "source_grade", grade or None)

    def action_recheck(self) -> None:
        claim = self.queue.current
        if claim is None:
            return
        screen = AskScreen(
            "Re-check date",
            "When should this claim be checked again? (YYYY-MM-DD; empty clears)",
            claim.recheck_date or "",
            placeholder="YYYY-MM-DD",
            check=_date_problem,
            keymap=self.keymap,
        )
        self.app.push_screen(screen, partial(self._recheck_closed, claim.id))

    def _recheck_closed(self, claim_id: str, day: str | None) -> None:
        if day is not None:
            self.write(self.save_field, claim_id, "recheck_date", day or None)

    def action_mark(self, mark: str) -> None:
        """Mark the selected evidence line; the same mark again clears it."""
        claim = self.queue.current
        evidence = self.query_one(EvidencePane).current
        if claim is None or evidence is None:
            self.status.flash("No evidence line to mark.")
            return
        marks = self.context.marks if self.context is not None else {}
        value = None if marks.get(evidence.sentence_id) == mark else mark
        self.write(self.save_mark, claim.id, evidence.sentence_id, value)

    # -- finding -----------------------------------------------------------------------------

    def _refilter(self, flt: ClaimFilter) -> None:
        claim = self.queue.current if len(self.model) else None
        select = claim.id if claim is not None else None
        if not _narrowed(self.filter) and _narrowed(flt):
            self._return_to = select
        elif _narrowed(self.filter) and not _narrowed(flt):
            # Back to the whole queue: to the claim the reviewer left for the search.
            select = self._return_to or select
            self._return_to = None
        self.filter = flt
        self.status.message = "Filtering…"
        self.load_queue(select)

    def action_search(self) -> None:
        screen = AskScreen(
            "Search",
            "Words from the claim's sentence (all must appear; word* for a prefix).",
            self.filter.search or "",
            placeholder="e.g. hospital shelling",
            keymap=self.keymap,
        )
        self.app.push_screen(screen, self._search_closed)

    def _search_closed(self, words: str | None) -> None:
        if words is not None:
            self._refilter(dataclasses.replace(self.filter, search=words or None))

    def action_filter(self) -> None:
        self.open_filter()

    @work(thread=True, group="load", exit_on_error=False)
    def open_filter(self) -> None:
        choices = FilterChoices(source_types(self.store), outlets(self.store), stories(self.store))
        self.app.call_from_thread(self._show_filter, choices)

    def _show_filter(self, choices: FilterChoices) -> None:
        screen = FilterScreen(self.filter, choices, self.keymap)
        self.app.push_screen(screen, self._filter_closed)

    def _filter_closed(self, flt: ClaimFilter | None) -> None:
        if flt is not None:
            self._refilter(flt)

    def action_clear_filter(self) -> None:
        if _narrowed(self.filter):
            self._refilter(ClaimFilter(sort=self.filter.sort))

    def action_sort(self) -> None:
        order = "article" if self.filter.sort == "priority" else "priority"
        self._refilter(dataclasses.replace(self.filter, sort=order))
        self.status.flash("Reading order." if order == "article" else "Highest priority first.")

    # -- other views -------------------------------------------------------------------------

    def action_article(self) -> None:
        if self.context is None:
            return
        # One indexed read: the article's claims, highlighted and rated in the article view.
        claim = self.context.claim
        ids = self.reader.claim_ids_of_articles([claim.article_id])
        claims = self.reader.claims_by_ids(ids)
        screen = ArticleScreen(self.context, self.keymap, claims=claims, rate=self.rate_claim)
        self.app.push_screen(screen)

    def action_source(self) -> None:
        claim = self.queue.current
        if claim is None:
            return
        source = claim.canonical_source or claim.resolved_source or claim.source
        self.app.push_screen(SourceScreen(self.store, source), self._source_closed)

    def _source_closed(self, claim_id: str | None) -> None:
        if claim_id is None:
            return
        index = self.model.index_of(claim_id)
        if index is None:
            # Not in the current view: show every claim, then go to it.
            self.filter = ClaimFilter()
            self.load_queue(claim_id)
        else:
            self._go(index)

    def action_stats(self) -> None:
        self.app.push_screen(StatsScreen(self.store))

    def action_export(self) -> None:
        flt = self.filter if self.filter != ClaimFilter() else None
        screen = ExportScreen(self.store, flt, keymap=self.keymap)
        self.app.push_screen(screen, self._export_closed)

    def _export_closed(self, summary: str | None) -> None:
        if summary:
            self.status.flash(summary)
            self.notify(summary, title="Export", markup=False)

    @on(ClaimSaved)
    def _claim_saved(self, message: ClaimSaved) -> None:
        self._prepared.pop(message.claim.id, None)
        if message.unrated:
            self._unrated_again()
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
        """Where worker failures surface (write failures come as ``WriteFailed``)."""
        if event.state is not WorkerState.ERROR or event.worker.group == "prepare":
            # A claim that could not be prepared is simply read when it is opened.
            return
        self._report(event.worker.error, "Could not load")

    @on(WriteFailed)
    def _write_failed(self, message: WriteFailed) -> None:
        self._report(message.error, "Could not save")
        # An optimistic "rated" mark may be wrong now: read the truth again.
        claim = self.queue.current
        self.load_queue(claim.id if claim is not None else None)

    def _report(self, error: BaseException | None, title: str) -> None:
        """A notification, one line, never markup."""
        self.notify(
            one_line(f"{type(error).__name__}: {error}"),
            title=title,
            severity="error",
            markup=False,
        )


def _narrowed(flt: ClaimFilter) -> bool:
    """Whether ``flt`` leaves claims out (a search or a filter), whatever the sort order."""
    return dataclasses.replace(flt, sort=ClaimFilter().sort) != ClaimFilter()


def _date_problem(value: str) -> str | None:
    if not value:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"{value!r} is not a date: write it as YYYY-MM-DD"
    return None
