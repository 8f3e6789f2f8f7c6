#pragma once
#include <mutex>

#include "storage/database.hpp"

namespace simpul::storage {

/// SQLite in WAL mode with foreign keys on; one file shared by the pool's connections.
class SqliteDatabase : public Database {
 public:
  SqliteDatabase(std::string path, std::size_t pool_size);

 protected:
  std::unique_ptr<Connection> connect() override;

 private:
  std::string path_;
  // SQLite allows one writer. Queueing this process's writers on a mutex avoids SQLite's busy
  // handler, which sleeps in steps of up to 100 ms; other processes still meet busy_timeout.
  std::shared_ptr<std::mutex> write_lock_ = std::make_shared<std::mutex>();
};

}  // namespace simpul::storage
