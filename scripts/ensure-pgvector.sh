# Sourced by scripts/quickstart-test.sh after ensure-packages.sh: `aivi_ensure_pgvector` makes sure
# PostgreSQL 15 and its pgvector extension are installed, for the quota test that runs on a real
# server (the migrations run `CREATE EXTENSION vector`). Debian bookworm packages no pgvector, so it
# is built from the vendored source; the check on vector.control keeps a second run instant.
AIVI_PG_MAJOR=15
AIVI_PGVECTOR_VERSION=0.8.6

aivi_ensure_pgvector() {
  aivi_ensure_packages "postgresql-$AIVI_PG_MAJOR"
  [ -f "/usr/share/postgresql/$AIVI_PG_MAJOR/extension/vector.control" ] && return 0

  aivi_ensure_packages "postgresql-server-dev-$AIVI_PG_MAJOR" build-essential
  local vendor name build
  vendor="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/shared/vendor"
  name="pgvector-$AIVI_PGVECTOR_VERSION"
  if [ ! -f "$vendor/$name.tar.gz" ]; then
    echo "quickstart: $vendor/$name.tar.gz is missing; the real-PostgreSQL tests need pgvector built from it" >&2
    return 1
  fi
  (cd "$vendor" && sha256sum --quiet -c "$name.tar.gz.sha256") || {
    echo "quickstart: $vendor/$name.tar.gz does not match its sha256; not building it" >&2
    return 1
  }
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  build="$(mktemp -d)"
  echo "quickstart: building $name into PostgreSQL $AIVI_PG_MAJOR" >&2
  # pg_config named explicitly: Debian's wrapper would pick the newest server-dev installed.
  local pg_config="/usr/lib/postgresql/$AIVI_PG_MAJOR/bin/pg_config"
  local status=0
  # A list, not separate commands: under the caller's set -e a failure still reaches the cleanup.
  tar xzf "$vendor/$name.tar.gz" -C "$build" &&
    timeout 900 make -s -C "$build/$name" -j"$(nproc)" PG_CONFIG="$pg_config" &&
    timeout 300 "${sudo[@]}" make -s -C "$build/$name" install PG_CONFIG="$pg_config" ||
    status=$?
  rm -rf "$build"
  return "$status"
}
