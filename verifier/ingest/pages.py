"""A saved or fetched web page reduced to its article, as a newsroom's extraction tools read it.

Real news pages are mostly furniture: menus, teasers for other stories, comments, cookie and
subscription notices. Every line of it that got in would become a claim candidate and evidence
for other claims, so the article is found by trafilatura (a maintained extractor, evaluated on
thousands of real pages) rather than by our own tag rules, and its metadata (title, author,
date through htmldate, site name, canonical URL) comes from the same pass.

The text keeps one paragraph per extracted block, separated by blank lines as in every other
format, with the headline first so the text stage labels it a headline exactly as in a
``.txt`` file; every offset later stages store points into this text. A page where the
extractor finds no article (a bare or tiny page) is returned as ``None`` and the caller falls
back to the page's plain visible text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from verifier.ingest.metadata import Metadata, parse_date
from verifier.ingest.outlets import known_outlet, outlet_from_url, registered_domain

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["Page", "extract_page", "is_furniture"]

for _name in ("trafilatura", "htmldate", "courlan", "justext", "tldextract"):
    # Their diagnostics are for their developers; without a handler Python would print each
    # WARNING to the user's terminal in the middle of an ingest.
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True, slots=True)
class Page:
    """The article text of a page and the metadata found with it."""

    text: str
    meta: Metadata


# Short paragraphs that address the reader instead of reporting: subscription walls,
# newsletter and app prompts, "follow us" lines, advertisement labels. Extractors keep them
# because they sit inside the article's container; no news sentence reads like them.
_FURNITURE_MAX_WORDS = 30
_FURNITURE = re.compile(
    r"\b(?:subscribe (?:now|today|here|to (?:our|my)\b)|please subscribe"
    r"|already an? (?:subscriber|member)"
    r"|subscribers? (?:also )?(?:get|receive)|log ?in for (?:immediate|full)"
    r"|sign up (?:to get|to receive|for (?:our|the|my) [\w ]{0,30}(?:newsletter|alerts?|updates))"
    r"|to (?:view|read|continue reading|access) (?:the|this) (?:full )?(?:story|article)"
    r"|download (?:the|our) [\w ]{0,40}\bapps?\b"
    r"|follow (?:us|@?[\w.]+(?: [\w.]+){0,3}) on (?:twitter|facebook|instagram|tiktok|youtube"
    r"|linkedin|telegram|whatsapp|threads|x)\b"
    r"|submit your (?:letter|tip|story|news tip)s?\b)",
    re.IGNORECASE,
)
_LABEL_ONLY = re.compile(
    r"(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?"
    r"|scroll to continue(?: with content)?|[\w ]{0,40}\bnewsletter)[.:]?",
    re.IGNORECASE,
)


def is_furniture(paragraph: str) -> bool:
    """True for a short paragraph that speaks to the page's reader instead of reporting."""
    words = paragraph.split()
    if not words or len(words) > _FURNITURE_MAX_WORDS:
        return False
    if len(words) <= 6 and _LABEL_ONLY.fullmatch(" ".join(words)):
        return True
    return _FURNITURE.search(paragraph) is not None


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


_IMAGE_LINE = re.compile(r"!\[[^\]]*\]\((?P<src>[^)\s]*)\)")


_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def _parse(markup: str) -> HtmlElement | None:
    """The page as a tree with what a reader never sees taken out, or None if unparseable.

    Hidden elements (``hidden``, ``aria-hidden``, ``display: none``) and templates hold
    menus, pop-ups and text for scripts; the extractor does not look at those attributes.
    """
    import lxml.html
    from lxml import etree

    # The text is decoded already: an XHTML page's encoding declaration would make lxml
    # refuse it.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    try:
        tree = lxml.html.fromstring(markup)
    except (ValueError, TypeError, etree.ParserError):
        return None
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        style = (element.get("style") or "").replace(" ", "").lower()
        if (
            element.tag == "template"
            or element.get("hidden") is not None
            or (element.get("aria-hidden") or "").lower() == "true"
            and element.tag not in ("html", "body")
            or "display:none" in style
            or "visibility:hidden" in style
        ):
            doomed.append(element)
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    return tree


def _captions(tree: HtmlElement) -> dict[str, str]:
    """Each figure's caption by the address of its image.

    The extractor keeps an article's images but not their captions; a caption says what a
    photo shows and who took it, and the text stage labels it a caption (never a claim).
    """
    found: dict[str, str] = {}
    for figure in tree.iter("figure"):
        caption = next(figure.iter("figcaption"), None)
        text = " ".join(caption.text_content().split()) if caption is not None else ""
        if not text:
            continue
        for img in figure.iter("img"):
            for attr in ("src", "data-src"):
                if img.get(attr):
                    found.setdefault(img.get(attr, ""), text)
    return found


def _paragraphs(text: str, tree: HtmlElement) -> list[str]:
    """Each extracted block on its own, whitespace inside it collapsed, furniture dropped,
    an image replaced by its caption (or dropped when it has none)."""
    out: list[str] = []
    captions: dict[str, str] | None = None
    for line in text.split("\n"):
        para = " ".join(line.split())
        image = _IMAGE_LINE.fullmatch(para)
        if image:
            if captions is None:
                captions = _captions(tree)
            para = captions.get(image.group("src"), "")
        if para and not is_furniture(para) and not (out and out[-1] == para):
            out.append(para)
    return out


_SMALL_PAGE = 2000
"""Visible characters under which a page may be too small for the extractor to find an article."""


def _whole_page_dump(paragraphs: list[str], markup: str) -> bool:
    """True when the extractor found no article and kept the whole page instead.

    On a page too small to find an article in, trafilatura's last resort is all the text of
    the body, menus and form labels included. The page's visible blocks without its
    navigation, forms and footers are the better reading then.
    """
    from verifier.ingest.readers import html_to_text

    try:
        visible, _ = html_to_text(markup)
    except ValueError:
        return False
    kept = sum(len(p) for p in paragraphs)
    return 0 < len(visible) < _SMALL_PAGE and kept > len(visible)


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|\u00b7|\u2022)\s+")


def _title_site(tree: HtmlElement, headline: str | None) -> str | None:
    """The site's name as its title tag gives it after the headline ("Headline - Site").

    Only when the tag is exactly the headline, one separator and a short name: that is how
    sites title their pages, and nothing else is left that could be the name.
    """
    if not headline:
        return None
    raw = " ".join((tree.findtext(".//title") or "").split())
    if not raw.lower().startswith(headline.lower()):
        return None
    rest = raw[len(headline) :]
    parts = _TITLE_SEPARATORS.split(rest)
    if len(parts) != 2 or parts[0]:
        return None
    name = parts[1].strip()
    return name if 0 < len(name.split()) <= 4 else None


# Links a site declares about itself (its feeds, search, short links, home): served from
# its own domain, unlike stylesheets and icons, which often come from a CDN. Feed services
# and CDNs are passed over all the same.
_SELF_RELS = frozenset(
    ["alternate", "shortlink", "search", "pingback", "edituri", "wlwmanifest", "home", "index"]
)
_NOT_SELF = re.compile(r"feedburner|feedblitz|feedpress|cdn|googleapis|gstatic", re.IGNORECASE)


def _linked_site(tree: HtmlElement) -> str | None:
    """The domain a saved page's own ``<link>`` elements point to, if one clearly leads.

    A page saved without its URL still declares its feeds and search on its own site.
    """
    counts: dict[str, int] = {}
    for link in tree.iter("link"):
        rels = set((link.get("rel") or "").lower().split())
        href = (link.get("href") or "").strip()
        if not rels & _SELF_RELS or not href.lower().startswith(("http://", "https://")):
            continue
        domain = registered_domain(href)
        if domain and not _NOT_SELF.search(href.split("/")[2]):
            counts[domain] = counts.get(domain, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=lambda d: counts[d])


def extract_page(markup: str, url: str | None = None) -> Page | None:
    """The article in ``markup`` (``url``: where it was fetched from), or None if none is found.

    Comments are left out: readers' comments are not the outlet's reporting. The outlet is the
    page's own site name, else the name its URL (the canonical one, else ``url``) stands for.
    """
    from copy import deepcopy

    from trafilatura import bare_extraction

    tree = _parse(markup)
    if tree is None:
        return None
    try:
        found = bare_extraction(
            deepcopy(tree), url=url, include_comments=False, include_images=True, with_metadata=True
        )
    except Exception:  # the extractor's failure on odd markup means "no article", not a crash
        return None
    if found is None or isinstance(found, dict):
        return None
    paragraphs = _paragraphs(found.text or "", tree)
    if not paragraphs or _whole_page_dump(paragraphs, markup):
        return None
    title = _one_line(found.title)
    if title and " ".join(paragraphs[0].split()).lower() != title.lower():
        paragraphs.insert(0, title)
    page_url = _one_line(found.url) or url
    # A well-known outlet keeps its one spelling whatever the page calls itself ("BBC News",
    # "BBC World Service"), so that its articles compare as one outlet; others their own name.
    # A site name that is only a host name is the extractor's own guess from the URL.
    site = _one_line(found.sitename)
    if site and " " not in site and "." in site:
        site = None
    outlet = (
        known_outlet(page_url)
        or site
        or outlet_from_url(page_url)
        or _title_site(tree, title)
        or outlet_from_url(_linked_site(tree))
    )
    meta = Metadata(
        title=title,
        outlet=outlet,
        published=parse_date(found.date) if found.date else None,
        byline=_one_line(found.author),
        url=page_url,
    )
    return Page("\n\n".join(paragraphs), meta)
