"""Messages that carry worker results back to the UI thread.

Workers never touch widgets: they read or write the store and post one of these; the
screen's handlers apply them.
"""

from __future__ import annotations

import dataclasses

from textual.message import Message

from verifier.models import ClaimRecord
from verifier.tui.data import ClaimContext, QueueSnapshot
from verifier.tui.widgets.evidence_pane import PreparedEvidence
from verifier.tui.widgets.lines_view import Wrapped


class QueueLoaded(Message):
    """The queue order was read; ``select`` is a claim to keep the cursor on, if any."""

    def __init__(self, snapshot: QueueSnapshot, select: str | None = None) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.select = select


class ClaimSaved(Message):
    """A write landed; ``claim`` is the record read back after it, ``jump`` moves the cursor."""

    def __init__(
        self, claim: ClaimRecord, status: str, *, jump: bool = False, unrated: bool = False
    ) -> None:
        super().__init__()
        self.claim = claim
        self.status = status
        self.jump = jump
        self.unrated = unrated  # an undo took this session's rating of the claim back


class WriteFailed(Message):
    """A store write raised; the screen says so and reads the truth again."""

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error


class Notice(Message):
    """Something to tell the user in the status line."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


@dataclasses.dataclass(frozen=True, slots=True)
class PreparedClaim:
    """A claim's context with both panes' text laid out, made before the claim is opened."""

    context: ClaimContext
    detail: Wrapped
    evidence: PreparedEvidence
    made_at: float  # time.monotonic()


class ClaimPrepared(Message):
    """A worker prepared a claim the next key is likely to open."""

    def __init__(self, prepared: PreparedClaim) -> None:
        super().__init__()
        self.prepared = prepared
