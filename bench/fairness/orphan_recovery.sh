#!/usr/bin/env bash
# Orphan recovery after kill -9: starts the real binary on SQLite with a slow document, kills it
# with SIGKILL while the document runs, restarts it and measures how long until the orphaned
# document is running again, against the lease TTL (target: TTL + 1 s). See README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${GALLEY_BINARY:-$ROOT/build/galley}"
TTL="${TTL:-4}"
DIR="$(mktemp -d /tmp/galley-orphan.XXXXXX)"
PORT=$((30000 + RANDOM % 20000))
PID=""
trap 'kill -9 $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT
start() {
  GALLEY_FAULTS="slow_ms=orphan:60000" GALLEY_LOCK_TTL_SECONDS="$TTL" GALLEY_HEARTBEAT_SECONDS=1 \
    "$BIN" serve --http "127.0.0.1:$PORT" --db "sqlite://$DIR/g.db" --storage "$DIR/storage" >> "$DIR/log" 2>&1 &
  PID=$!
  for _ in $(seq 1 200); do curl -sf "127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.05; done
}
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
start
B="127.0.0.1:$PORT"
T=$(curl -s -XPOST "$B/api/v1/auth/register" -d '{"email":"o@bench.local","password":"benchmark"}' | json 'd["data"]["access_token"]')
P=$(curl -s -XPOST "$B/api/v1/projects" -H "Authorization: Bearer $T" -d '{"name":"o"}' | json 'd["data"]["id"]')
echo "Hola, tambien." | curl -s -XPOST "$B/api/v1/projects/$P/documents?filename=orphan.txt" -H "Authorization: Bearer $T" --data-binary @- -o /dev/null
R=$(curl -s -XPOST "$B/api/v1/projects/$P/runs" -H "Authorization: Bearer $T" | json 'd["data"]["id"]')
until [ "$(curl -s "$B/api/v1/runs/$R" -H "Authorization: Bearer $T" | json 'd["data"]["counts"]["running"]')" = "1" ]; do sleep 0.05; done
kill -9 "$PID"; wait "$PID" 2>/dev/null || true
KILLED=$(date +%s.%N)
start
# The orphan runs again when the new incarnation re-claims it (its recovery line in the log).
until grep -q '"msg":"orphans recovered"' "$DIR/log"; do sleep 0.02; done
until [ "$(curl -s "$B/api/v1/runs/$R" -H "Authorization: Bearer $T" | json 'd["data"]["counts"]["running"]')" = "1" ]; do sleep 0.02; done
AGAIN=$(date +%s.%N)
printf "orphan running again %.2f s after kill -9 (lease TTL %d s; target <= %d s)\n" \
  "$(echo "$AGAIN - $KILLED" | bc -l)" "$TTL" "$((TTL + 1))"
