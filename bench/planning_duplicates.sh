#!/usr/bin/env bash
# Duplicate finder benchmark (issue 18, "Performance"): 60 PDs x 200 lines of one cycle, on SQLite
# and on a throwaway PostgreSQL cluster; prints Markdown table rows for docs/benchmarks.md.
#   bench/planning_duplicates.sh [pds] [lines-per-pd] [draft-runs]
set -euo pipefail
cd "$(dirname "$0")/.."
pds=${1:-60}; per_pd=${2:-200}; runs=${3:-300}
build=${SIMPUL_BUILD_DIR:-build}
ninja -C "$build" -j1 simpul_planning_duplicates_bench >/dev/null
bin=$build/bench/simpul_planning_duplicates_bench

work=$(mktemp -d /tmp/simpul-dupes-bench.XXXXXX)
pg_started=""
cleanup() {
  [ -n "$pg_started" ] && scripts/pg-test-cluster stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| database | measure | result | target |"
echo "|---|---|---|---|"
"$bin" "sqlite:$work/bench.db" "$pds" "$per_pd" "$runs" 2>/dev/null
url=$(scripts/pg-test-cluster start "$work/pg")
pg_started=1
"$bin" "$url" "$pds" "$per_pd" "$runs" 2>/dev/null
