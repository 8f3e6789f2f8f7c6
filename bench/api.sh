#!/usr/bin/env bash
# API benchmark: drives a running `simpul serve` with wrk on loopback and prints a Markdown table
# for docs/benchmarks.md. Measures a 50-row list and a create at 1, 16 and 64 connections, on
# SQLite and (when a server is available) PostgreSQL, plus resident memory and time to ready.
#   bench/api.sh [seconds-per-run]
#   SIMPUL_BIN=path   use this binary instead of building build-release/simpul (e.g. two builds
#                     compared in one session)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
scripts/bootstrap bench
if [ -z "${SIMPUL_BIN:-}" ]; then
  SIMPUL_BUILD_DIR=build-release SIMPUL_BUILD_TYPE=Release SIMPUL_NO_CONSOLE=1 scripts/build simpul >/dev/null
  SIMPUL_BIN=build-release/simpul
fi
bin=$(realpath "$SIMPUL_BIN")

work=$(mktemp -d /tmp/simpul-bench.XXXXXX)
pgdir=""
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$pgdir" ] && scripts/pg-test-cluster stop "$pgdir/pg"
  rm -rf "$work"
}
trap cleanup EXIT

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }

cat > "$work/create.lua" <<'LUA'
-- Codes must be unique across runs, or later runs measure 409 conflicts: the run tag comes from
-- the command line (wrk ... -- <tag>), the thread id from setup().
local counter = 0
local id = 0
function setup(thread) id = id + 1; thread:set("tid", id) end
function init(args) tag = args[1] or "R" end
function request()
  counter = counter + 1
  local body = string.format('{"code":"%s%d-%d","name":"Badan Uji %s %d-%d","type":"dinas_daerah"}', tag, tid, counter, tag, tid, counter)
  return wrk.format("POST", "/api/agencies", nil, body)
end
LUA
cat > "$work/report.lua" <<'LUA'
function done(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
cat "$work/report.lua" >> "$work/create.lua"

run_backend() {
  local name=$1 url=$2 dir="$work/$1"
  mkdir -p "$dir"
  local start=$(date +%s%N)
  "$bin" serve --demo --port 0 --data-dir "$dir" --database "$url" --no-access-log --web-root "$dir/none" >"$dir/out" 2>"$dir/err" &
  server_pid=$!
  until grep -q "Login:" "$dir/out" 2>/dev/null; do sleep 0.05; done
  local ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  local port=$(sed -n 's#Simpul is ready: http://127.0.0.1:\([0-9]*\)#\1#p' "$dir/out")
  local password=$(sed -n 's#Login: admin / \(.*\)#\1#p' "$dir/out")
  local base="http://127.0.0.1:$port"
  local cookie=$(curl -s -i -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/auth/login" | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p')
  local csrf=$(curl -s -H "Cookie: $cookie" "$base/api/auth/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
  local token=$(curl -s -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$base/api/auth/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  sleep 1
  local idle=$(rss_mb "$server_pid")
  local peak=$idle
  echo "| $name | time to ready | $ready_ms ms | | | idle RSS $idle MB |"
  # All list runs first, on the demo's realistic ~30 agencies; the create runs then grow the table.
  for kind in list create; do
    for conns in 1 16 64; do
      local threads=$(( conns < 2 ? 1 : 2 ))
      local script="$work/report.lua" path="/api/agencies?per_page=50"
      [ "$kind" = create ] && script="$work/create.lua" && path="/api/agencies"
      local out=$(wrk -t"$threads" -c"$conns" -d"${duration}s" --latency -s "$script" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$base$path" -- "C$conns" 2>&1)
      local r=$(echo "$out" | grep '^RESULT' | cut -d' ' -f2-)
      local now=$(rss_mb "$server_pid")
      peak=$(python3 -c "print(max($peak, $now))")
      set -- $r
      echo "| $name | $kind ($conns conn) | $1 req/s | p50 $2 ms | p99 $3 ms | errors $4, RSS $now MB |"
    done
  done
  echo "| $name | peak RSS under load | $peak MB | | | |"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r); wrk $duration s per run"
echo
echo "| database | workload | throughput | p50 | p99 | notes |"
echo "|---|---|---|---|---|---|"
run_backend sqlite "sqlite:$work/sqlite/simpul.db"
if command -v runuser >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  pgdir=$(mktemp -d /tmp/simpul-bench-pg.XXXXXX)
  run_backend postgresql "$(scripts/pg-test-cluster start "$pgdir/pg")"
fi
