"""The user's settings file: reviewer name and key bindings, as TOML.

It lives in the platform's config directory (``platformdirs``), or at ``$VERIFIER_CONFIG``.
A reviewer who rebinds keys or whose name was asked once should not lose either because of a
typo, so a file that cannot be read gives one warning line and the defaults, never a crash.

```toml
reviewer = "Ana"

[keys]
move-down = "j,down"     # a command id (see the help screen) = Textual key names
rate-1 = "1,y"
```
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "verifier"
FILE_NAME = "config.toml"


@dataclass(frozen=True, slots=True)
class Config:
    """What the file said, with every problem found as a one-line warning."""

    path: Path
    reviewer: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def config_path() -> Path:
    """``$VERIFIER_CONFIG`` when set, else ``config.toml`` in the platform config directory."""
    override = os.environ.get("VERIFIER_CONFIG")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME)) / FILE_NAME


def load_config(path: Path | None = None, known_ids: frozenset[str] | None = None) -> Config:
    """Read the settings at ``path``; a missing file is no settings, a bad one a warning.

    ``known_ids`` are the command ids a keymap may name; others are reported and ignored.
    """
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(path)
    except OSError as exc:
        return Config(path, warnings=(f"{path}: cannot read ({exc.strerror}); using defaults",))
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Config(path, warnings=(f"{path}: not valid TOML ({reason}); using defaults",))
    warnings: list[str] = []
    reviewer = data.get("reviewer")
    if reviewer is not None and not (isinstance(reviewer, str) and reviewer.strip()):
        warnings.append(f"{path}: reviewer must be a non-empty string; ignored")
        reviewer = None
    keymap: dict[str, str] = {}
    keys = data.get("keys", {})
    if not isinstance(keys, Mapping):
        warnings.append(f"{path}: [keys] must be a table of command id = keys; ignored")
        keys = {}
    for command_id, value in keys.items():
        if known_ids is not None and command_id not in known_ids:
            warnings.append(f"{path}: [keys] {command_id}: no such command; ignored")
        elif not isinstance(value, str) or not value.strip():
            warnings.append(f"{path}: [keys] {command_id}: keys must be a string; ignored")
        else:
            keymap[command_id] = ",".join(k.strip() for k in value.split(",") if k.strip())
    return Config(path, reviewer.strip() if reviewer else None, keymap, tuple(warnings))


_REVIEWER_LINE = re.compile(r"^\s*reviewer\s*=.*$", re.MULTILINE)


def save_reviewer(name: str, path: Path | None = None) -> Path:
    """Remember the reviewer's name, keeping the rest of the file as the user wrote it.

    The line is replaced in place when the file has one before its first table, else put
    first (a top-level key must come before any ``[table]``). Raises ``OSError`` on failure.
    """
    path = path or config_path()
    line = f"reviewer = {json.dumps(name.strip(), ensure_ascii=False)}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    first_table = re.search(r"^\s*\[", text, re.MULTILINE)
    head_end = first_table.start() if first_table else len(text)
    head, tail = text[:head_end], text[head_end:]
    if _REVIEWER_LINE.search(head):
        head = _REVIEWER_LINE.sub(lambda _: line, head, count=1)
    else:
        head = line + "\n" + head
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(head + tail, encoding="utf-8")
    os.replace(tmp, path)
    return path
