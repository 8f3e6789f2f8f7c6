#pragma once
// Uploaded files (Repositori artifacts, evaluation evidence), stored once per tenant under their
// SHA-256 in `repository_blobs` (created by the applications migration 600), as base64 text so
// both databases keep them in an ordinary column.
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace simpul::storage {

/// Stores `base64` under `sha256` unless the tenant already has that content.
void put_blob(Connection& c, const std::string& tenant_id, const std::string& sha256, std::int64_t size,
              const std::string& base64, const std::string& now);
std::optional<std::string> blob_base64(Connection& c, const std::string& tenant_id, const std::string& sha256);

}  // namespace simpul::storage
