#!/usr/bin/env bash
# Throughput of 1, 2 and 3 galley nodes on the same run, and failover time after kill -9
# (FAILOVER=0 skips the latter).
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

# Failover: three nodes, two workers each, three documents that take a minute; kill -9 a node
# holding one, and time until every document is running again (its own on the survivors).
failover() {
  local db="${DSN%/*}/failover" B=127.0.0.1:19301 T P R t0 t1
  runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)/createdb" -h 127.0.0.1 \
    -p "$(cat "$WORK/pg/port")" -U galley failover 2>/dev/null || createdb -h 127.0.0.1 -p "$(cat "$WORK/pg/port")" -U galley failover
  FAULTS="slow_ms=doc:60000" WORKERS=2 start_nodes 3 "$db"
  curl -s -XPOST "$B/api/v1/auth/register" -d '{"email":"f@bench.local","password":"benchmark"}' >/dev/null
  "$BIN" admin set-plan --db "$db" f@bench.local pro >/dev/null
  "$BIN" admin set-role --db "$db" f@bench.local admin >/dev/null
  T=$(curl -s -XPOST "$B/api/v1/auth/login" -d '{"email":"f@bench.local","password":"benchmark"}' | json 'd["data"]["access_token"]')
  P=$(curl -s -XPOST "$B/api/v1/projects" -H "Authorization: Bearer $T" -d '{"name":"failover"}' | json 'd["data"]["id"]')
  for i in 1 2 3; do
    echo "Documento $i, tambien." | curl -s -XPOST "$B/api/v1/projects/$P/documents?filename=doc$i.txt" \
      -H "Authorization: Bearer $T" --data-binary @- -o /dev/null
  done
  R=$(curl -s -XPOST "$B/api/v1/projects/$P/runs" -H "Authorization: Bearer $T" | json 'd["data"]["id"]')
  running() { curl -s "$B/api/v1/runs/$R" -H "Authorization: Bearer $T" | json 'd["data"]["counts"]["running"]'; }
  # Per-node running counts come with heartbeats: wait until they account for all three.
  node_running() {  # → "running on node 1, 2, 3"
    curl -s "$B/api/v1/admin/nodes" -H "Authorization: Bearer $T" | json "' '.join(str(sum(n['running'] for n in d['data']['items'] if n['node_id'] == '127.0.0.1:1940%d' % i)) for i in (1, 2, 3))"
  }
  local counts=(0 0 0)
  until [ "$(running)" = "3" ] && [ $((counts[0] + counts[1] + counts[2])) = 3 ]; do
    sleep 0.1; read -r -a counts <<< "$(node_running)"
  done
  # Not node 1 (the script talks to it); node 1 holds at most two, so node 2 or 3 holds one.
  local victim=2; [ "${counts[1]}" != "0" ] || victim=3
  kill -9 "${PIDS[$((victim - 1))]}"; wait "${PIDS[$((victim - 1))]}" 2>/dev/null || true
  t0=$(date +%s.%N)
  until grep -q '"msg":"orphans recovered"' "$WORK"/node[123].log; do sleep 0.02; done
  until [ "$(running)" = "3" ]; do sleep 0.02; done
  t1=$(date +%s.%N)
  unset -f running node_running
  stop_nodes
  printf "failover: node %d killed holding %d document(s); running elsewhere %.2f s after kill -9 (lease TTL 4 s, heartbeat 1 s)\n" \
    "$victim" "${counts[$((victim - 1))]}" "$(echo "$t1 - $t0" | bc -l)"
}

echo "cores: $(nproc); documents: $DOCS; workers per node: $WORKERS; faults: ${FAULTS:-none}"
base=""
for n in 1 2 3; do
  s=$(measure "$n")
  [ -z "$base" ] && base="$s"
  printf "%d node(s): %6.2f s, %5.1f docs/s, speed-up %.2fx\n" "$n" "$s" "$(echo "$DOCS / $s" | bc -l)" "$(echo "$base / $s" | bc -l)"
done
[ "${FAILOVER:-1}" = "0" ] || failover
