"""Web pages by URL: fetched with limits, then read like a saved page.

A fact-checker's list of links is untrusted input: a server may never answer, answer
slowly, send a body without end, or bounce between redirects. Each fetch has a time limit
(per read and for the whole page), a size cap and a bounded number of redirects, and any
failure is one ``IngestError`` line naming the URL, so the rest of the batch goes on. Only
``http`` and ``https`` are fetched: a list must not make verifier read local files.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

from verifier import __version__
from verifier.ingest.errors import IngestError
from verifier.ingest.files import to_document
from verifier.ingest.readers import (
    Record,
    decode_bytes,
    html_charset,
    normalise_newlines,
    read_html,
    read_text,
)
from verifier.models import Document

__all__ = [
    "MAX_PAGE_BYTES",
    "TIMEOUT",
    "Fetched",
    "fetch",
    "fetch_documents",
    "is_url",
    "read_url_list",
]

TIMEOUT = 20.0
"""Seconds a page may take, for any one read and for the whole body."""
MAX_PAGE_BYTES = 10 * 2**20
"""News pages are well under 2 MB of HTML; a bigger body is not an article."""
MAX_REDIRECTS = 10
_CHUNK = 64 * 1024
_TEXT_TYPES = ("text/plain",)
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")


@dataclass(frozen=True, slots=True)
class Fetched:
    """One fetched page: where it was asked for, where it ended up, and its bytes."""

    url: str
    final_url: str
    body: bytes
    content_type: str
    charset: str | None
    fetched_at: str


def is_url(value: str) -> bool:
    """An ``http(s)://`` address, which ``verifier ingest`` fetches instead of opening."""
    return value.lower().startswith(("http://", "https://"))


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise urllib.error.URLError(f"redirected to a non-web address {newurl!r}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def _opener() -> urllib.request.OpenerDirector:
    # No proxy handler from the environment and no file:// or ftp:// handlers: only the web.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _Redirects(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """GET ``url`` following redirects, or raise ``IngestError`` naming it and the reason.

    ``timeout`` and ``max_bytes`` default to ``TIMEOUT`` and ``MAX_PAGE_BYTES``.
    """
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_PAGE_BYTES if max_bytes is None else max_bytes
    if not is_url(url) or not urlsplit(url).hostname:
        raise IngestError(url, "not a web address (http:// or https://)")
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"verifier/{__version__} (source-attribution checks)",
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise IngestError(url, f"page too large (over {max_bytes // 1024} KB)")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise IngestError(url, f"timed out after {timeout:g} s")
                chunk = response.read1(_CHUNK)  # what has arrived: a trickle cannot stall it
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise IngestError(url, f"page too large (over {max_bytes // 1024} KB)")
                chunks.append(chunk)
            final = response.geturl() or url
            content_type = response.headers.get_content_type() or ""
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise IngestError(url, f"HTTP {exc.code} {exc.reason}".strip()) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise IngestError(url, f"timed out after {timeout:g} s") from None
        raise IngestError(url, f"cannot fetch ({reason})") from None
    except TimeoutError:
        raise IngestError(url, f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as exc:  # reset connections, bad ports, broken responses
        raise IngestError(url, f"cannot fetch ({exc})") from None
    return Fetched(
        url=url,
        final_url=final,
        body=b"".join(chunks),
        content_type=content_type,
        charset=charset,
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _name(url: str) -> str:
    """A short name a fact-checker recognises: the address without its scheme."""
    parts = urlsplit(url)
    name = (parts.netloc + parts.path).rstrip("/") or url
    if parts.query:
        name += "?" + parts.query
    return name if len(name) <= 120 else name[:119] + "\u2026"


def fetch_documents(url: str, *, timeout: float | None = None) -> list[Document]:
    """The article at ``url``, read as a saved page would be, with where and when it came from.

    Its source is the URL asked for (a list names it so); its ``url`` the address the page
    was finally served from, after redirects.
    """
    page = fetch(url, timeout=timeout)
    if not page.body.strip():
        raise IngestError(url, "empty page")
    if page.content_type and page.content_type not in _PAGE_TYPES + _TEXT_TYPES:
        raise IngestError(url, f"not a web page ({page.content_type})")
    html = page.content_type not in _TEXT_TYPES
    try:
        declared = page.charset or (html_charset(page.body) if html else None)
        text = normalise_newlines(decode_bytes(page.body, declared))
        records: list[Record] = read_html(text, page.final_url) if html else read_text(text)
    except ValueError as exc:
        raise IngestError(url, str(exc)) from None
    return [
        to_document(
            record,
            name=_name(url),
            source=url,
            origin=url,
            url=page.final_url,
            fetched_at=page.fetched_at,
        )
        for record in records
    ]


def read_url_list(path: str | Path) -> tuple[list[str], list[IngestError]]:
    """The URLs of a list file, one a line (blank lines and ``#`` comments skipped), and an
    error naming the file and line for each line that is not a web address, so that a typo
    is reported, not silently ignored, while the other URLs are still fetched."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise IngestError(path, exc.strerror or "cannot read file") from None
    try:
        text = decode_bytes(raw)
    except ValueError as exc:
        raise IngestError(path, str(exc)) from None
    urls: list[str] = []
    errors: list[IngestError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        if is_url(value):
            urls.append(value)
        else:
            errors.append(IngestError(f"{path}:{number}", f"not a web address: {value[:80]}"))
    return urls, errors
