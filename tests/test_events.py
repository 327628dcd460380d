"""Event identity: which articles report one event, told by the names they use."""

from __future__ import annotations

from pathlib import Path

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
