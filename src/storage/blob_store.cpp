#include "storage/blob_store.hpp"

namespace simpul::storage {

void put_blob(Connection& c, const std::string& tenant_id, const std::string& sha256, std::int64_t size,
              const std::string& base64, const std::string& now) {
  if (!c.query("SELECT 1 FROM repository_blobs WHERE tenant_id = ? AND sha256 = ?", {tenant_id, sha256}).empty()) return;
  c.execute("INSERT INTO repository_blobs (tenant_id, sha256, size, content, created_at) VALUES (?, ?, ?, ?, ?)",
            {tenant_id, sha256, size, base64, now});
}

std::optional<std::string> blob_base64(Connection& c, const std::string& tenant_id, const std::string& sha256) {
  auto rows = c.query("SELECT content FROM repository_blobs WHERE tenant_id = ? AND sha256 = ?", {tenant_id, sha256});
  if (rows.empty()) return std::nullopt;
  return rows.front().text_at(0);
}

}  // namespace simpul::storage
