"""Claim clusters: one statement across copies, versions and relays is one queue row, rated,
undone, split and exported as one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.pilot import Pilot

from verifier.cli import main
from verifier.export import export
from verifier.pipeline import ingest_paths
from verifier.store import Store, open_store
from verifier.store.clusters import cluster_of, rate_cluster, rebuild_clusters, split_claim
from verifier.tui import VerifierApp
from verifier.tui.data import read_snapshot
from verifier.tui.screens.main import MainScreen
from verifier.tui.widgets.claim_queue import ClaimQueue

WIRE = (
    "Prison riot in Varn\n\n"
    "VARN, May 4 (Kestria News Agency) — The interior ministry said on Monday that 40 prisoners "
    "had escaped from the Varn jail after a riot in its east block. The ministry said the army "
    "had sealed the roads around the town of Varn overnight.\n"
)
COPY = WIRE.replace("Prison riot in Varn", "Jailbreak in Varn")
RELAY = (
    "Jailbreak in Varn\n\n"
    "Forty prisoners escaped from the Varn jail after a riot in its east block, the Harbor Post "
    "reported, citing the interior ministry.\n"
)
ELSEWHERE = (
    "Harvest in Osk\n\n"
    "The farmers' union said on Tuesday that the barley harvest in Osk province had doubled.\n"
)


@pytest.fixture
def desk(tmp_path: Path) -> Store:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in {"wire": WIRE, "copy": COPY, "relay": RELAY, "osk": ELSEWHERE}.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    store = open_store(tmp_path / "v.db")
    ingest_paths(store, [folder])
    return store


def escaped_cluster(store: Store) -> list[str]:
    (claim,) = [
        c for c in store.claims() if c.article_name == "wire.txt" and "escaped" in c.content
    ]
    return list(cluster_of(store, claim.id).claim_ids)


def test_copies_and_relays_of_one_statement_are_one_cluster(desk: Store) -> None:
    members = escaped_cluster(desk)
    articles = {c.article_name for c in desk.claims_by_ids(members)}
    assert articles >= {"wire.txt", "copy.txt"}
    assert "osk.txt" not in articles
    ids = read_snapshot(desk).ids
    assert len(ids) < desk.claim_count()
    assert sum(1 for m in members if m in ids) == 1
    rebuild_clusters(desk)  # idempotent
    assert escaped_cluster(desk) == members


def test_a_cluster_rating_rates_every_claim_and_one_undo_reverses_it(desk: Store) -> None:
    members = escaped_cluster(desk)
    session = desk.start_session("ana")
    rate_cluster(desk, members[0], 3, reviewer="ana", session_id=session.id)
    for claim_id in members:
        verdict = desk.verdict(claim_id)
        assert verdict is not None and verdict.rating == 3
        (event,) = desk.history(claim_id)
        assert (event.note or "").startswith(f"via cluster {members[0]}")
    undone = desk.undo_last(reviewer="ana", session_id=session.id)
    assert undone is not None and undone.claim_id == members[0]
    assert all(desk.verdict(m).rating is None for m in members)  # type: ignore[union-attr]


def test_a_split_claim_stays_out_after_another_ingest(desk: Store, tmp_path: Path) -> None:
    members = escaped_cluster(desk)
    out = members[-1]
    split_claim(desk, out, reviewer="ana")
    assert cluster_of(desk, out).size == 1
    assert [e.field for e in desk.history(out)] == ["cluster"]
    later = tmp_path / "later"
    later.mkdir()
    (later / "copy2.txt").write_text(WIRE.replace("Varn\n", "Varn today\n", 1), "utf-8")
    ingest_paths(desk, [later])
    assert cluster_of(desk, out).size == 1
    with pytest.raises(ValueError, match="in no cluster"):
        split_claim(desk, out, reviewer="ana")


def test_cluster_cli_shows_and_splits(desk: Store, capsys: pytest.CaptureFixture[str]) -> None:
    members = escaped_cluster(desk)
    db = desk.path
    assert main(["cluster", "show", members[0], "--format", "jsonl", "--db", db]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["claim_id"] for r in rows] == members
    assert main(["cluster", "split", members[-1], "--db", db, "--reviewer", "ana"]) == 0
    assert "split out of cluster" in capsys.readouterr().out
    assert main(["cluster", "split", members[-1], "--db", db]) == 2
    assert "in no cluster" in capsys.readouterr().err


def test_exports_have_one_row_per_cluster(desk: Store, tmp_path: Path) -> None:
    import io

    members = escaped_cluster(desk)
    out = io.StringIO()
    export(desk, "jsonl", out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    ids = [r["claim_id"] for r in rows]
    assert sum(1 for m in members if m in ids) == 1
    (row,) = [r for r in rows if r["claim_id"] in members]
    assert row["cluster_claims"] == members
    assert len(row["appearances"]) >= len(members)
    csv_out = io.StringIO()
    export(desk, "csv", csv_out)
    header, *lines = csv_out.getvalue().splitlines()
    assert "appearance_count" in header.split(",")
    assert len(lines) == len(rows)


async def _settle(app: VerifierApp, pilot: Pilot[None]) -> None:
    await app.settled()
    await pilot.pause()
    await app.settled()
    await pilot.pause()


async def test_pilot_rate_a_cluster_undo_and_split(desk: Store) -> None:
    members = escaped_cluster(desk)
    app = VerifierApp(desk, "ana")
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        queue = screen.query_one(ClaimQueue)
        queue.cursor = screen.model.index_of(members[0])  # type: ignore[assignment]
        await _settle(app, pilot)
        await pilot.press("4")
        await _settle(app, pilot)
        check = Store(desk.path)
        assert [check.verdict(m).rating for m in members] == [4] * len(members)  # type: ignore[union-attr]
        await pilot.press("u")
        await _settle(app, pilot)
        assert [check.verdict(m).rating for m in members] == [None] * len(members)  # type: ignore[union-attr]
        rows = len(screen.model)
        queue.cursor = screen.model.index_of(members[0])  # type: ignore[assignment]
        await _settle(app, pilot)
        await pilot.press("c")
        await _settle(app, pilot)
        assert cluster_of(check, members[0]).size == 1
        assert len(screen.model) == rows + 1
        assert [e.field for e in check.history(members[0])][-1] == "cluster"
        check.close()


def test_the_queue_row_says_how_many_copies_and_outlets(desk: Store) -> None:
    members = escaped_cluster(desk)
    (claim,) = desk.claims_by_ids([members[0]])
    assert claim.cluster_size == len(members)
    assert 1 <= claim.cluster_outlets <= len(members)
    (other,) = desk.claims_by_ids([members[1]])
    assert other.cluster_size == 1  # only the first appearance stands for the cluster


def test_a_statement_about_someone_else_is_not_the_same_statement() -> None:
    """Two events of one kind repeat background words ("was on probation for a previous DUI
    arrest") about different people: a copy names whom its original names."""
    from verifier.text.speakers import same_names

    assert not same_names(
        "Jackson was on probation for a previous DUI arrest",
        "He was on probation for a previous DUI arrest",
    )
    assert not same_names(
        "his club had also made an eight-year offer",
        "he has made an eight-year offer to free agent first baseman Mark Teixeira",
    )
    assert same_names(
        "The fire was set at the entrance of the church in Wasilla",
        "the fire was lit at the entrance in Wasilla and moved inward",
    )
