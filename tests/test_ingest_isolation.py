"""One bad file costs that file: whatever goes wrong reading it is its one-line error, folder
walk problems are reported, and every good file of the batch is still stored."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.ingest import IngestError, iter_article_files, read_documents
from verifier.ingest.files import MAX_ARTICLE_CHARS
from verifier.ingest.readers import MAX_JSON_DEPTH
from verifier.store import open_store

GOOD = 12


def _lock(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` unlistable: mode 000, or (as root, who reads it anyway) a scandir that
    refuses it as the kernel would."""
    folder.chmod(0)
    if not os.access(folder, os.R_OK):
        return
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)


def _good_files(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(GOOD):
        (folder / f"good{n:02}.txt").write_text(
            f"The ministry said bridge {n} at Kessan was closed on Monday after the storm.\n",
            encoding="utf-8",
        )


def _ingest(folder: Path, db: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["ingest", str(folder), "--db", str(db), "--no-progress"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    with open_store(db) as store:
        assert store.article_count() == GOOD, err
    return code, err


def test_deep_json_is_one_files_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    _good_files(folder)
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "deep.jsonl").write_text(
        '{"text": "x"}\n' + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8"
    )
    nested: object = "The ministry said so."
    for _ in range(MAX_JSON_DEPTH + 5):
        nested = {"outlet": nested}
    (folder / "deepmeta.json").write_text(
        json.dumps({"text": "The ministry said so.", "outlet": nested}), encoding="utf-8"
    )
    _, err = _ingest(folder, tmp_path / "v.db", capsys)
    for name in ("deep.json", "deep.jsonl", "deepmeta.json"):
        (line,) = [ln for ln in err.splitlines() if f"{name}:" in ln]
        assert "nested deeper" in line


def test_symlink_loop_and_unreadable_folder_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    _good_files(folder)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "sub").symlink_to(folder)  # a folder loop: not followed
    locked = folder / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("The ministry said so.\n", encoding="utf-8")
    _lock(locked, monkeypatch)
    try:
        _, err = _ingest(folder, tmp_path / "v.db", capsys)
    finally:
        locked.chmod(0o755)
    assert any("loop.txt:" in ln for ln in err.splitlines())
    assert any("a.txt:" in ln for ln in err.splitlines())
    (line,) = [ln for ln in err.splitlines() if "locked" in ln]
    assert "folder not read" in line


def test_a_readers_bug_is_that_files_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    _good_files(folder)
    (folder / "odd.md").write_text("# Title\n\nThe ministry said so.\n", encoding="utf-8")

    def broken(text: str) -> list[object]:
        raise KeyError("surprise")

    monkeypatch.setitem(__import__("verifier.ingest.files").ingest.files._READERS, ".md", broken)
    _, err = _ingest(folder, tmp_path / "v.db", capsys)
    (line,) = [ln for ln in err.splitlines() if "odd.md:" in ln]
    assert "KeyError" in line


def test_an_article_over_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The ministry said so. " * (MAX_ARTICLE_CHARS // 20), encoding="utf-8")
    with pytest.raises(IngestError, match="limit"):
        read_documents(big)


def test_walk_errors_reach_extract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    _lock(locked, monkeypatch)
    try:
        errors: list[IngestError] = []
        assert list(iter_article_files([tmp_path], on_error=errors.append)) == []
        assert len(errors) == 1 and "folder not read" in str(errors[0])
        assert main(["extract", str(tmp_path)]) == 1
        assert "folder not read" in capsys.readouterr().err
    finally:
        locked.chmod(0o755)
