#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <thread>

#include <boost/json/serialize.hpp>

#include "core/error.hpp"
#include "ledger/ledger.hpp"
#include "storage/unit_of_work.hpp"
#include "testing/test_database.hpp"

using namespace simpul;
using namespace simpul::ledger;

class LedgerTest : public test_support::DatabaseTest {
 protected:
  void fill(storage::Database& db, const Ledger& l, int n) {
    for (int i = 1; i <= n; ++i)
      storage::write_transaction(db, [&](storage::Connection& c) {
        l.append(c, {i % 2 ? "tenant-a" : "tenant-b", "u1", "Budi", "agency.update", "agency",
                     "obj" + std::to_string(i), boost::json::object{{"n", i}}});
      });
  }
  VerifyResult verify(storage::Database& db, const Ledger& l) {
    auto c = db.acquire();
    storage::Transaction tx(*c, storage::Transaction::Read);
    return l.verify(*c);
  }
  void sql(storage::Database& db, const std::string& statement, const storage::Params& p = {}) {
    storage::write_transaction(db, [&](storage::Connection& c) { c.execute(statement, p); });
  }
  // An attacker who knows the algorithm: rewrites entry `edited`, recomputes its hash and every later
  // hash and link up to `last`, and moves the head, so the chain alone looks consistent.
  void rewrite_and_rehash(storage::Database& db, std::int64_t edited, std::int64_t last) {
    storage::write_transaction(db, [&](storage::Connection& c) {
      std::string prev = c.query("SELECT hash FROM ledger_entries WHERE seq = ?", {edited - 1})[0].text_at(0);
      for (auto seq = edited; seq <= last; ++seq) {
        auto e = c.query(
            "SELECT at, tenant_id, actor_id, actor_name, action, object_type, object_id, details "
            "FROM ledger_entries WHERE seq = ?",
            {seq})[0];
        std::string details = seq == edited ? "{\"n\":-1}" : e.text_at(7);
        std::string digest = crypto::sha256_hex(details);
        boost::json::array fields{e.text_at(0), e.text_at(1), e.text_at(2), e.text_at(3), e.text_at(4),
                                  e.text_at(5), e.text_at(6), digest,       prev};
        std::string hash = crypto::sha256_hex(boost::json::serialize(fields));
        c.execute("UPDATE ledger_entries SET details = ?, digest = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                  {details, digest, prev, hash, seq});
        prev = hash;
      }
      if (c.query("SELECT seq FROM ledger_head WHERE id = 1")[0].int_at(0) == last)
        c.execute("UPDATE ledger_head SET hash = ? WHERE id = 1", {prev});
    });
  }
  Ledger make(test_support::TestDatabase& t) {
    crypto::init();
    storage::migrate(t.db(), Ledger::migrations());
    return Ledger(load_or_create_key(t.dir() / "keys" / "ledger.key"), 100);
  }
  std::filesystem::path mark_path(test_support::TestDatabase& t) { return t.dir() / "keys" / "ledger-mark.json"; }
  /// The ledger as the platform runs it: with a high-water mark file beside the key.
  Ledger make_with_mark(test_support::TestDatabase& t) {
    crypto::init();
    storage::migrate(t.db(), Ledger::migrations());
    return Ledger(load_or_create_key(t.dir() / "keys" / "ledger.key"), 100, mark_path(t));
  }
  struct HeadRow {
    std::int64_t seq;
    std::string hash, signature;
  };
  HeadRow head(storage::Database& db) {
    auto c = db.acquire();
    auto r = c->query("SELECT seq, hash, signature FROM ledger_head WHERE id = 1")[0];
    return {r.int_at(0), r.text_at(1), r.text_at(2)};
  }
  /// What someone with write access to the database only can do: cut every entry after `keep`
  /// (and the checkpoints signing them) and put back a head row they saw earlier.
  void cut_back(storage::Database& db, std::int64_t keep, const HeadRow& old_head) {
    sql(db, "DELETE FROM ledger_entries WHERE seq > ?", {keep});
    sql(db, "DELETE FROM ledger_checkpoints WHERE seq > ?", {keep});
    sql(db, "UPDATE ledger_head SET seq = ?, hash = ?, signature = ? WHERE id = 1",
        {old_head.seq, old_head.hash, old_head.signature});
  }
};

TEST_P(LedgerTest, ATailCutAfterTheLastCheckpointWithTheHeadRewoundIsFound) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 130);
  auto hash_110 = [&] {
    auto c = t.db().acquire();
    return c->query("SELECT hash FROM ledger_entries WHERE seq = 110")[0].text_at(0);
  }();
  sql(t.db(), "DELETE FROM ledger_entries WHERE seq > 110");
  sql(t.db(), "UPDATE ledger_head SET seq = 110, hash = ? WHERE id = 1", {hash_110});
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->kind, "edited");
  EXPECT_EQ(r.first_problem->seq, 110);
  EXPECT_NE(r.first_problem->message.find("after checkpoint 100"), std::string::npos) << r.first_problem->message;
}

TEST_P(LedgerTest, ATailRewrittenAfterTheLastCheckpointWithHashesRecomputedIsFound) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 130);
  rewrite_and_rehash(t.db(), 115, 130);  // no checkpoint covers 115..130; the head moves with the rehash
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->kind, "edited");
  EXPECT_EQ(r.first_problem->seq, 130);
}

TEST_P(LedgerTest, ALedgerCutBackWithItsCheckpointsAndAnOldSignedHeadIsFoundByTheHighWaterMark) {
  test_support::TestDatabase t(GetParam());
  auto l = make_with_mark(t);
  fill(t.db(), l, 150);
  auto old_head = head(t.db());  // an attacker who reads the database keeps a validly signed head
  fill(t.db(), l, 100);
  cut_back(t.db(), 150, old_head);
  // Without the mark this state is indistinguishable from a ledger that stopped at 150 ...
  auto without_mark = make(t);
  EXPECT_TRUE(verify(t.db(), without_mark).ok);
  // ... with it, the cut is found and said precisely.
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->kind, "deleted");
  EXPECT_EQ(r.first_problem->seq, 151);
  EXPECT_NE(r.first_problem->message.find("records entry 250"), std::string::npos) << r.first_problem->message;
  ASSERT_TRUE(r.high_water_mark);
  EXPECT_EQ(r.high_water_mark->seq, 250);
}

TEST_P(LedgerTest, TheHighWaterMarkFollowsCommitsOnlyAndIsPrivate) {
  test_support::TestDatabase t(GetParam());
  auto l = make_with_mark(t);
  fill(t.db(), l, 3);
  EXPECT_EQ(l.read_mark()->seq, 3);
  try {
    storage::write_transaction(t.db(), [&](storage::Connection& c) {
      l.append(c, {"tenant-a", "u1", "Budi", "agency.update", "agency", "x", nullptr});
      throw std::runtime_error("rolled back");
    });
  } catch (const std::runtime_error&) {}
  EXPECT_EQ(l.read_mark()->seq, 3);  // a rolled-back append never reaches the mark
  // Two entries in one transaction (right after the rolled-back one, on the same thread): the mark
  // is written once, at the later entry.
  storage::write_transaction(t.db(), [&](storage::Connection& c) {
    l.append(c, {"tenant-a", "u1", "Budi", "agency.update", "agency", "x", nullptr});
    l.append(c, {"tenant-a", "u1", "Budi", "agency.update", "agency", "y", nullptr});
  });
  EXPECT_EQ(l.read_mark()->seq, 5);
  struct stat st {};
  ASSERT_EQ(::stat(mark_path(t).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto r = verify(t.db(), l);
  EXPECT_TRUE(r.ok) << (r.first_problem ? r.first_problem->message : "");
  EXPECT_TRUE(r.warnings.empty());
}

TEST_P(LedgerTest, AForgedOrMissingHighWaterMarkIsReported) {
  test_support::TestDatabase t(GetParam());
  auto l = make_with_mark(t);
  fill(t.db(), l, 5);
  std::filesystem::remove(mark_path(t));
  auto missing = verify(t.db(), l);
  EXPECT_TRUE(missing.ok);                 // a restored database without its mark is not proof of tampering ...
  ASSERT_EQ(missing.warnings.size(), 1u);  // ... but the weaker guarantee is said
  { std::ofstream(mark_path(t)) << R"({"seq":900,"hash":"00","at":"2026-01-01T00:00:00Z","signature":"ab"})"; }
  auto forged = verify(t.db(), l);
  ASSERT_FALSE(forged.ok);
  EXPECT_EQ(forged.first_problem->kind, "bad_signature");
}

TEST_P(LedgerTest, AHeadFromBeforeSignedHeadsPassesOnlyWhereACheckpointSignsIt) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 100);  // checkpoint 100 signs the head
  sql(t.db(), "UPDATE ledger_head SET signature = '' WHERE id = 1");
  EXPECT_TRUE(verify(t.db(), l).ok);
  fill(t.db(), l, 5);
  sql(t.db(), "UPDATE ledger_head SET signature = '' WHERE id = 1");
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->seq, 105);
}

TEST_P(LedgerTest, UntouchedChainVerifiesWithItsCheckpoints) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 250);
  auto r = verify(t.db(), l);
  EXPECT_TRUE(r.ok) << (r.first_problem ? r.first_problem->message : "");
  EXPECT_EQ(r.entries_checked, 250);
  EXPECT_EQ(r.checkpoints_checked, 2);
}

TEST_P(LedgerTest, AnEditedEntryIsFoundAtItsSeq) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 30);
  sql(t.db(), "UPDATE ledger_entries SET details = ? WHERE seq = 17", {"{\"n\":999}"});
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->seq, 17);
  EXPECT_EQ(r.first_problem->kind, "edited");
}

TEST_P(LedgerTest, AnEditRehashedBySomeoneWhoKnowsTheAlgorithmIsCaughtByTheSignedCheckpoint) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 120);
  // Entry 40 is rewritten and everything after it rehashed: the chain is consistent again, but
  // checkpoint 100 signed the old hash of entry 100.
  rewrite_and_rehash(t.db(), 40, 120);
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->kind, "edited");
  EXPECT_EQ(r.first_problem->seq, 100);  // the first checkpoint covering the rewritten entry, not 40
}

TEST_P(LedgerTest, DeletingTheCheckpointThatWouldExposeARehashIsItselfFound) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 120);
  rewrite_and_rehash(t.db(), 40, 120);
  sql(t.db(), "DELETE FROM ledger_checkpoints WHERE seq = 100");
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->kind, "deleted");
  EXPECT_EQ(r.first_problem->seq, 100);
}

TEST_P(LedgerTest, ARewrittenEntryWithARecomputedHashIsFoundThroughTheNextLink) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 30);
  rewrite_and_rehash(t.db(), 17, 17);  // entry 18 still links to the old hash of 17
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->kind, "edited");
  EXPECT_EQ(r.first_problem->seq, 17);
}

TEST_P(LedgerTest, AnEditBeyondTheFirstPageOfTheWalkIsFound) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  storage::write_transaction(t.db(), [&](storage::Connection& c) {
    for (int i = 1; i <= 1100; ++i)
      l.append(c, {"tenant-a", "u1", "Budi", "agency.update", "agency", "x", boost::json::object{{"n", i}}});
  });
  EXPECT_TRUE(verify(t.db(), l).ok);
  sql(t.db(), "UPDATE ledger_entries SET actor_name = 'Someone else' WHERE seq = 1050");
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.entries_checked, 1100);
  EXPECT_EQ(r.checkpoints_checked, 11);
  EXPECT_EQ(r.first_problem->kind, "edited");
  EXPECT_EQ(r.first_problem->seq, 1050);
}

TEST_P(LedgerTest, DeletedEntriesAreFoundInTheMiddleAndAtTheEnd) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 30);
  sql(t.db(), "DELETE FROM ledger_entries WHERE seq = 30");
  auto tail = verify(t.db(), l);
  ASSERT_FALSE(tail.ok);
  EXPECT_EQ(tail.first_problem->kind, "deleted");
  EXPECT_EQ(tail.first_problem->seq, 30);
  sql(t.db(), "DELETE FROM ledger_entries WHERE seq = 12");
  auto middle = verify(t.db(), l);
  EXPECT_EQ(middle.first_problem->kind, "deleted");
  EXPECT_EQ(middle.first_problem->seq, 12);
}

TEST_P(LedgerTest, DeletingTheFirstEntryIsFound) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 10);
  sql(t.db(), "DELETE FROM ledger_entries WHERE seq = 1");
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->kind, "deleted");
  EXPECT_EQ(r.first_problem->seq, 1);
  // Renumbering the rest to close the gap does not hide it: entry 1 now links to a missing entry.
  // (Through negative numbers, so no statement collides with the primary key midway.)
  sql(t.db(), "UPDATE ledger_entries SET seq = 1 - seq");
  sql(t.db(), "UPDATE ledger_entries SET seq = -seq");
  sql(t.db(), "UPDATE ledger_head SET seq = 9 WHERE id = 1");
  auto renumbered = verify(t.db(), l);
  ASSERT_FALSE(renumbered.ok);
  EXPECT_EQ(renumbered.first_problem->kind, "deleted");
  EXPECT_EQ(renumbered.first_problem->seq, 1);
}

TEST_P(LedgerTest, SwappedEntriesAreReportedAsReordered) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 20);
  sql(t.db(), "UPDATE ledger_entries SET seq = -1 WHERE seq = 8");
  sql(t.db(), "UPDATE ledger_entries SET seq = 8 WHERE seq = 9");
  sql(t.db(), "UPDATE ledger_entries SET seq = 9 WHERE seq = -1");
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->kind, "reordered");
  EXPECT_EQ(r.first_problem->seq, 8);
}

TEST_P(LedgerTest, AForgedCheckpointSignatureIsFound) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 100);
  sql(t.db(), "UPDATE ledger_checkpoints SET signature = ? WHERE seq = 100", {std::string(128, 'a')});
  auto r = verify(t.db(), l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->kind, "bad_signature");
  EXPECT_EQ(r.first_problem->seq, 100);
}

TEST_P(LedgerTest, ACheckpointResignedWithAnotherKeyIsFound) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 100);
  // A valid signature, but by the attacker's key, stored beside it.
  Ledger forger(crypto::generate_signing_key(), 0);
  auto c = t.db().acquire();
  c->execute("DELETE FROM ledger_checkpoints");
  forger.checkpoint(*c);
  auto r = l.verify(*c);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.first_problem->kind, "bad_signature");
  EXPECT_EQ(r.first_problem->seq, 100);
}

TEST_P(LedgerTest, AnExplicitCheckpointSignsTheHeadOnce) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  {
    auto c = t.db().acquire();
    l.checkpoint(*c);  // empty ledger: nothing to sign
    EXPECT_TRUE(c->query("SELECT seq FROM ledger_checkpoints").empty());
  }
  fill(t.db(), l, 7);
  for (int i = 0; i < 2; ++i) storage::write_transaction(t.db(), [&](storage::Connection& c) { l.checkpoint(c); });
  auto c = t.db().acquire();
  auto rows = c->query("SELECT seq, public_key FROM ledger_checkpoints");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].int_at(0), 7);
  EXPECT_EQ(rows[0].text_at(1), l.public_key_hex());
  auto r = l.verify(*c);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.checkpoints_checked, 1);
}

TEST_P(LedgerTest, AnEmptyLedgerVerifies) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  auto r = verify(t.db(), l);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.entries_checked, 0);
}

TEST_P(LedgerTest, ListsNewestFirstPerTenant) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  fill(t.db(), l, 9);
  auto c = t.db().acquire();
  auto page = l.list(*c, "tenant-a", 3, 0);
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].seq, 9);
  EXPECT_EQ(page.items[1].seq, 7);
  for (const auto& e : page.items) EXPECT_EQ(e.tenant_id, "tenant-a");
  auto rest = l.list(*c, "tenant-a", 3, 3);
  ASSERT_EQ(rest.items.size(), 2u);
  EXPECT_EQ(rest.items[0].seq, 3);
  EXPECT_EQ(rest.items[1].seq, 1);
  auto all = l.list(*c, "", 2, 0);
  EXPECT_EQ(all.total, 9);
  ASSERT_EQ(all.items.size(), 2u);
  EXPECT_EQ(all.items[0].seq, 9);
  EXPECT_EQ(all.items[1].tenant_id, "tenant-b");
  EXPECT_EQ(l.list(*c, "tenant-c", 10, 0).total, 0);
}

TEST_P(LedgerTest, ConcurrentWritersProduceOneContiguousChain) {
  test_support::TestDatabase t(GetParam());
  auto l = make(t);
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w) threads.emplace_back([&] { fill(t.db(), l, 25); });
  for (auto& th : threads) th.join();
  auto r = verify(t.db(), l);
  EXPECT_TRUE(r.ok) << (r.first_problem ? r.first_problem->message : "");
  EXPECT_EQ(r.entries_checked, 100);
  EXPECT_EQ(r.checkpoints_checked, 1);
}

INSTANTIATE_TEST_SUITE_P(Databases, LedgerTest, ::testing::ValuesIn(test_support::backends()));

TEST(LedgerKey, IsCreatedPrivateAndReloaded) {
  crypto::init();
  test_support::TempDir dir;
  auto path = dir.path() / "keys" / "ledger.key";
  auto a = load_or_create_key(path);
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto b = load_or_create_key(path);
  EXPECT_EQ(a.public_key, b.public_key);
  EXPECT_EQ(a.secret, b.secret);
  std::ofstream(path) << "not a key";
  try {
    load_or_create_key(path);
    FAIL() << "a corrupted key file was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::LedgerKeyMissing);
  }
}

TEST(LedgerKey, ProcessesStartingTogetherShareOneKey) {
  crypto::init();
  test_support::TempDir dir;
  auto path = dir.path() / "ledger.key";
  std::vector<crypto::SigningKey> keys(4);
  std::vector<std::thread> threads;
  for (auto& k : keys) threads.emplace_back([&k, &path] { k = load_or_create_key(path); });
  for (auto& th : threads) th.join();
  for (const auto& k : keys) EXPECT_EQ(k.public_key, keys[0].public_key);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);  // no temporary files left
}
