#include "storage/database.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>

#include "core/error.hpp"
#include "core/log.hpp"
#include "storage/postgres.hpp"
#include "storage/sqlite.hpp"

namespace simpul::storage {

struct Database::Pool {
  std::mutex mutex;
  std::condition_variable available;
  std::deque<std::unique_ptr<Connection>> idle;
  std::size_t size = 0;
  std::size_t max_size = 0;
  std::size_t waits = 0;
  // The dedicated writing connection (dedicate_writer): idle in `writer` or lent (`writer_out`).
  bool dedicated_writer = false;
  bool writer_out = false;
  std::unique_ptr<Connection> writer;
  std::condition_variable writer_returned;
};

Database::Database(Dialect dialect, std::size_t max_size, std::string redacted_url)
    : pool_(std::make_shared<Pool>()), dialect_(dialect), redacted_url_(std::move(redacted_url)) {
  pool_->max_size = max_size == 0 ? 1 : max_size;
}

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t pool_size) {
  if (url.rfind("sqlite:", 0) == 0) return std::make_unique<SqliteDatabase>(url.substr(7), pool_size);
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return std::make_unique<PostgresDatabase>(url, pool_size);
  throw std::invalid_argument("unsupported database URL (use sqlite:PATH or postgresql://...): " + redact_url(url));
}

std::optional<PooledConnection> Database::take(std::unique_lock<std::mutex>& lock) {
  if (!pool_->idle.empty()) {
    auto conn = std::move(pool_->idle.front());
    pool_->idle.pop_front();
    return PooledConnection(this, std::move(conn));
  }
  if (pool_->size >= pool_->max_size) return std::nullopt;
  ++pool_->size;
  lock.unlock();
  try {
    return PooledConnection(this, connect());
  } catch (...) {
    lock.lock();
    --pool_->size;
    throw;
  }
}

std::optional<PooledConnection> Database::try_acquire() {
  std::unique_lock lock(pool_->mutex);
  return take(lock);
}

PooledConnection Database::acquire(std::chrono::milliseconds wait) {
  std::unique_lock lock(pool_->mutex);
  auto deadline = std::chrono::steady_clock::now() + wait;
  for (;;) {
    if (auto conn = take(lock)) return std::move(*conn);
    ++pool_->waits;
    if (pool_->available.wait_until(lock, deadline) == std::cv_status::timeout && pool_->idle.empty())
      throw Error(ErrorCode::StorageUnavailable, {{"reason", "connection pool exhausted"}});
  }
}

void Database::dedicate_writer() { pool_->dedicated_writer = true; }

PooledConnection Database::acquire_writer() {
  if (!pool_->dedicated_writer) return acquire();
  std::unique_lock lock(pool_->mutex);
  // No deadline: writers queued on SQLite's one write lock before this connection existed, and a
  // long import must not make the writes behind it fail.
  if (pool_->writer_out) ++pool_->waits;
  pool_->writer_returned.wait(lock, [&] { return !pool_->writer_out; });
  pool_->writer_out = true;
  if (pool_->writer) return PooledConnection(this, std::move(pool_->writer), true);
  lock.unlock();
  try {
    return PooledConnection(this, connect(), true);
  } catch (...) {
    lock.lock();
    pool_->writer_out = false;
    pool_->writer_returned.notify_one();
    throw;
  }
}

void Database::release(std::unique_ptr<Connection> conn, bool writer) {
  {
    std::lock_guard lock(pool_->mutex);
    if (writer) {
      if (conn && conn->healthy()) pool_->writer = std::move(conn);  // else the next writer connects anew
      pool_->writer_out = false;
      pool_->writer_returned.notify_one();
    } else {
      if (conn && conn->healthy()) {
        pool_->idle.push_back(std::move(conn));
      } else {
        --pool_->size;
      }
      pool_->available.notify_one();
    }
  }
  after_release();
}

void Database::ping() { acquire()->query("SELECT 1"); }

PoolStats Database::stats() const {
  std::lock_guard lock(pool_->mutex);
  return {pool_->size, pool_->idle.size(), pool_->waits, pool_->max_size};
}

PooledConnection::~PooledConnection() {
  if (owner_ && conn_) owner_->release(std::move(conn_), writer_);
}

Transaction::Transaction(Connection& conn, Mode mode) : conn_(conn) {
  conn_.after_commit_.clear();
  conn_.begin(mode == Write);
}

Transaction::~Transaction() {
  if (!done_) {
    conn_.after_commit_.clear();
    try {
      conn_.rollback();
    } catch (...) {
      // A failed rollback leaves the connection unhealthy; the pool discards it.
    }
  }
}

void Transaction::commit() {
  conn_.commit();
  done_ = true;
  auto callbacks = std::move(conn_.after_commit_);
  conn_.after_commit_.clear();
  for (auto& fn : callbacks) {
    try {
      fn();
    } catch (const std::exception& e) {
      log::warn("storage.after_commit_failed", {{"message", e.what()}});
    }
  }
}

std::string redact_url(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace simpul::storage
