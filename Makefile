# motcua: `make run` (demo on SQLite) and `make test` (`make check`, then every test, SQLite then PostgreSQL where it
# can run).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run check test test-sqlite test-postgres test-citus install install-test demo bench clean system-run system-test

# The Debian packages pip cannot give (scripts/system-deps.sh), checked before anything else: as root the missing
# ones are installed, otherwise the `apt-get install` line is printed and make stops.
system-run:
	@bash scripts/system-deps.sh run

system-test:
	@bash scripts/system-deps.sh test

$(BIN)/python: | system-run
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/python -m motcua.messages
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python system-test
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m motcua.messages
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/motcua migrate --no-input --verbosity 0
	$(BIN)/motcua demo load

run: demo
	$(BIN)/motcua demo serve --host $(HOST) --port $(PORT)

# The checks that need no test run, cheapest first, stopping at the first failure: lint, format, the layers
# contract (pyproject's [tool.importlinter]), migrations that match the models, strict types on the pure modules.
PY_PATHS := motcua tests conftest.py manage.py
check: install-test
	$(BIN)/ruff check $(PY_PATHS)
	$(BIN)/ruff format --check $(PY_PATHS)
	$(BIN)/lint-imports
	DATABASE_URL=sqlite://:memory: $(BIN)/motcua makemigrations --check --dry-run
	$(BIN)/mypy

test: check
	$(BIN)/pytest $(PYTEST_ARGS)
	bash scripts/with-postgres.sh $(BIN)/pytest $(PYTEST_ARGS)

test-sqlite: install-test
	$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: install-test
	bash scripts/with-postgres.sh $(BIN)/pytest $(PYTEST_ARGS)

# The dossier side distributed on a local Citus cluster (docs/scaling.md): scripts/with-citus.sh installs Citus from
# ../shared/citus-pg15 when missing and starts a coordinator and two workers; the tests' conftest distributes the
# migrated test database; then the lifecycle, API, payment, notice and indicator tests, and the EXPLAIN checks of
# tests/test_citus.py, run on it. Run by .ci/run after `make test`.
# Left out: a test that migrates backwards, which a distributed schema cannot.
CITUS_TESTS ?= motcua/dossiers motcua/indicators motcua/payments motcua/integrations tests/test_citus.py \
	tests/test_citus_upgrade.py \
	--deselect motcua/indicators/tests/test_rating_criteria.py::test_the_migration_fills_what_was_rated_before_it
test-citus: install-test
	bash scripts/with-citus.sh $(BIN)/pytest --reuse-db $(CITUS_TESTS) $(PYTEST_ARGS)

# A province's volume on PostgreSQL (DATABASE_URL, or the local cluster), then every hot path beside the machine's
# own limits (docs/performance.md). BENCH_DOSSIERS=1000000 for the issue's target size.
BENCH_DOSSIERS ?= 100000
bench: install-test
	bash scripts/with-postgres.sh $(BIN)/motcua bench generate --dossiers $(BENCH_DOSSIERS)
	bash scripts/with-postgres.sh $(BIN)/motcua bench run

clean:
	rm -rf $(VENV) motcua.sqlite3* media staticfiles artifacts *.egg-info .ruff_cache .mypy_cache .grimp_cache .import_linter_cache
