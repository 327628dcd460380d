"""Unit tests of what the triage TUI stands on without Textual: the check-worthiness score,
the settings file, and the queue's filters and order in the store."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures_store import make_store
from verifier.config import load_config, save_reviewer
from verifier.models import ClaimFacts
from verifier.priority import compute_priorities, score_claim
from verifier.store import ClaimFilter, Store
from verifier.store.triage import queue_rows, source_record, tallies

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = make_store(tmp_path)
    yield s
    s.close()


def _by_content(store: Store, words: str) -> str:
    return next(c.id for c in store.claims() if words in c.content)


# -- priority ----------------------------------------------------------------------------------


def test_casualty_figures_from_one_side_outrank_an_eyewitness_impression(store: Store) -> None:
    claims = {c.id: c for c in store.claims()}
    toll = claims[_by_content(store, "27 people were killed")]
    jets = claims[_by_content(store, "hear the jets")]
    assert "casualties" in score_claim(toll).reasons
    assert score_claim(toll).score > score_claim(jets).score


def test_each_signal_raises_the_score_and_a_call_lowers_it(store: Store) -> None:
    base = store.claims()[0]
    plain = dataclasses.replace(
        base,
        content="the talks would resume",
        facts="",
        source_type="ngo",
        stance="asserts",
        hedges=(),
        independent_support=1,
    )
    start = score_claim(plain).score
    for change, reason in (
        ({"source_type": "state_media"}, "one-sided source"),
        ({"source_type": "anonymous"}, "anonymous source"),
        ({"independent_support": 0}, "no independent support"),
        ({"independent_contradict": 2}, "contradicted"),
        ({"stance": "denies"}, "denial"),
        ({"facts": json.dumps({"quantities": [{"text": "12 wounded"}]})}, "casualties"),
        ({"facts": json.dumps({"quantities": [{"value": 3, "unit": "tanks"}]})}, "figures"),
    ):
        changed = score_claim(dataclasses.replace(plain, **change))  # type: ignore[arg-type]
        assert reason in changed.reasons and changed.score > start, reason
    assert "conflicting figures" in score_claim(plain, conflicts=1).reasons
    assert score_claim(dataclasses.replace(plain, stance="calls_for")).score <= start


def test_a_belief_ranks_below_the_same_claim_as_speech(store: Store) -> None:
    claim = dataclasses.replace(
        store.claims()[0], facts="", source_type="state_media", independent_support=0
    )
    belief = score_claim(dataclasses.replace(claim, kind="belief"))
    assert "belief" in belief.reasons
    assert belief.score < score_claim(dataclasses.replace(claim, kind="speech")).score


def test_unreadable_facts_are_no_facts() -> None:
    for stored in ("{not json", '"a string"', "[1, 2]", '{"quantities": [1, "x"]}', "", None):
        assert ClaimFacts.read(stored).quantities == ()


def test_compute_priorities_orders_the_queue(store: Store) -> None:
    assert compute_priorities(store) == 12
    ids = store.claim_ids()
    priorities = [c.priority for c in store.claims_by_ids(ids)]
    assert priorities == sorted(priorities, reverse=True) and priorities[0] > 0
    assert store.claim_ids(ClaimFilter(sort="article")) == [c.id for c in store.claims()]


def test_ingest_writes_priorities(tmp_path: Path) -> None:
    from verifier.pipeline import ingest_paths

    with Store(tmp_path / "sample.db") as store:
        ingest_paths(store, [ROOT / "data" / "sample"])
        scores = {c.priority for c in store.claims()}
        assert len(scores) > 2 and max(scores) > 0


# -- filters and the queue -------------------------------------------------------------------


def test_story_conflict_and_support_filters(store: Store) -> None:
    first, second = store.claim_ids()[:2]
    with store.transaction() as conn:
        conn.execute("INSERT INTO stories (id, label) VALUES (1, 'Tessaly')")
        conn.execute("UPDATE articles SET story_id = 1 WHERE id = 1")
        conn.execute(
            "INSERT INTO figure_conflicts (claim_id, event, summary, entries)"
            " VALUES (?, 'deaths', '27 vs 31', '[]')",
            (second,),
        )
        conn.execute("UPDATE claims SET independent_support = 1 WHERE id = ?", (first,))
    in_story = store.claim_ids(ClaimFilter(story_id=1))
    assert in_story and all(c.article_id == 1 for c in store.claims_by_ids(in_story))
    assert store.claim_ids(ClaimFilter(has_conflict=True)) == [second]
    unsupported = store.claim_ids(ClaimFilter(no_independent_support=True))
    assert first not in unsupported and len(unsupported) == 11


def test_queue_rows_agree_with_claim_ids(store: Store) -> None:
    compute_priorities(store)
    ids = store.claim_ids()
    store.record_rating(ids[3], 2, reviewer="a")
    for flt in (None, ClaimFilter(outlet="Northern Ledger"), ClaimFilter(rating=0)):
        rows = queue_rows(store, flt)
        assert [claim_id for claim_id, _ in rows] == store.claim_ids(flt)
        assert {claim_id for claim_id, rated in rows if rated} <= {ids[3]}


def test_tallies_and_source_record(store: Store) -> None:
    ids = store.claim_ids(ClaimFilter(sort="article"))
    store.record_rating(ids[0], 1, reviewer="a")
    store.record_source_grade(ids[0], "B", reviewer="a")
    by_rating = {t.label: t.claims for t in tallies(store, "rating")}
    assert by_rating == {"not rated": 11, "supported": 1}
    assert sum(t.claims for t in tallies(store, "outlet")) == 12
    claim = store.claim(ids[0])
    assert claim is not None
    record = source_record(store, claim.canonical_source)
    assert record.ratings == {1: 1} and record.grades == {"B": 1}
    assert ids[0] in record.claim_ids and record.total == len(record.claim_ids)


# -- settings ----------------------------------------------------------------------------------


def test_config_reads_keys_and_reviewer(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('reviewer = "Ana"\n[keys]\nmove-down = "j, n"\nnope = "x"\nrate-1 = 3\n')
    config = load_config(path, frozenset({"move-down", "rate-1"}))
    assert config.reviewer == "Ana"
    assert config.keymap == {"move-down": "j,n"}
    assert len(config.warnings) == 2
    assert all(str(path) in w and "\n" not in w for w in config.warnings)


def test_bad_toml_is_one_warning_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[keys\nmove-down = ")
    config = load_config(path)
    assert config.keymap == {} and config.reviewer is None
    assert len(config.warnings) == 1 and "not valid TOML" in config.warnings[0]
    assert load_config(tmp_path / "missing.toml").warnings == ()


def test_save_reviewer_keeps_the_keys(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    save_reviewer('Ana "the checker"', path)
    assert load_config(path).reviewer == 'Ana "the checker"'
    path.write_text(path.read_text() + '[keys]\nrate-1 = "y"\n')
    save_reviewer("Bo", path)
    config = load_config(path)
    assert (config.reviewer, config.keymap) == ("Bo", {"rate-1": "y"})


def test_review_command_warns_on_bad_config_and_uses_its_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from verifier.cli import main

    path = tmp_path / "config.toml"
    path.write_text('reviewer = "Ana"\n[keys]\nrate-1 = "y"\nbogus = "z"\n')
    seen: dict[str, object] = {}

    def fake_run(self: object) -> None:
        seen.update(reviewer=self.reviewer, keymap=self.keymap)  # type: ignore[attr-defined]

    monkeypatch.setattr("verifier.tui.app.VerifierApp.run", fake_run)
    monkeypatch.delenv("VERIFIER_REVIEWER", raising=False)
    code = main(["review", "--db", str(tmp_path / "x.db"), "--config", str(path)])
    assert code == 0
    assert seen == {"reviewer": "Ana", "keymap": {"rate-1": "y"}}
    assert "bogus: no such command" in capsys.readouterr().err


@pytest.mark.parametrize("module", ["verifier.priority", "verifier.config"])
def test_priority_and_config_import_without_textual(module: str) -> None:
    import subprocess
    import sys

    from tests.test_layering import BLOCKER

    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, module], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
