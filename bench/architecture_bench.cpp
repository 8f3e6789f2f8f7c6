// Architecture repository at the scale: 5,000 elements and 20,000 relations in one tenant.
// Measures the XLSX import of the elements, a filtered element list and a service's full trace,
// in process (no HTTP), on the database given as argv[1] (default: a temporary SQLite file).
//   build-release/bench/simpul_architecture_bench [database-url]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "app/demo.hpp"
#include "app/platform.hpp"
#include "timing.hpp"
#include "architecture/transfer.hpp"
#include "core/crypto.hpp"
#include "interchange/xlsx.hpp"
#include "tenancy/repository.hpp"

using namespace simpul;
using namespace simpul::bench;

namespace {

constexpr const char* kDomains[] = {"layanan",        "proses_bisnis", "aplikasi",
                                    "data_informasi", "infrastruktur", "keamanan"};

}  // namespace

int main(int argc, char** argv) {
  auto dir = std::filesystem::temp_directory_path() / ("simpul-arch-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  app::Config config;
  config.data_dir = dir;
  config.database_url = argc > 1 ? argv[1] : "sqlite:" + (dir / "bench.db").string();
  crypto::use_minimum_password_cost_for_tests();
  app::Platform platform(config);
  app::ensure_demo(platform, "balikpapan");
  auto tenant = platform.tenancy().tenants().front();
  Scope scope{tenant.id};
  Actor actor{"bench", "Benchmark", ""};
  std::vector<std::string> agency_codes;
  {
    std::int64_t total = 0;
    for (const auto& a : platform.tenancy().list_agencies(scope, ListQuery{"", "code", false, 1, 200}, total))
      agency_codes.push_back(a.code);
  }

  // 5,000 elements: 1,000 per domain for services, processes, applications, data; 500 infra; 500 security.
  const int counts[] = {1000, 1000, 1000, 1000, 500, 500};
  interchange::Sheet elements{"Elemen", {{"code", "name", "domain", "owner_agency_code", "state"}}};
  std::vector<std::vector<std::string>> codes(6);
  for (int d = 0; d < 6; ++d)
    for (int i = 0; i < counts[d]; ++i) {
      std::string code = std::string(1, static_cast<char>('A' + d)) + "-" + std::to_string(i);
      codes[d].push_back(code);
      elements.rows.push_back({code, std::string("Elemen ") + kDomains[d] + " " + std::to_string(i), kDomains[d],
                               agency_codes[static_cast<std::size_t>(i) % agency_codes.size()],
                               i % 5 == 0 ? "to_be" : "as_is"});
    }
  // 20,000 relations along the trace chain: each service realised by 2 processes and supported by
  // 2 applications, each process supported by 2 applications, each application using 4 data sets,
  // running on 2 servers and protected by 2 controls, each data set stored on 2 servers.
  interchange::Sheet relations{"Relasi", {{"source_code", "type", "target_code"}}};
  auto add = [&](int from_domain, int i, const char* type, int to_domain, int j) {
    relations.rows.push_back({codes[from_domain][i], type, codes[to_domain][j % counts[to_domain]]});
  };
  for (int i = 0; i < 1000; ++i) {
    for (int k = 0; k < 2; ++k) add(0, i, "realised_by", 1, i + k * 7);
    for (int k = 0; k < 2; ++k) add(0, i, "supported_by", 2, i + k * 11);
    for (int k = 0; k < 2; ++k) add(1, i, "supported_by", 2, i + 3 + k * 13);
    for (int k = 0; k < 4; ++k) add(2, i, "uses_data", 3, i + k * 17);
    for (int k = 0; k < 2; ++k) add(2, i, "runs_on", 4, i + k * 19);
    for (int k = 0; k < 2; ++k) add(2, i, "protected_by", 5, i + k * 23);
    for (int k = 0; k < 2; ++k) add(3, i, "runs_on", 4, i + k * 29);
    for (int k = 0; k < 4; ++k) add(3, i, "protected_by", 5, i + k * 31);
  }
  auto xlsx = interchange::write_xlsx({elements, relations});
  auto& arch = platform.architecture();

  auto t = Clock::now();
  auto parsed =
      architecture::parse_import(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "");
  double parse_ms = ms_since(t);
  auto result = arch.transfer.run_import(scope, std::move(parsed), false, actor, crypto::sha256_hex(xlsx));
  double import_ms = ms_since(t);
  if (!result.problems.empty()) {
    std::fprintf(stderr, "import problems: %zu, first: row %d %s\n", result.problems.size(), result.problems[0].row,
                 result.problems[0].message.c_str());
    return 1;
  }

  auto list = time_runs(300, [&](int i) {
    std::int64_t total = 0;
    architecture::ElementFilter f;
    f.domain = kDomains[i % 6];
    f.state = "as_is";
    ListQuery q{"Elemen", "name", false, 1 + i % 5, 50};
    arch.elements.list(scope, f, q, total);
  });
  std::vector<std::string> service_ids;
  {
    std::int64_t total = 0;
    architecture::ElementFilter f;
    f.domain = "layanan";
    for (const auto& e : arch.elements.list(scope, f, ListQuery{"", "code", false, 1, 300}, total))
      service_ids.push_back(e.id);
  }
  std::size_t reached = 0;
  auto trace = time_runs(300, [&](int i) {
    auto tr = arch.elements.trace(scope, service_ids[static_cast<std::size_t>(i) % service_ids.size()]);
    for (const auto& [d, els] : tr.layers) reached += els.size();
  });

  std::printf("| database | %s |\n|---|---|\n",
              platform.db().dialect() == storage::Dialect::Sqlite ? "sqlite" : "postgresql");
  std::printf("| XLSX bytes | %zu (%d elements, %d relations) |\n", xlsx.size(), result.elements_created,
              result.relations_created);
  std::printf("| import: parse XLSX | %.0f ms |\n| import: validate and write, total | %.0f ms |\n", parse_ms,
              import_ms);
  std::printf("| filtered list (domain + state + search, 50 per page) | p50 %.2f ms, p99 %.2f ms |\n", list.p50,
              list.p99);
  std::printf("| service trace (avg %.0f elements reached) | p50 %.2f ms, p99 %.2f ms |\n",
              static_cast<double>(reached) / 300.0, trace.p50, trace.p99);
  std::filesystem::remove_all(dir);
  return 0;
}
