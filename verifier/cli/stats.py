"""``verifier stats``: how far along the review is, and how far reviewers agree.

Agreement is Cohen's kappa for each pair of reviewers and Krippendorff's alpha over all of
them (``nltk.metrics.agreement``), over the claims rated by two or more reviewers; the
claims where they disagree are listed so the desk can settle them.
"""

from __future__ import annotations

import argparse

from verifier.cli.common import add_db, open_db
from verifier.models import RATINGS
from verifier.safety import json_dumps, strip_controls


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("stats", help="review progress and agreement between reviewers")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--limit", type=int, default=20, help="disagreements to list in text (default 20)"
    )
    add_db(p)
    p.set_defaults(handler=run)


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def run(args: argparse.Namespace) -> int:
    from verifier.store.verdicts import agreement

    with open_db(args.db) as store:
        total = store.claim_count()
        rated = store.rated_count()
        report = agreement(store)
    if args.format == "json":
        print(
            json_dumps(
                {
                    "claims": total,
                    "rated": rated,
                    "reviewers": list(report.reviewers),
                    "claims_with_two_or_more_reviewers": report.claims,
                    "alpha": report.alpha,
                    "pairs": [
                        {
                            "a": p.a,
                            "b": p.b,
                            "claims": p.claims,
                            "observed": p.observed,
                            "kappa": p.kappa,
                        }
                        for p in report.pairs
                    ],
                    "disagreements": [
                        {"claim_id": d.claim_id, "content": d.content, "ratings": dict(d.ratings)}
                        for d in report.disagreements
                    ],
                },
            )
        )
        return 0
    print(f"{rated} of {total} claims rated")
    if not report.claims:
        print("no claim has been rated by two reviewers yet (verifier verdict --second-review)")
        return 0
    print(
        f"{report.claims} claims rated by two or more of {len(report.reviewers)} reviewers; "
        f"Krippendorff's alpha {_num(report.alpha)}"
    )
    for p in report.pairs:
        print(
            strip_controls(
                f"  {p.a} / {p.b}: {p.claims} claims, {p.observed:.0%} same, "
                f"Cohen's kappa {_num(p.kappa)}"
            )
        )
    print(f"{len(report.disagreements)} disagreements")
    for d in report.disagreements[: max(0, args.limit)]:
        ratings = ", ".join(f"{who} {RATINGS[r]}" for who, r in d.ratings)
        content = " ".join(d.content.split())
        if len(content) > 70:
            content = content[:69] + "\u2026"
        print(strip_controls(f"  {d.claim_id}  {ratings}  {content}"))
    return 0
