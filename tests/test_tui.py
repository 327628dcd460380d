"""Pilot tests of the review TUI: keys in, what the store holds afterwards out.

Every assertion about verdicts reads a *fresh* ``Store`` on the same file, so a test passes
only if the verdict was committed, not merely shown.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.fixtures_store import ClaimSpec, build_article, make_store
from verifier.models import RATINGS, EvidenceRecord
from verifier.store import Store
from verifier.tui import VerifierApp
from verifier.tui.commands import COMMANDS, commands_for
from verifier.tui.screens.help import HelpScreen
from verifier.tui.screens.main import MainScreen
from verifier.tui.screens.note import NoteScreen
from verifier.tui.widgets.claim_detail import ClaimDetail
from verifier.tui.widgets.claim_queue import ClaimQueue
from verifier.tui.widgets.evidence_pane import EvidencePane

SIZE = (120, 40)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = make_store(tmp_path)
    yield s
    s.close()


def fresh(store: Store) -> Store:
    """Another connection to the same file: sees only what was committed."""
    return Store(store.path)


async def settle(app: VerifierApp, pilot: Pilot[None]) -> None:
    """Wait for store workers and the messages they posted (never sleep)."""
    await app.settled()
    await pilot.pause()
    await app.settled()
    await pilot.pause()


async def press(app: VerifierApp, pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(app, pilot)


def screen_text(app: VerifierApp) -> str:
    """What the terminal would show, as plain text (the screen and any screens under it)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        record=True,
        force_terminal=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


def main_screen(app: VerifierApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


def cursor(app: VerifierApp) -> int:
    return main_screen(app).query_one(ClaimQueue).cursor


# -- start and rating --------------------------------------------------------------------------


async def test_starts_on_first_unrated_claim(store: Store) -> None:
    ids = store.claim_ids()
    store.record_rating(ids[0], 3, reviewer="earlier")
    store.record_rating(ids[1], 4, reviewer="earlier")
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert cursor(app) == 2
        text = screen_text(app)
        assert "done 2/12" in text
        assert "claim 3/12" in text


async def test_rating_key_stores_rating_and_moves_to_next_unrated(store: Store) -> None:
    ids = store.claim_ids()
    store.record_rating(ids[1], 2, reviewer="earlier")  # the next claim is already done
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert cursor(app) == 0
        await press(app, pilot, "1")
        verdict = fresh(store).verdict(ids[0])
        assert verdict is not None and verdict.rating == 1
        assert verdict.reviewer == "ana"
        assert app.session is not None and verdict.session_id == app.session.id
        assert cursor(app) == 2, "skips the claim rated before"
        assert "done 2/12" in screen_text(app)


@pytest.mark.parametrize("rating", sorted(RATINGS))
async def test_each_rating_key(store: Store, rating: int) -> None:
    first = store.claim_ids()[0]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, str(rating))
        verdict = fresh(store).verdict(first)
        assert verdict is not None and verdict.rating == rating
        row = main_screen(app).query_one(ClaimQueue).render_line(0).text
        assert row.startswith(f"[{rating}]")
        assert cursor(app) == 1


async def test_rating_the_last_unrated_claim_stays_put(store: Store) -> None:
    ids = store.claim_ids()
    for claim_id in ids[:-1]:
        store.record_rating(claim_id, 3, reviewer="earlier")
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert cursor(app) == len(ids) - 1
        await press(app, pilot, "5")
        assert fresh(store).rated_count() == len(ids)
        assert cursor(app) == len(ids) - 1
        assert "All claims are rated" in screen_text(app)


async def test_quick_rate_then_undo_commit_in_key_order(store: Store) -> None:
    ids = store.claim_ids()
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("1", "2", "u")  # no waiting between keys
        await settle(app, pilot)
        check = fresh(store)
        assert check.verdict(ids[0]).rating == 1  # type: ignore[union-attr]
        assert check.verdict(ids[1]).rating is None  # type: ignore[union-attr]
        assert cursor(app) == 1


# -- movement ----------------------------------------------------------------------------------


async def test_j_k_and_arrows_move(store: Store) -> None:
    ids = store.claim_ids()
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "j")
        assert cursor(app) == 2
        await press(app, pilot, "k")
        assert cursor(app) == 1
        await press(app, pilot, "down", "down", "up")
        assert cursor(app) == 2
        await press(app, pilot, "k", "k", "k", "k")
        assert cursor(app) == 0, "stops at the top"
        await press(app, pilot, "end")
        assert cursor(app) == len(ids) - 1
        await press(app, pilot, "j")
        assert cursor(app) == len(ids) - 1, "stops at the bottom"
        await press(app, pilot, "home")
        assert cursor(app) == 0
        assert fresh(store).rated_count() == 0, "moving never writes"


async def test_clicking_a_row_selects_it(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.click(ClaimQueue, offset=(10, 4))  # below the top border: row 3
        await settle(app, pilot)
        assert cursor(app) == 3


async def test_detail_and_evidence_follow_the_cursor(store: Store) -> None:
    claims = store.claims()
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")  # the casualty claim, which has three evidence sentences
        detail = main_screen(app).query_one(ClaimDetail).content
        assert "the Civil Relief Network told reporters" in str(detail)
        evidence = str(main_screen(app).query_one(EvidencePane).content)
        assert "Coastal Wire" in evidence and "contradicts" in evidence
        assert "same origin" in evidence  # the aggregator's copy is not independent
        await press(app, pilot, "j")
        detail = main_screen(app).query_one(ClaimDetail).content
        assert claims[2].content in str(detail)
        evidence = str(main_screen(app).query_one(EvidencePane).content)
        assert "No evidence" in evidence


async def test_detail_shows_the_paragraph_with_spans_styled(store: Store) -> None:
    claim = store.claims()[1]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        detail = main_screen(app).query_one(ClaimDetail)
        content = detail.content
        assert isinstance(content, Content)
        passage = str(content).split("\n\n")[0]
        # The whole paragraph, not just the sentence: the sentence before it is there too.
        assert passage.startswith("The Ministry of Defence said its troops")
        styled = {str(content)[s.start : s.end] for s in content.spans}
        assert {claim.source, claim.cue, claim.content} <= styled


# -- notes, undo -------------------------------------------------------------------------------


async def test_note_is_saved_with_enter(store: Store) -> None:
    first = store.claim_ids()[0]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"quote in 2 sources?")  # q, digits and ? are text here
        await press(app, pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        verdict = fresh(store).verdict(first)
        assert verdict is not None and verdict.note == "quote in 2 sources?"
        assert verdict.rating is None
        assert cursor(app) == 0, "a note does not move on"
        assert "quote in 2 sources?" in screen_text(app)


async def test_note_escape_cancels(store: Store) -> None:
    first = store.claim_ids()[0]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        await pilot.press(*"never mind")
        await press(app, pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        assert fresh(store).verdict(first) is None


async def test_note_editor_starts_with_the_current_note(store: Store) -> None:
    first = store.claim_ids()[0]
    store.record_note(first, "older note", reviewer="earlier")
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        assert app.screen.query_one(Input).value == "older note"
        await pilot.press("end", *" and more")
        await press(app, pilot, "enter")
        assert fresh(store).verdict(first).note == "older note and more"  # type: ignore[union-attr]


async def test_undo_clears_rating_and_goes_back(store: Store) -> None:
    first = store.claim_ids()[0]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "4")
        assert cursor(app) == 1
        await press(app, pilot, "u")
        assert cursor(app) == 0
        check = fresh(store)
        verdict = check.verdict(first)
        assert verdict is not None and verdict.rating is None
        history = check.history(first)
        assert [(e.field, e.old, e.new) for e in history] == [
            ("rating", None, "4"),
            ("rating", "4", None),
        ]
        assert history[-1].note == "undo"
        assert main_screen(app).query_one(ClaimQueue).render_line(0).text.lstrip().startswith("·")


async def test_undo_walks_back_notes_and_ratings(store: Store) -> None:
    ids = store.claim_ids()
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1")  # claim 0, then on claim 1
        await press(app, pilot, "n")
        await pilot.press(*"check")
        await press(app, pilot, "enter")  # note on claim 1
        await press(app, pilot, "u")
        assert fresh(store).verdict(ids[1]).note is None  # type: ignore[union-attr]
        assert cursor(app) == 1
        await press(app, pilot, "u")
        assert fresh(store).verdict(ids[0]).rating is None  # type: ignore[union-attr]
        assert cursor(app) == 0
        await press(app, pilot, "u")
        assert "Nothing to undo" in screen_text(app)


async def test_undo_does_not_touch_other_sessions(store: Store) -> None:
    first = store.claim_ids()[0]
    old = store.start_session("bo")
    store.record_rating(first, 5, reviewer="bo", session_id=old.id)
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "u")
        assert fresh(store).verdict(first).rating == 5  # type: ignore[union-attr]


# -- help, palette, keymap, quit ---------------------------------------------------------------


async def test_help_lists_every_command(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = str(app.screen.query_one("#help-body", Static).content)
        for command in COMMANDS:
            assert command.description in body, command.id
            assert command.help.split()[0] in body, command.id
        for key in ("1", "6", "j / ↓", "k / ↑", "n", "u", "?", "q", "^p", "esc"):
            assert f"\n{key} " in f"\n{body}", key
        await press(app, pilot, "escape")
        assert isinstance(app.screen, MainScreen)


async def test_footer_shows_the_triage_keys(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        footer = screen_text(app).splitlines()[-1]
        for label in ("123456 rate", "jk move", "n note", "u undo", "? help", "q quit"):
            assert label in footer


async def test_command_palette_runs_commands(store: Store) -> None:
    first = store.claim_ids()[0]
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "ctrl+p")
        await pilot.press(*"rate false")
        await pilot.pause()
        await press(app, pilot, "enter")
        await settle(app, pilot)
        assert fresh(store).verdict(first).rating == 5  # type: ignore[union-attr]
        assert app.is_running, "typing q in the palette did not quit"


async def test_keymap_rebinds_by_command_id(store: Store) -> None:
    first = store.claim_ids()[0]
    app = VerifierApp(store, "ana", keymap={"rate-1": "y", "move-down": "ctrl+n"})
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "ctrl+n")
        assert cursor(app) == 1
        await press(app, pilot, "k", "y")
        assert fresh(store).verdict(first).rating == 1  # type: ignore[union-attr]
        await press(app, pilot, "question_mark")
        body = str(app.screen.query_one("#help-body", Static).content)
        assert "\ny " in body and "\n^n " in body


async def test_q_quits_and_ends_the_session(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.session is not None
        session_id = app.session.id
        assert fresh(store).session(session_id).ended_at is None  # type: ignore[union-attr]
        await pilot.press("1", "q")  # quit right after a rating: the write still lands
        await pilot.pause()
        assert not app.is_running
    check = fresh(store)
    session = check.session(session_id)
    assert session is not None and session.ended_at is not None
    assert session.rated == 1
    assert check.verdict(store.claim_ids()[0]).rating == 1  # type: ignore[union-attr]


async def test_session_ends_when_the_app_closes_otherwise(store: Store) -> None:
    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.session is not None
        session_id = app.session.id
    assert fresh(store).session(session_id).ended_at is not None  # type: ignore[union-attr]


# -- empty database, errors --------------------------------------------------------------------


async def test_empty_database_explains_what_to_do(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as empty:
        app = VerifierApp(empty, "ana")
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            text = screen_text(app)
            assert "verifier ingest PATH" in text
            await press(app, pilot, "1", "j", "k", "n", "u", "space", "end")
            assert isinstance(app.screen, MainScreen)
            assert app.is_running
            await press(app, pilot, "question_mark")
            assert isinstance(app.screen, HelpScreen)


async def test_a_failed_write_is_a_notification_not_a_crash(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.claim_ids()[0]

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk [bold]full[/] \x1b[31m\x1b]0;owned\x07")

    app = VerifierApp(store, "ana")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(store, "record_rating", broken)
        await press(app, pilot, "1")
        await settle(app, pilot)
        assert app.is_running
        text = screen_text(app)
        assert "Could not save" in text
        assert "disk [bold]full[/] [31m]0;owned" in text
        assert "\x1b" not in text and "\x07" not in text
        # The optimistic "rated" mark was rolled back by re-reading the queue.
        assert "done 0/12" in text
        assert fresh(store).verdict(first) is None


# -- untrusted text ----------------------------------------------------------------------------

HOSTILE_SOURCE = "[bold red]SANA[/] \x1b[31mwire\x1b[0m"
HOSTILE_CONTENT = "[@click=app.quit]four[/] people \x1b]0;pwned\x07were [link=x]killed[/link]"
HOSTILE_OUTLET = "[reverse]Evil Outlet[/]\x1b[2J"
HOSTILE_NAME = "[i]hostile[/i]\x9b31m.txt"
HOSTILE_EVIDENCE = "Residents [dim]said[/dim] \x1b[5mfour\x1b[0m died [/] \u202eevil"


def hostile_store(tmp_path: Path) -> Store:
    """Two articles whose every displayed string carries markup or terminal escapes."""
    sentence = f"{HOSTILE_CONTENT}, according to {HOSTILE_SOURCE}."
    claimed = build_article(
        HOSTILE_NAME,
        HOSTILE_OUTLET,
        "2024-01-01",
        (
            (("headline", "[blink]Headline[/]\x1b[?25l"),),
            (("body", "Before [u]this[/u]\x07."), ("body", sentence)),
        ),
        (
            ClaimSpec(
                2,
                HOSTILE_SOURCE,
                "according to",
                HOSTILE_CONTENT,
                source_type="state_media",
            ),
        ),
        title="\x1b]8;;http://x\x07[b]Title[/b]",
    )
    other = build_article(
        "[on red]other[/].txt",
        "[b]Wire[/b]\x1bc",
        "2024-01-02",
        ((("body", HOSTILE_EVIDENCE),),),
        title="[on red]other[/] \x1b[2Jtitle",
    )
    store = Store(tmp_path / "hostile.db")
    store.add_analysed(claimed)
    store.add_analysed(other)
    claim = store.claims()[0]
    sentence_row = store.sentences(2)[0]
    store.replace_evidence(
        claim.id,
        [
            EvidenceRecord(
                claim_id=claim.id,
                sentence_id=sentence_row.id,
                article_id=2,
                article_name="[on red]other[/].txt",
                outlet="[b]Wire[/b]\x1bc",
                published="2024-01-02",
                sentence=HOSTILE_EVIDENCE,
                score=1.5,
                rank=1,
                relation="[bold]contradicts[/]",
                independent=True,
                reasons=("[@click=app.bell]why[/]\x1b[1m",),
                title="[on red]other[/] \x1b[2Jtitle",
            )
        ],
    )
    store.record_note(claim.id, "[red]noted[/red]\x1b[31m", reviewer="earlier")
    return store


async def test_markup_and_escapes_are_shown_literally_everywhere(tmp_path: Path) -> None:
    store = hostile_store(tmp_path)
    app = VerifierApp(store, "[b]ana[/b]\x1b[31m")
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        for fragment in (
            "[bold red]SANA[/] [31mwire[0m",  # source: queue row and detail
            "[@click=app.quit]four[/] people ]0;pwnedwere [link=x]killed[/link]",  # content
            "[reverse]Evil Outlet[/][2J",  # outlet
            "Before [u]this[/u].",  # the paragraph around the claim
            "]8;;http://x[b]Title[/b]",  # title
            "Residents [dim]said[/dim] [5mfour[0m died [/] evil",  # evidence sentence
            "[b]Wire[/b]c",  # evidence outlet
            "[on red]other[/] [2Jtitle",  # evidence article's title (file names are not shown)
            "[bold]contradicts[/]",  # relation
            "[@click=app.bell]why[/][1m",  # reasons
            "[red]noted[/red][31m",  # note
            "[b]ana[/b][31m",  # reviewer in the status line
        ):
            assert fragment in text, fragment
        for control in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert control not in text
        # Nothing was clickable: clicking the content did not quit the app.
        await pilot.click(ClaimDetail, offset=(3, 1))
        await settle(app, pilot)
        assert app.is_running
        # The note editor shows the content literally too.
        await press(app, pilot, "n")
        text = screen_text(app)
        assert "[@click=app.quit]four[/]" in text
        assert "\x1b" not in text
        await press(app, pilot, "escape", "question_mark")
        assert "\x1b" not in screen_text(app)
        await press(app, pilot, "escape")
        assert app.is_running
    store.close()


# -- commands ----------------------------------------------------------------------------------


def test_commands_are_declared_once_with_unique_ids() -> None:
    ids = [command.id for command in COMMANDS]
    assert len(ids) == len(set(ids))
    assert [c.key for c in commands_for("main") if c.action.startswith("rate(")] == [
        str(n) for n in RATINGS
    ]


def test_bindings_come_from_the_command_list() -> None:
    for owner, scope in (
        (VerifierApp, "app"),
        (MainScreen, "main"),
        (HelpScreen, "help"),
        (NoteScreen, "note"),
    ):
        declared = {(c.id, c.key, c.action) for c in commands_for(scope)}  # type: ignore[arg-type]
        bound = {(b.id, b.key, b.action) for b in owner.BINDINGS}  # type: ignore[union-attr]
        assert declared == bound, owner
