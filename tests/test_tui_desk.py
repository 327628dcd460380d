"""Pilot tests of the desk on real work: dialogs that close when done, an article view that
reads like a pager and rates like the queue, and coming back from a search to where the
reviewer was. Each asserts on the screen or on what a fresh connection to the store holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.fixtures_store import make_store
from tests.test_tui import cursor, fresh, main_screen, press, screen_text, settle
from verifier.corroborate.compare import relate
from verifier.corroborate.readings import read_facts
from verifier.store import Store
from verifier.store.stories import assign_story
from verifier.store.triage import stories
from verifier.tui import VerifierApp
from verifier.tui.screens.article import ArticleScreen, ArticleText
from verifier.tui.screens.export import ExportScreen
from verifier.tui.screens.main import MainScreen
from verifier.tui.text import cell, shorten
from verifier.tui.widgets.claim_detail import ClaimDetail
from verifier.tui.widgets.evidence_pane import EvidencePane

SIZE = (120, 40)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = make_store(tmp_path)
    yield s
    s.close()


async def test_export_closes_when_written_and_says_so(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "verdicts.csv"
    first = store.claim_ids()[0]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "e")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path", Input).value = str(target)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, MainScreen), "the dialog closes once the file is written"
        assert target.exists()
        assert "Wrote 12 claims" in screen_text(app)  # the notification
        # The next key is a review key again, not a letter in the file-name field.
        await press(app, pilot, "4")
    verdict = fresh(store).verdict(first)
    assert verdict is not None and verdict.rating == 4


async def test_export_error_keeps_the_dialog_open(store: Store, tmp_path: Path) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "e")
        field = app.screen.query_one("#export-path", Input)
        field.value = str(tmp_path / "no-such-folder" / "deeper" / "v.csv")
        await press(app, pilot, "enter")
        assert isinstance(app.screen, ExportScreen)


async def test_article_view_scrolls_jumps_between_claims_and_rates(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=(80, 16)) as pilot:
        await settle(app, pilot)
        claim = main_screen(app).queue.current
        assert claim is not None
        await press(app, pilot, "enter")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        ours = [c.id for c in screen.claims]
        assert len(ours) >= 2 and claim.id in ours
        assert all(c.article_id == claim.article_id for c in screen.claims)
        assert f"claim {ours.index(claim.id) + 1} of {len(ours)}" in screen_text(app)
        view = screen.query_one(ArticleText)
        assert view.max_scroll_y >= 4, "the fixture article is longer than the view"
        view.scroll_home(animate=False)
        await settle(app, pilot)
        top = view.scroll_y
        await press(app, pilot, "j", "j")
        assert view.scroll_y == top + 2
        await press(app, pilot, "k")
        assert view.scroll_y == top + 1
        await press(app, pilot, "space")
        assert view.scroll_y > top + 1 or view.scroll_y == view.max_scroll_y
        # n / p: the claim in view moves along the article's claims.
        screen.current = 0
        await press(app, pilot, "n")
        assert screen.claim.id == ours[1]
        assert f"claim 2 of {len(ours)}" in screen_text(app)
        await press(app, pilot, "p")
        assert screen.claim.id == ours[0]
        # A rating key rates the claim in view and moves to the article's next claim.
        await press(app, pilot, "5")
        assert screen.claim.id == ours[1]
        await press(app, pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        await settle(app, pilot)
    verdict = fresh(store).verdict(ours[0])
    assert verdict is not None and verdict.rating == 5 and verdict.reviewer == "ana"


async def test_leaving_a_search_returns_to_the_claim_selected_before(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "j", "j")
        before = main_screen(app).queue.current
        assert before is not None and cursor(app) == 3
        await press(app, pilot, "slash", *"desalination", "enter")
        assert len(main_screen(app).model) < 12
        await press(app, pilot, "escape")
        assert len(main_screen(app).model) == 12
        assert cursor(app) == 3
        assert main_screen(app).queue.current == before
        # and "next unrated" carries on from there, not from the search's last claim
        await press(app, pilot, "right_square_bracket")
        assert cursor(app) == 4


async def test_leaving_a_filter_returns_to_the_claim_selected_before(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "j")
        await press(app, pilot, "f")
        app.screen.query_one("#f-rating").value = 0  # type: ignore[attr-defined]
        await press(app, pilot, "ctrl+s")
        await press(app, pilot, "G")
        await press(app, pilot, "escape")
        assert cursor(app) == 2


# -- words, not internals ----------------------------------------------------------------------


def test_long_names_are_cut_at_a_word_end_with_an_ellipsis() -> None:
    assert shorten("Civil Relief Network", 16) == "Civil Relief\u2026"
    assert shorten("Civil Relief Network", 40) == "Civil Relief Network"
    title = "Fighters enter Tessaly, as troops pull back"
    assert shorten(title, 24) == "Fighters enter Tessaly\u2026"
    # one long word is still cut inside it rather than leaving the column empty
    assert shorten("Supercalifragilistic", 8) == "Superca\u2026"
    row = cell("An official who asked not to be named", 23).plain
    assert row == "An official who asked\u2026 "[:23].ljust(23)
    assert "\u2026" in row and not row.rstrip().endswith(" \u2026")


def test_the_ingest_reasons_name_whole_words() -> None:
    claim = read_facts("Shelling hit the Kessan hospital early on Friday, officials said.")
    passage = read_facts("The Kessan hospital was shelled early Friday.")
    relation, reasons = relate(claim, passage)
    shared = next(r for r in reasons if r.startswith("shared: "))
    words = set(shared.removeprefix("shared: ").split(", "))
    assert {"friday", "kessan", "hospital", "shelling", "early"} <= words, shared
    assert not words & {"fridai", "shell", "earli"}


def test_stories_are_named_by_their_articles_titles(store: Store) -> None:
    assign_story(store, [1, 3], "ledger-tessaly-advance.txt")
    ((_, label),) = stories(store)
    assert label == "Fighters enter Tessaly as government troops pull back (2 articles)"


async def test_evidence_and_claim_panes_name_articles_by_outlet_and_title(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert "Northern Ledger · Water runs short in" in text  # the evidence's article
        assert "article   Northern Ledger · 2024-03-02" in text  # the claim's own
        assert ".txt" not in text and ".md" not in text


# -- a layout for any terminal -----------------------------------------------------------------


def rated_store(tmp_path: Path, count: int) -> Store:
    """The fixture corpus with its first ``count`` claims rated: the review opens further down."""
    s = make_store(tmp_path)
    for claim_id in s.claim_ids()[:count]:
        s.record_rating(claim_id, 3, reviewer="earlier")
    return s


async def test_at_80x24_the_selected_claim_its_source_and_evidence_are_in_view(
    tmp_path: Path,
) -> None:
    store = rated_store(tmp_path, 8)
    app = VerifierApp(store, "ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = main_screen(app)
        queue = screen.queue
        assert queue.cursor == 8
        top, rows = round(queue.scroll_y), queue.scrollable_content_region.height
        assert top <= queue.cursor < top + rows, "the selected row is on screen"
        claim = queue.current
        assert claim is not None
        text = screen_text(app)
        assert "claim 9/12" in text
        detail = screen.query_one(ClaimDetail)
        assert detail.region.height >= 6
        shown = [line for line in text.splitlines() if line.strip()]
        assert any("source" in line and "Mira Haddad" in line for line in shown)
        assert "We could hear the jets all night" in text  # the claim's content
        # footer: help and quit stay
        footer = text.splitlines()[-1]
        assert "? help" in footer and "q quit" in footer
    store.close()


async def test_at_80x24_evidence_shows_one_line_per_item(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")  # the casualty claim: three evidence items
        pane = main_screen(app).query_one(EvidencePane)
        assert pane.region.height - 2 >= 2
        lines = [line for line in str(pane.content).splitlines() if line.strip()]
        assert len(lines) == 3
        text = screen_text(app)
        assert "> 1 supports in part · independent · Coastal Wire: Airstrikes struck" in text
        assert "  2 contradicts · independent · Northern Ledger: An official who" in text
        # the selection still moves item by item in the evidence pane
        await press(app, pilot, "tab", "j")
        assert pane.current is not None and pane.current.outlet == "Northern Ledger"


@pytest.mark.parametrize("size", [(120, 40), (160, 48), (200, 60)])
async def test_from_120_columns_evidence_takes_at_least_40_percent(
    store: Store, size: tuple[int, int]
) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        pane = main_screen(app).query_one(EvidencePane)
        assert pane.region.width >= 0.4 * size[0]
        text = screen_text(app)
        assert "? help" in text and "q quit" in text


async def test_z_gives_the_screen_to_the_claim_and_back(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = main_screen(app)
        detail = screen.query_one(ClaimDetail)
        before = detail.region.height
        await press(app, pilot, "z")
        assert not screen.queue.display
        assert detail.region.height > before
        assert "Claims" not in screen_text(app)
        await press(app, pilot, "j")  # keys still move through the queue
        assert cursor(app) == 1
        assert "claim 2/12" in screen_text(app)
        await press(app, pilot, "z")
        assert screen.queue.display and detail.region.height == before
