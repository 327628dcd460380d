"""The cue lexicon: generated inflections, readings, triggers and hedges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verifier.text import cues
from verifier.text.cues import find_hedges
from verifier.text.lexicon import verbs


def test_lexicon_has_at_least_150_reporting_lemmas() -> None:
    assert len(verbs.REPORTING_VERBS) >= 150


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("say", {"say", "says", "said", "saying"}),
        ("tell", {"tell", "tells", "told", "telling"}),
        ("write", {"write", "writes", "wrote", "written", "writing"}),
        ("deny", {"deny", "denies", "denied", "denying"}),
        ("admit", {"admit", "admits", "admitted", "admitting"}),
        ("stress", {"stress", "stresses", "stressed", "stressing"}),
        ("announce", {"announce", "announces", "announced", "announcing"}),
        ("urge", {"urge", "urges", "urged", "urging"}),
    ],
)
def test_every_inflection_is_generated(lemma: str, forms: set[str]) -> None:
    generated = {f for fs in cues.inflect(lemma).values() for f in fs}
    assert forms <= generated


def test_irregular_past_replaces_the_regular_one() -> None:
    assert "sayed" not in {f for fs in cues.inflect("say").values() for f in fs}
    assert "telled" not in {f for fs in cues.inflect("tell").values() for f in fs}


@pytest.mark.parametrize(
    ("form", "lemma", "tense", "stance"),
    [
        ("said", "say", "ed", "asserts"),
        ("refutes", "refute", "s", "denies"),
        ("blaming", "blame", "ing", "accuses"),
        ("urged", "urge", "ed", "calls_for"),
        ("dismissed", "dismiss", "ed", "denies"),
    ],
)
def test_verb_readings(form: str, lemma: str, tense: str, stance: str) -> None:
    readings = cues.verb_readings(form)
    assert any(r.lemma == lemma and r.tense == tense and r.stance == stance for r in readings)


def test_non_cues_have_no_reading() -> None:
    assert cues.verb_readings("walked") == ()
    assert cues.verb_readings("the") == ()


def test_phrasal_cues_start_with_their_verb() -> None:
    rests = {p.rest for p in cues.phrasal_readings("called")}
    assert ("on",) in rests and ("for",) in rests
    assert any(p.rest == ("to", "show") for p in cues.phrasal_readings("appeared"))


def test_particles_restrict_object_verbs() -> None:
    accused = cues.verb_readings("accused")[0]
    assert "of" in accused.particles


def test_trigger_words_cover_cues_but_not_function_words() -> None:
    triggers = cues.trigger_words()
    for word in ("said", "according", "citing", "claimed", "called", "statement"):
        assert word in triggers
    for word in ("in", "the", "as", "of"):
        assert word not in triggers


def test_cue_nouns_carry_a_stance() -> None:
    assert cues.CUE_NOUNS["denial"] == "denies"
    assert cues.CUE_NOUNS["accusations"] == "accuses"
    assert cues.CUE_NOUNS["calls"] == "calls_for"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The group claimed it downed a drone.", "claimed"),
        ("The town was reportedly shelled.", "reportedly"),
        (
            "The agency could not independently verify the figures.",
            "could not independently verify",
        ),
        ("Officials gave the toll without providing evidence.", "without providing evidence"),
        ("It was not immediately clear who fired.", "it was not immediately clear"),
        ("The footage could not be verified.", "could not be verified"),
    ],
)
def test_hedges_are_found(text: str, expected: str) -> None:
    assert expected in cues.find_hedges(text)


def test_hedges_are_distinct_and_ordered_across_texts() -> None:
    found = cues.find_hedges(
        "Rebels claimed the base.", "The claim was unverified; rebels claimed more."
    )
    assert found == ("claimed", "claim", "unverified")


def test_no_hedges_in_plain_text() -> None:
    assert cues.find_hedges("The minister visited the hospital on Monday.") == ()


_HEDGE_PHRASES = [
    "the group claimed",
    "allegedly",
    "the allegations",
    "reportedly",
    "purportedly",
    "supposedly",
    "apparently",
    "ostensibly",
    "unverified footage",
    "unconfirmed reports",
    "unsubstantiated",
    "could not independently verify the claim",
    "wasn\u2019t able to confirm",
    "were unable to independently verify",
    "cannot be independently verified",
    "without providing evidence",
    "offered no evidence",
    "did not provide any evidence",
    "it was not clear",
    "it remains unclear",
    "it was not immediately clear",
    "not immediately possible to verify",
    "is said to",
    "appears to",
    "appeared to",
    "possibly",
    "disputed",
]


@given(
    st.lists(
        st.sampled_from([*_HEDGE_PHRASES, "the army", "said", "on Monday", "not", "that", "."]),
        max_size=8,
    )
)
def test_hedge_hints_never_hide_a_hedge(words: list[str]) -> None:
    """The cheap substring gate must agree with running every hedge pattern on the text."""
    from verifier.text.cues import _NEGATION_HINT, _hedge_res

    text = " ".join(words)
    fast, slow = _hedge_res()
    at: dict[int, str] = {m.start(): m.group(0) for m in fast.finditer(text)}
    if _NEGATION_HINT.search(text):
        for m in slow.finditer(text):
            at.setdefault(m.start(), m.group(0))
    expected = [" ".join(at[k].lower().split()).replace("\u2019", "'") for k in sorted(at)]
    assert list(find_hedges(text)) == list(dict.fromkeys(expected))


def test_every_sample_hedge_is_found() -> None:
    for phrase in _HEDGE_PHRASES:
        assert find_hedges(f"The army {phrase} on Monday."), phrase
