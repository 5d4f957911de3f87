#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: initdb in a temporary folder, served on loopback only, never a system service.
# Usage: eng/postgres.sh start     initdb (first time) and start; prints the Npgsql connection string
#        eng/postgres.sh env       prints `export COMPLAINTDESK_TEST_POSTGRES=...` (eval "$(eng/postgres.sh env)")
#        eng/postgres.sh status    exit 0 when the cluster runs
#        eng/postgres.sh stop      stops the cluster and deletes its folder
# Settings: COMPLAINTDESK_PG_PORT (55432), COMPLAINTDESK_PG_DIR (a folder under /tmp), COMPLAINTDESK_PG_BIN
# (the newest /usr/lib/postgresql/*/bin). Run as root, the server runs as the `postgres` user (initdb refuses root).
# The cluster trades durability for speed (fsync off): it holds test data only.
set -euo pipefail
port=${COMPLAINTDESK_PG_PORT:-55432}
dir=${COMPLAINTDESK_PG_DIR:-/tmp/complaintdesk-pg-$port}
bin=${COMPLAINTDESK_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
user=complaintdesk
password=complaintdesk
connection="Host=127.0.0.1;Port=$port;Username=$user;Password=$password"

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
  start)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (install Debian's postgresql)" >&2; exit 1; }
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres: "$dir"
      printf '%s\n' "$password" > "$dir/pwfile"
      [ "$(id -u)" = 0 ] && chown postgres: "$dir/pwfile"
      as_owner "$bin/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
      rm -f "$dir/pwfile"
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o "-h 127.0.0.1 -p $port -k $dir \
        -c max_connections=400 -c shared_buffers=128MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
    fi
    echo "$connection"
    ;;
  status)
    [ -f "$dir/data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
    ;;
  env)
    echo "export COMPLAINTDESK_TEST_POSTGRES='$connection'"
    ;;
  stop)
    if [ -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|status|env|stop" >&2
    exit 2
    ;;
esac
