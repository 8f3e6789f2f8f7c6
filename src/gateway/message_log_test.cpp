// Message log: chain, batches, rotation, proofs, tamper detection, concurrency, reopening after a
// crash, and the canonical form (docs/gateway.md).
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
  EXPECT_NE(c.find(R"("path":"/a\"b\\c\u000a)"
                   "\xEF\xBF\xBD"
                   "/\xc3\xa9\""),
            std::string::npos)
      << c;
  EXPECT_TRUE(c.starts_with("{\"seq\":7,\"time_us\":0,\"request_id\":\"\""));
  EXPECT_TRUE(c.ends_with("\"bodies_stored\":false}"));
}

}  // namespace
}  // namespace simpul::gateway
