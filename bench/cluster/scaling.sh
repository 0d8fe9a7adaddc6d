#!/usr/bin/env bash
# Throughput of 1, 2 and 3 galley nodes on the same run, and failover time after kill -9.
# Starts a throwaway PostgreSQL, N nodes on loopback sharing it and one storage directory,
# uploads DOCS copies of a corpus excerpt and times the run. See README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${GALLEY_BINARY:-$ROOT/build/galley}"
DOCS="${DOCS:-30}"
FAULTS="${FAULTS:-}"      # e.g. slow_ms=doc:500 to measure scheduling rather than CPU
WORKERS="${WORKERS:-1}"   # workers per node
source "$ROOT/scripts/pg_throwaway.sh"
WORK="$(mktemp -d /tmp/galley-cluster-bench.XXXXXX)"
chmod 755 "$WORK"
mkdir -p "$WORK/pg"
DSN="$(galley_pg_start "$WORK/pg")"
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill -9 "$p" 2>/dev/null || true; done; galley_pg_stop "$WORK/pg"; rm -rf "$WORK"; }
trap cleanup EXIT
head -c 60000 "$ROOT/../shared/corpus/text/es__la_regenta.txt" | iconv -f utf-8 -t utf-8 -c > "$WORK/excerpt.txt"

json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
start_nodes() {  # n, db
  local n="$1" db="$2"
  for i in $(seq 1 "$n"); do
    GALLEY_FAULTS="$FAULTS" GALLEY_MAX_WORKERS="$WORKERS" GALLEY_LOCK_TTL_SECONDS=4 GALLEY_HEARTBEAT_SECONDS=1 \
    GALLEY_JWT_SECRET=bench-secret-bench-secret-bench-secret-42 \
      "$BIN" serve --http "127.0.0.1:$((19300 + i))" --cluster-port "$((19400 + i))" --join 127.0.0.1:19401 \
      --db "$db" --storage "$WORK/storage" > "$WORK/node$i.log" 2>&1 &
    PIDS+=($!)
  done
  for i in $(seq 1 "$n"); do
    for _ in $(seq 1 200); do curl -sf "127.0.0.1:$((19300 + i))/healthz" >/dev/null && break; sleep 0.05; done
  done
}
stop_nodes() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; PIDS=(); }

measure() {  # n → seconds for the run
  local n="$1" db="${DSN%/*}/bench$1"
  runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)/createdb" -h 127.0.0.1 \
    -p "$(cat "$WORK/pg/port")" -U galley "bench$1" 2>/dev/null || createdb -h 127.0.0.1 -p "$(cat "$WORK/pg/port")" -U galley "bench$1"
  start_nodes "$n" "$db"
  local B=127.0.0.1:19301 T P R
  curl -s -XPOST "$B/api/v1/auth/register" -d '{"email":"b@bench.local","password":"benchmark"}' >/dev/null
  "$BIN" admin set-plan --db "$db" b@bench.local pro >/dev/null
  T=$(curl -s -XPOST "$B/api/v1/auth/login" -d '{"email":"b@bench.local","password":"benchmark"}' | json 'd["data"]["access_token"]')
  P=$(curl -s -XPOST "$B/api/v1/projects" -H "Authorization: Bearer $T" -d '{"name":"bench"}' | json 'd["data"]["id"]')
  for i in $(seq 1 "$DOCS"); do
    curl -s -XPOST "$B/api/v1/projects/$P/documents?filename=doc$i.txt" -H "Authorization: Bearer $T" \
      --data-binary @"$WORK/excerpt.txt" -o /dev/null
  done
  local t0 t1 status=""
  t0=$(date +%s.%N)
  R=$(curl -s -XPOST "$B/api/v1/projects/$P/runs" -H "Authorization: Bearer $T" | json 'd["data"]["id"]')
  while true; do
    status=$(curl -s "$B/api/v1/runs/$R" -H "Authorization: Bearer $T" | json 'd["data"]["status"]')
    case "$status" in succeeded|partial|failed) break ;; esac
    sleep 0.1
  done
  t1=$(date +%s.%N)
  stop_nodes
  echo "$t1 - $t0" | bc -l
}

echo "cores: $(nproc); documents: $DOCS; workers per node: $WORKERS; faults: ${FAULTS:-none}"
base=""
for n in 1 2 3; do
  s=$(measure "$n")
  [ -z "$base" ] && base="$s"
  printf "%d node(s): %6.2f s, %5.1f docs/s, speed-up %.2fx\n" "$n" "$s" "$(echo "$DOCS / $s" | bc -l)" "$(echo "$base / $s" | bc -l)"
done
