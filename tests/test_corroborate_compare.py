"""Reading figures, places, days and cues from text, and relating two passages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.corroborate.compare import (
    RELATIONS,
    Pair,
    relate,
    same_scale,
)
from verifier.corroborate.readings import read_facts
from verifier.text.passage import (
    causes,
    days,
    denied_terms,
    figure_label,
    implied_stages,
    is_casualty,
    measures,
    negated_terms,
    ordinals,
    percents,
    places,
    quantities,
    read_passage,
    scores,
    stages,
)
from verifier.text.predicates import read_acts


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


def test_ages_clock_times_and_fractions_are_not_counts() -> None:
    assert labels("Hollywood's Mermaid, Esther Williams dies at 91") == []
    assert labels("she died at the age of 91, her spokesman said") == []
    assert labels("said Jackman, 40, star of the romantic epic") == []
    assert labels("the shooting took place just after 8:30pm Thursday") == []
    text = "An earthquake with a magnitude of at least 5.9 hit, killing at least 10 people"
    assert labels(text) == ["10 killed"]
    # A count at a level is still a count.
    assert labels("The death toll stood at 41.") == ["41 killed"]


def test_spans_and_distances_are_measures_compared_only_with_their_own_unit() -> None:
    a = read_facts(
        "the first shell landed at the hospital and three more followed within ten minutes"
    )
    b = read_facts("four shells landed at the hospital within about twelve minutes")
    assert [(m.value, m.counts) for m in a.facts.measures] == [(10.0, "minute")]
    relation, reasons = relate(a, b)
    assert relation == "partly_supports"
    assert "minute differs: 10 vs 12" in reasons
    # "eight days ago" is when, seen from the day of writing: never compared.
    assert read_passage("the killing of a boy eight days ago").measures == ()


def test_three_shared_words_state_the_claims_main_point() -> None:
    a = read_facts("Bettie Page, the pin-up queen, died Thursday in Los Angeles at age 85.")
    b = read_facts("Famous 1950s pin-up star Bettie Page has died in Los Angeles, aged 85.")
    assert relate(a, b)[0] == "supports"


def test_one_toll_said_of_people_and_of_who_they_were_supports() -> None:
    a = read_facts(
        "Three people were killed when protesters threw petrol bombs at a bank in Athens"
    )
    b = read_facts("three bank workers died in a petrol bomb attack in Athens")
    assert relate(a, b) == (
        "supports",
        ("same figure: 3 killed", "shared: athens, bank, bombs, petrol"),
    )
    # Two of the three named beside the total do not make the support partial.
    c = read_facts(
        "The three bank workers, a man and two women, died after a bank in Athens burned"
    )
    d = read_facts("Three bank workers were killed when a bank in Athens burned")
    assert relate(c, d)[0] == "supports"


def test_what_the_evidence_leaves_out_or_says_otherwise_makes_support_partial() -> None:
    negative = read_facts("The teenager shot by police in Brooklyn did not have a gun")
    riot = read_facts("Riots broke out in Brooklyn after police shot a teenager")
    assert relate(negative, riot) == (
        "partly_supports",
        ("shared: brooklyn, police, shot, teenager", "does not say what the claim says is not so"),
    )
    definite = read_facts("Chris Weitz will direct the sequel to Twilight")
    talks = read_facts("Chris Weitz is in negotiations to direct the Twilight sequel")
    assert relate(definite, talks)[0] == "partly_supports"
    assert "not yet a fact in the evidence" in relate(definite, talks)[1]
    assert relate(talks, definite)[0] == "supports"


def test_a_count_of_one_thing_that_differs_is_no_support_and_no_contradiction() -> None:
    a = read_facts("Five bombs were dropped on the village of Kafr Nabl, and four of them exploded")
    b = read_facts("Warplanes dropped four bombs on the village of Kafr Nabl")
    relation, reasons = relate(a, b)
    assert relation == "partly_supports"
    assert "figure differs: 5 bombs vs 4 bombs" in reasons


def test_a_denial_beside_the_negative_it_defends_is_one_account() -> None:
    denial = read_facts("militants were inside the school", stance="denies")
    restated = read_facts("There were no militants inside the school, the ministry said")
    assert relate(denial, restated)[0] == "supports"
    claim = read_facts("militants were inside the school")
    assert relate(claim, restated) == (
        "contradicts",
        ("the evidence says it is not so (militants)", "shared: inside, militants, school"),
    )


def test_a_negation_reaches_the_one_thing_it_says_is_not_so() -> None:
    assert negated_terms("He did not have a gun, a witness said") == {"gun"}
    assert negated_terms("No one was killed in the blast") == {"killed"}
    assert negated_terms("Gary Ross hasn't departed the film") == {"departed"}
    assert negated_terms("It's not Patch Tuesday, but Microsoft released a fix") == frozenset()
    assert negated_terms("Gary Ross Will Not Direct 'Hunger Games' Sequel") == {"direct"}
    assert negated_terms("projects not likely to harm species") == {"harm"}
    # Not saying is not saying it is not so.
    assert negated_terms("Police did not identify the victims") == frozenset()
    gun = read_facts("The teenager shot by police in Brooklyn had a gun, police said")
    witness = read_facts("The teenager shot by police in Brooklyn did not have a gun")
    assert relate(gun, witness)[0] == "contradicts"
    assert relate(witness, gun)[0] == "contradicts"
    # "no news" says nothing of "New Moon".
    studio = read_facts("The studio says there is no news about Chris Weitz and Twilight")
    moon = read_facts("Chris Weitz will direct New Moon, the sequel to Twilight")
    assert relate(studio, moon)[0] != "contradicts"


def test_lies_as_a_noun_is_no_denial() -> None:
    assert not read_passage("Emotional testimony and at times lies are what jurors heard").denies
    assert read_passage("The ministry called the reports baseless lies").denies
    assert read_passage("These claims are lies, the spokesman said").denies


def test_the_same_words_in_another_article_are_the_same_report() -> None:
    text = (
        "Four men rammed their car into an upmarket jewellery store in central Paris on Monday, "
        "smashing the shop window and making off with a two-million-euro booty"
    )
    copy = text.replace("jewellery", "jewelry") + ", a police source said."
    assert relate(read_facts(text), read_facts(copy)) == (
        "same_report",
        ("the same words as the claim's report",),
    )
    # A short headline worded alike by two outlets is two reports.
    a = read_facts("Gary Ross in negotiations to direct 'Hunger Games' sequel")
    b = read_facts("Gary Ross in talks to direct 'The Hunger Games' sequel 'Catching Fire'")
    assert relate(a, b)[0] != "same_report"


def test_what_a_number_counts_beside_a_toll() -> None:
    # Children, the accused, court counts, money and years are no tolls.
    assert labels("Video of Brooklyn mother of 13 Zurana Horton shot and killed") == []
    assert labels("the trial of the two men accused of killing Zurana Horton") == ["2 men"]
    assert labels("guilty of murder and two counts of assault in the death of Horton") == [
        "2 counts"
    ]
    # A sum of money is a count of its own (the labelling rule's), never a toll.
    paid = quantities("who delivered more than $300,000 in payoffs, died")
    assert [figure_label(q) for q in paid] == ["$300,000"]
    assert not any(is_casualty(q) for q in paid)
    assert labels("LaRue died Saturday, July 24, 2004, of natural causes.") == []
    assert labels("the thugs Andrew Lopez, 20 and Jonathan Carrasquillo, 24, were shooting") == []
    # Who died, named, is one toll; who was shot is not who died.
    assert labels("Police said two women and one man died at the bank") == ["3 killed"]
    assert labels("A man suspected of shooting three people, killing one, was arrested") == [
        "3 shot"
    ]


def test_rival_figures_of_one_thing_contradict_and_rough_ones_agree_in_part() -> None:
    a = read_facts(
        "A 36-year-old Australian climber is dead after falling 150 metres at Mount Cook."
    )
    b = read_facts(
        "On Friday Duncan Rait died after slipping and falling about 60 metres on Mount Cook."
    )
    assert relate(a, b)[0] == "contradicts"
    assert relate(a, b)[1][0] == "metre differs: 150 vs 60"
    c = read_facts("A 32-year-old British climber fell about 600 metres on Mount Sefton.")
    d = read_facts("Police said Robert Buckley fell 609 metres on Mount Sefton, near the hut.")
    assert relate(c, d)[0] == "supports"  # "about 600" is 609 rounded
    e = read_facts("Police said Robert Buckley fell 520 metres on Mount Sefton, near the hut.")
    assert relate(c, e) == (
        "partly_supports",
        ("shared: fell, metres, mount, sefton", "metre differs: 600 vs 520"),
    )
    # A span of time grows with the day of writing; distances from other places differ.
    riots = read_facts("The police killing in Athens sparked five days of rioting")
    later = read_facts("Athens was calm after eight days of rioting sparked by the police killing")
    assert relate(riots, later)[0] == "partly_supports"
    tehran = read_facts("A quake jolted the island on Sunday, some 930 miles south of the capital")
    bandar = read_facts("The quake on Sunday hit the island 36 miles south-west of Bandar Abbas")
    assert relate(tehran, bandar)[0] != "contradicts"
    assert measures("a 5.9 magnitude earthquake has leveled seven villages")[0].value == 5.9
    assert len(measures("a 5.9 magnitude earthquake has leveled seven villages")) == 1


def test_a_toll_without_a_counted_noun_is_of_people() -> None:
    a = read_facts("Ten people were killed and at least 50 injured when the quake hit the island")
    b = read_facts("The quake hit the island, killing 10 people and injuring 80")
    assert [figure_label(q) for q in a.facts.quantities] == ["10 killed", "50 wounded"]
    # The dead agree, the injured do not: a figure for the same event differs.
    assert relate(a, b) == (
        "contradicts",
        ("figure differs: 50 wounded vs 80 wounded", "shared: hit, injured, island, quake"),
    )


def test_a_copy_that_says_the_claim_is_not_so_is_no_repeat_of_it() -> None:
    police = read_facts("Kimani Gray was shot after pointing a gun at officers, police said")
    witnesses = read_facts(
        "Witnesses say Kimani Gray was running when he was shot and did not have a gun"
    )
    assert relate(police, witnesses, Pair(family=True))[0] == "contradicts"


def test_the_verb_before_a_number_names_its_toll_and_things_are_no_toll() -> None:
    assert labels("In February, a gunman killed five people and injured several others") == [
        "5 killed"
    ]
    assert labels("Gunman kills 1, wounds 2 at accounting office") == ["1 killed", "2 wounded"]
    assert labels("18 houses were damaged and many people injured") == ["18 houses"]
    assert labels("an injury that ended his season two games short of the finale") == ["2 games"]


def test_a_ranking_number_is_no_negation_and_a_dismissal_no_denial() -> None:
    assert not read_passage("the No. 1 Tar Heels remain unbeaten").negated
    assert negated_terms("the No. 1 Tar Heels remain unbeaten") == frozenset()
    assert not read_passage("the 76ers notified the former point guard of his dismissal").denies
    assert read_passage("The ministry dismissed the reports as propaganda").denies


def test_a_denial_answers_only_what_it_denies() -> None:
    assert denied_terms("A man has denied arson following a fire at a supermarket") == {"arson"}
    assert denied_terms("Sorn denied that the convoy had been turned away") == {
        "convoy",
        "turned",
        "away",
    }
    denial = read_facts("A man has denied arson following a fire at a Somerset supermarket")
    fire = read_facts("Crews tackled a fire at a supermarket in a Somerset town on Sunday")
    charged = read_facts("A man has been charged with arson after the supermarket fire")
    assert relate(denial, fire)[0] != "contradicts"
    assert relate(denial, charged)[0] == "contradicts"
    # A speaker denying a content denies its object, not the whole sentence's adjuncts.
    content = read_facts(
        "arson following a fire at a Somerset supermarket",
        "A man has denied arson following a fire at a Somerset supermarket.",
        stance="denies",
    )
    assert content.facts.denied == {"arson"}
    assert relate(content, fire)[0] == "partly_supports"
    assert relate(content, charged)[0] == "contradicts"
    # A speaker's denial that names nothing denies all it says.
    said = read_facts("the convoy was turned away at the checkpoint", stance="denies")
    assert relate(said, read_facts("A convoy was turned back at the checkpoint"))[0] == (
        "contradicts"
    )


def test_rival_counts_of_one_thing_contradict() -> None:
    # Two reports of one cut: the number of cables is the claim's point, and they differ.
    two = read_facts("Two undersea cables in the Mediterranean were damaged, cutting internet")
    three = read_facts("Three undersea cables in the Mediterranean were damaged, cutting internet")
    relation, reasons = relate(two, three)
    assert (relation, reasons[0]) == ("contradicts", "figure differs: 2 cables vs 3 cables")
    # Counts of different scope, far apart, are not rivals: a player's points and a team's.
    player = read_facts("Jackson scored nine points in the win over the Chiefs at Arrowhead")
    team = read_facts("The Chargers scored 20 points in the win over the Chiefs at Arrowhead")
    assert relate(player, team)[0] == "partly_supports"


def test_a_figure_given_as_one_of_two_is_hedged() -> None:
    assert [(q.value, q.counts, q.approx) for q in quantities("Three or four robbers fled")] == [
        (3.0, "robbers", True),
        (4.0, "robbers", True),
    ]
    assert labels("four armed robbers entered") == ["4 robbers"]  # the noun, not "armed"
    assert labels("3 or 4 years later five people died") == ["5 killed"]
    firm = read_facts("Four robbers burst into the jewellery store on Avenue Montaigne")
    hedged = read_facts("Three or four robbers burst into the jewellery store on Avenue Montaigne")
    relation, reasons = relate(firm, hedged)
    assert relation == "partly_supports"
    assert "the evidence gives 4 robbers only as one figure of two" in reasons
    # The firmer evidence states what the hedged claim allows.
    assert relate(hedged, firm)[0] == "supports"
    two_or_three = read_facts("The quake killed two or three people in Bam on Friday")
    assert relate(two_or_three, read_facts("The quake killed three people in Bam"))[0] == "supports"
    assert relate(two_or_three, read_facts("The quake killed five people in Bam"))[0] == (
        "contradicts"
    )


def test_another_day_is_not_the_claims_account() -> None:
    friday = read_facts("An Indian warship foiled a pirate attack in the Gulf of Aden on Friday")
    thursday = read_facts(
        "An Indian warship foiled a pirate attack in the Gulf of Aden on Thursday"
    )
    relation, reasons = relate(friday, thursday, Pair(same_story=True))
    assert relation == "partly_supports"
    assert "names another day (thursday)" in reasons


def test_labels_and_scores_count_nothing() -> None:
    assert labels("Manning led the Colts over the Jaguars in Week 16") == []
    assert labels("the Colts (11-4) recorded their sixth win, beating them 91-73") == []
    assert labels("Flight 370 with 239 people on board") == ["239 people"]
    # A range of a toll is still a toll.
    assert "12 killed" in labels("10-12 people were killed in the blast")


def test_an_allegation_or_a_suspicion_is_not_yet_a_fact() -> None:
    for text in (
        "officers shot him because he allegedly pointed a gun at them",
        "Gupta is under serious consideration to be the next surgeon general",
        "A suspicious fire devastated the church on Friday night",
        "The climber is thought to have fallen much earlier in the day",
    ):
        assert read_passage(text).tentative, text
    assert not read_passage("five suspicious boats approached the merchant vessels").tentative
    firm = read_facts("An arson fire badly damaged the Wasilla Bible Church on Friday night")
    hedged = read_facts("A suspicious fire badly damaged the Wasilla Bible Church on Friday night")
    relation, reasons = relate(firm, hedged)
    assert relation == "partly_supports" and "not yet a fact in the evidence" in reasons


def test_a_sources_words_repeated_are_one_report() -> None:
    said = read_facts("Tara Reid has checked herself into the Promises Treatment Center")
    printed = read_facts("`` Tara Reid has checked herself into Promises Treatment Center.")
    # Quoted by two outlets, or said by the claim's source in both: one source's words.
    assert relate(said, printed, Pair(quoted=True))[0] == "same_report"
    assert relate(said, printed, Pair(same_source=True))[0] == "same_report"
    # Another outlet's own restatement of an unquoted claim is a second report.
    assert relate(said, printed)[0] == "supports"
    # A few words are nobody's own.
    assert (
        relate(read_facts("Reid checked in"), read_facts("Reid checked in"), Pair(quoted=True))[0]
        != "same_report"
    )


def test_a_count_of_the_killed_and_the_injured_is_no_one_toll() -> None:
    assert labels("Horton and the two other victims killed and injured in the crossfire") == [
        "2 killed or wounded"
    ]
    assert labels("three people were killed and 40 injured") == ["3 killed", "40 wounded"]
    # It is still a count the claim gives (tests/gold/README.md: every count the claim gives is
    # its point), so a report that gives no figure for the two supports it only in part.
    claim = read_facts(
        "Mirek and Sabo were targeting rival crew members when Dunmore and two other"
        " victims were killed and injured"
    )
    told = read_facts("Dunmore was struck by a stray bullet as Mirek targeted rival crew members")
    relation, reasons = relate(claim, told)
    assert relation == "partly_supports"
    assert "does not give the figure (2 killed or wounded)" in reasons


def test_unknown_is_not_known() -> None:
    assert read_passage("The cause of death was unknown, but he had heart disease").negated
    said = read_facts("Officials did not provide the cause of death but noted his heart disease")
    unknown = read_facts("The cause of death was unknown, but he had been suffering heart disease")
    assert relate(said, unknown)[0] == "supports"


def test_a_copys_own_wording_is_not_the_same_report() -> None:
    """Two outlets running one wire story under headlines of their own: the copy words the
    fact its own way, so it is weighed as any report (and is still not independent), while a
    passage the copy passes on, even cut short, is the same report."""
    claim = read_facts("Harold Brenner, former city treasury aide, dies")
    own_words = read_facts("Bribery scandal figure Harold Brenner dies")
    assert relate(claim, own_words, Pair(family=True))[0] == "supports"
    attributed = read_facts(
        "Two nurses were among the dead, according to Tomas Erdel, who heads the provincial "
        "health directorate."
    )
    passed_on = read_facts("Two nurses were among the dead. At least 30 people were wounded.")
    assert relate(attributed, passed_on, Pair(family=True))[0] == "same_report"
    # Words in another order, in a copy: "Coast guard halts armed smuggler raid off Port Lorne".
    headline = read_facts("Island coast guard halts raid near Port Lorne, holds 14 smugglers")
    other = read_facts("Coast guard halts armed smuggler raid off Port Lorne")
    assert relate(headline, other, Pair(family=True))[0] != "same_report"


def test_a_report_of_the_incident_does_not_state_what_followed() -> None:
    """ "Charged", "a reward", "a hearing" are the claim's point: a report of the fire alone
    supports such a claim only in part, and a later stage takes the earlier ones for granted."""
    charged = read_facts(
        "A woman has been charged on suspicion of arson after a blaze that gutted a "
        "Dunmore warehouse."
    )
    fire = read_facts(
        "A furniture warehouse in the town of Dunmore caught fire on Monday, causing heavy "
        "damage to the warehouse's roof."
    )
    relation, reasons = relate(charged, fire, Pair(same_story=True))
    assert relation == "partly_supports"
    assert "does not say what followed: charged" in reasons
    assert stages("Jury finds Carl Voss guilty in murder of Edna Pike") == {
        "trial",
        "verdict",
    }
    assert "charged" in implied_stages(stages("Jury finds Carl Voss guilty"))
    assert not stages("the man in charge of the unit")
    assert not stages("checked into rehab, dodging arrest") and not stages("freed without charge")
    assert not stages("after hearing gunshots, the crowd charged into the square")
    assert stages("at a preliminary hearing, police said they booked him") == {
        "hearing",
        "arrested",
    }
    trial = read_facts("Prosecutors showed the footage at the trial of the three men charged")
    video = read_facts("Prosecutors release new footage in the trial of the three men")
    assert "does not say what followed" not in " ".join(relate(trial, video)[1])


def test_magnitudes_apart_by_a_few_tenths_are_rival_accounts() -> None:
    """A magnitude is a logarithm: 5.6 against 5.2 is a rival reading of one quake, a tenth or
    two apart is the agencies' usual spread."""
    isna = read_facts(
        "An earthquake with a magnitude of 5.6 on the Richter scale shook the northern "
        "island of Varkos on Sunday"
    )
    television = read_facts("A magnitude-5.2 quake has injured three people on Varkos island")
    relation, reasons = relate(isna, television, Pair(same_story=True))
    assert (relation, reasons[0]) == ("contradicts", "magnitude differs: 5.6 vs 5.2")
    close = read_facts("A magnitude-5.7 quake shook the northern island of Varkos")
    assert relate(isna, close, Pair(same_story=True))[0] != "contradicts"


def test_a_sentence_states_its_acts_by_kind() -> None:
    """What a sentence says happened, read once by the text stage: the verbs' acts by kind,
    a negated one apart, and the acts it only names (a noun, an attempt)."""
    raid = read_acts("Gunmen killed three villagers and wounded two others near Orlen")
    assert raid.predicates == {"kill", "injure"}
    assert read_acts("Quake Hits Coastal Town Of Varkos").predicates == {"strike"}
    assert read_acts("No one was hurt in the blaze").predicates == {"not injure"}
    assert read_acts("Police said he was not arrested").predicates == {"not arrest"}
    named = read_acts("Witnesses described the shooting at the depot")
    assert (named.predicates, named.named) == (frozenset(), {"shoot"})
    assert "hijack" not in read_acts("the crew tried to hijack a tanker").predicates
    assert read_acts("She was found stabbed to death").predicates == {"stab", "kill"}
    assert not read_acts("a man named Orlo Vance was seen").named
    assert "appoint" in read_acts("The league named Dana Voss as its new commissioner").predicates
    assert not read_acts("she picked her son up from school").named
    assert read_acts("The guard was found hanging in his cell").named == {"hang"}
    assert "kill" in read_acts("Her body was found by a neighbour").named


def test_fire_dismisses_a_person_and_idioms_state_no_act() -> None:
    assert read_acts("The Hornets fired coach Dale Orme on Monday").predicates == {"dismiss"}
    assert read_acts("Orme was fired on Monday morning").predicates == {"dismiss"}
    assert "dismiss" not in read_acts("Shots were fired at the depot").named
    assert "dismiss" not in read_acts("Troops fired on the crowd").named
    assert "dismiss" not in read_acts("The fire gutted the depot").named
    assert read_acts("Rioters set the depot on fire").predicates == {"burn"}
    assert not read_acts("The singer, who shot to fame in 1990, checked in").predicates - {"rehab"}
    assert "dismiss" not in read_acts("a vote dismissed by critics as a sham").named
    assert read_acts("The inmate committed suicide in his cell").predicates == {"hang"}
    assert read_acts("She checks out of rehab").predicates == {"leave"}
    assert "leave" in read_acts("She has left the clinic").named
    assert "leave" not in read_acts("The storm left three dead").predicates
    assert read_acts("The inmate handcuffed two guards").predicates == {"restrain"}


def test_one_act_states_another() -> None:
    named = read_facts("The Hornets named Dale Orme as their head coach on Monday.")
    hosted = read_facts("Dale Orme will coach the Hornets, the club said on Monday.")
    assert "appoint" not in hosted.facts.acts
    host = read_facts("The academy named Lia Tarn as the host of next year's gala.")
    will = read_facts("The academy said Lia Tarn will host next year's gala.")
    assert relate(host, will, Pair(same_story=True))[0] == "supports"
    assert named.facts.predicates == {"appoint"}
    hanged = read_facts("The jailed boss hanged himself in his cell at Drava prison.")
    suicide = read_facts("The jailed boss committed suicide in his cell at Drava prison.")
    assert relate(hanged, suicide, Pair(same_story=True))[0] == "supports"
    replaced = read_facts("The Hornets fired Dale Orme and replaced him with Ian Rusk.")
    hired = read_facts("The Hornets fired Dale Orme and hired Ian Rusk as coach.")
    assert relate(replaced, hired, Pair(same_story=True))[0] == "supports"


def test_a_hedge_beside_the_act_leaves_it_a_fact() -> None:
    for text in (
        "Police arrested an allegedly drunk driver after the crash in Tollen",
        "A man was charged on Sunday after allegedly opening fire at the depot",
        "The reroute, which may lead to delays, was announced by the operator",
        "The singer reportedly checked into a clinic in Varna on Tuesday",
    ):
        assert not read_passage(text).tentative, text
    assert read_passage("The driver was allegedly drunk").tentative


def test_a_fraction_before_a_quake_is_its_magnitude() -> None:
    assert [(m.value, m.counts) for m in measures("a 5.4 quake struck Varos")] == [
        (5.4, "magnitude")
    ]
    claim = read_facts("A 5.4 quake jolted the island of Varos on Sunday.")
    bare = read_facts("A quake jolted the island of Varos on Sunday, hurting five.")
    relation, reasons = relate(claim, bare, Pair(same_story=True))
    assert relation == "partly_supports" and "does not give the magnitude" in reasons


def test_a_sum_of_money_is_a_count_and_its_conversion_the_same_sum() -> None:
    assert [(q.value, q.counts) for q in quantities("thieves took $4.5 million in gems")] == [
        (4500000.0, "dollars")
    ]
    assert [q.value for q in quantities("a haul of €3m (£2.6m) was taken")] == [3e6, 2.6e6]
    claim = read_facts("Thieves took gems worth $4.5 million from a Lisle jeweller on Monday.")
    bare = read_facts("Thieves raided a Lisle jeweller on Monday, taking gems and watches.")
    relation, reasons = relate(claim, bare, Pair(same_story=True))
    assert relation == "partly_supports" and "does not give the figure ($4.5 million)" in reasons
    euros = read_facts("Thieves took gems worth 9 million euros (8 million pounds) in Lisle.")
    dollars = read_facts("Thieves took gems worth 9 million euros ($12 million) in Lisle.")
    assert relate(euros, dollars, Pair(same_story=True))[0] == "supports"


def test_an_acronym_and_its_words_are_one_name() -> None:
    claim = read_facts("Vendor ships fix for VX browser bug")
    spelled = read_facts("The vendor ships a security fix for Vortex Xplorer")
    relation, reasons = relate(claim, spelled, Pair(same_story=True))
    assert relation == "supports" and any("vx" in r for r in reasons if r.startswith("shared"))
    # A headline set in capitals has no acronyms to spell out.
    shout = read_facts("VENDOR SHIPS FIX FOR BROWSER")
    assert "vfb" not in relate(shout, spelled, Pair(same_story=True))[1][0]


def test_a_count_in_a_hyphenated_word_and_another_one_counted() -> None:
    assert [(q.value, q.counts) for q in quantities("a two-party vote in Varos")] == [
        (2.0, "party")
    ]
    assert quantities("a two-year term and a three-time winner") == ()
    two = read_facts("The vote in Varos will have two parties for the first time.")
    basis = read_facts("The vote in Varos will be held on a two-party basis.")
    assert relate(two, basis, Pair(same_story=True))[0] == "supports"
    claim = read_facts("A gunman killed two workers and wounded two others at the Varos mill.")
    other = read_facts("Two workers were killed and another wounded at the Varos mill.")
    relation, reasons = relate(claim, other, Pair(same_story=True))
    assert relation == "contradicts" and "figure differs: 2 wounded vs 1 wounded" in reasons


def test_a_headline_names_its_act_by_a_noun() -> None:
    claim = read_facts("Blaze at Orlen depot may have been arson")
    fire = read_facts("A large fire broke out at the Orlen depot on Monday morning.")
    relation, reasons = relate(claim, fire, Pair(same_story=True))
    assert relation == "partly_supports"
    assert "does not state what the claim says happened: arson" in reasons
    # In a sentence the verbs state the act; its nouns are background.
    long_claim = read_facts(
        "Investigators in Orlen said on Monday that the blaze which gutted the depot, "
        "the town's largest employer, is being examined by the arson squad."
    )
    gutted = read_facts("A blaze gutted the Orlen depot on Monday, investigators said.")
    assert relate(long_claim, gutted, Pair(same_story=True))[0] == "supports"


def test_one_headline_in_two_outlets_is_one_report() -> None:
    a = read_facts("Hawks beat Owls 20-13 to reach the final")
    b = read_facts("HAWKS BEAT OWLS 20-13 TO REACH THE FINAL")
    assert relate(a, b) == ("same_report", ("the same words as the claim's report",))
    # A record and two small words in a row are no copied wording.
    c = read_facts("Hawks (25-7) will play the winner of the Owls game in Lisle.")
    d = read_facts("In the semifinal, Hawks (25-7) will play the Owls, who beat Lisle.")
    assert relate(c, d, Pair(family=True))[0] != "same_report"


def test_counts_of_murder_count_the_dead() -> None:
    claim = read_facts("Ada Voss is charged with murder over the shooting deaths of two guards.")
    counts = read_facts("Ada Voss was charged with two counts of murder in the guards' deaths.")
    relation, reasons = relate(claim, counts, Pair(same_story=True))
    assert relation == "supports" and "same figure: 2 killed" in reasons


def test_support_needs_the_claims_act_stated() -> None:
    """Two reports of one event sharing its place and people still state different things:
    a boarding is not an attack, a stabbing is stated by "killed"."""
    claim = read_facts(
        "A coast guard cutter attacked two smuggler skiffs off Cape Morrow on Monday, "
        "the coast guard said."
    )
    other_act = read_facts(
        "The coast guard detained twelve smugglers off Cape Morrow after boarding their skiffs "
        "on Monday."
    )
    relation, reasons = relate(claim, other_act, Pair(same_story=True))
    assert relation == "partly_supports"
    assert "does not state what the claim says happened: attack" in reasons
    same_act = read_facts(
        "Two smuggler skiffs came under attack on Monday off Cape Morrow, where a coast guard "
        "cutter patrols."
    )
    assert relate(claim, same_act, Pair(same_story=True))[0] == "supports"
    stabbed = read_facts("Orlo Vance's wife was found stabbed to death in their Lindale home")
    killed = read_facts("Police said Orlo Vance killed his wife in their Lindale home")
    assert relate(stabbed, killed, Pair(same_story=True))[0] == "supports"


def test_support_needs_every_act_the_claim_states() -> None:
    """A report of the blast's dead leaves out the injured foreman: support in part."""
    claim = read_facts(
        "A bomb exploded at the Dorval depot on Friday, killing two guards and injuring the "
        "foreman."
    )
    told = read_facts("Two guards were killed in the blast at the Dorval depot on Friday.")
    relation, reasons = relate(claim, told, Pair(same_story=True))
    assert relation == "partly_supports"
    assert "does not state what the claim says happened: injure" in reasons
    both = read_facts(
        "Two guards died and the foreman was injured when a bomb went off at the Dorval depot."
    )
    assert relate(claim, both, Pair(same_story=True))[0] == "supports"


def test_support_needs_every_count_the_claim_gives() -> None:
    """Boats, games, magnitudes: a figure the claim gives and the evidence does not is left
    out; a distance saying where a place is, or another unit of one length, is not."""
    claim = read_facts("Harbour police seized four boats and detained 30 smugglers off Cape Lenno.")
    told = read_facts("Harbour police detained 30 smugglers and seized their boats off Cape Lenno.")
    relation, reasons = relate(claim, told, Pair(same_story=True))
    assert relation == "partly_supports"
    assert any(r.startswith("does not give the figure (4 ") for r in reasons), reasons
    quake = read_facts("A 5.4 magnitude quake struck Varnholm on Monday, flattening the old mill.")
    plain = read_facts("A quake struck Varnholm on Monday and flattened the old mill.")
    assert "does not give the magnitude" in relate(quake, plain, Pair(same_story=True))[1]
    where = read_facts("A quake struck Varnholm, some 40 miles south of the capital, on Monday.")
    assert relate(where, plain, Pair(same_story=True))[0] == "supports"
    metres = read_facts("The climber fell about 300 metres from a ridge on Mount Tarn on Sunday.")
    feet = read_facts("The climber fell 1,000 feet from a ridge on Mount Tarn on Sunday.")
    assert not any("does not give" in r for r in relate(metres, feet, Pair(same_story=True))[1])
    counts = read_facts("Olsen faces two counts of murder over the deaths at the Brae farm.")
    double = read_facts("Olsen is on a double murder charge over the deaths at the Brae farm.")
    assert not any("does not give" in r for r in relate(counts, double, Pair(same_story=True))[1])


def test_a_places_population_is_a_detail_never_a_rival_count() -> None:
    a = read_facts("The quake struck Varnholm island, home to 50,000 people, on Monday.")
    b = read_facts("The quake struck Varnholm island, home to 80,000 people, on Monday.")
    relation, reasons = relate(a, b, Pair(same_story=True))
    assert relation == "partly_supports"
    assert "figure differs: 50000 population vs 80000 population" in reasons


def test_not_only_and_an_unknown_thing_are_no_negation() -> None:
    assert not read_passage("The navy not only repelled the raid but seized the boat").negated
    assert not read_passage("The vendor patched a previously unknown flaw in its browser").negated
    assert not read_passage("The lines were cut for unknown reasons").negated
    assert read_passage("The cause of the outage remains unclear").negated


def _support_asks_for(claim: str, *, bare: str, told: str, reason: str) -> None:
    """A claim giving one more detail of its event is only partly supported by a report that
    leaves the detail out (a reason naming it), and supported by one that gives it."""
    relation, reasons = relate(read_facts(claim), read_facts(bare), Pair(same_story=True))
    assert relation == "partly_supports", reasons
    assert any(reason in r for r in reasons), reasons
    assert relate(read_facts(claim), read_facts(told), Pair(same_story=True))[0] == "supports"


def test_support_needs_the_cause_the_claim_gives() -> None:
    assert causes("The tenor died of heart failure in a Lisle clinic") == ("heart failure",)
    assert causes("He was held after failing a breath test on the A9") == ("a breath test",)
    assert causes("She died after lingering in a coma for a week") == ("a coma",)
    assert causes("He was sacked following a 1-9 start") == ("a 1-9 start",)
    assert causes("a craze of the following decade") == ()  # "following" as an adjective
    # Whose death, not of what: the victims are no cause.
    assert causes("charged over the deaths of two guards") == ()
    _support_asks_for(
        "The tenor Arvo Lind died of heart failure on Sunday, his agent said.",
        bare="The tenor Arvo Lind died on Sunday, his agent said.",
        told="Arvo Lind, the tenor, died on Sunday after heart failure, his agent said.",
        reason="does not give the cause (heart failure)",
    )
    # The cause's own words: "injured" is the act's here ("injured reserve"), "knee" the cause.
    placed = read_facts("Ray Osk was placed on injured reserve because of his injured knee.")
    listed = read_facts("The Hawks placed Ray Osk on injured reserve on Monday.")
    relation, reasons = relate(placed, listed, Pair(same_story=True))
    assert relation == "partly_supports"
    assert "does not give the cause (his injured knee)" in reasons


def test_a_distance_from_a_place_says_where_it_is() -> None:
    assert [m.counts for m in measures("the lodge, 300 feet from the ranger station")] == [
        "foot from ranger"
    ]
    assert [m.counts for m in measures("she fell 300 feet from the ridge")] == ["foot"]
    claim = read_facts("The lodge, 300 feet from the ranger station, burned down on Friday.")
    plain = read_facts("The old lodge burned down on Friday night.")
    assert not any("does not give" in r for r in relate(claim, plain, Pair(same_story=True))[1])


def test_support_needs_the_ordinal_the_claim_counts_with() -> None:
    assert ordinals("Ola Brenn became the fourth manager sacked this season") == {4}
    assert ordinals("the 12th straight win and the third night of protests") == {12, 3}
    # Ranks, parts, times, names and dates count nothing of the event.
    for said in (
        "the second-largest city",
        "in the third quarter",
        "in the sixth round",
        "an 11th hour rule",
        "for the second time",
        "the 64th Tellford Awards",
        "on May 9th",
        "for the first time",
    ):
        assert ordinals(said) == frozenset(), said
    _support_asks_for(
        "Ola Brenn became the fourth manager sacked this season on Monday.",
        bare="The Dunmore club sacked manager Ola Brenn on Monday.",
        told="Ola Brenn is the fourth manager sacked this season, after Monday's loss.",
        reason="does not give the ordinal (4)",
    )


def test_support_needs_the_reaction_the_claim_reports() -> None:
    assert "react" in read_acts("The coach said he was 'completely gutted' by the loss").predicates
    assert "react" in read_acts("We are delighted to welcome her back, the club said").predicates
    assert "react" not in read_acts("A saddened crowd watched the rescue").predicates
    assert "react" in read_acts("A saddened crowd watched the rescue").named
    # A building an incident struck is damaged, not moved.
    assert "react" not in read_acts("The depot was devastated by fire on Sunday").named
    _support_asks_for(
        "The Dunmore club said it was delighted to name Ola Brenn as manager.",
        bare="The Dunmore club named Ola Brenn as its new manager on Monday.",
        told="Dunmore, delighted, named Ola Brenn as its manager on Monday.",
        reason="react",
    )


def test_support_needs_the_score_and_the_share_the_claim_gives() -> None:
    assert scores("The Harriers beat Dunmore 3-1, and are 11-4 on the season") == {"3-1", "11-4"}
    # Ranges of people and of time, a fraction, a span of years: no scores.
    for said in ("10-12 people were hurt", "between 2-3 weeks", "a 4-1/2-month term", "2007-2008"):
        assert scores(said) == frozenset(), said
    assert percents("Turnout was 61 per cent, up from 55%") == {61.0, 55.0}
    _support_asks_for(
        "The Harriers clinched the title with a 3-1 win over Dunmore on Sunday.",
        bare="The Harriers clinched the title on Sunday, beating Dunmore at home.",
        told="Dunmore lost 1-3 to the Harriers on Sunday, who clinched the title.",
        reason="does not give the score (3-1)",
    )
    turnout = read_facts("Officials said 61 per cent of voters cast ballots in the Ostrava poll.")
    silent = read_facts("Voters cast ballots in the Ostrava poll, officials said.")
    assert "does not give the share (61%)" in relate(turnout, silent, Pair(same_story=True))[1]
