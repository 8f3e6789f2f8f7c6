#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "storage/migrations.hpp"
#include "storage/postgres.hpp"
#include "storage/storage_error.hpp"
#include "storage/unit_of_work.hpp"
#include "testing/test_database.hpp"

using namespace simpul;
using namespace simpul::storage;

class StorageTest : public test_support::DatabaseTest {};

namespace {
std::vector<Migration> sample_migrations() {
  return {{1, "things",
           "CREATE TABLE things (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, n BIGINT, score DOUBLE PRECISION)"},
          {2, "things_index", "CREATE INDEX things_n ON things (n)"}};
}
}  // namespace

TEST_P(StorageTest, MigrationsApplyOnceAndRecordVersion) {
  test_support::TestDatabase t(GetParam());
  auto first = migrate(t.db(), sample_migrations());
  EXPECT_EQ(first.applied, (std::vector<int>{1, 2}));
  EXPECT_EQ(first.current_version, 2);
  auto second = migrate(t.db(), sample_migrations());
  EXPECT_TRUE(second.applied.empty());
  EXPECT_EQ(second.current_version, 2);
}

TEST_P(StorageTest, TypedBindingRoundTripsAndSqlTextStaysData) {
  test_support::TestDatabase t(GetParam());
  migrate(t.db(), sample_migrations());
  auto c = t.db().acquire();
  std::string hostile = "x'); DROP TABLE things; --";
  c->execute("INSERT INTO things (id, name, n, score) VALUES (?, ?, ?, ?)", {"a", hostile, 42, 2.5});
  c->execute("INSERT INTO things (id, name, n, score) VALUES (?, ?, ?, ?)", {"b", "Dinas Kesehatan", nullptr, nullptr});
  auto rows = c->query("SELECT id, name, n, score FROM things ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text_at(1), hostile);
  EXPECT_EQ(rows[0].int_at(2), 42);
  EXPECT_DOUBLE_EQ(rows[0][3].as_double(), 2.5);
  EXPECT_TRUE(rows[1][2].is_null());
}

TEST_P(StorageTest, EachGivesTheRowsTheQueryGivesOneAtATime) {
  test_support::TestDatabase t(GetParam());
  migrate(t.db(), sample_migrations());
  auto c = t.db().acquire();
  // Texts of different lengths one after the other: the reused row must not keep a longer tail.
  c->execute("INSERT INTO things (id, name, n, score) VALUES (?, ?, ?, ?)",
             {"a", "Dinas Komunikasi dan Informatika", 1, 0.5});
  c->execute("INSERT INTO things (id, name, n, score) VALUES (?, ?, ?, ?)", {"b", "Bappeda", nullptr, nullptr});
  c->execute("INSERT INTO things (id, name, n, score) VALUES (?, ?, ?, ?)", {"c", "Inspektorat Daerah", 3, 1.5});
  std::string sql = "SELECT id, name, n, score FROM things WHERE id <> ? ORDER BY id";
  auto rows = c->query(sql, {"z"});
  std::vector<std::string> seen;
  c->each(sql, {"z"}, [&](const Row& r) {
    const auto& want = rows.at(seen.size());
    EXPECT_EQ(r.text_at(1), want.text_at(1));
    EXPECT_EQ(r[2].is_null(), want[2].is_null());
    EXPECT_EQ(r.int_at(2), want.int_at(2));
    EXPECT_DOUBLE_EQ(r[3].as_double(), want[3].as_double());
    // Another statement may run on the connection while the rows are read.
    EXPECT_EQ(c->query("SELECT name FROM things WHERE id = ?", {r.text_at(0)}).at(0).text_at(0), r.text_at(1));
    seen.push_back(r.text_at(0));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b", "c"}));
  // A reader that stops with an exception leaves the statement ready to run again.
  EXPECT_THROW(c->each(sql, {"z"}, [](const Row&) { throw std::runtime_error("stop"); }), std::runtime_error);
  EXPECT_EQ(c->query(sql, {"a"}).size(), 2u);
}

TEST_P(StorageTest, UniqueViolationIsClassified) {
  test_support::TestDatabase t(GetParam());
  migrate(t.db(), sample_migrations());
  auto c = t.db().acquire();
  c->execute("INSERT INTO things (id, name) VALUES (?, ?)", {"a", "same"});
  try {
    c->execute("INSERT INTO things (id, name) VALUES (?, ?)", {"b", "same"});
    FAIL() << "expected a unique violation";
  } catch (const StorageError& e) {
    EXPECT_EQ(e.kind(), StorageError::Kind::UniqueViolation);
  }
}

TEST_P(StorageTest, TransactionRollsBackUnlessCommitted) {
  test_support::TestDatabase t(GetParam());
  migrate(t.db(), sample_migrations());
  auto c = t.db().acquire();
  {
    Transaction tx(*c, Transaction::Write);
    c->execute("INSERT INTO things (id, name) VALUES (?, ?)", {"a", "lost"});
  }
  {
    Transaction tx(*c, Transaction::Write);
    c->execute("INSERT INTO things (id, name) VALUES (?, ?)", {"b", "kept"});
    tx.commit();
  }
  auto rows = c->query("SELECT name FROM things");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text_at(0), "kept");
}

TEST_P(StorageTest, AfterCommitWorkRunsOnlyForCommittedTransactions) {
  test_support::TestDatabase t(GetParam());
  migrate(t.db(), sample_migrations());
  auto c = t.db().acquire();
  std::vector<std::string> ran;
  {
    Transaction tx(*c, Transaction::Write);
    c->execute("INSERT INTO things (id, name) VALUES (?, ?)", {"a", "lost"});
    c->after_commit([&] { ran.push_back("rolled back"); });
  }
  {
    Transaction tx(*c, Transaction::Write);
    c->execute("INSERT INTO things (id, name) VALUES (?, ?)", {"b", "kept"});
    c->after_commit([&] { ran.push_back("first"); });
    c->after_commit([&] { throw std::runtime_error("a failing hook does not undo the commit"); });
    c->after_commit([&] { ran.push_back("second"); });
    EXPECT_TRUE(ran.empty());  // not before the commit
    tx.commit();
  }
  EXPECT_EQ(ran, (std::vector<std::string>{"first", "second"}));
  {
    Transaction tx(*c, Transaction::Write);
    tx.commit();
  }
  EXPECT_EQ(ran.size(), 2u);  // hooks run once
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM things")[0].int_at(0), 1);
}

TEST_P(StorageTest, PoolServesConcurrentWriters) {
  test_support::TestDatabase t(GetParam());
  migrate(t.db(), sample_migrations());
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w)
    threads.emplace_back([&, w] {
      for (int i = 0; i < 25; ++i) {
        auto c = t.db().acquire();
        Transaction tx(*c, Transaction::Write);
        c->execute("INSERT INTO things (id, name, n) VALUES (?, ?, ?)",
                   {std::to_string(w) + "-" + std::to_string(i), "n" + std::to_string(w * 100 + i), i});
        tx.commit();
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(t.db().acquire()->query("SELECT COUNT(*) FROM things")[0].int_at(0), 100);
  EXPECT_LE(t.db().stats().size, 4u);
}

INSTANTIATE_TEST_SUITE_P(Databases, StorageTest, ::testing::ValuesIn(simpul::test_support::backends()));

// try_acquire never waits and is not a wait in the pool's figures (simpul_db_pool_waits_total):
// the SQLite checkpoint uses it and leaves its work for later when every connection is lent.
TEST(Sqlite, TryAcquireNeitherWaitsNorCountsAsAWait) {
  test_support::TempDir dir;
  auto db = Database::open("sqlite:" + (dir.path() / "try.db").string(), 1);
  {
    auto held = db->acquire();
    EXPECT_FALSE(db->try_acquire().has_value());
    EXPECT_EQ(db->stats().waits, 0u);
  }
  auto again = db->try_acquire();
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ((*again)->query("SELECT 1")[0].int_at(0), 1);
}

// SQLite runs one write at a time. Each write reads the largest number written so far and writes
// the next: the numbers come out 1..100 without a gap or a repeat only if every write, whichever
// connection it runs on (the writing connection of write_transaction, or a pooled one), sees every
// write committed before it (a stale page cache would repeat a number: refused as a duplicate).
TEST(Sqlite, WritesFromManyThreadsSeeEveryEarlierWriteWhicheverConnectionTheyUse) {
  test_support::TestDatabase t("sqlite");
  migrate(t.db(), sample_migrations());
  std::atomic<int> refused = 0;
  auto write_next = [](Connection& c) {
    auto n = c.query("SELECT COALESCE(MAX(n), 0) + 1 FROM things")[0].int_at(0);
    c.execute("INSERT INTO things (id, name, n) VALUES (?, ?, ?)", {std::to_string(n), "n" + std::to_string(n), n});
  };
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w)
    threads.emplace_back([&, w] {
      for (int i = 0; i < 25; ++i) {
        try {
          if (w % 2 == 0) {
            write_transaction(t.db(), write_next);
          } else {
            auto c = t.db().acquire();
            Transaction tx(*c, Transaction::Write);
            write_next(*c);
            tx.commit();
          }
        } catch (const StorageError&) {
          ++refused;
        }
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(refused, 0);
  auto r = t.db().acquire()->query("SELECT COUNT(*), COUNT(DISTINCT n), MIN(n), MAX(n) FROM things")[0];
  EXPECT_EQ(r.int_at(0), 100);
  EXPECT_EQ(r.int_at(1), 100);
  EXPECT_EQ(r.int_at(2), 1);
  EXPECT_EQ(r.int_at(3), 100);
}

// On SQLite every write_transaction of a process runs on one connection (whose page cache then
// stays valid between writes, database.hpp): a TEMP table, which only its own connection sees,
// made in one write is there in the next, whatever other threads borrowed in between.
TEST(Sqlite, EveryWriteTransactionRunsOnTheOneWritingConnection) {
  test_support::TempDir dir;
  auto db = Database::open("sqlite:" + (dir.path() / "writer.db").string(), 4);
  write_transaction(*db, [](Connection& c) { c.execute_script("CREATE TEMP TABLE marker (v INTEGER)"); });
  std::vector<PooledConnection> held;  // pooled connections lent meanwhile
  for (int i = 0; i < 3; ++i) held.push_back(db->acquire());
  EXPECT_NO_THROW(write_transaction(*db, [](Connection& c) { c.execute("INSERT INTO marker (v) VALUES (1)"); }));
  for (auto& c : held) EXPECT_THROW(c->query("SELECT v FROM marker"), StorageError);
}

// The WAL is checkpointed after commits (off the writing connection, src/storage/sqlite.cpp), so it
// does not grow without bound under a steady stream of writes: its frames stay near SQLite's usual
// threshold of 1,000 pages, and the database file holds the rows.
TEST(Sqlite, TheWriteAheadLogIsCheckpointedAsWritesGoOn) {
  // Writes through the writing connection (write_transaction), then through pooled connections.
  for (bool through_writer : {true, false}) {
    SCOPED_TRACE(through_writer ? "write_transaction" : "a pooled connection");
    test_support::TempDir dir;
    auto db = Database::open("sqlite:" + (dir.path() / "wal.db").string(), 2);
    migrate(*db, sample_migrations());
    const std::string filler(3000, 'x');  // about one page per row
    for (int i = 0; i < 3000; ++i) {
      auto insert = [&](Connection& c) {
        c.execute("INSERT INTO things (id, name, n) VALUES (?, ?, ?)",
                  {std::to_string(i), filler + std::to_string(i), i});
      };
      if (through_writer) {
        write_transaction(*db, insert);
      } else {
        auto c = db->acquire();
        Transaction tx(*c, Transaction::Write);
        insert(*c);
        tx.commit();
      }
    }
    // PASSIVE reports the frames in the WAL now: without checkpoints they would be all of the
    // writes' pages (over 3,000), with them at most about the threshold's worth.
    auto frames = db->acquire()->query("PRAGMA wal_checkpoint(PASSIVE)")[0].int_at(1);
    EXPECT_LT(frames, 2000);
    EXPECT_EQ(db->acquire()->query("SELECT COUNT(*) FROM things")[0].int_at(0), 3000);
  }
}

TEST(Sqlite, AStatementRunAgainWhileEachReadsItsRowsIsRefused) {
  auto db = Database::open("sqlite::memory:", 1);
  auto c = db->acquire();
  c->execute_script("CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (1), (2);");
  // Rebinding the cached statement mid-read would end the outer read early without a word.
  EXPECT_THROW(c->each("SELECT v FROM n", {}, [&](const Row&) { c->query("SELECT v FROM n"); }), StorageError);
  EXPECT_EQ(c->query("SELECT v FROM n").size(), 2u);
}

TEST(Postgres, PlaceholdersAreRewrittenOutsideQuotes) {
  EXPECT_EQ(to_postgres_placeholders("SELECT '?' , x FROM t WHERE a = ? AND b = ?"),
            "SELECT '?' , x FROM t WHERE a = $1 AND b = $2");
}

TEST(Database, RedactsPasswordsInUrls) {
  EXPECT_EQ(redact_url("postgresql://simpul:s3cret@127.0.0.1:5432/simpul"),
            "postgresql://simpul:***@127.0.0.1:5432/simpul");
  EXPECT_THROW(Database::open("mysql://x"), std::invalid_argument);
}
