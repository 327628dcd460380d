"""Re-ingesting an updated article keeps, carries and orphans verdicts; it never deletes one."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.cli import main
from verifier.pipeline import ingest_paths
from verifier.store import Store
from verifier.store.verdicts import carry_verdicts, previous_version

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
V1 = SAMPLE / "09_original_northwold-news_hospital-shelling_v1.md"
V2 = SAMPLE / "10_update_northwold-news_hospital-shelling_v2.md"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def test_updated_sample_article_keeps_carries_and_orphans(tmp_path: Path) -> None:
    with Store(tmp_path / "v.db") as store:
        ingest_paths(store, [V1], corroborate=False)
        old = store.claims()
        assert len(old) >= 5
        for i, claim in enumerate(old):
            store.record_rating(claim.id, i % 5 + 1, reviewer="ana")
            store.record_note(claim.id, f"checked {i}", reviewer="ana")
        old = store.claims()
        events_before = store.conn.execute("SELECT count(*) FROM verdict_events").fetchone()[0]
        report = ingest_paths(store, [V2], corroborate=False)
        assert report.added == 1 and report.carried > 0 and report.orphaned >= 1
        assert "verdicts carried" in report.summary()
        v1, v2 = store.article_by_name(V1.name), store.article_by_name(V2.name)
        assert v1 is not None and v2 is not None
        # schema v2 gave articles.version_of TEXT affinity, so the id reads back as a string
        assert v2.version_of is not None and int(v2.version_of) == v1.id
        new = [c for c in store.claims() if c.article_id == v2.id]
        old_after = {c.id: c for c in store.claims() if c.article_id == v1.id}
        # Nothing deleted: every old claim and its verdict is still there.
        assert set(old_after) == {c.id for c in old}
        assert all(old_after[c.id].rating == c.rating for c in old)
        assert store.conn.execute("SELECT count(*) FROM verdict_events").fetchone()[0] > (
            events_before
        )
        by_key = {(_norm(c.source), _norm(c.cue), _norm(c.content)): c for c in old}
        unchanged = [c for c in new if (_norm(c.source), _norm(c.cue), _norm(c.content)) in by_key]
        assert unchanged
        for c in unchanged:
            before = by_key[(_norm(c.source), _norm(c.cue), _norm(c.content))]
            assert (c.rating, c.note, c.text_changed) == (before.rating, before.note, False)
        # The hospital toll went from "at least seven" to "at least 11": same claim, new text.
        toll = [c for c in new if "at least 11" in c.content]
        assert toll and toll[0].text_changed and toll[0].rating is not None
        toll_old = next(c for c in old if "at least seven" in c.content)
        assert toll[0].rating == toll_old.rating
        assert "text changed" in (store.history(toll[0].id)[0].note or "")
        # The group's claim that it seized the bridge became the outlet's own finding: the
        # old claim is orphaned with its verdict, the new one (another source) starts unrated.
        bridge_old = next(c for c in old if "seized" in c.content)
        assert old_after[bridge_old.id].status == "orphaned"
        assert old_after[bridge_old.id].rating == bridge_old.rating
        assert store.history(bridge_old.id)[-1].field == "status"
        bridge_new = [c for c in new if "seized" in c.content]
        assert bridge_new and bridge_new[0].rating is None
        # A new rating of a changed claim clears the flag.
        store.record_rating(toll[0].id, 2, reviewer="ben")
        assert store.claim(toll[0].id).text_changed is False  # type: ignore[union-attr]


def test_same_file_updated_in_place_keeps_its_verdicts(tmp_path: Path) -> None:
    article = tmp_path / "story.md"
    base = (
        "---\ntitle: Bridge\noutlet: River Post\npublished: 2025-03-13\n---\n\n"
        "The ministry said the bridge remained under army control.\n\n"
        "Shells hit the hospital on Thursday, killing at least {n} people, the director said.\n\n"
        "{extra}"
    )
    article.write_text(base.format(n="seven", extra="The mayor said schools would close.\n"))
    with Store(tmp_path / "v.db") as store:
        ingest_paths(store, [article], corroborate=False)
        claims = store.claims()
        assert len(claims) >= 2
        for claim in claims:
            store.record_rating(claim.id, 3, reviewer="ana")
        article.write_text(base.format(n="11", extra=""))
        report = ingest_paths(store, [article], corroborate=False)
        assert report.added == 1
        everything = store.claims()
        assert {c.id for c in claims} <= {c.id for c in everything}  # nothing deleted
        rated = [c for c in everything if c.rating is not None]
        assert len(rated) >= len(claims)
        newest = max(a.id for a in store.articles())
        current = [c for c in everything if c.article_id == newest]
        assert current and all(c.rating == 3 for c in current)
        assert any(c.text_changed for c in current)
        school = [c for c in everything if "schools" in c.content]
        assert school and school[0].status == "orphaned" and school[0].rating == 3


def test_a_copy_by_another_outlet_is_not_a_version(tmp_path: Path) -> None:
    with Store(tmp_path / "v.db") as store:
        ingest_paths(store, [SAMPLE / "01_wire_meridian-press_lissow-hospital-shelling.txt"])
        ingest_paths(store, [SAMPLE / "02_copy_greyhaven-times_verbatim.md"])
        copy = store.article_by_name("02_copy_greyhaven-times_verbatim.md")
        assert copy is not None and previous_version(store, copy.id) is None
        assert carry_verdicts(store, copy.id).previous is None


def test_cli_ingest_reports_carried_verdicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "v.db")
    assert main(["ingest", "--db", db, str(V1)]) == 0
    with Store(db) as store:
        for claim in store.claims():
            store.record_rating(claim.id, 1, reviewer="ana")
    capsys.readouterr()
    assert main(["ingest", "--db", db, str(V2)]) == 0
    captured = capsys.readouterr()
    assert "verdicts carried" in captured.out + captured.err
