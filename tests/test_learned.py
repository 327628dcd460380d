"""The learned attribution tagger: decoding, features, the shipped model and its training."""

from __future__ import annotations

import json
import time
from pathlib import Path

from verifier.models import Document
from verifier.text import learned as L
from verifier.text.attribution import extract, read_sentences
from verifier.text.segment import segment
from verifier.text.train_attribution import train


def _doc(text: str) -> Document:
    return Document(name="t.txt", text=text, content_hash="x")


def test_segments_join_inside_runs_and_start_new_ones_at_b() -> None:
    tags = ["B-S", "I-S", "B-C", "B-T", "I-T", "I-T", "O", "I-T", "B-T"]
    assert L._segments(tags) == [("S", 0, 2), ("C", 2, 3), ("T", 3, 6), ("T", 7, 8), ("T", 8, 9)]


def test_rule_roles_mark_cue_over_source_over_content() -> None:
    text = "The ministry said the road was open."
    ((s, raws),) = read_sentences(_doc(text), segment(text)[1])
    roles = L.rule_roles(s, raws)
    assert list(zip(s.toks, roles, strict=True)) == [
        ("The", "S"),
        ("ministry", "S"),
        ("said", "C"),
        ("the", "T"),
        ("road", "T"),
        ("was", "T"),
        ("open", "T"),
        (".", "O"),
    ]


def test_features_carry_the_rules_reading_and_the_neighbours() -> None:
    text = "The ministry said the road was open."
    ((s, raws),) = read_sentences(_doc(text), segment(text)[1])
    feats = L.features(s, L.rule_roles(s, raws))
    assert "w=said" in feats[2] and "r=C" in feats[2] and "w-1=ministry" in feats[2]
    assert "w+1=</s>" in feats[-1] and "any=1" in feats[0]


def test_the_shipped_model_is_small_and_loads_fast() -> None:
    assert L.MODEL_PATH.stat().st_size <= 25_000_000
    began = time.perf_counter()
    tagger = L.AttributionTagger()
    assert time.perf_counter() - began < 0.5
    assert "hopes" in tagger.cue_words and "said" in tagger.cue_words


def test_the_model_adds_a_belief_the_rules_do_not_read() -> None:
    # ("believes" before a bare clause and "wants" are the rules' own readings now: "prefers"
    # is not)
    text = "Senator Ames prefers the tax cut to the levy."
    assert extract(_doc(text), learned=False) == []
    (att,) = extract(_doc(text))
    assert (att.source, att.cue) == ("Senator Ames", "prefers")
    assert att.content.startswith("the tax cut to the levy")


def test_a_kind_word_no_train_cue_heads_makes_a_sentence_worth_tagging() -> None:
    # "dislikes" heads too few train cues to be a learned cue word and is no rule trigger, but
    # the kind lexicon knows it (a belief)
    text = "The coach dislikes the plan to move the stadium out of town."
    ((s, raws),) = read_sentences(_doc(text), segment(text)[1])
    tagger = L.AttributionTagger()
    assert raws == [] and tagger.cue_words.isdisjoint(s.low)
    assert tagger.worth_tagging(s, raws)


def test_the_model_leaves_what_the_rules_found_alone() -> None:
    text = "The port authority said the harbour would reopen on Monday."
    assert extract(_doc(text)) == extract(_doc(text), learned=False)


def test_training_is_deterministic(tmp_path: Path) -> None:
    split = tmp_path / "train"
    split.mkdir()
    texts = {
        "a.txt": "Officials said the bridge was closed. Ames hopes the vote will pass.\n",
        "b.txt": "The mayor fears the flood will return. Police said two men were held.\n",
    }
    gold = []
    for name, text in texts.items():
        (split / name).write_text(text, encoding="utf-8")
        for source, cue in (
            ("Officials", "said"),
            ("Ames", "hopes"),
            ("The mayor", "fears"),
            ("Police", "said"),
        ):
            at = text.find(f"{source} {cue}")
            if at < 0:
                continue
            cs = at + len(source) + 1
            end = text.index(".", cs)
            gold.append(
                {
                    "doc": name,
                    "source": source,
                    "cue": cue,
                    "content": text[cs + len(cue) + 1 : end],
                    "source_spans": [[at, at + len(source)]],
                    "cue_spans": [[cs, cs + len(cue)]],
                    "content_spans": [[cs + len(cue) + 1, end]],
                }
            )
    (tmp_path / "train.gold.jsonl").write_text(
        "".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8"
    )
    first = train(split, tmp_path / "m1.crfsuite", tmp_path / "c1.txt")[1].read_bytes()
    second = train(split, tmp_path / "m2.crfsuite", tmp_path / "c2.txt")[1].read_bytes()
    assert first == second and len(first) > 0


def test_features_carry_stem_cue_kind_and_distance_to_a_cue() -> None:
    text = "Senator Ames hopes the tax cut will pay for itself:"
    ((s, raws),) = read_sentences(_doc(text), segment(text)[1])
    feats = L.features(s, L.rule_roles(s, raws))
    hopes = s.low.index("hopes")
    assert "st=hope" in feats[hopes] and "k=belief" in feats[hopes]
    assert "dc=0" in feats[hopes] and "dc=2" in feats[hopes + 2]
    assert "k-1=belief" in feats[hopes + 1] and "end=:" in feats[0]


def test_a_participle_takes_the_source_of_the_attribution_before_it() -> None:
    text = "The mayor said the road was open, adding that the bridge would follow."
    ((s, raws),) = read_sentences(_doc(text), segment(text)[1])
    adding = s.st[s.low.index("adding")]
    a, b = L._main_subject(raws, [], adding, (-1, -1))
    assert s.toks[a:b] == ["The", "mayor"]
    assert L._main_subject(raws, [], s.st[0], (-1, -1)) == (-1, -1)  # nothing said before


def test_a_cue_tagged_without_source_takes_the_subject_left_of_it() -> None:
    text = "Many voters in the state prefer a candidate who can win."
    ((s, _),) = read_sentences(_doc(text), segment(text)[1])
    a, b = L._subject_before(s, s.low.index("prefer"), (-1, -1))
    assert s.toks[a:b] == ["Many", "voters", "in", "the", "state"]


def test_a_passive_or_infinitive_cue_takes_no_subject() -> None:
    for text, cue in (
        ("The senator is expected to back the bill.", "expected"),
        ("The ad sets out to portray him as weak.", "portray"),
    ):
        ((s, _),) = read_sentences(_doc(text), segment(text)[1])
        assert L._subject_before(s, s.low.index(cue), (-1, -1)) == (-1, -1), text


def test_a_content_ending_mid_phrase_is_cut_short() -> None:
    text = "She recalled what happened in 2008, and he said “the fight was for”."
    ((s, _),) = read_sentences(_doc(text), segment(text)[1])
    assert L._cut_short(s, s.low.index("in") + 1)
    assert not L._cut_short(s, s.low.index("2008") + 1)
    assert not L._cut_short(s, s.low.index("for") + 1)  # quoted words are the speaker's


def test_a_cue_without_content_takes_the_rest_of_its_sentence() -> None:
    text = "As the Post observed, Republicans now control both chambers."
    ((s, _),) = read_sentences(_doc(text), segment(text)[1])
    a, b = L._rest_of_sentence(s, s.low.index("observed") + 1) or (0, 0)
    assert s.toks[a:b] == ["Republicans", "now", "control", "both", "chambers"]
    assert L._rest_of_sentence(s, s.low.index("both")) is None  # too little left


def test_a_negated_cue_keeps_its_negation_and_a_future_one_is_dropped() -> None:
    for text, cue, start in (
        ("Senator Ames did not mention the tax cut.", "mention", "did"),
        ("The mayor doesn't believe the figures.", "believe", "doesn't"),
        ("The mayor believes the figures.", "believes", "believes"),
    ):
        ((s, _),) = read_sentences(_doc(text), segment(text)[1])
        x = s.low.index(cue)
        assert s.low[L._asserted_from(s, x, x + 1)] == start, text
    text = "The council will announce the budget."
    ((s, _),) = read_sentences(_doc(text), segment(text)[1])
    x = s.low.index("announce")
    assert L._asserted_from(s, x, x + 1) == -1


def test_a_negated_cue_is_the_speakers_denial_of_its_content() -> None:
    """A reviewer reading "Mayor Jon Reyes -> the tax will pass" must not see it as his claim:
    the negation is in the cue and the stance says he holds it false."""
    text = "Jon Reyes, the mayor, does not believe the new tax will pass."
    assert extract(_doc(text), learned=False) == []
    (att,) = extract(_doc(text))
    assert (att.cue, att.stance) == ("does not believe", "denies")
    assert att.content.startswith("the new tax will pass")
    (plain,) = extract(_doc(text.replace("does not believe", "believes")))
    assert plain.stance == "asserts"
    for text, cue, stance in (
        ("The senator did not want the inquiry to go on.", "did not want", "denies"),
        ("The senator offered no proof that the vote was rigged.", "offered no proof", "asserts"),
        ("The senator has not yet conceded the race.", "has not yet conceded", "denies"),
    ):
        ((s, _),) = read_sentences(_doc(text), segment(text)[1])
        words = cue.split()
        ca = s.low.index(words[0])
        assert L._negated_stance(s, ca, ca, ca + len(words)) == stance, text


def test_only_a_quote_verb_before_a_preposition_is_ruled_out() -> None:
    # (the listener of a clause and an infinitive keep the cue, and a particle verb without
    # its particle is ruled out only before a person: "dismissed the proposal" rejects it)
    for text, cue, content, forbidden in (
        ("The army responded with artillery fire.", "responded", "artillery", True),
        (
            "The senator complained to reporters that the count was rigged.",
            "complained",
            "that",
            False,
        ),
        ("The senator continued to warn that the count was rigged.", "continued", "that", False),
        ("The inspectors found the ledgers in a drawer.", "found", "the", False),
        ("The board dismissed the director on Monday.", "dismissed", "the", True),
        ("The senator dismissed the proposal on Monday.", "dismissed", "the", False),
    ):
        ((s, _),) = read_sentences(_doc(text), segment(text)[1])
        x = s.low.index(cue)
        ta = s.low.index(content, x)
        assert L._frames_forbid(s, x, x + 1, ta, s.last) is forbidden, text


def test_a_content_stopping_inside_its_clause_runs_to_the_clause_end() -> None:
    text = "The survey shows that the mayor leads by four points, and the race is close."
    ((s, _),) = read_sentences(_doc(text), segment(text)[1])
    mayor = s.low.index("mayor") + 1
    assert s.toks[L._clause_end(s, mayor) - 1] == "points"  # "leads" opens no new clause
    points = s.low.index("points") + 1
    assert L._clause_end(s, points) == points  # a comma ends it already
    the = s.low.index("and")
    assert L._clause_end(s, the) == the  # "and" may end it


def test_a_holdout_fold_picks_every_kth_article_from_its_own_offset() -> None:
    from verifier.text.train_attribution import held_out

    paths = [Path(f"{k:02}.txt") for k in range(12)]
    assert [p.stem for p in held_out(paths, 5)] == ["00", "05", "10"]
    assert [p.stem for p in held_out(paths, 5, 3)] == ["03", "08"]
    assert held_out(paths, 0, 3) == []  # no holdout: train on everything
