// The blob table (storage/blob_store.hpp) moved from the applications migration 600 to the storage
// layer's own migration 90. A fresh database gets it from 90, before any module's table; a database
// made before the move keeps the table 600 made, with its files, and 90 changes nothing there. The
// platform starts on both and keeps files in both. On both databases.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/platform.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "storage/blob_store.hpp"
#include "storage/migrations.hpp"
#include "storage/unit_of_work.hpp"
#include "tenancy/repository.hpp"
#include "tenancy/service.hpp"
#include "testing/test_database.hpp"

using namespace simpul;

namespace {

class BlobMigrationTest : public test_support::DatabaseTest {};

/// The schema as it was before the move: no migration 90, and 600 creating the table itself.
std::vector<storage::Migration> migrations_before_the_move() {
  std::vector<storage::Migration> out;
  for (auto m : app::all_migrations()) {
    if (m.version == 90) continue;
    if (m.version == 600)
      m.sql +=
          ";CREATE TABLE repository_blobs (tenant_id TEXT NOT NULL REFERENCES tenants(id), sha256 TEXT NOT NULL, "
          "size INTEGER NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (tenant_id, sha256))";
    out.push_back(std::move(m));
  }
  return out;
}

std::int64_t blob_count(storage::Database& db) {
  return storage::read(
      db, [](storage::Connection& c) { return c.query("SELECT count(*) FROM repository_blobs").front().int_at(0); });
}

/// A platform on the test's database, as `simpul serve` would start on it.
std::unique_ptr<app::Platform> platform_on(const test_support::TestDatabase& t) {
  log::set_min_level(log::Level::Warn);
  app::Config c;
  c.database_url = t.url();
  c.data_dir = t.dir() / "var";
  c.profiles_dir = std::filesystem::path(SIMPUL_SOURCE_DIR) / "profiles";
  c.access_log = false;
  c.pool_size = 2;
  return std::make_unique<app::Platform>(c);
}

/// Keeps a file for a new tenant through the platform's database and reads it back.
void keeps_a_file(app::Platform& p, const std::string& slug) {
  auto tenant = p.tenancy().create_tenant("balikpapan", slug, {"test", "Penguji", ""});
  const std::string content = "%PDF-1.4 dokumen serah terima";
  const auto sha = crypto::sha256_hex(content);
  storage::write_transaction(p.db(), [&](storage::Connection& c) {
    storage::put_blob(c, tenant.id, sha, static_cast<std::int64_t>(content.size()), crypto::to_base64(content),
                      clock::now_iso());
    storage::put_blob(c, tenant.id, sha, static_cast<std::int64_t>(content.size()), crypto::to_base64(content),
                      clock::now_iso());
  });
  auto text = storage::read(p.db(), [&](storage::Connection& c) { return storage::blob_base64(c, tenant.id, sha); });
  ASSERT_TRUE(text);
  std::string bytes;
  ASSERT_TRUE(crypto::from_base64(*text, bytes));
  EXPECT_EQ(bytes, content);
}

}  // namespace

TEST_P(BlobMigrationTest, AFreshDatabaseGetsTheTableFromTheStorageMigrationFirst) {
  test_support::TestDatabase t(GetParam());
  auto report = storage::migrate(t.db(), app::all_migrations());
  ASSERT_FALSE(report.applied.empty());
  EXPECT_EQ(report.applied.front(), 90);  // the storage layer's table, before any module's
  EXPECT_EQ(blob_count(t.db()), 0);
  auto p = platform_on(t);
  keeps_a_file(*p, "balikpapan");
  EXPECT_EQ(blob_count(t.db()), 1);  // the same content twice is one blob
}

TEST_P(BlobMigrationTest, ADatabaseMadeBeforeTheMoveKeepsItsTableAndItsFiles) {
  test_support::TestDatabase t(GetParam());
  auto old = storage::migrate(t.db(), migrations_before_the_move());
  EXPECT_EQ(std::count(old.applied.begin(), old.applied.end(), 90), 0);
  // A tenant and a file kept the old way, in the table migration 600 made (it references tenants).
  const tenancy::Tenant tenant{crypto::new_id(), "lama", "Kota Balikpapan", "balikpapan", 1, clock::now_iso()};
  storage::write_transaction(t.db(), [&](storage::Connection& c) {
    tenancy::Repository(c).insert_tenant(tenant);
    storage::put_blob(c, tenant.id, "abc", 3, crypto::to_base64("abc"), clock::now_iso());
  });

  auto p = platform_on(t);  // its start applies 90 on top (IF NOT EXISTS: the table stays as it is)
  auto versions = storage::read(t.db(), [](storage::Connection& c) {
    return c.query("SELECT count(*) FROM schema_migrations WHERE version = 90").front().int_at(0);
  });
  EXPECT_EQ(versions, 1);
  EXPECT_TRUE(storage::migrate(t.db(), app::all_migrations()).applied.empty());
  auto text = storage::read(p->db(), [&](storage::Connection& c) { return storage::blob_base64(c, tenant.id, "abc"); });
  EXPECT_EQ(text.value_or(""), crypto::to_base64("abc"));
  keeps_a_file(*p, "baru");
  EXPECT_EQ(blob_count(t.db()), 2);
}

TEST_P(BlobMigrationTest, TheOldMigrationListWithoutTheMoveAppliesNinetyAlone) {
  // Upgrading applies exactly the storage migration and leaves the table the applications made.
  test_support::TestDatabase t(GetParam());
  storage::migrate(t.db(), migrations_before_the_move());
  auto report = storage::migrate(t.db(), app::all_migrations());
  EXPECT_EQ(report.applied, (std::vector<int>{90}));
  EXPECT_EQ(blob_count(t.db()), 0);
}

INSTANTIATE_TEST_SUITE_P(Databases, BlobMigrationTest, ::testing::ValuesIn(test_support::backends()));
