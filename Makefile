# Every target creates .venv on first use, so a fresh clone needs nothing but python3.
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= verifier.db

.PHONY: run test lint format bench eval fuzz model event-model clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/verifier review --db $(DB) --sample data/sample

test: $(STAMP)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check verifier tests benchmarks
	$(BIN)/ruff format --check verifier tests benchmarks
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix verifier tests benchmarks
	$(BIN)/ruff format verifier tests benchmarks

# The fuzz test at full size: 10,000 generated files through ingest and extract, 1,500 exports.
fuzz: $(STAMP)
	VERIFIER_FUZZ_SCALE=1 $(BIN)/pytest -q tests/test_fuzz.py

bench: $(STAMP)
	$(PY) -m benchmarks

# Every shared scorer on the dev splits (real news), then the seeds and our own sample.
# Outputs land in $(EVAL)/; a scorer that exits non-zero does not stop the others.
SHARED ?= ../shared
EVAL   ?= .eval
DEV_ARTICLES = $(SHARED)/dev/polnear/train $(SHARED)/dev/polnear/dev $(SHARED)/dev/ecbplus/docs $(SHARED)/dev/html/pages
eval: $(STAMP)
	@mkdir -p $(EVAL)
	@echo "== extract · every real article in $(SHARED)/dev: no failure, no skipped sentence"
	-@$(BIN)/verifier extract $(DEV_ARTICLES) > /dev/null 2> $(EVAL)/extract-dev.err; \
	  n=$$(grep -c . $(EVAL)/extract-dev.err); \
	  echo "$$(ls $(addsuffix /*,$(DEV_ARTICLES)) | wc -l) articles, $$n error lines ($(EVAL)/extract-dev.err)"; \
	  test $$n -eq 0
	@echo "== attributions · PolNeAR dev ($(SHARED)/dev/polnear/dev)"
	@$(BIN)/verifier extract $(SHARED)/dev/polnear/dev > $(EVAL)/polnear-dev.jsonl
	-@python3 $(SHARED)/eval/score_attributions.py $(SHARED)/dev/polnear/dev.gold.jsonl $(EVAL)/polnear-dev.jsonl
	@echo "-- recall by cue kind (speech / document / position / belief / other) and error kinds"
	-@$(PY) -m verifier.evaluation $(SHARED)/dev/polnear/dev.gold.jsonl $(EVAL)/polnear-dev.jsonl
	@echo "== attributions · seeds"
	@$(BIN)/verifier extract $(SHARED)/seeds > $(EVAL)/seeds.jsonl
	-@python3 $(SHARED)/eval/score_attributions.py $(SHARED)/gold/seeds.attributions.jsonl $(EVAL)/seeds.jsonl
	@echo "== attributions · data/sample"
	@$(BIN)/verifier extract data/sample > $(EVAL)/sample.jsonl
	-@python3 $(SHARED)/eval/score_attributions.py data/sample/gold.attributions.jsonl $(EVAL)/sample.jsonl
	@echo "== ingest · real web pages ($(SHARED)/dev/html)"
	-@python3 $(SHARED)/eval/score_html.py $(SHARED)/dev/html $(BIN)/verifier
	@echo "== evidence · ECB+ topics 1-35 ($(SHARED)/dev/ecbplus)"
	-@python3 $(SHARED)/eval/score_retrieval.py $(SHARED)/dev/ecbplus $(BIN)/verifier --topics 1-35

# The learned attribution tagger (verifier/text/data/attribution.crfsuite), rebuilt from the
# PolNeAR train split; deterministic, a few minutes. Commit the two files it writes.
model: $(STAMP)
	$(PY) -m verifier.text.train_attribution $(SHARED)/dev/polnear/train

# The learned event decision (verifier/corroborate/data/event_model.json), rebuilt from ECB+
# train topics 1-20; deterministic, a few minutes. Commit the file it writes.
event-model: $(STAMP)
	$(PY) -m verifier.corroborate.train_events $(SHARED)/dev/ecbplus --topics 1-20

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(EVAL)
