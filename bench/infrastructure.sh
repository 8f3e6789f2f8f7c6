#!/usr/bin/env bash
# Bandwidth benchmark (docs/benchmarks.md, "Infrastruktur"): drives a running `simpul serve --demo` on
# SQLite over loopback with a token, as the Dinas's monitoring would. 60 PDs x 4 interfaces post
# 5-minute counter readings for DAYS days of the previous month (batches of 20,000 readings per POST);
# then the monthly evaluation of all PDs, and one PD's usage chart for the month (200 requests, p50/p99).
#   bench/infrastructure.sh [days]      (SIMPUL_BIN: the binary, default build/simpul)
# The hosting and backup findings at scale: SERVERS servers (imported as one CSV), DEVICES network
# devices and 10 backup duties per PD (half with a good run, a tenth with a failed one), then the
# tenant's compliance evaluation, the stored findings of the placement and backup rules, and the
# backup board (docs/benchmarks.md, "Infrastruktur: hosting and backup findings").
#   bench/infrastructure.sh findings [servers] [devices]      (defaults 2000 and 20000)
#   SIMPUL_PERF_DIR=<dir>: also a perf profile of the server (user CPU, call graphs) per timed workload
set -euo pipefail
cd "$(dirname "$0")/.."
mode=bandwidth
if [ "${1:-}" = findings ]; then
  mode=findings
  shift
fi
days=${1:-7}
servers=${1:-2000}
devices=${2:-20000}
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

if [ "$mode" = findings ]; then
BASE="$base" TOKEN="$token" SERVERS="$servers" DEVICES="$devices" SERVER_PID="$server_pid" python3 - <<'PY'
import datetime, json, os, signal, subprocess, time, urllib.request

base, token = os.environ["BASE"], os.environ["TOKEN"]
n_servers, n_devices = int(os.environ["SERVERS"]), int(os.environ["DEVICES"])
server_pid = int(os.environ["SERVER_PID"])
perf_dir = os.environ.get("SIMPUL_PERF_DIR")  # when set: a perf profile of the server per timed workload

def server_cpu_ms():
    """CPU time (user + system) the server process has used so far: what a request costs it, however
    loaded the machine is (wall time also counts waiting for a core)."""
    with open(f"/proc/{server_pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

def call(method, path, body=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(base + path, method=method, data=data,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": content_type})
    with urllib.request.urlopen(req) as r:
        return r.status, json.loads(r.read() or b"null")

cpu_per_request = {}

def timed(method, path, runs, name=None):
    """p50 and p99 wall time of `runs` requests; the server's CPU per request goes to cpu_per_request[name]."""
    perf = None
    if perf_dir and name:
        perf = subprocess.Popen(["perf", "record", "-q", "-g", "-e", "cpu-clock:u", "-p", str(server_pid),
                                 "-o", os.path.join(perf_dir, name + ".data")], stderr=subprocess.DEVNULL)
        time.sleep(0.5)
    lat = []
    cpu0 = server_cpu_ms()
    for _ in range(runs):
        # The clock stops when the answer's last byte is read: the latency a client sees, without
        # this Python client's own JSON parsing (for the 601-duty board that was most of the wall).
        req = urllib.request.Request(base + path, method=method, headers={"Authorization": "Bearer " + token})
        t0 = time.perf_counter()
        with urllib.request.urlopen(req) as r:
            raw = r.read()
        lat.append((time.perf_counter() - t0) * 1000)
        answer = json.loads(raw or b"null")
    if name:
        cpu_per_request[name] = (server_cpu_ms() - cpu0) / runs
    if perf:
        perf.send_signal(signal.SIGINT)
        perf.wait()
    lat.sort()
    return lat[len(lat) // 2], lat[min(len(lat) - 1, (len(lat) * 99) // 100)], answer

t_setup = time.perf_counter()
_, agencies = call("GET", "/api/agencies?per_page=200")
pds = agencies["items"]
n = 0
while len(pds) < 60:
    n += 1
    _, a = call("POST", "/api/agencies", {"code": f"FN{n}", "name": f"Badan Uji Temuan {n}", "type": "dinas_daerah"})
    pds.append(a)
pds = pds[:60]
kominfo = next(a for a in pds if "kominfo" in a.get("flags", []))
_, pusat = call("POST", "/api/infrastructure/sites", {"code": "PD-BENCH", "name": "Pusat Data uji", "kind": "pusat_data_pemda", "agency_id": kominfo["id"]})
rooms = {}
for a in pds[::6]:
    _, room = call("POST", "/api/infrastructure/sites", {"code": "RS-" + a["code"], "name": "Ruang server " + a["code"], "kind": "ruang_server_pd", "agency_id": a["id"]})
    rooms[a["code"]] = room["code"]
rows = ["kode;nama;kode_pd;penempatan;kode_lokasi;lingkungan;dikelola_oleh"]
for i in range(n_servers):
    a = pds[i % len(pds)]
    if i % 10 < 7:
        rows.append(f"SRV-B{i};Server uji {i};{a['code']};kolokasi;PD-BENCH;produksi;pd")
    elif a["code"] in rooms:
        rows.append(f"SRV-B{i};Server uji {i};{a['code']};ruang_pd;{rooms[a['code']]};produksi;pd")
    else:
        rows.append(f"SRV-B{i};Server uji {i};{a['code']};luar;;produksi;pd")
status, imported = call("POST", "/api/infrastructure/servers/import?dry_run=false", ("\n".join(rows) + "\n").encode(), "text/csv")
today = datetime.date.today()
# The devices through the device import, 10,000 rows per file (the register import's row limit is 20,000).
device_rows = [f"{pds[i % len(pds)]['code']};Perangkat {i};switch;{(today - datetime.timedelta(days=30 + i % 300)).isoformat()};"
               for i in range(n_devices)]
for k in range(0, n_devices, 10000):
    body = "kode_pd;nama;jenis;tanggal_pasang;koordinasi\n" + "\n".join(device_rows[k:k + 10000]) + "\n"
    call("POST", "/api/infrastructure/devices/import?dry_run=false", body.encode(), "text/csv")
duties = 0
now = datetime.datetime.now(datetime.timezone.utc)
for a in pds:
    for k in range(10):
        _, d = call("POST", "/api/infrastructure/backup-duties", {"agency_id": a["id"], "name": f"Cadangan {k}", "schedule_days": 1, "target_site_id": pusat["id"]})
        duties += 1
        if k % 2 == 0:
            result = "failed" if k == 4 else "ok"
            start = (now - datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
            end = (now - datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
            call("POST", f"/api/infrastructure/backup-duties/{d['id']}/runs", {"started_at": start, "finished_at": end, "result": result, "size_bytes": 1_000_000})
setup = time.perf_counter() - t_setup

first_t0 = time.perf_counter()
_, first = call("POST", "/api/compliance/evaluate")
first_ms = (time.perf_counter() - first_t0) * 1000
ev50, ev99, again = timed("POST", "/api/compliance/evaluate", 20)
pl50, pl99, placement = timed("GET", "/api/compliance/findings?state=open&per_page=100&rule=BPN-14-3", 100, "placement")
bk50, bk99, backup = timed("GET", "/api/compliance/findings?state=open&per_page=100&rule=BPN-15-1", 100, "backup")
bd50, bd99, board = timed("GET", "/api/infrastructure/backup-duties", 50, "board")
print("| workload | result | notes |")
print("|---|---|---|")
print(f"| set-up: {imported.get('created', n_servers) if isinstance(imported, dict) else n_servers} servers (one CSV import, HTTP {status}), {n_devices:,} devices, {duties} backup duties | {setup:.0f} s | devices imported as CSV files of 10,000 rows |")
print(f"| first compliance evaluation of the tenant | {first_ms:,.0f} ms | {first['new']:,} new findings, {first['open']:,} open |")
print(f"| compliance evaluation again (nothing changed) | p50 {ev50:,.0f} ms, p99 {ev99:,.0f} ms | 20 runs; every subject of every module, {again['open']:,} open findings |")
print(f"| open placement findings (BPN-14-3), first page of 100 | p50 {pl50:.1f} ms, p99 {pl99:.1f} ms; server CPU {cpu_per_request['placement']:.1f} ms/request | 100 requests, total {placement['total']:,} |")
print(f"| open backup findings (BPN-15-1), first page of 100 | p50 {bk50:.1f} ms, p99 {bk99:.1f} ms; server CPU {cpu_per_request['backup']:.1f} ms/request | 100 requests, total {backup['total']:,} |")
print(f"| backup board of the tenant ({len(board['items'])} duties) | p50 {bd50:.1f} ms, p99 {bd99:.1f} ms; server CPU {cpu_per_request['board']:.1f} ms/request | 50 requests, each duty's state computed |")
print(f"load average at the end: {os.getloadavg()[0]:.1f}")
PY
exit 0
fi

BASE="$base" TOKEN="$token" DAYS="$days" SERVER_PID="$server_pid" python3 - <<'PY'
import datetime, json, os, statistics, time, urllib.request

base, token, days = os.environ["BASE"], os.environ["TOKEN"], int(os.environ["DAYS"])

def cpu():
    # The server's CPU seconds (user + system): on a shared machine wall time is mostly waiting for a core.
    fields = open(f"/proc/{os.environ['SERVER_PID']}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

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

# Readings from the 2nd of the previous month (tenant time WIB/WITA: the 2nd keeps every reading inside it), or,
# for more days than that month has left (the year of issue 16: 365), from `days` + 2 days ago; the evaluation and
# the chart are of the previous month either way.
today = datetime.date.today()
first = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=2)
month = first.strftime("%Y-%m")
if days > 26:
    first = today - datetime.timedelta(days=days + 2)
start = datetime.datetime(first.year, first.month, first.day, tzinfo=datetime.timezone.utc)
slots = days * 288
readings, batch, posted, in_server = [], [], 0, 0.0

def post(batch):
    global in_server
    body = json.dumps({"samples": batch})
    t = time.perf_counter()
    call("POST", "/api/infrastructure/bandwidth/samples", body)
    in_server += time.perf_counter() - t

c0 = cpu()
t0 = time.perf_counter()
for k in range(slots):
    at = (start + datetime.timedelta(minutes=5 * k)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for a in ids:
        for i in range(4):
            octets = k * (1_000_000 + 10_000 * i)
            batch.append({"agency_id": a, "interface": f"if{i}", "at": at, "in_octets": octets, "out_octets": octets // 2})
            if len(batch) == 20000:
                post(batch)
                posted += len(batch)
                batch = []
if batch:
    post(batch)
    posted += len(batch)
ingest = time.perf_counter() - t0
ingest_cpu = cpu() - c0

# Backfill: the last 20,000 readings of the first day posted again (all duplicates), then timed as a late batch
# into a gap (day 1 of 60 PDs x 4 interfaces at 00:02:30, between two stored readings).
gap = [{"agency_id": a, "interface": f"if{i}", "at": (start + datetime.timedelta(minutes=5 * k + 2, seconds=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "in_octets": k * (1_000_000 + 10_000 * i) + 1, "out_octets": (k * (1_000_000 + 10_000 * i)) // 2}
       for k in range(84) for a in ids for i in range(4)][:20000]
c0 = cpu()
t = time.perf_counter()
_, backfilled = call("POST", "/api/infrastructure/bandwidth/samples", json.dumps({"samples": gap}))
backfill = time.perf_counter() - t
backfill_cpu = cpu() - c0

c0 = cpu()
t0 = time.perf_counter()
status, evaluation = call("POST", "/api/infrastructure/bandwidth/evaluations", json.dumps({"month": month}))
evaluate = time.perf_counter() - t0
evaluate_cpu = cpu() - c0

lat = []
c0 = cpu()
for _ in range(200):
    # Timed until the answer's last byte is read; the client's own JSON parsing is not the server's latency.
    req = urllib.request.Request(f"{base}/api/infrastructure/bandwidth/usage?agency={ids[7]}&month={month}",
                                 headers={"Authorization": "Bearer " + token})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        raw = r.read()
    lat.append((time.perf_counter() - t0) * 1000)
    chart = json.loads(raw)
chart_cpu = (cpu() - c0) / 200
points = chart["points"]
lat.sort()
print("| workload | result | server CPU | notes |")
print("|---|---|---|---|")
print(f"| ingest {posted:,} readings (60 PDs x 4 interfaces x {days} days, POSTs of 20,000) | {posted / in_server:,.0f} readings/s in the POSTs | {ingest_cpu:.1f} s ({posted / max(ingest_cpu, 0.01):,.0f} readings per CPU second) | {in_server:.1f} s in POSTs (parse, validate, store, answer); {ingest:.1f} s end to end incl. building the JSON in Python ({posted / ingest:,.0f}/s) |")
print(f"| backfill: {len(gap):,} late readings into gaps of day 1 (one POST) | {len(gap) / backfill:,.0f} readings/s | {backfill_cpu:.2f} s | {backfilled['stored']:,} stored, {backfilled['duplicates']:,} duplicates; each one's successor's rate and slot recomputed |")
print(f"| monthly evaluation of {len(evaluation['rows'])} PDs ({month}) | {evaluate * 1000:.0f} ms | {evaluate_cpu * 1000:.0f} ms | HTTP {status} |")
print(f"| usage chart of one PD for the month ({len(points)} slots) | p50 {lat[100]:.1f} ms, p99 {lat[197]:.1f} ms | {chart_cpu * 1000:.1f} ms per request | 200 requests |")
PY
