"""Event identity: which articles report one event, told by the names they use."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.corroborate import events
from verifier.corroborate.corpus import CorpusView
from verifier.corroborate.events import (
    Names,
    event_reading_others,
    event_sentences,
    event_similarity,
    group_signatures,
    other_events,
    profile_correlation,
    story_groups,
)
from verifier.pipeline import ingest_paths
from verifier.store import Store
from verifier.store.stories import event_names, name_frequencies, named_articles
from verifier.text.events import read_event, variant_of

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


def test_reading_counts_names_and_skips_openers_and_calendar_words() -> None:
    reading = read_event(
        [
            "The quake struck Bireuen on Monday. In Bireuen, the Red Cross said 24 died.",
            "Aceh officials said Bireuen was hit hardest. The toll may rise.",
        ]
    )
    assert reading.names["bireuen"] == 3
    assert reading.names["aceh"] == 1
    assert reading.names["cross"] == 1
    assert "the" not in reading.names and "monday" not in reading.names
    assert not read_event(["no names here at all."])


def test_reading_keeps_the_most_used_names() -> None:
    text = " ".join(f"Name{chr(97 + i)} " * (i + 1) for i in range(10))
    reading = read_event([text], limit=3)
    assert set(reading.names) == {"namej", "namei", "nameh"}


def test_spelling_variants_of_one_name_match_and_other_names_do_not() -> None:
    assert variant_of("bireun", ["aceh", "bireuen", "jakarta"]) == "bireuen"
    assert variant_of("yogyakarta", ["jogjakarta"]) is None  # another first letter
    assert variant_of("lohan", ["logan"]) is None  # short names are told apart by spelling
    assert variant_of("teixeira", ["texeira", "teixera"]) in {"texeira", "teixera"}
    assert variant_of("lissow", ["marren", "ostra"]) is None


def test_ingest_stores_each_articles_reading(tmp_path: Path) -> None:
    with Store(tmp_path / "v.db") as store:
        ingest_paths(store, [SAMPLE])
        ids = [a.id for a in store.articles()]
        readings = event_names(store, ids)
        assert named_articles(store) == len(ids)
        assert all(readings[a] for a in ids)
        wire = next(a for a in store.articles() if a.name.startswith("01_"))
        assert "lissow" in readings[wire.id]
        assert name_frequencies(store, ["lissow", "no-such-name"]) == {
            "lissow": sum("lissow" in r for r in readings.values())
        }
        # Grouping an article again replaces its reading, never doubles it.
        from verifier.corroborate.stories import group_articles

        group_articles(store, [wire.id])
        assert event_names(store, [wire.id]) == {wire.id: readings[wire.id]}


COMMON = {"indonesia": 60, "cross": 30}
"""Names the rest of a 200-article desk uses too: the country, the aid agency."""


def _names(readings: dict[int, dict[str, int]], desk: int = 200) -> Names:
    df: dict[str, int] = {}
    for reading in readings.values():
        for name in reading:
            df[name] = df.get(name, 0) + 1
    return Names(readings=readings, named_df={**df, **COMMON}, named=desk)


def test_event_similarity_weighs_shared_rare_names_and_spelling_variants() -> None:
    df = {"indonesia": 80, "bireuen": 3, "bireun": 1, "aceh": 5, "yogyakarta": 4}
    quake = {"bireuen": 4, "aceh": 2, "indonesia": 1}
    assert event_similarity(quake, quake, df, 200) == pytest.approx(1.0)
    assert event_similarity(quake, {"yogyakarta": 3}, df, 200) == 0.0
    assert event_similarity(quake, {}, df, 200) == 0.0
    spelled = {"bireun": 4, "aceh": 2, "indonesia": 1}
    assert event_similarity(quake, spelled, df, 200) > 0.9
    other = {"yogyakarta": 4, "bantul": 2, "indonesia": 1}
    assert event_similarity(quake, other, df, 200) < 0.1  # only the country shared


def test_two_events_of_one_kind_are_told_apart_and_one_event_is_never_split(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "v.db") as store:  # every reading is given: nothing is read
        _told_apart(store)


def _told_apart(store: Store) -> None:
    aceh = {"bireuen": 4, "aceh": 3, "indonesia": 2, "cross": 1}
    java = {"yogyakarta": 4, "bantul": 3, "indonesia": 2, "cross": 1}
    readings = {
        1: aceh,
        2: {**aceh, "irwandi": 2},
        3: {**aceh, "lhokseumawe": 1},
        4: java,
        5: {**java, "sultan": 2},
        6: {**java, "klaten": 1},
    }
    names = _names(readings)
    none = lambda _a, _b: False  # noqa: E731
    for mine, theirs in (({1, 2, 3}, {4, 5, 6}), ({4, 5, 6}, {1, 2, 3})):
        for a in mine:
            assert event_reading_others(store, a, readings, names, none, lambda x: [x]) == theirs
    # One event: a local paper naming its residents is far from the wire's reports, but has
    # no close reports of its own, so nothing is split off.
    local = {"bireuen": 1, "rahmat": 3, "nurdin": 2, "matang": 2}
    one = {1: aceh, 2: readings[2], 3: readings[3], 7: local}
    names = _names(one)
    assert all(not event_reading_others(store, a, one, names, none, lambda x: [x]) for a in one)
    # A copy of the claim's article is its report, however the names were read.
    assert event_reading_others(
        store, 1, readings, _names(readings), lambda a, b: {a, b} == {1, 4}, lambda x: [x]
    ) == {
        5,
        6,
    }


def test_no_article_of_the_one_event_sample_reports_another_event(tmp_path: Path) -> None:
    with Store(tmp_path / "v.db") as store:
        ingest_paths(store, [SAMPLE], corroborate=False)
        from verifier.corroborate.stories import group_articles

        group_articles(store, [a.id for a in store.articles()])
        view = CorpusView.load(store)
        ids = [a.id for a in store.articles()]
        for a in ids:
            found = other_events(
                store,
                a,
                ids,
                len(view.links),
                view.names,
                family=view.family,
                same_story=lambda b, a=a: view.same_story(a, b),
            )
            assert not found, (a, found)


def _one_story_others(
    store: Store, claim: int, readings: dict[int, dict[str, int]], names: Names
) -> set[int]:
    """``other_events`` for ``claim`` when all of ``readings`` make one story."""
    everyone = list(readings)
    return other_events(
        store,
        claim,
        everyone,
        len(readings),
        names,
        story=lambda a: [a, *(b for b in everyone if b != a)],
        same_story=lambda _: True,
    )


# Two earthquakes of one kind, three reports each (1-3 Aceh, 4-6 Java): the tests of how a
# report joins one of them add their own reports to these.
_ACEH = {"bireuen": 4, "aceh": 3, "lhokseumawe": 2, "indonesia": 2}
_JAVA = {"yogyakarta": 4, "bantul": 3, "klaten": 2, "indonesia": 2}
TWO_QUAKES: dict[int, dict[str, int]] = {
    1: _ACEH,
    2: {**_ACEH, "irwandi": 2},
    3: {**_ACEH, "matang": 1},
    4: _JAVA,
    5: {**_JAVA, "sultan": 2},
    6: {**_JAVA, "sleman": 1},
}


def test_reports_close_to_the_same_others_are_one_event_though_their_own_names_differ(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readings = {
        **TWO_QUAKES,
        # An aid agency's Aceh report and a local paper: they share one town and little
        # else, but both are close to Aceh's reports and far from Java's.
        7: {"unicef": 3, "aceh": 2, "nurdin": 2, "lhokseumawe": 1},
        8: {"oxfam": 3, "indonesia": 3, "matang": 2, "aceh": 1},
    }
    names = _names(readings)
    everyone = list(readings)
    assert profile_correlation(names, 7, 8, everyone) > 0.8
    assert profile_correlation(names, 7, 5, everyone) < 0.0
    assert profile_correlation(names, 7, 8, [7, 8, 1]) == 0.0  # too few reports to tell

    def found(names: Names) -> set[int]:
        return _one_story_others(store, 7, readings, names)

    with Store(tmp_path / "v.db") as store:
        assert found(names) == {4, 5, 6}
        # By their own closeness alone they would be told apart.
        monkeypatch.setattr(events, "PROFILE_SAME", 2.0)
        assert found(_names(readings)) == {4, 5, 6, 8}


def test_a_report_nearer_the_reports_told_apart_is_of_their_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readings = {
        **TWO_QUAKES,
        # A Klaten paper on the Java quake that recalls Bireuen once: close enough to the
        # claim's report not to be told apart by the pair alone, nearer Java's reports.
        8: {"klaten": 3, "cross": 2, "bireuen": 1},
    }

    def found() -> set[int]:
        with Store(tmp_path / "v.db") as store:
            return _one_story_others(store, 1, readings, _names(readings))

    assert found() == {4, 5, 6, 8}
    monkeypatch.setattr(events, "OTHER_GROUP", len(readings))
    assert found() == {4, 5, 6}


def test_a_story_of_two_events_splits_into_them_and_a_story_of_one_never_splits(
    tmp_path: Path,
) -> None:
    # Story grouping lumps two quakes told with the same words; two more reports each make
    # both events dense enough to be told apart as groups.
    readings = {
        **TWO_QUAKES,
        7: {**_ACEH, "unicef": 2},
        8: {**_ACEH, "nurdin": 1, "cross": 1},
        9: {**_JAVA, "merapi": 2},
        10: {**_JAVA, "sleman": 2, "cross": 1},
    }
    aceh, java = {1, 2, 3, 7, 8}, {4, 5, 6, 9, 10}
    names = _names(readings)
    with Store(tmp_path / "v.db") as store:
        groups = story_groups(store, names, list(readings))
        assert groups is not None
        assert {groups[a] for a in aceh} != {groups[a] for a in java}
        assert len({groups[a] for a in aceh}) == len({groups[a] for a in java}) == 1
        # Every report of the other event is told apart, whatever the pairs alone say.
        assert _one_story_others(store, 2, readings, names) == java
        # One quake, each report quoting its own resident or official: whichever way the
        # story's own weights cut it, its halves are as close as each half's reports.
        people = [
            "rahmat",
            "nurdin",
            "yusuf",
            "irwandi",
            "safrida",
            "teuku",
            "marzuki",
            "hasan",
            "zainal",
            "cut",
        ]
        one = {a: {**_ACEH, person: 2} for a, person in enumerate(people, start=1)}
        assert story_groups(store, _names(one), list(one)) is None
        # Nor is a breaking desk of near-copies, some adding a detail.
        copies = {a: {**_ACEH, **({"unicef": 1} if a % 3 == 0 else {})} for a in range(1, 13)}
        assert story_groups(store, _names(copies), list(copies)) is None


def test_a_report_left_between_the_groups_joins_the_one_it_is_plainly_nearer() -> None:
    readings = {
        **TWO_QUAKES,
        # An Aceh follow-up recalling Klaten once, and a wire round-up of both quakes.
        7: {"bireuen": 3, "aceh": 2, "lhokseumawe": 1, "klaten": 1},
        8: {"bireuen": 2, "aceh": 1, "yogyakarta": 2, "bantul": 1},
    }
    side = {1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 6: 1}
    none = lambda _a, _b: False  # noqa: E731
    assert events._nearer_side(_names(readings), list(readings), side, none) == {7: 0}


def _two_quake_story() -> dict[int, dict[str, int]]:
    return {
        **TWO_QUAKES,
        7: {**_ACEH, "unicef": 2},
        8: {**_ACEH, "nurdin": 1, "cross": 1},
        9: {**_JAVA, "merapi": 2},
        10: {**_JAVA, "sleman": 2, "cross": 1},
    }


def test_a_sentence_naming_one_events_signing_names_is_of_that_event(tmp_path: Path) -> None:
    readings = _two_quake_story()
    names = _names(readings)
    everyone = list(readings)
    story = lambda a: [a, *(b for b in everyone if b != a)]  # noqa: E731
    with Store(tmp_path / "v.db") as store:
        groups = story_groups(store, names, everyone)
        assert groups is not None
        signs = group_signatures(names, groups)
        aceh, java = signs[groups[1]], signs[groups[4]]
        assert {"bireuen", "aceh", "lhokseumawe"} <= aceh
        assert {"yogyakarta", "bantul", "klaten"} <= java
        assert "indonesia" not in aceh | java  # both quakes' reports name the country
        hits = [
            (101, 9, "The quake near Yogyakarta flattened homes."),
            (102, 7, "A second quake struck Bantul on Sunday."),  # an Aceh report recalls Java
            (103, 9, "Aid workers reached the town."),
            (104, 8, "Homes collapsed across the district."),
            (105, 4, "Survivors in Bireuen were given tents."),  # a Java report recalls Aceh
            (106, 2, "The quake near Yogyakarta flattened homes."),  # the claim's own article
        ]
        named = event_sentences(
            store, names, 2, "Rescuers in Bireuen counted the dead.", hits, story=story
        )
        assert named == ({101, 102, 103}, {104, 105})
        # A claim naming neither: its article's side, and only named sentences are moved.
        unnamed = event_sentences(
            store, names, 2, "The death toll rose overnight.", hits, story=story
        )
        assert unnamed == ({101, 102}, {105})
        # A claim of the Aceh report naming Java's town is about the Java quake.
        recalled = event_sentences(
            store, names, 2, "It was stronger than the Klaten quake.", hits, story=story
        )
        assert recalled == ({104, 105}, {101, 102, 103})
        # A story of one event has no sides to tell.
        one = {a: {**_ACEH, "rahmat": a} for a in range(1, 11)}
        assert event_sentences(
            store, _names(one), 2, "Rescuers in Bireuen counted the dead.", hits, story=story
        ) == (set(), set())


def test_a_sentences_names_are_read_once_per_run() -> None:
    """Hits come back claim after claim: the sentence is read the first time only, by id."""
    from verifier.corroborate.events import Names, used_names

    names = Names()
    text = "Rescuers in Dravna counted 12 dead after the Ostra river flooded."
    assert names.sentence_names(7, text) == used_names(text)
    assert {"dravna", "ostra"} <= names.sentence_names(7, text)
    assert names.sentence_names(7, "") == used_names(text)  # remembered, not read again


def test_a_sentences_names_come_from_its_stored_event_marks() -> None:
    """A sentence stored with its event marks is not read again: its marks are its names."""
    from verifier.corroborate.events import Names, used_names
    from verifier.text.events import sentence_reading

    text = "Rescuers in Dravna counted 12 dead after the Ostra river flooded."
    stored = sentence_reading(text, "2024-11-29")
    assert stored.marks is not None and stored.marks.names == used_names(text)
    names = Names()
    assert names.sentence_names(7, "", stored) == used_names(text)
    assert not names.sentences  # nothing read, nothing remembered
