#!/usr/bin/env bash
# Compares GET /api/v1/users/me (authenticated, database-backed) with GET /healthz under
# wrk -t2 -c64; prints requests/s, p99 and the ratio. See README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${GALLEY_BINARY:-$ROOT/build/galley}"
DURATION="${DURATION:-10s}"
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
DIR="$(mktemp -d /tmp/galley-bench.XXXXXX)"
PORT=$((30000 + RANDOM % 20000))
echo '{"free": {"requests_per_minute": 0}}' > "$DIR/plans.json"
GALLEY_PLANS_FILE="$DIR/plans.json" "$BIN" serve --http "127.0.0.1:$PORT" \
  --db "${GALLEY_DB:-sqlite://$DIR/galley.db}" --storage "$DIR/storage" > "$DIR/galley.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 1 200); do curl -sf "127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.05; done
TOKEN=$(curl -sf -XPOST "127.0.0.1:$PORT/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench-'"$$-$RANDOM"'@example.com","password":"benchmark-password"}' |
  sed -E 's/.*"access_token":"([^"]+)".*/\1/')

measure() {  # name, path, extra wrk args...
  local name="$1" path="$2"; shift 2
  local out rps p99
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "$@" "http://127.0.0.1:$PORT$path")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  echo "$name $rps $p99"
}
# wrk's own request log would dominate: send the server's request log to /dev/null.
read -r _ H_RPS H_P99 < <(measure healthz /healthz)
read -r _ M_RPS M_P99 < <(measure users_me /api/v1/users/me -H "Authorization: Bearer $TOKEN")
echo "healthz:  $H_RPS req/s, p99 $H_P99"
echo "users/me: $M_RPS req/s, p99 $M_P99"
awk -v m="$M_RPS" -v h="$H_RPS" 'BEGIN { printf "ratio users/me : healthz = %.3f (target >= 0.25)\n", m / h }'
