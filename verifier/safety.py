"""Neutralising untrusted article text before it reaches a terminal.

Articles come from anywhere; an escape sequence inside one could recolour the screen, set the
window title or move the cursor. Both the CLI's plain-text output and the TUI pass article
text through ``strip_controls`` so that what a fact-checker sees is only what was written.
"""

from __future__ import annotations

import re

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-byte escapes, then any lone
# C0/C1 control except newline and tab.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[P^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def strip_controls(text: str) -> str:
    """``text`` without terminal escape sequences or control characters (``\\n``/``\\t`` kept)."""
    if not text:
        return text
    return _ESCAPES.sub("", text)
