#include "tenancy/profile_loader.hpp"

#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "tenancy/profile_applications.hpp"
#include "tenancy/profile_architecture.hpp"
#include "tenancy/profile_gateway.hpp"
#include "tenancy/profile_organisation.hpp"
#include "tenancy/profile_reader.hpp"
#include "tenancy/profile_region.hpp"
#include "tenancy/profile_rules.hpp"

namespace simpul::tenancy {
namespace {

YAML::Node parse(const std::filesystem::path& file) {
  try {
    return YAML::LoadFile(file.string());
  } catch (const YAML::ParserException& e) {
    throw ProfileError(file.string() + ":" + std::to_string(e.mark.line + 1) + ": syntax: " + e.msg);
  } catch (const YAML::BadFile&) {
    throw ProfileError(file.string() + ":0: file: cannot be read");
  }
}

}  // namespace

Profile load_profile(const std::filesystem::path& file, const ProfileSections& sections) {
  Reader r(file.string());
  YAML::Node root = parse(file);
  Profile p;
  read_region_and_regulation(r, p, root, file);
  read_domains(r, p, root);
  // Rules first, so every other section can be checked against them.
  read_rules_and_chapters(r, p, root);
  check_rule_ref(r, p, root["domain"], "domain.rule", p.domain.rule);
  read_roles(r, p, root);
  read_teams(r, p, root);
  read_enumerations(r, p, root);
  if (auto a = root["architecture"]; a.IsDefined() && !a.IsNull()) p.architecture = read_architecture(r, p, a);
  read_application_sections(r, p, root);
  if (auto g = root["gateway"]; g.IsDefined() && !g.IsNull()) p.gateway = read_gateway(r, p, g);
  // The modules' own sections, after the rules they cite.
  for (const auto& [key, parse] : sections.all()) {
    YAML::Node node = root[key];
    if (auto value = parse(r, p, node); value.has_value()) p.sections[key] = std::move(value);
  }
  p.document = yaml_to_json(root).as_object();
  return p;
}

ProfileRegistry ProfileRegistry::load_directory(const std::filesystem::path& dir, const ProfileSections& sections) {
  ProfileRegistry reg;
  reg.dir_ = dir;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) throw ProfileError(dir.string() + ":0: directory: not found");
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
    auto p = std::make_shared<Profile>(load_profile(entry.path(), sections));
    load_articles(*p, dir);
    reg.profiles_.emplace(p->id, std::move(p));
  }
  return reg;
}

const Profile* ProfileRegistry::find(const std::string& id) const {
  auto it = profiles_.find(id);
  return it == profiles_.end() ? nullptr : it->second.get();
}

const Profile& ProfileRegistry::get(const std::string& id) const {
  const Profile* p = find(id);
  if (!p) throw Error(ErrorCode::ProfileNotFound, {{"profile", id}});
  return *p;
}

}  // namespace simpul::tenancy
