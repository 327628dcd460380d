"""Which outlet published a page, from its URL when the page does not say.

A fact-checker weighs a claim by who published it, so an article with a URL is never left
with "unknown outlet": the URL's registered domain (``www.bbc.co.uk`` -> ``bbc.co.uk``) names
it, spelled as readers know it for well-known news domains (``BBC``), else as the domain
itself. The registered domain needs the public suffix list (``co.uk`` is a suffix, ``bbc`` is
not); tldextract's bundled snapshot is used with no cache and no download, so ingest never
touches the network or writes outside the database because of it.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

__all__ = [
    "NEWS_DOMAINS",
    "known_outlet",
    "outlet_from_saved_name",
    "outlet_from_url",
    "registered_domain",
]

# Registered domains of outlets whose readable name differs from their domain. One name per
# outlet whatever its domain, so that two copies of one outlet's story compare as the same
# outlet (a later version, not a copy) wherever they were read from.
NEWS_DOMAINS: dict[str, str] = {
    "abc.net.au": "ABC News (Australia)",
    "abcnews.go.com": "ABC News",
    "afp.com": "AFP",
    "aljazeera.com": "Al Jazeera",
    "aljazeera.net": "Al Jazeera",
    "apnews.com": "AP",
    "ap.org": "AP",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "bloomberg.com": "Bloomberg",
    "cbc.ca": "CBC",
    "cbsnews.com": "CBS News",
    "cnbc.com": "CNBC",
    "cnn.com": "CNN",
    "dailymail.co.uk": "Daily Mail",
    "dw.com": "DW",
    "espn.go.com": "ESPN",
    "espn.com": "ESPN",
    "economist.com": "The Economist",
    "foxnews.com": "Fox News",
    "france24.com": "France 24",
    "ft.com": "Financial Times",
    "haaretz.com": "Haaretz",
    "huffingtonpost.com": "HuffPost",
    "huffpost.com": "HuffPost",
    "independent.co.uk": "The Independent",
    "latimes.com": "Los Angeles Times",
    "middleeasteye.net": "Middle East Eye",
    "msnbc.com": "MSNBC",
    "nbcnews.com": "NBC News",
    "npr.org": "NPR",
    "nypost.com": "New York Post",
    "nytimes.com": "The New York Times",
    "politico.com": "Politico",
    "reuters.com": "Reuters",
    "rt.com": "RT",
    "sana.sy": "SANA",
    "skynews.com": "Sky News",
    "news.sky.com": "Sky News",
    "smh.com.au": "The Sydney Morning Herald",
    "tass.com": "TASS",
    "telegraph.co.uk": "The Telegraph",
    "theatlantic.com": "The Atlantic",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "thehill.com": "The Hill",
    "timesofisrael.com": "The Times of Israel",
    "usatoday.com": "USA Today",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "yahoo.com": "Yahoo",
}


@functools.cache
def _extractor() -> object:
    import tldextract

    # No suffix-list URLs and no cache directory: the snapshot shipped in the package, read
    # in memory. The default would download the list and cache it under the user's home.
    # Private suffixes count: each blog on blogspot.com or wordpress.com is its own site.
    return tldextract.TLDExtract(
        cache_dir=None,
        suffix_list_urls=(),
        fallback_to_snapshot=True,
        include_psl_private_domains=True,
    )


def _host(url: str) -> str | None:
    value = url.strip()
    if "://" not in value and not value.startswith("//"):
        value = "//" + value  # "www.bbc.co.uk/news" as people paste it
    try:
        host = urlsplit(value).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.lower().rstrip(".")


def registered_domain(url: str) -> str | None:
    """The domain an organisation registered (``news.bbc.co.uk`` -> ``bbc.co.uk``), or None.

    An IP address or a host with no public suffix is returned as the host itself: it still
    says where the page came from.
    """
    host = _host(url)
    if host is None:
        return None
    parts = _extractor()(host)  # type: ignore[operator]
    if parts.domain and parts.suffix:
        return f"{parts.domain}.{parts.suffix}"
    return host


def known_outlet(url: str | None) -> str | None:
    """The readable name of a well-known news outlet the URL belongs to, else None.

    The host and each domain above it are looked up, so that an outlet living on a
    subdomain of another (``abcnews.go.com``, ``sports.espn.go.com``) is named too.
    """
    host = _host(url) if url else None
    if host is None:
        return None
    labels = host.split(".")
    for start in range(len(labels) - 1):
        name = NEWS_DOMAINS.get(".".join(labels[start:]))
        if name:
            return name
    return None


def outlet_from_url(url: str | None) -> str | None:
    """A readable outlet name for a URL: a well-known outlet's name, else its registered domain."""
    if not url:
        return None
    return known_outlet(url) or registered_domain(url)


_SAVED_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml")
_NAME_CUT = re.compile(r"[._\-\s]")
# A file name is read as a site only when it ends on a country code or one of the classic
# generic domains: with hundreds of newer generic domains (.food, .final, .news...) almost
# any dotted word would otherwise be a site ("dailymail.co.uk.food" is not "uk.food").
_CLASSIC_TLDS = frozenset({"com", "org", "net", "edu", "gov", "mil", "int", "info", "biz"})


def outlet_from_saved_name(filename: str | None) -> str | None:
    """The site a saved web page's file name starts with (``bbc.co.uk-quake.html``), or None.

    Archiving tools and browser extensions name a saved page after its site, and a page that
    names its outlet nowhere inside (no URL, no site name, no feed) still says where it came
    from that way. Only saved pages count, and only a prefix that ends exactly on a public
    suffix: ``notes.md.txt`` is not a site, nor is ``report.final.html``.
    """
    if not filename:
        return None
    name = filename.rsplit("/", 1)[-1].lower()
    if not name.endswith(_SAVED_PAGE_SUFFIXES):
        return None
    stem = name.rsplit(".", 1)[0]
    cuts = [m.start() for m in _NAME_CUT.finditer(stem)] + [len(stem)]
    for end in reversed(cuts):
        candidate = stem[:end]
        if "." not in candidate or not re.fullmatch(r"[a-z0-9.\-]+", candidate):
            continue
        parts = _extractor()(candidate)  # type: ignore[operator]
        tld = parts.suffix.rsplit(".", 1)[-1]
        if (
            parts.domain
            and parts.suffix
            and candidate.endswith("." + parts.suffix)
            and (len(tld) == 2 or tld in _CLASSIC_TLDS)
        ):
            return outlet_from_url(candidate)
    return None
