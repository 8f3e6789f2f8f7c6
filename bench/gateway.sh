#!/usr/bin/env bash
# Gateway benchmark (issue 7, docs/benchmarks.md "Gateway data plane"): the same upstream behind
# nginx (a plain reverse proxy, upstream keep-alive on) and behind `simpul gateway run` (API key,
# access check, rate limit and signed message log all on), driven in turn by wrk on loopback.
# Prints a Markdown table for docs/benchmarks.md.
#   bench/gateway.sh [seconds-per-run] [rounds]
#   SIMPUL_BIN=path            use this binary instead of building build-release/simpul
#   SIMPUL_GATEWAY_ARGS="..."  extra options for `simpul gateway run` (diagnosis, e.g. --no-message-log)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
rounds=${2:-3}
connections=64
scripts/bootstrap bench
if [ -z "${SIMPUL_BIN:-}" ]; then
  SIMPUL_BUILD_DIR=build-release SIMPUL_BUILD_TYPE=Release SIMPUL_NO_CONSOLE=1 scripts/build simpul >/dev/null
  SIMPUL_BIN=build-release/simpul
fi
bin=$(realpath "$SIMPUL_BIN")
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/simpul-gateway-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; echo "port $1 did not open" >&2; exit 1; }

upstream_port=$(free_port)
nginx_port=$(free_port)
gateway_port=$(free_port)

# The upstream: a fixed 1 KiB JSON document (nginx serving from memory, one worker).
body=$(python3 -c 'import json; d={"data":[{"nik":"%016d"%i,"nama":"Penduduk %d"%i} for i in range(18)]}; s=json.dumps(d,separators=(",",":")); print((s+" "*1024)[:1024])')
mkdir -p "$work/upstream" "$work/nginx" "$work/gateway"
cat > "$work/upstream/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/upstream/nginx.pid;
error_log $work/upstream/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/upstream/tmp; proxy_temp_path $work/upstream/tmp; fastcgi_temp_path $work/upstream/tmp;
  uwsgi_temp_path $work/upstream/tmp; scgi_temp_path $work/upstream/tmp;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$upstream_port;
    location / { default_type application/json; return 200 '$body'; }
  }
}
EOF
# The reference: nginx as a plain reverse proxy with pooled upstream connections, one worker per core.
cat > "$work/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp; fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:$upstream_port; keepalive 128; }
  server {
    listen 127.0.0.1:$nginx_port;
    location /bench/kependudukan/ {
      proxy_pass http://backend/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
mkdir -p "$work/upstream/tmp" "$work/nginx/tmp"
"$nginx_bin" -p "$work/upstream" -c "$work/upstream/nginx.conf" 2>"$work/upstream/stderr" & pids+=($!)
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>"$work/nginx/stderr" & nginx_pid=$!; pids+=($nginx_pid)

# Simpul: one service, one consumer, one grant; a rate limit far above the load (so it is checked on
# every request but never refuses) and the message log on.
key=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
key_hash=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)
cat > "$work/gateway/config.json" <<EOF
{"version": 1,
 "services": [{"id": "svc-kependudukan", "name": "Kependudukan", "path_prefix": "/bench/kependudukan",
               "upstream_base_url": "http://127.0.0.1:$upstream_port", "allowed_networks": ["127.0.0.0/8"],
               "rate_limit": {"requests_per_second": 10000000, "burst": 1000000}, "daily_quota": 0}],
 "consumers": [{"id": "c-bench", "name": "Aplikasi uji", "api_key_sha256": ["$key_hash"]}],
 "grants": [{"consumer_id": "c-bench", "service_id": "svc-kependudukan", "methods": ["GET"]}]}
EOF
"$bin" gateway run --config "$work/gateway/config.json" --port "$gateway_port" --data-dir "$work/gateway" \
  --health-interval-ms 0 ${SIMPUL_GATEWAY_ARGS:-} >"$work/gateway/out" 2>"$work/gateway/err" & gateway_pid=$!; pids+=($gateway_pid)
wait_port "$upstream_port"; wait_port "$nginx_port"; wait_port "$gateway_port"

# Sanity: both proxies return the upstream's document; the gateway refuses a wrong key.
curl -fsS "http://127.0.0.1:$nginx_port/bench/kependudukan/penduduk" | cmp -s - <(printf '%s' "$body") || { echo "nginx answers wrongly" >&2; exit 1; }
curl -fsS -H "X-API-Key: $key" "http://127.0.0.1:$gateway_port/bench/kependudukan/penduduk" | cmp -s - <(printf '%s' "$body") || { echo "gateway answers wrongly" >&2; cat "$work/gateway/err" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-API-Key: wrong' "http://127.0.0.1:$gateway_port/bench/kependudukan/penduduk")" = 401 ] || { echo "gateway accepts a wrong key" >&2; exit 1; }

cat > "$work/report.lua" <<'LUA'
function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.3f %.3f %.3f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, errors))
end
LUA

# CPU seconds (user + system) of a process and its children's threads, from /proc.
cpu_ticks() { local t=0; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo $t; }
nginx_procs() { echo "$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"; }
rss_mb() { local t=0; for p in "$@"; do t=$((t + $(awk '/VmRSS/ {print $2}' "/proc/$p/status"))); done; awk -v k=$t 'BEGIN {printf "%.1f", k/1024}'; }
hwm_mb() { awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)

declare -A rps p50 p99 p999 cpu
run() {
  local name=$1 url=$2; shift 2
  local procs
  if [ "$name" = nginx ]; then procs=$(nginx_procs); else procs=$gateway_pid; fi
  local before=$(cpu_ticks $procs)
  local line
  line=$(wrk -t1 -c"$connections" -d"${duration}s" -s "$work/report.lua" "$@" "$url" | grep '^RESULT')
  local after=$(cpu_ticks $procs)
  read -r _ r a b c e <<<"$line"
  [ "$e" = 0 ] || { echo "$name: $e failed requests" >&2; exit 1; }
  rps[$name]+="$r "; p50[$name]+="$a "; p99[$name]+="$b "; p999[$name]+="$c "
  cpu[$name]+="$(awk -v t=$((after - before)) -v hz=$hz -v d=$duration 'BEGIN {printf "%.0f", 100 * t / hz / d}') "
  echo "round $round $name: $r req/s, p50 $a ms, p99 $b ms, p99.9 $c ms" >&2
}
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# Warm-up, then alternate so that drift on a noisy machine hits both alike.
wrk -t1 -c"$connections" -d2s "http://127.0.0.1:$nginx_port/bench/kependudukan/penduduk" >/dev/null
wrk -t1 -c"$connections" -d2s -H "X-API-Key: $key" "http://127.0.0.1:$gateway_port/bench/kependudukan/penduduk" >/dev/null
for round in $(seq 1 "$rounds"); do
  run nginx "http://127.0.0.1:$nginx_port/bench/kependudukan/penduduk"
  run simpul "http://127.0.0.1:$gateway_port/bench/kependudukan/penduduk" -H "X-API-Key: $key"
done

nginx_rss=$(rss_mb $(nginx_procs))
gateway_rss=$(hwm_mb "$gateway_pid")
records=$(cat "$work"/gateway/gateway/log/segment-*.log 2>/dev/null | grep -c '"seq"' || true)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
n_rps=$(echo "${rps[nginx]}" | median); s_rps=$(echo "${rps[simpul]}" | median)
n_p99=$(echo "${p99[nginx]}" | median); s_p99=$(echo "${p99[simpul]}" | median)

echo
echo "Gateway benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, wrk -t1 -c$connections, ${duration}s x $rounds rounds (medians)"
echo
echo "| proxy | req/s | p50 | p99 | p99.9 | CPU | RSS |"
echo "|---|---|---|---|---|---|---|"
echo "| nginx $("$nginx_bin" -v 2>&1 | sed 's#.*/##') | $n_rps | $(echo "${p50[nginx]}" | median) ms | $n_p99 ms | $(echo "${p999[nginx]}" | median) ms | $(echo "${cpu[nginx]}" | median) % | $nginx_rss MB (all workers) |"
echo "| simpul gateway | $s_rps | $(echo "${p50[simpul]}" | median) ms | $s_p99 ms | $(echo "${p999[simpul]}" | median) ms | $(echo "${cpu[simpul]}" | median) % | $gateway_rss MB (peak) |"
echo
echo "Ratio simpul / nginx: throughput $(ratio "$s_rps" "$n_rps") (target >= 0.90), p99 $(ratio "$s_p99" "$n_p99") (target <= 1.25)."
echo "Message log records written by the gateway: $records."
echo "All runs: nginx ${rps[nginx]}req/s; simpul ${rps[simpul]}req/s."
