#pragma once
// Uploaded files (Repositori artifacts, evaluation evidence), stored once per tenant under their
// SHA-256 in `repository_blobs`, as base64 text so both databases keep them in an ordinary column.
// The table is the storage layer's own (migration 90), so every module may keep files in it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::storage {

/// The storage layer's own tables: versions 1-99, applied before every module's.
std::vector<Migration> blob_store_migrations();

/// Stores `base64` under `sha256` unless the tenant already has that content.
void put_blob(Connection& c, const std::string& tenant_id, const std::string& sha256, std::int64_t size,
              const std::string& base64, const std::string& now);
std::optional<std::string> blob_base64(Connection& c, const std::string& tenant_id, const std::string& sha256);

}  // namespace simpul::storage
