"""Evidence retrieval: the OR query, its safety against hostile text, and stored evidence."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixtures_store import (
    AGGREGATOR_COPY,
    ARTICLES,
    LEDGER_ADVANCE,
    LEDGER_WATER,
    WIRE_STRIKES,
    article_id,
    build_article,
    claim_id,
    make_store,
    sentence_id,
)
from verifier.corroborate import (
    EvidenceHit,
    Judgement,
    build_match,
    corroborate,
    find_evidence,
    fts_stem,
    informative_terms,
    normalise_sentence,
    quote_term,
    rank_terms,
    select_terms,
)
from verifier.corroborate.compare import RELATIONS
from verifier.store import Store
from verifier.store.stories import sentence_sources


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with make_store(tmp_path) as s:
        yield s


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Read-only tests (hypothesis runs hundreds of examples) share one store."""
    with make_store(tmp_path_factory.mktemp("corroborate")) as s:
        yield s


# --- query ------------------------------------------------------------------------------------


def test_informative_terms_drop_function_and_attribution_words() -> None:
    terms = informative_terms("The ministry said on Friday that 4 of its soldiers were told to go.")
    assert terms == ["ministry", "friday", "4", "soldiers", "go"]


def test_informative_terms_fold_case_diacritics_and_repeats() -> None:
    assert informative_terms("Alépo ALEPO alepo, x y 7") == ["alepo", "7"]
    assert informative_terms("US officials told us") == ["us", "officials"]
    assert informative_terms("") == []


@pytest.mark.parametrize(
    "words",
    [
        "killed killing kills airstrikes shelling shelled casualties civilians evacuated",
        "technology assembly possibly ideology apologies generally conditional relational",
        "hospitals hospitalised hopeful running ran runs agreed agreement independently",
        "Aleppo ALÉPPO naïve café Zürich Dağ Bakı 300,000 1990s 2024 X",
    ],
)
def test_fts_stem_agrees_with_sqlite_porter_tokenizer(words: str) -> None:
    """Document frequencies are looked up by stem; a stem SQLite spells differently is lost."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2')"
    )
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    for word in words.replace(",", " ").split():
        conn.execute("DELETE FROM t")
        conn.execute("INSERT INTO t VALUES (?)", (word,))
        (term,) = conn.execute("SELECT term FROM v").fetchone()
        assert fts_stem(word) == term, word


def test_rank_terms_keeps_the_rarest_and_drops_unknown() -> None:
    df = {"armi": 50, "korvath": 1, "desalin": 2, "plant": 7}
    terms = ["army", "desalination", "unheardof", "plant", "korvath", "plants"]
    assert rank_terms(terms, df, 3) == ["korvath", "desalination", "plant"]
    assert rank_terms(terms, df, 10) == ["korvath", "desalination", "plant", "army"]
    with pytest.raises(ValueError):
        rank_terms(terms, df, 0)


def test_build_match_is_quoted_or_of_corpus_terms(shared_store: Store) -> None:
    match = build_match("Fighters controlled the desalination plant near Zanzibar", shared_store)
    parts = match.split(" OR ")
    assert all(p.startswith('"') and p.endswith('"') for p in parts)
    assert '"desalination"' in parts and '"fighters"' in parts
    assert '"zanzibar"' not in parts  # not in the corpus: it cannot match
    assert build_match("the of and said", shared_store) == ""


def test_build_match_prefers_rare_terms(shared_store: Store) -> None:
    # "tessaly" is in many sentences, "korvath" in few: with room for one term, rarity wins.
    assert select_terms("Tessaly Korvath", shared_store, max_terms=1) == ["korvath"]


def test_quote_term_doubles_quotes() -> None:
    assert quote_term('a"b') == '"a""b"'


HOSTILE = st.sampled_from(
    [
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        "NEAR",
        '"',
        '""',
        "'",
        "*",
        "^",
        ":",
        "text:",
        "{text}",
        "(",
        ")",
        "-",
        "+",
        "\x00",
        "\u2028",
        "Korvath",
        "desalination",
        "killed",
        "naïve",
        "Zürich",
        "۱۲۳",
        "\U0001f4a3",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(HOSTILE, st.text(max_size=30)), max_size=12).map(" ".join))
def test_query_is_safe_for_any_text(shared_store: Store, text: str) -> None:
    match = build_match(text, shared_store)
    shared_store.search_sentences(match, limit=5)
    find_evidence(shared_store, text, limit=3)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_quoted_term_is_always_valid_fts(shared_store: Store, term: str) -> None:
    """Even terms that never come out of ``informative_terms`` are safe once quoted."""
    shared_store.search_sentences(quote_term(term) + " OR " + quote_term("korvath"), limit=2)


# --- find_evidence ----------------------------------------------------------------------------


def test_or_query_finds_sentence_sharing_only_two_rare_words(store: Store) -> None:
    claim = "its fighters controlled the desalination plant outside Korvath"
    target = sentence_id(store, LEDGER_WATER, 1)  # "Engineers said the Korvath desalination ..."
    # What default quoting would do (every word ANDed) finds nothing ...
    anded = " AND ".join(quote_term(t) for t in informative_terms(claim))
    assert store.search_sentences(anded, exclude_article=article_id(store, WIRE_STRIKES)) == []
    # ... the OR query finds the sentence, and ranks it first.
    hits = find_evidence(store, claim, article_id=article_id(store, WIRE_STRIKES))
    assert hits and hits[0].sentence_id == target
    assert "desalination" in hits[0].sentence and hits[0].outlet == "Northern Ledger"


def test_own_article_is_excluded(store: Store) -> None:
    own = article_id(store, WIRE_STRIKES)
    text = "Airstrikes struck the market district of Tessaly late on Friday, killing 27 people"
    with_own = find_evidence(store, text)
    assert own in {h.article_id for h in with_own}
    hits = find_evidence(store, text, article_id=own)
    assert hits and own not in {h.article_id for h in hits}


def test_exclude_sentence_id(store: Store) -> None:
    text = "the Korvath desalination works had stopped pumping on Sunday"
    own = sentence_id(store, LEDGER_WATER, 1)
    assert own in {h.sentence_id for h in find_evidence(store, text)}
    assert own not in {h.sentence_id for h in find_evidence(store, text, exclude_sentence_id=own)}


def test_hits_are_ranked_by_descending_score(store: Store) -> None:
    hits = find_evidence(store, "27 people killed in airstrikes on the Tessaly market district")
    assert len(hits) >= 3
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    # Body sentences and titles are evidence; bylines and inner headings never are.
    assert all(h.kind == "body" or (h.kind == "headline" and h.index == 0) for h in hits)
    assert any(h.kind == "headline" for h in hits)


def test_limit_is_honoured(store: Store) -> None:
    assert len(find_evidence(store, "Tessaly market airstrikes fighters", limit=2)) == 2
    with pytest.raises(ValueError):
        find_evidence(store, "Tessaly", limit=0)


def test_copies_in_other_articles_are_kept(store: Store) -> None:
    """A republished copy is a separate hit: deciding it is not independent comes later."""
    text = "At least 27 people were killed in airstrikes on the market district"
    hits = find_evidence(store, text, article_id=article_id(store, WIRE_STRIKES))
    names = [h.article_name for h in hits]
    assert LEDGER_ADVANCE.document.name in names and AGGREGATOR_COPY.document.name in names


def test_same_sentence_twice_in_one_article_counts_once(tmp_path: Path) -> None:
    repeated = build_article(
        "repeat.txt",
        "Echo Post",
        None,
        (
            (("body", "Flooding closed the Marrin bridge."),),
            (("body", "Flooding  closed the MARRIN bridge."),),
            (("body", "The Marrin ferry still runs."),),
        ),
    )
    with make_store(tmp_path) as s:
        s.add_analysed(repeated)
        hits = find_evidence(s, "flooding Marrin bridge")
    assert [h.sentence for h in hits] == [
        "Flooding closed the Marrin bridge.",
        "The Marrin ferry still runs.",
    ]


def test_normalise_sentence() -> None:
    assert normalise_sentence("\u201cWe  left,\u201d she said.\n") == '"we left," she said.'


def test_hit_records() -> None:
    hit = EvidenceHit(1, 2, 3, 1, "body", 10, 20, "A sentence.", "a.txt", "Wire", None, 1.5, 1)
    assert hit.text == "A sentence."
    assert hit.to_json()["article"] == "a.txt"
    record = hit.to_record("c1", Judgement("contradicts", True, ("numbers differ",)))
    assert (record.claim_id, record.relation, record.independent) == ("c1", "contradicts", True)
    assert record.reasons == ("numbers differ",)


# --- corroborate ------------------------------------------------------------------------------


def test_corroborate_stores_evidence_for_every_claim(store: Store) -> None:
    claims = store.claims()
    assert len(claims) == sum(len(a.attributions) for a in ARTICLES)
    assert corroborate(store).claims == len(claims)
    for claim in store.claims():
        evidence = store.evidence(claim.id)
        assert evidence, claim.content
        assert claim.evidence_count == len(evidence) <= 10
        # The claim's own article is evidence only where another source speaks in it.
        for e in evidence:
            if e.article_id == claim.article_id:
                assert e.sentence_id != claim.sentence_id
                assert all(
                    s.canonical != claim.canonical_source
                    for s in sentence_sources(store, [e.sentence_id]).get(e.sentence_id, [])
                ), e.sentence
        assert all(e.relation in RELATIONS and e.independent in (True, False) for e in evidence)
        assert all(e.reasons for e in evidence)
        assert [e.rank for e in evidence] == list(range(1, len(evidence) + 1))
        scores = [e.score for e in evidence]
        assert scores == sorted(scores, reverse=True)


def test_corroborate_replaces_only_given_claims(store: Store) -> None:
    fixture_evidence = store.evidence(claim_id(store, LEDGER_ADVANCE, 1))
    target = claim_id(store, WIRE_STRIKES, 2)
    assert corroborate(store, [target], limit=1).claims == 1
    assert len(store.evidence(target)) == 1
    assert store.evidence(claim_id(store, LEDGER_ADVANCE, 1)) == fixture_evidence
    assert corroborate(store, []).claims == 0
