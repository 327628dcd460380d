"""Pilot tests of the triage keys beyond rating: judgements, marks, finding, views, export,
the reviewer prompt and stale-verdict protection. Each asserts on what a fresh connection to
the store holds, or on what the screen shows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input

from tests.fixtures_store import make_store
from tests.test_tui import (
    SIZE,
    cursor,
    fresh,
    hostile_store,
    main_screen,
    press,
    screen_text,
    settle,
)
from verifier.export import export_file
from verifier.priority import compute_priorities
from verifier.store import ClaimFilter, Store
from verifier.tui import VerifierApp
from verifier.tui.screens.article import ArticleScreen
from verifier.tui.screens.ask import AskScreen
from verifier.tui.screens.export import ExportScreen
from verifier.tui.screens.filter import FilterScreen
from verifier.tui.screens.grade import GradeScreen
from verifier.tui.screens.main import MainScreen
from verifier.tui.screens.source import SourceScreen
from verifier.tui.screens.stats import StatsScreen
from verifier.tui.widgets.claim_detail import ClaimDetail
from verifier.tui.widgets.evidence_pane import EvidencePane


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = make_store(tmp_path)
    yield s
    s.close()


def detail_text(app: VerifierApp) -> str:
    return str(main_screen(app).query_one(ClaimDetail).content)


async def test_g_and_shift_g_go_to_first_and_last(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "G")
        assert cursor(app) == 11
        await press(app, pilot, "g")
        assert cursor(app) == 0


async def test_bracket_goes_to_next_unrated(store: Store) -> None:
    ids = store.claim_ids()
    for claim_id in ids[1:4]:
        store.record_rating(claim_id, 3, reviewer="earlier")
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert cursor(app) == 0
        await press(app, pilot, "right_square_bracket")
        assert cursor(app) == 4


async def test_attribution_key_cycles_the_check(store: Store) -> None:
    first = store.claim_ids()[0]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        seen = []
        for _ in range(4):
            await press(app, pilot, "a")
            verdict = fresh(store).verdict(first)
            seen.append(verdict.attribution_check if verdict else None)
        assert seen == ["confirmed", "misattributed", "unclear", None]
        await press(app, pilot, "a")
        assert "confirmed" in detail_text(app)


async def test_grade_modal_sets_and_clears_the_source_grade(store: Store) -> None:
    first = store.claim_ids()[0]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "r")
        assert isinstance(app.screen, GradeScreen)
        assert "usually reliable" in screen_text(app)
        await press(app, pilot, "b")
        assert isinstance(app.screen, MainScreen)
        assert fresh(store).verdict(first).source_grade == "B"  # type: ignore[union-attr]
        await press(app, pilot, "r", "escape")
        assert fresh(store).verdict(first).source_grade == "B"  # type: ignore[union-attr]
        await press(app, pilot, "r", "backspace")
        assert fresh(store).verdict(first).source_grade is None  # type: ignore[union-attr]


async def test_recheck_date_is_validated_then_saved(store: Store) -> None:
    first = store.claim_ids()[0]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "d", *"next week", "enter")
        assert isinstance(app.screen, AskScreen), "a bad date keeps the prompt open"
        assert "not a date" in screen_text(app)
        app.screen.query_one(Input).value = "2031-02-03"
        await press(app, pilot, "enter")
        assert fresh(store).verdict(first).recheck_date == "2031-02-03"  # type: ignore[union-attr]
        assert "2031-02-03" in detail_text(app)


async def test_evidence_marks_on_the_selected_line(store: Store) -> None:
    casualties = store.claim_ids()[1]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "tab")
        pane = main_screen(app).query_one(EvidencePane)
        await press(app, pilot, "j")
        assert cursor(app) == 1, "with the evidence pane active, j moves in the evidence"
        assert pane.selected == 1
        second = pane.current
        assert second is not None
        await press(app, pilot, "x")
        assert fresh(store).evidence_marks(casualties) == {second.sentence_id: "contradicts"}
        assert "you: contradicts" in screen_text(app)
        await press(app, pilot, "k", "s")
        first = pane.current
        assert first is not None
        marks = fresh(store).evidence_marks(casualties)
        assert marks == {second.sentence_id: "contradicts", first.sentence_id: "supports"}
        await press(app, pilot, "s")
        assert fresh(store).evidence_marks(casualties) == {second.sentence_id: "contradicts"}
        await press(app, pilot, "tab", "tab", "j")
        assert cursor(app) == 2, "back in the queue pane"


async def test_evidence_shows_relation_and_independence_in_words(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        text = screen_text(app)
        for words in ("supports in part", "contradicts", "independent"):
            assert words in text, words
        await press(app, pilot, "tab", "j", "j")  # the third line scrolls into view
        text = screen_text(app)
        assert "same report" in text and "same origin" in text


async def test_search_narrows_the_queue_and_escape_restores_it(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        expected = store.claim_count(ClaimFilter(search="desalination"))
        assert 0 < expected < 12
        await press(app, pilot, "slash", *"desalination", "enter")
        assert len(main_screen(app).model) == expected
        assert '"desalination"' in screen_text(app)
        await press(app, pilot, "escape")
        assert len(main_screen(app).model) == 12


async def test_filter_dialog_applies_filters(store: Store) -> None:
    ids = store.claim_ids()
    store.record_rating(ids[0], 4, reviewer="earlier")
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "f")
        assert isinstance(app.screen, FilterScreen)
        app.screen.query_one("#f-indep", Checkbox).value = True
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, MainScreen)
        assert len(main_screen(app).model) == store.claim_count(
            ClaimFilter(no_independent_support=True)
        )
        await press(app, pilot, "f")
        app.screen.query_one("#f-rating").value = 4  # type: ignore[attr-defined]
        await press(app, pilot, "ctrl+s")
        assert main_screen(app).model.id_at(0) == ids[0]
        assert len(main_screen(app).model) == 1
        assert "disputed" in screen_text(app)
        await press(app, pilot, "f", "ctrl+r")
        assert len(main_screen(app).model) == 12


async def test_filter_dialog_filters_by_kind(store: Store) -> None:
    positions = store.claim_count(ClaimFilter(kind="position"))
    assert 0 < positions < 12
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "f")
        app.screen.query_one("#f-kind").value = "position"  # type: ignore[attr-defined]
        await press(app, pilot, "ctrl+s")
        assert len(main_screen(app).model) == positions
        assert "position" in screen_text(app)


async def test_queue_is_by_priority_and_o_switches_to_reading_order(store: Store) -> None:
    compute_priorities(store)
    by_priority = store.claim_ids()
    by_reading = store.claim_ids(ClaimFilter(sort="article"))
    assert by_priority != by_reading
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        model = main_screen(app).model
        assert [model.id_at(i) for i in range(12)] == by_priority
        await press(app, pilot, "o")
        assert [model.id_at(i) for i in range(12)] == by_reading
        assert "reading order" in screen_text(app)


async def test_enter_opens_the_article_at_the_claim(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        claim = main_screen(app).queue.current
        assert claim is not None
        await press(app, pilot, "enter")
        assert isinstance(app.screen, ArticleScreen)
        assert claim.content[:30] in screen_text(app)
        await press(app, pilot, "escape")
        assert isinstance(app.screen, MainScreen)


async def test_source_view_lists_its_claims_and_jumps_to_one(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1")  # a verdict for the track record
        await press(app, pilot, "g", "v")
        assert isinstance(app.screen, SourceScreen)
        text = screen_text(app)
        assert "track record" in text and "supported" in text
        await press(app, pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        assert cursor(app) == 0


async def test_stats_screen_draws_bars(store: Store) -> None:
    ids = store.claim_ids()
    store.record_rating(ids[0], 1, reviewer="earlier")
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "t")
        assert isinstance(app.screen, StatsScreen)
        text = screen_text(app)
        for title in ("by rating", "by source type", "by source", "by outlet"):
            assert title in text
        assert "█" in text and "1/1" in text
        await press(app, pilot, "escape")
        assert isinstance(app.screen, MainScreen)


async def test_export_modal_writes_what_the_cli_writes(store: Store, tmp_path: Path) -> None:
    store.record_rating(store.claim_ids()[0], 2, reviewer="earlier")
    target = tmp_path / "out.jsonl"
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "e")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-format").value = "jsonl"  # type: ignore[attr-defined]
        await settle(app, pilot)
        app.screen.query_one("#export-path", Input).value = str(target)
        await press(app, pilot, "enter")
        assert "Wrote 12 claims" in screen_text(app)
        await press(app, pilot, "escape")
    reference = tmp_path / "cli.jsonl"
    export_file(store, reference)
    assert target.read_bytes() == reference.read_bytes()


async def test_reviewer_is_asked_once_and_remembered(store: Store, tmp_path: Path) -> None:
    config = tmp_path / "settings" / "config.toml"
    app = VerifierApp(store, None, config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, AskScreen)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, AskScreen), "an empty name is refused"
        await press(app, pilot, *"Ana", "enter")
        assert isinstance(app.screen, MainScreen)
        await press(app, pilot, "1")
    verdict = fresh(store).verdict(store.claim_ids()[0])
    assert verdict is not None and verdict.reviewer == "Ana"
    from verifier.config import load_config

    assert load_config(config).reviewer == "Ana"


async def test_a_verdict_changed_elsewhere_is_not_overwritten(store: Store) -> None:
    first = store.claim_ids()[0]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        other = fresh(store)
        session = other.start_session("bo")
        other.record_rating(first, 5, reviewer="bo", session_id=session.id)
        await press(app, pilot, "1")
        verdict = fresh(store).verdict(first)
        assert verdict is not None and (verdict.rating, verdict.reviewer) == (5, "bo")
        text = screen_text(app)
        assert "Not saved: bo changed this claim" in text
        assert cursor(app) == 0 and "[5] false" in detail_text(app)
        await press(app, pilot, "1")  # seen now: the reviewer may replace it on purpose
        assert fresh(store).verdict(first).rating == 1  # type: ignore[union-attr]
        other.close()


async def test_detail_shows_history_gist_facts_and_support(store: Store) -> None:
    first = store.claim_ids()[0]
    facts = {"quantities": [{"text": "four people killed"}], "places": ["Korvath"]}
    with store.transaction() as conn:
        conn.execute(
            "UPDATE claims SET gist = ?, facts = ?, independent_support = 2 WHERE id = ?",
            ("Ministry says troops withdrew", json.dumps(facts), first),
        )
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "3", "k")
        text = detail_text(app)
        assert "Ministry says troops withdrew" in text
        assert "four people killed" in text and "Korvath" in text
        assert "2 independent supporting" in text
        assert "rating: - -> unproven" in text and "ana" in text


async def test_session_resumes_at_first_unrated_after_reopening(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1", "2", "3")
        await press(app, pilot, "q")
    again = VerifierApp(fresh(store), "ana")
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert cursor(again) == 3
        assert "done 3/12" in screen_text(again)


async def test_hostile_text_stays_literal_in_every_screen(tmp_path: Path) -> None:
    store = hostile_store(tmp_path)
    claim = store.claims()[0]
    with store.transaction() as conn:
        conn.execute(
            "UPDATE claims SET gist = ?, facts = ? WHERE id = ?",
            (
                "[b]gist[/b]\x1b[31m",
                json.dumps({"places": ["[link=x]f[/link]\x1b]0;t\x07"]}),
                claim.id,
            ),
        )
    app = VerifierApp(store, "ana")
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert "[b]gist[/b][31m" in text and "[link=x]f[/link]]0;t" in text
        for keys, fragment in (
            (("enter",), "[@click=app.quit]four[/]"),
            (("v",), "[bold red]SANA[/]"),
            (("t",), "[reverse]Evil Outlet[/]"),
            (("f",), "any"),
            (("e",), "verdicts.csv"),
            (("slash",), "Search"),
            (("r",), "[bold red]SANA[/]"),
        ):
            await press(app, pilot, *keys)
            await settle(app, pilot)
            shown = screen_text(app)
            assert fragment in shown, keys
            for control in ("\x1b", "\x07", "\x9b", "\u202e"):
                assert control not in shown, keys
            await press(app, pilot, "escape")
            assert isinstance(app.screen, MainScreen), keys
        assert app.is_running
    store.close()
