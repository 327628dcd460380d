"""Exports cannot destroy (the database, an existing file, a pipe or a device) and cannot
attack whoever reads them (terminal escapes, bidi overrides, non-web links)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.export import ExportError, ExportExists, export_file, format_names
from verifier.safety import CONTROL_CHARS, json_dumps, safe_url, strip_controls
from verifier.store import open_store

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
OSC0 = "\x1b]0;pwned\x1b\\"
HOSTILE = {
    "title": f"Bridge closed{OSC0}",
    "outlet": f"Evil{OSC52} Times\u202e",
    "url": "javascript:alert(document.cookie)",
    "published": "2024-03-05",
    "text": (
        "The ministry said the bridge at Kessan was closed on Monday\x1b[2J after the storm.\n\n"
        "Residents said the \x9b31mferry\u2066 had stopped running, according to the port office."
    ),
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database holding one hostile article, every claim rated (so ClaimReview has rows)."""
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(HOSTILE), encoding="utf-8")
    path = tmp_path / "v.db"
    assert main(["ingest", str(source), "--db", str(path), "--no-progress"]) == 0
    with open_store(path) as store:
        ids = store.claim_ids()
        assert ids
        for claim in ids:
            store.record_rating(claim, 4, reviewer="ana")
            store.record_note(claim, f"see {OSC52}\u202ehere", reviewer="ana")
    return path


def _intact(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(conn.execute("SELECT count(*) FROM verdicts").fetchone()[0])


def test_export_onto_the_database_is_refused_even_with_force(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _intact(db)
    assert before > 0
    for target in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), db.parent / "." / db.name):
        for extra in ([], ["--force"]):
            code = main(["export", "--db", str(db), "-o", str(target), "--format", "csv", *extra])
            assert code == 2
            err = capsys.readouterr().err
            assert "database" in err and len(err.strip().splitlines()) == 1
    assert _intact(db) == before
    # Without --format too: the database is named before the format is asked for.
    assert main(["export", "--db", str(db), "-o", str(db), "--force"]) == 2
    assert "is the database" in capsys.readouterr().err
    link = db.parent / "hard.db"
    os.link(db, link)
    assert main(["export", "--db", str(db), "-o", str(link), "--format", "csv", "--force"]) == 2
    assert _intact(db) == before


def test_an_existing_file_is_replaced_only_with_force(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "notes.csv"
    target.write_text("precious\n", encoding="utf-8")
    assert main(["export", "--db", str(db), "-o", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert main(["export", "--db", str(db), "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("claim_id,")
    with open_store(db) as store, pytest.raises(ExportExists):
        export_file(store, target)
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    with open_store(db) as store, pytest.raises(ExportError, match="folder"):
        export_file(store, folder, force=True)


def test_a_link_is_followed_not_replaced(db: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with open_store(db) as store:
        export_file(store, link, force=True)
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("claim_id,")


def test_dash_is_stdout(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(db), "-o", "-", "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert out and all(json.loads(line) for line in out.splitlines())
    assert not (tmp_path / "-").exists()


def test_a_pipe_is_written_to_not_replaced(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert main(["export", "--db", str(db), "-o", str(fifo)]) == 0
    reader.join(10)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got and got[0].startswith(b"claim_id,")


def test_a_device_is_written_to_not_replaced(db: Path) -> None:
    assert main(["export", "--db", str(db), "-o", os.devnull, "--format", "csv"]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_terminal_export_writes_no_escape_byte(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VERIFIER_ORG", "Desk")
    for fmt in format_names():
        assert main(["export", "--db", str(db), "--format", fmt]) == 0
        out = capsys.readouterr().out.replace("\r\n", "\n")  # CSV's own line ends
        assert "Evil" in out or fmt == "md", fmt
        assert "\x1b" not in out and "\x07" not in out, fmt
        assert not CONTROL_CHARS.search(out), (fmt, CONTROL_CHARS.findall(out))
        assert "javascript:" not in out, fmt
    for command in (["claims"], ["claims", "--format", "jsonl"]):
        assert main([*command, "--db", str(db)]) == 0
        assert not CONTROL_CHARS.search(capsys.readouterr().out)


def test_json_keeps_the_text_escaped() -> None:
    """JSON must keep what was stored, so it escapes rather than drops."""
    text = json_dumps({"x": f"a{OSC52}\u0085\u202eb"})
    assert not CONTROL_CHARS.search(text)
    assert json.loads(text)["x"] == f"a{OSC52}\u0085\u202eb"


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1", True),
        ("HTTP://example.org", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("file:///etc/passwd", False),
        ("http://", False),
        ("http:\x1b]52;c;x\x07//evil", True),
        ("http://exa mple.org", False),
        (None, False),
        ("", False),
    ],
)
def test_only_web_links_are_links(url: str | None, kept: bool) -> None:
    result = safe_url(url)
    assert (result is not None) == kept
    if result is not None:
        assert not CONTROL_CHARS.search(result)


def test_strip_controls_drops_whole_sequences() -> None:
    assert strip_controls(f"a{OSC52}b{OSC0}c\u202ed\x9b2Je") == "abcde"
    assert strip_controls("line\nnext\tcol") == "line\nnext\tcol"


async def test_the_export_dialog_asks_before_replacing(tmp_path: Path) -> None:
    from textual.widgets import Input, Static

    from tests.fixtures_store import make_store
    from tests.test_tui import SIZE, press, screen_text, settle
    from verifier.tui import VerifierApp
    from verifier.tui.screens.export import ExportScreen

    target = tmp_path / "out.csv"
    target.write_text("precious\n", encoding="utf-8")
    with make_store(tmp_path) as store:
        app = VerifierApp(store, "ana")
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "e")
            assert isinstance(app.screen, ExportScreen)
            app.screen.query_one("#export-path", Input).value = str(target)
            await press(app, pilot, "enter")
            # The dialog's own line: on screen, a long tmp path wraps the words across lines.
            result = app.screen.query_one("#export-result", Static)
            assert "write again to replace" in str(result.content)
            assert target.read_text(encoding="utf-8") == "precious\n"
            await press(app, pilot, "enter")
            assert "Wrote 12 claims" in screen_text(app)
        assert target.read_text(encoding="utf-8").startswith("claim_id,")
    db = tmp_path / "fixture.db"
    with open_store(db) as store:
        app = VerifierApp(store, "ana")
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "e")
            app.screen.query_one("#export-path", Input).value = str(db)
            await press(app, pilot, "enter")
            await press(app, pilot, "enter")
            result = app.screen.query_one("#export-result", Static)
            assert "is the database" in str(result.content)
    assert _intact(db) >= 0
