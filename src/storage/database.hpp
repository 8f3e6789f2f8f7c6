#pragma once
// The storage interface every repository uses. SQL is written once with '?' placeholders in the
// common subset of SQLite and PostgreSQL; drivers translate placeholders and cache prepared statements.
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/value.hpp"

namespace simpul::storage {

enum class Dialect { Sqlite, Postgres };

/// One database session. Not thread-safe; borrow one from the Database pool per unit of work.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  /// Runs a statement that returns no rows; returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  /// Calls `fn` with each row of the result, in order, without keeping them: for reads of many
  /// rows that need each only once (the service desk's 200,000 SLA clocks), where building every
  /// row first cost more than the query. The row passed is reused: copy what must outlive the call.
  /// `fn` may run other statements on this connection, but not this one again.
  virtual void each(std::string_view sql, const Params& params, const std::function<void(const Row&)>& fn) {
    for (const auto& r : query(sql, params)) fn(r);
  }
  /// Runs several ';'-separated statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  /// `write` takes the write lock up front (SQLite BEGIN IMMEDIATE) so transactions never deadlock on upgrade.
  virtual void begin(bool write) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  /// False after a fatal connection error; the pool then drops it.
  virtual bool healthy() const = 0;

  /// Runs `fn` once the current Transaction has committed (never when it rolls back). For side
  /// effects outside the database that must only reflect committed state, such as the ledger's
  /// high-water mark file. Exceptions thrown by `fn` are logged and swallowed: the data is in.
  void after_commit(std::function<void()> fn) { after_commit_.push_back(std::move(fn)); }

 private:
  friend class Transaction;
  std::vector<std::function<void()>> after_commit_;
};

class Database;

/// A connection borrowed from the pool; returned on destruction.
class PooledConnection {
 public:
  PooledConnection(Database* owner, std::unique_ptr<Connection> conn, bool writer = false)
      : owner_(owner), conn_(std::move(conn)), writer_(writer) {}
  PooledConnection(PooledConnection&&) = default;
  PooledConnection& operator=(PooledConnection&&) = default;
  ~PooledConnection();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }

 private:
  Database* owner_;
  std::unique_ptr<Connection> conn_;
  bool writer_ = false;  // the database's writing connection (Database::acquire_writer)
};

struct PoolStats {
  std::size_t size = 0;   // connections that exist
  std::size_t idle = 0;   // connections waiting in the pool
  std::size_t waits = 0;  // borrows that had to wait
  std::size_t max_size = 0;
};

/// A pool of connections to one database, created from a URL:
/// `sqlite:path/to/file.db`, `sqlite::memory:` or `postgresql://user@host:port/db`.
class Database {
 public:
  static std::unique_ptr<Database> open(const std::string& url, std::size_t pool_size = 8);
  virtual ~Database() = default;

  PooledConnection acquire(std::chrono::milliseconds wait = std::chrono::seconds(10));
  /// A pooled connection if one is idle or may be opened now; never waits, and is not counted as
  /// a wait (for work that can be left to a later call, such as the SQLite checkpoint).
  std::optional<PooledConnection> try_acquire();
  /// The connection for a write transaction (write_transaction). Where the database has one
  /// writer at a time (SQLite), every write in this process goes through one dedicated
  /// connection, borrowed in turn (a caller waits as long as the writer before it takes): no
  /// other connection of the process changes the file, so that connection's page cache stays
  /// valid from one write to the next. A pooled connection drops its cache whenever another
  /// connection has committed, and re-read every B-tree page a write touched: at 190,000
  /// service-desk tickets a tenth of the server's CPU went to those reads. Elsewhere: acquire().
  PooledConnection acquire_writer();
  /// Asks the database a trivial question on a pooled connection; throws when it cannot answer
  /// (health checks).
  void ping();
  Dialect dialect() const { return dialect_; }
  PoolStats stats() const;
  const std::string& redacted_url() const { return redacted_url_; }

 protected:
  Database(Dialect dialect, std::size_t max_size, std::string redacted_url);
  virtual std::unique_ptr<Connection> connect() = 0;
  /// Makes acquire_writer() lend one dedicated connection (see there).
  void dedicate_writer();
  /// Runs after a borrowed connection is back (in the pool or as the writer), on the thread that
  /// returned it; must not throw. SQLite copies its WAL back here (sqlite.cpp).
  virtual void after_release() {}

 private:
  friend class PooledConnection;
  void release(std::unique_ptr<Connection> conn, bool writer);
  /// An idle connection, else a new one while the pool is below its size, else none; `lock` holds
  /// the pool's mutex (released while connecting).
  std::optional<PooledConnection> take(std::unique_lock<std::mutex>& lock);
  struct Pool;
  std::shared_ptr<Pool> pool_;
  Dialect dialect_;
  std::string redacted_url_;
};

/// RAII transaction: rolls back unless commit() was called.
class Transaction {
 public:
  enum Mode { Read, Write };
  Transaction(Connection& conn, Mode mode);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();
  Connection& conn() { return conn_; }

 private:
  Connection& conn_;
  bool done_ = false;
};

/// Hides secrets (passwords) in a database URL for logs.
std::string redact_url(const std::string& url);

}  // namespace simpul::storage
