#!/usr/bin/env bash
# A throwaway PostgreSQL server in a directory (see ../shared/DEPENDENCIES.md): fsync off, trust
# auth, loopback only, a free port. initdb refuses root, so it runs as the postgres user.
# galley_pg_start DIR  → prints the DSN; galley_pg_stop DIR.

galley_pg_free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

galley_pg_start() {
  local dir="$1" bin port runas=()
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [ -x "$bin/initdb" ] || { echo "galley: initdb not found" >&2; return 1; }
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    runas=(runuser -u postgres --)
  fi
  port="$(galley_pg_free_port)"
  "${runas[@]}" "$bin/initdb" -D "$dir/data" -U galley --auth=trust -E UTF8 --locale=C.UTF-8 -N >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2; return 1; }
  # GALLEY_PG_ALSO_LISTEN=IP: also listen on IP and trust its /24 (the cluster partition test puts
  # a node in a network namespace that reaches the server over a veth pair).
  local listen=127.0.0.1
  if [ -n "${GALLEY_PG_ALSO_LISTEN:-}" ]; then
    listen="127.0.0.1,$GALLEY_PG_ALSO_LISTEN"
    echo "host all all ${GALLEY_PG_ALSO_LISTEN%.*}.0/24 trust" >> "$dir/data/pg_hba.conf"
  fi
  "${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=$listen -c fsync=off -c max_connections=300" start >/dev/null || {
    cat "$dir/log" >&2; return 1; }
  "${runas[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U galley galley || return 1
  echo "$port" > "$dir/port"
  echo "postgresql://galley@127.0.0.1:$port/galley"
}

galley_pg_stop() {
  local dir="$1" bin runas=()
  [ -f "$dir/data/postmaster.pid" ] || return 0
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [ "$(id -u)" -eq 0 ] && runas=(runuser -u postgres --)
  "${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
}

# Also usable as a command: pg_throwaway.sh start|stop DIR
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    start) galley_pg_start "$2" ;;
    stop) galley_pg_stop "$2" ;;
    *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
  esac
fi
