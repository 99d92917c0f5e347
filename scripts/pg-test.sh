#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for detente's store tests and prints
# the line that points the tests at it:
#
#   eval "$(scripts/pg-test.sh)"     # start (or reuse) and export DETENTE_PG_DSN
#   scripts/pg-test.sh stop          # stop the server and delete its files
#
# As root on Debian it installs the postgresql package with apt-get when no
# server binaries are found. The cluster lives in a fresh temporary folder
# owned by the postgres user (initdb refuses to run as root), listens only on
# 127.0.0.1 on a free port, trusts local connections, and holds one database
# "detente". Everything but the export line goes to stderr.
set -euo pipefail

state="${DETENTE_PG_STATE:-${TMPDIR:-/tmp}/detente-pg-test.state}"

log() { echo "pg-test: $*" >&2; }

bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# as_pg runs a command as the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install_pg() {
  if [ -n "$(bindir)" ]; then
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "no PostgreSQL server found and not root: install the postgresql package"
    exit 1
  fi
  log "installing postgresql with apt-get"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
}

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  log "no free port found"
  exit 1
}

dsn_for() { echo "postgres://postgres@127.0.0.1:$1/detente?sslmode=disable"; }

stop() {
  [ -f "$state" ] || return 0
  # shellcheck disable=SC1090
  . "$state"
  as_pg "$(bindir)/pg_ctl" -D "$PGTEST_DIR/data" -m fast -w stop >&2 || true
  rm -rf "$PGTEST_DIR" "$state"
  log "stopped"
}

start() {
  if [ -f "$state" ]; then
    # shellcheck disable=SC1090
    . "$state"
    if as_pg "$(bindir)/pg_ctl" -D "$PGTEST_DIR/data" status >/dev/null 2>&1; then
      echo "export DETENTE_PG_DSN='$(dsn_for "$PGTEST_PORT")'"
      return
    fi
    rm -rf "$PGTEST_DIR" "$state"
  fi
  install_pg
  local bin dir port
  bin="$(bindir)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/detente-pg.XXXXXX")"
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  port="$(free_port)"
  as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=50" start >&2 ||
    { cat "$dir/server.log" >&2; exit 1; }
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres detente >&2
  printf 'PGTEST_DIR=%q\nPGTEST_PORT=%q\n' "$dir" "$port" >"$state"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"
  echo "export DETENTE_PG_DSN='$(dsn_for "$port")'"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) log "usage: $0 [start|stop]"; exit 2 ;;
esac
