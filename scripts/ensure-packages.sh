# Sourced by the quick-start scripts: `aivi_ensure_packages pkg...` installs the Debian packages
# that are missing (apt-get, with sudo when not root). Elsewhere it names them and goes on.
aivi_ensure_packages() {
  local missing=()
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "quickstart: not a Debian system; make sure these are installed: $*" >&2
    return 0
  fi
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "quickstart: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 "${sudo[@]}" apt-get update -q
  timeout 1200 "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# What the app itself runs: ffmpeg/ffprobe for the media step, PocketSphinx with its US English
# model as the offline transcriber.
AIVI_APP_PACKAGES=(ffmpeg pocketsphinx pocketsphinx-en-us)
