#pragma once
// Walks a profile's YAML document, reporting `file:line: field: problem` for anything wrong.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "tenancy/profile.hpp"
#include "tenancy/profile_loader.hpp"

namespace simpul::tenancy {

/// Walks a YAML document, remembering the path for error messages.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& field, const std::string& problem) const {
    int line = at.IsDefined() ? at.Mark().line + 1 : 0;
    throw ProfileError(file_ + ":" + std::to_string(line) + ": " + field + ": " + problem);
  }

  YAML::Node need(const YAML::Node& parent, const std::string& key, const std::string& path) const {
    YAML::Node n = parent[key];
    if (!n.IsDefined() || n.IsNull()) fail(parent, path + key, "is required");
    return n;
  }

  std::string str(const YAML::Node& parent, const std::string& key, const std::string& path) const {
    YAML::Node n = need(parent, key, path);
    if (!n.IsScalar() || n.Scalar().empty()) fail(n, path + key, "must be non-empty text");
    return n.Scalar();
  }

  std::optional<std::string> opt_str(const YAML::Node& parent, const std::string& key, const std::string& path) const {
    YAML::Node n = parent[key];
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    if (!n.IsScalar()) fail(n, path + key, "must be text or null");
    return n.Scalar();
  }

  bool boolean(const YAML::Node& parent, const std::string& key, const std::string& path, bool fallback) const {
    YAML::Node n = parent[key];
    if (!n.IsDefined() || n.IsNull()) return fallback;
    if (!n.IsScalar() || (n.Scalar() != "true" && n.Scalar() != "false")) fail(n, path + key, "must be true or false");
    return n.Scalar() == "true";
  }

  int integer(const YAML::Node& n, const std::string& field) const {
    try {
      return n.as<int>();
    } catch (const YAML::Exception&) {
      fail(n, field, "must be an integer");
    }
  }

  YAML::Node seq(const YAML::Node& parent, const std::string& key, const std::string& path) const {
    YAML::Node n = need(parent, key, path);
    if (!n.IsSequence()) fail(n, path + key, "must be a list");
    return n;
  }

 private:
  std::string file_;
};

/// Generic YAML → JSON, so the API serves exactly what the file says. Unquoted scalars that look
/// like integers, booleans or null become those; everything else (dates included) stays text.
boost::json::value yaml_to_json(const YAML::Node& n);

/// Fails unless `ref` (when set) names a rule of the profile.
inline void check_rule_ref(const Reader& r, const Profile& p, const YAML::Node& at, const std::string& field,
                           const std::optional<std::string>& ref) {
  if (ref && !p.rule(*ref)) r.fail(at, field, "names rule '" + *ref + "', which is not in this profile");
}

}  // namespace simpul::tenancy
