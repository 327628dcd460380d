"""``verifier verdict CLAIM_ID RATING``: record a verdict from the shell.

It goes through the same ``Store`` methods as the TUI's keys (one transaction and one
history event per field), inside a review session of its own, so a scripted verdict shows
up in ``verifier history`` exactly like one given in the TUI.
"""

from __future__ import annotations

import argparse
import getpass
import os

from verifier.cli.common import CliError, add_db, claim_id, open_db
from verifier.models import ATTRIBUTION_CHECKS, RATINGS, SOURCE_GRADES, parse_rating
from verifier.safety import strip_controls


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("verdict", help="record a verdict on one claim")
    p.add_argument("claim_id", metavar="CLAIM_ID", help="the claim's id (or a unique prefix)")
    p.add_argument(
        "rating",
        metavar="RATING",
        help="1-6 or its name: " + ", ".join(f"{k} {v}" for k, v in RATINGS.items()),
    )
    p.add_argument(
        "--attribution",
        choices=ATTRIBUTION_CHECKS,
        help="did the source really say it?",
    )
    p.add_argument(
        "--source-grade",
        metavar="A-F",
        help="source reliability: " + ", ".join(f"{k} {v}" for k, v in SOURCE_GRADES.items()),
    )
    p.add_argument("--note", help="why: kept with the verdict and its history")
    p.add_argument(
        "--second-review",
        action="store_true",
        help="record as an independent second review: counted for agreement, "
        "the claim's current verdict is left as it is",
    )
    p.add_argument("--reviewer", help="your name (default: $VERIFIER_REVIEWER or login name)")
    add_db(p)
    p.set_defaults(handler=run)


def default_reviewer(name: str | None) -> str:
    """``--reviewer``, else ``$VERIFIER_REVIEWER``, else the login name: as the TUI does."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = ""
    return (name or os.environ.get("VERIFIER_REVIEWER") or login or "reviewer").strip()


def run(args: argparse.Namespace) -> int:
    from verifier.store import StaleVerdictError
    from verifier.store.verdicts import record_review

    try:
        rating = parse_rating(args.rating)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    grade = args.source_grade.strip().upper() if args.source_grade else None
    if grade is not None and grade not in SOURCE_GRADES:
        raise CliError(f"--source-grade must be one of {', '.join(SOURCE_GRADES)}, not {grade!r}")
    reviewer = default_reviewer(args.reviewer)
    if args.second_review and (args.attribution or grade):
        raise CliError("a second review records a rating and a note only")
    with open_db(args.db) as store:
        wanted = claim_id(store, args.claim_id)
        session = store.start_session(reviewer)
        try:
            if args.second_review:
                record_review(
                    store,
                    wanted,
                    rating,
                    reviewer=reviewer,
                    session_id=session.id,
                    note=args.note,
                )
            else:
                store.record_rating(wanted, rating, reviewer=reviewer, session_id=session.id)
                if args.attribution:
                    store.record_attribution_check(
                        wanted, args.attribution, reviewer=reviewer, session_id=session.id
                    )
                if grade:
                    store.record_source_grade(
                        wanted, grade, reviewer=reviewer, session_id=session.id
                    )
                if args.note is not None:
                    store.record_note(wanted, args.note, reviewer=reviewer, session_id=session.id)
        except (KeyError, ValueError, StaleVerdictError) as exc:
            raise CliError(f"claim {wanted}: {exc}") from None
        finally:
            store.end_session(session.id)
    kind = "second review" if args.second_review else "verdict"
    print(strip_controls(f"{wanted}: {kind} {rating} {RATINGS[rating]} by {reviewer}"))
    return 0
