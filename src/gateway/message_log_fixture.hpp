#pragma once
// The fixture the message log's test files share: sample records, a log in a temp dir with its
// high-water mark beside it, and small file helpers.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "core/crypto.hpp"
#include "gateway/message_log.hpp"
#include "testing/test_database.hpp"

namespace simpul::gateway::log_testing {

namespace fs = std::filesystem;

inline ExchangeRecord sample(std::uint64_t i) {
  ExchangeRecord r;
  r.time_us = 1'795'000'000'000'000 + static_cast<std::int64_t>(i) * 1000;
  r.request_id = "req-" + std::to_string(i);
  r.consumer_id = "c" + std::to_string(i % 7);
  r.service_id = "svc-kependudukan";
  r.method = i % 3 ? "GET" : "POST";
  r.path = "/v1/penduduk/" + std::to_string(i) + "?q=\"x\"\\";
  r.status = 200 + static_cast<int>(i % 5);
  r.request_bytes = i;
  r.response_bytes = 1024 + i;
  r.total_us = 900 + i;
  r.upstream_us = 700 + i;
  r.request_sha256 = crypto::sha256_hex("req" + std::to_string(i));
  r.response_sha256 = crypto::sha256_hex("resp" + std::to_string(i));
  return r;
}

inline std::string pk(const crypto::SigningKey& k) {
  return std::string(reinterpret_cast<const char*>(k.public_key.data()), k.public_key.size());
}

inline std::vector<std::string> read_lines(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

inline unsigned mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

inline void write_lines(const fs::path& p, const std::vector<std::string>& lines) {
  std::ofstream out(p, std::ios::trunc);
  for (const auto& l : lines) out << l << '\n';
}

class MessageLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    key_ = crypto::generate_signing_key();
  }

  // 2,500 records, rotated after 1,000 and 2,000: batches of 1024 closed early by each rotation.
  void write_2500() {
    MessageLogOptions o;
    o.batch_size = 1024;
    o.max_batch_age = std::chrono::milliseconds(0);
    auto log = MessageLog::open(log_dir(), key_, o);
    ASSERT_TRUE(log);
    for (std::uint64_t i = 1; i <= 2500; ++i) {
      std::uint64_t seq = 0;
      ASSERT_EQ(log->append(sample(i), &seq), LogStatus::ok);
      ASSERT_EQ(seq, i);
      if (i == 1000 || i == 2000) {
        ASSERT_EQ(log->rotate(), LogStatus::ok);
      }
      // What the high-water mark said before the last batch was signed (for crash simulations).
      if (i == 2000 && fs::exists(head_file()))
        fs::copy_file(head_file(), dir_.path() / "head-at-2000.json", fs::copy_options::overwrite_existing);
    }
    ASSERT_EQ(log->flush(), LogStatus::ok);
    ASSERT_EQ(log->close(), LogStatus::ok);
  }

  /// The log in a folder of the temp dir: its high-water mark goes beside it, inside the temp dir.
  fs::path log_dir() const { return dir_.path() / "log"; }
  /// Where the high-water mark of log_dir() is kept (docs/gateway.md, "High-water mark").
  fs::path head_file() const { return dir_.path() / "log-head.json"; }

  // 2,500 records in batches of 200, rotated after 1,000 and 2,000: the last segment holds
  // batches 11 (2001..2200), 12 (2201..2400) and 13 (2401..2500, closed by close()).
  void write_2500_in_batches_of_200() {
    MessageLogOptions o;
    o.batch_size = 200;
    o.max_batch_age = std::chrono::milliseconds(0);
    o.fsync_on_flush = false;
    auto log = MessageLog::open(log_dir(), key_, o);
    ASSERT_TRUE(log);
    for (std::uint64_t i = 1; i <= 2500; ++i) {
      ASSERT_EQ(log->append(sample(i)), LogStatus::ok);
      if (i == 1000 || i == 2000) {
        ASSERT_EQ(log->rotate(), LogStatus::ok);
      }
    }
    ASSERT_EQ(log->close(), LogStatus::ok);
  }

  boost::json::object head_json() const {
    std::ifstream in(head_file());
    std::stringstream text;
    text << in.rdbuf();
    return boost::json::parse(text.str()).as_object();
  }

  test_support::TempDir dir_;
  crypto::SigningKey key_;
};

}  // namespace simpul::gateway::log_testing
