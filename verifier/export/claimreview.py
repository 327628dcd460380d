"""schema.org ClaimReview JSON-LD: the format search engines and fact-check aggregators read.

One ``ClaimReview`` per rated claim, written as one JSON array. The claim's author is its
source; its ``firstAppearance`` the earliest dated article that carries it and its
``appearance`` the others (the article it was found in among them, unless that is the first);
its attribution status across articles a ``DefinedTerm`` in ``keywords``; the review's author
the fact-checking organisation. ``RATING_VALUES`` maps our ratings onto ClaimReview's
numeric scale, where a higher value is more true (documented in the README); ``not
checkable`` claims are not reviews of a factual claim, so they are left out.

The output is meant to be pasted into ``<script type="application/ld+json">`` blocks, so
``<``, ``>`` and ``&`` are written as JSON escapes: no article text can close the script
element it sits in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TextIO

from verifier.models import RATING_HELP, RATINGS
from verifier.safety import json_dumps, safe_url

BEST_RATING = 5
WORST_RATING = 1

RATING_VALUES: dict[int, int] = {1: 5, 2: 4, 3: 3, 4: 2, 5: 1}
"""Our rating key -> ClaimReview ``ratingValue`` (5 best = supported ... 1 worst = false)."""

NOT_CHECKABLE = 6

CLAIM_REVIEWED_MAX = 75
"""Google's guidance: ``claimReviewed`` is a short summary of the claim, under 75 characters."""

PERSON_SOURCES = frozenset({"eyewitness", "anonymous"})


def short_claim(gist: str | None, content: str | None, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """The claim in at most ``limit`` characters: the gist, else the content trimmed at a
    word boundary with an ellipsis (a gist longer than the limit is trimmed the same way)."""
    text = " ".join((gist or "").split()) or " ".join((content or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-\u2013\u2014") + "\u2026"


def _drop_empty(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v not in (None, "", {}, [])}


ATTRIBUTION_TERM_SET = "verifier attribution status"
"""The set the claim's attribution status term belongs to (see :func:`_status_term`)."""


def creative_work(appearance: dict[str, Any]) -> dict[str, Any]:
    """One appearance of the claim as a schema.org ``NewsArticle`` (a ``CreativeWork``).

    ``headline`` is the article's title; without one, ``name`` is the article's file name
    so the work is still identifiable. ``publisher`` is the outlet, ``author`` the byline.
    """
    title = appearance.get("title")
    return _drop_empty(
        {
            "@type": "NewsArticle",
            "url": safe_url(appearance.get("url")),
            "headline": title,
            "name": None if title else appearance.get("article"),
            "datePublished": appearance.get("published"),
            "publisher": {"@type": "Organization", "name": appearance["outlet"]}
            if appearance.get("outlet")
            else None,
            "author": {"@type": "Person", "name": appearance["byline"]}
            if appearance.get("byline")
            else None,
        }
    )


def _status_term(status: str | None) -> dict[str, Any] | None:
    """The claim's attribution status across articles as a ``DefinedTerm`` keyword.

    schema.org has no property for it; ``keywords`` takes a ``DefinedTerm``, which keeps the
    markup valid and the status machine-readable (``termCode``: consistent, conflict, drift,
    single).
    """
    if not status:
        return None
    return {
        "@type": "DefinedTerm",
        "termCode": status,
        "name": f"attribution {status}",
        "inDefinedTermSet": {"@type": "DefinedTermSet", "name": ATTRIBUTION_TERM_SET},
    }


def reviewable(row: dict[str, Any]) -> bool:
    """Does this export row get a ClaimReview: rated, checkable, and not superseded (a
    superseded claim's verdict was carried to the newer version: that one is reviewed)."""
    return row.get("rating") in RATING_VALUES and row.get("status") != "superseded"


def claim_review(row: dict[str, Any], org: str) -> dict[str, Any] | None:
    """The ClaimReview for one export row, or ``None`` when the claim is unrated or not
    checkable."""
    if not reviewable(row):
        return None
    rating = row["rating"]
    source = row.get("resolved_source") or row.get("source") or ""
    author_type = "Person" if row.get("source_type") in PERSON_SOURCES else "Organization"
    appearances = row.get("appearances") or [
        # No appearances read: the article the claim was found in is all there is.
        {
            "url": safe_url(row.get("url")),
            "title": row.get("title"),
            "published": row.get("published"),
            "outlet": row.get("outlet"),
            "article": row.get("article"),
            "first": True,
        }
    ]
    first = next((a for a in appearances if a.get("first")), appearances[0])
    item = _drop_empty(
        {
            "@type": "Claim",
            "author": {"@type": author_type, "name": source},
            "firstAppearance": creative_work(first),
            "appearance": [creative_work(a) for a in appearances if a is not first],
            "datePublished": row.get("published"),
            "keywords": _status_term(row.get("attribution_status")),
        }
    )
    review_date = (row.get("time") or "")[:10]
    return _drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": row.get("claim_id"),
            "claimReviewed": short_claim(row.get("gist"), row.get("content")),
            "itemReviewed": item,
            "author": {"@type": "Organization", "name": org},
            "datePublished": review_date,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": RATING_VALUES[rating],
                "bestRating": BEST_RATING,
                "worstRating": WORST_RATING,
                "alternateName": RATINGS[rating].capitalize(),
                "ratingExplanation": (row.get("note") or "").strip() or RATING_HELP[rating],
            },
        }
    )


_HTML_UNSAFE = re.compile(r"[<>&]")


def write_claimreview(rows: Iterable[dict[str, Any]], out: TextIO, *, org: str) -> int:
    """A JSON array of ClaimReview objects, one per rated, checkable claim; returns how many."""
    reviews = [r for r in (claim_review(row, org) for row in rows) if r is not None]
    text = json_dumps(reviews, indent=2)
    out.write(_HTML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n")
    return len(reviews)
