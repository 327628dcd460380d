"""A failure analysing one sentence costs that sentence: logged with its position, never the
article, never the run."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.ingest import read_documents
from verifier.text import analyse
from verifier.text import attribution as A

ROOT = Path(__file__).resolve().parents[1]
WEST = (
    ROOT.parent
    / "shared/dev/polnear/train/west-journal_2016-01-12_bombshell-the-fbi-just-gave-hill.txt"
)

TEXT = (
    "The ministry said the bridge at Kessan was closed on Monday.\n\n"
    "Residents said the ferry had stopped running, according to the port office.\n\n"
    "The mayor said the water supply would return by Friday."
)


def test_one_failing_sentence_costs_only_that_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    (document,) = read_documents(source)
    whole = analyse(document).attributions
    assert len({a.sentence_index for a in whole}) == 3
    real = A._Reader.read

    def read(self: A._Reader) -> list[A._Raw]:
        if "ferry" in self.s.unit.text:
            raise IndexError("list index out of range")
        return real(self)

    monkeypatch.setattr(A._Reader, "read", read)
    with caplog.at_level(logging.WARNING, logger="verifier.text"):
        kept = analyse(document).attributions
    assert [a.content for a in kept] == [a.content for a in whole if "ferry" not in a.sentence]
    (record,) = caplog.records
    start = TEXT.index("Residents")
    assert record.getMessage().startswith(f"a.txt: sentence 1 (characters {start}-")
    assert "IndexError" in record.getMessage()
    db = tmp_path / "v.db"
    assert main(["ingest", str(source), "--db", str(db), "--no-progress"]) == 0
    from verifier.store import open_store

    with open_store(db) as store:
        assert store.article_count() == 1 and store.claim_count() == 2


@pytest.mark.skipif(not WEST.exists(), reason="needs ../shared")
def test_the_west_journal_article_is_extracted(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once an IndexError in ``_verb`` that stopped ``verifier extract`` and dropped the
    article from ingest."""
    (document,) = read_documents(WEST)
    with caplog.at_level(logging.WARNING, logger="verifier.text"):
        attributions = analyse(document).attributions
    assert len(attributions) >= 5
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert main(["extract", str(WEST)]) == 0
    assert capsys.readouterr().out.count("\n") == len(attributions)


def test_a_failure_reading_a_claims_facts_costs_that_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import verifier.text.facts as F

    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    (document,) = read_documents(source)
    real = F.extract_facts

    def facts(text: str, **kw: object) -> object:
        if "water" in text:
            raise ValueError("odd figure")
        return real(text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(F, "extract_facts", facts)
    with caplog.at_level(logging.WARNING, logger="verifier.text"):
        kept = analyse(document).attributions
    assert len(kept) == 3 and all("water" not in a.content for a in kept)
    (record,) = caplog.records
    assert "sentence 2" in record.getMessage() and "ValueError: odd figure" in record.getMessage()
