"""Web pages read as a newsroom's extraction tools read them, and outlets known from URLs."""

from __future__ import annotations

import json
import logging
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.ingest import outlets as outlets_module
from verifier.ingest import read_documents
from verifier.ingest.outlets import (
    known_outlet,
    outlet_from_saved_name,
    outlet_from_url,
    registered_domain,
)
from verifier.ingest.pages import extract_page, is_furniture
from verifier.ingest.readers import read_html

PARAGRAPHS = [
    "BRENMOOR, Kestria \u2014 Floodwater breached the Ostra embankment overnight, forcing "
    "about 3,000 residents from their homes, the regional water authority said on Tuesday.",
    "The authority said pumps at two stations had failed after the river rose by more than "
    "two metres in a day, and that engineers were working to close the breach by Thursday.",
    "\u201cWe have never seen the river this high in March,\u201d said Mila Durant, who runs "
    "a bakery near the embankment and spent the night moving flour sacks upstairs.",
    "The Kestrian Relief Society said it had opened four shelters in schools on the "
    "western bank and was handing out drinking water and blankets to families.",
    "Forecasters expect more rain at the weekend, and the authority urged residents of "
    "low-lying streets to keep their belongings above the ground floor until further notice.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Floodwater breaches Ostra embankment | The Brenmoor Herald</title>
<meta property="og:title" content="Floodwater breaches Ostra embankment">
<meta property="og:site_name" content="The Brenmoor Herald">
<meta property="article:published_time" content="2025-03-18T07:30:00Z">
<meta name="author" content="Ines Varga">
<link rel="canonical" href="https://www.brenmoorherald.example.co.uk/news/2025/03/18/flood">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>Floodwater breaches Ostra embankment</h1>
<p class="byline">By Ines Varga</p>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<figure><img src="/img/embankment.jpg" alt="Flooded street">
<figcaption>Water covers Quay Street in Brenmoor on Tuesday. (Photo: Teo Marsh/Herald)</figcaption>
</figure>
<p>{PARAGRAPHS[2]}</p>
<p>{PARAGRAPHS[3]}</p>
<p>Subscribe now to our morning edition for the full story.</p>
<p>{PARAGRAPHS[4]}</p>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Council approves new bridge budget after long debate</a></li>
<li><a href="/b">Bakery owners protest rising flour prices in the old town</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Terrible news, stay safe everyone out there tonight!</p></div></section>
</main>
<footer><p>Copyright 2025 The Brenmoor Herald. All rights reserved.</p></footer>
</body></html>
"""


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


# --- outlets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.bbc.co.uk/news/world-123", "BBC"),
        ("http://news.bbc.co.uk/2/hi/europe/1.stm", "BBC"),
        ("https://apnews.com/article/abc", "AP"),
        ("https://abcnews.go.com/US/story", "ABC News"),
        ("http://sports.espn.go.com/nba/news/story", "ESPN"),
        ("http://joyofsox.blogspot.com/2008/06/a.html", "joyofsox.blogspot.com"),
        ("https://www.thelocal.se/20200101/x", "thelocal.se"),
        ("https://edition.example.co.uk/a", "example.co.uk"),
        ("www.reuters.com/world/", "Reuters"),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


def test_registered_domain_uses_the_public_suffix_list() -> None:
    assert registered_domain("https://a.b.example.com.au/x") == "example.com.au"
    assert registered_domain("http://127.0.0.1:8000/page") == "127.0.0.1"
    assert known_outlet("https://blog.example.org/") is None


def test_reading_pages_never_touches_the_network_or_writes_a_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    outlets_module._extractor.cache_clear()
    try:
        assert registered_domain("https://www.theguardian.com/world") == "theguardian.com"
        page = extract_page(PAGE.replace("og:site_name", "og:nothing"), "https://x.example.com/a")
        assert page is not None and page.meta.outlet == "example.co.uk"  # its canonical URL
    finally:
        outlets_module._extractor.cache_clear()
    assert list(tmp_path.iterdir()) == []


# --- pages -----------------------------------------------------------------------------------


def test_page_keeps_the_article_in_paragraphs_and_drops_the_furniture() -> None:
    page = extract_page(
        PAGE.replace("<p>Subscribe", '<p style="display: none">Hidden.</p><p>Subscribe')
    )
    assert page is not None
    paragraphs = page.text.split("\n\n")
    assert paragraphs[0] == "Floodwater breaches Ostra embankment"
    for para in PARAGRAPHS:
        assert para in paragraphs
    assert [p for p in paragraphs if p in PARAGRAPHS] == PARAGRAPHS  # in reading order
    # The caption stays beside its photo, where the text stage labels it.
    caption = "Water covers Quay Street in Brenmoor on Tuesday. (Photo: Teo Marsh/Herald)"
    assert paragraphs.index(caption) == paragraphs.index(PARAGRAPHS[1]) + 1
    for furniture in ("Sport", "Related stories", "bridge budget", "stay safe", "Subscribe"):
        assert furniture not in page.text
    assert "All rights reserved" not in page.text and "Hidden" not in page.text
    assert page.meta.title == "Floodwater breaches Ostra embankment"
    assert page.meta.outlet == "The Brenmoor Herald"
    assert page.meta.published == "2025-03-18"
    assert page.meta.byline == "Ines Varga"
    assert page.meta.url == "https://www.brenmoorherald.example.co.uk/news/2025/03/18/flood"


def test_page_without_a_site_name_is_named_by_its_url() -> None:
    bare = PAGE.replace('<meta property="og:site_name" content="The Brenmoor Herald">', "")
    bare = bare.replace(" | The Brenmoor Herald", "").replace("The Brenmoor Herald", "")
    page = extract_page(bare)
    assert page is not None and page.meta.outlet == "example.co.uk"
    fetched = extract_page(bare.replace("canonical", "stylesheet"), "https://www.bbc.com/n/1")
    assert fetched is not None
    assert fetched.meta.outlet == "BBC" and fetched.meta.url == "https://www.bbc.com/n/1"


def test_well_known_outlet_keeps_one_name_whatever_the_page_calls_itself() -> None:
    page = extract_page(
        PAGE.replace("https://www.brenmoorherald.example.co.uk", "https://www.bbc.co.uk")
    )
    assert page is not None and page.meta.outlet == "BBC"


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe now to our eNATION edition for the full story.",
        "To view the full story, please subscribe to The Daily.",
        "If you\u2019re seeing this message but you\u2019re already a subscriber, log in.",
        "Follow The Gleaner on Twitter and Instagram @Gleaner.",
        "For the latest updates download the Nationnews apps for iOS and Android.",
        "Advertisement",
        "PC Gamer Newsletter",
        "Sign up to get the best content of the week, picked by the editors.",
        "Submit your letter to the editor via this form.",
    ],
)
def test_calls_to_the_reader_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The ministry said 2,000 people subscribe to the state broadcaster's alerts.",
        "Advertisement revenue fell by a third, the company said in a statement on Monday.",
        "The newsletter, published by the group since 2019, called the strike a war crime.",
        "Residents were told to follow the army's instructions on evacuation routes.",
        " ".join(["Subscribe now to our edition"] * 8),  # long: running text, not a prompt
    ],
)
def test_news_sentences_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_page_without_an_article_falls_back_to_visible_text_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Too little for the extractor to find an article: it would run the whole page together.
    tiny = (
        "<html><head><title>Note</title></head><body><nav><a>Home</a></nav><main><article>"
        "<h1>Ferry resumes</h1><p>The ferry ran again on Monday.</p><p hidden>Secret.</p>"
        "<div>Tickets<br>Timetable</div><ul><li>One point</li><li>Two point</li></ul>"
        "<form><label>Email</label><button>Subscribe</button></form></article></main>"
        "<footer><p>All rights reserved</p></footer></body></html>"
    )
    path = write(tmp_path, "tiny.html", tiny)
    with caplog.at_level(logging.WARNING, logger="verifier.ingest"):
        (doc,) = read_documents(path)
    assert doc.text.split("\n\n") == [
        "Ferry resumes",
        "The ferry ran again on Monday.",
        "Tickets",
        "Timetable",
        "One point",
        "Two point",
    ]
    warnings = [r.getMessage() for r in caplog.records if r.name == "verifier.ingest"]
    assert len(warnings) == 1 and warnings[0].startswith(str(path))
    assert "\n" not in warnings[0]


def test_a_page_document_carries_what_the_page_says(tmp_path: Path) -> None:
    (doc,) = read_documents(write(tmp_path, "flood.html", PAGE))
    assert doc.fmt == "html" and doc.outlet == "The Brenmoor Herald"
    assert doc.title == "Floodwater breaches Ostra embankment"
    assert doc.text.startswith("Floodwater breaches Ostra embankment\n\nBRENMOOR, Kestria")


# --- URLs in other formats -------------------------------------------------------------------


def test_front_matter_and_json_urls_give_an_outlet(tmp_path: Path) -> None:
    body = "Officials said the bridge would reopen on Monday after repairs to its deck."
    md = write(tmp_path, "a.md", f"---\nurl: https://www.reuters.com/world/x\n---\n\n{body}\n")
    (doc,) = read_documents(md)
    assert doc.outlet == "Reuters"
    data = [{"text": body, "url": "https://local.example.org/n/1"}, {"text": body + " Later."}]
    docs = read_documents(write(tmp_path, "b.json", json.dumps(data)))
    assert [d.outlet for d in docs] == ["example.org", None]
    named = write(tmp_path, "c.md", f"---\noutlet: The Ledger\nurl: https://bbc.com/x\n---\n{body}")
    assert read_documents(named)[0].outlet == "The Ledger"  # what the file says comes first


@pytest.mark.parametrize(
    ("filename", "outlet"),
    [
        ("prof-pc.de.html", "prof-pc.de"),
        ("saved/netbits.us.stunnel_rsync.html", "netbits.us"),
        ("abc13.com-Copperfield.html", "abc13.com"),
        ("jamaica.gleaner.com-victims.htm", "gleaner.com"),
        ("dailymail.co.uk.food.html", "Daily Mail"),  # not "uk.food": .food is no classic domain
        ("bbc.co.uk-quake.html", "BBC"),
        ("report.final.html", None),
        ("quake.html", None),
        ("notes.md.txt", None),  # only a saved page is named after its site
        ("1_10ecb.md", None),
    ],
)
def test_a_saved_page_is_named_by_the_site_its_file_name_starts_with(
    filename: str, outlet: str | None
) -> None:
    assert outlet_from_saved_name(filename) == outlet


def test_a_bare_saved_page_takes_its_outlet_from_its_file_name(tmp_path: Path) -> None:
    bare = PAGE.replace('<meta property="og:site_name" content="The Brenmoor Herald">', "")
    bare = bare.replace("canonical", "stylesheet").replace("| The Brenmoor Herald", "")
    (doc,) = read_documents(write(tmp_path, "brenmoor-herald.co.uk-flood.html", bare))
    assert doc.outlet == "brenmoor-herald.co.uk"


def test_a_page_with_no_url_is_named_by_its_title_tag() -> None:
    bare = PAGE.replace('<meta property="og:site_name" content="The Brenmoor Herald">', "")
    bare = bare.replace("canonical", "stylesheet")
    page = extract_page(bare.replace("| The Brenmoor Herald", "- brenmoor notes"))
    assert page is not None and page.meta.outlet == "brenmoor notes"
    # More than a headline and one short name: nothing says which part is the site.
    page = extract_page(bare.replace("| The Brenmoor Herald", "| Weather | Brenmoor, Kestria"))
    assert page is not None and page.meta.outlet is None


def test_an_xhtml_page_with_an_encoding_declaration_is_read() -> None:
    xhtml = '<?xml version="1.0" encoding="iso-8859-1"?>\n' + PAGE.replace("<!DOCTYPE html>", "")
    page = extract_page(xhtml)
    assert page is not None and PARAGRAPHS[0] in page.text.split("\n\n")


_FRAGMENTS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div hidden>",
        "<article>",
        "</article>",
        "<figure><img src='a.jpg'><figcaption>",
        "<title>",
        "</title>",
        "<script>",
        "<?xml version='1.0'?>",
        "<!--",
        "<br>",
        "&amp;",
        "\x00",
        "\u202e",
        "The minister said the bridge would reopen. ",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=40)), max_size=30))
def test_any_markup_is_read_or_refused_with_a_reason(parts: list[str]) -> None:
    markup = "".join(parts)
    try:
        records = read_html(markup)
    except ValueError as exc:
        assert "\n" not in str(exc)
        return
    for record in records:
        assert record.text.strip()
        assert record.warning is None or "\n" not in record.warning


def test_a_saved_page_without_url_is_named_by_the_feeds_it_declares() -> None:
    bare = PAGE.replace('<meta property="og:site_name" content="The Brenmoor Herald">', "")
    bare = bare.replace("canonical", "stylesheet").replace(" | The Brenmoor Herald", "")
    feeds = (
        '<link rel="alternate" type="application/rss+xml" href="https://www.herald.example.org/rss">'
        '<link rel="search" href="https://www.herald.example.org/opensearch.xml">'
        '<link rel="alternate" href="https://feeds.feedburner.com/herald">'
    )
    page = extract_page(bare.replace("</head>", feeds + "</head>"))
    assert page is not None and page.meta.outlet == "example.org"
    # Two sites equally: neither is named.
    tie = '<link rel="alternate" href="https://a.example.net/rss"><link rel="home" href="https://b.example.com/">'
    page = extract_page(bare.replace("</head>", tie + "</head>"))
    assert page is not None and page.meta.outlet is None
