// Message log: the signed high-water mark that catches a cut or forged tail, and the file modes of
// the log and its mark (docs/gateway.md, "High-water mark").
#include "gateway/message_log.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "gateway/message_log_fixture.hpp"

namespace simpul::gateway {
namespace {

namespace fs = std::filesystem;
using namespace log_testing;

TEST_F(MessageLogTest, IntactLogVerifiesAgainstItsHighWaterMark) {
  write_2500();
  ASSERT_TRUE(fs::exists(head_file()));
  auto head = head_json();
  EXPECT_EQ(head.at("last_seq").to_number<std::uint64_t>(), 2500u);
  EXPECT_EQ(head.at("batch").to_number<std::uint64_t>(), 3u);
  EXPECT_EQ(head.at("segment").as_string(), "segment-00000003.log");
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_TRUE(rep.ok()) << rep.problem->what;
  EXPECT_EQ(rep.records, 2500u);
}

TEST_F(MessageLogTest, LastSegmentTruncatedBeforeItsLastBatchIsDetected) {
  write_2500_in_batches_of_200();
  ASSERT_TRUE(verify_log(log_dir(), pk(key_)).ok());
  auto seg = list_segments(log_dir()).back();
  auto lines = read_lines(seg);
  ASSERT_EQ(lines.size(), 500u + 3u);
  ASSERT_NE(lines[401].find("\"batch\":12,"), std::string::npos);
  lines.resize(402);  // ends with batch 12 (2201..2400): a log that looks complete
  write_lines(seg, lines);
  for (bool live : {false, true}) {
    auto rep = verify_log(log_dir(), pk(key_), live);
    ASSERT_FALSE(rep.ok()) << "live=" << live;
    EXPECT_EQ(rep.problem->segment, "segment-00000003.log");
    EXPECT_EQ(rep.problem->seq, 2401u);
    EXPECT_NE(rep.problem->what.find("records after 2400 are missing; the high-water mark signed at "),
              std::string::npos)
        << rep.problem->what;
    EXPECT_NE(rep.problem->what.find(" says 2500"), std::string::npos) << rep.problem->what;
  }
}

TEST_F(MessageLogTest, LastBatchCutInsideIsDetectedEvenForALiveLog) {
  write_2500_in_batches_of_200();
  auto seg = list_segments(log_dir()).back();
  auto lines = read_lines(seg);
  lines.resize(402 + 50);  // records 2401..2450 without their batch line
  write_lines(seg, lines);
  auto rep = verify_log(log_dir(), pk(key_), /*allow_open_batch=*/true);
  ASSERT_FALSE(rep.ok());
  EXPECT_EQ(rep.problem->seq, 2451u);
  EXPECT_NE(rep.problem->what.find("records after 2450 are missing"), std::string::npos) << rep.problem->what;
}

TEST_F(MessageLogTest, RemovedLastBatchLineIsDetectedEvenForALiveLog) {
  write_2500();
  auto seg = list_segments(log_dir()).back();
  auto lines = read_lines(seg);
  lines.pop_back();  // every record is there; the batch that signed them is not
  write_lines(seg, lines);
  auto rep = verify_log(log_dir(), pk(key_), /*allow_open_batch=*/true);
  ASSERT_FALSE(rep.ok());
  EXPECT_NE(rep.problem->what.find("batch 3"), std::string::npos) << rep.problem->what;
  EXPECT_NE(rep.problem->what.find("high-water mark"), std::string::npos) << rep.problem->what;
}

TEST_F(MessageLogTest, DeletedNewestSegmentIsDetected) {
  write_2500();
  fs::remove(list_segments(log_dir()).back());
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_FALSE(rep.ok());
  EXPECT_EQ(rep.problem->seq, 2001u);
  EXPECT_EQ(rep.problem->segment, "segment-00000002.log");
  EXPECT_NE(rep.problem->what.find("records after 2000 are missing"), std::string::npos) << rep.problem->what;
  EXPECT_NE(rep.problem->what.find("segment-00000003.log"), std::string::npos) << rep.problem->what;
  // Every segment gone: nothing below the mark is left.
  for (const auto& s : list_segments(log_dir())) fs::remove(s);
  rep = verify_log(log_dir(), pk(key_));
  ASSERT_FALSE(rep.ok());
  EXPECT_NE(rep.problem->what.find("records after 0 are missing"), std::string::npos) << rep.problem->what;
}

TEST_F(MessageLogTest, ForgedHighWaterMarkIsDetected) {
  write_2500();
  fs::remove(list_segments(log_dir()).back());
  // The attacker lowers the mark to the cut log without the key: the signature no longer holds.
  auto head = head_json();
  head["last_seq"] = 2000;
  head["batch"] = 2;
  std::ofstream(head_file(), std::ios::trunc) << boost::json::serialize(head);
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_FALSE(rep.ok());
  EXPECT_EQ(rep.problem->segment, "log-head.json");
  EXPECT_NE(rep.problem->what.find("signature is not valid"), std::string::npos) << rep.problem->what;

  // A mark signed with another key, for the cut log's numbers, is not the gateway's.
  auto other = crypto::generate_signing_key();
  {
    test_support::TempDir d;
    MessageLogOptions o;
    o.batch_size = 1000;
    o.max_batch_age = std::chrono::milliseconds(0);
    o.fsync_on_flush = false;
    auto log = MessageLog::open(d.path() / "log", other, o);
    ASSERT_TRUE(log);
    for (std::uint64_t i = 1; i <= 2000; ++i) ASSERT_EQ(log->append(sample(i)), LogStatus::ok);
    ASSERT_EQ(log->close(), LogStatus::ok);
    fs::copy_file(d.path() / "log-head.json", head_file(), fs::copy_options::overwrite_existing);
  }
  rep = verify_log(log_dir(), pk(key_));
  ASSERT_FALSE(rep.ok());
  EXPECT_NE(rep.problem->what.find("another key"), std::string::npos) << rep.problem->what;

  std::ofstream(head_file(), std::ios::trunc) << "{\"batch\":";
  rep = verify_log(log_dir(), pk(key_));
  ASSERT_FALSE(rep.ok());
  EXPECT_NE(rep.problem->what.find("unreadable"), std::string::npos) << rep.problem->what;
}

TEST_F(MessageLogTest, MissingHighWaterMarkIsReportedOnceTheLogHasBatches) {
  {  // A log without any batch yet needs no mark.
    auto log = MessageLog::open(log_dir(), key_, {});
    ASSERT_TRUE(log);
    ASSERT_EQ(log->close(), LogStatus::ok);
  }
  EXPECT_FALSE(fs::exists(head_file()));
  EXPECT_TRUE(verify_log(log_dir(), pk(key_)).ok());
  fs::remove_all(log_dir());
  write_2500();
  fs::remove(head_file());
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_FALSE(rep.ok());
  EXPECT_EQ(rep.problem->segment, "log-head.json");
  EXPECT_NE(rep.problem->what.find("no high-water mark"), std::string::npos) << rep.problem->what;
  EXPECT_FALSE(verify_log(log_dir(), pk(key_), /*allow_open_batch=*/true).ok());
}

TEST_F(MessageLogTest, HighWaterMarkFollowsFlushesNotRecords) {
  MessageLogOptions o;
  o.batch_size = 4;  // batches close while appending; the mark waits for the flush
  o.max_batch_age = std::chrono::milliseconds(0);
  o.fsync_on_flush = false;
  auto log = MessageLog::open(log_dir(), key_, o);
  ASSERT_TRUE(log);
  for (std::uint64_t i = 1; i <= 10; ++i) ASSERT_EQ(log->append(sample(i)), LogStatus::ok);
  EXPECT_FALSE(fs::exists(head_file()));
  ASSERT_EQ(log->flush(), LogStatus::ok);
  EXPECT_EQ(head_json().at("last_seq").to_number<std::uint64_t>(), 10u);
  EXPECT_EQ(head_json().at("batch").to_number<std::uint64_t>(), 3u);
  for (std::uint64_t i = 11; i <= 13; ++i) ASSERT_EQ(log->append(sample(i)), LogStatus::ok);
  EXPECT_EQ(head_json().at("last_seq").to_number<std::uint64_t>(), 10u);
  ASSERT_EQ(log->rotate(), LogStatus::ok);
  EXPECT_EQ(head_json().at("last_seq").to_number<std::uint64_t>(), 13u);
  ASSERT_EQ(log->close(), LogStatus::ok);
  EXPECT_EQ(head_json().at("last_seq").to_number<std::uint64_t>(), 13u);
  for (const auto& e : fs::directory_iterator(dir_.path()))  // written through a renamed temp file
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  EXPECT_TRUE(verify_log(log_dir(), pk(key_)).ok());
}

TEST_F(MessageLogTest, ReopenRefusesALogCutBelowItsMark) {
  write_2500();
  fs::remove(list_segments(log_dir()).back());
  std::string why;
  // Restarting the gateway must not write a new mark over the evidence.
  EXPECT_FALSE(MessageLog::open(log_dir(), key_, {}, &why));
  EXPECT_NE(why.find("high-water mark"), std::string::npos) << why;
  EXPECT_NE(why.find("2500"), std::string::npos) << why;
  EXPECT_FALSE(verify_log(log_dir(), pk(key_)).ok());
}

TEST_F(MessageLogTest, ReopenWritesTheMarkOfALogThatHadNone) {
  // A log from before the mark existed (or whose mark was removed): the writer starts one, and
  // says so in its log (gateway.log_head_missing).
  write_2500();
  fs::remove(head_file());
  ASSERT_FALSE(verify_log(log_dir(), pk(key_)).ok());
  auto log = MessageLog::open(log_dir(), key_, {});
  ASSERT_TRUE(log);
  ASSERT_EQ(log->close(), LogStatus::ok);
  ASSERT_TRUE(fs::exists(head_file()));
  EXPECT_EQ(head_json().at("last_seq").to_number<std::uint64_t>(), 2500u);
  EXPECT_TRUE(verify_log(log_dir(), pk(key_)).ok());
}

// ---------------------------------------------------------------------------------------------
// File modes: records and the mark are readable by the service account only.

TEST_F(MessageLogTest, NewFilesAre0600InFolders0700WhateverTheUmask) {
  const mode_t old_umask = ::umask(022);  // the usual one: without care, 0644 files in 0755 folders
  const fs::path dir = dir_.path() / "data" / "gateway" / "log";
  {
    MessageLogOptions o;
    o.batch_size = 4;
    o.max_batch_age = std::chrono::milliseconds(0);
    o.fsync_on_flush = false;
    auto log = MessageLog::open(dir, key_, o);
    ASSERT_TRUE(log);
    for (std::uint64_t i = 1; i <= 10; ++i) ASSERT_EQ(log->append(sample(i)), LogStatus::ok);
    ASSERT_EQ(log->rotate(), LogStatus::ok);
    ASSERT_EQ(log->append(sample(11)), LogStatus::ok);
    ASSERT_EQ(log->close(), LogStatus::ok);
  }
  ::umask(old_umask);
  EXPECT_EQ(mode_of(dir), 0700u);
  EXPECT_EQ(mode_of(dir.parent_path()), 0700u);  // created here; it holds the high-water mark
  EXPECT_EQ(mode_of(dir_.path() / "data"), 0700u);
  ASSERT_EQ(list_segments(dir).size(), 2u);
  for (const auto& seg : list_segments(dir)) EXPECT_EQ(mode_of(seg), 0600u) << seg;
  ASSERT_TRUE(fs::exists(dir.parent_path() / "log-head.json"));
  EXPECT_EQ(mode_of(dir.parent_path() / "log-head.json"), 0600u);
}

TEST_F(MessageLogTest, LooseModesAreTightenedWhenTheLogOpens) {
  write_2500();
  fs::permissions(log_dir(), fs::perms(0755));
  for (const auto& seg : list_segments(log_dir())) fs::permissions(seg, fs::perms(0644));
  fs::permissions(head_file(), fs::perms(0664));
  ::testing::internal::CaptureStderr();
  auto log = MessageLog::open(log_dir(), key_, {});
  const std::string said = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(log);
  ASSERT_EQ(log->close(), LogStatus::ok);
  EXPECT_EQ(mode_of(log_dir()), 0700u);
  for (const auto& seg : list_segments(log_dir())) EXPECT_EQ(mode_of(seg), 0600u) << seg;
  EXPECT_EQ(mode_of(head_file()), 0600u);
  EXPECT_NE(said.find("\"event\":\"gateway.permissions_fixed\""), std::string::npos) << said;
  EXPECT_NE(said.find("segment-00000001.log"), std::string::npos) << said;
  EXPECT_NE(said.find("log-head.json"), std::string::npos) << said;
  EXPECT_TRUE(verify_log(log_dir(), pk(key_)).ok());
}

}  // namespace
}  // namespace simpul::gateway
