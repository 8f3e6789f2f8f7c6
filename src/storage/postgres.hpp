#pragma once
#include "storage/database.hpp"

namespace simpul::storage {

/// PostgreSQL through libpq; statements are prepared once per connection.
class PostgresDatabase : public Database {
 public:
  PostgresDatabase(std::string url, std::size_t pool_size);

 protected:
  std::unique_ptr<Connection> connect() override;

 private:
  std::string url_;
};

/// Rewrites '?' placeholders (outside quotes) to $1, $2, ... — exposed for tests.
std::string to_postgres_placeholders(std::string_view sql);

}  // namespace simpul::storage
