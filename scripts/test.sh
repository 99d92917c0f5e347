#!/usr/bin/env bash
# Runs detente's whole test suite: go vet, then go test ./...
#
# The store tests also run against a real PostgreSQL server and the dashboard
# is tested in a real headless Chromium. As root on Debian this script
# installs both (packages postgresql and chromium) when missing; otherwise
# those tests are skipped with a note (and fail under CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing ${need[*]} from Debian" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "test: ${need[*]} not installed and not root: those tests are skipped" >&2
  fi
fi

if [ -z "${DETENTE_PG_DSN:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  eval "$(scripts/pg-test.sh)"
  export DETENTE_PG_DSN
  trap 'scripts/pg-test.sh stop >/dev/null 2>&1 || true' EXIT
fi

go vet ./...
go test -count=1 -timeout 30m ./... "$@"
