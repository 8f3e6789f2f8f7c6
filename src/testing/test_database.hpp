#pragma once
// Test support: every storage-backed test runs on SQLite and, when SIMPUL_TEST_PG holds a
// PostgreSQL URL, on PostgreSQL too, each test in its own throwaway database or schema.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/database.hpp"

namespace simpul::test_support {

/// Always {"sqlite", "postgres"}, so the discovered test list does not depend on the environment;
/// DatabaseTest skips the PostgreSQL cases when SIMPUL_TEST_PG is not set.
std::vector<std::string> backends();

/// Base fixture for tests parameterised by backend.
class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
};

/// A temporary directory removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// A fresh, empty database of the given backend, dropped on destruction.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend);
  ~TestDatabase();
  storage::Database& db() { return *db_; }
  const std::string& url() const { return url_; }
  const std::filesystem::path& dir() const { return dir_.path(); }

 private:
  TempDir dir_;
  std::string backend_;
  std::string schema_;
  std::string url_;
  std::unique_ptr<storage::Database> db_;
};

}  // namespace simpul::test_support
