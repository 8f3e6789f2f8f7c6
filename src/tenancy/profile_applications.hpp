#pragma once
// Reads the profile's `applications:`, `compliance:` and `sanctions:` sections and the article
// texts beside the profile (docs/profile-format.md).
#include <filesystem>

#include "tenancy/profile_reader.hpp"

namespace simpul::tenancy {

void read_application_sections(const Reader& r, Profile& p, const YAML::Node& root);

/// Loads `<dir>/articles/<id>.json` when it exists ({"articles": {"1": "Pasal 1 …"}}).
void load_articles(Profile& p, const std::filesystem::path& profiles_dir);

}  // namespace simpul::tenancy
