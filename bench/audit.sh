#!/usr/bin/env bash
# Audit TIK benchmark (docs/benchmarks.md, "Audit TIK"): drives a running `simpul serve --demo`
# (Balikpapan) on SQLite over loopback with a token. 60 PDs x PER_PD infrastructure elements
# (default 50: 3,000 audit objects, each in the infrastructure and the security audit); completed
# external audits over the past ten years covering all of them, with FINDINGS findings spread over
# those programmes; then the due list of the tenant, the first page (GET /api/audit/due?within_days=90,
# 50 rows with the counts per status) and a filtered page (one PD, one type, overdue, page 2), 200
# requests each, p50/p99, and the yearly summary PDF of the busiest year (20 requests).
#   bench/audit.sh [per_pd] [findings]      (SIMPUL_BIN: the binary, default build/simpul;
#                                            AUDIT_BENCH_KEEP: where to copy the database at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
per_pd=${1:-50}
findings=${2:-2000}
bin=${SIMPUL_BIN:-build/simpul}
work=$(mktemp -d /tmp/simpul-audit-bench.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  # AUDIT_BENCH_KEEP=path keeps the database (e.g. to read the plans with sqlite3 EXPLAIN QUERY PLAN).
  if [ -n "${AUDIT_BENCH_KEEP:-}" ]; then
    for f in "$work"/simpul.db*; do cp "$f" "$AUDIT_BENCH_KEEP${f#"$work"/simpul.db}"; done
  fi
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

SERVER_PID="$server_pid" BASE="$base" TOKEN="$token" PER_PD="$per_pd" FINDINGS="$findings" python3 - <<'PY'
import datetime, json, os, time, urllib.request

base, token = os.environ["BASE"], os.environ["TOKEN"]
per_pd, n_findings = int(os.environ["PER_PD"]), int(os.environ["FINDINGS"])

def call(method, path, body=None, raw=False):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        data = r.read()
        return r.status, (data if raw else json.loads(data or b"null"))

# 60 Perangkat Daerah: the demo's, topped up.
_, agencies = call("GET", "/api/agencies?per_page=200")
ids = [a["id"] for a in agencies["items"]]
n = 0
while len(ids) < 60:
    n += 1
    _, a = call("POST", "/api/agencies", {"code": f"AU{n}", "name": f"Badan Uji Audit {n}", "type": "dinas_daerah"})
    ids.append(a["id"])
ids = ids[:60]

t0 = time.perf_counter()
objects = []
for pd, agency in enumerate(ids):
    for k in range(per_pd):
        _, e = call("POST", "/api/architecture/elements", {"domain": "infrastruktur", "code": f"SRV-{pd:02d}-{k:03d}",
                    "name": f"Server {pd}-{k}", "owner_agency_id": agency, "attributes": {"infra_type": "perangkat_keras"}})
        objects.append((e["id"], agency))
setup_objects = time.perf_counter() - t0

# Ten years of completed external audits: each year one infrastructure and one security programme
# over a tenth of the objects (so every object has a last audit and due dates spread over two years).
_, due0 = call("GET", "/api/audit/due")
today = datetime.date.fromisoformat(due0["today"])
t0 = time.perf_counter()
programmes = []
slice_len = max(1, len(objects) // 10)
for year in range(10):
    chunk = objects[year * slice_len:(year + 1) * slice_len] if year < 9 else objects[9 * slice_len:]
    start = today - datetime.timedelta(days=365 * (10 - year) - 40 + (year * 7) % 300)
    report = start + datetime.timedelta(days=30)
    for kind in ("infrastruktur", "keamanan"):
        _, p = call("POST", "/api/audit/programmes", {
            "type": kind, "title": f"Audit {kind} {start.year}", "aspects": ["tata_kelola", "kinerja"],
            "object_ids": [o[0] for o in chunk], "auditor_kind": "lembaga_pemerintah", "auditor_name": "BSSN",
            "auditor_reference": "AKR-01", "planned_start": start.isoformat(), "planned_end": report.isoformat()})
        call("POST", f"/api/audit/programmes/{p['id']}/steps", {"to": "dimulai", "date": start.isoformat()})
        call("POST", f"/api/audit/programmes/{p['id']}/steps", {"to": "laporan_diterima", "date": report.isoformat()})
        programmes.append((p["id"], chunk, report, start))
for i in range(n_findings):
    pid, chunk, report, _ = programmes[i % len(programmes)]
    obj, agency = chunk[(i // len(programmes)) % len(chunk)]
    call("POST", f"/api/audit/programmes/{pid}/findings", {"object_id": obj, "severity": "sedang", "title": f"Temuan {i}",
         "recommendation": "Perbaiki", "agency_id": agency, "agreed_action": "Perbaikan", "due_date": (report + datetime.timedelta(days=90)).isoformat()})
setup_audits = time.perf_counter() - t0

def server_cpu_ms():
    """CPU time the server process has used (user + system), in ms: on a machine other builds load,
    wall times are mostly waiting for a core, CPU time per request is not."""
    with open(f"/proc/{os.environ['SERVER_PID']}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

def timed(path, n):
    """p50 and p99 (ms) of `n` requests of `path`, each timed to the last byte of its answer, the
    answer's size and the server's CPU ms per request."""
    lat = []
    cpu0 = server_cpu_ms()
    for _ in range(n):
        t0 = time.perf_counter()
        _, body = call("GET", path, raw=True)
        lat.append((time.perf_counter() - t0) * 1000)
    cpu = (server_cpu_ms() - cpu0) / n
    lat.sort()
    return lat[n // 2], lat[min(n - 1, (n * 99) // 100)], len(body), cpu

first_path = "/api/audit/due?within_days=90"
_, due = call("GET", first_path)
filtered_path = f"/api/audit/due?within_days=90&type=keamanan&status=terlambat&agency={ids[7]}"
_, filtered = call("GET", filtered_path)
deep_path = "/api/audit/due?within_days=90&status=terlambat&limit=50&offset=1000"
_, deep = call("GET", deep_path)
first = timed(first_path, 200)
page2 = timed(filtered_path, 200)
page21 = timed(deep_path, 200)
# Reference in the same run: every object x type built object by object and serialised whole, which
# is what the unpaged due list did before (3,673 of its 4,080 rows at the issue's scale).
whole = timed("/api/audit/objects", 50)

year = programmes[-1][3].year
pdf = []
size = 0
for _ in range(20):
    t0 = time.perf_counter()
    _, body = call("GET", f"/api/audit/summary.pdf?year={year}", raw=True)
    pdf.append((time.perf_counter() - t0) * 1000)
    size = len(body)
pdf.sort()

print("| workload | result | notes |")
print("|---|---|---|")
print(f"| set-up: {len(objects):,} infrastructure objects (60 PDs x {per_pd}) | {setup_objects:.1f} s | one POST each |")
print(f"| set-up: {len(programmes)} completed programmes over ten years, {n_findings:,} findings | {setup_audits:.1f} s | |")
t = due["totals"]
print(f"| due list, first page (50 of {due['total']:,} rows due: {t['terlambat']:,} terlambat, {t['jatuh_tempo']:,} jatuh tempo; {first[2] // 1024} KiB) | p50 {first[0]:.1f} ms, p99 {first[1]:.1f} ms | 200 requests; server CPU {first[3]:.1f} ms/request |")
print(f"| due list, filtered page (one PD, security audit, overdue: {len(filtered['items'])} of {filtered['total']:,} rows) | p50 {page2[0]:.1f} ms, p99 {page2[1]:.1f} ms | 200 requests; server CPU {page2[3]:.1f} ms/request |")
print(f"| due list, overdue, page 21 (offset 1,000: {len(deep['items'])} of {deep['total']:,} rows) | p50 {page21[0]:.1f} ms, p99 {page21[1]:.1f} ms | 200 requests; server CPU {page21[3]:.1f} ms/request |")
print(f"| reference: all objects, unpaged, object by object (GET /api/audit/objects, {whole[2] // 1024} KiB) | p50 {whole[0]:.1f} ms, p99 {whole[1]:.1f} ms | 50 requests; server CPU {whole[3]:.1f} ms/request |")
print(f"| yearly summary PDF ({year}, {size // 1024} KiB) | p50 {pdf[10]:.0f} ms, max {pdf[-1]:.0f} ms | 20 requests |")
PY
