#!/usr/bin/env bash
# sosku planner: the two commands of the README.
#   ./dev.sh app    set up (first time) and open the app on the bundled sample season (SQLite)
#   ./dev.sh test   set up (first time, incl. Debian's chromium and axe-core for the browser tests)
#                   and run all tests
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

setup_python() {
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "sosku planner needs Python 3.11 or newer (found $("$PYTHON" --version))" >&2; exit 1; }
  [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
  # Installed once per version of pyproject.toml: a second run starts at once.
  local stamp
  stamp="$(cat pyproject.toml | cksum)"
  if [ "$(cat .venv/.sosku-installed 2>/dev/null)" != "$stamp" ]; then
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
    echo "$stamp" > .venv/.sosku-installed
  fi
}

setup_chromium() {
  # The browser test drives Debian's chromium through Playwright (no browser download).
  if ! command -v chromium >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser test..."
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
}

setup_axe() {
  # The accessibility tests run axe-core (npm) in the browser; package-lock.json pins it.
  if [ ! -f node_modules/axe-core/axe.min.js ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "Installing Debian's npm for the accessibility tests..."
      as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
    fi
    npm ci --silent --no-audit --no-fund
  fi
}

start_postgres() {
  # The store tests also run against PostgreSQL at 127.0.0.1:5432 (see README).
  if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    fi
  fi
}

case "${1:-}" in
  app)
    setup_python
    shift
    exec .venv/bin/planner demo "$@"
    ;;
  test)
    setup_python
    setup_chromium
    setup_axe
    start_postgres
    shift
    # Lint and format first: a style slip fails in seconds, not after the whole suite.
    .venv/bin/ruff check --quiet . \
      || { echo "./dev.sh test: ruff check found problems (above); fix them, then run again" >&2; exit 1; }
    .venv/bin/ruff format --check --quiet . \
      || { echo "./dev.sh test: files need formatting (above): run .venv/bin/ruff format ." >&2; exit 1; }
    exec .venv/bin/python -m pytest -n 2 "$@"
    ;;
  *)
    echo "usage: ./dev.sh app | ./dev.sh test" >&2
    exit 2
    ;;
esac
