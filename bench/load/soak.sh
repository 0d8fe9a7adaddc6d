#!/usr/bin/env bash
# The soak (bench/load/README.md): CLIENTS (64) concurrent users for SECONDS against one node on
# SQLite, then against a three-node cluster on a throwaway PostgreSQL; requests/s, p50/p99 per
# route and 5xx from bench/load/soak.mjs, and each node's RSS and open file descriptors sampled
# every 10 s. Exits 1 on any 5xx or transport failure.
#   bench/load/soak.sh SECONDS [single|cluster|both]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${GALLEY_BINARY:-$ROOT/build/galley}"
SECONDS_TO_RUN="${1:?usage: soak.sh SECONDS [single|cluster|both]}"
MODE="${2:-both}"
CLIENTS="${CLIENTS:-64}"
SAMPLE_EVERY="${SAMPLE_EVERY:-10}"
WORK="$(mktemp -d /tmp/galley-soak.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
PG_STARTED=0
source "$ROOT/scripts/pg_throwaway.sh"
cleanup() {
  for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]:-}"; do wait "$p" 2>/dev/null || true; done
  [ "$PG_STARTED" = 1 ] && galley_pg_stop "$WORK/pg"
  rm -rf "$WORK"
}
trap cleanup EXIT
# Load, not limits, is what is measured: the plans and sign-in limits are lifted.
echo '{"free": {"requests_per_minute": 0, "chars_per_month": 0}}' > "$WORK/plans.json"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_node() {  # name db http_port [cluster_port join]
  local name="$1" db="$2" port="$3" cport="${4:-}" join="${5:-}" extra=()
  [ -n "$cport" ] && extra+=(--cluster-port "$cport" --join "$join")
  GALLEY_PLANS_FILE="$WORK/plans.json" GALLEY_AUTH_PER_MINUTE=1000000 GALLEY_MAX_WORKERS=2 \
  GALLEY_JWT_SECRET=soak-secret-soak-secret-soak-secret-soak \
    "$BIN" serve --http "127.0.0.1:$port" --db "$db" --storage "$WORK/storage-$MODE_NOW" "${extra[@]}" \
    > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do curl -sf "127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 0.1; done
  echo "soak: $name did not start" >&2; tail -20 "$WORK/$name.log" >&2; return 1
}

# RSS (MiB) and open descriptors of each node every SAMPLE_EVERY seconds, into $1.
sample() {
  local out="$1"; shift
  local t=0
  while true; do
    local line="$t"
    for p in "$@"; do
      local rss fds
      rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$p/status" 2>/dev/null || echo 0)
      fds=$(ls "/proc/$p/fd" 2>/dev/null | wc -l)
      line="$line $rss $fds"
    done
    echo "$line" >> "$out"
    sleep "$SAMPLE_EVERY"
    t=$((t + SAMPLE_EVERY))
  done
}

report_samples() {  # file nodes
  local file="$1" nodes="$2"
  printf '%6s' "t (s)"
  for i in $(seq 1 "$nodes"); do printf ' %12s %8s' "node$i MiB" "fds"; done
  echo
  awk -v n="$nodes" '{ printf "%6d", $1; for (i = 0; i < n; i++) printf " %12d %8d", $(2 + 2*i), $(3 + 2*i); print "" }' "$file"
  # Flat after warm-up: the last sample against the first after a third of the run.
  awk -v n="$nodes" '{ rows[NR] = $0 } END {
      if (NR < 3) { print "growth: too few samples for a trend"; exit }
      w = int(NR / 3) + 1; split(rows[w], a); split(rows[NR], b)
      for (i = 0; i < n; i++) printf "growth node%d after warm-up (t=%ds to t=%ds): RSS x%.2f, fds %+d\n", i + 1, a[1], b[1],
          (a[2 + 2*i] > 0 ? b[2 + 2*i] / a[2 + 2*i] : 0), b[3 + 2*i] - a[3 + 2*i] }' "$file"
}

run_mode() {  # single|cluster
  MODE_NOW="$1"
  local bases="" nodes=0 pids=()
  if [ "$MODE_NOW" = single ]; then
    local port; port=$(free_port)
    start_node single "sqlite://$WORK/single.db" "$port"
    bases="http://127.0.0.1:$port"; nodes=1; pids=("${PIDS[-1]}")
  else
    mkdir -p "$WORK/pg"
    local dsn; dsn="$(galley_pg_start "$WORK/pg")"; PG_STARTED=1
    local c1; c1=$(free_port)
    for i in 1 2 3; do
      local port cport; port=$(free_port); cport=$([ "$i" = 1 ] && echo "$c1" || free_port)
      start_node "node$i" "$dsn" "$port" "$cport" "127.0.0.1:$c1"
      bases="$bases${bases:+,}http://127.0.0.1:$port"; pids+=("${PIDS[-1]}")
    done
    nodes=3
  fi
  sample "$WORK/samples-$MODE_NOW" "${pids[@]}" &
  local sampler=$!
  local rc=0
  node "$ROOT/bench/load/soak.mjs" --bases "$bases" --seconds "$SECONDS_TO_RUN" --clients "$CLIENTS" \
    --corpus "$ROOT/../shared/corpus" || rc=$?
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  echo "resources ($MODE_NOW, every ${SAMPLE_EVERY} s):"
  report_samples "$WORK/samples-$MODE_NOW" "$nodes"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [ "$rc" != 0 ]; then
    for f in "$WORK"/*.log; do echo "--- $f"; grep -E '"level":"(error|warn)"' "$f" | tail -5 || true; done
  fi
  return "$rc"
}

status=0
case "$MODE" in
  single) run_mode single || status=1 ;;
  cluster) run_mode cluster || status=1 ;;
  both) run_mode single || status=1; echo; run_mode cluster || status=1 ;;
  *) echo "usage: soak.sh SECONDS [single|cluster|both]" >&2; exit 2 ;;
esac
exit "$status"
