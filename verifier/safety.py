"""Neutralising untrusted article text before it reaches a terminal, a file or a link.

Articles come from anywhere; an escape sequence inside one could recolour the screen, set the
window title, write the clipboard (OSC 52) or move the cursor, and a bidirectional override
could make a cell read in an order other than the stored one. Every output path passes
article text through one of these functions: ``strip_controls`` for terminal text, CSV and
Markdown cells; ``json_dumps`` for JSON, which escapes what it cannot drop (JSON must keep
the stored text); ``safe_url`` for anything written as a link.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

# Bidirectional embeddings, overrides and isolates (the "Trojan Source" set).
_BIDI = "\u202a-\u202e\u2066-\u2069"

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-byte escapes, then any lone
# C0/C1 control except newline and tab, and the bidi controls.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[P^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?"
    rf"|[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]"
)

# What JSON writers leave raw although a terminal or a line reader acts on it: DEL, the C1
# controls (8-bit CSI/OSC), the line/paragraph separators and the bidi controls. C0 is
# already escaped by ``json.dumps``.
_JSON_RAW = re.compile(f"[\x7f-\x9f\u2028\u2029{_BIDI}]")

CONTROL_CHARS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
"""Every character no output of verifier may carry raw (newline and tab are allowed)."""

LINK_SCHEMES = frozenset({"http", "https"})


def strip_controls(text: str) -> str:
    """``text`` without terminal escape sequences, control characters or bidi overrides
    (``\\n``/``\\t`` kept); a whole sequence goes, so an OSC 52 payload is not left behind."""
    if not text:
        return text
    return _ESCAPES.sub("", text)


def escape_json(text: str) -> str:
    """JSON text with the characters ``json.dumps`` leaves raw written as ``\\uXXXX``.

    Valid only on the output of ``json.dumps``: those characters can occur only inside its
    strings, where the escape means the same character.
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def json_dumps(obj: Any, **kwargs: Any) -> str:
    """``json.dumps`` (non-ASCII kept readable) with no raw control character in the result."""
    return escape_json(json.dumps(obj, ensure_ascii=False, **kwargs))


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) link with a host, else ``None``.

    A ``javascript:``, ``data:`` or ``file:`` URL from an article would become a live link
    in a spreadsheet or a ClaimReview page; only web links are exported as links.
    """
    if not url:
        return None
    text = strip_controls(url).strip()
    if not text or any(ch.isspace() for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.hostname:
        return None
    return text
