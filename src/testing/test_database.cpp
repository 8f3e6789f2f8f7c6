#include "testing/test_database.hpp"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "core/crypto.hpp"

namespace simpul::test_support {

std::vector<std::string> backends() { return {"sqlite", "postgres"}; }

namespace {

/// Tests whose PostgreSQL half was skipped in this process; said loudly when the process ends, so
/// a plain `ctest` or a test binary run by hand cannot be mistaken for the whole suite.
int& skipped_postgres() {
  static int n = 0;
  return n;
}

void say_postgres_did_not_run() {
  std::fprintf(
      stderr,
      "\n*** WARNING: the PostgreSQL half of %d test(s) did NOT run: SIMPUL_TEST_PG is not set. ***\n"
      "*** scripts/test runs it; by hand: scripts/pg-test-cluster start DIR, then export SIMPUL_TEST_PG=<dsn>. ***\n\n",
      skipped_postgres());
}

/// `url` with its database name replaced by `name` (postgresql://user@host:port/db[?options]).
std::string with_database(const std::string& url, const std::string& name) {
  auto query = url.find('?');
  auto slash = url.rfind('/', query == std::string::npos ? url.size() : query);
  if (slash == std::string::npos || slash < url.find("//") + 2) throw std::runtime_error("no database in " + url);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

/// The name of a template database holding exactly these migrations, made if the cluster lacks it.
/// Concurrent test processes wait on an advisory lock; a template appears under its name only once
/// it is complete (made under a temporary name, then renamed), so a crash leaves no half template.
std::string migrated_template(const std::string& base, const std::vector<storage::Migration>& migrations) {
  std::string fingerprint;
  for (const auto& m : migrations)
    fingerprint += std::to_string(m.version) + '\n' + m.sql + '\n' + m.postgres_sql + '\n';
  std::string name = "simpul_template_" + crypto::sha256_hex(fingerprint).substr(0, 16);
  auto admin = storage::Database::open(base, 1);
  auto c = admin->acquire();
  c->execute_script("SELECT pg_advisory_lock(7312)");
  try {
    if (c->query("SELECT 1 FROM pg_database WHERE datname = ?", {name}).empty()) {
      std::string making = "simpul_making_" + crypto::new_id();
      c->execute_script("CREATE DATABASE " + making);
      {
        auto fresh = storage::Database::open(with_database(base, making), 1);
        storage::migrate(*fresh, migrations);
      }
      c->execute_script("ALTER DATABASE " + making + " RENAME TO " + name);
    }
  } catch (...) {
    c->execute_script("SELECT pg_advisory_unlock(7312)");
    throw;
  }
  c->execute_script("SELECT pg_advisory_unlock(7312)");
  return name;
}

}  // namespace

void DatabaseTest::SetUp() {
  const char* pg = std::getenv("SIMPUL_TEST_PG");
  if (GetParam() == "postgres" && !(pg && *pg)) {
    if (skipped_postgres()++ == 0) std::atexit(say_postgres_did_not_run);
    GTEST_SKIP() << "SIMPUL_TEST_PG is not set: the PostgreSQL half of this test did NOT run";
  }
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "simpul-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

TestDatabase::TestDatabase(const std::string& backend, const std::vector<storage::Migration>& premigrated)
    : backend_(backend) {
  crypto::init();
  if (backend == "sqlite") {
    url_ = "sqlite:" + (dir_.path() / "test.db").string();
  } else if (!premigrated.empty()) {
    std::string base = std::getenv("SIMPUL_TEST_PG");
    auto source = migrated_template(base, premigrated);
    database_ = "t_" + crypto::new_id();
    // WAL_LOG (the default, named for the reader): FILE_COPY took about as long here, because its two
    // checkpoints wrote out the pages other tests running beside it had dirtied.
    storage::Database::open(base, 1)->acquire()->execute_script("CREATE DATABASE " + database_ + " TEMPLATE " + source +
                                                                " STRATEGY WAL_LOG");
    url_ = with_database(base, database_);
  } else {
    std::string base = std::getenv("SIMPUL_TEST_PG");
    // A schema per test is much cheaper than a database per test; search_path points the pool at it.
    schema_ = "t_" + crypto::new_id();
    auto admin = storage::Database::open(base, 1);
    admin->acquire()->execute_script("CREATE SCHEMA " + schema_);
    url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
  }
  db_ = storage::Database::open(url_, 4);
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (!schema_.empty() || !database_.empty()) {
    try {
      auto admin = storage::Database::open(std::getenv("SIMPUL_TEST_PG"), 1);
      admin->acquire()->execute_script(database_.empty() ? "DROP SCHEMA " + schema_ + " CASCADE"
                                                         : "DROP DATABASE " + database_ + " WITH (FORCE)");
    } catch (...) {
      // A leftover schema or database in a throwaway test cluster is harmless.
    }
  }
}

}  // namespace simpul::test_support
