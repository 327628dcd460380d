"""Turn the bytes of one file into article records: decoding, then one reader per format.

Readers return ``Record`` values (text plus the metadata the file states explicitly) and raise
``ValueError`` with a one-line reason for content they cannot use; ``files.read_documents``
adds the path and turns that into an ``IngestError``. Text is kept as written apart from
newline normalisation, because every later offset points into it.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

from verifier.ingest.metadata import Metadata, parse_date, parse_front_matter

__all__ = [
    "Record",
    "decode_bytes",
    "html_charset",
    "html_to_text",
    "normalise_newlines",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_markdown",
    "read_text",
]


@dataclass(frozen=True, slots=True)
class Record:
    """One article found in a file, before free-text metadata fills the gaps."""

    text: str
    meta: Metadata
    fmt: str
    warning: str | None = None  # read, but not as well as it should be: said on one line


# ---------------------------------------------------------------------------------------------
# Decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode article bytes: BOM if any, else UTF-8, else a declared charset, else cp1252.

    Windows-1252 is the usual culprit in old newsroom exports (smart quotes 0x93/0x94), and
    unlike Latin-1 it fails on bytes it does not define, so real garbage is still reported.
    NUL bytes outside a UTF-16/32 BOM mean the file is not text at all.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise ValueError(f"undecodable {encoding} text at byte {exc.start}") from None
    if b"\x00" in data:
        raise ValueError("binary file")
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    for encoding in [e for e in (declared, "cp1252") if e]:
        try:
            codecs.lookup(encoding)
            return _check_text(data.decode(encoding))
        except (LookupError, UnicodeDecodeError):
            continue
    raise ValueError("undecodable: not UTF-8 or Windows-1252 text")


def _check_text(text: str) -> str:
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise ValueError("binary file")
    return text


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _require_text(text: str) -> str:
    if not text.strip():
        raise ValueError("empty")
    return text


# ---------------------------------------------------------------------------------------------
# Plain text and markdown


def read_text(text: str) -> list[Record]:
    """A plain-text article: the whole file, metadata left to the free-header parser."""
    return [Record(_require_text(text), Metadata(), "txt")]


def _clean(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        value = str(value)
    if isinstance(value, dict):
        return _clean(value.get("name") or value.get("title"))
    if isinstance(value, list | tuple):
        parts = [_clean(v) for v in value]
        joined = ", ".join(p for p in parts if p)
        return joined or None
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _published(value: Any) -> str | None:
    """A declared date as ``YYYY-MM-DD`` when it parses (Unix seconds or milliseconds too),
    else as written: a date we cannot read is still worth showing."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 1e9 <= value < 1e13:
        seconds = value / 1000 if value >= 1e11 else value
        return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
    raw = _clean(value)
    if raw is None:
        return None
    return parse_date(raw) or raw


def _meta_from_mapping(data: dict[str, Any]) -> Metadata:
    """Explicit metadata under the names feeds commonly use for each field."""

    def first(*keys: str) -> Any:
        for key in keys:
            if key in data and _clean(data[key]):
                return data[key]
        return None

    return Metadata(
        title=_clean(first("title", "headline")),
        outlet=_clean(first("outlet", "site_name", "source", "publisher", "site", "publication")),
        published=_published(
            first(
                "published",
                "published_at",
                "publishedAt",
                "date_published",
                "datePublished",
                "pubDate",
                "date",
                "time",
            )
        ),
        byline=_clean(first("byline", "author", "authors", "creator")),
        url=_clean(first("url", "link", "canonical_url", "canonical", "href")),
    )


def read_markdown(text: str) -> list[Record]:
    """A markdown article; front matter becomes metadata and is removed from the text."""
    values, body = parse_front_matter(text)
    lowered = {k.lower(): v for k, v in values.items()}
    return [Record(_require_text(body), _meta_from_mapping(lowered), "md")]


# ---------------------------------------------------------------------------------------------
# HTML


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


_BLOCK_TAGS = _tags(
    "p h1 h2 h3 h4 h5 h6 li figcaption blockquote div br article section main figure ul ol "
    "dl dt dd table thead tbody tfoot tr td th pre address caption hr summary details center "
    "header body html"
)
_SKIP_TAGS = _tags(
    "script style nav footer aside noscript template form svg iframe button select textarea "
    "object canvas dialog head"
)
_VOID_TAGS = _tags("area base br col embed hr img input link meta param source track wbr keygen")
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.IGNORECASE)


class _VisibleText(HTMLParser):
    """Collect the text a reader sees, one block per paragraph-like element, and head metadata.

    Skipped regions are tracked with a stack of the elements opened inside them, so sloppy
    markup (unclosed ``<p>``, stray end tags) cannot leak a script or a nav bar into the text.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self.canonical: str | None = None
        self._buf: list[str] = []
        self._skip: list[str] = []
        self._in_title = False
        self._article_depth = 0

    # -- helpers
    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        self._buf.clear()
        if text:
            self.blocks.append(text)

    @staticmethod
    def _hidden(attrs: dict[str, str]) -> bool:
        if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
            return True
        style = attrs.get("style", "").replace(" ", "").lower()
        return "display:none" in style or "visibility:hidden" in style

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): (v or "") for k, v in attrs_list}
        if tag == "meta":
            key = (
                attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
            ).lower()
            if key and attrs.get("content") and key not in self.meta:
                self.meta[key] = attrs["content"]
            return
        if tag == "link":
            rel = attrs.get("rel", "").lower().split()
            if "canonical" in rel and attrs.get("href") and not self.canonical:
                self.canonical = attrs["href"]
            return
        if tag == "title" and not self.title:
            self._in_title = True
            return
        if tag == "body" and self._skip[:1] == ["head"]:
            self._skip.clear()  # a missing </head> must not hide the whole page
        if self._skip:
            if tag not in _VOID_TAGS:
                self._skip.append(tag)
            return
        chrome = tag in _SKIP_TAGS or (tag == "header" and self._article_depth == 0)
        if chrome or (tag not in _VOID_TAGS and self._hidden(attrs)):
            self._flush()
            self._skip.append(tag)
            return
        if tag in ("article", "main"):
            self._article_depth += 1
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            self.handle_starttag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if self._skip:
            if tag in self._skip:
                idx = len(self._skip) - 1 - self._skip[::-1].index(tag)
                del self._skip[idx:]
            return
        if tag in ("article", "main") and self._article_depth:
            self._article_depth -= 1
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if not self._skip:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _strip_site_suffix(title: str, site: str | None) -> str:
    if not site:
        return title
    for sep in (" | ", " - ", " \u2013 ", " \u2014 ", " :: "):
        head, _, tail = title.rpartition(sep)
        if head and tail.strip().lower() == site.strip().lower():
            return head.strip()
    return title


def html_to_text(markup: str) -> tuple[str, Metadata]:
    """Visible text as blank-line separated blocks, and the metadata the page declares."""
    parser = _VisibleText()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError) as exc:  # very old Pythons raise on broken markup
        raise ValueError(f"unparseable HTML: {exc}") from None
    m = parser.meta
    site = _clean(m.get("og:site_name"))
    title = _clean(m.get("og:title") or m.get("twitter:title"))
    if not title and parser.title.strip():
        title = _strip_site_suffix(" ".join(parser.title.split()), site)
    author = _clean(
        m.get("author")
        or m.get("byline")
        or m.get("article:author")
        or m.get("parsely-author")
        or m.get("dc.creator")
    )
    if author and author.startswith(("http://", "https://")):
        author = None  # article:author is often a profile URL, not a name
    published = _published(
        m.get("article:published_time")
        or m.get("datepublished")
        or m.get("date")
        or m.get("pubdate")
        or m.get("publishdate")
        or m.get("parsely-pub-date")
        or m.get("dc.date")
        or m.get("og:published_time")
    )
    meta = Metadata(
        title=title,
        outlet=site or _clean(m.get("publisher")),
        published=published,
        byline=author,
        url=_clean(parser.canonical or m.get("og:url")),
    )
    return "\n\n".join(parser.blocks), meta


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, used only when UTF-8 fails."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def read_html(text: str, url: str | None = None) -> list[Record]:
    """A web page reduced to its article text (``url``: where it was fetched from, if it was).

    The extractor finds the article; where it finds none (a bare or tiny page) the page's
    visible text is kept instead, with a warning, since a page we cannot judge is still the
    fact-checker's to read.
    """
    from verifier.ingest.outlets import outlet_from_url
    from verifier.ingest.pages import extract_page

    page = extract_page(text, url)
    if page is not None:
        return [Record(page.text, page.meta, "html")]
    body, meta = html_to_text(text)
    if not body.strip():
        raise ValueError("empty: no visible text")
    meta = replace(meta, url=meta.url or url)
    if not meta.outlet:
        meta = replace(meta, outlet=outlet_from_url(meta.url))
    return [Record(body, meta, "html", "no article found in the page; kept all its visible text")]


# ---------------------------------------------------------------------------------------------
# JSON and JSON Lines

_TEXT_KEYS = ("text", "body")

MAX_JSON_DEPTH = 32
"""Deepest nesting a JSON article file may have. Real article objects are 2-4 levels deep;
a file nested 100,000 deep once ended a whole batch with a RecursionError."""
MAX_JSON_RECORDS = 100_000
"""Most article records one JSON or JSON Lines file may hold."""


def _depth_over(data: Any, limit: int) -> bool:
    """Is ``data`` nested deeper than ``limit``? Iterative, so no depth can overflow it."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Iterable[Any] = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _loads(text: str, line: int | None = None) -> Any:
    """``json.loads`` with the depth limit; every failure a one-line ``ValueError`` that says
    where (``line``: the JSON Lines line the text is)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"at line {exc.lineno}" if line is None else f"on line {line}"
        raise ValueError(f"invalid JSON {where}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        data, too_deep = None, True
    else:
        too_deep = _depth_over(data, MAX_JSON_DEPTH)
    if too_deep:
        where = "" if line is None else f" on line {line}"
        raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels{where}")
    return data


def _record_from_object(obj: Any, where: str, fmt: str) -> Record:
    if not isinstance(obj, dict):
        raise ValueError(f"{where}: expected an object, got {type(obj).__name__}")
    raw: Any = None
    for key in _TEXT_KEYS:
        if key in obj:
            raw = obj[key]
            break
    if isinstance(raw, list) and all(isinstance(p, str) for p in raw):
        raw = "\n\n".join(raw)
    if not isinstance(raw, str):
        raise ValueError(f"{where}: no 'text' or 'body' string")
    text = normalise_newlines(raw)
    if not text.strip():
        raise ValueError(f"{where}: empty")
    return Record(text, _meta_from_mapping(obj), fmt)


def _records(objects: Iterable[tuple[str, Any]], fmt: str) -> list[Record]:
    return [_record_from_object(obj, where, fmt) for where, obj in objects]


def read_json(text: str) -> list[Record]:
    """One article object, a list of them, or an object holding such a list."""
    data = _loads(text)
    if isinstance(data, dict) and not any(k in data for k in _TEXT_KEYS):
        for key in ("articles", "items", "records", "data", "results"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, list):
        if not data:
            raise ValueError("empty: no records")
        if len(data) > MAX_JSON_RECORDS:
            raise ValueError(f"{len(data):,} records, more than {MAX_JSON_RECORDS:,} in one file")
        return _records(((f"record {i}", obj) for i, obj in enumerate(data)), "json")
    return _records([("record 0", data)], "json")


def read_jsonl(text: str) -> list[Record]:
    """One article object per line; blank lines are allowed, a broken line is reported."""
    objects: list[tuple[str, Any]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        objects.append((f"line {number}", _loads(line, number)))
        if len(objects) > MAX_JSON_RECORDS:
            raise ValueError(f"more than {MAX_JSON_RECORDS:,} records in one file")
    if not objects:
        raise ValueError("empty")
    return _records(objects, "jsonl")
