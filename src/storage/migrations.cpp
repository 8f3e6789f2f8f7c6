#include "storage/migrations.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/log.hpp"

namespace simpul::storage {

MigrationReport migrate(Database& db, std::vector<Migration> migrations) {
  std::sort(migrations.begin(), migrations.end(), [](auto& a, auto& b) { return a.version < b.version; });
  for (std::size_t i = 1; i < migrations.size(); ++i)
    if (migrations[i].version == migrations[i - 1].version)
      throw std::logic_error("duplicate migration version " + std::to_string(migrations[i].version));

  auto conn = db.acquire();
  conn->execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)");
  bool pg = db.dialect() == Dialect::Postgres;
  if (pg) conn->execute_script("SELECT pg_advisory_lock(7311)");  // serialises concurrent starters

  MigrationReport report;
  try {
    std::set<int> done;
    for (auto& row : conn->query("SELECT version FROM schema_migrations")) done.insert(static_cast<int>(row.int_at(0)));
    for (const auto& m : migrations) {
      if (done.count(m.version)) continue;
      Transaction tx(*conn, Transaction::Write);
      // Re-check inside the write lock: another SQLite process may have applied it meanwhile.
      if (!conn->query("SELECT 1 FROM schema_migrations WHERE version = ?", {m.version}).empty()) continue;
      conn->execute_script(pg && !m.postgres_sql.empty() ? m.postgres_sql : m.sql);
      conn->execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    {m.version, m.name, clock::now_iso()});
      tx.commit();
      report.applied.push_back(m.version);
      log::info("migration.applied", {{"version", m.version}, {"name", m.name}});
    }
    auto rows = conn->query("SELECT MAX(version) FROM schema_migrations");
    report.current_version = rows.empty() ? 0 : static_cast<int>(rows[0].int_at(0));
  } catch (...) {
    if (pg) conn->execute_script("SELECT pg_advisory_unlock(7311)");
    throw;
  }
  if (pg) conn->execute_script("SELECT pg_advisory_unlock(7311)");
  return report;
}

}  // namespace simpul::storage
