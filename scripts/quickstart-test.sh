#!/usr/bin/env bash
# Quick start for the tests, and what CI runs (.ci/run): installs what the tests need on a fresh
# Debian machine, then the dependencies, then `npm test` (typecheck, unit, integration on both engines, postgres, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
source scripts/ensure-packages.sh
source scripts/ensure-pgvector.sh

# Browser tests drive Debian's Chromium (Playwright may not download one), which shows text as
# empty boxes without a font; media tests speak fixture answers with festival.
aivi_ensure_packages "${AIVI_APP_PACKAGES[@]}" chromium festival festvox-us-slt-hts fonts-dejavu-core
# The integration suite runs a second time on a real PostgreSQL 15 server (with the tests only a real
# server can run), and the migrations need pgvector in it. Without the vendored source those layers
# are skipped, saying so, rather than failing the run (scripts/with-postgres.ts).
aivi_ensure_pgvector || echo "quickstart: no pgvector; the real-PostgreSQL test layers will be skipped" >&2

# npm ci installs exactly the locked versions; it needs the lockfile, which a fresh checkout has.
if [ -f package-lock.json ]; then
  timeout 1200 npm ci
else
  timeout 1200 npm install
fi
npm test
