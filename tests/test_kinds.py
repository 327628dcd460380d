"""The kind of an attribution (speech, document, position, belief), read from its cue."""

from __future__ import annotations

import pytest

from verifier.text.kinds import attribution_kind, cue_kind


@pytest.mark.parametrize(
    ("cue", "source", "kind"),
    [
        ("said", "the minister", "speech"),
        ("told", "She", "speech"),
        ("according to", "the agency", "speech"),
        ("wrote", "Kelly", "speech"),
        (":", "he", "speech"),
        ("shows", "A new poll", "document"),
        ("found", "the report", "document"),
        ("showed", "", "document"),
        ("denied", "the ministry", "position"),
        ("accused", "Clinton", "position"),
        ("called for", "the senator", "position"),
        ("allegations", "", "position"),
        ("thinks", "Trump", "belief"),
        ("hopes", "The campaign", "belief"),
        ("is expected", "he", "belief"),
        ("fears", "residents", "belief"),
        ("wants", "she", "belief"),
    ],
)
def test_cue_kinds(cue: str, source: str, kind: str) -> None:
    assert cue_kind(cue, source) == kind


def test_a_document_verb_with_a_person_is_not_a_document() -> None:
    assert cue_kind("found", "the detective") != "document"


def test_an_unknown_cue_is_none_for_scoring_and_speech_for_an_attribution() -> None:
    assert cue_kind("in", "the senator") is None
    assert attribution_kind("in", "the senator") == "speech"
