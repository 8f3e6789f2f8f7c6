#pragma once
#include <atomic>
#include <memory>
#include <mutex>

#include "storage/database.hpp"

namespace simpul::storage {

/// What the connections of one SqliteDatabase share.
struct SqliteShared {
  // SQLite allows one writer. Queueing this process's writers on a mutex avoids SQLite's busy
  // handler, which sleeps in steps of up to 100 ms; other processes still meet busy_timeout.
  std::mutex write_lock;
  // A commit left the WAL past the checkpoint threshold: the next connection returned to the pool
  // copies it back (SqliteDatabase::after_release).
  std::atomic<bool> checkpoint_due = false;
};

/// SQLite in WAL mode with foreign keys on; one file shared by the pool's connections.
class SqliteDatabase : public Database {
 public:
  SqliteDatabase(std::string path, std::size_t pool_size);

 protected:
  std::unique_ptr<Connection> connect() override;

 private:
  void after_release() override;

  std::string path_;
  std::shared_ptr<SqliteShared> shared_ = std::make_shared<SqliteShared>();
};

}  // namespace simpul::storage
