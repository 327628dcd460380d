"""The text stage's shared readings: one number parser, passage figures, same speaker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verifier.text.events import read_marks, sentence_reading
from verifier.text.numbers import parse_number, token_number
from verifier.text.passage import figure_label, quantities, read_passage
from verifier.text.speakers import affiliations, is_generic_body, same_source

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from verifier.models import PassageFacts
    from verifier.store import Store


def test_one_word_is_a_figure_only_when_it_states_one() -> None:
    assert token_number("4.") == 4
    assert token_number("300,000") == 300_000
    assert token_number("Dozen") == 12
    assert token_number("forty") == 40
    assert token_number("million") is None  # only scales the figure before it
    assert token_number("people") is None
    assert parse_number("two million") == 2_000_000


@given(st.text(max_size=30))
def test_number_readers_never_raise(text: str) -> None:
    parse_number(text)
    token_number(text)


def test_passage_figures_say_what_they_count_and_where_they_are() -> None:
    text = "Shelling at 5 p.m. killed four people; 36 others were injured"
    found = quantities(text)
    assert [figure_label(q) for q in found] == ["4 killed", "36 wounded"]
    assert [(q.counts, q.event) for q in found] == [("people", "killed"), ("others", "wounded")]
    for q in found:
        assert text[q.span.start : q.span.end] == q.text


def test_a_passage_figure_is_the_models_quantity() -> None:
    from verifier.models import Quantity

    facts = read_passage("the bodies of 11 people were recovered")
    assert all(isinstance(q, Quantity) for q in facts.quantities)


def test_the_body_a_spokesperson_speaks_for() -> None:
    assert affiliations("Mira Oduya, a spokesperson for the ministry") == ["ministry"]
    assert affiliations("an official of the Marren Liberation Front") == ["Marren Liberation Front"]
    assert is_generic_body("the ministry")
    assert not is_generic_body("Ministry of Health")
    assert same_source("KRS", "Kestrian Relief Society")


@given(st.text(max_size=80))
def test_passage_facts_survive_storage(text: str) -> None:
    import json

    from verifier.models import PassageFacts

    facts = read_passage(text)
    assert PassageFacts.from_json(json.dumps(facts.to_json())) == facts


@given(st.text(max_size=80), st.sampled_from([None, "2024-11-29", "not a date"]))
def test_a_sentence_reading_with_its_event_marks_survives_storage(
    text: str, published: str | None
) -> None:
    import json

    from verifier.models import PassageFacts

    facts = sentence_reading(text, published)
    assert facts.marks is not None
    assert PassageFacts.from_json(json.dumps(facts.to_json())) == facts


def test_a_sentences_event_marks_are_its_names_and_its_dates_resolved() -> None:
    """Names and figures as an article's reading folds them; dates at the precision stated,
    against the article's date; a year standing alone is a time, a count of people is not."""
    marks = read_marks(
        "Rescuers in Dravna counted 12 dead on Tuesday, a week after the 2009 quake.",
        "2024-11-29",
    )
    assert {"dravna", "rescuers", "#12", "#2009"} <= marks.names
    assert marks.times == {"2024-11-26", "2009"}
    assert read_marks("Rescuers counted 12 dead on Tuesday.").times == set()  # no date
    assert read_marks("The flood killed 2000 people last week.", "2024-11-29").times == {"2024-W47"}
    assert read_marks("Floods hit Varna on November 3 and in May 2019.", "2024-11-29").times == {
        "2024-11-03",
        "2019-05",
    }


SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def test_ingest_stores_each_body_sentence_reading_and_corroboration_uses_it(
    tmp_path: Path,
) -> None:
    from verifier.corroborate import corroborate
    from verifier.pipeline import ingest_paths
    from verifier.store import Store

    with Store(tmp_path / "v.db") as store:
        ingest_paths(store, [SAMPLE])
        rows = store.conn.execute(
            "SELECT s.id, s.kind, s.idx, s.text, a.published FROM sentences s"
            " JOIN articles a ON a.id = s.article_id"
        ).fetchall()
        stored = store.passage_facts(r[0] for r in rows)
        searched = [r for r in rows if r[1] == "body" or (r[1] == "headline" and r[2] == 0)]
        assert {r[0] for r in searched} == set(stored)
        assert all(stored[r[0]] == sentence_reading(r[3], r[4]) for r in searched)
        # A stored reading is what corroboration weighs: take a figure away and the
        # evidence no longer gives it.
        claim, evidence = next(
            (c, e)
            for c in store.claims()
            for e in store.evidence(c.id)
            if any(r.startswith("same figure") for r in e.reasons)
        )
        with store.transaction() as conn:
            conn.execute(
                "UPDATE sentences SET facts = ? WHERE id = ?",
                ('{"quantities": []}', evidence.sentence_id),
            )
        corroborate(store, [claim.id], workers=1)
        again = {e.sentence_id: e for e in store.evidence(claim.id)}
        if evidence.sentence_id in again:
            assert not any(r.startswith("same figure") for r in again[evidence.sentence_id].reasons)


def test_a_stored_corpus_gets_its_sentence_readings_once(tmp_path: Path) -> None:
    from verifier.pipeline import ingest_paths
    from verifier.store import Store
    from verifier.store.schema import MIGRATIONS, _sentence_facts

    path = tmp_path / "v.db"
    with Store(path) as store:
        ingest_paths(store, [SAMPLE])
        before = store.search_sentences('"hospital"', limit=50)
        with store.transaction() as conn:
            conn.execute("UPDATE sentences SET facts = NULL")
            # (later migrations run again on top of what is there)
            conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(_sentence_facts)}")
    with Store(path) as store:
        rows = store.conn.execute(
            "SELECT s.id, s.text, a.published FROM sentences s"
            " JOIN articles a ON a.id = s.article_id WHERE kind = 'body'"
        ).fetchall()
        stored = store.passage_facts(r[0] for r in rows)
        assert all(stored[r[0]] == sentence_reading(r[1], r[2]) for r in rows)
        assert store.search_sentences('"hospital"', limit=50) == before


def _stored_before(
    path: Path, migration: object, fields: tuple[str, ...], extra: tuple[Path, ...] = ()
) -> tuple[list[object], object]:
    """The sample ingested into ``path``, then stored as a database from before
    ``migration``: its readings without ``fields``, one place rewritten (what was stored
    stays, read or not), the schema version set back. Returns the rewritten rows and what
    a search for "hospital" finds before the migration runs (it must find the same after)."""
    import json

    from verifier.pipeline import ingest_paths
    from verifier.store import Store
    from verifier.store.schema import MIGRATIONS

    with Store(path) as store:
        ingest_paths(store, [SAMPLE, *extra])
        rows = store.conn.execute("SELECT id, facts FROM sentences WHERE facts IS NOT NULL")
        older: list[object] = []
        for sid, facts in rows.fetchall():
            data = json.loads(facts)
            for name in fields:
                del data[name]
            data["places"] = ["kept as stored"]
            older.append((json.dumps(data), sid))
        with store.transaction() as conn:
            conn.executemany("UPDATE sentences SET facts = ? WHERE id = ?", older)
            conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(migration)}")  # type: ignore[arg-type]
        found = store.search_sentences('"hospital"', limit=50)
    return older, found


def _older_store(
    tmp_path: Path, migration: object, edit: Callable[[dict[str, object]], None]
) -> tuple[Path, list[object], object]:
    """The sample and ``_WORDED`` stored as a database from before ``migration`` (as
    ``_stored_before`` leaves it) whose every reading ``edit`` then rewrote as an older
    verifier stored it. Returns its path, the rows and the search of ``_stored_before``."""
    import json

    from verifier.store import Store
    from verifier.store.schema import MIGRATIONS

    report = tmp_path / "depot.txt"
    report.write_text(_WORDED, encoding="utf-8")
    path = tmp_path / "v.db"
    older, before = _stored_before(path, migration, (), (report,))
    with Store(path) as store:
        rows = store.conn.execute("SELECT id, facts FROM sentences WHERE facts IS NOT NULL")
        rewritten = []
        for sid, facts in rows.fetchall():
            data = json.loads(facts)
            edit(data)
            rewritten.append((json.dumps(data), sid))
        with store.transaction() as conn:
            conn.executemany("UPDATE sentences SET facts = ? WHERE id = ?", rewritten)
            conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(migration)}")  # type: ignore[arg-type]
    return path, older, before


def _read_again(
    store: Store, older: list[object], fields: Sequence[str]
) -> dict[int, PassageFacts]:
    """The migrated store's readings (every older one kept, ``_kept``), each of ``fields`` as
    ``read_passage`` reads it from the sentence's text now."""
    rows, stored = _kept(store, older)
    for sid, text in rows:
        fresh = read_passage(text)
        for name in fields:
            assert getattr(stored[sid], name) == getattr(fresh, name), (name, text)
    return stored


def _kept(
    store: Store, older: list[object]
) -> tuple[list[tuple[int, str]], dict[int, PassageFacts]]:
    """The migrated store's sentences with their readings, once every stored reading is
    checked to have come through (as many as before, the planted place kept)."""
    rows = store.conn.execute("SELECT id, text FROM sentences WHERE facts IS NOT NULL").fetchall()
    stored = store.passage_facts(r[0] for r in rows)
    assert len(stored) == len(rows) == len(older)
    assert all(stored[sid].places == {"kept as stored"} for sid, _ in rows)
    return rows, stored


def test_stored_readings_gain_what_happened_without_losing_the_rest(tmp_path: Path) -> None:
    """A database whose sentence readings were stored before the stages after an incident
    and the acts were read keeps every other stored fact and gains those, once."""
    from verifier.store import Store
    from verifier.store.schema import _passage_acts

    path = tmp_path / "v.db"
    older, _ = _stored_before(path, _passage_acts, ("stages", "predicates", "acts"))
    with Store(path) as store:
        rows, stored = _kept(store, older)
        for sid, text in rows:
            fresh = read_passage(text)
            assert stored[sid].stages == fresh.stages
            assert (stored[sid].predicates, stored[sid].acts) == (fresh.predicates, fresh.acts)
        assert any(facts.predicates for facts in stored.values())


def test_stored_readings_gain_their_event_marks_without_losing_the_rest(tmp_path: Path) -> None:
    """A database whose sentence readings were stored before event marks were read gains
    them, with dates resolved against each article's stored date, and keeps the rest."""
    from verifier.store import Store
    from verifier.store.schema import _sentence_marks

    path = tmp_path / "v.db"
    older, before = _stored_before(path, _sentence_marks, ("marks",))
    with Store(path) as store:
        rows = store.conn.execute(
            "SELECT s.id, s.text, a.published FROM sentences s"
            " JOIN articles a ON a.id = s.article_id WHERE s.facts IS NOT NULL"
        ).fetchall()
        stored = store.passage_facts(r[0] for r in rows)
        assert len(stored) == len(rows) == len(older)
        for sid, text, published in rows:
            assert stored[sid].places == {"kept as stored"}
            assert stored[sid].marks == read_marks(text, published)
        assert any(facts.marks and facts.marks.times for facts in stored.values())
        assert store.search_sentences('"hospital"', limit=50) == before


_STALE: dict[str, object] = {
    "quantities": [],
    "measures": None,
    "tentative": True,
    "predicates": [],
    "acts": [],
    "ordinals": None,
    "scores": None,
    "percents": None,
}
"""What an older verifier stored where these readings changed: no counts, no measures, no
acts, every sentence hedged (None: the field left out, as an empty one is)."""


@pytest.mark.parametrize(
    ("migration", "fields"),
    [
        (
            "_reread_relation_readings",
            ("quantities", "measures", "tentative", "predicates", "acts"),
        ),
        ("_reread_counts", ("quantities",)),
        (
            "_ranks_scores_shares_reactions",
            ("ordinals", "scores", "percents", "predicates", "acts"),
        ),
    ],
)
def test_stored_readings_are_read_again_where_their_reading_changed(
    tmp_path: Path, migration: str, fields: tuple[str, ...]
) -> None:
    """A database whose readings of ``fields`` were stored by an older verifier has them read
    again from each sentence's text, once; its other stored facts stay."""
    from verifier.store import Store, schema

    def stale(data: dict[str, object]) -> None:
        for name in fields:
            if _STALE[name] is None:
                data.pop(name, None)
            else:
                data[name] = _STALE[name]

    path, older, before = _older_store(tmp_path, getattr(schema, migration), stale)
    with Store(path) as store:
        stored = _read_again(store, older, fields)
        for name in fields:  # each stale reading was replaced somewhere
            stale_value = {"tentative": True}.get(name, getattr(read_passage(""), name))
            assert any(getattr(f, name) != stale_value for f in stored.values()), name
        assert store.search_sentences('"hospital"', limit=50) == before


_WORDED = """Fire at Harlow depot
A double murder at the Harlow depot cost the firm 9 million euros (8 million pounds), the
Harlow Valley Authority (HVA) said on Tuesday.
The guard died of smoke inhalation, and two men were charged with murder.
Shares in the firm fell 12 per cent after the Harlow Harriers' 3-1 win, their fourth in a row.
"""
"""A made-up report giving what the sample does not: a sum in two currencies, a count given
by a word ("a double murder"), a share, a score."""


def test_stored_readings_gain_what_comparing_asks_of_their_words(tmp_path: Path) -> None:
    """A database whose sentence readings were stored before comparing stopped reading the
    sentences' text (their acronyms and initials, causes, sums in two currencies, counts
    given by a word, headline, a killing named) gains them, read from each sentence's text,
    once, and keeps every other stored fact."""
    import sqlite3
    from contextlib import closing

    from verifier.models import PassageFacts
    from verifier.store import Store
    from verifier.store.schema import COMPARISON_FIELDS, _comparison_readings

    def bare(data: dict[str, object]) -> None:
        for name in COMPARISON_FIELDS:
            data.pop(name, None)  # an older verifier wrote none of them

    path, older, before = _older_store(tmp_path, _comparison_readings, bare)
    with closing(sqlite3.connect(path)) as conn:  # as stored: a Store would migrate it
        stored_json = conn.execute("SELECT facts FROM sentences WHERE facts IS NOT NULL")
        unread = [PassageFacts.from_json(facts) for (facts,) in stored_json]
    assert unread and not any(getattr(f, n) for f in unread for n in COMPARISON_FIELDS)
    with Store(path) as store:
        stored = _read_again(store, older, COMPARISON_FIELDS)
        for name in COMPARISON_FIELDS:  # each was read somewhere
            assert any(getattr(f, name) for f in stored.values()), name
        assert store.search_sentences('"hospital"', limit=50) == before
