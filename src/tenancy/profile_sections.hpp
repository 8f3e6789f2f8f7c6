#pragma once
// A module's own section of the regulation profile (`infrastructure:`, `service_desk:`, ...):
// the module registers a parser for its key, the loader calls it with the file's node (or an
// undefined node when the file has none) and keeps what it returns inside the Profile; the
// module reads it back with Profile::section<T>(key). Errors keep the loader's file:line form
// (tenancy/profile_reader.hpp), and rule ids are checked with check_rule_ref.
#include <any>
#include <functional>
#include <map>
#include <string>

namespace YAML {  // NOLINT(readability-identifier-naming): yaml-cpp's namespace
class Node;
}

namespace simpul::tenancy {

class Reader;
struct Profile;

/// Parses one module's section; `node` is undefined when the profile has no such section.
/// Returns the module's own struct (kept as std::any), or an empty any for "none".
using SectionParser = std::function<std::any(const Reader& r, const Profile& p, const YAML::Node& node)>;

class ProfileSections {
 public:
  void add(std::string key, SectionParser parser) { parsers_[std::move(key)] = std::move(parser); }
  const std::map<std::string, SectionParser>& all() const { return parsers_; }

 private:
  std::map<std::string, SectionParser> parsers_;
};

}  // namespace simpul::tenancy
