# Timeline Archive. `make help` lists the targets.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= timeline.db
SHARED ?= ../shared
STAMP  := $(VENV)/.installed
JS     := tests/js
JS_STAMP := $(JS)/node_modules/.installed

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast bench eval lint types check clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# The node packages the client tests use (ical.js, TimelineJS): for `make test` only, and only
# when npm is there (those tests skip without them); install and run never need node.
$(JS_STAMP): $(JS)/package.json
	@if command -v npm >/dev/null 2>&1; then \
		cd $(JS) && npm install --no-audit --no-fund --silent && touch node_modules/.installed; \
	else echo "npm not found: the JavaScript client tests will be skipped"; fi

install: $(STAMP) ## create .venv and install the project with its dev tools

run: $(STAMP) ## load the demo articles into $(DB) and serve on 127.0.0.1:8000
	$(BIN)/timeline --db $(DB) init
	$(BIN)/timeline --db $(DB) demo
	$(BIN)/timeline --db $(DB) serve --host 127.0.0.1 --port 8000

test: $(STAMP) $(JS_STAMP) ## run the whole test suite (npm installs the JS client tests' packages)
	$(BIN)/pytest -q

test-fast: $(STAMP) ## run the tests that need no browser and no extra processes
	$(BIN)/pytest -q -m "not slow and not browser"

bench: $(STAMP) ## run the benchmarks, each beside its baseline (BENCH_N to scale)
	$(BIN)/python -m bench

eval: $(STAMP) ## score dates (MEANTIME), event anchoring (SemEval TimeLine), the seed and story digests (Timeline17) in $(SHARED)
	$(BIN)/python -m bench.eval_timex --shared $(SHARED)
	$(BIN)/python -m bench.eval_anchoring --shared $(SHARED)
	-$(BIN)/pip install -q --no-deps tilse numpy scipy nltk regex joblib 2>/dev/null
	$(BIN)/python -m bench.eval_tls --shared $(SHARED)

lint: $(STAMP) ## ruff
	$(BIN)/ruff check events timeline tests bench

types: $(STAMP) ## mypy on the packages
	$(BIN)/mypy events timeline

check: lint types test ## lint + types + tests

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis
