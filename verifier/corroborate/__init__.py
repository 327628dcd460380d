"""Evidence retrieval: which sentences of other articles bear on each claim.

Sits between ``text`` and ``store`` in the pipeline and reads the corpus through ``Store``
only. ``find_evidence`` serves ad-hoc searches (CLI, TUI); ``corroborate_all`` refreshes the
stored evidence after an ingest.
"""

from verifier.corroborate.evidence import (
    DEFAULT_LIMIT,
    Classifier,
    EvidenceHit,
    Judgement,
    claim_query_text,
    corroborate_all,
    evidence_for_claims,
    find_evidence,
    normalise_sentence,
    search_match,
    unclassified,
)
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
from verifier.corroborate.relations import (
    CorroborationReport,
    PassageError,
    corroborate,
    corroborate_articles,
    judge_passages,
)
from verifier.corroborate.stopwords import STOPWORDS

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_MAX_TERMS",
    "STOPWORDS",
    "Classifier",
    "CorroborationReport",
    "PassageError",
    "EvidenceHit",
    "Judgement",
    "build_match",
    "claim_query_text",
    "corroborate",
    "corroborate_all",
    "corroborate_articles",
    "evidence_for_claims",
    "find_evidence",
    "fts_stem",
    "informative_terms",
    "judge_passages",
    "normalise_sentence",
    "or_expression",
    "quote_term",
    "rank_terms",
    "search_match",
    "select_terms",
    "unclassified",
]
