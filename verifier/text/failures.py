"""What happens when the text stage fails on one sentence: that sentence is skipped, logged
with where it is, and the rest of the article (and the run) goes on.

The readers of real news are heuristics over messy text; a bug one odd sentence triggers must
cost that sentence, never the article (ingest once dropped a whole article, and ``verifier
extract`` stopped its whole run, over one IndexError).
"""

from __future__ import annotations

import logging

from verifier.models import Span

log = logging.getLogger("verifier.text")


def sentence_failed(document: str, index: int, span: Span, exc: BaseException) -> None:
    """Log one skipped sentence on one line: the article, the sentence's number and
    character span, and the error."""
    from verifier.safety import strip_controls

    reason = " ".join(strip_controls(str(exc)).split()) or "no detail"
    log.warning(
        "%s: sentence %d (characters %d-%d) skipped: %s: %s",
        " ".join(strip_controls(document).split()),
        index,
        span.start,
        span.end,
        type(exc).__name__,
        reason,
    )
