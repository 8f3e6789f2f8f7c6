#pragma once
// Versioned schema migrations. Each module contributes its own list; the composition root
// collects them, and they are applied in version order at start and by `simpul migrate`.
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace simpul::storage {

struct Migration {
  int version;  // globally unique; modules use their own hundred (tenancy 100, identity 200, ...)
  std::string name;
  std::string sql;                // portable SQL (the common subset), ';'-separated
  std::string postgres_sql = {};  // optional replacement when PostgreSQL needs different DDL
};

struct MigrationReport {
  std::vector<int> applied;  // versions applied by this call
  int current_version = 0;
};

/// Applies every migration newer than the database's version, each in its own transaction.
/// Safe to call from several instances at once (PostgreSQL advisory lock, SQLite write lock).
MigrationReport migrate(Database& db, std::vector<Migration> migrations);

}  // namespace simpul::storage
