"""``verifier ingest URL...`` against a local server: nothing here reaches the internet."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.ingest import fetch as fetch_module
from verifier.ingest.errors import IngestError
from verifier.ingest.fetch import fetch, fetch_documents, read_url_list
from verifier.store import Store

ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title} | Brenmoor Herald</title>
<meta property="og:site_name" content="Brenmoor Herald">
<meta property="article:published_time" content="2025-03-18T07:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>{title}</h1>
<p>BRENMOOR, Kestria \u2014 Floodwater breached the Ostra embankment overnight, forcing about
{n} residents from their homes, the regional water authority said on Tuesday.</p>
<p>The authority said pumps at two stations had failed after the river rose by more than two
metres in a day, and that engineers were working to close the breach by Thursday.</p>
<p>The Kestrian Relief Society said it had opened four shelters in schools on the western bank
and was handing out drinking water and blankets to families who had left their homes.</p>
<p>Forecasters expect more rain at the weekend, and the authority urged residents of low-lying
streets to keep their belongings above the ground floor until further notice.</p>
</article>
<aside><h2>Most read</h2><p><a href="/x">Council approves bridge budget</a></p></aside>
<footer>Copyright 2025 Brenmoor Herald</footer>
</body></html>
"""


class _Site(BaseHTTPRequestHandler):
    hits: Counter[str] = Counter()
    version = {"n": "3,000"}

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, code: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        _Site.hits[self.path] += 1
        if self.path == "/flood.html":
            page = ARTICLE.format(title="Floodwater breaches Ostra embankment", **_Site.version)
            self._send(200, page.encode("utf-8"))
        elif self.path == "/storm.html":
            page = ARTICLE.format(title="Storm closes the Brenmoor ferry", n="1,200")
            self._send(200, page.encode("utf-8"))
        elif self.path == "/old-link":
            self.send_response(301)
            self.send_header("Location", "/flood.html")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/slow.html":
            time.sleep(2)
            self._send(200, b"<p>too late</p>")
        elif self.path == "/huge.html":
            self._send(200, b"<p>" + b"x" * 300_000 + b"</p>")
        elif self.path == "/endless.html":  # no length given: only the cap stops it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"<p>" + b"y" * 10_000 + b"</p>")
        elif self.path == "/report.pdf":
            self._send(200, b"%PDF-1.4 binary", "application/pdf")
        else:
            self._send(404, b"not found")


class _QuietServer(ThreadingHTTPServer):
    """The slow and endless pages outlive the clients that gave up on them, on purpose: the
    broken pipe that follows is expected, and its traceback must not land in whatever a later
    test is capturing on stderr (the fuzz test counts those lines)."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(fetch_module, "TIMEOUT", 0.5)
    monkeypatch.setattr(fetch_module, "MAX_PAGE_BYTES", 100_000)
    _Site.hits.clear()
    _Site.version["n"] = "3,000"
    server = _QuietServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def reason(url: str) -> str:
    with pytest.raises(IngestError) as info:
        fetch(url)
    assert info.value.path == url
    return info.value.reason


def test_a_fetched_page_is_read_like_a_saved_one(site: str) -> None:
    (doc,) = fetch_documents(f"{site}/flood.html")
    assert doc.text.startswith("Floodwater breaches Ostra embankment\n\nBRENMOOR, Kestria")
    assert "Most read" not in doc.text and "Sport" not in doc.text
    assert doc.outlet == "Brenmoor Herald" and doc.published == "2025-03-18"
    assert doc.url == doc.source == f"{site}/flood.html"
    assert doc.fetched_at is not None and doc.fetched_at.endswith("+00:00")


def test_redirects_are_followed_and_the_final_url_kept(site: str) -> None:
    (doc,) = fetch_documents(f"{site}/old-link")
    assert doc.source == f"{site}/old-link" and doc.url == f"{site}/flood.html"
    assert "redirect" in reason(f"{site}/loop").lower()


def test_failures_are_one_line_reasons(site: str) -> None:
    assert reason(f"{site}/missing.html") == "HTTP 404 Not Found"
    assert reason(f"{site}/slow.html") == "timed out after 0.5 s"
    assert reason(f"{site}/huge.html").startswith("page too large")
    assert reason(f"{site}/endless.html").startswith("page too large")
    assert reason("file:///etc/passwd").startswith("not a web address")
    with pytest.raises(IngestError, match=r"not a web page \(application/pdf\)"):
        fetch_documents(f"{site}/report.pdf")
    port_nobody_listens_on = "http://127.0.0.1:9/"
    assert reason(port_nobody_listens_on).startswith("cannot fetch")


def test_cli_fetches_a_list_reports_failures_and_carries_on(
    site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "links.txt"
    listing.write_text(
        f"# morning links\n{site}/flood.html\n\n{site}/missing.html\nnot-a-link\n"
        f"{site}/slow.html\n{site}/huge.html\n{site}/storm.html\n"
    )
    db = str(tmp_path / "v.db")
    assert main(["ingest", "--urls", str(listing), "--db", db, "--no-progress"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert f"{listing}:5: not a web address: not-a-link" in err
    assert f"{site}/missing.html: HTTP 404 Not Found" in err
    assert f"{site}/slow.html: timed out after 0.5 s" in err
    assert any(line.startswith(f"{site}/huge.html: page too large") for line in err)
    assert err[-1].startswith("ingested 2 articles")
    with Store(tmp_path / "v.db") as store:
        stored = {a.url: a for a in store.articles()}
        assert set(stored) == {f"{site}/flood.html", f"{site}/storm.html"}
        assert all(a.fetched_at and a.outlet == "Brenmoor Herald" for a in stored.values())


def test_a_stored_url_is_skipped_unless_refreshed(
    site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "v.db")
    url = f"{site}/flood.html"
    assert main(["ingest", url, "--db", db, "--no-progress"]) == 0
    with Store(tmp_path / "v.db") as store:
        claims = store.claims()
        assert claims
        for claim in claims:
            store.record_rating(claim.id, 2, reviewer="ana")
    # Stored: not even fetched again.
    assert main(["ingest", url, "--db", db, "--no-progress"]) == 0
    assert _Site.hits["/flood.html"] == 1
    # Refreshed but unchanged: fetched, nothing new.
    assert main(["ingest", url, "--refresh", "--db", db, "--no-progress"]) == 0
    assert _Site.hits["/flood.html"] == 2
    # Refreshed after the page changed: a new version that keeps the verdicts.
    _Site.version["n"] = "4,500"
    capsys.readouterr()
    assert main(["ingest", url, "--refresh", "--db", db, "--no-progress"]) == 0
    assert "verdicts carried" in capsys.readouterr().err
    with Store(tmp_path / "v.db") as store:
        first, second = store.articles()
        assert second.version_of == first.id and second.url == url
        newest = store.article(second.id)
        assert newest is not None and "4,500" in newest.text and newest.fetched_at
        current = [c for c in store.claims() if c.article_id == second.id]
        assert current and all(c.rating == 2 for c in current)


def test_url_list_reading(tmp_path: Path) -> None:
    listing = tmp_path / "l.txt"
    listing.write_text("https://a.example/1\n  \n# c\nftp://b.example/2\nhttp://c.example/3\n")
    urls, errors = read_url_list(listing)
    assert urls == ["https://a.example/1", "http://c.example/3"]
    assert [str(e) for e in errors] == [f"{listing}:4: not a web address: ftp://b.example/2"]
    with pytest.raises(IngestError):
        read_url_list(tmp_path / "absent.txt")
