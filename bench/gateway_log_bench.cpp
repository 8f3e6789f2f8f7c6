// The gateway's message log (src/gateway/message_log.hpp): appends per second with hash chaining,
// batching (1024 records per signed Merkle root) and the buffered segment writer, from one thread
// and from four threads sharing the log; then verify_log and prove() over what was written.
//   build/bench/simpul_gateway_log_bench [records] [dir]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "gateway/message_log.hpp"

using namespace simpul;
using namespace simpul::gateway;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

ExchangeRecord sample(std::uint64_t i) {
  ExchangeRecord r;
  r.time_us = 1'795'000'000'000'000 + static_cast<std::int64_t>(i);
  r.request_id = "01hzx3k9q2w7e5r8t4y6u" + std::to_string(i % 1000);
  r.consumer_id = "dinas-kependudukan-app";
  r.service_id = "svc-bpjs-kepesertaan";
  r.method = "GET";
  r.path = "/v1/peserta/3174012345678901?fields=status,kelas";
  r.status = 200;
  r.request_bytes = 0;
  r.response_bytes = 1024;
  r.total_us = 850;
  r.upstream_us = 610;
  r.request_sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  r.response_sha256 = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";
  return r;
}

void run(const fs::path& dir, const crypto::SigningKey& key, int threads, std::uint64_t records) {
  fs::remove_all(dir);
  fs::remove(head_path_of(dir));  // the previous run's high-water mark would name a missing log
  MessageLogOptions o;
  o.batch_size = 1024;
  auto log = MessageLog::open(dir, key, o);
  if (!log) std::exit(1);
  std::vector<std::thread> ts;
  auto t0 = Clock::now();
  for (int t = 0; t < threads; ++t)
    ts.emplace_back([&, t] {
      auto r = sample(static_cast<std::uint64_t>(t));
      for (std::uint64_t i = 0; i < records / threads; ++i) {
        r.total_us = 800 + i % 100;
        if (log->append(r) != LogStatus::ok) std::exit(2);
      }
    });
  for (auto& t : ts) t.join();
  if (log->close() != LogStatus::ok) std::exit(3);
  double s = seconds_since(t0);
  std::uintmax_t bytes = 0;
  for (const auto& seg : list_segments(dir)) bytes += fs::file_size(seg);
  std::printf("append  threads=%d records=%llu  %.0f appends/s  (%.2f us each, %.0f bytes/record on disk)\n", threads,
              static_cast<unsigned long long>(records), records / s, s * 1e6 / records,
              static_cast<double>(bytes) / records);
  auto pk = std::string(reinterpret_cast<const char*>(key.public_key.data()), 32);
  t0 = Clock::now();
  auto rep = verify_log(dir, pk);
  s = seconds_since(t0);
  std::printf("verify_log  %s  %.0f records/s\n", rep.ok() ? "ok" : rep.problem->what.c_str(), rep.records / s);
  t0 = Clock::now();
  auto p = prove(dir, records / 2);
  double ms = seconds_since(t0) * 1e3;
  std::printf("prove(seq %llu)  %.1f ms, verify_proof %s\n", static_cast<unsigned long long>(records / 2), ms,
              p && verify_proof(*p, pk).ok ? "ok" : "FAILED");
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t records = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 400'000;
  fs::path dir = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "simpul-gateway-log-bench";
  crypto::init();
  auto key = crypto::generate_signing_key();
  run(dir, key, 1, records);
  run(dir, key, 4, records);
  fs::remove_all(dir);
  fs::remove(head_path_of(dir));
}
