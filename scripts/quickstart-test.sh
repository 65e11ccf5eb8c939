#!/usr/bin/env bash
# Quick start for the tests, and what CI runs (.ci/run): installs what the tests need on a fresh
# Debian machine, then the dependencies, then `npm test` (typecheck, unit, integration, postgres, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
source scripts/ensure-packages.sh
source scripts/ensure-pgvector.sh

# Browser tests drive Debian's Chromium (Playwright may not download one), which shows text as
# empty boxes without a font; media tests speak fixture answers with festival.
aivi_ensure_packages "${AIVI_APP_PACKAGES[@]}" chromium festival festvox-us-slt-hts fonts-dejavu-core
# The quota race test runs on a real PostgreSQL 15 server, and the migrations need pgvector in it.
aivi_ensure_pgvector

# npm ci installs exactly the locked versions; it needs the lockfile, which a fresh checkout has.
if [ -f package-lock.json ]; then
  timeout 1200 npm ci
else
  timeout 1200 npm install
fi
npm test
