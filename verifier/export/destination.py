"""Where an export goes: never onto the database, never over a file unasked, never replacing
a pipe or a device.

``os.replace`` onto a path is how exports stay atomic, but it is also how ``-o verifier.db``
once destroyed a database with every verdict in it, and how ``-o /dev/null`` turned a device
into a file. So the kind of the destination decides how it is written.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from verifier.export.errors import ExportError, ExportExists

SQLITE_SIDE_FILES: tuple[str, ...] = ("", "-wal", "-shm", "-journal")
"""The database file and the files SQLite keeps beside it."""


def refuse_database(target: Path, protected: str | None) -> None:
    """Refuse ``target`` when it is the database or one of its side files, by name (also
    when the side file does not exist yet) or by identity (a hard link, another spelling)."""
    if not protected or protected == ":memory:":
        return
    real = os.path.realpath(target)
    db_real = os.path.realpath(protected)
    for suffix in SQLITE_SIDE_FILES:
        side = db_real + suffix
        same = real == side
        if not same and os.path.exists(side) and os.path.exists(target):
            try:
                same = os.path.samefile(side, target)
            except OSError:
                same = False
        if same:
            what = "the database" if not suffix else f"the database's {suffix[1:]} file"
            raise ExportError(f"{target}: is {what} ({protected}); choose another file")


def _cannot(target: Path, exc: OSError) -> ExportError:
    return ExportError(f"{target}: cannot write ({exc.strerror or exc})")


def write_to(
    target: Path,
    write: Callable[[TextIO], int],
    *,
    protected: str | None = None,
    force: bool = False,
) -> int:
    """Write an export to ``target`` with ``write(out)``; returns what ``write`` returns."""
    refuse_database(target, protected)
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _cannot(target, exc) from None
    if st is None and os.path.islink(target) and not force:
        raise ExportExists(f"{target}: exists (a broken link); --force replaces it")
    if st is not None:
        mode = st.st_mode
        if stat.S_ISDIR(mode):
            raise ExportError(f"{target}: is a folder; name a file")
        if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
            return _write_stream(target, write)
        if not stat.S_ISREG(mode):
            raise ExportError(f"{target}: is not a regular file, a pipe or a terminal")
        if not force:
            raise ExportExists(f"{target}: exists; --force replaces it")
        # Replace what a link points to, not the link.
        target_real = Path(os.path.realpath(target))
        return _write_atomic(target_real, write, mode & 0o777, replace=True)
    return _write_atomic(target, write, 0o644, replace=force)


def _write_stream(target: Path, write: Callable[[TextIO], int]) -> int:
    """A pipe or a character device: written in place (truncation means nothing there)."""
    try:
        with open(target, "w", encoding="utf-8", newline="") as out:
            return write(out)
    except OSError as exc:
        raise _cannot(target, exc) from None


def _write_atomic(target: Path, write: Callable[[TextIO], int], mode: int, *, replace: bool) -> int:
    """Write a temporary file beside ``target``, then move it into place.

    Without ``replace`` the move is a hard link, which fails if anything appeared at
    ``target`` meanwhile: no check-then-write race can clobber a file.
    """
    parent = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=parent)
    except OSError as exc:
        raise _cannot(target, exc) from None
    try:
        # mkstemp makes the file private; an export is meant to be shared like any other file.
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            count = write(out)
            out.flush()
            os.fsync(out.fileno())
        if replace:
            os.replace(tmp, target)
        else:
            _link_new(Path(tmp), target)
    except ExportError:
        Path(tmp).unlink(missing_ok=True)
        raise
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _cannot(target, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _link_new(tmp: Path, target: Path) -> None:
    """Move ``tmp`` to ``target`` only if ``target`` still does not exist."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise ExportExists(f"{target}: exists; --force replaces it") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links: the plain check is the best there is.
        if os.path.lexists(target):
            raise ExportExists(f"{target}: exists; --force replaces it") from None
        os.replace(tmp, target)
        return
    tmp.unlink()
