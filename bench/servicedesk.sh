#!/usr/bin/env bash
# Service desk benchmark (docs/benchmarks.md, "Layanan SPBE: service desk"): drives a running
# `simpul serve --demo` (Balikpapan) on SQLite over loopback with a token.
#   1. opens TICKETS tickets through POST /api/servicedesk/tickets over 8 keep-alive connections
#      (tickets/s and the server's CPU per ticket; CLIENT=wrk, the default when wrk is installed:
#      bench/servicedesk_open.lua; CLIENT=python: 8 Python threads, the earlier runs' client),
#      all asked of Level 2: every other one about a service the Dinas provides itself (it stays at
#      Level 2, Balikpapan Pasal 1 angka 34), the rest about nothing named (redirected to the PD's
#      Level 1 with that article);
#   2. assigns every tenth one (one in five of those at Level 2) to the demo's Level 2 agent and starts it (more events);
#   3. the Level 2 queue list, 50 per page (200 requests, p50/p99);
#   4. the SLA clocks of every open ticket: the queue filtered on breached=true (20 requests);
#   5. the monthly statistics per PD and tier (GET /api/servicedesk/statistics, 20 requests).
#   With EVENTS=<n> (the issue's scale: 200000 tickets, EVENTS=2000000), after step 2 the script
#   adds replies (`comment` events, which the SLA clocks read and skip) to every ticket until the
#   events table holds n rows: written straight into the SQLite file while the server is idle,
#   in one transaction, without ledger entries (only the reads below are timed over them).
#   OPEN_ONLY=1 stops after step 1 (to compare two builds' opening at one size).
#   READ_BINS="<binary> ..." times steps 3-5 again with each of these binaries, one after the other,
#   serving the same files (to compare builds' reads on one filled database, in one run).
#   KEEP=1 leaves the working directory (database, data directory, `token` file with the API
#   token) in place and prints its path, to serve it again for profiling.
#   bench/servicedesk.sh [tickets]      (SIMPUL_BIN: the binary, default build/simpul)
set -euo pipefail
cd "$(dirname "$0")/.."
tickets=${1:-20000}
bin=${SIMPUL_BIN:-build/simpul}
work=$(mktemp -d ${SIMPUL_BENCH_DIR:-/tmp}/simpul-desk-bench.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# SERVE_ARGS: more options of `simpul serve` (e.g. "--threads 4").
"$bin" serve --demo --port 0 --data-dir "$work" --database "sqlite:$work/simpul.db" --no-access-log --web-root "$work/none" ${SERVE_ARGS:-} >"$work/out" 2>"$work/err" &
server_pid=$!
until grep -q "Login:" "$work/out" 2>/dev/null; do sleep 0.05; done
port=$(sed -n 's#Simpul is ready: http://127.0.0.1:\([0-9]*\)#\1#p' "$work/out")
password=$(sed -n 's#Login: admin / \(.*\)#\1#p' "$work/out")
base="http://127.0.0.1:$port"
cookie=$(curl -s -i -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/auth/login" | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p')
csrf=$(curl -s -H "Cookie: $cookie" "$base/api/auth/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
token=$(curl -s -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$base/api/auth/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
[ -n "${KEEP:-}" ] && echo "$token" > "$work/token"

SERVER_PID="$server_pid" BASE="$base" TOKEN="$token" TICKETS="$tickets" DB="$work/simpul.db" WORK="$work" python3 - <<'PY'
import http.client, json, os, shutil, subprocess, threading, time, urllib.parse

base, token, n = os.environ["BASE"], os.environ["TOKEN"], int(os.environ["TICKETS"])
host = urllib.parse.urlparse(base)
local = threading.local()

def call(method, path, body=None):
    # One keep-alive connection per thread, as a client system would hold.
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection(host.hostname, host.port)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    try:
        local.conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        r = local.conn.getresponse()
    except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
        # The server closed the idle keep-alive connection: open a new one and send again.
        local.conn = http.client.HTTPConnection(host.hostname, host.port)
        local.conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        r = local.conn.getresponse()
    data = r.read()
    if r.status >= 400:
        raise RuntimeError(f"{method} {path}: {r.status} {data[:300]!r}")
    return r.status, json.loads(data or b"null")

_, agencies = call("GET", "/api/agencies?per_page=200")
ids = [a["id"] for a in agencies["items"]]
urg = ["tinggi", "sedang", "rendah"]
opened = [None] * n
# A service the Dinas provides itself: a ticket about it asked of Level 2 stays there. Without one
# every ticket was redirected to Level 1 and the Level 2 queue timed below was empty.
dinas = next(a["id"] for a in agencies["items"] if a["code"] == "DISKOMINFO")
_, service = call("POST", "/api/architecture/elements", {"domain": "layanan", "code": "LYN-BENCH-01",
                  "name": "Layanan jaringan intra pemerintah", "owner_agency_id": dinas})
_, agents = call("GET", "/api/servicedesk/agents")
level2_agent = next(a["user_id"] for a in agents["items"] if a["tier"] == 2)

def opener(k):
    for i in range(k, n, 8):
        body = {"type": "gangguan", "title": f"Printer mati {i}", "description": "Tidak bisa mencetak",
                "urgency": urg[i % 3], "impact": urg[(i // 3) % 3], "agency_id": ids[i % len(ids)], "tier": 2}
        if i % 2 == 0:
            body["element_id"] = service["id"]
        _, t = call("POST", "/api/servicedesk/tickets", body)
        opened[i] = (t["id"], t["tier"])

def server_cpu_ms():
    # utime + stime of the server process: what the requests cost it, whatever the other
    # processes on the machine take (wall-clock latency on a loaded machine says little).
    fields = open(f"/proc/{os.environ['SERVER_PID']}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

# CLIENT=wrk (the default when wrk is installed): one wrk thread over 8 keep-alive connections with
# bench/servicedesk_open.lua, a client that takes little CPU; CLIENT=python: 8 Python threads (the
# earlier runs' client, which itself needs most of a core at these rates).
client = os.environ.get("CLIENT") or ("wrk" if shutil.which("wrk") else "python")
c0 = server_cpu_ms()
t0 = time.perf_counter()
client_cpu = None
if client == "wrk":
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run(["wrk", "-t1", "-c8", "-d3600s", "--timeout", "60s", "-s", "bench/servicedesk_open.lua", base, "--", str(n), token,
                          service["id"], ",".join(ids)], capture_output=True, text=True)
    open_s = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    client_cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    print("wrk:", " | ".join(l.strip() for l in run.stdout.splitlines() if "answered" in l or "error" in l),
          run.stderr.strip())
    time.sleep(0.5)  # the few POSTs still in flight at the N-th answer (servicedesk_open.lua)
    import sqlite3
    list_db = sqlite3.connect(os.environ["DB"], timeout=60)
    opened = list_db.execute("SELECT id, tier FROM sd_tickets ORDER BY created_at, number").fetchall()
    list_db.close()
    if len(opened) < n:
        raise SystemExit(f"wrk opened {len(opened)} tickets, fewer than {n}")
    n = len(opened)  # N and the few in flight at the end
else:
    threads = [threading.Thread(target=opener, args=(k,)) for k in range(8)]
    for t in threads: t.start()
    for t in threads: t.join()
    open_s = time.perf_counter() - t0
open_cpu = (server_cpu_ms() - c0) / n
if os.environ.get("OPEN_ONLY"):
    # Only the opening phase: for comparing builds at one size (docs/benchmarks.md).
    print(f"opened {n:,} tickets: {n / open_s:,.0f} tickets/s, server CPU {open_cpu:.2f} ms per ticket")
    raise SystemExit(0)

level2 = sum(1 for _, tier in opened if tier == 2)
t0 = time.perf_counter()
moved = 0
refusals = {}
to_start = [ticket for ticket, tier in opened if tier == 2][::5]  # one in ten tickets
for ticket in to_start:
    # A new ticket is started only once assigned (new -> assigned -> in_progress).
    try:
        call("POST", f"/api/servicedesk/tickets/{ticket}/actions", {"action": "assign", "assignee_id": level2_agent})
        call("POST", f"/api/servicedesk/tickets/{ticket}/actions", {"action": "start"})
        moved += 1
    except RuntimeError as e:
        refusals[str(e)[:200]] = refusals.get(str(e)[:200], 0) + 1  # shown below, never hidden
move_s = time.perf_counter() - t0

padded = 0
target = int(os.environ.get("EVENTS") or 0)
if target:
    import sqlite3, uuid
    db = sqlite3.connect(os.environ["DB"], timeout=60)
    have = db.execute("SELECT COUNT(*) FROM sd_events").fetchone()[0]
    rows = db.execute("SELECT ticket_id, tenant_id, MAX(seq), MAX(tier) FROM sd_events GROUP BY ticket_id").fetchall()
    need = max(0, target - have)
    t0 = time.perf_counter()
    with db:
        for k, (ticket, tenant, seq, tier) in enumerate(rows):
            extra = need // len(rows) + (1 if k < need % len(rows) else 0)
            db.executemany(
                "INSERT INTO sd_events (id, tenant_id, ticket_id, seq, at, kind, from_state, to_state, tier, body, "
                "rule_id, citation, internal, actor_id, actor_name) VALUES (?, ?, ?, ?, ?, 'comment', '', '', ?, ?, '', '', 0, "
                "'bench', 'Bench')",
                [(uuid.uuid4().hex[:20], tenant, ticket, seq + j + 1, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                  tier, f"Balasan {j + 1}: sudah dicoba, belum berhasil") for j in range(extra)])
            padded += extra
    db.close()
    pad_s = time.perf_counter() - t0

cpu = {}

def timed(path, times, label=None):
    lat = []
    c0 = server_cpu_ms()
    for _ in range(times):
        t0 = time.perf_counter()
        _, body = call("GET", path)
        lat.append((time.perf_counter() - t0) * 1000)
    cpu[label or path] = (server_cpu_ms() - c0) / times
    lat.sort()
    return lat, body

qpath = "/api/servicedesk/tickets?view=queue&tier=2&state=open&per_page=50"
queue, qbody = timed(qpath, 200)
# SLAS (default 20): how many times the two heavy reads are timed (fewer at the full scale, where
# each takes seconds).
slas = int(os.environ.get("SLAS") or 20)
spath = "/api/servicedesk/tickets?state=open&breached=true&per_page=50"
sla, sbody = timed(spath, slas)
tpath = "/api/servicedesk/statistics"
stats, _ = timed(tpath, slas)

# FROM_EVENTS=1: the same two reads again with the stored clocks removed, so each ticket's clocks
# are recomputed from its events as before migration 1109 (the servicedesk.sla_clocks job found
# the tenant complete at its first run and does not refill them in this process).
if os.environ.get("FROM_EVENTS"):
    import sqlite3
    wipe = sqlite3.connect(os.environ["DB"], timeout=60)
    with wipe:
        wipe.execute("UPDATE sd_tickets SET sla_state = NULL")
    wipe.close()
    sla_ev, _ = timed(spath, slas, "sla from events")
    stats_ev, _ = timed(tpath, slas, "statistics from events")
    print(f"from events (no stored clocks): SLA of every open ticket p50 {sla_ev[len(sla_ev) // 2]:.0f} ms, "
          f"server CPU {cpu['sla from events']:.0f} ms per request; statistics p50 {stats_ev[len(stats_ev) // 2]:.0f} ms, "
          f"server CPU {cpu['statistics from events']:.0f} ms per request")

# The plans SQLite chooses for the queue page and its count (the statements ListSql writes for
# view=queue&tier=2&state=open, newest first): no full scan and no sort of the whole queue.
import sqlite3
plan_db = sqlite3.connect(os.environ["DB"], timeout=60)
where = "WHERE t.tenant_id = ? AND t.state NOT IN ('resolved', 'closed') AND t.tier = ?"
tenant = plan_db.execute("SELECT tenant_id FROM sd_tickets LIMIT 1").fetchone()[0]
plans = {
    "queue page": f"SELECT t.id FROM sd_tickets t {where} ORDER BY t.created_at DESC, t.id LIMIT 50 OFFSET 0",
    "queue count": f"SELECT COUNT(*) FROM (SELECT 1 FROM sd_tickets t {where} LIMIT 10001) capped",  # capped (issue 17)
    "statistics": "SELECT t.id FROM sd_tickets t WHERE t.tenant_id = ? AND t.created_at >= ? AND t.created_at < ?",
}
for name, sql in plans.items():
    args = (tenant, 2) if "tier" in sql else (tenant, "2000-01-01", "2100-01-01")
    steps = "; ".join(r[3] for r in plan_db.execute("EXPLAIN QUERY PLAN " + sql, args))
    print(f"plan of the {name}: {steps}")
plan_db.close()
print(f"load average at the end: {os.getloadavg()[0]:.1f}")

def restart_with(binary):
    # Stop the current server (it checkpoints and closes the database) and serve the same files.
    global host
    pid = int(os.environ["SERVER_PID"])
    os.kill(pid, 15)  # SIGTERM
    while os.path.exists(f"/proc/{pid}") and open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z":
        time.sleep(0.1)
    work = os.environ["WORK"]
    out = open(f"{work}/out-{os.path.basename(binary)}", "w+")
    proc = subprocess.Popen([binary, "serve", "--demo", "--port", "0", "--data-dir", work, "--database",
                             f"sqlite:{work}/simpul.db", "--no-access-log", "--web-root", f"{work}/none"],
                            stdout=out, stderr=subprocess.STDOUT)
    while "Simpul is ready" not in open(out.name).read():
        if proc.poll() is not None: raise SystemExit(open(out.name).read())
        time.sleep(0.1)
    port = open(out.name).read().split("Simpul is ready: http://127.0.0.1:")[1].split()[0]
    host = urllib.parse.urlparse(f"http://127.0.0.1:{port}")
    local.__dict__.pop("conn", None)
    os.environ["SERVER_PID"] = str(proc.pid)
    return proc

for binary in os.environ.get("READ_BINS", "").split():
    proc = restart_with(binary)
    q2, _ = timed(qpath, 200, f"queue {binary}")
    s2, _ = timed(spath, slas, f"sla {binary}")
    t2, _ = timed(tpath, slas, f"stats {binary}")
    print(f"reads with {binary}: queue p99 {q2[197]:.1f} ms ({cpu[f'queue {binary}']:.1f} ms CPU); SLA of every open "
          f"ticket p50 {s2[len(s2) // 2]:.0f} ms ({cpu[f'sla {binary}']:.0f} ms CPU); statistics p50 "
          f"{t2[len(t2) // 2]:.0f} ms ({cpu[f'stats {binary}']:.0f} ms CPU); load {os.getloadavg()[0]:.1f}")
if os.environ.get("READ_BINS", "").split():
    proc.terminate()  # the last one; the script's cleanup stops the first
    proc.wait()

print("| workload | result | notes |")
print("|---|---|---|")
print(f"| open {n:,} tickets through the API ({client} client, 8 connections) | {n / open_s:,.0f} tickets/s | {open_s:.1f} s; server CPU {open_cpu:.2f} ms per ticket{f', client (wrk) CPU {client_cpu / n:.2f} ms' if client_cpu is not None else ''}; each a ticket, its SLA clock events and a ledger entry |")
print(f"| tickets kept at Level 2 (a Dinas service) | {level2:,} of {n:,} | the rest redirected to their PD's Level 1 |")
if target:
    print(f"| events in sd_events | {have + padded:,} | {have:,} through the API, {padded:,} replies added to the file in {pad_s:.0f} s |")
print(f"| assign and start every tenth ticket | {2 * moved / move_s if move_s else 0:,.0f} actions/s | {moved:,} of {len(to_start):,} started |")
for text, count in refusals.items():
    print(f"| refused ({count}) | {text} | |")
print(f"| Level 2 queue, open, 50 per page (total {qbody.get('total', '?')}{'+' if qbody.get('total_capped') else ''}) | p50 {queue[100]:.1f} ms, p99 {queue[197]:.1f} ms | 200 requests; server CPU {cpu[qpath]:.1f} ms per request |")
print(f"| SLA of every open ticket (breached filter, {sbody.get('total', '?')} breached) | p50 {sla[len(sla) // 2]:.0f} ms, max {sla[-1]:.0f} ms | {slas} requests; server CPU {cpu[spath]:.0f} ms per request |")
print(f"| monthly statistics per PD and tier | p50 {stats[len(stats) // 2]:.0f} ms, max {stats[-1]:.0f} ms | {slas} requests; server CPU {cpu[tpath]:.0f} ms per request |")
PY
