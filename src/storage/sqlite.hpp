#pragma once
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
};

}  // namespace simpul::storage
