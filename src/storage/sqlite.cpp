#include "storage/sqlite.hpp"

#include <sqlite3.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "storage/storage_error.hpp"

namespace simpul::storage {
namespace {

StorageError error_from(sqlite3* db, int rc) {
  int ext = sqlite3_extended_errcode(db);
  std::string msg = sqlite3_errmsg(db);
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
    return StorageError(StorageError::Kind::UniqueViolation, msg);
  if (ext == SQLITE_CONSTRAINT_FOREIGNKEY) return StorageError(StorageError::Kind::ForeignKeyViolation, msg);
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) return StorageError(StorageError::Kind::Busy, msg);
  return StorageError(StorageError::Kind::Other, msg);
}

class SqliteConnection : public Connection {
 public:
  SqliteConnection(const std::string& path, std::shared_ptr<SqliteShared> shared) : shared_(std::move(shared)) {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "cannot open";
      sqlite3_close(db_);
      throw StorageError(StorageError::Kind::Connection, "sqlite open " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 5000);
    // WAL lets readers proceed during a write; NORMAL sync is durable at every checkpoint and
    // loses no committed transaction on a process crash (only on power loss before a checkpoint).
    execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    // Pages are read with pread into an 8 MB private cache (SQLite's default is 2 MB: profiles of
    // the findings lists showed pooled connections re-reading pages the small cache had dropped),
    // and sorts stay in memory. No memory map (PRAGMA mmap_size): in WAL mode every read
    // transaction that follows another connection's commit unmaps and maps the whole file again
    // (SQLite's pager resets on a changed WAL), so under steady writes each request paid a
    // munmap, TLB shootdowns and a page fault per page touched, growing with the file: opening
    // 40,000 service-desk tickets took 3.0 ms of server CPU per ticket with a 256 MB map against
    // 1.1-1.4 ms without (docs/benchmarks.md, "Layanan SPBE: service desk").
    execute_script("PRAGMA cache_size=-8192; PRAGMA temp_store=MEMORY;");
    // The WAL is copied back into the database (a checkpoint, with its fsync) once the committing
    // connection is returned, on a connection that is not the writer (SqliteDatabase::after_release),
    // not inside COMMIT as SQLite's automatic checkpoint does: the fsync took tens of milliseconds
    // on the VM's disk and every other writer queued behind it. Registering the hook turns the
    // automatic checkpoint off.
    sqlite3_wal_hook(db_, &SqliteConnection::note_wal_size, this);
  }

  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::Sqlite; }
  bool healthy() const override { return healthy_; }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    sqlite3_stmt* stmt = prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {}
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) throw error_from(db_, rc);
    return sqlite3_changes64(db_);
  }

  Rows query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* stmt = prepare(sql, params);
    Rows rows;
    int n = sqlite3_column_count(stmt);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      Row row;
      read_row(stmt, n, row);
      rows.push_back(std::move(row));
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) throw error_from(db_, rc);
    return rows;
  }

  void each(std::string_view sql, const Params& params, const std::function<void(const Row&)>& fn) override {
    sqlite3_stmt* stmt = prepare(sql, params);
    // Reset however `fn` leaves (an exception included), so the cached statement can run again.
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> reset(stmt, sqlite3_reset);
    int n = sqlite3_column_count(stmt);
    Row row;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      read_row(stmt, n, row);
      fn(row);
    }
    if (rc != SQLITE_DONE) throw error_from(db_, rc);
  }

  void execute_script(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : "sqlite exec failed";
      sqlite3_free(err);
      throw StorageError(StorageError::Kind::Other, msg);
    }
  }

  void begin(bool write) override {
    if (write) held_ = std::unique_lock(shared_->write_lock);
    try {
      execute_script(write ? "BEGIN IMMEDIATE" : "BEGIN");
    } catch (...) {
      release_write_lock();
      throw;
    }
  }
  void commit() override {
    execute_script("COMMIT");
    release_write_lock();
  }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) execute_script("ROLLBACK");
    release_write_lock();
  }

 private:
  /// SQLite's own threshold for its automatic checkpoint, in WAL pages.
  static constexpr int kCheckpointPages = 1000;

  static int note_wal_size(void* self, sqlite3* /*db*/, const char* /*schema*/, int pages) {
    if (pages >= kCheckpointPages) static_cast<SqliteConnection*>(self)->shared_->checkpoint_due = true;
    return SQLITE_OK;
  }

  /// The current row of `stmt` into `row`, reusing its values' strings.
  static void read_row(sqlite3_stmt* stmt, int n, Row& row) {
    auto& cols = row.columns();
    cols.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      auto& v = cols[static_cast<std::size_t>(i)];
      switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER:
          v = Value(static_cast<long long>(sqlite3_column_int64(stmt, i)));
          break;
        case SQLITE_FLOAT:
          v = Value(sqlite3_column_double(stmt, i));
          break;
        case SQLITE_NULL:
          v = Value(nullptr);
          break;
        default: {
          auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
          v.assign_text(std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
        }
      }
    }
  }

  sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
    auto it = cache_.find(sql);
    sqlite3_stmt* stmt;
    if (it != cache_.end()) {
      stmt = it->second;
      // Rebinding a statement that `each` is still stepping would cut its rows short silently.
      if (sqlite3_stmt_busy(stmt))
        throw StorageError(StorageError::Kind::Other,
                           "statement run again while its rows are read: " + std::string(sql));
    } else {
      int rc =
          sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) throw error_from(db_, rc);
      cache_.emplace(std::string(sql), stmt);
    }
    sqlite3_clear_bindings(stmt);
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt))
      throw StorageError(StorageError::Kind::Other, "parameter count mismatch for: " + std::string(sql));
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      int idx = static_cast<int>(i + 1);
      if (v.is_null())
        sqlite3_bind_null(stmt, idx);
      else if (v.is_int())
        sqlite3_bind_int64(stmt, idx, v.as_int());
      else if (v.is_double())
        sqlite3_bind_double(stmt, idx, v.as_double());
      else
        sqlite3_bind_text(stmt, idx, v.as_text().data(), static_cast<int>(v.as_text().size()), SQLITE_TRANSIENT);
    }
    return stmt;
  }

  void release_write_lock() {
    if (held_.owns_lock()) held_.unlock();
  }

  sqlite3* db_ = nullptr;
  bool healthy_ = true;
  std::shared_ptr<SqliteShared> shared_;
  std::unique_lock<std::mutex> held_;
  // Found by the statement's text as the caller holds it (no copy of the SQL per statement run).
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> cache_;
};

}  // namespace

SqliteDatabase::SqliteDatabase(std::string path, std::size_t pool_size)
    : Database(Dialect::Sqlite, path == ":memory:" ? 1 : pool_size, "sqlite:" + path), path_(std::move(path)) {
  // Not in memory: each connection to ":memory:" is a database of its own.
  if (path_ != ":memory:") dedicate_writer();
}

std::unique_ptr<Connection> SqliteDatabase::connect() { return std::make_unique<SqliteConnection>(path_, shared_); }

void SqliteDatabase::after_release() {
  if (!shared_->checkpoint_due.exchange(false)) return;
  // On a connection that is not writing: the writing connection (acquire_writer) is free again
  // for the next writer while this one copies the WAL back and waits for its fsync. PASSIVE copies
  // what no reader still needs and never waits; when no connection is idle at once, or another
  // process checkpoints, a later release tries again.
  try {
    if (auto c = try_acquire()) {
      (*c)->execute_script("PRAGMA wal_checkpoint(PASSIVE)");
      return;
    }
  } catch (...) {
    // A failed checkpoint is tried again at a later release, like a busy one.
  }
  shared_->checkpoint_due = true;
}

}  // namespace simpul::storage
