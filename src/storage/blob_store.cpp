#include "storage/blob_store.hpp"

namespace simpul::storage {

std::vector<Migration> blob_store_migrations() {
  // Until this migration the applications migration 600 created the table (with a reference to
  // tenants); a database made then keeps it as it is, hence IF NOT EXISTS. The storage layer sits
  // below the tenancy module, so a new table references no module's table: tenant_id is a key.
  return {{90, "storage: content-addressed blobs",
           "CREATE TABLE IF NOT EXISTS repository_blobs (tenant_id TEXT NOT NULL, sha256 TEXT NOT NULL, "
           "size INTEGER NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (tenant_id, sha256))"}};
}

void put_blob(Connection& c, const std::string& tenant_id, const std::string& sha256, std::int64_t size,
              const std::string& base64, const std::string& now) {
  if (!c.query("SELECT 1 FROM repository_blobs WHERE tenant_id = ? AND sha256 = ?", {tenant_id, sha256}).empty())
    return;
  c.execute("INSERT INTO repository_blobs (tenant_id, sha256, size, content, created_at) VALUES (?, ?, ?, ?, ?)",
            {tenant_id, sha256, size, base64, now});
}

std::optional<std::string> blob_base64(Connection& c, const std::string& tenant_id, const std::string& sha256) {
  auto rows = c.query("SELECT content FROM repository_blobs WHERE tenant_id = ? AND sha256 = ?", {tenant_id, sha256});
  if (rows.empty()) return std::nullopt;
  return rows.front().text_at(0);
}

}  // namespace simpul::storage
