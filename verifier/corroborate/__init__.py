"""Corroboration: who else, independently, says what a claim says — and who says otherwise.

Sits between ``text`` and ``store`` in the pipeline and reads the corpus through ``Store``
only. One module per job:

* ``query`` and ``evidence``: retrieval, BM25 over the rarest words of a claim or a text;
* ``stories``: articles grouped into stories, versions and copies;
* ``corpus``: what a run knows about the corpus (stories, copies, outlets, a claim's names,
  the stored readings of the sentences a batch meets);
* ``events``: ranking candidates towards the claim's own event (its article's lead and names);
* ``answers``: what answers a claim without sharing its words (a denial, a caveat, a figure);
* ``candidates``: a claim's candidates, its hits and its answers, re-ranked by story and date;
* ``compare`` and ``judging``: a candidate's relation to the claim and its independence;
* ``conflicts``: differing figures for one event, and who gives each;
* ``run``: corroborating stored claims after an ingest (``corroborate``,
  ``corroborate_articles``), in worker processes for large ones;
* ``passages``: evidence for a typed text (``search_evidence``) and one gold pair
  (``judge_passages``), judged exactly as stored claims are.
"""

from verifier.corroborate.evidence import (
    DEFAULT_LIMIT,
    EvidenceHit,
    Judgement,
    claim_search_text,
    find_evidence,
    normalise_sentence,
    search_match,
)
from verifier.corroborate.passages import PassageError, judge_passages, search_evidence
from verifier.corroborate.query import (
    DEFAULT_MAX_TERMS,
    build_match,
    fts_stem,
    informative_terms,
    or_expression,
    quote_term,
    rank_terms,
    select_terms,
)
from verifier.corroborate.run import CorroborationReport, corroborate, corroborate_articles
from verifier.text.stopwords import STOPWORDS

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_MAX_TERMS",
    "STOPWORDS",
    "CorroborationReport",
    "EvidenceHit",
    "Judgement",
    "PassageError",
    "build_match",
    "claim_search_text",
    "corroborate",
    "corroborate_articles",
    "find_evidence",
    "fts_stem",
    "informative_terms",
    "judge_passages",
    "normalise_sentence",
    "or_expression",
    "quote_term",
    "rank_terms",
    "search_evidence",
    "search_match",
    "select_terms",
]
