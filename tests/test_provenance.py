"""Who really said it: appearances across articles and the attribution status of each claim."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.evaluation import token_f1
from verifier.models import ClaimRecord
from verifier.pipeline import ingest_paths
from verifier.provenance import track_all
from verifier.provenance.tracking import carries, numbers
from verifier.store import Store, open_store
from verifier.store.appearances import appearances_of, claim_ids_with_status, first_appearance
from verifier.text.cues import cue_strength
from verifier.text.speakers import same_speaker

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
SEEDS = ROOT.parent / "shared" / "seeds"

WIRE = (
    "Prison riot in Varn\n\n"
    "VARN, May 4 (Kestria News Agency) — The interior ministry said on Monday that 40 prisoners "
    "had escaped from the Varn jail after a riot in its east block.\n"
)
RELAY = (
    "Jailbreak in Varn\n\n"
    "Forty prisoners escaped from the Varn jail after a riot in its east block, the Harbor Post "
    "reported, citing the interior ministry.\n"
)
OTHER = (
    "Varn jail\n\n"
    "Forty prisoners escaped from the Varn jail after a riot in its east block, according to the "
    "prison guards union.\n"
)
DROPPED = "Varn\n\nForty prisoners escaped from the Varn jail after a riot in its east block.\n"
HEDGED = (
    "Varn riot\n\n"
    "The interior ministry claimed that 40 prisoners had escaped from the Varn jail after a riot "
    "in its east block.\n"
)


def corpus(tmp_path: Path, **articles: str) -> Store:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    store = open_store(tmp_path / "v.db")
    ingest_paths(store, [folder])
    return store


def wire_claim(store: Store) -> str:
    (claim,) = [c for c in store.claims() if c.article_name == "wire.txt"]
    return claim.id


def test_relay_resolves_to_the_original_source(tmp_path: Path) -> None:
    with corpus(tmp_path, wire=WIRE, relay=RELAY) as store:
        claim = store.claim(wire_claim(store))
        assert claim is not None and claim.attribution_status == "consistent"
        statuses = {a.article_name: a.status for a in appearances_of(store, claim)}
        assert statuses == {"wire.txt": "same_source", "relay.txt": "relay"}


def test_another_source_for_the_same_content_is_a_conflict(tmp_path: Path) -> None:
    with corpus(tmp_path, wire=WIRE, other=OTHER) as store:
        claim = store.claim(wire_claim(store))
        assert claim is not None and claim.attribution_status == "conflict"
        other = [a for a in appearances_of(store, claim) if not a.original]
        assert [(a.status, a.canonical_source) for a in other] == [
            ("other_source", "prison guards union")
        ]


INDEPENDENT = (
    "Varn\n\n"
    "Forty prisoners fled Varn jail during Monday's riot in the east block, the prison guards "
    "union said.\n"
)


def test_an_independent_source_in_its_own_words_is_also_said_by_not_conflict(
    tmp_path: Path,
) -> None:
    with corpus(tmp_path, wire=WIRE, indep=INDEPENDENT) as store:
        claim = store.claim(wire_claim(store))
        assert claim is not None and claim.attribution_status == "consistent"
        other = [a for a in appearances_of(store, claim) if not a.original]
        assert [(a.status, a.canonical_source) for a in other] == [
            ("also_said_by", "prison guards union")
        ]
        assert claim.independent_support >= 1


def test_dropped_attribution_is_drift(tmp_path: Path) -> None:
    with corpus(tmp_path, wire=WIRE, dropped=DROPPED) as store:
        claim = store.claim(wire_claim(store))
        assert claim is not None and claim.attribution_status == "drift"
        other = [a for a in appearances_of(store, claim) if not a.original]
        assert [(a.status, a.source) for a in other] == [("unattributed", None)]


def test_hedged_then_stated_is_drift(tmp_path: Path) -> None:
    with corpus(tmp_path, wire=WIRE, hedged=HEDGED) as store:
        claim = store.claim(wire_claim(store))
        assert claim is not None and claim.attribution_status == "drift"


def test_a_claim_found_nowhere_else_is_single(tmp_path: Path) -> None:
    with corpus(tmp_path, wire=WIRE) as store:
        claim = store.claim(wire_claim(store))
        assert claim is not None and claim.attribution_status == "single"
        assert [a.original for a in appearances_of(store, claim)] == [True]


def test_a_different_figure_is_not_the_same_report() -> None:
    from verifier.provenance.tracking import _stems

    content = "40 prisoners had escaped from the Varn jail after a riot"
    stems = _stems(content)
    assert numbers("Forty prisoners, not 4, escaped") == {40.0, 4.0}
    assert carries(stems, numbers(content), "Forty prisoners escaped from the Varn jail in a riot")
    # The words alone would match: the figure decides.
    assert not carries(stems, numbers(content), "Twelve prisoners escaped from the Varn jail riot")


def test_cue_strength_orders_hedged_reported_confirmed() -> None:
    assert cue_strength("claimed", "armed_group") == 0
    assert cue_strength("said", "government") == 1
    assert cue_strength("according to", "ngo") == 1
    assert cue_strength("has confirmed", "outlet") == 2
    assert cue_strength("reported", "outlet") == 2
    assert cue_strength(None, None) == 2


def test_same_speaker_allows_for_the_forms_news_uses(tmp_path: Path) -> None:
    text = (
        "Ministry story\n\n"
        "Mira Oduya, a spokesperson for the ministry, said 23 people had died in Tavel.\n\n"
        "At least 23 people died in Tavel, according to the health ministry.\n\n"
        "At least 23 people died in Tavel, according to the Ministry of Health.\n\n"
        "At least 23 people died in Tavel, according to the Relief Society.\n"
    )
    with corpus(tmp_path, one=text) as store:
        spokesperson, ministry, of_health, society = store.claims()
        assert same_speaker(spokesperson, ministry)
        assert same_speaker(ministry, of_health)
        assert not same_speaker(ministry, society)


def test_first_appearance_is_the_earliest_dated(tmp_path: Path) -> None:
    early = "---\ntitle: Early\npublished: 2025-05-01\n---\n" + WIRE.split("\n\n", 1)[1]
    late = "---\ntitle: Late\npublished: 2025-05-03\n---\n" + RELAY.split("\n\n", 1)[1]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "late.md").write_text(late, encoding="utf-8")
    (folder / "early.md").write_text(early, encoding="utf-8")
    with open_store(tmp_path / "v.db") as store:
        ingest_paths(store, [folder])
        # the relay's sentence holds two claims ("the Harbor Post reported", "citing the
        # interior ministry"): the earlier dated article is the first appearance of both
        claims = [c for c in store.claims() if c.article_name == "late.md"]
        assert {c.cue for c in claims} == {"reported", "citing"}
        for claim in claims:
            first = first_appearance(appearances_of(store, claim))
            assert first is not None and first.article_name == "early.md"
            assert first.published == "2025-05-01"


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = open_store(tmp_path_factory.mktemp("prov") / "sample.db")
    ingest_paths(store, [SAMPLE])
    return store


def test_sample_gold_statuses(sample_store: Store) -> None:
    claims = sample_store.claims()
    gold = [json.loads(line) for line in (SAMPLE / "gold.appearances.jsonl").open()]
    assert {g["status"] for g in gold} >= {"conflict", "drift", "consistent"}
    for entry in gold:
        first = entry["appearances"][0]
        here = [c for c in claims if c.article_name == first["doc"]]
        claim = max(here, key=lambda c: token_f1(c.sentence, first["text"]))
        assert claim.attribution_status == entry["status"], entry["claim"]
        if entry["status"] == "drift":
            found = {a.article_name: a for a in appearances_of(sample_store, claim)}
            for expected in entry["appearances"][1:]:
                if expected["source"] is None:
                    assert found[expected["doc"]].status == "unattributed", entry["claim"]


def test_claims_cli_lists_drift_and_attributions_cli_prints_appearances(
    sample_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    db = sample_store.path
    assert main(["claims", "--attribution-status", "drift", "--format", "jsonl", "--db", db]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and {r["attribution_status"] for r in rows} == {"drift"}
    assert len(rows) == len(claim_ids_with_status(sample_store, "drift"))
    assert main(["attributions", rows[0]["claim_id"], "--format", "jsonl", "--db", db]) == 0
    apps = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(apps) >= 2
    for app in apps:
        assert {"article", "outlet", "published", "source", "cue", "hedged", "status"} <= set(app)
        assert app["status"] in ("same_source", "other_source", "unattributed", "relay")
    assert sum(app["first"] for app in apps) == 1
    assert main(["attributions", "nope", "--db", db]) == 2
    assert "nope" in capsys.readouterr().err


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not beside the repo")
def test_seeds_rebels_entered_aleppo_is_drift_and_repeats_are_consistent(tmp_path: Path) -> None:
    with open_store(tmp_path / "seeds.db") as store:
        ingest_paths(store, [SEEDS])
        texts = {a.name: store.article(a.id).text for a in store.articles()}  # type: ignore[union-attr]
        claims = store.claims()
        drift = [c for c in claims if c.attribution_status == "drift"]
        entered = [c for c in drift if re.search(r"entered Aleppo", c.content)]
        assert len(entered) == 1 and entered[0].cue == "claim"
        other = [a for a in appearances_of(store, entered[0]) if not a.original]
        assert [a.status for a in other] == ["unattributed"]
        # A claim whose source and content stand word for word in the other version too.
        checked = 0
        for claim in claims:
            (other_name,) = [n for n in texts if n != claim.article_name]
            if claim.content in texts[other_name] and claim.source in texts[other_name]:
                assert claim.attribution_status == "consistent", claim.content
                checked += 1
        assert checked >= 10
        track_all(store)  # idempotent
        assert [c.attribution_status for c in store.claims()] == [
            c.attribution_status for c in claims
        ]


def test_a_later_ingest_updates_the_status_of_claims_already_stored(tmp_path: Path) -> None:
    """Tracking after an ingest covers the stories the new article joined, old claims included."""
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    (first / "wire.txt").write_text(WIRE, encoding="utf-8")
    (later / "dropped.txt").write_text(DROPPED, encoding="utf-8")
    with open_store(tmp_path / "v.db") as store:
        ingest_paths(store, [first])
        assert store.claim(wire_claim(store)).attribution_status == "single"  # type: ignore[union-attr]
        ingest_paths(store, [later])
        assert store.claim(wire_claim(store)).attribution_status == "drift"  # type: ignore[union-attr]


def test_only_two_named_voices_can_be_a_misattribution(tmp_path: Path) -> None:
    """A relay, an unread speaker or two forms of one name never make a conflict."""
    from dataclasses import replace

    from verifier.text.speakers import may_be_one_voice, shares_a_name, unknown_speaker

    with corpus(tmp_path, wire=WIRE) as store:
        base = store.claim(wire_claim(store))
        assert base is not None

        def said_by(source: str) -> ClaimRecord:
            return replace(
                base,
                source=source,
                resolved_source=source,
                canonical_source=source,
                source_type="unknown",
            )

        assert shares_a_name(said_by("India's navy"), said_by("the Indian navy"))
        assert unknown_speaker(said_by("Additionally, it"))
        assert unknown_speaker(said_by("`` With deep personal sadness I"))
        assert may_be_one_voice(said_by("the Baton Rouge Advocate"), said_by("Payton"))
        assert not may_be_one_voice(said_by("The USGS"), said_by("Iran's seismologic center"))
        # "One witness" is an unnamed person: may be anyone, the named speaker included
        witness = replace(said_by("One witness"), source_type="eyewitness")
        assert may_be_one_voice(witness, said_by("Dorsey"))


def test_a_name_cut_at_an_initial_and_a_role_after_its_body_are_read(tmp_path: Path) -> None:
    """ "General Manager A.J" (the segmenter cut "A.J. Smith") is unread, never a second
    speaker; "a navy spokesman" speaks for the navy."""
    from dataclasses import replace

    from verifier.text.speakers import affiliations, unknown_speaker

    with corpus(tmp_path, wire=WIRE) as store:
        base = store.claim(wire_claim(store))
        assert base is not None

        def said_by(source: str) -> ClaimRecord:
            return replace(base, source=source, resolved_source=source, canonical_source=source)

        assert unknown_speaker(said_by("General Manager A.J"))
        assert unknown_speaker(said_by("statement that the Alaska governor"))
        assert not unknown_speaker(said_by("Lt. Gregg Hastings"))
        assert affiliations("Commodore Nirad Sinha, a navy spokesman") == ["navy"]
        assert same_speaker(
            said_by("Commodore Nirad Sinha, a navy spokesman"), said_by("The Indian navy")
        )


def test_an_actor_is_no_speaker_to_pin_words_on() -> None:
    from verifier.text.cues import is_reporting_cue

    assert all(is_reporting_cue(c) for c in ("said", "according to", "noted", "told", "citing"))
    assert not any(is_reporting_cue(c) for c in ("approved", "was appointed", "Pastor", None))


def test_inverted_and_declining_cues_read_as_attributed() -> None:
    from verifier.text.cues import reads_as_attributed

    assert reads_as_attributed("(Fox's option would trump Lionsgate's hold, say sources.)")
    assert reads_as_attributed("The pastor declined to say whether the church had threats.")
    assert not reads_as_attributed("Voters say the economy, jobs and taxes matter most.")
    assert not reads_as_attributed("The pirates were from Somalia and Yemen.")
    assert reads_as_attributed("The coroner believes LaRue died Saturday of natural causes.")


def test_a_name_is_no_shared_wording() -> None:
    """ "in the Gulf of Aden" in two sentences is the place, not one telling copied."""
    from verifier.text.retelling import same_telling

    assert not same_telling(
        "The pirates were about to board a vessel in the Gulf of Aden when caught.",
        ["The navy said it had sunk a pirate mother vessel in the Gulf of Aden."],
    )


CONTINUED = (
    "Varn\n\n"
    "The interior ministry said on Monday that the riot began in the east block.\n\n"
    "Forty prisoners had escaped from the Varn jail after a riot in its east block.\n"
)
AFTER_ANOTHER = (
    "Varn\n\n"
    "The prison guards union said on Monday that the riot began in the east block.\n\n"
    "Forty prisoners had escaped from the Varn jail after a riot in its east block.\n"
)


def test_a_sentence_continuing_its_speakers_account_is_no_drift(tmp_path: Path) -> None:
    """News attributes once and lets the next sentence carry on: after the ministry's own
    words the bare sentence is read as theirs (unread), after someone else's it is a drop."""
    with corpus(tmp_path, wire=WIRE, cont=CONTINUED) as store:
        claim = store.claim(wire_claim(store))
        assert claim is not None and claim.attribution_status == "consistent"
        hows = [a.status for a in appearances_of(store, claim) if not a.original]
        assert hows == ["unread"]
    (tmp_path / "b").mkdir()
    with corpus(tmp_path / "b", wire=WIRE, other=AFTER_ANOTHER) as store:
        claim = store.claim(wire_claim(store))
        assert claim is not None and claim.attribution_status == "drift"
