// Message log: chain, batches, rotation, proofs, tamper detection, concurrency (docs/gateway.md).
#include "gateway/message_log.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <sys/stat.h>

#include "testing/test_database.hpp"

namespace simpul::gateway {
namespace {

namespace fs = std::filesystem;

ExchangeRecord sample(std::uint64_t i) {
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

std::string pk(const crypto::SigningKey& k) {
  return std::string(reinterpret_cast<const char*>(k.public_key.data()), k.public_key.size());
}

std::vector<std::string> read_lines(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

void write_lines(const fs::path& p, const std::vector<std::string>& lines) {
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

TEST_F(MessageLogTest, TwoRotationsVerify) {
  write_2500();
  auto segs = list_segments(log_dir());
  ASSERT_EQ(segs.size(), 3u);
  EXPECT_EQ(segs[0].filename(), "segment-00000001.log");
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_TRUE(rep.ok()) << rep.problem->segment << ":" << rep.problem->line << " " << rep.problem->what;
  EXPECT_EQ(rep.records, 2500u);
  EXPECT_EQ(rep.segments, 3u);
  // Segment 1: 1..1000 (one batch, closed by rotation); 2: 1001..2000; 3: 2001..2500 (flush).
  EXPECT_EQ(rep.batches, 3u);
}

TEST_F(MessageLogTest, FullBatchesAndPartialBatch) {
  MessageLogOptions o;
  o.batch_size = 1024;
  o.max_batch_age = std::chrono::milliseconds(0);
  {
    auto log = MessageLog::open(log_dir(), key_, o);
    for (std::uint64_t i = 1; i <= 2500; ++i) ASSERT_EQ(log->append(sample(i)), LogStatus::ok);
    // Before the flush, the last 452 records are not in a signed batch yet.
    ASSERT_EQ(log->flush(), LogStatus::ok);
    std::string why;
    EXPECT_TRUE(prove(log_dir(), 1024, &why)) << why;
  }
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_TRUE(rep.ok()) << rep.problem->what;
  EXPECT_EQ(rep.batches, 3u);  // 1..1024, 1025..2048, 2049..2500
  // Batch start, middle, end; last partial batch start, middle, end; and every size of small tail.
  for (std::uint64_t seq : {1u, 512u, 1024u, 1025u, 1500u, 2048u, 2049u, 2300u, 2500u}) {
    std::string why;
    auto p = prove(log_dir(), seq, &why);
    ASSERT_TRUE(p) << seq << ": " << why;
    EXPECT_EQ(p->record.seq, seq);
    EXPECT_EQ(p->record.request_id, "req-" + std::to_string(seq));
    auto c = verify_proof(*p, pk(key_));
    EXPECT_TRUE(c.ok) << seq << ": " << c.problem;
    // The JSON export round-trips and still verifies.
    auto back = proof_from_json(to_json(*p));
    ASSERT_TRUE(back);
    EXPECT_TRUE(verify_proof(*back, pk(key_)).ok);
  }
  EXPECT_FALSE(prove(log_dir(), 2501));
}

TEST_F(MessageLogTest, EveryLeafOfOddBatchesProves) {
  // Odd sizes exercise the promoted node at several levels.
  for (std::size_t batch : {1u, 2u, 3u, 5u, 7u, 13u}) {
    test_support::TempDir d;
    MessageLogOptions o;
    o.batch_size = batch;
    o.max_batch_age = std::chrono::milliseconds(0);
    auto log = MessageLog::open(d.path() / "log", key_, o);
    for (std::uint64_t i = 1; i <= 20; ++i) ASSERT_EQ(log->append(sample(i)), LogStatus::ok);
    ASSERT_EQ(log->close(), LogStatus::ok);
    ASSERT_TRUE(verify_log(d.path() / "log", pk(key_)).ok());
    for (std::uint64_t seq = 1; seq <= 20; ++seq) {
      auto p = prove(d.path() / "log", seq);
      ASSERT_TRUE(p) << batch << "/" << seq;
      EXPECT_TRUE(verify_proof(*p, pk(key_)).ok) << batch << "/" << seq;
    }
  }
}

TEST_F(MessageLogTest, EditedFieldIsReportedWithItsSeq) {
  write_2500();
  auto seg = list_segments(log_dir())[1];  // 1001..2000
  auto lines = read_lines(seg);
  // Line 235 is record 1235: change one byte of its path.
  auto& l = lines[234];
  ASSERT_NE(l.find("\"seq\":1235,"), std::string::npos);
  auto at = l.find("/v1/penduduk/1235");
  ASSERT_NE(at, std::string::npos);
  l[at + 13] = '9';
  write_lines(seg, lines);
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_FALSE(rep.ok());
  EXPECT_EQ(rep.problem->seq, 1235u);
  EXPECT_EQ(rep.problem->segment, "segment-00000002.log");
  EXPECT_EQ(rep.problem->line, 235u);
  EXPECT_NE(rep.problem->what.find("edited"), std::string::npos) << rep.problem->what;
}

TEST_F(MessageLogTest, RehashedEditIsCaughtByTheSignedRoot) {
  // An attacker without the key rewrites a status and recomputes every later hash of the segment:
  // the chain is consistent again, the signed Merkle root is not.
  write_2500();
  auto seg = list_segments(log_dir())[2];  // 2001..2500, one batch
  auto lines = read_lines(seg);
  merkle::Hash prev{};
  for (auto& l : lines) {
    auto v = boost::json::parse(l).as_object();
    if (v.contains("batch")) continue;
    if (prev == merkle::Hash{}) merkle::from_hex(std::string(v.at("prev_hash").as_string()), prev);
    ExchangeRecord r;
    r.seq = v.at("seq").to_number<std::uint64_t>();
    r = sample(r.seq);
    r.seq = v.at("seq").to_number<std::uint64_t>();
    if (r.seq == 2100) r.status = 500;
    auto h = record_hash(prev, r);
    auto c = canonical(r);
    c.pop_back();
    l = c + ",\"prev_hash\":\"" + merkle::to_hex(prev) + "\",\"hash\":\"" + merkle::to_hex(h) + "\"}";
    prev = h;
  }
  write_lines(seg, lines);
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_FALSE(rep.ok());
  EXPECT_EQ(rep.problem->segment, "segment-00000003.log");
  EXPECT_EQ(rep.problem->seq, 2001u);  // the batch that holds 2100
  EXPECT_NE(rep.problem->what.find("Merkle root"), std::string::npos) << rep.problem->what;
}

TEST_F(MessageLogTest, DeletedLineIsAGap) {
  write_2500();
  auto seg = list_segments(log_dir())[0];
  auto lines = read_lines(seg);
  lines.erase(lines.begin() + 499);  // record 500
  write_lines(seg, lines);
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_FALSE(rep.ok());
  EXPECT_EQ(rep.problem->seq, 500u);
  EXPECT_EQ(rep.problem->line, 500u);
  EXPECT_NE(rep.problem->what.find("gap"), std::string::npos) << rep.problem->what;
}

TEST_F(MessageLogTest, DeletedSegmentIsAGap) {
  write_2500();
  fs::remove(list_segments(log_dir())[1]);
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_FALSE(rep.ok());
  EXPECT_EQ(rep.problem->seq, 1001u);
  EXPECT_EQ(rep.problem->segment, "segment-00000003.log");
}

TEST_F(MessageLogTest, TamperedProofOrWrongKeyFails) {
  write_2500();
  auto p = prove(log_dir(), 1500);
  ASSERT_TRUE(p);
  ASSERT_TRUE(verify_proof(*p, pk(key_)).ok);

  auto edited = *p;
  edited.record.status = 404;
  EXPECT_FALSE(verify_proof(edited, pk(key_)).ok);

  auto rehashed = edited;  // the record's hash recomputed: the path no longer reaches the root
  merkle::Hash prev;
  ASSERT_TRUE(merkle::from_hex(rehashed.prev_hash, prev));
  rehashed.hash = merkle::to_hex(record_hash(prev, rehashed.record));
  auto c = verify_proof(rehashed, pk(key_));
  EXPECT_FALSE(c.ok);
  EXPECT_NE(c.problem.find("root"), std::string::npos) << c.problem;

  auto moved = *p;  // a sibling flipped to the other side
  ASSERT_FALSE(moved.path.empty());
  moved.path[0].sibling_on_left = !moved.path[0].sibling_on_left;
  EXPECT_FALSE(verify_proof(moved, pk(key_)).ok);

  auto other = crypto::generate_signing_key();
  EXPECT_FALSE(verify_proof(*p, pk(other)).ok);
  auto renamed = *p;  // naming the other key does not help: the signature is still the gateway's
  renamed.key_id = key_id(pk(other));
  EXPECT_FALSE(verify_proof(renamed, pk(other)).ok);
  EXPECT_FALSE(verify_log(log_dir(), pk(other)).ok());

  EXPECT_FALSE(proof_from_json("{\"record\":1}"));
  EXPECT_FALSE(proof_from_json("not json"));
}

TEST_F(MessageLogTest, ConcurrentAppendsKeepOneChain) {
  MessageLogOptions o;
  o.batch_size = 100;
  auto log = MessageLog::open(log_dir(), key_, o);
  ASSERT_TRUE(log);
  constexpr int kThreads = 4, kEach = 2000;
  std::vector<std::vector<std::uint64_t>> seqs(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        auto r = sample(static_cast<std::uint64_t>(t * kEach + i));
        r.request_id = "t" + std::to_string(t) + "-" + std::to_string(i);
        std::uint64_t seq = 0;
        if (log->append(r, &seq) != LogStatus::ok) return;
        seqs[t].push_back(seq);
        if (t == 0 && i % 700 == 0) (void)log->rotate();  // rotation while others append
      }
    });
  for (auto& th : threads) th.join();
  ASSERT_EQ(log->close(), LogStatus::ok);
  std::set<std::uint64_t> all;
  for (const auto& v : seqs) {
    EXPECT_EQ(v.size(), static_cast<std::size_t>(kEach));
    all.insert(v.begin(), v.end());
  }
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kThreads * kEach));
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_TRUE(rep.ok()) << rep.problem->what;
  EXPECT_EQ(rep.records, static_cast<std::uint64_t>(kThreads * kEach));
  std::set<std::string> ids;  // every record is in the files once
  for (const auto& seg : list_segments(log_dir()))
    for (const auto& l : read_lines(seg)) {
      auto v = boost::json::parse(l).as_object();
      if (!v.contains("batch")) ids.insert(std::string(v.at("request_id").as_string()));
    }
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kThreads * kEach));
}

TEST_F(MessageLogTest, ReopenContinuesTheChainAndSignsAnOrphanTail) {
  write_2500();
  // Simulate a crash after records were written but before their batch line: drop the last line.
  auto last = list_segments(log_dir()).back();
  auto lines = read_lines(last);
  ASSERT_NE(lines.back().find("\"batch\""), std::string::npos);
  lines.pop_back();
  write_lines(last, lines);
  // The mark is written only once a batch is on disk: after this crash it still names batch 2.
  fs::copy_file(dir_.path() / "head-at-2000.json", head_file(), fs::copy_options::overwrite_existing);
  EXPECT_FALSE(verify_log(log_dir(), pk(key_)).ok());
  EXPECT_TRUE(verify_log(log_dir(), pk(key_), /*allow_open_batch=*/true).ok());

  MessageLogOptions o;
  o.max_batch_age = std::chrono::milliseconds(0);
  auto log = MessageLog::open(log_dir(), key_, o);
  ASSERT_TRUE(log);
  EXPECT_EQ(log->last_seq(), 2500u);
  EXPECT_EQ(log->current_segment().filename(), "segment-00000004.log");
  std::uint64_t seq = 0;
  ASSERT_EQ(log->append(sample(2501), &seq), LogStatus::ok);
  EXPECT_EQ(seq, 2501u);
  ASSERT_EQ(log->close(), LogStatus::ok);
  EXPECT_EQ(log->append(sample(2502)), LogStatus::closed);
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_TRUE(rep.ok()) << rep.problem->what;
  EXPECT_EQ(rep.records, 2501u);
  auto p = prove(log_dir(), 2501);
  ASSERT_TRUE(p);
  EXPECT_TRUE(verify_proof(*p, pk(key_)).ok);
}

TEST_F(MessageLogTest, ReopenCutsALineTornByACrash) {
  MessageLogOptions o;
  o.batch_size = 4;
  {
    auto log = MessageLog::open(log_dir(), key_, o);
    for (std::uint64_t i = 1; i <= 10; ++i) ASSERT_EQ(log->append(sample(i)), LogStatus::ok);
    ASSERT_EQ(log->close(), LogStatus::ok);
  }
  auto seg = list_segments(log_dir()).back();
  { std::ofstream(seg, std::ios::app) << "{\"seq\":11,\"time_us\":17950"; }
  EXPECT_FALSE(verify_log(log_dir(), pk(key_)).ok());
  auto log = MessageLog::open(log_dir(), key_, o);
  ASSERT_TRUE(log);
  EXPECT_EQ(log->last_seq(), 10u);
  std::uint64_t seq = 0;
  ASSERT_EQ(log->append(sample(11), &seq), LogStatus::ok);
  EXPECT_EQ(seq, 11u);
  ASSERT_EQ(log->close(), LogStatus::ok);
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_TRUE(rep.ok()) << rep.problem->what;
  EXPECT_EQ(rep.records, 11u);
}

TEST_F(MessageLogTest, OldBatchIsClosedByTime) {
  MessageLogOptions o;
  o.batch_size = 1000;
  o.max_batch_age = std::chrono::milliseconds(20);
  auto log = MessageLog::open(log_dir(), key_, o);
  ASSERT_EQ(log->append(sample(1)), LogStatus::ok);
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  ASSERT_EQ(log->append(sample(2)), LogStatus::ok);  // closes the batch of record 1 first
  ASSERT_EQ(log->close(), LogStatus::ok);
  auto rep = verify_log(log_dir(), pk(key_));
  ASSERT_TRUE(rep.ok());
  EXPECT_EQ(rep.batches, 2u);
}

TEST_F(MessageLogTest, LiveVerifyIgnoresTheLineBeingWritten) {
  MessageLogOptions o;
  o.batch_size = 4;
  o.fsync_on_flush = false;
  {
    auto log = MessageLog::open(log_dir(), key_, o);
    for (std::uint64_t i = 1; i <= 10; ++i) ASSERT_EQ(log->append(sample(i)), LogStatus::ok);
    ASSERT_EQ(log->close(), LogStatus::ok);
  }
  // The stdio buffer of a running gateway reaches the file in pieces that need not end a line.
  auto seg = list_segments(log_dir()).back();
  { std::ofstream(seg, std::ios::app) << "{\"seq\":11,\"time_us\":17950"; }
  EXPECT_FALSE(verify_log(log_dir(), pk(key_)).ok());
  auto rep = verify_log(log_dir(), pk(key_), /*allow_open_batch=*/true);
  ASSERT_TRUE(rep.ok()) << rep.problem->what;
  EXPECT_EQ(rep.records, 10u);
  // A complete but unreadable line is still a problem, live or not.
  { std::ofstream(seg, std::ios::app) << "\n"; }
  EXPECT_FALSE(verify_log(log_dir(), pk(key_), true).ok());
}

// ---------------------------------------------------------------------------------------------
// High-water mark: the newest batches cannot be cut off unnoticed.

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

TEST(MessageLogFormat, Sha256IsSha256) {
  crypto::init();
  EXPECT_EQ(merkle::to_hex(merkle::sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(merkle::to_hex(merkle::sha256("a", "bc")), crypto::sha256_hex("abc"));
  std::string big(100'000, 'x');
  EXPECT_EQ(merkle::to_hex(merkle::sha256(big)), crypto::sha256_hex(big));
}

TEST(MessageLogFormat, CanonicalFormEscapesAndReplacesInvalidUtf8) {
  ExchangeRecord r;
  r.seq = 7;
  r.path = std::string("/a\"b\\c\n\xff/\xc3\xa9");
  auto c = canonical(r);
  EXPECT_NE(c.find(R"("path":"/a\"b\\c\u000a)" "\xEF\xBF\xBD" "/\xc3\xa9\""), std::string::npos) << c;
  EXPECT_TRUE(c.starts_with("{\"seq\":7,\"time_us\":0,\"request_id\":\"\""));
  EXPECT_TRUE(c.ends_with("\"bodies_stored\":false}"));
}

}  // namespace
}  // namespace simpul::gateway
