"""Relations and independence against the hand-made gold: the seeds and the sample corpus.

The gold's relation names map to the stored ones (``supports_partly`` -> ``partly_supports``).
Every pair must get its relation and its ``independent`` flag right; the one sample pair the
text alone cannot settle is marked as a known failure, strictly, so fixing it is noticed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from verifier.corroborate import judge_passages
from verifier.corroborate.compare import SUPPORTING
from verifier.corroborate.passages import search_evidence
from verifier.pipeline import ingest_paths
from verifier.store import Store
from verifier.store.stories import figure_conflicts
from verifier.text.terms import normalise_sentence

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "data" / "sample"
GOLD_NAMES = {"supports_partly": "partly_supports"}
# The video shows smoke and a blast, the claim says the hospital was shelled: only the story
# context (this is the Ledger's hospital report) links them, and no word of the two does.
KNOWN_MISSES = {"shows smoke pouring from the east wing as a second blast tears through"}


def _pairs(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _params(
    path: Path, misses: set[str] = KNOWN_MISSES, reason: str = "needs story context"
) -> list[object]:
    """Each gold pair as a test case; those whose evidence starts with one of ``misses`` are
    strict xfails, so fixing one is noticed."""
    out = []
    for number, pair in enumerate(_pairs(path), start=1):
        marks = []
        if any(str(pair["text_b"]).startswith(m) for m in misses):
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        out.append(pytest.param(pair, id=f"pair{number}", marks=marks))
    return out


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not available")
    with Store(tmp_path_factory.mktemp("seeds") / "v.db") as store:
        ingest_paths(store, [SHARED / "seeds"])
        yield store


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("sample") / "v.db") as store:
        ingest_paths(store, [SAMPLE])
        yield store


def _check(store: Store, pair: dict[str, object]) -> None:
    judgement = judge_passages(
        store, str(pair["doc_a"]), str(pair["text_a"]), str(pair["doc_b"]), str(pair["text_b"])
    )
    want = GOLD_NAMES.get(str(pair["relation"]), str(pair["relation"]))
    assert (judgement.relation, judgement.independent) == (want, pair["independent"]), (
        pair["note"],
        judgement.reasons,
    )


@pytest.mark.parametrize("pair", _params(SHARED / "gold" / "seeds.corroboration.jsonl"))
def test_seed_gold_pair(seeds_store: Store, pair: dict[str, object]) -> None:
    _check(seeds_store, pair)


@pytest.mark.parametrize("pair", _params(SAMPLE / "gold.corroboration.jsonl"))
def test_sample_gold_pair(sample_store: Store, pair: dict[str, object]) -> None:
    _check(sample_store, pair)


def test_the_seeds_are_found_to_be_one_report(seeds_store: Store) -> None:
    articles = seeds_store.articles()
    assert len(articles) == 2
    assert len({a.story_id for a in articles}) == 1
    copies = [a for a in articles if a.copy_of or a.version_of]
    assert len(copies) == 1 and copies[0].copy_kind in ("copy", "version")


def test_no_seed_claim_has_independent_support_from_the_other_seed(seeds_store: Store) -> None:
    checked = 0
    for claim in seeds_store.claims():
        for e in seeds_store.evidence(claim.id):
            if e.article_id != claim.article_id:
                checked += 1
                assert not (e.independent and e.relation in SUPPORTING), (claim.content, e)
        # The count a reviewer sees is made of same-article sources only.
        own = {
            e.reasons[-1]
            for e in seeds_store.evidence(claim.id)
            if e.independent and e.relation in SUPPORTING and e.article_id == claim.article_id
        }
        assert claim.independent_support <= len(own)
    assert checked > 20


def test_independent_counts_are_stored(seeds_store: Store) -> None:
    sana = [c for c in seeds_store.claims() if "artillery shell struck" in c.content]
    assert sana
    for claim in sana:
        # The anonymous employee and the geolocated video, in the claim's own article.
        assert claim.independent_support >= 2
    denial = [c for c in seeds_store.claims() if c.stance == "denies"]
    assert denial and all(c.independent_contradict >= 1 for c in denial)


def test_figure_conflicts_say_who_gives_which_figure(sample_store: Store) -> None:
    claims = [c for c in sample_store.claims() if "killing at least nine people" in c.content]
    assert claims
    found = figure_conflicts(sample_store, claims[0].id)
    killed = [f for f in found if f.event == "killed"]
    assert killed, found
    figures = [int(n) for n, _ in killed[0].entries]
    assert 9 in figures and 14 in figures and figures == sorted(figures)
    assert killed[0].summary.startswith("killed: ")
    assert "(" in killed[0].summary and " – " in killed[0].summary


def test_sample_copies_and_versions(sample_store: Store) -> None:
    by_name = {a.name[:2]: a for a in sample_store.articles()}
    assert by_name["02"].copy_of == by_name["01"].id and by_name["02"].copy_kind == "copy"
    assert by_name["03"].copy_of == by_name["01"].id
    assert by_name["10"].version_of == by_name["09"].id and by_name["10"].copy_kind == "version"
    for key in ("04", "05", "06", "07", "08", "11", "12"):
        assert by_name[key].copy_of is None and by_name[key].version_of is None
    assert len({a.story_id for a in by_name.values()}) == 1


WIRE = "01_wire_meridian-press_lissow-hospital-shelling.txt"
ACCUSATION = "The Defence Ministry accused the Marren Liberation Front of firing the shells"


def test_the_accused_accusing_back_contradicts_the_accusation(sample_store: Store) -> None:
    j = judge_passages(
        sample_store, WIRE, ACCUSATION, WIRE, "accused the army of shelling the town"
    )
    assert (j.relation, j.independent) == ("contradicts", True), j.reasons
    assert "the accused party accuses the other side" in j.reasons


def test_the_accusers_own_denial_of_the_other_account_is_one_position(
    sample_store: Store,
) -> None:
    j = judge_passages(
        sample_store,
        WIRE,
        ACCUSATION,
        "04_state-media_knna_government-account.md",
        "The Defence Ministry denied reports that army artillery had fired on Lissow",
    )
    assert (j.relation, j.independent) == ("partly_supports", False), j.reasons


def test_a_denial_inside_another_sources_sentence_is_the_deniers(sample_store: Store) -> None:
    j = judge_passages(
        sample_store,
        WIRE,
        ACCUSATION,
        "05_independent_continental-ledger_hospital-evidence.html",
        "The Defence Ministry blamed the Marren Liberation Front, which denied firing on the town",
    )
    assert (j.relation, j.independent) == ("contradicts", True), j.reasons
    assert j.reasons[-1] == "source: Marren Liberation Front"


def test_the_accused_partys_contrary_account_contradicts(tmp_path: Path) -> None:
    """ "X blamed the Dorn dam's operator for failing to open the sluices" answered by the
    operator's "the sluices were opened": written here, so the test owns its text."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        "---\noutlet: Northline Wire\npublished: 2026-04-02\n---\n"
        "Flash floods swept through the Varna valley on Tuesday.\n\n"
        "The governor blamed the Dorn Water Company for failing to open the dam sluices in time.\n",
        encoding="utf-8",
    )
    (corpus / "b.md").write_text(
        "---\noutlet: Business Daily\npublished: 2026-04-04\n---\n"
        "The Dorn Water Company said on Thursday that its logs showed the dam sluices were "
        "opened on Monday, a day before the floods.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "v.db") as store:
        ingest_paths(store, [corpus])
        j = judge_passages(
            store,
            "a.md",
            "the Dorn Water Company for failing to open the dam sluices in time",
            "b.md",
            "its logs showed the dam sluices were opened on Monday",
        )
    assert (j.relation, j.independent) == ("contradicts", True), j.reasons
    assert "the accused party's account says otherwise" in j.reasons


# -- retrieval: is each gold pair's evidence found, and labelled right? ------------------------
# ``_check`` judges a pair handed over directly; here the claim is typed as a user (or a
# scorer) would, ``verifier evidence TEXT --article DOC_A``, and the gold evidence must come
# back among the results with its relation and independence. An ``unrelated`` pair may be
# left out (that is what unrelated means) but never returned as anything else.

# Evidence that shares no searchable word with its claim: a video's smoke and flag for a
# shelling and a seizure, and the NGO saying it has no town-wide figure.
UNREACHED = "no shared searchable word"
NOT_REACHED = {
    "shows the group’s green-and-white flag over the checkpoint",
    "shows smoke pouring from the east wing as a second blast",
    "KRS does not have a figure for the town as a whole",
}


def _check_found(store: Store, pair: dict[str, object]) -> None:
    results = search_evidence(store, str(pair["text_a"]), article_name=str(pair["doc_a"]))
    want = normalise_sentence(str(pair["text_b"]))
    doc_b = str(pair["doc_b"]).rsplit(".", 1)[0]
    found = [
        (hit, judgement)
        for hit, judgement in results
        if hit.article_name.startswith(doc_b)
        and (
            want[:40] in normalise_sentence(hit.sentence)
            or normalise_sentence(hit.sentence)[:40] in want
        )
    ]
    relation = GOLD_NAMES.get(str(pair["relation"]), str(pair["relation"]))
    if relation == "unrelated" and not found:
        return
    assert found, (pair["note"], [h.sentence[:60] for h, _ in results])
    hit, judgement = found[0]
    assert (judgement.relation, judgement.independent) == (relation, pair["independent"]), (
        pair["note"],
        hit.rank,
        judgement.reasons,
    )


@pytest.mark.parametrize(
    "pair",
    _params(SHARED / "gold" / "seeds.corroboration.jsonl", NOT_REACHED, UNREACHED),
)
def test_seed_gold_evidence_is_found(seeds_store: Store, pair: dict[str, object]) -> None:
    _check_found(seeds_store, pair)


@pytest.mark.parametrize(
    "pair", _params(SAMPLE / "gold.corroboration.jsonl", NOT_REACHED, UNREACHED)
)
def test_sample_gold_evidence_is_found(sample_store: Store, pair: dict[str, object]) -> None:
    _check_found(sample_store, pair)
