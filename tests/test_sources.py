"""Source typing, canonical names and anaphora helpers."""

from __future__ import annotations

import pytest

from verifier.text.sources import (
    aliases,
    anaphor_kind,
    canonical_source,
    classify_source,
    context_type,
    is_person,
    is_visual,
    org_mentions,
)

# --- canonical names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "canonical"),
    [
        ("Ruritania's official news agency, RNA", "RNA"),
        ("the recently created militia alliance, the Eastern Front", "Eastern Front"),
        ("The ministry's spokeswoman Anna Petrova", "Anna Petrova"),
        ("the Blue Cross Society, a volunteer relief group", "Blue Cross Society"),
        ("the Assembly of Nations", "Assembly of Nations"),
        ("Foreign Minister Jonas Vell", "Jonas Vell"),
        ("The militia “Northern Shield,”", "Northern Shield"),
        ("the Ostland Observatory for Human Rights (OOHR)", "Ostland Observatory for Human Rights"),
        ("dozens of residents of the old town", "residents of the old town"),
        ("a drone video circulating online, verified by the Courier", "drone video"),
        ("he", "he"),
        ("", ""),
    ],
)
def test_canonical_source(source: str, canonical: str) -> None:
    assert canonical_source(source) == canonical


def test_aliases_include_surname_and_acronym() -> None:
    assert "Vell" in aliases("Foreign Minister Jonas Vell")
    assert "OOHR" in aliases("the Ostland Observatory for Human Rights (OOHR)")


# --- types -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("Ruritania's state news agency, RNA", "state_media"),
        ("state television", "state_media"),
        ("the government-run daily", "state_media"),
        ("the interior ministry", "government"),
        ("Police spokesman Ivo Marn", "government"),
        ("the army's southern command", "government"),
        ("Ostland's president", "government"),
        ("Moscow", "government"),
        ("Ireland and Portugal", "government"),
        ("the insurgents", "armed_group"),
        ("a commander of the Eastern Front militia", "armed_group"),
        ("the spokesperson for the rebel factions", "armed_group"),
        ("the Northern Liberation Front", "armed_group"),
        ("a coalition of armed groups", "armed_group"),
        ("the Blue Cross Society, a volunteer relief group", "ngo"),
        ("a human rights group", "ngo"),
        ("the local Red Crescent branch", "ngo"),
        ("the United Nations refugee agency", "intl_org"),
        ("a UN spokesperson", "intl_org"),
        ("the Assembly of Nations' humanitarian coordinator", "intl_org"),
        ("the World Health Organization", "intl_org"),
        ("a senior official who asked not to be named", "anonymous"),
        ("two people familiar with the talks", "anonymous"),
        ("a source close to the negotiations", "anonymous"),
        ("a driver, speaking on condition of anonymity", "anonymous"),
        ("residents of the harbour district", "eyewitness"),
        ("a woman who lives near the bridge", "eyewitness"),
        ("witnesses", "eyewitness"),
        ("satellite imagery reviewed by analysts", "visual"),
        ("a video shared on messaging apps, geolocated by the Courier", "visual"),
        ("photographs taken by staff", "visual"),
        ("the local newspaper", "media"),
        ("the Harbour Courier", "media"),
        ("Reuters", "media"),
        ("the Xinhua news agency", "state_media"),
        ("Jonas Vell", "unknown"),
        ("critics", "unknown"),
    ],
)
def test_classify_source(source: str, kind: str) -> None:
    assert classify_source(source) == kind


def test_lower_case_descriptor_types_the_name_it_modifies() -> None:
    assert classify_source("the rebel Military Council") == "armed_group"


def test_anonymity_in_the_sentence_types_an_unnamed_official() -> None:
    sentence = "The bridge was mined, said an official, who spoke on condition of anonymity."
    assert classify_source("an official", sentence) == "anonymous"


def test_outlet_own_reporting() -> None:
    assert classify_source("a Courier analysis", outlet="Courier") == "outlet"
    assert classify_source("footage verified by the Courier", outlet="Courier") == "visual"
    # an NGO publishing its own statement is still an NGO
    assert classify_source("The Blue Cross Society", outlet="Blue Cross Society") == "ngo"


def test_is_visual_looks_at_the_head() -> None:
    assert is_visual("Footage posted online")
    assert not is_visual("a spokesman for the video platform")


def test_context_type_reads_the_article_wording() -> None:
    text = (
        "Eastland Shield fighters took the bridge. Later Eastland Shield said it held the town. "
        "Ostland's foreign minister condemned the attack."
    )
    assert context_type(text, "Eastland Shield") == "armed_group"
    assert context_type(text, "Ostland") == "government"
    assert context_type(text, "Nobody") is None


# --- anaphora --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("he", "person"),
        ("She", "person"),
        ("they", "plural"),
        ("it", "org"),
        ("the group", "group"),
        ("The rebel group", "group"),
        ("the ministry", "ministry"),
        ("the agency", "agency"),
        ("the Interior Ministry", None),
        ("officials", None),
        ("Jonas Vell", None),
    ],
)
def test_anaphor_kind(source: str, kind: str | None) -> None:
    assert anaphor_kind(source) == kind


def test_person_detection() -> None:
    assert is_person("Foreign Minister Jonas Vell")
    assert is_person("the ministry's spokeswoman")
    assert is_person("Vell")
    assert not is_person("the Eastern Front")
    assert not is_person("Moscow")
    assert not is_person("residents")


def test_org_mentions_finds_organisations_not_places() -> None:
    text = "Troops clashed with the Eastern Front near Lissa. The Relief Society said."
    names = [name for _, name in org_mentions(text, 0, len(text))]
    assert "Eastern Front" in names
    assert "Relief Society" in names
    assert "Lissa" not in names


@pytest.mark.parametrize(
    ("phrase", "canonical"),
    [
        ("The Defence Ministry", "Defence Ministry"),
        ("the Interior Ministry", "Interior Ministry"),
        ("Health Minister Dana Roe", "Dana Roe"),
        ("residents of Brenmoor, a village upriver", "residents of Brenmoor"),
        ("a resident of Tavel, Ada Morn", "Ada Morn"),
    ],
)
def test_canonical_keeps_institution_names_and_skips_places(phrase: str, canonical: str) -> None:
    assert canonical_source(phrase) == canonical
