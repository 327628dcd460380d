"""Tests for reading article files into Document records."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.ingest import (
    IngestError,
    extract_metadata,
    html_to_text,
    iter_article_files,
    parse_date,
    parse_front_matter,
    read_documents,
)
from verifier.ingest.metadata import outlet_from_filename
from verifier.models import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

BODY = (
    "Rebels entered the city on Friday, a war monitor said, in the biggest advance in years.\n\n"
    "The army said it had repelled the attack."
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_one(path: Path) -> Document:
    docs = read_documents(path)
    assert len(docs) == 1
    return docs[0]


def reason_of(path: Path) -> str:
    with pytest.raises(IngestError) as info:
        read_documents(path)
    err = info.value
    assert err.path == str(path)
    assert str(err) == f"{path}: {err.reason}"
    assert "\n" not in str(err)
    return err.reason


# --- plain text ------------------------------------------------------------------------------


def test_txt_document_fields(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "story.txt", BODY))
    assert doc.name == "story.txt"
    assert doc.path == str(tmp_path / "story.txt")
    assert doc.fmt == "txt"
    assert doc.text == BODY
    assert doc.content_hash == hashlib.sha256(BODY.encode("utf-8")).hexdigest()
    assert doc.outlet is None and doc.published is None and doc.byline is None


def test_crlf_and_cr_are_normalised(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "a.txt", b"One line.\r\n\r\nTwo line.\rThree."))
    assert doc.text == "One line.\n\nTwo line.\nThree."


def test_same_text_same_hash_whatever_the_file(tmp_path: Path) -> None:
    a = read_one(write(tmp_path, "a.txt", BODY))
    b = read_one(write(tmp_path, "b.txt", BODY.replace("\n", "\r\n")))
    assert a.content_hash == b.content_hash


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + BODY.encode("utf-8")))
    assert doc.text == BODY


def test_cp1252_fallback_gives_smart_quotes(tmp_path: Path) -> None:
    raw = b"He called it \x93baseless lies.\x94 The group\x92s leader agreed \x96 mostly."
    doc = read_one(write(tmp_path, "old.txt", raw))
    assert (
        doc.text
        == "He called it \u201cbaseless lies.\u201d The group\u2019s leader agreed \u2013 mostly."
    )


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "wide.txt", BODY.encode("utf-16")))
    assert doc.text == BODY


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bin.txt", b"PK\x03\x04\x00\x00binary\x00stuff", "binary file"),
        ("ctl.txt", bytes(range(1, 9)) * 50, "binary file"),
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n\t \r\n", "empty"),
        ("bad.txt", b"caf\x81\x8d\x8f\x90\x9d", "undecodable"),
        ("notes.xyz", b"hello", "unsupported file type .xyz"),
        ("README", b"hello", "unsupported file type (no extension)"),
    ],
)
def test_bad_files_raise_one_line_errors(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    assert reason_of(write(tmp_path, name, content)).startswith(reason)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert reason_of(tmp_path / "gone.txt") == "no such file"
    (tmp_path / "folder.txt").mkdir()
    assert reason_of(tmp_path / "folder.txt") == "is a directory"


def test_front_matter_only_markdown_is_empty(tmp_path: Path) -> None:
    assert reason_of(write(tmp_path, "fm.md", "---\ntitle: X\n---\n\n")) == "empty"


# --- markdown --------------------------------------------------------------------------------


def test_markdown_front_matter(tmp_path: Path) -> None:
    text = (
        "---\n"
        'title: "Rebels enter the city"\n'
        "outlet: The Harbor Times\n"
        "published: 2024-11-29T10:00:00Z\n"
        "byline: Jane Doe and John Roe\n"
        "url: https://example.org/a\n"
        "tags:\n  - syria\n"
        "---\n\n"
        "# Rebels enter the city\n\n" + BODY
    )
    doc = read_one(write(tmp_path, "a.md", text))
    assert doc.fmt == "md"
    assert doc.text == "# Rebels enter the city\n\n" + BODY
    assert doc.title == "Rebels enter the city"
    assert doc.outlet == "The Harbor Times"
    assert doc.published == "2024-11-29"
    assert doc.byline == "Jane Doe and John Roe"
    assert doc.url == "https://example.org/a"


def test_markdown_without_front_matter_takes_heading_as_title(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "b.md", "Intro line.\n\n# The real title\n\n" + BODY))
    assert doc.title == "The real title"
    assert doc.text.startswith("Intro line.")


def test_unclosed_front_matter_is_left_as_text() -> None:
    values, rest = parse_front_matter("---\ntitle: x\nno end")
    assert values == {} and rest == "---\ntitle: x\nno end"


# --- HTML ------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Rebels enter Aleppo | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-11-29T09:00:00Z">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://daily.example/rebels">
<style>p { color: red }</style>
<script>var secret = "do not show";</script>
</head>
<body>
<header><a href="/">Site home</a></header>
<nav><a>World</a><a>Politics</a></nav>
<main><article>
<header><h1>Rebels   enter
  Aleppo</h1></header>
<p>ALEPPO, Syria &mdash; Rebels <b>entered</b> the city, officials said &amp; residents agreed.</p>
<div>First line<br>Second line</div>
<figure><img src="x.jpg" alt="alt text"><figcaption>Smoke rises. (AP Photo/Jane Roe)</figcaption>
</figure>
<ul><li>One point</li><li>Two point</li></ul>
<blockquote>A quoted passage.</blockquote>
<p hidden>Hidden paragraph</p>
<div style="display: none">Invisible div</div>
<form><label>Email</label><input name="e"><button>Subscribe</button></form>
<noscript>Enable JS</noscript>
<template><p>Template text</p></template>
<p>Unclosed paragraph one
<p>Unclosed paragraph two
</article>
<aside><h2>Related</h2><p>Other story</p></aside>
</main>
<footer><p>All rights reserved</p></footer>
</body></html>
"""


def test_html_visible_text_blocks() -> None:
    text, _ = html_to_text(HTML)
    assert text.split("\n\n") == [
        "Rebels enter Aleppo",
        "ALEPPO, Syria \u2014 Rebels entered the city, officials said & residents agreed.",
        "First line",
        "Second line",
        "Smoke rises. (AP Photo/Jane Roe)",
        "One point",
        "Two point",
        "A quoted passage.",
        "Unclosed paragraph one",
        "Unclosed paragraph two",
    ]


def test_html_document_metadata(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "page.html", HTML))
    assert doc.fmt == "html"
    assert doc.title == "Rebels enter Aleppo"
    assert doc.outlet == "The Daily Example"
    assert doc.published == "2024-11-29"
    assert doc.byline == "Jane Doe"
    assert doc.url == "https://daily.example/rebels"
    for hidden in ("secret", "Site home", "Politics", "Hidden", "Invisible", "Subscribe", "JS"):
        assert hidden not in doc.text
    assert "Other story" not in doc.text and "All rights reserved" not in doc.text


def test_html_title_tag_fallback_and_og_tags() -> None:
    _, meta = html_to_text(
        "<html><head><title>Story | Outlet</title>"
        '<meta property="og:site_name" content="Outlet">'
        '<meta property="og:url" content="https://o.example/s"></head>'
        "<body><p>Text.</p></body></html>"
    )
    assert meta.title == "Story"
    assert meta.url == "https://o.example/s"
    _, meta = html_to_text(
        '<head><title>Tab</title><meta property="og:title" content="Real"></head><p>x</p>'
    )
    assert meta.title == "Real"


def test_html_without_visible_text_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.htm", "<html><head><title>T</title></head><body></body></html>")
    assert reason_of(path).startswith("empty")


def test_html_declared_charset_used_when_not_utf8(tmp_path: Path) -> None:
    raw = '<meta charset="iso-8859-5"><p>\u041f\u0440\u0438\u0432\u0435\u0442.</p>'
    doc = read_one(write(tmp_path, "ru.html", raw.encode("iso-8859-5")))
    assert doc.text == "\u041f\u0440\u0438\u0432\u0435\u0442."


def test_html_header_outside_article_dropped_inside_kept() -> None:
    text, _ = html_to_text(
        "<header>Masthead</header><article><header><h1>Headline</h1></header><p>Body.</p></article>"
    )
    assert text == "Headline\n\nBody."


# --- JSON / JSONL ----------------------------------------------------------------------------


def test_json_single_object(tmp_path: Path) -> None:
    obj = {
        "title": "T",
        "outlet": "Wire",
        "url": "https://w.example/1",
        "published": "November 29, 2024",
        "byline": "Jane Doe",
        "text": "Line one.\r\nLine two.",
    }
    doc = read_one(write(tmp_path, "one.json", json.dumps(obj)))
    assert doc.name == "one.json"
    assert doc.fmt == "json"
    assert doc.text == "Line one.\nLine two."
    assert (doc.title, doc.outlet, doc.url, doc.published, doc.byline) == (
        "T",
        "Wire",
        "https://w.example/1",
        "2024-11-29",
        "Jane Doe",
    )


def test_json_feed_field_aliases(tmp_path: Path) -> None:
    obj = {
        "headline": "H",
        "source": {"id": "x", "name": "Wire Service"},
        "publishedAt": 1732873920,
        "authors": ["Jane Doe", "John Roe"],
        "link": "https://w.example/2",
        "body": "Story.",
    }
    doc = read_one(write(tmp_path, "feed.json", json.dumps({"articles": [obj]})))
    assert (doc.title, doc.outlet, doc.published, doc.byline, doc.url) == (
        "H",
        "Wire Service",
        "2024-11-29",
        "Jane Doe, John Roe",
        "https://w.example/2",
    )


def test_json_list_names_records(tmp_path: Path) -> None:
    data = [{"text": "First story."}, {"body": "Second story.", "outlet": "X"}]
    docs = read_documents(write(tmp_path, "many.json", json.dumps(data)))
    assert [d.name for d in docs] == ["many.json#0", "many.json#1"]
    assert [d.text for d in docs] == ["First story.", "Second story."]
    assert docs[1].outlet == "X"


def test_json_one_element_list_keeps_plain_name(tmp_path: Path) -> None:
    docs = read_documents(write(tmp_path, "solo.json", json.dumps([{"text": "Only."}])))
    assert [d.name for d in docs] == ["solo.json"]


def test_json_errors(tmp_path: Path) -> None:
    reason = reason_of(write(tmp_path, "bad.json", '{\n  "text": "x",\n  oops\n}'))
    assert reason.startswith("invalid JSON at line 3")
    assert "no 'text' or 'body'" in reason_of(write(tmp_path, "nt.json", '{"title": "x"}'))
    assert "record 1" in reason_of(write(tmp_path, "l.json", '[{"text": "a"}, {"text": "  "}]'))
    assert "expected an object" in reason_of(write(tmp_path, "s.json", '["just text"]'))


def test_jsonl_records_and_blank_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "A story."}), "", json.dumps({"text": "B story.", "title": "B"})]
    docs = read_documents(write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n"))
    assert [d.name for d in docs] == ["feed.jsonl#0", "feed.jsonl#1"]
    assert docs[1].title == "B"
    assert all(d.fmt == "jsonl" for d in docs)


def test_jsonl_single_record_plain_name(tmp_path: Path) -> None:
    docs = read_documents(write(tmp_path, "one.jsonl", json.dumps({"text": "Only."})))
    assert [d.name for d in docs] == ["one.jsonl"]


def test_jsonl_malformed_line_reports_its_number(tmp_path: Path) -> None:
    content = json.dumps({"text": "ok"}) + "\n" + json.dumps({"text": "ok"}) + "\n{broken\n"
    reason = reason_of(write(tmp_path, "feed.jsonl", content))
    assert reason.startswith("invalid JSON on line 3")


# --- finding files ---------------------------------------------------------------------------


def test_iter_article_files_recursive_sorted_skips_hidden(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/b/c.json", ".hidden.txt", ".git/config.txt", "x.xyz"]:
        write(tmp_path, name, "text")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_article_files([tmp_path])]
    assert found == ["a/b/c.json", "a/z.md", "b.txt", "x.xyz"]


def test_folder_walk_skips_gold_annotations_but_a_named_gold_file_is_read(tmp_path: Path) -> None:
    write(tmp_path, "article.txt", "text")
    gold = write(tmp_path, "gold.attributions.jsonl", '{"doc": "article.txt"}')
    assert [p.name for p in iter_article_files([tmp_path])] == ["article.txt"]
    assert list(iter_article_files([gold])) == [gold]


def test_iter_article_files_files_missing_and_duplicates(tmp_path: Path) -> None:
    one = write(tmp_path, "one.txt", "x")
    missing = tmp_path / "missing.txt"
    found = list(iter_article_files([str(one), missing, tmp_path]))
    assert found == [one, missing]


# --- metadata --------------------------------------------------------------------------------


def test_parenthesised_acronym_later_in_the_story_is_not_a_dateline() -> None:
    text = f"Headline words here\n\n{BODY} More words to make it long enough.\n\n"
    text += "Syrian Democratic Forces (SDF) \u2014 a Kurdish-led group \u2014 said nothing."
    assert extract_metadata(text).outlet is None


def test_free_header_date_byline_outlet() -> None:
    text = " date 2024-11-29 By Eyad Kourdi and Mostafa Salem, CNN\n\n(CNN) \u2014 Rebels won."
    meta = extract_metadata(text)
    assert meta.published == "2024-11-29"
    assert meta.byline == "Eyad Kourdi and Mostafa Salem"
    assert meta.outlet == "CNN"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("(CNN) \u2014 Syrian armed rebels claim to have entered Aleppo.", "CNN"),
        ("ALEPPO, Syria (Reuters) - Rebels entered the city.", "Reuters"),
        ("BEIRUT (AP) \u2014 Rebels entered the city.", "AP"),
        ("LISSOW, Kestria, March 13 (Meridian Press) \u2014 Shells hit.", "Meridian Press"),
    ],
)
def test_dateline_gives_outlet(line: str, outlet: str) -> None:
    assert extract_metadata(f"Headline words here\n\n{line}").outlet == outlet


@pytest.mark.parametrize(
    ("line", "byline", "outlet"),
    [
        ("By Jane Doe", "Jane Doe", None),
        ("By Jane Doe, Reuters", "Jane Doe", "Reuters"),
        (
            "By Jane Doe and John Roe, The Associated Press",
            "Jane Doe and John Roe",
            "The Associated Press",
        ),
        ("By Jane Doe, Senior Correspondent", "Jane Doe", None),
        ("By Jane Doe for The Washington Post", "Jane Doe", "The Washington Post"),
        ("Jane Doe | The Guardian", "Jane Doe", "The Guardian"),
        (
            "By Abbas Al-Lawati, Jane Doe and John Roe, CNN",
            "Abbas Al-Lawati, Jane Doe and John Roe",
            "CNN",
        ),
    ],
)
def test_byline_line(line: str, byline: str, outlet: str | None) -> None:
    meta = extract_metadata(f"A headline here\n{line}\n\n{BODY}")
    assert meta.byline == byline
    assert meta.outlet == outlet


@pytest.mark.parametrize(
    "line",
    ["By Thursday, the rebels had taken the city.", "By the end of the day, dozens had fled."],
)
def test_prose_starting_with_by_is_not_a_byline(line: str) -> None:
    meta = extract_metadata(f"{line}\n\n{BODY}")
    assert meta.byline is None and meta.outlet is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published 3:00 PM ET, Nov. 29, 2024", "2024-11-29"),
        ("Updated 10:32 AM EST, Fri November 29, 2024", "2024-11-29"),
        ("Published: 29 November 2024", "2024-11-29"),
        ("Posted on 2024-11-29T10:32:00Z", "2024-11-29"),
        ("Last updated: 29/11/2024 10:32", "2024-11-29"),
        ("November 29, 2024", "2024-11-29"),
    ],
)
def test_published_and_updated_lines(line: str, iso: str) -> None:
    assert extract_metadata(f"Some headline\n{line}\n\n{BODY}").published == iso


def test_published_beats_updated() -> None:
    text = f"Updated Nov. 30, 2024\nPublished Nov. 29, 2024\n\n{BODY}"
    assert extract_metadata(text).published == "2024-11-29"


def test_photo_credit_is_not_the_outlet() -> None:
    text = (
        "Rebels enter Aleppo\n\nRebels entered the city on Friday, officials said.\n\n"
        "Fighters stand in formation on Thursday. (AP Photo/Omar Albam)\n\n"
        "Smoke rises. (Photo: Jane Roe/Reuters)\n\nMore text follows here."
    )
    meta = extract_metadata(text)
    assert meta.outlet is None
    assert meta.title == "Rebels enter Aleppo"


def test_title_is_first_short_unpunctuated_paragraph() -> None:
    assert extract_metadata(f"Rebels enter Aleppo in shock offensive\n\n{BODY}").title == (
        "Rebels enter Aleppo in shock offensive"
    )
    assert extract_metadata(BODY).title is None
    assert extract_metadata("Only a short line").title is None


def test_outlet_from_filename_only_when_clear() -> None:
    assert outlet_from_filename("cnn_2024-11-29_aleppo.txt") == "CNN"
    assert outlet_from_filename("2024-11-29-reuters-syria.html") == "Reuters"
    assert outlet_from_filename("000_b9e2feec56aeca02.txt") is None
    assert outlet_from_filename("apartment-fire.txt") is None
    assert outlet_from_filename("scnnews.txt") is None


def test_filename_outlet_used_last(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "cnn_aleppo.txt", BODY))
    assert doc.outlet == "CNN"
    doc = read_one(write(tmp_path, "cnn_other.txt", "By Jane Doe, Reuters\n\n" + BODY))
    assert doc.outlet == "Reuters"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-11-29", "2024-11-29"),
        ("2024-11-29T10:32:00+02:00", "2024-11-29"),
        ("Nov. 29, 2024", "2024-11-29"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("29 Nov 2024", "2024-11-29"),
        ("Friday, 29th of November 2024", "2024-11-29"),
        ("Fri, 29 Nov 2024 10:32:00 GMT", "2024-11-29"),
        ("11/29/2024", "2024-11-29"),
        ("29/11/2024", "2024-11-29"),
        ("2024/11/29", "2024-11-29"),
        ("20241129", "2024-11-29"),
        ("February 30, 2024", None),
        ("no date here", None),
        ("", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


# --- properties ------------------------------------------------------------------------------

_PIECES = [
    "By ",
    "Jane ",
    "Doe",
    ", ",
    "CNN",
    " and ",
    "(Reuters) ",
    "\u2014 ",
    "- ",
    "date ",
    "2024-11-29 ",
    "Nov. 29, 2024",
    "Updated ",
    "Published: ",
    "\n",
    "\n\n",
    "# ",
    "---\n",
    "title: x\n",
    "(AP Photo/",
    ")",
    "|",
    "http://x.example ",
    "<p>",
    "</p>",
    "<script>",
    "&amp;",
    "<br>",
    "<div hidden>",
]
_text = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_text, st.text(max_size=300)))
def test_header_parsing_never_raises(text: str) -> None:
    meta = extract_metadata(text, "name.txt")
    for value in (meta.title, meta.outlet, meta.published, meta.byline, meta.url):
        assert value is None or isinstance(value, str)
    if meta.published is not None:
        assert len(meta.published) == 10
    parse_date(text)
    values, rest = parse_front_matter(text)
    assert rest in text
    body, _ = html_to_text(text)
    assert isinstance(body, str)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_read_or_raise_ingest_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    for ext in ("txt", "md", "html", "json", "jsonl"):
        path = folder / f"f.{ext}"
        path.write_bytes(data)
        try:
            docs = read_documents(path)
        except IngestError as exc:
            assert "\n" not in str(exc)
            continue
        for doc in docs:
            assert doc.text.strip()
            assert "\r" not in doc.text


# --- seeds -----------------------------------------------------------------------------------


def _seed(prefix: str) -> Path:
    if not SHARED.is_dir():
        pytest.skip("shared seeds not available")
    found = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not available")
    return found[0]


def test_seed_003_metadata() -> None:
    doc = read_one(_seed("003"))
    assert doc.outlet == "CNN"
    assert doc.published == "2024-11-29"
    assert doc.byline is not None
    assert "Eyad Kourdi" in doc.byline and "Mostafa Salem" in doc.byline
    assert "CNN" not in doc.byline


def test_seed_000_metadata() -> None:
    path = _seed("000")
    doc = read_one(path)
    first_paragraph = path.read_text(encoding="utf-8").split("\n\n", 1)[0].strip()
    assert doc.title == first_paragraph
    assert doc.outlet != "AP"
    assert doc.outlet is None
