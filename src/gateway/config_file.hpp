#pragma once
// A gateway configuration kept in a JSON file instead of the control plane's database: for a data
// plane run without the platform (`simpul gateway run --config FILE`), the benchmark and tests.
// The file mirrors `Config` field by field (docs/gateway.md "Configuration file"); API keys appear
// only as SHA-256 hashes, never raw.
#include <filesystem>
#include <memory>
#include <string_view>

#include "gateway/config.hpp"

namespace simpul::gateway {

/// Parses and validates; throws std::invalid_argument naming the first problem (unknown or
/// mistyped field) or every problem validate() finds.
std::shared_ptr<const Config> config_from_json(std::string_view json);
std::shared_ptr<const Config> load_config_file(const std::filesystem::path& path);

}  // namespace simpul::gateway
