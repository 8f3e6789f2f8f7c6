#!/usr/bin/env bash
# Bandwidth benchmark (docs/benchmarks.md, "Infrastruktur"): drives a running `simpul serve --demo` on
# SQLite over loopback with a token, as the Dinas's monitoring would. 60 PDs x 4 interfaces post
# 5-minute counter readings for DAYS days of the previous month (batches of 20,000 readings per POST);
# then the monthly evaluation of all PDs, and one PD's usage chart for the month (200 requests, p50/p99).
#   bench/infrastructure.sh [days]      (SIMPUL_BIN: the binary, default build/simpul)
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-7}
bin=${SIMPUL_BIN:-build/simpul}
work=$(mktemp -d /tmp/simpul-infra-bench.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" serve --demo --port 0 --data-dir "$work" --database "sqlite:$work/simpul.db" --no-access-log --web-root "$work/none" >"$work/out" 2>"$work/err" &
server_pid=$!
until grep -q "Login:" "$work/out" 2>/dev/null; do sleep 0.05; done
port=$(sed -n 's#Simpul is ready: http://127.0.0.1:\([0-9]*\)#\1#p' "$work/out")
password=$(sed -n 's#Login: admin / \(.*\)#\1#p' "$work/out")
base="http://127.0.0.1:$port"
cookie=$(curl -s -i -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/auth/login" | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p')
csrf=$(curl -s -H "Cookie: $cookie" "$base/api/auth/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
token=$(curl -s -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$base/api/auth/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

BASE="$base" TOKEN="$token" DAYS="$days" python3 - <<'PY'
import datetime, json, os, statistics, time, urllib.request

base, token, days = os.environ["BASE"], os.environ["TOKEN"], int(os.environ["DAYS"])

def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else body.encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return r.status, json.loads(r.read() or b"null")

# 60 Perangkat Daerah: the demo's, topped up.
_, agencies = call("GET", "/api/agencies?per_page=200")
ids = [a["id"] for a in agencies["items"]]
n = 0
while len(ids) < 60:
    n += 1
    _, a = call("POST", "/api/agencies", json.dumps({"code": f"BW{n}", "name": f"Badan Uji Bandwidth {n}", "type": "dinas_daerah"}))
    ids.append(a["id"])
ids = ids[:60]

# Readings of the previous month (tenant time WIB/WITA: starting on the 2nd keeps every reading inside it).
today = datetime.date.today()
first = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=2)
month = first.strftime("%Y-%m")
start = datetime.datetime(first.year, first.month, first.day, tzinfo=datetime.timezone.utc)
slots = days * 288
readings, batch, posted = [], [], 0
t0 = time.perf_counter()
for k in range(slots):
    at = (start + datetime.timedelta(minutes=5 * k)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for a in ids:
        for i in range(4):
            octets = k * (1_000_000 + 10_000 * i)
            batch.append({"agency_id": a, "interface": f"if{i}", "at": at, "in_octets": octets, "out_octets": octets // 2})
            if len(batch) == 20000:
                call("POST", "/api/infrastructure/bandwidth/samples", json.dumps({"samples": batch}))
                posted += len(batch)
                batch = []
if batch:
    call("POST", "/api/infrastructure/bandwidth/samples", json.dumps({"samples": batch}))
    posted += len(batch)
ingest = time.perf_counter() - t0

t0 = time.perf_counter()
status, evaluation = call("POST", "/api/infrastructure/bandwidth/evaluations", json.dumps({"month": month}))
evaluate = time.perf_counter() - t0

lat = []
for _ in range(200):
    t0 = time.perf_counter()
    call("GET", f"/api/infrastructure/bandwidth/usage?agency={ids[7]}&month={month}")
    lat.append((time.perf_counter() - t0) * 1000)
lat.sort()
print("| workload | result | notes |")
print("|---|---|---|")
print(f"| ingest {posted:,} readings (60 PDs x 4 interfaces x {days} days, POSTs of 20,000) | {posted / ingest:,.0f} readings/s | {ingest:.1f} s end to end incl. JSON in Python |")
print(f"| monthly evaluation of {len(evaluation['rows'])} PDs ({month}) | {evaluate * 1000:.0f} ms | HTTP {status} |")
print(f"| usage chart of one PD for the month ({days * 288} slots) | p50 {lat[100]:.1f} ms, p99 {lat[197]:.1f} ms | 200 requests |")
PY
