// The compliance engine at the scale: a tenant with 60 agencies, 1,000 applications and
// 20,000 other records (services, relations, recommendations, tests, Repositori entries), then
// 500 such tenants. Measures the engine alone (facts in memory), a full evaluation (facts loaded
// from the database, findings compared and stored) and one pass over every tenant.
//   build/bench/simpul_compliance_bench [database-url] [tenants]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/platform.hpp"
#include "timing.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::bench;

namespace {

/// One tenant's records, written with plain SQL in one transaction (the services' per-record
/// validation would dominate the setup and is not what is measured).
std::size_t fill_tenant(storage::Connection& c, const std::string& tenant, const std::string& tag) {
  std::string now = clock::now_iso();
  std::size_t others = 0;
  auto id = [&](const char* kind, int i) { return std::string(kind) + "-" + tag + "-" + std::to_string(i); };
  const char* hostings[] = {"pusat_data_kolokasi", "pusat_data_vps", "luar_pusat_data", "server_pd_di_pusat_data",
                            "server_di_kantor_pd"};
  const char* stages[] = {"kajian_kebutuhan", "rancang_bangun", "pengujian_kelaikan", "pemeliharaan", "evaluasi"};
  for (int a = 0; a < 60; ++a)
    c.execute(
        "INSERT INTO agencies (id, tenant_id, code, name, short_name, type, flags, mandiri_tik_decree, head_title, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'dinas_daerah', ?, NULL, 'Kepala Dinas', ?, ?)",
        {id("ag", a), tenant, "PD" + std::to_string(a), "Perangkat Daerah " + std::to_string(a),
         "PD" + std::to_string(a),
         a == 0        ? "[\"kominfo\"]"
         : a % 10 == 0 ? "[\"mandiri_tik\"]"
                       : "[]",
         now, now});
  auto element = [&](const std::string& eid, const char* domain, const std::string& code, int agency,
                     const std::string& attributes) {
    c.execute(
        "INSERT INTO arch_elements (id, tenant_id, domain, code, name, description, level, parent_id, reference_code, "
        "owner_agency_id, state, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', 3, NULL, NULL, ?, 'as_is', ?, ?, ?)",
        {eid, tenant, domain, code, "Elemen " + code, id("ag", agency % 60), attributes, now, now});
  };
  for (int i = 0; i < 1000; ++i) {
    const char* stage = stages[i % 5];
    element(id("app", i), "aplikasi", "APL-" + std::to_string(i), i,
            std::string("{\"category\":\"") + (i % 3 ? "aplikasi_khusus" : "aplikasi_umum") +
                "\",\"lifecycle_stage\":\"" + stage + "\"}");
    c.execute(
        "INSERT INTO applications (element_id, tenant_id, operator_agency_id, builder, vendor_name, source_model, hosting, "
        "subdomain, contact_email, similar_to_umum, justification, last_audit_date, live_since, updated_at) "
        "VALUES (?, ?, NULL, 'vendor', '', 'terbuka', ?, ?, ?, 0, '{}', NULL, ?, ?)",
        {id("app", i), tenant, hostings[i % 4],
         i % 7 ? "app" + std::to_string(i) + ".balikpapan.go.id" : "app.example.com",
         i % 5 ? "app@balikpapan.go.id" : "app@gmail.com", i % 5 >= 3 ? storage::Value("2023-01-01") : storage::Value(),
         now});
  }
  for (int i = 0; i < 4000; ++i, ++others)
    element(id("svc", i), "layanan", "LYN-" + std::to_string(i), i, "{\"service_type\":\"publik\"}");
  for (int i = 0; i < 4000; ++i, ++others) element(id("dat", i), "data_informasi", "DAT-" + std::to_string(i), i, "{}");
  for (int i = 0; i < 8000; ++i, ++others) {
    bool serves = i % 2 == 0;
    std::string source = serves ? id("svc", (i / 2) % 4000) : id("app", i % 1000);
    std::string target = serves ? id("app", (i * 7) % 1000) : id("dat", i % 4000);
    c.execute(
        "INSERT INTO arch_relations (id, tenant_id, source_id, type, target_id, description, created_at) VALUES (?, ?, ?, ?, ?, '', ?) "
        "ON CONFLICT DO NOTHING",
        {id("rel", i), tenant, source, serves ? "supported_by" : "uses_data", target, now});
  }
  for (int i = 0; i < 1500; ++i, ++others)
    c.execute(
        "INSERT INTO app_recommendations (id, tenant_id, application_id, state, purpose, justification, requested_by, "
        "requested_by_name, requested_at, reasons, decided_by, decided_by_name, decided_at) "
        "VALUES (?, ?, ?, ?, 'Bangun', '', 'u', 'U', ?, 'ok', 'r', 'R', ?)",
        {id("rec", i), tenant, id("app", i % 1000), i % 4 ? "disetujui" : "ditolak", now, now});
  for (int i = 0; i < 1000; ++i, ++others)
    c.execute(
        "INSERT INTO app_tests (id, tenant_id, application_id, date, release, result, summary, recorded_by_name, recorded_at) "
        "VALUES (?, ?, ?, '2026-01-01', '1.0', ?, '', 'U', ?)",
        {id("tst", i), tenant, id("app", i), i % 6 ? "lulus" : "gagal", now});
  const char* docs[] = {"dokumen_kebutuhan", "dokumen_perancangan", "manual_pengguna", "kode_sumber"};
  for (int i = 0; i < 1500; ++i, ++others)
    c.execute(
        "INSERT INTO app_artifacts (id, tenant_id, application_id, kind, release, filename, size, sha256, uploaded_by_name, "
        "uploaded_at) VALUES (?, ?, ?, ?, '1.0', 'd.pdf', 10, 'x', 'U', ?)",
        {id("art", i), tenant, id("app", i % 1000), docs[i % 4], now});
  return others;
}

}  // namespace

int main(int argc, char** argv) {
  auto dir = std::filesystem::temp_directory_path() / ("simpul-compliance-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  app::Config config;
  config.data_dir = dir;
  config.database_url = argc > 1 && std::string(argv[1]) != "-" ? argv[1] : "sqlite:" + (dir / "bench.db").string();
  int tenants = argc > 2 ? std::stoi(argv[2]) : 500;
  crypto::use_minimum_password_cost_for_tests();
  app::Platform platform(config);
  Actor actor{"bench", "Benchmark", ""};
  std::string today = clock::now_iso().substr(0, 10);

  auto t0 = Clock::now();
  std::vector<Scope> scopes;
  std::size_t others = 0;
  for (int i = 0; i < tenants; ++i) {
    auto t = platform.tenancy().create_tenant("balikpapan", "t" + std::to_string(i), actor);
    scopes.push_back({t.id});
    storage::write_transaction(platform.db(),
                               [&](storage::Connection& c) { others = fill_tenant(c, t.id, std::to_string(i)); });
  }
  // A freshly loaded PostgreSQL database has no planner statistics yet (autovacuum would gather
  // them within minutes in production); measure the steady state.
  storage::write_transaction(platform.db(), [](storage::Connection& c) {
    if (c.dialect() == storage::Dialect::Postgres) c.execute("ANALYZE");
  });
  std::printf("setup: %d tenants x (60 agencies, 1000 applications, %zu other records) in %.1f s\n", tenants, others,
              ms_since(t0) / 1000);

  auto& compliance = platform.compliance();
  const auto& profile = platform.tenancy().profile_of(scopes.front());
  auto facts = compliance.load_facts(scopes.front(), today);
  std::size_t violations = 0;
  auto engine = time_runs(50, [&](int) { violations = compliance.engine().evaluate(profile, facts, today).size(); });
  std::printf("engine only (%zu facts in memory, %zu violations): p50 %.2f ms, p99 %.2f ms\n", facts.objects.size(),
              violations, engine.p50, engine.p99);
  auto load = time_runs(20, [&](int) { facts = compliance.load_facts(scopes.front(), today); });
  std::printf("load facts from the database: p50 %.2f ms, p99 %.2f ms\n", load.p50, load.p99);

  auto t1 = Clock::now();
  auto first = compliance.evaluate(scopes.front(), actor, today);
  std::printf("first full evaluation (stores %lld findings): %.1f ms\n", static_cast<long long>(first.created),
              ms_since(t1));
  auto steady = time_runs(20, [&](int) { compliance.evaluate(scopes.front(), actor, today); });
  std::printf("full evaluation, steady state (load + engine + compare + store): p50 %.2f ms, p99 %.2f ms\n", steady.p50,
              steady.p99);

  auto t2 = Clock::now();
  for (const auto& s : scopes) compliance.evaluate(s, actor, today);
  double first_pass = ms_since(t2);
  auto t3 = Clock::now();
  for (const auto& s : scopes) compliance.evaluate(s, actor, today);
  double second_pass = ms_since(t3);
  std::printf("all %d tenants: first pass %.1f s (findings created), steady pass %.1f s\n", tenants, first_pass / 1000,
              second_pass / 1000);
  std::filesystem::remove_all(dir);
  return 0;
}
