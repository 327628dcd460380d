"""Extraction throughput against NLTK Punkt sentence splitting alone, on the same text.

Three stages over one generated corpus: Punkt alone (the baseline), attribution extraction
(segmentation with unit kinds plus the attribution extractor: what the 1/3-of-Punkt target is
about), and the whole text stage (extraction plus claim facts and canonical names), which is
what ingest pays. They run chunk by chunk, interleaved, and are timed in this process's CPU
time, so a busy machine (CI, other jobs on two cores) slows all three alike instead of
whichever happened to run during a spike.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from benchmarks.corpus import generate_documents
from verifier.models import Document
from verifier.text import analyse
from verifier.text.attribution import extract
from verifier.text.segment import segment, sentence_spans

CHUNK = 50


def run(megabytes: float = 20.0) -> dict[str, float]:
    docs = list(generate_documents(int(megabytes * 1_000_000)))
    chars = sum(len(d.text) for d in docs)
    claims = sum(len(extract(d)) for d in docs[:200])

    steps: dict[str, Callable[[Document], object]] = {
        "punkt": lambda d: sentence_spans(d.text),
        "extraction": lambda d: extract(d, segment(d.text)[1]),
        "text_stage": analyse,
    }
    spent = dict.fromkeys(steps, 0.0)
    for start in range(0, len(docs), CHUNK):
        chunk = docs[start : start + CHUNK]
        for name, step in steps.items():
            began = time.process_time()
            for doc in chunk:
                step(doc)
            spent[name] += time.process_time() - began
    punkt, extraction, full = spent["punkt"], spent["extraction"], spent["text_stage"]

    result = {
        "chars": chars,
        "articles": len(docs),
        "punkt_chars_per_s": chars / punkt,
        "extract_chars_per_s": chars / extraction,
        "text_stage_chars_per_s": chars / full,
        "ratio": punkt / extraction,
        "text_stage_ratio": punkt / full,
    }
    print(
        f"extraction: {chars / 1e6:.1f} MB in {len(docs):,} articles"
        f" (~{claims / min(200, len(docs)):.1f} claims per article), CPU time\n"
        f"  punkt alone          {result['punkt_chars_per_s'] / 1e6:6.2f} M chars/s\n"
        f"  extraction           {result['extract_chars_per_s'] / 1e6:6.2f} M chars/s"
        f"   ratio {result['ratio']:.2f} (target >= 0.33)\n"
        f"  text stage + facts   {result['text_stage_chars_per_s'] / 1e6:6.2f} M chars/s"
        f"   ratio {result['text_stage_ratio']:.2f}"
    )
    return result
