"""Attribution extraction, one test per mechanism, on sentences written for these tests."""

from __future__ import annotations

import pytest

from verifier.models import Attribution, Document, Span, Unit
from verifier.text import attribution as A
from verifier.text.attribution import extract, find_quotes
from verifier.text.segment import segment


def _extract(text: str) -> list[Attribution]:
    atts = extract(Document(name="t.txt", text=text, content_hash="x"))
    for a in atts:  # every field is exactly what its span covers
        assert text[a.source_span.start : a.source_span.end] == a.source
        assert text[a.cue_span.start : a.cue_span.end] == a.cue
        assert text[a.content_span.start : a.content_span.end] == a.content
        assert text[a.sentence_span.start : a.sentence_span.end] == a.sentence
    return atts


def _only(text: str) -> Attribution:
    atts = _extract(text)
    assert len(atts) == 1, [(a.source, a.cue, a.content) for a in atts]
    return atts[0]


def _by_cue(atts: list[Attribution], cue: str) -> Attribution:
    found = [a for a in atts if a.cue == cue]
    assert found, [(a.source, a.cue, a.content) for a in atts]
    return found[0]


# --- verb cues ---------------------------------------------------------------------------------


def test_reporting_verb_with_subject_and_clause() -> None:
    a = _only("The port authority said the harbour would reopen on Monday.")
    assert (a.source, a.cue, a.content) == (
        "The port authority",
        "said",
        "the harbour would reopen on Monday",
    )
    assert a.stance == "asserts" and a.quote == "indirect"


def test_that_and_adverbs_are_not_content() -> None:
    a = _only("The coalition announced earlier that it had taken the airfield.")
    assert a.content == "it had taken the airfield"


def test_adjuncts_between_verb_and_content_are_skipped() -> None:
    a = _only("The navy said in a statement on Telegram that two boats had been sunk.")
    assert a.content == "two boats had been sunk"


def test_tell_skips_the_hearer() -> None:
    a = _only("The mayor told reporters the water supply had been cut.")
    assert (a.source, a.cue, a.content) == ("The mayor", "told", "the water supply had been cut")
    b = _only("A nurse told the Harbour Courier that the ward was full.")
    assert b.content == "the ward was full"


def test_infinitive_complement() -> None:
    a = _only("Separatist fighters claim to have captured the ridge above the valley.")
    assert a.cue == "claim"
    assert a.content == "to have captured the ridge above the valley"


def test_non_reporting_uses_are_ignored() -> None:
    for text in (
        "The army responded with artillery fire on the eastern districts.",
        "The new bridge added to traffic on the coast road.",
        "Shells slammed into the market on Sunday morning.",
        "The committee will announce its findings next week.",
        "The minister did not say whether the border would close.",
        "State media footage was broadcast across the region.",
        "What some analysts described as a turning point came in March.",
    ):
        assert _extract(text) == [], text


def test_a_contracted_negation_is_never_an_assertion() -> None:
    """ "didn't" is one token: it must negate the cue, never end the source."""
    for text in (
        "The senator didn't say that the bill would pass.",
        "Mayor Lena Voss doesn't think the levy will pass.",
        "The governor won't say whether the road will reopen.",
    ):
        assert extract(Document(name="t.txt", text=text, content_hash="x"), learned=False) == []
        for a in _extract(text):
            assert "n't" not in a.source and a.stance == "denies", (a.source, a.cue, a.stance)


# --- several attributions in one sentence ------------------------------------------------------


def test_coordinated_verbs_share_their_subject() -> None:
    atts = _extract(
        "The navy said it had repelled an “attempted landing” and claimed it is “holding every "
        "position on the coast.”"
    )
    said, claimed = _by_cue(atts, "said"), _by_cue(atts, "claimed")
    assert said.source == claimed.source == "The navy"
    assert said.content == "it had repelled an “attempted landing”"
    assert claimed.content == "it is “holding every position on the coast.”"


def test_contrasting_clause_ends_the_first_content() -> None:
    atts = _extract(
        "Officials said the fire was under control, but residents say flames are still visible."
    )
    said, say = _by_cue(atts, "said"), _by_cue(atts, "say")
    assert said.content == "the fire was under control"
    assert (say.source, say.content) == ("residents", "flames are still visible")
    assert say.source_type == "eyewitness"


def test_relative_clause_after_according_to_is_its_own_attribution() -> None:
    atts = _extract(
        "A drone hit a fuel depot near the port, killing two guards, according to Ostland’s "
        "state news agency, ONA, which blamed separatist units for the strike."
    )
    acc, blamed = _by_cue(atts, "according to"), _by_cue(atts, "blamed")
    assert acc.content == "A drone hit a fuel depot near the port, killing two guards"
    assert acc.source == blamed.source == "Ostland’s state news agency, ONA"
    assert blamed.content == "separatist units for the strike"
    assert blamed.stance == "accuses" and blamed.source_type == "state_media"


def test_participle_adding_inherits_the_source() -> None:
    atts = _extract("The agency said exports fell, adding that imports were stable.")
    adding = _by_cue(atts, "adding")
    assert adding.source == "The agency" and adding.content == "imports were stable"
    assert _by_cue(atts, "said").content == "exports fell"


def test_participle_without_earlier_cue_takes_the_main_subject() -> None:
    a = _only("The ministry closed the crossing, saying it had been shelled overnight.")
    assert (a.source, a.cue, a.content) == (
        "The ministry",
        "saying",
        "it had been shelled overnight",
    )


# --- prepositional cues ------------------------------------------------------------------------


def test_according_to_at_the_end() -> None:
    a = _only("More than 40 homes were destroyed, according to the Blue Cross Society.")
    assert (a.source, a.cue, a.content) == (
        "the Blue Cross Society",
        "according to",
        "More than 40 homes were destroyed",
    )
    assert a.source_type == "ngo"


def test_according_to_at_the_start() -> None:
    a = _only("According to the harbour master, three ships were damaged in the storm.")
    assert a.source == "the harbour master"
    assert a.content == "three ships were damaged in the storm"


def test_according_to_keeps_apposition_and_drops_following_clause() -> None:
    a = _only(
        "Ten people died, according to the Blue Cross, a volunteer rescue group, and dozens "
        "more were hurt."
    )
    assert a.source == "the Blue Cross, a volunteer rescue group"
    assert a.content == "Ten people died"


def test_citing_shares_the_claim_it_supports() -> None:
    atts = _extract("The Harbour Courier reported six deaths, citing hospital staff.")
    reported, citing = _by_cue(atts, "reported"), _by_cue(atts, "citing")
    assert reported.content == citing.content == "six deaths"
    assert citing.source == "hospital staff"


@pytest.mark.parametrize(
    ("text", "cue", "relayed"),
    [
        (
            "The agency reported, citing local residents, that the bridge had collapsed.",
            "citing",
            "local residents",
        ),
        (
            "The wire service said, quoting the provincial health bureau, that 12 people died.",
            "quoting",
            "the provincial health bureau",
        ),
        (
            "The ministry said, according to state media, that the talks had failed.",
            "according to",
            "state media",
        ),
    ],
)
def test_citing_between_the_verb_and_its_that_clause(text: str, cue: str, relayed: str) -> None:
    """Wire copy's "X reported, citing Y, that A": both X and Y are given A, not the verb."""
    atts = _extract(text)
    relay = _by_cue(atts, cue)
    host = next(a for a in atts if a is not relay)
    assert relay.source == relayed
    assert host.content == relay.content == text.split(", that ")[1].rstrip(".")


def test_citing_inside_the_subject() -> None:
    atts = _extract("The state broadcaster, citing a police source, reported that the mayor fled.")
    reported, citing = _by_cue(atts, "reported"), _by_cue(atts, "citing")
    assert reported.source == "The state broadcaster"
    assert citing.source == "a police source"
    assert reported.content == citing.content == "the mayor fled"


# --- inverted and parenthetical ----------------------------------------------------------------


def test_inverted_after_a_quotation() -> None:
    a = _only("“The water came in an hour,” said Mara Holt, 61, who runs a bakery on the quay.")
    assert a.source == "Mara Holt, 61, who runs a bakery on the quay"
    assert a.content == "The water came in an hour,"
    assert a.quote == "direct" and a.source_type == "eyewitness"


def test_subject_before_verb_after_a_quotation() -> None:
    a = _only("“We have no more beds,” a doctor at the clinic said.")
    assert (a.source, a.cue, a.content) == (
        "a doctor at the clinic",
        "said",
        "We have no more beds,",
    )


def test_parenthetical_cue_at_the_end_of_a_plain_clause() -> None:
    a = _only("The road to the airport is closed, police said on Friday.")
    assert (a.source, a.content) == ("police", "The road to the airport is closed")


def test_parenthetical_cue_in_the_middle() -> None:
    a = _only("The truce, the mediators said, would hold until Sunday.")
    assert a.source == "the mediators"
    assert a.content.startswith("The truce") and a.content.endswith("until Sunday")


def test_source_with_apposition_before_the_verb() -> None:
    a = _only(
        "“The convoy will leave at dawn,” a statement from the new alliance, the Southern "
        "Command, said."
    )
    assert a.source == "a statement from the new alliance, the Southern Command"
    assert a.source_type == "unknown" or a.source_type == "government"


def test_anonymous_apposition_with_subordinate_clause() -> None:
    a = _only(
        "A senior officer, speaking on condition of anonymity because he was not allowed to "
        "brief journalists, said the unit had withdrawn."
    )
    assert a.source.startswith("A senior officer, speaking on condition of anonymity")
    assert a.source_type == "anonymous"


# --- phrases -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "content", "stance"),
    [
        (
            "The envoy called on both sides to “stop firing at once.”",
            "called on",
            "both sides to “stop firing at once.”",
            "calls_for",
        ),
        (
            "The minister urged donors to release emergency funds.",
            "urged",
            "donors to release emergency funds",
            "calls_for",
        ),
        (
            "The militia accused the army of shelling the market.",
            "accused",
            "the army of shelling the market",
            "accuses",
        ),
        (
            "The governor blamed the militia for the blackout.",
            "blamed",
            "the militia for the blackout",
            "accuses",
        ),
        (
            "The militia refuted the reports as “pure invention.”",
            "refuted",
            "the reports as “pure invention.”",
            "denies",
        ),
        (
            "The company dismissed the allegations as baseless.",
            "dismissed",
            "the allegations as baseless",
            "denies",
        ),
        ("The army denied shelling the school.", "denied", "shelling the school", "denies"),
    ],
)
def test_phrase_cues_and_stances(text: str, cue: str, content: str, stance: str) -> None:
    a = _only(text)
    assert (a.cue, a.content, a.stance) == (cue, content, stance)


def test_object_verbs_need_their_particle() -> None:
    assert _extract("The board dismissed the director on Monday.") == []
    assert _extract("The army pressed ahead with the offensive.") == []


# --- passives and nouns ------------------------------------------------------------------------


def test_quoted_as_saying() -> None:
    a = _only("The general was quoted as saying the offensive would continue.")
    assert (a.source, a.cue, a.content) == (
        "The general",
        "was quoted as saying",
        "the offensive would continue",
    )


def test_active_quoted_as_saying() -> None:
    a = _only("State radio quoted the governor as saying the dam was safe.")
    assert (a.source, a.content) == ("the governor", "the dam was safe")


def test_expletive_passive_has_no_named_source() -> None:
    a = _only("It was reported that the ferry had capsized.")
    assert a.source == "" and a.cue == "was reported" and a.content == "the ferry had capsized"
    assert a.source_type == "unknown"


def test_possessive_noun_cue() -> None:
    a = _only("The militia’s claim that it downed a jet could not be verified.")
    assert (a.source, a.cue, a.content) == ("The militia", "claim", "it downed a jet")


def test_noun_cue_with_by_agent() -> None:
    a = _only("Accusations by rights groups that detainees were beaten have been rejected.")
    assert (a.source, a.cue, a.content) == ("rights groups", "Accusations", "detainees were beaten")
    assert a.stance == "accuses"


# --- visual sources ----------------------------------------------------------------------------


def test_perception_cue_for_a_video_with_outlet_verification() -> None:
    a = _only(
        "A video posted on social media, geolocated by the Courier, shows smoke over the port."
    )
    assert a.source == "A video posted on social media, geolocated by the Courier"
    assert (a.cue, a.content, a.source_type) == ("shows", "smoke over the port", "visual")


def test_perception_cue_needs_a_visual_subject() -> None:
    assert _extract("The crisis shows the limits of the ceasefire.") == []


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("Trump believes the system is rigged.", "Trump", "believes", "the system is rigged"),
        ("I think it's over.", "I", "think", "it's over"),
        (
            "Most voters feel Trump has gone too far.",
            "Most voters",
            "feel",
            "Trump has gone too far",
        ),
        ("She thought the vote would be close.", "She", "thought", "the vote would be close"),
    ],
)
def test_belief_without_that_before_a_clause(
    text: str, source: str, cue: str, content: str
) -> None:
    a = _only(text)
    assert (a.source, a.cue, a.content) == (source, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "He found the bomb.",  # an object, not a clause
        "They feared the worst.",
        "Sanders expects to win.",  # an infinitive is no clause
    ],
)
def test_belief_verb_without_a_clause_is_no_attribution(text: str) -> None:
    assert _extract(text) == []


def test_belief_inside_what_another_source_said_is_left_to_it() -> None:
    a = _only("Nine in 10 voters say they think she could win the general election.")
    assert (a.source, a.cue) == ("Nine in 10 voters", "say")


def test_appeared_to_show() -> None:
    a = _only("Satellite images appeared to show craters near the runway.")
    assert a.cue == "appeared to show" and a.source_type == "visual"


# --- quotations over sentences and paragraphs --------------------------------------------------


def test_quote_over_two_sentences_is_one_content() -> None:
    text = "“The pumps have failed. We need diesel,” said the plant manager."
    a = _only(text)
    assert a.content == "The pumps have failed. We need diesel,"
    assert a.quote == "direct"


def test_quote_reopened_in_the_next_paragraph_is_one_content() -> None:
    text = (
        "“We left before sunrise.\n\n"
        "“By noon the village was empty,” the farmer told the Courier by phone."
    )
    a = _only(text)
    assert a.content == "We left before sunrise.\n\n“By noon the village was empty,"
    assert a.source == "the farmer"


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # the cue between the halves, in one sentence
        ("“We are prepared,” he added, “in order to keep the bridge open.”", "in order to"),
        # the speaker's occasion, then the quotation goes on in the next sentence
        ("“The dam held,” the engineer said on Tuesday. “It was built for this.”", "It was"),
        # after a no-break space, as web copy separates sentences
        ("“The dam held,” the engineer said.\xa0“It was built for this.”", "It was"),
        # a long occasion ending with an abbreviation and a quoted title
        (
            "“The dam held,” the engineer told reporters after a hearing in Salem, Ore., "
            "speaking on NBC’s “Meet the Press.” “It was built for this.”",
            "It was",
        ),
        # what the source spoke of, between the halves
        ("“We must adapt,” he said of the plan, “whether we like it or not.”", "whether"),
        # the next paragraph opening with a quotation is the same speaker's
        ("“The dam held,” the engineer said.\n\n“It was built for this.”", "It was"),
    ],
)
def test_quotation_cut_by_its_cue_is_one_content(text: str, second: str) -> None:
    a = _only(text)
    assert a.content.split("”")[0] in text and second in a.content
    assert a.cue in ("added", "said", "told", "said on Tuesday")


@pytest.mark.parametrize(
    "text",
    [
        # the tail is a clause of its own: what follows is not the first speaker's
        "“The dam held,” the engineer said, adding that the town "
        "was safe. “It was built for this.”",
        # a sentence of the outlet's between the cue's and the quotation
        "“The dam held,” the engineer said. The town was dry. “It was built for this.”",
        # another speaker's clause before the next paragraph
        "“The dam held,” the engineer said, and the mayor agreed.\n\n“It was built for this.”",
    ],
)
def test_quotation_after_another_clause_is_not_joined(text: str) -> None:
    a = _by_cue(_extract(text), "said")
    assert "built" not in a.content


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "Readers wrote in.\n\n“He cannot answer a question.” ― Esther Tapia\n",
            "Esther Tapia",
            "―",
            "He cannot answer a question.",
        ),
        (
            'Readers wrote in.\n\n"Boeing pays zero taxes."\n\n- Sanders.\n\nThat is wrong.',
            "Sanders",
            "-",
            "Boeing pays zero taxes.",
        ),
        (
            "Readers wrote in.\n\n“We are tired.”— Ana Ruiz, Phoenix\n",
            "Ana Ruiz",
            "—",
            "We are tired.",
        ),
    ],
)
def test_quotation_signed_with_a_dash(text: str, source: str, cue: str, content: str) -> None:
    a = _only(text)
    assert (a.source, a.cue, a.content, a.quote) == (source, cue, content, "direct")


@pytest.mark.parametrize(
    "text",
    [
        "Readers wrote in.\n\n“We won,” he said. — Ana Ruiz\n",  # the quotation has its source
        "Readers wrote in.\n\nThe vote was close — Ana Ruiz said nothing.\n",  # no quotation
    ],
)
def test_dash_and_name_without_an_unclaimed_quotation(text: str) -> None:
    assert all(a.cue not in ("—", "-") for a in _extract(text))


def test_colon_introduces_a_direct_quote() -> None:
    a = _only("The ministry said: “The strike was unlawful. We will respond.”")
    assert a.content == "The strike was unlawful. We will respond."
    assert a.quote == "direct"


def test_single_quotation_marks() -> None:
    a = _only("‘The rebels’ advance has stalled,’ one officer said.")
    assert a.content == "The rebels’ advance has stalled,"
    assert a.quote == "direct"


def test_partial_quote_keeps_its_marks() -> None:
    a = _only("The governor said the flooding was “the worst in living memory.”")
    assert a.content == "the flooding was “the worst in living memory.”"
    assert a.quote == "partial"


def test_find_quotes_closes_a_stray_mark_at_the_paragraph_end() -> None:
    text = "He said “this is open.\n\nA new paragraph said nothing."
    regions = find_quotes(text, [Span(0, 22), Span(24, len(text))])
    assert len(regions) == 1 and regions[0].end == 22


# --- resolution --------------------------------------------------------------------------------


def test_pronoun_resolves_to_the_last_named_person() -> None:
    atts = _extract(
        "Foreign Minister Jonas Vell said the talks had failed. He added that a new round was "
        "possible."
    )
    added = _by_cue(atts, "added")
    assert added.source == "He"
    assert added.resolved_source == "Foreign Minister Jonas Vell"
    assert added.source_type == "government"


def test_description_resolves_to_an_organisation_named_in_the_text() -> None:
    atts = _extract(
        "The army accused the Northern Liberation Front of laying mines. The group denied any "
        "role in the blasts."
    )
    denied = _by_cue(atts, "denied")
    assert denied.resolved_source == "Northern Liberation Front"
    assert denied.source_type == "armed_group"


def test_surname_takes_the_type_of_the_full_name() -> None:
    atts = _extract(
        "Anna Petrova, a spokeswoman for the interior ministry, said 12 people were arrested. "
        "“Order has been restored,” Petrova said."
    )
    assert [a.source_type for a in atts] == ["government", "government"]


def test_named_source_resolves_to_itself() -> None:
    a = _only("The Blue Cross Society said its teams had reached the valley.")
    assert a.resolved_source == a.source


# --- types, hedges -----------------------------------------------------------------------------


def test_source_types_in_context() -> None:
    atts = _extract(
        "Ostland’s state news agency said the dam held. Rebels said they had cut the road. "
        "A UN spokesperson said aid was blocked. Witnesses said the bridge collapsed. "
        "An official who asked not to be named said talks resumed."
    )
    assert [a.source_type for a in atts] == [
        "state_media",
        "armed_group",
        "intl_org",
        "eyewitness",
        "anonymous",
    ]


def test_outlet_reporting_is_typed_outlet() -> None:
    text = "HARBOUR CITY (Courier) — The port reopened, a Courier review of shipping logs found."
    atts = _extract(text)
    assert atts and atts[0].source_type == "outlet"


def test_hedges_from_the_sentence_and_the_next_one() -> None:
    atts = _extract(
        "The militia claimed it had shot down a helicopter. The Courier could not independently "
        "verify the claim."
    )
    assert len(atts) == 1
    assert "claimed" in atts[0].hedges
    assert "could not independently verify" in atts[0].hedges


def test_connective_is_not_part_of_the_content() -> None:
    a = _only("Separately, two fishermen were rescued off the cape, the coast guard said.")
    assert a.content == "two fishermen were rescued off the cape"


def test_outlet_caveat_apposition_is_not_content() -> None:
    a = _only("The army said it took the hill, a claim the Courier could not independently verify.")
    assert a.content == "it took the hill"


# --- what is not an attribution ----------------------------------------------------------------


def test_headline_caption_byline_and_dateline_carry_no_claims() -> None:
    text = (
        "Minister says port will reopen\n\n"
        "By Ana Reyes, Harbour Courier\n\n"
        "HARBOUR CITY (Courier) — The port was closed for a third day.\n\n"
        "Dock workers stand near a crane in Harbour City, May 2. (Photo: Ana Reyes/Courier)\n\n"
        "The port has been closed since a storm damaged two berths last week."
    )
    assert _extract(text) == []


def test_outlet_caveat_is_not_an_attribution() -> None:
    assert _extract("The Courier could not independently verify the claim.") == []


def test_units_other_than_body_are_skipped() -> None:
    text = "Officials said the road was shut."
    head = Unit(0, 0, "headline", Span(0, len(text)), text)
    doc = Document(name="t", text=text, content_hash="x")
    assert extract(doc, [head]) == []
    body = Unit(0, 0, "body", Span(0, len(text)), text)
    assert len(extract(doc, [body])) == 1


def test_empty_and_blank_documents() -> None:
    assert _extract("") == []
    assert _extract("   \n\n  ") == []


def test_to_json_uses_the_gold_field_names() -> None:
    row = _only("Police said the road was shut.").to_json()
    for key in ("doc", "source", "cue", "content", "source_type", "stance", "quote"):
        assert key in row


# --- robustness to segmentation and punctuation ------------------------------------------------


def test_cue_cut_off_from_its_question_by_the_splitter() -> None:
    # The quotation that goes on after the cue's sentence is the same speaker's, question or
    # not: PolNeAR's annotators join both halves into one content (train split: 11 "asked").
    a = _only("“Who will pay for this?” asked Ilse Varga, a shop owner. “Nobody knows.”")
    assert (a.source, a.cue) == ("Ilse Varga, a shop owner", "asked")
    assert a.content.startswith("Who will pay for this?”")
    assert a.content.endswith("“Nobody knows.”")


def test_present_tense_inversion_after_single_quotes() -> None:
    a = _only("‘The water rose in minutes,’ says Ada Holm, whose shop was flooded.")
    assert a.source == "Ada Holm, whose shop was flooded"
    assert a.content == "The water rose in minutes,"


def test_participle_after_a_comma_inside_quotes() -> None:
    atts = _extract(
        "The minister dismissed the report as “fiction,” telling reporters that no shots were "
        "fired."
    )
    telling = _by_cue(atts, "telling")
    assert telling.source == "The minister"
    assert telling.content == "no shots were fired"


def test_contrasting_while_clause_is_not_content() -> None:
    a = _only("Analysts said demand was weak, while the Harbour Bank raised its forecast.")
    assert a.content == "demand was weak"


def test_according_to_after_an_attribution_supports_its_content() -> None:
    atts = _extract(
        "Researchers found that the vaccine cut infections by half, according to a study "
        "published on Monday."
    )
    found, acc = _by_cue(atts, "found"), _by_cue(atts, "according to")
    assert found.content == acc.content == "the vaccine cut infections by half"


def test_occasion_with_a_participle_before_that() -> None:
    a = _only("The monitor said in a report released on Friday that 30 villages were emptied.")
    assert a.content == "30 villages were emptied"


def test_trailing_comment_on_the_claim_is_not_content() -> None:
    a = _only("The commission declared Ana Brel the winner, a result the opposition rejected.")
    assert a.content == "Ana Brel the winner"


def test_noun_before_a_bare_verb_form_is_a_compound() -> None:
    assert _extract("On a conference call that lasted an hour, prices were discussed.") == []


def test_bare_weekday_after_the_verb_is_not_content() -> None:
    atts = _extract(
        "Officials said Monday the border would reopen. The agency said late Friday it had proof."
    )
    assert [a.content for a in atts] == ["the border would reopen", "it had proof"]


def test_main_subject_keeps_its_apposition_for_a_participle() -> None:
    a = _only("The deputy, Tom Hale, struck a cautious tone, warning of “persistent risks.”")
    assert a.source == "The deputy, Tom Hale" and a.cue == "warning of"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The ministry said at least 23 people died in the strike.",
            "at least 23 people died in the strike",
        ),
        (
            "Officials said about a dozen homes were destroyed.",
            "about a dozen homes were destroyed",
        ),
        ("The army said up to 40 fighters were killed.", "up to 40 fighters were killed"),
        (
            "Satellite images show at least 30 buildings destroyed.",
            "at least 30 buildings destroyed",
        ),
    ],
)
def test_content_opening_with_a_qualified_figure(text: str, content: str) -> None:
    """ "said at least 23 ...": the qualifier's preposition is no place or occasion."""
    assert _only(text).content == content


def test_a_preposition_that_is_an_occasion_is_still_skipped() -> None:
    a = _only("The governor said at a briefing that the roads would reopen.")
    assert a.content == "the roads would reopen"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Police said two suspects had been arrested, but declined to give details.",
            "two suspects had been arrested",
        ),
        (
            "The spokesman said the army had withdrawn, but did not say when.",
            "the army had withdrawn",
        ),
        (
            "The military said it had killed a commander, without providing evidence.",
            "it had killed a commander",
        ),
        # the source's own qualification stays in what it said
        (
            "The minister said the plan was sound, but would not be rushed.",
            "the plan was sound, but would not be rushed",
        ),
    ],
)
def test_a_refusal_or_the_outlets_evidence_note_is_not_content(text: str, content: str) -> None:
    a = _only(text)
    assert a.content == content


def test_the_evidence_note_cut_from_content_is_kept_as_a_hedge() -> None:
    a = _only("The military said it had killed a commander, without providing evidence.")
    assert "without providing evidence" in a.hedges


def test_a_who_clause_on_the_subject_is_not_an_inverted_content() -> None:
    a = _only("The Houthis, who control much of northern Yemen, claimed the attack on the ship.")
    assert (a.source, a.content) == (
        "The Houthis, who control much of northern Yemen",
        "the attack on the ship",
    )


def test_a_which_clause_may_still_end_an_inverted_content() -> None:
    a = _only("Prices will rise, which worries traders, said the analyst.")
    assert (a.source, a.content) == ("the analyst", "Prices will rise, which worries traders")


def test_a_phrase_quoted_after_a_quote_only_verb_is_no_claim() -> None:
    atts = _extract(
        "The spokesman added that the operation would continue “until all objectives are met”."
    )
    assert [a.cue for a in atts] == ["added"]


def test_which_said_after_a_passive_agent_is_the_agent_speaking() -> None:
    atts = _extract("The claims were rejected by the army, which said they were “baseless”.")
    said = _by_cue(atts, "said")
    assert said.source == "the army"


def test_a_verb_after_a_name_is_no_role_for_typing() -> None:
    """ "Kallas told reporters ...": "reporters" is whom she told, not what she is."""
    a = _only("Kaja Kallas told reporters the bloc would not recognise the results.")
    assert a.source_type != "media"


def test_a_prepositional_tail_after_a_parenthetical_cue_does_not_join_the_content() -> None:
    a = _only("Twelve people were killed, the ministry said, among them four children.")
    assert a.content == "Twelve people were killed"


def test_a_hearer_with_a_determiner_before_a_bare_clause() -> None:
    a = _only("Sources told the newspaper the minister would resign.")
    assert a.content == "the minister would resign"


def test_putting_the_death_toll_at_a_figure_is_an_attribution() -> None:
    a = _only("Hospital officials put the death toll at 31.")
    assert (a.source, a.cue, a.content) == ("Hospital officials", "put", "the death toll at 31")


@pytest.mark.parametrize(
    "text", ["Officials put pressure on the rebels.", "He put the phone down, and the toll rose."]
)
def test_put_without_a_toll_as_its_object_is_no_cue(text: str) -> None:
    assert not [a for a in _extract(text) if a.cue == "put"]


def test_quoted_by_a_medium_as_saying() -> None:
    a = _only("The minister was quoted by the Tass news agency as saying that troops would stay.")
    assert (a.source, a.content) == ("The minister", "troops would stay")
    assert a.cue == "was quoted by the Tass news agency as saying"


def test_a_second_reporting_verb_ends_the_first_ones_content() -> None:
    """ "deny A and blame B": B is not part of what is denied, even when "blame" without its
    "for" is not read as a cue of its own."""
    a = _only("The rebels deny shelling the hospital and blame government forces.")
    assert a.content == "shelling the hospital"


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("He’s said the deal is dead.", "He", "’s said"),
        ("They’ve argued that the plan fails.", "They", "’ve argued"),
        ("We’re calling for a recount.", "We", "’re calling for"),
        ("Trump’s claim that he won is false.", "Trump", "claim"),  # a possessive
    ],
)
def test_a_contracted_auxiliary_belongs_to_the_cue(text: str, source: str, cue: str) -> None:
    a = _only(text)
    assert (a.source, a.cue) == (source, cue)


@pytest.mark.parametrize(
    "text",
    [
        "Voters in Rust Belt states that have lost factory jobs went to the polls.",
        "Voters in swing states that held primaries went to the polls.",
    ],
)
def test_a_cue_noun_before_a_relative_clause_is_no_cue(text: str) -> None:
    assert extract(Document(name="t.txt", text=text, content_hash="x"), learned=False) == []


def test_a_cue_verb_before_its_that_clause_still_reports() -> None:
    a = _only("The report states that the economy grew.")
    assert (a.source, a.cue, a.content) == ("The report", "states", "the economy grew")


def test_a_cue_noun_before_an_auxiliary_is_a_subject() -> None:
    a = _only("He said the claims and reports were false.")
    assert a.content == "the claims and reports were false"


def test_reports_say_is_a_source_and_its_verb() -> None:
    a = _only("State media reports say the strike killed five people.")
    assert (a.source, a.cue) == ("State media reports", "say")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The WHO has confirmed 1,200 cases of cholera in the region.", "The WHO"),
        ("WHO chief Tedros Adhanom Ghebreyesus said the outbreak was slowing.", None),
        ("The US said the talks had stalled.", "The US"),
    ],
)
def test_an_acronym_spelled_like_a_function_word_is_a_name(text: str, source: str | None) -> None:
    """ "the WHO" lowercases to the pronoun "who"; it must still be a subject."""
    a = _only(text)
    assert a.source == (source or text.split(" said")[0])


def test_a_time_adverb_is_not_part_of_a_participles_subject() -> None:
    a = _only("The ministry later retracted the figure, saying it had been a clerical error.")
    assert (a.source, a.cue) == ("The ministry", "saying")


def test_a_name_set_off_after_a_title_is_no_inverted_content() -> None:
    a = _only("The Taliban's chief spokesman, Zabihullah Mujahid, denied the report.")
    assert (a.source, a.content) == (
        "The Taliban's chief spokesman, Zabihullah Mujahid",
        "the report",
    )


def test_a_clause_ending_in_a_place_apposition_still_inverts() -> None:
    a = _only("The village was shelled in Kharkiv, Ukraine, said the governor.")
    assert (a.source, a.content) == ("the governor", "The village was shelled in Kharkiv, Ukraine")


def test_cue_closing_a_paragraph_before_the_quoted_passage_is_not_a_crash() -> None:
    """ "As X writes in a Y piece:" ends its paragraph; the passage follows in the next one."""
    from verifier.text import analyse

    text = (
        "As Jane Doe writes in a Ledger piece:\n\n"
        "The inspector was convicted years later, his grandson said on Friday."
    )
    analysed = analyse(Document(name="a.txt", text=text, content_hash="h"))
    assert all(a.cue != "writes" or a.content for a in analysed.attributions)


@pytest.mark.parametrize(
    "text",
    [
        "Kelly wrote in a column for the newspaper:",
        "Kelly wrote in a column for the newspaper:\n\n“The foundation is a slush fund.”",
        "She said in the following way that",
    ],
)
def test_a_sentence_ending_in_its_content_marker_has_no_content(text: str) -> None:
    """A colon or "that" closing the sentence after an occasion ("wrote in a column for X:")
    once sent the content start past the last token (IndexError)."""
    for a in _extract(text):
        assert a.cue_span.start < a.content_span.start


def test_he_and_she_agree_in_gender_with_a_titled_speaker() -> None:
    atts = _extract(
        "Ms. Berg said the shelling must stop. Mr. Smith, the envoy, said talks would resume. "
        "She said aid was coming. He said the road was open."
    )
    she, he = atts[2], atts[3]
    assert (she.source, she.resolved_source) == ("She", "Ms. Berg")
    assert (he.source, he.resolved_source) == ("He", "Mr. Smith, the envoy")


def test_he_never_stands_for_a_woman_named_by_her_title() -> None:
    atts = _extract("Ms. Berg said the shelling must stop. He said aid was coming.")
    assert atts[1].resolved_source != "Ms. Berg"


# --- shapes read on PolNeAR train (real US news), each a general mechanism ----------------------


def _rules(text: str) -> list[Attribution]:
    return extract(Document(name="t.txt", text=text, content_hash="x"), learned=False)


def test_typewriter_quotation_marks_invert_like_curly_ones() -> None:
    (a,) = _rules("''It's bad for the party,'' said Stuart Stevens, the chief strategist.")
    assert (a.source, a.cue) == ("Stuart Stevens, the chief strategist", "said")
    assert a.content.startswith("It's bad for the party")


def test_said_after_a_subject_and_its_apposition_is_not_inverted() -> None:
    (a,) = _rules(
        "Gov. John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump, said the "
        "Khan family deserved better."
    )
    assert a.source.startswith("Gov. John Kasich of Ohio")
    assert a.content == "the Khan family deserved better"


def test_the_occasion_after_a_closing_verb_is_no_speaker() -> None:
    (a,) = _rules(
        "“We plan to compete hard,” Jennifer Palmieri, the campaign’s communications director, "
        "said in a statement."
    )
    assert a.source == "Jennifer Palmieri, the campaign’s communications director"
    assert a.content.startswith("We plan to compete hard")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Proponents of the new bill, however, say it would keep enough safeguards.",
            "Proponents of the new bill",
        ),
        ("Cory James, 22, of Flint, Mich., said he had not given up hope.", "Cory James"),
        (
            "Joyce — who is listed as a lawyer in Illinois — told the paper he would not appeal.",
            "Joyce",
        ),
    ],
)
def test_a_subject_keeps_its_age_place_and_asides(text: str, source: str) -> None:
    (a,) = _rules(text)
    assert a.source.startswith(source)
    assert a.source.rstrip(" ,") in text and "however" not in a.source


def test_states_after_a_modifier_is_the_noun() -> None:
    # ("hopes to" is a belief of its own: "states" stays a noun)
    assert [a.cue for a in _rules("He hopes to win swing states like Ohio and Florida.")] == [
        "hopes"
    ]
    assert not _rules("The pact binds the member states to common rules.")


def _sentence(text: str) -> A._Sent:
    units = [u for u in segment(text)[1] if u.kind == "body"]
    quotes = A._Quotes(find_quotes(text, A._paragraph_spans(units)))
    return A._Sent(text, units[-1], quotes)


def _sourceless(s: A._Sent, cue: str, content: str) -> A._Raw:
    """A cue as the learned tagger hands it over when it tagged no source."""
    i = s.toks.index(cue)
    c0 = s.text.index(content)
    span = (c0, c0 + len(content))
    return A._Raw(s.unit, (s.st[i], s.en[i]), (s.st[i], s.st[i]), span, "asserts", (i, i), i)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "He also voiced concern about the primary and said he hoped it would change.",
            "said",
            "he hoped it would change",
            "He",
        ),
        (
            "Worried the nation might miss its target, the government proposed a levy.",
            "Worried",
            "the nation might miss its target",
            "the government",
        ),
        (
            "Citing “obligations in Tennessee,” the spokeswoman told reporters he would skip it.",
            "Citing",
            "“obligations in Tennessee,”",
            "the spokeswoman",
        ),
        (
            "Kagan — who led the surge — supports a larger role in Iraq.",
            "supports",
            "a larger",
            "Kagan",
        ),
    ],
)
def test_a_learned_cue_without_a_source_takes_the_speaker_the_rules_read(
    text: str, cue: str, content: str, speaker: str
) -> None:
    s = _sentence(text)
    filled = A._Reader(s).speaker_of(_sourceless(s, cue, content))
    assert text[filled.source[0] : filled.source[1]].startswith(speaker)


def test_a_cue_in_an_opening_clause_ends_its_content_at_the_clause() -> None:
    (a,) = _rules("After the firm announced that 6,000 jobs would go, some workers felt betrayed.")
    assert a.content == "6,000 jobs would go"


def test_the_narrators_own_clause_after_a_comma_and_a_pronoun_is_not_content() -> None:
    (a,) = _rules("Rubio said the real extremist is Clinton, and he railed against the moderators.")
    assert a.content == "the real extremist is Clinton"


@pytest.mark.parametrize(
    "source",
    [
        "the company's advanced threat researcher Paul Ferguson",
        "the advanced threat researcher Paul Ferguson",
        "their detained colleague Ana Ruiz",
    ],
)
def test_a_past_form_after_an_article_or_possessive_describes_the_source(source: str) -> None:
    # "advanced" is a common verb, but after "the" or "company's" it describes the noun: the
    # inverted source runs to the name, and the quote is the content, not the source phrase.
    text = f"“The flaw is being exploited by criminals,” said {source}."
    a = _only(text)
    assert (a.source, a.cue) == (source, "said")
    assert a.content.startswith("The flaw is being exploited")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "“We are shocked by the ruling,” said Tom Hale, spokesman for Acme Aid, the"
            " church’s relief arm.",
            "Tom Hale, spokesman for Acme Aid, the church’s relief arm",
        ),
        (
            "“It is a fine plan,” said Ana Ruiz, a county official who once ran the port.",
            "Ana Ruiz, a county official who once ran the port",
        ),
        (
            "“The line is far too long,” said Rita Moss, 61, a nurse, after waiting an hour.",
            "Rita Moss, 61, a nurse",
        ),
    ],
)
def test_a_quotation_closing_before_said_makes_the_name_after_it_the_speaker(
    text: str, source: str
) -> None:
    # whatever follows the speaker's name (descriptions, a relative clause, "after ..."), the
    # quotation closing right before the verb is what was said
    (a,) = _rules(text)
    assert (a.source, a.cue) == (source, "said")
    assert a.content.startswith(("We are shocked", "It is a fine plan", "The line is far"))


def test_a_long_clause_before_said_and_a_name_is_the_claim() -> None:
    # "uses" is no verb the word lists know, but five words before ", said Jane Roe" are no
    # subject set off by commas
    (a,) = _rules("The firm uses the same logo on every box, said Jane Roe.")
    assert (a.source, a.content) == ("Jane Roe", "The firm uses the same logo on every box")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Otherwise, she said, towns may simply lure jobs from one another.", "she"),
        ("As the vote nears, Stone says, the number of swing voters shrinks.", "Stone"),
    ],
)
def test_a_parenthetical_cue_after_an_opening_phrase_reads_the_whole_sentence(
    text: str, source: str
) -> None:
    # neither an adverb before a pronoun nor a clause after "As" is an apposition of the source
    (a,) = _rules(text)
    assert a.source == source
    assert a.content.rstrip(".") == text.rstrip(".")


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Most said they were deeply uneasy.", "Most", "they were deeply uneasy"),
        (
            "About one in five say they would stay home.",
            "About one in five",
            "they would stay home",
        ),
        ("On trade, 41% say they want tariffs.", "41%", "they want tariffs"),
        (
            "While 80 percent liked the mayor, 37 said the same of his rival.",
            "37",
            "the same of his rival",
        ),
    ],
)
def test_a_bare_quantity_is_the_subject_of_a_poll_verb(
    text: str, source: str, content: str
) -> None:
    (a,) = _rules(text)
    assert (a.source, a.content) == (source, content)


def test_a_number_before_a_participle_and_its_noun_is_no_subject() -> None:
    assert _rules("The 20 pledged delegates went home after the vote.") == []


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "As the Valley Courier reported, the mayor was also fined for the parade.",
            "the Valley Courier",
            "the mayor was also fined for the parade",
        ),
        (
            "But as one county clerk noted on Friday, the ballots never left the hall.",
            "one county clerk",
            "the ballots never left the hall",
        ),
    ],
)
def test_a_cue_in_an_opening_as_clause_reports_the_main_clause(
    text: str, source: str, content: str
) -> None:
    (a,) = _rules(text)
    assert (a.source, a.content) == (source, content)


def test_a_quotation_opening_in_lower_case_after_that_is_the_content() -> None:
    (a,) = _rules('The Harbor Times noted that "as a rule, clerks do not count late ballots."')
    assert a.source == "The Harbor Times"
    assert a.content.startswith("as a rule, clerks do not count late ballots")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Senator Ruiz: Dam Vote Was Rigged In Three Counties.",
            ("Senator Ruiz", ":", "Dam Vote Was Rigged In Three Counties"),
        ),
        (
            "Lakeside County Says Mayor Should Win The Primary.",
            ("Lakeside County", "Says", "Mayor Should Win The Primary"),
        ),
    ],
)
def test_a_headline_names_its_speaker_across_a_colon_or_a_title_case_verb(
    title: str, expected: tuple[str, str, str]
) -> None:
    atts = _extract(title + "\n\nThe dam board met on Monday.\n")
    assert [(a.source, a.cue, a.content) for a in atts] == [expected]


@pytest.mark.parametrize(
    "title",
    ["The Latest: Ruiz wins the dam vote in Ohio.", "BREAKING NEWS: Dam board quits over vote."],
)
def test_a_headline_label_before_a_colon_is_no_speaker(title: str) -> None:
    assert _extract(title + "\n\nThe dam board met on Monday.\n") == []


def test_a_colon_after_a_name_in_the_body_is_no_headline() -> None:
    text = "Dam vote\n\nThe board met.\n\nRuiz: We will appeal the ruling next week.\n"
    assert [a for a in _rules(text) if a.cue == ":"] == []


def test_a_sentence_that_only_signs_the_quotation_before_it_is_read_with_it() -> None:
    text = "Dam vote\n\nThe hall went still. “We will appeal the dam ruling.” Ruiz said.\n"
    (a,) = _rules(text)
    assert (a.source, a.cue) == ("Ruiz", "said")
    assert a.content.startswith("We will appeal the dam ruling")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The clip comes from a radio interview in which she says the dam will hold.", "she"),
        ("The levy, which the mayor said was unfair, was dropped in May.", "the mayor"),
        ("Two sailors who Navy officials say had left early were found.", "Navy officials"),
        ("The rule, which economists say will cost jobs, passed.", "economists"),
    ],
)
def test_a_relative_pronoun_with_its_own_subject_ends_the_source(text: str, source: str) -> None:
    found = [a for a in _extract(text) if a.cue in ("says", "said", "say")]
    assert [a.source for a in found] == [source]


def test_a_relative_pronoun_before_its_verb_is_in_the_source() -> None:
    a = _only("The firm that built the dam said the walls would hold.")
    assert a.source == "The firm that built the dam"


@pytest.mark.parametrize(
    "opening",
    ["Asked about the levy on Monday,", "Reached by phone,", "Like many in the village,"],
)
def test_an_opening_participle_or_like_phrase_is_no_part_of_the_source(opening: str) -> None:
    atts = _extract(f"{opening} Okafor said the levy would be dropped.")
    a = _by_cue(atts, "said")
    assert (a.source, a.content) == ("Okafor", "the levy would be dropped")
    # "Asked about X," may be read as an attribution of its own, the question put with no
    # source, as PolNeAR annotates it; nothing else is
    assert all(b is a or b.cue.startswith("Asked") for b in atts), atts


def test_a_relative_pronoun_that_speaks_is_the_source_and_its_antecedent_resolves_it() -> None:
    atts = _extract("The mayor, who said the count was fair, left the hall early.")
    a = _by_cue(atts, "said")
    assert (a.source, a.resolved_source, a.content) == ("who", "The mayor", "the count was fair")


def test_a_relative_clause_after_a_quoted_word_closes_before_the_main_verb() -> None:
    atts = _extract("Ruiz, who calls the levy “a fraud,” said he would vote against it.")
    said = _by_cue(atts, "said")
    assert said.content == "he would vote against it"
    assert said.source.startswith("Ruiz")
    assert _by_cue(atts, "calls").content == "the levy “a fraud,”"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Okafor asked the mayor whether the levy would pass.", "whether the levy would pass"),
        ("At the hearing, Okafor asked if the bridge was safe.", "if the bridge was safe"),
        ("Okafor asked about the levy.", "about the levy"),
    ],
)
def test_asked_takes_an_indirect_question_after_its_hearer(text: str, content: str) -> None:
    a = _only(text)
    assert (a.source, a.cue, a.content) == ("Okafor", "asked", content)


def test_asked_with_a_request_is_no_question_for_the_rules() -> None:
    text = "The senator asked reporters to leave the room."
    assert extract(Document(name="t.txt", text=text, content_hash="x"), learned=False) == []


def test_described_takes_its_object_without_as() -> None:
    a = _only("Okafor described the flooding of the lower town in detail.")
    assert (a.cue, a.content) == ("described", "the flooding of the lower town in detail")


def test_citing_a_reason_with_no_report_before_it_is_the_subject_citing_it() -> None:
    a = _only("The ferry company cancelled the crossing, citing high winds over the strait.")
    assert (a.source, a.cue, a.content) == (
        "The ferry company",
        "citing",
        "high winds over the strait",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The agency said on Friday that the mayor had told residents the bridge was safe.",
        "The ferry operator wrote that the inspectors say the hull needs new welds.",
    ],
)
def test_an_attribution_inside_another_content_is_part_of_it(text: str) -> None:
    a = _only(text)
    assert a.cue in ("said", "wrote")
    assert a.content.endswith(("the bridge was safe", "the hull needs new welds"))


def test_a_report_before_a_cue_that_ends_its_content_keeps_both() -> None:
    # the content of "she said" is read leftwards; it is no outer report of "told"
    atts = _extract("The mayor told residents the bridge was safe, the spokeswoman said.")
    assert {a.cue for a in atts} == {"told", "said"}


def test_a_signature_after_a_quotation_its_sentence_gave_a_cue_is_a_new_attribution() -> None:
    text = (
        "Ms. Okafor said, “The ferry timetable was changed without any notice to riders.” "
        "She added, “Nobody on the board asked the crews first.”"
    )
    said, added = _by_cue(_extract(text), "said"), _by_cue(_extract(text), "added")
    assert said.content == "The ferry timetable was changed without any notice to riders."
    assert (added.source, added.content) == ("She", "Nobody on the board asked the crews first.")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "He hoped, he said, that the ferry board would resign.",
            "He hoped, he said, that the ferry board would resign",
        ),
        (
            "The pier is so weak, the engineer said, that even a small van could break it.",
            "The pier is so weak, the engineer said, that even a small van could break it",
        ),
    ],
)
def test_a_parenthetical_cue_before_that_keeps_the_clause_after_it(text: str, content: str) -> None:
    (a,) = [a for a in _extract(text) if a.cue == "said"]
    assert a.content == content


def test_according_to_opening_a_sentence_names_its_source_to_the_comma() -> None:
    text = (
        "According to the ferry timetable published Monday, the first boat leaves at six, "
        "the last at ten."
    )
    a = _by_cue(_extract(text), "According to")
    assert a.source == "the ferry timetable published Monday"
    assert a.content == "the first boat leaves at six, the last at ten"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The dam ruling made the levy legal - she urged the board to collect it.", "she"),
        (
            "Mr. Ortiz - in a line aimed at the board - declared that the levy was dead.",
            "Mr. Ortiz",
        ),
    ],
)
def test_a_hyphen_spaced_as_a_dash_ends_or_sets_off_the_subject(text: str, source: str) -> None:
    found = [a for a in _rules(text) if a.cue in ("urged", "declared")]
    assert [a.source for a in found] == [source]


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "The teachers' union endorsed Maria Ortiz for the board.",
            "The teachers' union",
            "endorsed",
            "Maria Ortiz for the board",
        ),
        (
            "Councilwoman Hale opposes the new parking levy.",
            "Councilwoman Hale",
            "opposes",
            "the new parking levy",
        ),
        (
            "The mayor praised the volunteers who cleared the river bank.",
            "The mayor",
            "praised",
            "the volunteers who cleared the river bank",
        ),
        (
            "A spokesman for the port declined to comment on the strike.",
            "A spokesman for the port",
            "declined",
            "to comment on the strike",
        ),
        (
            "Ortiz plans to run for the council again next spring.",
            "Ortiz",
            "plans",
            "to run for the council again next spring",
        ),
        (
            "Most farmers want a longer season for the market.",
            "Most farmers",
            "want",
            "a longer season for the market",
        ),
        (
            "The two mayors agreed to meet again in June.",
            "The two mayors",
            "agreed",
            "to meet again in June",
        ),
        ("The board decided to delay the vote.", "The board", "decided", "to delay the vote"),
        (
            "A county judge ordered the release of the ferry logs.",
            "A county judge",
            "ordered",
            "the release of the ferry logs",
        ),
        (
            "Ortiz offered a plan to rebuild the pier.",
            "Ortiz",
            "offered",
            "a plan to rebuild the pier",
        ),
        (
            "The coach encouraged the players to vote early.",
            "The coach",
            "encouraged",
            "the players to vote early",
        ),
        (
            "Most renters see the levy as a tax on the poor.",
            "Most renters",
            "see",
            "the levy as a tax on the poor",
        ),
        (
            "The harbour board viewed the pier plan as too costly.",
            "The harbour board",
            "viewed",
            "the pier plan as too costly",
        ),
    ],
)
def test_positions_and_intentions_take_their_object_or_infinitive(
    text: str, source: str, cue: str, content: str
) -> None:
    (a,) = _rules(text)
    assert (a.source, a.cue, a.content) == (source, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "Shares of the ferry company declined 5% on Monday.",
        "The board refused the parcel to a buyer from out of town.",
        "The council's plan to the harbour board is due in May.",
        "The storm encouraged a late run on bread and milk.",
        "The mayors agreed to a short delay.",
        "She saw the mayor at the pier again in June.",
    ],
)
def test_an_intention_verb_without_its_infinitive_reads_nothing(text: str) -> None:
    assert not _rules(text)


def test_a_position_inside_what_someone_said_stays_in_it() -> None:
    # read as its own attribution, "wanted" would cut what she said short at "and"
    (a,) = _rules("The farmer said she was tired of the delays and wanted a new road.")
    assert a.cue == "said"
    assert a.content == "she was tired of the delays and wanted a new road"


def test_a_position_describing_the_speaker_is_no_attribution() -> None:
    (a,) = _rules("Councilwoman Hale, who has refused to back the levy, said the vote was rushed.")
    assert a.cue == "said" and a.source.startswith("Councilwoman Hale")


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "A survey of 600 harbour workers released Monday showed the levy well ahead.",
            "A survey of 600 harbour workers released Monday",
            "showed",
            "the levy well ahead",
        ),
        (
            "The city's polling shows Ortiz leading among renters.",
            "The city's polling",
            "shows",
            "Ortiz leading among renters",
        ),
        (
            "A rolling average of the harbour surveys shows the levy narrowly ahead.",
            "A rolling average of the harbour surveys",
            "shows",
            "the levy narrowly ahead",
        ),
        (
            "The port audit found no record of the missing payments.",
            "The port audit",
            "found",
            "no record of the missing payments",
        ),
    ],
)
def test_a_poll_or_a_study_reports_what_it_shows_or_finds(
    text: str, source: str, cue: str, content: str
) -> None:
    (a,) = _rules(text)
    assert (a.source, a.cue, a.content) == (source, cue, content)


def test_a_person_who_finds_something_reports_nothing() -> None:
    assert not _rules("A hiker found the missing keys near the river bank.")
