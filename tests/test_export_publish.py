"""Exports a newsroom publishes: ClaimReview JSON-LD, filters, JSONL with the whole record."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures_store import LEDGER_ADVANCE, WIRE_STRIKES, claim_id, make_store
from verifier.cli import main
from verifier.export import (
    RATING_VALUES,
    ExportError,
    VerdictFilter,
    claim_review,
    export,
    short_claim,
)
from verifier.models import RATINGS
from verifier.pipeline import ingest_paths
from verifier.store import Store
from verifier.store.appearances import appearances_of
from verifier.store.clusters import cluster_of
from verifier.store.verdicts import record_review

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
SCHEMA = "https://schema.org/"


def _schema_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """schema.org's context offline: its terms are the vocabulary (nothing is downloaded)."""
    if not url.rstrip("/").startswith("https://schema.org"):
        raise ValueError(f"unexpected remote context {url}")
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with Store(path) as store:
        ingest_paths(store, [SAMPLE])
        for i, claim in enumerate(store.claims()):
            store.record_rating(claim.id, i % 6 + 1, reviewer="ana")
            if i % 4 == 0:
                store.record_note(claim.id, f"note {i} <b>&", reviewer="ana")
        yield store


def test_claimreview_of_the_sample_is_json_ld_with_every_field(sample_store: Store) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")
    out = io.StringIO()
    count = export(sample_store, "claimreview", out, org="Kestria Check")
    text = out.getvalue()
    assert "<" not in text and ">" not in text  # safe inside a <script> element
    reviews = json.loads(text)
    # One review per claim cluster: the copies of a statement share its first appearance's.
    rated = [
        c
        for c in sample_store.claims()
        if c.rating in RATING_VALUES
        and c.status != "superseded"
        and cluster_of(sample_store, c.id).id == c.id
    ]
    assert count == len(reviews) == len(rated) > 50
    assert not any(c.rating == 6 and c.id in text for c in sample_store.claims())
    expanded = jsonld.expand(reviews, {"documentLoader": _schema_loader})
    assert len(expanded) == count

    def one(node: dict[str, Any], prop: str) -> Any:
        values = node[SCHEMA + prop]
        assert len(values) == 1, prop
        return values[0]

    statuses: dict[str | None, int] = {}
    appearance_counts: list[int] = []
    for node in expanded:
        assert node["@type"] == [SCHEMA + "ClaimReview"]
        claimed = one(node, "claimReviewed")["@value"]
        assert 0 < len(claimed) <= 75
        item = one(node, "itemReviewed")
        assert item["@type"] == [SCHEMA + "Claim"]
        assert one(one(item, "author"), "name")["@value"]
        claim = sample_store.claim(one(node, "identifier")["@value"])
        assert claim is not None
        stored = appearances_of(sample_store, claim)
        first = one(item, "firstAppearance")
        others = item.get(SCHEMA + "appearance", [])
        assert len(others) == len(stored) - 1
        works = [first, *others]
        for work in works:
            assert work["@type"] == [SCHEMA + "NewsArticle"]
            assert one(one(work, "publisher"), "name")["@value"]
            assert SCHEMA + "headline" in work or SCHEMA + "name" in work
        dates = [one(w, "datePublished")["@value"] for w in works if SCHEMA + "datePublished" in w]
        if claim.published:  # an article's date is given when it is known
            assert claim.published in dates
        if dates:
            assert one(first, "datePublished")["@value"] == min(dates)
        term = one(item, "keywords")
        assert term["@type"] == [SCHEMA + "DefinedTerm"]
        assert one(term, "termCode")["@value"] == claim.attribution_status
        statuses[claim.attribution_status] = statuses.get(claim.attribution_status, 0) + 1
        appearance_counts.append(len(others))
        assert one(node, "datePublished")["@value"]
        assert one(one(node, "author"), "name")["@value"] == "Kestria Check"
        rating = one(node, "reviewRating")
        value = one(rating, "ratingValue")["@value"]
        assert one(rating, "bestRating")["@value"] == 5
        assert one(rating, "worstRating")["@value"] == 1
        name = one(rating, "alternateName")["@value"]
        assert RATING_VALUES[next(k for k, v in RATINGS.items() if v == name.lower())] == value
        assert one(rating, "ratingExplanation")["@value"]
    urls = [r["itemReviewed"]["firstAppearance"].get("url") for r in reviews]
    assert any(u and u.startswith("https://") for u in urls)
    # The sample has claims told in several articles, and some told differently.
    assert max(appearance_counts) >= 2
    assert statuses.get("drift") and statuses.get("consistent") and statuses.get("single")


def test_claimreview_needs_an_organisation(
    sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VERIFIER_ORG", raising=False)
    with pytest.raises(ExportError, match="--org"):
        export(sample_store, "claimreview", io.StringIO())
    monkeypatch.setenv("VERIFIER_ORG", "Env Desk")  # what the TUI's export dialog relies on
    out = io.StringIO()
    assert export(sample_store, "claimreview", out) > 0
    assert {r["author"]["name"] for r in json.loads(out.getvalue())} == {"Env Desk"}


def test_claim_reviewed_prefers_the_gist_and_trims_at_a_word() -> None:
    assert short_claim("27 killed in market strike", "long content") == "27 killed in market strike"
    content = "At least 27 people were killed in airstrikes on the market district of the town"
    short = short_claim("", content)
    assert len(short) <= 75 and short.endswith("\u2026")
    assert content.startswith(short[:-1]) and content[len(short) - 1] == " "
    assert len(short_claim("x" * 200, None)) == 75
    row = {"rating": 6, "content": "we must win"}
    assert claim_review(row, "Desk") is None
    row = {"rating": 1, "content": "c", "status": "superseded"}
    assert claim_review(row, "Desk") is None


@pytest.fixture
def rated(tmp_path: Path) -> Iterator[Store]:
    with make_store(tmp_path) as store:
        a = claim_id(store, LEDGER_ADVANCE, 1)
        b = claim_id(store, WIRE_STRIKES, 1)
        store.record_rating(a, 1, reviewer="ana")
        store.record_rating(b, 4, reviewer="ben")
        record_review(store, a, 2, reviewer="cy")
        sentence = store.evidence(a)[0].sentence_id
        store.record_evidence_mark(a, sentence, "supports", reviewer="ana")
        yield store


def _ids(store: Store, flt: VerdictFilter) -> list[str]:
    out = io.StringIO()
    export(store, "jsonl", out, flt)
    return [json.loads(line)["claim_id"] for line in out.getvalue().splitlines()]


def test_filters_on_rating_reviewer_source_and_date(rated: Store) -> None:
    a = claim_id(rated, LEDGER_ADVANCE, 1)
    b = claim_id(rated, WIRE_STRIKES, 1)
    assert _ids(rated, VerdictFilter(ratings=(1, 4))) == [a, b]
    assert _ids(rated, VerdictFilter(ratings=(4,))) == [b]
    assert _ids(rated, VerdictFilter(reviewer="ben")) == [b]
    assert _ids(rated, VerdictFilter(reviewer="cy")) == [a]  # a second reviewer counts
    by_source = _ids(rated, VerdictFilter(source="state TELEVISION"))
    assert by_source == [b]
    assert _ids(rated, VerdictFilter(source="100%_")) == []
    today = rated.verdict(a).updated_at[:10]  # type: ignore[union-attr]
    assert _ids(rated, VerdictFilter(since=today, until=today)) == [a, b]
    assert _ids(rated, VerdictFilter(until="2000-01-01")) == []
    assert _ids(rated, VerdictFilter(since="2999-01-01")) == []


def test_jsonl_carries_reviews_marks_support_and_history(rated: Store) -> None:
    a = claim_id(rated, LEDGER_ADVANCE, 1)
    out = io.StringIO()
    export(rated, "jsonl", out, VerdictFilter(ratings=(1,)))
    (row,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert row["claim_id"] == a and row["rating_name"] == "supported"
    assert {(r["reviewer"], r["rating"]) for r in row["reviews"]} == {("ana", 1), ("cy", 2)}
    assert [m["mark"] for m in row["evidence_marks"]] == ["supports"]
    assert row["evidence_marks"][0]["sentence"]
    assert [e["field"] for e in row["history"]] == [
        "rating",
        "review",
        "evidence:" + str(row["evidence_marks"][0]["sentence_id"]),
    ]
    assert isinstance(row["independent_support"], int)
    assert "gist" in row and "facts" in row


def test_cli_export_filters_and_org(
    rated: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = rated.path
    monkeypatch.delenv("VERIFIER_ORG", raising=False)
    assert main(["export", "--db", db, "--format", "claimreview"]) == 2
    assert "--org" in capsys.readouterr().err
    monkeypatch.setenv("VERIFIER_ORG", "Env Desk")
    assert main(["export", "--db", db, "--format", "claimreview", "--reviewer", "ben"]) == 0
    (review,) = json.loads(capsys.readouterr().out)
    assert review["author"]["name"] == "Env Desk"
    assert review["reviewRating"]["alternateName"] == "Disputed"
    assert main(["export", "--db", db, "--format", "claimreview", "--org", "Flag Desk"]) == 0
    assert {r["author"]["name"] for r in json.loads(capsys.readouterr().out)} == {"Flag Desk"}
    assert main(["export", "--db", db, "--format", "md", "--rating", "false"]) == 0
    assert capsys.readouterr().out.count("\n") == 2
    out = str(Path(db).with_suffix(".review.json"))
    assert main(["export", "--db", db, "--format", "claimreview", "--org", "D", "-o", out]) == 0
    assert f"wrote 2 claims to {out}" in capsys.readouterr().err
    one = ["--reviewer", "ben", "--force"]
    assert (
        main(["export", "--db", db, "--format", "claimreview", "--org", "D", "-o", out, *one]) == 0
    )
    assert f"wrote 1 claim to {out}" in capsys.readouterr().err
    assert main(["export", "--db", db, "--since", "03/02/2024"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["export", "--db", db, "--since", "2024-02-02", "--until", "2024-01-01"]) == 2
    capsys.readouterr()


def test_csv_from_an_ingested_hyperlink_claim_opens_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "formula.txt"
    article.write_text(
        "Officials react\n\n"
        'The council spokesman said =HYPERLINK("http://evil.example/","Click for the '
        'real toll") was the address to use.\n',
        encoding="utf-8",
    )
    db = str(tmp_path / "v.db")
    assert main(["ingest", "--db", db, str(article)]) == 0
    out = tmp_path / "v.csv"
    assert main(["export", "--db", db, "-o", str(out), "--excel"]) == 0
    capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    contents = [r["content"] for r in rows]
    assert any(c.startswith("'=HYPERLINK(") for c in contents), contents
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())


def test_every_format_carries_the_attribution_status(sample_store: Store) -> None:
    # Exports have one row per claim cluster (its first appearance stands for the copies).
    claims = {c.id: c for c in sample_store.claims() if cluster_of(sample_store, c.id).id == c.id}
    out = io.StringIO()
    export(sample_store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert "attribution_status" in rows[0]
    assert {r["claim_id"]: r["attribution_status"] for r in rows} == {
        k: c.attribution_status or "" for k, c in claims.items()
    }
    assert {"drift", "consistent", "single"} <= {r["attribution_status"] for r in rows}

    out = io.StringIO()
    export(sample_store, "md", out)
    header = out.getvalue().splitlines()[0]
    assert "| attribution_status |" in header
    assert "| drift |" in out.getvalue()

    out = io.StringIO()
    export(sample_store, "jsonl", out)
    several = 0
    for line in out.getvalue().splitlines():
        row = json.loads(line)
        claim = claims[row["claim_id"]]
        assert row["attribution_status"] == claim.attribution_status
        stored = appearances_of(sample_store, claim)
        assert [a["article"] for a in row["appearances"]] == [a.article_name for a in stored]
        assert row["appearances"][0]["original"] and row["appearances"][0]["source"] == claim.source
        assert sum(a["first"] for a in row["appearances"]) == 1
        several += len(row["appearances"]) > 1
    assert several >= 5


def test_claimreview_first_appearance_can_be_another_article(sample_store: Store) -> None:
    out = io.StringIO()
    export(sample_store, "claimreview", out, org="Desk")
    found_elsewhere_first = 0
    for review in json.loads(out.getvalue()):
        claim = sample_store.claim(review["identifier"])
        assert claim is not None
        item = review["itemReviewed"]
        first = item["firstAppearance"]
        if claim.published and first.get("datePublished", claim.published) < claim.published:
            found_elsewhere_first += 1
            own = [a for a in item["appearance"] if a.get("datePublished") == claim.published]
            assert own, "the claim's own article is among the other appearances"
    assert found_elsewhere_first
