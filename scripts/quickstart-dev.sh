#!/usr/bin/env bash
# Quick start for development: installs the dependencies and serves http://localhost:3000 on the
# embedded Postgres, seeded with demo data, with every outside service on its offline default
# (ffmpeg and PocketSphinx come from Debian's packages when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
source scripts/ensure-packages.sh
aivi_ensure_packages "${AIVI_APP_PACKAGES[@]}"
npm install
exec npm run dev
