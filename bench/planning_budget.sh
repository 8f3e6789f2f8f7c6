#!/usr/bin/env bash
# Plan and budget through the API (docs/benchmarks.md, "Plan and budget: the cycle through the API"):
# drives a running `simpul serve --demo` (Balikpapan) over loopback with API tokens, on SQLite and then
# on PostgreSQL.
#   setup: 60 PDs, a 5,000-item standard price list (POST /api/planning/prices/import), 40 applications
#          in the register (10 of them Aplikasi Umum), one cycle; each PD's 200 lines imported from an
#          RKA-shaped CSV (POST /api/planning/proposals/{id}/lines/import: dry run, then real), and
#          submitted (each submission compares the PD's own lines with the cycle's submitted lines,
#          at most 10 candidates per line, and with the application register);
#   1. duplicate candidates of the whole cycle, line pairs and line-application pairs
#      (POST /api/planning/cycles/{id}/candidates/search, 3 runs);
#   2. the live check of one line while it is typed (POST /api/planning/proposals/{id}/check, 300
#      requests, p50/p99);
#   3. the consolidated view (GET /api/planning/cycles/{id}/consolidated, 50 requests, p50/p99);
#   and the server's peak resident memory (VmHWM).
#   bench/planning_budget.sh [pds] [lines_per_pd]
#   KEEP=1: the working directory stays (each database's data, `planner-token`, `cycle`) and its
#   path is printed, to serve it again for profiling or another binary's reads.
#   PERF_DIR=<dir>: `perf record -g` of the server during steps 1 and 2 (search.data, check.data).
#   SIMPUL_BIN: the binary (default build/simpul). SIMPUL_BENCH_DATABASES: "sqlite postgresql"
#   (default) or one of them. PostgreSQL runs on a throwaway cluster of scripts/pg-test-cluster, or
#   on the EMPTY database SIMPUL_BENCH_PG names.
set -euo pipefail
cd "$(dirname "$0")/.."
pds=${1:-60}
per_pd=${2:-200}
bin=${SIMPUL_BIN:-build/simpul}
work=$(mktemp -d /tmp/simpul-plan-bench.XXXXXX)
server_pid=""
pg_started=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$pg_started" ]; then scripts/pg-test-cluster stop "$work/pg" || true; fi
  if [ -n "${KEEP:-}" ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"

run_on() {  # database-url label
  local data="$work/$2"
  mkdir -p "$data"
  "$bin" serve --demo --port 0 --data-dir "$data" --database "$1" --no-access-log --web-root "$work/none" >"$data/out" 2>"$data/err" &
  server_pid=$!
  until grep -q "Demo colleagues:" "$data/out" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$data/err"; exit 1; }
    sleep 0.05
  done
  port=$(sed -n 's#Simpul is ready: http://127.0.0.1:\([0-9]*\)#\1#p' "$data/out")
  password=$(sed -n 's#Login: admin / \(.*\)#\1#p' "$data/out")
  colleague_password=$(sed -n 's#Demo colleagues: .* / \(.*\)#\1#p' "$data/out")
  base="http://127.0.0.1:$port"
  admin_token=$(token_of admin "$password")
  planner_token=$(token_of perencana "$colleague_password")
  [ -n "${KEEP:-}" ] && echo "$planner_token" > "$data/planner-token"
  echo "database: $2; $pds PDs x $per_pd lines; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  drive
  echo "server peak resident memory: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$server_pid/status); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

token_of() {  # user password -> an API token of that user
  local cookie csrf
  cookie=$(curl -s -i -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$base/api/auth/login" | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p')
  csrf=$(curl -s -H "Cookie: $cookie" "$base/api/auth/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
  curl -s -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$base/api/auth/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

drive() {
SERVER_PID="$server_pid" BASE="$base" ADMIN="$admin_token" PLANNER="$planner_token" PDS="$pds" PER_PD="$per_pd" python3 - <<'PY'
import http.client, json, os, random, statistics, time, urllib.parse

base = urllib.parse.urlparse(os.environ["BASE"])
admin, planner = os.environ["ADMIN"], os.environ["PLANNER"]
pds, per_pd = int(os.environ["PDS"]), int(os.environ["PER_PD"])
conn = http.client.HTTPConnection(base.hostname, base.port, timeout=600)
rnd = random.Random(18)

def call(method, path, body=None, token=admin, raw=None, ok=(200, 201, 204)):
    headers = {"Authorization": "Bearer " + token}
    if raw is not None:
        data, headers["Content-Type"] = raw, "text/csv"
    else:
        data, headers["Content-Type"] = (None if body is None else json.dumps(body)), "application/json"
    start = time.perf_counter()
    conn.request(method, path, body=data, headers=headers)
    r = conn.getresponse()
    payload = r.read()
    elapsed = (time.perf_counter() - start) * 1000
    if r.status not in ok:
        raise RuntimeError(f"{method} {path}: {r.status} {payload[:400]!r}")
    return (json.loads(payload) if payload else None), elapsed

def server_cpu_ms():  # user + system CPU of the simpul process (not the PostgreSQL server's)
    with open(f"/proc/{os.environ['SERVER_PID']}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

def server_peak_mb():
    with open(f"/proc/{os.environ['SERVER_PID']}/status") as f:
        for row in f:
            if row.startswith("VmHWM:"):
                return int(row.split()[1]) // 1024
    return -1

def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]

# --- setup ---
agencies = call("GET", "/api/agencies?per_page=200")[0]["items"]
kind = agencies[0]["type"]
for i in range(len(agencies), pds):
    call("POST", "/api/agencies", {"code": f"PDB{i:02d}", "name": f"Perangkat Daerah Uji {i:02d}", "type": kind})
agencies = call("GET", "/api/agencies?per_page=200")[0]["items"][:pds]
me = call("GET", "/api/auth/me", token=planner)[0]
today = time.strftime("%Y-%m-%d")
year = int(today[:4]) + 2  # next year holds the demo's own cycle

commodities = [("Laptop", "Unit", 15_000_000), ("Notebook", "Unit", 14_000_000), ("Printer", "Unit", 4_000_000),
               ("Scanner", "Unit", 6_000_000), ("Proyektor", "Unit", 9_000_000), ("UPS", "Unit", 3_500_000),
               ("Router", "Unit", 7_500_000), ("Switch 24 Port", "Unit", 12_000_000), ("Access Point", "Unit", 2_500_000),
               ("Sewa Bandwidth Internet", "Bulan", 5_000_000), ("Lisensi Antivirus", "Lisensi", 450_000),
               ("Harddisk Eksternal 2 TB", "Unit", 1_800_000), ("Kamera CCTV", "Unit", 3_000_000),
               ("Personal Computer", "Unit", 12_500_000), ("Tablet", "Unit", 6_500_000)]
verbs = ["Pengadaan", "Belanja Modal", "Belanja", "Pengadaan Barang"]
apps = ["Presensi Pegawai", "Tata Naskah Dinas Elektronik", "E-Kinerja", "Pengaduan Masyarakat", "Perizinan Online",
        "Kepegawaian", "Perencanaan Pembangunan", "Aset Daerah", "Rapat Daring", "Survei Kepuasan Masyarakat"]
domains = ["Ketahanan Pangan", "Pendidikan", "Kesehatan", "Perhubungan", "Pariwisata", "Perikanan", "Koperasi",
           "Lingkungan Hidup", "Kependudukan", "Sosial", "Pertanian", "Perdagangan", "Kebudayaan", "Kepemudaan"]

# 5,000 standard price items; the commodities' codes are among them.
rows = ["kode,nama,spesifikasi,satuan,harga,rekening"]
for i in range(5000):
    name, unit, price = commodities[i % len(commodities)]
    rows.append(f"SSH.{i:05d},{name} tipe {i},Spesifikasi {i},{unit},{price + (i % 7) * 10_000},5.2.02")
call("POST", f"/api/planning/prices/import?year={year}&decree_number=100/{year}&decree_date={today}&dry_run=false",
     raw="\n".join(rows).encode())

# The register: 40 applications, the first 10 Aplikasi Umum of the Diskominfo (first agency), the
# rest of other PDs; one initiative of the year for the link the regulation asks.
app_codes = []
for i in range(40):
    owner = agencies[0]["id"] if i < 10 else agencies[(i * 7) % pds]["id"]
    name = ("Aplikasi " + apps[i % len(apps)]) if i < 10 else f"Aplikasi {domains[i % len(domains)]} {i}"
    e = call("POST", "/api/architecture/elements", {"domain": "aplikasi", "code": f"APL-B{i:02d}", "name": name,
             "owner_agency_id": owner, "state": "as_is",
             "attributes": {"category": "aplikasi_umum" if i < 10 else "aplikasi_khusus"}})[0]
    app_codes.append(e["code"])
call("POST", "/api/roadmap/initiatives", {"code": "PR-BENCH", "name": "Transformasi digital layanan",
     "category": "layanan_spbe", "owner_agency_id": agencies[0]["id"], "start_year": year, "target_year": year})
cycle = call("POST", "/api/planning/cycles", {"fiscal_year": year, "submission_deadline": f"{year - 1}-12-31",
             "verification_deadline": f"{year - 1}-12-31"}, token=planner)[0]["id"]

def line_row(pd, k):
    r = rnd.random()
    element = app_codes[rnd.randrange(len(app_codes))]
    if r < 0.30:  # commodities most PDs buy, in different phrasings, half with their SSH code
        c = rnd.randrange(len(commodities))
        name, unit, price = commodities[c]
        ssh = f"SSH.{c:05d}" if rnd.random() < 0.5 else ""
        text = f"{rnd.choice(verbs)} {name}" + (" untuk Staf" if rnd.random() < 0.3 else "")
        qty = rnd.randint(1, 10)
    elif r < 0.37:  # applications several PDs propose on their own
        text = f"Pengembangan Aplikasi {rnd.choice(apps)}"
        ssh, unit, qty, price = "", "Paket", 1, 150_000_000
    else:  # the PD's own work: numbers are dropped by the normalisation, so words tell lines apart
        text = (f"Pemeliharaan Sistem Pelaporan {domains[pd % len(domains)]} {places[pd % len(places)]} "
                f"{topics[k % len(topics)]} {topics[(k // len(topics) + pd) % len(topics)]}")
        ssh, unit, qty, price = "", "Paket", 1, 25_000_000
    return f"Pengelolaan Sistem Informasi;5.2.02.10.01.0002;{text};;{ssh};{qty} {unit};{price};;apbd;;{element};PR-BENCH"

places = ["Balikpapan Barat", "Balikpapan Timur", "Balikpapan Utara", "Balikpapan Selatan", "Balikpapan Tengah",
          "Balikpapan Kota", "Klandasan", "Gunung Sari", "Sepinggan", "Manggar", "Karang Joang", "Baru Ulu", "Damai",
          "Prapatan", "Sumber Rejo", "Telaga Sari", "Margo Mulyo", "Muara Rapak", "Graha Indah", "Lamaru"]
topics = ["anggaran", "aset", "arsip", "bantuan", "cuaca", "desa", "gizi", "hibah", "irigasi", "jalan", "kebersihan",
          "lahan", "meteran", "nelayan", "olahraga", "pasar", "quarry", "retribusi", "sampah", "taman", "ukm", "vaksin",
          "wisata", "yatim", "zonasi"]
header = "Sub Kegiatan;Kode Rekening;Uraian;Spesifikasi;Kode SSH;Koefisien;Harga Satuan;Jumlah;Sumber Dana;Kategori;Kode Elemen Arsitektur;Kode Inisiatif Peta Rencana"
proposals, dry_ms, real_ms, submit_ms = [], [], [], []
for i, a in enumerate(agencies):
    p = call("POST", f"/api/planning/cycles/{cycle}/proposals", {"agency_id": a["id"]})[0]["id"]
    csv = "\r\n".join([header] + [line_row(i, k) for k in range(per_pd)]).encode()
    res, ms = call("POST", f"/api/planning/proposals/{p}/lines/import?dry_run=true", raw=csv)
    if not res["ok"]:
        raise RuntimeError(json.dumps(res["problems"][:3]))
    dry_ms.append(ms)
    real_ms.append(call("POST", f"/api/planning/proposals/{p}/lines/import?dry_run=false", raw=csv)[1])
    proposals.append(p)
for p in proposals:
    submit_ms.append(call("POST", f"/api/planning/proposals/{p}/submission", {})[1])
print(f"server peak memory after the submissions: {server_peak_mb()} MB")
print(f"import of {per_pd} lines: dry run p50 {pct(dry_ms, 50):.0f} ms, real p50 {pct(real_ms, 50):.0f} ms")
print(f"submission (finder over the cycle + application comparison): p50 {pct(submit_ms, 50):.0f} ms, "
      f"max {max(submit_ms):.0f} ms")

import contextlib, signal, subprocess

@contextlib.contextmanager
def profiled(name):
    # PERF_DIR: the server's samples during one step, for `perf report -i <dir>/<name>.data`.
    out = os.environ.get("PERF_DIR")
    if not out:
        yield
        return
    perf = subprocess.Popen(["perf", "record", "-F", "499", "-g", "-p", os.environ["SERVER_PID"], "-o",
                             f"{out}/{name}.data"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)  # perf attached
    try:
        yield
    finally:
        perf.send_signal(signal.SIGINT)
        perf.wait()

# 1. whole-cycle candidates
runs, cpu_runs, added = [], [], []
with profiled("search"):
    for _ in range(3):
        cpu = server_cpu_ms()
        res, ms = call("POST", f"/api/planning/cycles/{cycle}/candidates/search", {}, token=planner)
        runs.append(ms)
        cpu_runs.append(server_cpu_ms() - cpu)
        added.append(res["new_candidates"])
print(f"server peak memory after the searches: {server_peak_mb()} MB")
# The review's pages: the first (best scores), one deep in the list, and the undecided pairs of one PD.
page_ms = []
for query in ("limit=50", "limit=50&offset=100000", f"limit=50&state=undecided&agency={agencies[0]['id']}"):
    page, ms = call("GET", f"/api/planning/cycles/{cycle}/candidates?{query}", token=planner)
    page_ms.append(ms)
pairs = call("GET", f"/api/planning/cycles/{cycle}/candidates?limit=1", token=planner)[0]["total"]
print(f"one page of the review (first / offset 100,000 / one PD undecided): {[round(m) for m in page_ms]!r} ms")
app_pairs = call("GET", f"/api/planning/cycles/{cycle}/application-candidates", token=planner)[0]["total"]
print(f"candidates for the whole cycle: median {statistics.median(runs):.0f} ms of {[round(r) for r in runs]!r}, "
      f"server CPU median {statistics.median(cpu_runs):.0f} ms "
      f"({pairs} line pairs, {app_pairs} line-application pairs stored; new pairs stored by each search: {added!r})")

# 2. live check of one line (a new draft in a PD's proposal, name typed so far)
draft = call("POST", f"/api/planning/cycles/{cycle}/proposals", {"agency_id": agencies[-1]["id"]})[0]["id"]
check_ms = []
with profiled("check"):
    cpu = server_cpu_ms()
    for k in range(300):
        row = line_row(rnd.randrange(pds), k).split(";")
        body = {"sub_activity": row[0], "account_code": row[1], "name": row[2], "ssh_code": row[4],
                "volume": [{"quantity": 1, "unit": "Unit"}], "unit_price": 1_000_000, "funding_source": "apbd"}
        check_ms.append(call("POST", f"/api/planning/proposals/{draft}/check", body)[1])
    check_cpu = (server_cpu_ms() - cpu) / len(check_ms)
print(f"live check of one line: p50 {pct(check_ms, 50):.1f} ms, p99 {pct(check_ms, 99):.1f} ms; "
      f"server CPU {check_cpu:.1f} ms per request on average")

# 3. consolidated view
cpu = server_cpu_ms()
cons_ms = [call("GET", f"/api/planning/cycles/{cycle}/consolidated", token=planner)[1] for _ in range(50)]
print(f"consolidated view: p50 {pct(cons_ms, 50):.1f} ms, p99 {pct(cons_ms, 99):.1f} ms; "
      f"server CPU {(server_cpu_ms() - cpu) / len(cons_ms):.1f} ms per request on average")
PY
}

for db in ${SIMPUL_BENCH_DATABASES:-sqlite postgresql}; do
  case "$db" in
    sqlite) run_on "sqlite:$work/simpul.db" sqlite ;;
    postgresql)
      url=${SIMPUL_BENCH_PG:-}
      if [ -z "$url" ]; then
        url=$(scripts/pg-test-cluster start "$work/pg")
        pg_started=1
      fi
      run_on "$url" postgresql
      ;;
    *) echo "unknown database $db" >&2; exit 2 ;;
  esac
done
