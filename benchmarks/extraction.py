"""Extraction throughput against NLTK Punkt sentence splitting alone, on the same text."""

from __future__ import annotations

import time

from benchmarks.corpus import generate_documents
from verifier.text import analyse
from verifier.text.segment import sentence_spans


def run(megabytes: float = 20.0) -> dict[str, float]:
    docs = list(generate_documents(int(megabytes * 1_000_000)))
    chars = sum(len(d.text) for d in docs)

    started = time.perf_counter()
    for doc in docs:
        sentence_spans(doc.text)
    punkt = time.perf_counter() - started

    started = time.perf_counter()
    claims = 0
    for doc in docs:
        claims += len(analyse(doc).attributions)
    full = time.perf_counter() - started

    result = {
        "chars": chars,
        "articles": len(docs),
        "claims": claims,
        "punkt_chars_per_s": chars / punkt,
        "extract_chars_per_s": chars / full,
        "ratio": punkt / full,
    }
    print(
        f"extraction: {chars / 1e6:.1f} MB in {len(docs):,} articles, {claims:,} claims\n"
        f"  punkt alone   {result['punkt_chars_per_s'] / 1e6:7.2f} M chars/s\n"
        f"  full extract  {result['extract_chars_per_s'] / 1e6:7.2f} M chars/s\n"
        f"  ratio extract/punkt = {result['ratio']:.2f} (target >= 0.33)"
    )
    return result
