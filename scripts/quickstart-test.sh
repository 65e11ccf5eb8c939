#!/usr/bin/env bash
# Quick start for the tests, and what CI runs (.ci/run): installs what the tests need on a fresh
# Debian machine, then the dependencies, then `npm test` (typecheck, unit, integration, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh

# Browser tests drive Debian's Chromium (Playwright may not download one), which shows text as
# empty boxes without a font; media tests speak fixture answers with festival and encode them with ffmpeg;
# the offline transcriber is PocketSphinx with its US English model.
packages=(chromium ffmpeg festival festvox-us-slt-hts fonts-dejavu-core pocketsphinx pocketsphinx-en-us)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
else
  echo "quickstart-test: not a Debian system; make sure these are installed: ${packages[*]}" >&2
fi
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "quickstart-test: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 "${sudo[@]}" apt-get update -q
  timeout 1200 "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm ci installs exactly the locked versions; it needs the lockfile, which a fresh checkout has.
if [ -f package-lock.json ]; then
  timeout 1200 npm ci
else
  timeout 1200 npm install
fi
npm test
