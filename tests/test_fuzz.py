"""Fuzzing every supported format through ingest, extract and export (hypothesis).

Generated files of each format go through the in-process path ``verifier extract`` takes
(``read_documents`` then ``analyse``, printed as JSON Lines or as text); a smaller run
ingests what it generates into a store with hostile verdict notes and exports every format.
Nothing may raise but a one-line ``IngestError``, and no output may carry a control byte
(C0/C1, ESC, BEL, bidi overrides) or a non-web link.

Two profiles, by ``VERIFIER_FUZZ_SCALE``: the test suite runs 1,000 inputs (200 per format,
about 15 s); ``make fuzz`` (scale 1) runs 10,000 (2,000 per format) plus 1,500 exports.
Derandomised, so a run sees the same inputs every time.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.cli import build_parser
from verifier.export import export, format_names
from verifier.ingest import IngestError, read_documents
from verifier.pipeline import ingest_paths
from verifier.safety import CONTROL_CHARS, safe_url
from verifier.store import Store

SCALE = float(os.environ.get("VERIFIER_FUZZ_SCALE", "0.1"))
PER_FORMAT = int(2_000 * SCALE)
EXPORT_EXAMPLES = int(1_500 * SCALE)
FORMATS_IN = ("txt", "md", "html", "json", "jsonl")

FUZZ = settings(
    max_examples=PER_FORMAT,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HOSTILE = [
    "\x1b]52;c;cm0gLXJm\x07",
    "\x1b]0;title\x1b\\",
    "\x1b[2J",
    "\x9b31m",
    "\x07",
    "\x00",
    "\x7f",
    "\x85",
    "\u202e",
    "\u2066",
    "\u2028",
    "\r",
    "\t",
    "=cmd|' /C calc'!A0",
    "javascript:alert(1)",
    "<script>x</script>",
    "|",
    "`",
    "[x](y)",
]
WORDS = [
    "The ministry",
    "said",
    "according to",
    "state media",
    "told reporters",
    "denied",
    "“",
    "”",
    '"',
    "12",
    "people were killed",
    "in Kessan",
    "on Monday",
    ".",
    ",",
    "\n\n",
    " ",
    "Residents",
    "claimed",
    "the army",
]
pieces = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.characters(max_codepoint=0x2070).map(str),
)
text = st.lists(pieces, max_size=16).map(" ".join)
meta_value: st.SearchStrategy[Any] = st.one_of(
    text,
    st.sampled_from(["https://example.org/a", "javascript:alert(1)", "data:,x", "ftp://h/x"]),
    st.integers(),
    st.none(),
    st.lists(text, max_size=3),
)


@st.composite
def article(draw: st.DrawFn, fmt: str) -> str:
    """One file's text in ``fmt`` (sometimes broken on purpose)."""
    body = draw(text)
    meta = {k: draw(meta_value) for k in ("title", "outlet", "url", "published", "byline")}
    if fmt == "txt":
        return body
    if fmt == "md":
        front = "".join(f"{k}: {v}\n" for k, v in meta.items() if v is not None)
        return f"---\n{front}---\n\n{body}" if draw(st.booleans()) else body
    if fmt == "html":
        title = meta["title"] if isinstance(meta["title"], str) else ""
        url = meta["url"] if isinstance(meta["url"], str) else ""
        return (
            f'<html><head><title>{title}</title><link rel="canonical" href="{url}">'
            f"</head><body><article><p>{body}</p></article></body></html>"
        )
    record = {**meta, "text": body}
    if draw(st.booleans()):
        record["body"] = draw(st.one_of(text, st.lists(text, max_size=3), st.integers()))
    if fmt == "json":
        return json.dumps(draw(st.sampled_from([record, [record], {"articles": [record]}])))
    lines = [json.dumps(record) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        lines.append(draw(text))  # a broken line
    return "\n".join(lines)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _clean(output: str, where: str) -> None:
    found = CONTROL_CHARS.findall(output.replace("\r\n", "\n"))
    assert not found, f"{where}: control characters {found!r}"


def _read(folder: Path, fmt: str, data: str) -> list[Any]:
    path = folder / f"input.{fmt}"
    path.write_bytes(data.encode("utf-8", "surrogatepass"))
    try:
        return read_documents(path)
    except IngestError as exc:
        message = str(exc)
        assert "\n" not in message
        return []


PARSER = build_parser()  # built once: building it costs more than extracting a short file


def _extract(folder: Path, fmt: str, out_fmt: str) -> None:
    """``verifier extract`` as ``main`` runs it: exit 0 or 1, clean output, at most one
    error line."""
    out, err = io.StringIO(), io.StringIO()
    args = PARSER.parse_args(["extract", str(folder / f"input.{fmt}"), "--format", out_fmt])
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = args.handler(args)
    assert code in (0, 1)
    _clean(out.getvalue(), f"extract --format {out_fmt}")
    _clean(err.getvalue(), "extract stderr")
    assert len([ln for ln in err.getvalue().splitlines() if ln]) <= 1


@pytest.mark.parametrize("fmt", FORMATS_IN)
def test_ingest_and_extract_survive_anything(folder: Path, fmt: str) -> None:
    @FUZZ
    @given(data=article(fmt), out_fmt=st.sampled_from(["jsonl", "text"]))
    def run(data: str, out_fmt: str) -> None:
        (folder / f"input.{fmt}").write_bytes(data.encode("utf-8", "surrogatepass"))
        _extract(folder, fmt, out_fmt)

    run()


def test_exports_of_anything_are_clean(folder: Path) -> None:
    db = folder / "export.db"
    counter = itertools.count()
    with Store(db) as store:

        @settings(FUZZ, max_examples=EXPORT_EXAMPLES)
        @given(fmt=st.sampled_from(FORMATS_IN), data=st.data(), note=text)
        def run(fmt: str, data: st.DataObject, note: str) -> None:
            path = folder / f"stored{next(counter)}.{fmt}"
            path.write_bytes(data.draw(article(fmt)).encode("utf-8", "surrogatepass"))
            report = ingest_paths(store, [path], corroborate=False, workers=1)
            for error in report.errors:
                assert "\n" not in str(error)
            ids = store.claim_ids()
            if ids:
                store.record_rating(ids[-1], 1 + len(note) % 5, reviewer=note[:20] or "x")
                store.record_note(ids[-1], note, reviewer="fuzz")
            for out_fmt in format_names():
                out = io.StringIO(newline="")
                export(store, out_fmt, out, org="Desk \x1b]0;x\x07")
                text_out = out.getvalue()
                _clean(text_out, out_fmt)
                for url in (u for u in _urls(text_out, out_fmt) if u):
                    assert safe_url(url) == url, url

        run()


def _urls(output: str, fmt: str) -> Iterator[str]:
    if fmt in ("jsonl", "claimreview"):
        docs = (
            [json.loads(ln) for ln in output.splitlines() if ln]
            if fmt == "jsonl"
            else [json.loads(output)]
        )
        stack: list[Any] = docs
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                for key, value in item.items():
                    if key == "url" and isinstance(value, str):
                        yield value
                    else:
                        stack.append(value)
            elif isinstance(item, list):
                stack.extend(item)
