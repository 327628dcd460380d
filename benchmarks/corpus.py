"""A generated news corpus of any size, made from the bundled sample articles.

Paragraphs are shuffled across articles and names and numbers are varied, so the text has the
shape of real news (quotes, attributions, datelines) without repeating one article verbatim,
which would flatter caches and the FTS index.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from verifier.ingest import iter_article_files, read_documents
from verifier.models import Document

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
_NUMBER = re.compile(r"\b\d+\b")


def sample_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for path in iter_article_files([SAMPLE]):
        if path.name.startswith("gold"):
            continue
        for doc in read_documents(path):
            paragraphs += [p.strip() for p in doc.text.split("\n\n") if len(p.strip()) > 40]
    return paragraphs


def generate_documents(total_chars: int, *, seed: int = 7) -> Iterator[Document]:
    """Articles of 6-14 paragraphs until ``total_chars`` of text have been produced."""
    rng = random.Random(seed)
    paragraphs = sample_paragraphs()
    produced = 0
    number = 0
    while produced < total_chars:
        chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(6, 14)))
        text = "\n\n".join(
            _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(0, 9)), p) for p in chosen
        )
        produced += len(text)
        yield Document(
            name=f"gen_{number:06d}.txt",
            text=text,
            content_hash=f"gen-{seed}-{number}",
            outlet=f"Outlet {number % 37}",
        )
        number += 1
