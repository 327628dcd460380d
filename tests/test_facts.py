"""Claim facts: numbers, what they count, events, places, dates and the gist, one mechanism each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.models import ClaimFacts, Document
from verifier.text import analyse
from verifier.text.facts import GIST_MAX, event_of, extract_facts
from verifier.text.numbers import parse_number

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def only_quantity(text: str, **kw: object):
    facts = extract_facts(text, **kw)  # type: ignore[arg-type]
    assert len(facts.quantities) == 1, facts.quantities
    return facts.quantities[0]


# --- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("four", 4),
        ("twenty-one", 21),
        ("a dozen", 12),
        ("two million", 2_000_000),
        ("300,000", 300_000),
        ("4 million", 4_000_000),
        ("1.5m", 1_500_000),
        ("3bn", 3_000_000_000),
        ("one hundred and twenty", 120),
        ("two thousand five hundred", 2500),
    ],
)
def test_parse_number_digits_and_words(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_parse_number_rejects_non_numbers() -> None:
    assert parse_number("") is None
    assert parse_number("banana") is None


@pytest.mark.parametrize(
    ("text", "qualifier", "value", "low", "high"),
    [
        ("At least 15 people died.", "at least", 15, 15, None),
        ("More than 300,000 civilians have been killed.", "more than", 300_000, 300_000, None),
        ("Up to 40 people were wounded.", "up to", 40, None, 40),
        ("Nearly 200 families fled.", "nearly", 200, None, None),
        ("Some 5,000 residents were displaced.", "some", 5_000, None, None),
        ("Police detained 12 protesters.", "", 12, 12, 12),
    ],
)
def test_qualifiers_set_bounds(
    text: str, qualifier: str, value: float, low: float | None, high: float | None
) -> None:
    q = only_quantity(text)
    assert (q.qualifier, q.value, q.low, q.high) == (qualifier, value, low, high)
    assert q.approx == (qualifier in ("nearly", "some"))


@pytest.mark.parametrize(
    "text",
    [
        "between 10 and 15 people were killed",
        "10-15 people were killed",
        "10 to 15 people were killed",
    ],
)
def test_ranges(text: str) -> None:
    q = only_quantity(text)
    assert (q.value, q.low, q.high, q.counts, q.event) == (None, 10, 15, "people", "killed")


def test_vague_quantities_have_a_floor() -> None:
    q = only_quantity("Dozens of people were injured in the blast.")
    assert (q.value, q.low, q.approx, q.counts, q.event) == (None, 24, True, "people", "injured")
    q = only_quantity("Tens of thousands of residents fled the city.")
    assert (q.low, q.counts, q.event) == (20_000, "residents", "displaced")


def test_years_times_dates_and_pronoun_one_are_not_quantities() -> None:
    facts = extract_facts(
        "Since 2016, no one has returned; the shelling began at 11 a.m. on March 3, "
        "one of the worst days of the 2011 uprising.",
        published="2024-05-01",
    )
    assert facts.quantities == ()


# --- what is counted, and the event ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "counts", "event"),
    [
        ("an airstrike hit the market, killing four people", "people", "killed"),
        ("at least 15 civilians, including children, were killed", "civilians", "killed"),
        ("36 others were injured in the shelling", "others", "injured"),
        ("two Palestinian journalists were arrested", "journalists", "arrested"),
        ("troops detained 300 displaced people", "people", "arrested"),
        ("some 2,000 families fled their homes", "families", "displaced"),
        ("three days into the offensive", "days", ""),
        ("the strike wounded 9 and left 3 dead", "", "injured"),
    ],
)
def test_counts_and_event(text: str, counts: str, event: str) -> None:
    q = extract_facts(text).quantities[0]
    assert (q.counts, q.event) == (counts, event)


def test_each_figure_gets_its_own_event() -> None:
    facts = extract_facts("killing at least four people and injuring six others")
    assert [(q.value, q.event) for q in facts.quantities] == [(4, "killed"), (6, "injured")]


@pytest.mark.parametrize(
    ("word", "event"),
    [
        ("killing", "killed"),
        ("died", "killed"),
        ("dead", "killed"),
        ("wounded", "injured"),
        ("injuries", "injured"),
        ("fled", "displaced"),
        ("detained", "arrested"),
        ("shelled", "struck"),
        ("struck", "struck"),
        ("captured", "seized"),
        ("entering", "entered"),
        ("history", ""),
        ("entertainment", ""),
        ("deadline", ""),
    ],
)
def test_event_words_are_lemmatised(word: str, event: str) -> None:
    assert event_of(word) == event


def test_events_listed_once_in_order() -> None:
    facts = extract_facts("Rebels entered the town and seized the airport; two were killed.")
    assert facts.events == ("entered", "seized", "killed")


# --- places ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("fighting raged in Khan Younis overnight", "Khan Younis"),
        ("a base on the outskirts of Aleppo city", "Aleppo"),
        ("troops reached the village of Anjara", "Anjara"),
        ("shelling hit the northern town of Lissow", "Lissow"),
        ("strikes across Idlib countryside", "Idlib"),
        ("convoys left from Port Sudan", "Port Sudan"),
    ],
)
def test_places(text: str, place: str) -> None:
    assert place in extract_facts(text).places


def test_not_places_months_days_organisations() -> None:
    facts = extract_facts(
        "In January the army said in Arabic, at Tuesday's briefing, that in the Health Ministry"
        " nobody knew."
    )
    assert facts.places == ()


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("on Friday", "2024-11-29", "day"),
        ("on Thursday", "2024-11-28", "day"),
        ("on Saturday", "2024-11-23", "day"),
        ("last Friday", "2024-11-22", "day"),
        ("yesterday", "2024-11-28", "day"),
        ("today", "2024-11-29", "day"),
        ("last week", "2024-W47", "week"),
        ("Nov. 28, 2024", "2024-11-28", "day"),
        ("28 November", "2024-11-28", "day"),
        ("March 13", "2025-03-13", "day"),
        ("December 30", "2024-12-30", "day"),
        ("in 2016", "2016", "year"),
    ],
)
def test_dates_resolve_against_publication(text: str, iso: str, precision: str) -> None:
    facts = extract_facts(f"Officials said the attack happened {text}.", published="2024-11-29")
    assert [(d.date, d.precision) for d in facts.dates] == [(iso, precision)]


def test_weekday_without_article_date_is_unresolved() -> None:
    (found,) = extract_facts("It happened on Friday.").dates
    assert (found.text, found.date) == ("Friday", "")


def test_weekday_before_full_date_is_one_date() -> None:
    facts = extract_facts(
        "entering Anjara, Thursday Nov. 28, 2024, part of", published="2024-12-02"
    )
    assert [(d.text, d.date) for d in facts.dates] == [("Thursday Nov. 28, 2024", "2024-11-28")]


# --- gist --------------------------------------------------------------------------------------


def test_gist_figure_event_and_object() -> None:
    facts = extract_facts(
        "an artillery shell struck Aleppo University’s student housing, killing four people"
    )
    assert facts.gist == "4 killed · Aleppo University student housing"


def test_gist_keeps_specific_counts_and_a_second_event() -> None:
    facts = extract_facts("at least 15 civilians were killed and 36 others injured in Idlib")
    assert facts.gist == "15+ civilians killed, 36 injured · Idlib"


def test_gist_without_figures_uses_event_object_or_content() -> None:
    assert extract_facts("rebels seized control of the airport").gist == "seized airport"
    long = "the government would consider every proposal put forward by the mediators in due course"
    gist = extract_facts(long).gist
    assert len(gist) <= GIST_MAX and gist.endswith("…") and gist.startswith("the government")


# --- spans, offsets, context and JSON ----------------------------------------------------------


def test_offsets_and_context_fallback() -> None:
    sentence = "On Thursday, at least 15 civilians were killed in Aleppo, the group said."
    content = "at least 15 civilians were killed in Aleppo"
    doc_text = "Intro.\n\n" + sentence
    s0 = doc_text.index(sentence)
    c0 = doc_text.index(content)
    facts = extract_facts(
        content, published="2024-11-29", offset=c0, context=sentence, context_offset=s0
    )
    (q,) = facts.quantities
    assert doc_text[q.span.start : q.span.end] == q.text == "at least 15"
    (d,) = facts.dates  # from the sentence: the content does not repeat the day
    assert doc_text[d.span.start : d.span.end] == "Thursday" and d.date == "2024-11-28"
    assert facts.places == ("Aleppo",)


def test_facts_json_round_trip() -> None:
    facts = extract_facts("Nearly 200 families fled Kherson on Monday.", published="2024-11-29")
    data = json.loads(json.dumps(facts.to_json()))
    assert ClaimFacts.from_json(data) == facts
    assert ClaimFacts.from_json(json.dumps(data)) == facts
    with pytest.raises(ValueError, match="malformed"):
        ClaimFacts.from_json("{not json")


def test_analyse_attaches_facts_to_every_attribution() -> None:
    text = "Four people were killed in Dravna on Friday, police said.\n"
    doc = Document(name="a.txt", text=text, content_hash="h", published="2024-11-29")
    atts = analyse(doc).attributions
    assert atts and all(att.facts is not None for att in atts)
    row = atts[0].to_json()
    assert row["gist"] and isinstance(row["facts"], dict)
    facts = atts[0].facts
    assert facts is not None
    for q in facts.quantities:
        assert text[q.span.start : q.span.end] == q.text


def test_store_keeps_gist_and_facts(tmp_path: Path) -> None:
    from verifier.store import Store

    text = "Four people were killed in Dravna on Friday, police said.\n"
    doc = Document(name="a.txt", text=text, content_hash="h", published="2024-11-29")
    with Store(tmp_path / "v.db") as store:
        store.add_analysed(analyse(doc))
        claims = store.claims()
    assert claims
    for claim in claims:
        facts = ClaimFacts.from_json(claim.facts)
        assert claim.gist == facts.gist and len(claim.gist) <= GIST_MAX
    assert any(
        q.value == 4 and q.event == "killed"
        for c in claims
        for q in ClaimFacts.from_json(c.facts).quantities
    )


# --- hostile input -----------------------------------------------------------------------------

HOSTILE = st.lists(
    st.sampled_from(
        list("0123456789,.-–: ’'\"“\n\t\x1b[]%$İ")
        + [
            "at least ",
            "between ",
            " and ",
            "twenty",
            "-one",
            " million",
            "Friday",
            " Nov. ",
            "killed ",
            "in ",
            "Aleppo ",
            "the village of ",
            "dozens of ",
            "a.m.",
            "2024",
            "struck ",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), HOSTILE), st.sampled_from([None, "2024-11-29", "junk"]))
def test_random_and_hostile_text_never_raises(text: str, published: str | None) -> None:
    facts = extract_facts(text, published=published, offset=7)
    assert len(facts.gist) <= GIST_MAX
    assert "\x1b" not in facts.gist
    for item in (*facts.quantities, *facts.dates):
        assert 7 <= item.span.start <= item.span.end <= len(text) + 7
        assert text[item.span.start - 7 : item.span.end - 7] == item.text


# --- the shared seeds --------------------------------------------------------------------------


def _seed(name: str) -> str:
    path = SHARED / "seeds" / name
    if not path.exists():
        pytest.skip("shared seeds not available")
    return path.read_text(encoding="utf-8")


def test_seed_killing_four_people() -> None:
    text = _seed("000_b9e2feec56aeca02.txt")
    start = text.index("an artillery shell struck")
    sentence = text[start : text.index("SANA", start)]
    q = next(q for q in extract_facts(sentence).quantities if q.text == "four")
    assert (q.value, q.counts, q.event) == (4, "people", "killed")


def test_seed_on_thursday_resolves_against_publication_date() -> None:
    text = _seed("000_b9e2feec56aeca02.txt")
    start = text.index("On Thursday, at least 15")
    sentence = text[start : text.index("\n", start)]
    facts = extract_facts(sentence, published="2024-11-29")
    thursday = next(d for d in facts.dates if d.text == "Thursday")
    assert thursday.date == "2024-11-28"
    assert any(
        q.value == 15 and q.counts == "civilians" and q.event == "killed" for q in facts.quantities
    )
