"""The text stage's shared readings: one number parser, passage figures, same speaker."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from verifier.text.numbers import parse_number, token_number
from verifier.text.passage import figure_label, quantities, read_passage
from verifier.text.speakers import affiliations, is_generic_body, same_source


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
