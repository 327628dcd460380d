"""Near-duplicates, versions, copies and stories: from the text, incrementally, in the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verifier.corroborate.stories import (
    _words,
    containment,
    copy_kind,
    family_roots,
    name_hashes,
    sample,
    shingles,
)
from verifier.pipeline import ingest_paths
from verifier.store import Store
from verifier.store.stories import (
    ArticleLink,
    apply_grouping,
    article_links,
    assign_story,
    first_body_units,
    link_article,
    stories,
)
from verifier.text.speakers import same_source
from verifier.text.terms import fold, tokens

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


def _link(i: int, outlet: str | None, original: int | None = None) -> ArticleLink:
    return ArticleLink(i, f"a{i}", outlet, None, None, None, original, None)


def test_shingle_containment_survives_edits_and_additions() -> None:
    base = " ".join(f"word{i} filler{i % 7}" for i in range(300))
    edited = base.replace("word10 ", "").replace("word200 ", "")
    longer = base + " " + " ".join(f"extra{i}" for i in range(200))
    other = " ".join(f"other{i} thing{i % 5}" for i in range(300))
    assert containment(shingles(base), shingles(edited)) > 0.9
    assert containment(shingles(base), shingles(longer)) == 1.0
    assert containment(shingles(base), shingles(other)) == 0.0
    assert containment(sample(shingles(base)), sample(shingles(longer))) == 1.0
    assert containment(set(), shingles(base)) == 0.0
    assert shingles("") == set() and len(shingles("two words")) == 1


def test_copy_kind_from_outlets_and_containment() -> None:
    assert copy_kind(_link(2, "Northwold News"), _link(1, "northwold news"), 0.7) == "version"
    assert copy_kind(_link(2, "The Greyhaven Times"), _link(1, "Meridian Press"), 0.99) == "copy"
    assert copy_kind(_link(2, None), _link(1, "CNN"), 0.7) == "version"
    assert copy_kind(_link(2, None), _link(1, "CNN"), 0.95) == "copy"


def test_family_roots_follow_chains_and_stop_at_cycles() -> None:
    links = {1: _link(1, "A"), 2: _link(2, "B", 1), 3: _link(3, "C", 2), 4: _link(4, "D", 5)}
    links[5] = _link(5, "E", 4)
    roots = family_roots(links)
    assert roots[1] == roots[2] == roots[3] == 1
    assert roots[4] != roots[1]


def test_names_prefer_frequent_capitalised_words() -> None:
    text = "Lissow was shelled. In Lissow, the Ministry said. Lissow again. Monday. The end."
    assert len(name_hashes(text)) == 2  # lissow, ministry; no weekday, no stopword


def test_same_source_names() -> None:
    assert same_source("KRS", "Kestrian Relief Society")
    assert same_source("the Ministry of Health", "Health Ministry")
    assert same_source("Syrian military", "official Syrian military")
    assert not same_source("Northwold News", "Video filmed by a Northwold News stringer")
    assert not same_source("ministry", "Defence Ministry")
    assert not same_source("", "SANA")


def test_copies_are_found_when_ingested_later(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for name in (
        "01_wire_meridian-press_lissow-hospital-shelling.txt",
        "09_original_northwold-news_hospital-shelling_v1.md",
    ):
        shutil.copy(SAMPLE / name, first / name)
    for name in (
        "03_copy_coastmere-daily_edited.txt",
        "10_update_northwold-news_hospital-shelling_v2.md",
        "07_ngo_kestrian-relief-society_statement.md",
    ):
        shutil.copy(SAMPLE / name, second / name)
    with Store(tmp_path / "v.db") as store:
        ingest_paths(store, [first])
        ingest_paths(store, [second])
        by = {a.name[:2]: a for a in store.articles()}
        assert by["03"].copy_of == by["01"].id and by["03"].copy_kind == "copy"
        assert by["10"].version_of == by["09"].id
        assert by["07"].copy_of is None and by["07"].version_of is None
        # Copies and versions join their original's story, which both first reports share.
        assert by["01"].story_id == by["03"].story_id == by["09"].story_id == by["10"].story_id
        assert max(s.articles for s in stories(store)) >= 4
        # Evidence for an old claim from its new copy is repetition, never independent.
        wire = [c for c in store.claims() if c.article_id == by["01"].id]
        from_copy = [e for c in wire for e in store.evidence(c.id) if e.article_id == by["03"].id]
        assert from_copy and not any(
            e.independent and e.relation != "contradicts" for e in from_copy
        )


def test_first_body_unit_is_where_the_report_starts(tmp_path: Path) -> None:
    """A sentence's place in its report counts from the first body sentence: the title and
    the byline before it are not the report."""
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "a.txt").write_text(
        "Quake kills ten on Qeshm island\n\nBy Jane Doe\n\n"
        "A strong earthquake struck Qeshm island on Sunday. It killed ten people, officials said."
        "\n\nRescuers searched the rubble of mud-brick homes through the night.\n",
        encoding="utf-8",
    )
    (desk / "b.txt").write_text(
        "Rescuers searched the rubble of mud-brick homes on Qeshm island through the night.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "v.db") as store:
        ingest_paths(store, [desk])
        a, b = store.article_by_name("a.txt"), store.article_by_name("b.txt")
        assert a is not None and b is not None
        kinds = [u.kind for u in store.sentences(a.id)]
        assert first_body_units(store, [a.id, b.id]) == {a.id: 2, b.id: 0}
    assert kinds == ["headline", "byline", "body", "body", "body"]


def test_store_links_and_story_merges(tmp_path: Path) -> None:
    with Store(tmp_path / "v.db") as store:
        ingest_paths(
            store,
            [
                SAMPLE / "04_state-media_knna_government-account.md",
                SAMPLE / "07_ngo_kestrian-relief-society_statement.md",
                SAMPLE / "12_intl-org_assembly-of-nations_flash-update.md",
            ],
            corroborate=False,
        )
        ids = sorted(article_links(store))
        assert all(link.story_id is None for link in article_links(store).values())
        s1 = assign_story(store, [ids[0]], "one")
        s2 = assign_story(store, [ids[1]], "two")
        assert s1 != s2
        assert assign_story(store, [ids[0], ids[1], ids[2]], "merged") == min(s1, s2)
        assert [s.articles for s in stories(store)] == [3]
        link_article(store, ids[1], ids[0], "relay")
        assert article_links(store)[ids[1]].copy_of == ids[0]
        with pytest.raises(ValueError):
            link_article(store, ids[1], ids[1], "copy")
        with pytest.raises(ValueError):
            link_article(store, ids[1], ids[0], "reprint")
        with pytest.raises(ValueError):
            apply_grouping(store, [], [(ids[2], ids[2], "copy")], [])
        assert article_links(store)[ids[2]].copy_of is None  # the failed pass wrote nothing


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_ascii_fast_path_splits_words_as_the_full_path(text: str) -> None:
    """Sketches stored by earlier ingests must stay comparable: same words, same hashes."""
    assert _words(text) == [fold(t) for t in tokens(text)]
