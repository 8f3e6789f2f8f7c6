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

TestDatabase::TestDatabase(const std::string& backend) : backend_(backend) {
  crypto::init();
  if (backend == "sqlite") {
    url_ = "sqlite:" + (dir_.path() / "test.db").string();
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
  if (!schema_.empty()) {
    try {
      auto admin = storage::Database::open(std::getenv("SIMPUL_TEST_PG"), 1);
      admin->acquire()->execute_script("DROP SCHEMA " + schema_ + " CASCADE");
    } catch (...) {
      // A leftover schema in a throwaway test cluster is harmless.
    }
  }
}

}  // namespace simpul::test_support
