"""Reading figures, places, days and cues from text, and relating two passages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.corroborate.compare import (
    RELATIONS,
    Pair,
    read_facts,
    relate,
    same_scale,
)
from verifier.text.passage import days, figure_label, places, quantities, read_passage


def labels(text: str) -> list[str]:
    return [figure_label(q) for q in quantities(text)]


def test_numbers_as_digits_and_words_with_their_event() -> None:
    assert labels("killing at least four people and injuring six others") == [
        "4 killed",
        "6 wounded",
    ]
    text = "at least 15 civilians, including six children, were killed, and 36 others injured"
    assert labels(text) == ["15 killed", "6 killed", "36 wounded"]
    assert labels("More than 300,000 civilians have been killed") == ["300000 killed"]
    assert labels("a dozen people died") == ["12 killed"]


def test_dates_years_and_clock_times_are_not_counts() -> None:
    assert labels("On 13 March 2025 at 11 a.m. the convoy left") == []
    assert labels("since government forces recaptured the city in 2016") == []
    assert labels("One video shows the blast") == []


def test_anaphoric_count_takes_the_event_of_the_count_before() -> None:
    text = "23 people had been killed across Lissow, 14 of them in the hospital, and 41 wounded"
    assert labels(text) == ["23 killed", "14 killed", "41 wounded"]


def test_bodies_recovered_count_as_dead() -> None:
    assert labels("Volunteers recovered the bodies of 11 people, among them two nurses") == [
        "11 killed",
        "2 killed",
    ]


def test_places_and_days() -> None:
    assert places("a school in Idlib city on Friday") == {"idlib"}
    assert "brenmoor" in places("a drone strike on the covered market in Brenmoor")
    assert days("on Thursday, 13 March") == {"thursday", "13 mar"}


def test_same_figure_for_another_place_is_unrelated() -> None:
    a = read_facts("a drone strike on the market in Brenmoor on Wednesday killed four civilians")
    b = read_facts("Across the river in Dravna, shelling early on Friday killed four people")
    relation, reasons = relate(a, b)
    assert relation == "unrelated"
    assert any("different" in r for r in reasons)


def test_differing_toll_for_one_event_contradicts() -> None:
    a = read_facts("Shells struck the hospital in Lissow on Thursday, killing at least nine people")
    b = read_facts("Fourteen people were killed when Lissow District Hospital was shelled")
    relation, reasons = relate(a, b)
    assert relation == "contradicts"
    assert reasons[0] == "figure differs: 9 killed vs 14 killed"


def test_same_toll_same_event_supports_and_other_noun_supports_partly() -> None:
    a = read_facts("Two nurses were among the dead at the hospital")
    assert relate(a, read_facts("the bodies of 11 people, among them two nurses"))[0] == "supports"
    b = read_facts("She said two of her colleagues were killed in the triage area")
    assert relate(a, b)[0] == "partly_supports"


def test_figures_of_different_scale_are_not_rival_counts() -> None:
    assert not same_scale(4, 300_000)
    assert same_scale(9, 14)
    a = read_facts("an artillery shell struck the dormitory, killing four people")
    b = read_facts("More than 300,000 civilians have been killed in a decade of war")
    assert relate(a, b)[0] != "contradicts"


def test_denial_contradicts_and_caveat_is_its_own_relation() -> None:
    a = read_facts("the convoy had been turned away at the checkpoint", stance="denies")
    b = read_facts("A convoy of three trucks was turned back at the checkpoint")
    assert relate(a, b)[0] == "contradicts"
    accusation = read_facts("The ministry accused the rebels of firing the shells")
    denial = read_facts("The group denied any role in the attack.")
    near = Pair(same_article=True, paragraph_gap=0)
    assert relate(accusation, denial, near)[0] == "contradicts"
    assert relate(accusation, denial)[0] != "contradicts"  # nothing shared, not nearby
    caveat = read_facts("The outlet could not independently verify the claim.")
    assert relate(accusation, caveat, Pair(same_article=True, paragraph_gap=1))[0] == (
        "outlet_caveat"
    )
    assert relate(accusation, caveat, Pair(same_article=True, paragraph_gap=9))[0] != (
        "outlet_caveat"
    )


def test_change_of_control_contradicts() -> None:
    a = read_facts("The ministry said the bridge remained under army control.")
    b = read_facts("Fighters seized the road bridge over the river on Thursday.")
    assert relate(a, b)[0] == "contradicts"


def test_versions_and_relays_are_the_same_report() -> None:
    a = read_facts("killing at least seven people in the hospital")
    b = read_facts("killing at least 11 people in the hospital")
    assert relate(a, b, Pair(family=True))[0] == "same_report"
    assert relate(a, b)[0] == "contradicts"
    assert relate(a, read_facts("the hospital had seven people killed"), Pair(relay=True))[0] == (
        "same_report"
    )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_any_text_reads_and_relates_without_error(a: str, b: str) -> None:
    relation, reasons = relate(read_facts(a, b), read_facts(b), Pair(same_article=True))
    assert relation in RELATIONS
    assert all(isinstance(r, str) for r in reasons)


CLAIM_34 = read_facts(
    "killing at least 34 people",
    "Flash floods swept through villages in the Varna valley on Tuesday, killing at least 34 "
    "people, the regional emergency service said.",
)


def test_same_figure_for_another_kind_of_incident_is_unrelated() -> None:
    crash = read_facts("A bus crash in the north of the country killed 34 people on Tuesday.")
    relation, reasons = relate(CLAIM_34, crash)
    assert relation == "unrelated"
    assert "different incident (flood vs crash)" in reasons


def test_a_separate_incident_is_another_event() -> None:
    other = read_facts("In a separate incident, 34 people were killed on Tuesday, police said.")
    assert relate(CLAIM_34, other)[0] == "unrelated"


def test_a_bare_toll_read_up_to_its_clause_contradicts_a_differing_count() -> None:
    toll = read_facts(
        "The death toll from Tuesday's flash floods in the Varna valley has risen to 41, "
        "the Red Crescent said on Wednesday."
    )
    assert [figure_label(q) for q in toll.facts.quantities] == ["41 killed"]
    relation, reasons = relate(CLAIM_34, toll)
    assert relation == "contradicts", reasons
    assert reasons[0] == "figure differs: 34 killed vs 41 killed"


def test_the_day_a_source_spoke_is_not_the_day_of_the_event() -> None:
    assert days("The toll from Tuesday's floods rose, the Red Crescent said on Wednesday.") == {
        "tuesday"
    }
    assert days("Police said Monday that three died on Sunday.") == {"sunday"}


def test_failing_to_is_a_negation() -> None:
    assert read_passage("the company failed to open the sluices in time").negated
    assert not read_passage("the sluices were opened at 6 p.m.").negated


def test_bodies_recovered_conflict_with_a_differing_toll() -> None:
    a = read_facts(
        "14 of them in the hospital compound",
        "23 people were killed, 14 of them in the hospital compound",
    )
    b = read_facts("The Society said its volunteers had recovered 11 bodies from the compound")
    relation, reasons = relate(a, b)
    assert relation == "contradicts", reasons


def test_a_figure_for_another_site_in_the_same_town_is_another_event() -> None:
    a = read_facts("a drone strike on the covered market in Brenmoor killed four people")
    b = read_facts("Our volunteers recovered the bodies of 11 people from the hospital")
    relation, reasons = relate(a, b)
    assert relation == "unrelated"
    assert "different site (market vs hospital)" in reasons
