"""The one table of export formats: the CLI, the TUI and the README all read it."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import pytest

from verifier.export import EXPORT_FORMATS, ExportFormat, WriteOptions, export_file, register
from verifier.export.formats import Filter, Row, format_for_path
from verifier.store import Store

README = Path(__file__).resolve().parent.parent / "README.md"


def _ids(store: Store, flt: Filter) -> Iterator[Row]:
    for claim_id in store.claim_ids():
        yield {"claim_id": claim_id}


def _write_ids(rows: Iterable[Row], out: TextIO, options: WriteOptions) -> int:
    count = 0
    for row in rows:
        out.write(f"{row['claim_id']}\n")
        count += 1
    return count


@pytest.fixture
def fake_format() -> Iterator[ExportFormat]:
    """A format registered for one test and removed after it."""
    saved = dict(EXPORT_FORMATS)
    fmt = register(ExportFormat("ids", ".ids", "claim ids, one a line", _ids, _write_ids))
    yield fmt
    EXPORT_FORMATS.clear()
    EXPORT_FORMATS.update(saved)


def _export_parser() -> argparse.ArgumentParser:
    from verifier.cli.export import register as register_cli

    parser = argparse.ArgumentParser()
    register_cli(parser.add_subparsers())
    return parser


def test_a_registered_format_is_written_and_offered_by_the_cli(
    fake_format: ExportFormat, tmp_path: Path
) -> None:
    from tests.fixtures_store import make_store

    parser = _export_parser()
    args = parser.parse_args(["export", "--format", "ids"])
    assert args.format == "ids"
    assert format_for_path("out.ids") == "ids"
    with make_store(tmp_path) as store:
        target = tmp_path / "claims.ids"
        count = export_file(store, target)  # the suffix names the format
        assert count == len(store.claim_ids()) > 0
        assert target.read_text(encoding="utf-8").split() == store.claim_ids()


def test_an_unregistered_format_is_refused_by_the_cli() -> None:
    with pytest.raises(SystemExit):
        _export_parser().parse_args(["export", "--format", "ids"])


async def test_a_registered_format_is_in_the_tui_export_dialog(
    fake_format: ExportFormat, tmp_path: Path
) -> None:
    from textual.widgets import Input, Select

    from tests.fixtures_store import make_store
    from tests.test_tui import SIZE, press, settle
    from verifier.tui import VerifierApp
    from verifier.tui.screens.export import ExportScreen

    with make_store(tmp_path) as store:
        app = VerifierApp(store, "ana")
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "e")
            assert isinstance(app.screen, ExportScreen)
            select: Select[str] = app.screen.query_one("#export-format", Select)
            select.value = "ids"  # Select refuses a value that is not one of its options
            await pilot.pause()
            assert app.screen.query_one("#export-path", Input).value.endswith(".ids")


def test_the_readme_documents_every_format() -> None:
    text = README.read_text(encoding="utf-8")
    heading = re.search(r"### `verifier export \[--format ([\w|]+)\]", text)
    assert heading is not None
    assert heading.group(1).split("|") == list(EXPORT_FORMATS)
    for fmt in EXPORT_FORMATS.values():
        assert f"\n- `{fmt.name}`:" in text, fmt.name
