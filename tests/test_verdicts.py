"""Second review, agreement statistics and the scripting commands (verdict, history, stats)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures_store import make_store
from verifier.cli import main
from verifier.store import Store
from verifier.store.verdicts import agreement, record_review, resolve_claim_id, reviews


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with make_store(tmp_path) as s:
        yield s


# Two reviewers over 10 claims, agreeing on 7. Ratings by hand, so the expected statistics
# can be computed by hand too (nominal data):
# ana: 1 1 1 3 3 3 4 4 5 5     ben: 1 1 2 3 3 4 4 4 5 1
ANA = [1, 1, 1, 3, 3, 3, 4, 4, 5, 5]
BEN = [1, 1, 2, 3, 3, 4, 4, 4, 5, 1]


def _expected_kappa() -> float:
    n = len(ANA)
    observed = sum(a == b for a, b in zip(ANA, BEN, strict=True)) / n
    labels = set(ANA) | set(BEN)
    expected = sum((ANA.count(x) / n) * (BEN.count(x) / n) for x in labels)
    return (observed - expected) / (1 - expected)


def test_second_review_keeps_the_verdict_and_counts_for_agreement(store: Store) -> None:
    ids = [c.id for c in store.claims()][:10]
    for claim, a, b in zip(ids, ANA, BEN, strict=True):
        store.record_rating(claim, a, reviewer="ana")
        record_review(store, claim, b, reviewer="ben", note="blind")
    # The current verdicts are still ana's; ben's ratings are his own reviews.
    assert [store.verdict(c).rating for c in ids] == ANA  # type: ignore[union-attr]
    assert {(r.claim_id, r.rating) for r in reviews(store) if r.reviewer == "ben"} == set(
        zip(ids, BEN, strict=True)
    )
    assert store.history(ids[2])[-1].field == "review"
    report = agreement(store)
    assert report.reviewers == ("ana", "ben") and report.claims == 10
    (pair,) = report.pairs
    assert pair.claims == 10 and pair.observed == pytest.approx(0.7)
    assert pair.kappa == pytest.approx(_expected_kappa())
    assert report.alpha is not None and 0.5 < report.alpha < pair.kappa + 0.05
    assert [d.claim_id for d in report.disagreements] == [ids[2], ids[5], ids[9]]
    assert dict(report.disagreements[0].ratings) == {"ana": 1, "ben": 2}
    print(f"kappa {pair.kappa:.3f} alpha {report.alpha:.3f}")


def test_agreement_is_undefined_not_an_error(store: Store) -> None:
    assert agreement(store).claims == 0 and agreement(store).alpha is None
    claim = store.claims()[0].id
    store.record_rating(claim, 3, reviewer="ana")
    record_review(store, claim, 3, reviewer="ben")
    report = agreement(store)
    assert report.claims == 1 and report.pairs[0].kappa is None and report.alpha is None


def test_a_rating_by_a_second_reviewer_in_the_tui_also_counts(store: Store) -> None:
    claim = store.claims()[0].id
    store.record_rating(claim, 1, reviewer="ana")
    store.record_rating(claim, 4, reviewer="ben")
    store.record_rating(claim, 2, reviewer="ana")
    assert {(r.reviewer, r.rating) for r in reviews(store, claim)} == {("ana", 2), ("ben", 4)}
    store.record_rating(claim, None, reviewer="ben")  # clearing withdraws ben's review
    assert {r.reviewer for r in reviews(store, claim)} == {"ana"}


def test_history_stays_append_only(store: Store) -> None:
    claim = store.claims()[0].id
    record_review(store, claim, 3, reviewer="ben")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM verdict_events")
    session = store.start_session("ana")
    store.record_rating(claim, 1, reviewer="ana", session_id=session.id)
    record_review(store, claim, 5, reviewer="ana", session_id=session.id)
    undone = store.undo_last(reviewer="ana", session_id=session.id)  # the rating, not review
    assert undone is not None and undone.field == "rating"


def test_resolve_claim_id(store: Store) -> None:
    claim = store.claims()[0].id
    assert resolve_claim_id(store, claim.upper()) == claim
    assert resolve_claim_id(store, claim[:8]) == claim
    with pytest.raises(KeyError, match="no claim"):
        resolve_claim_id(store, "zz")
    with pytest.raises(KeyError):
        resolve_claim_id(store, "")


def test_cli_verdict_history_stats(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    db = store.path
    claim = store.claims(None)[1].id
    args = ["verdict", claim[:6], "partly-supported", "--db", db, "--reviewer", "ana"]
    assert main([*args, "--source-grade", "b", "--attribution", "confirmed", "--note", "ok"]) == 0
    assert "partly supported by ana" in capsys.readouterr().out
    verdict = store.verdict(claim)
    assert verdict is not None and (verdict.rating, verdict.source_grade) == (2, "B")
    assert (verdict.attribution_check, verdict.note) == ("confirmed", "ok")
    assert main(["verdict", claim, "5", "--second-review", "--db", db, "--reviewer", "ben"]) == 0
    assert store.verdict(claim).rating == 2  # type: ignore[union-attr]
    capsys.readouterr()
    assert main(["history", claim, "--db", db]) == 0
    out = capsys.readouterr().out
    assert "rating: - -> 2 partly supported" in out and "source_grade: - -> B" in out
    assert "review: - -> 5 false" in out
    assert main(["history", claim, "--db", db, "--format", "jsonl"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [e["field"] for e in events] == [
        "rating",
        "attribution_check",
        "source_grade",
        "note",
        "review",
    ]
    assert main(["stats", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "1 disagreements" in out and claim in out
    assert main(["stats", "--db", db, "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["rated"] == 1 and stats["disagreements"][0]["ratings"] == {"ana": 2, "ben": 5}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["verdict", "nope", "3"], "no claim"),
        (["verdict", "{claim}", "9"], "unknown rating"),
        (["verdict", "{claim}", "3", "--source-grade", "Z"], "source-grade"),
        (["verdict", "{claim}", "3", "--second-review", "--source-grade", "A"], "second review"),
        (["history", "nope"], "no claim"),
    ],
)
def test_cli_errors_are_one_line(
    store: Store, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    claim = store.claims()[0].id
    argv = [a.replace("{claim}", claim) for a in argv]
    assert main([*argv, "--db", store.path]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_cli_verdict_goes_through_a_session(store: Store) -> None:
    claim = store.claims()[0].id
    assert main(["verdict", claim, "1", "--db", store.path, "--reviewer", "ana"]) == 0
    (event,) = store.history(claim)
    session = store.session(event.session_id)  # type: ignore[arg-type]
    assert session is not None and session.reviewer == "ana" and session.ended_at
    assert session.rated == 1


def test_old_ratings_become_reviews_on_migration(tmp_path: Path) -> None:
    """A database rated before the reviews table existed counts those ratings."""
    import sqlite_utils

    from verifier.store.schema import _v3_reviews_verdict_table

    with make_store(tmp_path) as s:
        claim = s.claims()[0].id
        s.record_rating(claim, 4, reviewer="ana")
        s.record_rating(claim, 5, reviewer="ana")
        s.record_rating(claim, 2, reviewer="ben")
        # Back to the shape before the migration (only what it creates), then run it again.
        for trigger in ("rating_to_reviews", "review_to_reviews", "rating_clears_text_changed"):
            s.conn.execute(f"DROP TRIGGER verdict_events_{trigger}")
        s.conn.execute("DROP VIEW verdict_table")
        s.conn.execute("DROP TABLE reviews")
        _v3_reviews_verdict_table(sqlite_utils.Database(s.conn))
        assert {(r.reviewer, r.rating) for r in reviews(s, claim)} == {("ana", 5), ("ben", 2)}
        assert s.conn.execute("SELECT count(*) FROM verdict_table").fetchone()[0] == (
            s.claim_count()
        )
