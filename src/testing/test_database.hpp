#pragma once
// Test support: every storage-backed test runs on SQLite and, when SIMPUL_TEST_PG holds a
// PostgreSQL URL, on PostgreSQL too, each test in its own throwaway database or schema.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/database.hpp"
#include "storage/migrations.hpp"

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

/// A fresh database of the given backend, dropped on destruction: empty, or on PostgreSQL, when
/// `premigrated` is given, a copy of a template database that already holds those migrations.
/// Migrating a new PostgreSQL schema took ~0.4 s and dropping it ~0.08 s, per platform instance a
/// test starts; copying a migrated template takes ~0.1-0.2 s and dropping the copy ~0.02 s. The template is made once
/// per cluster and migration set (named by their hash), so a test still migrates whatever the copy lacks, exactly as on
/// SQLite.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend, const std::vector<storage::Migration>& premigrated = {});
  ~TestDatabase();
  storage::Database& db() { return *db_; }
  const std::string& url() const { return url_; }
  const std::filesystem::path& dir() const { return dir_.path(); }

 private:
  TempDir dir_;
  std::string backend_;
  std::string schema_;    // PostgreSQL without a template: the test's schema
  std::string database_;  // PostgreSQL from a template: the test's database
  std::string url_;
  std::unique_ptr<storage::Database> db_;
};

}  // namespace simpul::test_support
