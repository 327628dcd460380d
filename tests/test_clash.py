"""A candidate's own figures saying it reports another event than the claim's."""

from __future__ import annotations

from pathlib import Path

from verifier.corroborate.clash import event_clash, read_claim_event
from verifier.text.passage import read_passage


def _event(*texts: str):  # type: ignore[no-untyped-def]
    return read_claim_event(read_passage(t) for t in texts)


def test_a_quake_of_another_magnitude_is_another_quake() -> None:
    event = _event(
        "Quake kills 14 on Varnö island",
        "A magnitude 6.1 earthquake struck Varnö island on Monday, killing 14 people.",
    )
    assert event_clash(event, read_passage("A magnitude 5.2 quake injured three on Varnö."))
    # Agencies give one quake's magnitude within a few tenths.
    assert event_clash(event, read_passage("The 5.9-magnitude quake shook Varnö.")) is None
    # One magnitude shared is one quake, whatever else differs.
    both = read_passage("The magnitude 6.1 quake was followed by a magnitude 4.8 aftershock.")
    assert event_clash(event, both) is None


def test_a_toll_an_order_of_magnitude_off_is_another_events() -> None:
    event = _event("Flash floods kill 12 in the Dravna valley")
    assert event_clash(event, read_passage("The 1998 floods killed 400 people in the valley."))
    # A toll grows as it is counted: three, then twelve, is one flood.
    assert event_clash(event, read_passage("Three people were killed in the floods.")) is None
    # Counts of another kind are not compared.
    assert event_clash(event, read_passage("About 300 people were injured.")) is None


def test_a_claim_stating_no_figure_clashes_with_nothing() -> None:
    event = _event("Rescuers searched the valley on Tuesday.")
    assert not event
    assert event_clash(event, read_passage("The floods killed 400 people.")) is None


SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def test_a_stored_claims_event_is_its_sentence_and_its_articles_lead(tmp_path: Path) -> None:
    from verifier.corroborate.clash import claim_event
    from verifier.pipeline import ingest_paths
    from verifier.store import Store
    from verifier.store.stories import article_lead, article_lead_facts

    with Store(tmp_path / "v.db") as store:
        ingest_paths(store, [SAMPLE])
        claim = next(c for c in store.claims() if _event(c.sentence).tolls)
        leads: dict[int, tuple] = {}  # type: ignore[type-arg]
        event = claim_event(store, claim, leads)
        lead = article_lead_facts(store, claim.article_id, 2)
        assert len(lead) == len(article_lead(store, claim.article_id, 2))
        assert leads[claim.article_id] == tuple(lead)
        assert set(_event(claim.sentence).tolls) <= set(event.tolls)


def test_the_judge_sets_a_candidate_of_another_quake_apart(tmp_path: Path) -> None:
    """Two reports sharing the island and the toll: the one giving another magnitude is
    another quake's, unrelated however much it shares; one within a few tenths bears on it."""
    from verifier.corroborate import judge_passages
    from verifier.pipeline import ingest_paths
    from verifier.store import Store

    desk = tmp_path / "desk"
    desk.mkdir()
    lead = "A magnitude 6.1 earthquake struck Varnö island on Monday, killing 14 people."
    (desk / "a.md").write_text(
        "---\ntitle: Quake kills 14 on Varnö island\noutlet: Harbour Post\n---\n\n"
        f"{lead} Rescuers searched the rubble overnight.\n",
        encoding="utf-8",
    )
    other = "Fourteen people died when a 5.2-magnitude quake hit Varnö, police said."
    same = "Fourteen people died when a 6.0-magnitude quake hit Varnö, police said."
    for name, text in (("b.md", other), ("c.md", same)):
        (desk / name).write_text(
            f"---\ntitle: Earthquake on Varnö\noutlet: Outlet {name[0]}\n---\n\n{text}\n",
            encoding="utf-8",
        )
    with Store(tmp_path / "v.db") as store:
        ingest_paths(store, [desk])
        apart = judge_passages(store, "a.md", lead, "b.md", other)
        assert apart.relation == "unrelated"
        assert apart.reasons[0].startswith("another event: its magnitude")
        near = judge_passages(store, "a.md", lead, "c.md", same)
        assert near.relation in ("supports", "partly_supports")
