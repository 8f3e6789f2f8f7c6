#include "tenancy/profile_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <regex>
#include <set>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "tenancy/profile_applications.hpp"
#include "tenancy/profile_gateway.hpp"
#include "tenancy/profile_architecture.hpp"
#include "tenancy/profile_reader.hpp"

namespace simpul::tenancy {
namespace {

const std::set<std::string> kRuleKinds = {"obligation",  "prohibition", "precondition", "frequency/deadline",
                                          "workflow step", "role",      "enumeration",  "sanction",
                                          "definition-with-parameters", "permission"};
const std::set<std::string> kAgencyFlags = {"kominfo", "planning", "inspectorate", "finance",
                                            "organisation_bureau", "wali_data", "mandiri_tik"};


DomainSpec read_domain(const Reader& r, const YAML::Node& n, const std::string& path) {
  DomainSpec d;
  d.literal = r.str(n, "literal", path);
  d.effective = r.str(n, "effective", path);
  static const std::regex kDomain("[a-z0-9-]+(\\.[a-z0-9-]+)+");
  if (!std::regex_match(d.effective, kDomain)) r.fail(n["effective"], path + "effective", "must be a bare domain like kota.go.id");
  d.rule = r.opt_str(n, "rule", path);
  return d;
}

/// "Kota Balikpapan" -> "Balikpapan": the name without the region type the official titles add.
std::string short_name_of(const std::string& name, const std::string& type) {
  std::string prefix = type == "kota" ? "Kota " : "Kabupaten ";
  return name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
}

}  // namespace

Profile load_profile(const std::filesystem::path& file) {
  Reader r(file.string());
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::ParserException& e) {
    throw ProfileError(file.string() + ":" + std::to_string(e.mark.line + 1) + ": syntax: " + e.msg);
  } catch (const YAML::BadFile&) {
    throw ProfileError(file.string() + ":0: file: cannot be read");
  }
  if (!root.IsMap()) r.fail(root, "(document)", "must be a mapping");
  if (r.str(root, "schema", "") != "simpul.profile/1") r.fail(root["schema"], "schema", "must be simpul.profile/1");

  Profile p;
  p.source_path = file.string();
  p.id = r.str(root, "id", "");
  if (p.id != file.stem().string()) r.fail(root["id"], "id", "must equal the file name '" + file.stem().string() + "'");
  p.version = r.integer(r.need(root, "version", ""), "version");
  if (p.version < 1) r.fail(root["version"], "version", "must be at least 1");
  p.rule_prefix = r.str(root, "rule_prefix", "");

  auto region = r.need(root, "region", "");
  p.region_type = r.str(region, "type", "region.");
  if (p.region_type != "kota" && p.region_type != "kabupaten") r.fail(region["type"], "region.type", "must be kota or kabupaten");
  p.region_name = r.str(region, "name", "region.");
  p.head_title = r.str(region, "head_title", "region.");
  p.region_short_name = r.opt_str(region, "short_name", "region.").value_or(short_name_of(p.region_name, p.region_type));
  p.government_name = r.opt_str(region, "government_name", "region.").value_or("Pemerintah " + p.region_name);

  auto reg = r.need(root, "regulation", "");
  p.regulation_instrument = r.str(reg, "instrument", "regulation.");
  p.regulation_number = r.opt_str(reg, "number", "regulation.");
  if (auto y = reg["year"]; y.IsDefined() && !y.IsNull()) p.regulation_year = r.integer(y, "regulation.year");
  p.regulation_title = r.str(reg, "title", "regulation.");
  p.regulation_enacted = r.opt_str(reg, "enacted", "regulation.");
  if (p.regulation_enacted && !clock::is_iso_date(*p.regulation_enacted))
    r.fail(reg["enacted"], "regulation.enacted", "must be a date YYYY-MM-DD or null");

  p.domain = read_domain(r, r.need(root, "domain", ""), "domain.");
  if (auto e = root["email_domain"]; e.IsDefined() && !e.IsNull()) p.email_domain = read_domain(r, e, "email_domain.");

  // Rules first, so every other section can be checked against them.
  std::set<std::string> rule_ids;
  auto rules = r.seq(root, "rules", "");
  for (std::size_t i = 0; i < rules.size(); ++i) {
    auto n = rules[i];
    std::string path = "rules[" + std::to_string(i) + "].";
    RuleInstance ri;
    ri.id = r.str(n, "id", path);
    if (ri.id.rfind(p.rule_prefix + "-", 0) != 0) r.fail(n["id"], path + "id", "must start with '" + p.rule_prefix + "-'");
    if (!rule_ids.insert(ri.id).second) r.fail(n["id"], path + "id", "duplicate rule id " + ri.id);
    ri.citation = r.str(n, "citation", path);
    ri.article = r.integer(r.need(n, "article", path), path + "article");
    ri.chapter = r.str(n, "chapter", path);
    ri.kind = r.str(n, "kind", path);
    if (!kRuleKinds.count(ri.kind)) r.fail(n["kind"], path + "kind", "unknown rule kind '" + ri.kind + "'");
    ri.checkable = r.str(n, "checkable", path);
    if (ri.checkable != "yes" && ri.checkable != "partly" && ri.checkable != "no")
      r.fail(n["checkable"], path + "checkable", "must be yes, partly or no");
    if (auto params = n["parameters"]; params.IsDefined() && !params.IsNull() && !params.IsMap())
      r.fail(params, path + "parameters", "must be a mapping");
    p.rules.push_back(std::move(ri));
  }

  auto chapters = r.seq(root, "chapters", "");
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    std::string path = "chapters[" + std::to_string(i) + "].";
    Chapter c{r.str(chapters[i], "id", path), r.str(chapters[i], "title", path),
              r.integer(r.need(chapters[i], "first_article", path), path + "first_article"),
              r.integer(r.need(chapters[i], "last_article", path), path + "last_article")};
    if (c.last_article < c.first_article) r.fail(chapters[i], path + "last_article", "is before first_article");
    p.chapters.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < p.rules.size(); ++i) {
    bool found = false;
    for (const auto& c : p.chapters) found = found || c.id == p.rules[i].chapter;
    if (!found) r.fail(rules[i]["chapter"], "rules[" + std::to_string(i) + "].chapter", "no chapter '" + p.rules[i].chapter + "'");
  }
  check_rule_ref(r, p, root["domain"], "domain.rule", p.domain.rule);

  auto roles = r.seq(root, "roles", "");
  for (std::size_t i = 0; i < roles.size(); ++i) {
    std::string path = "roles[" + std::to_string(i) + "].";
    RoleSpec role{r.str(roles[i], "id", path), r.str(roles[i], "name", path),
                  r.opt_str(roles[i], "term", path).value_or(""), r.opt_str(roles[i], "agency_flag", path),
                  r.opt_str(roles[i], "rule", path)};
    if (role.agency_flag && !kAgencyFlags.count(*role.agency_flag))
      r.fail(roles[i]["agency_flag"], path + "agency_flag", "unknown agency flag '" + *role.agency_flag + "'");
    check_rule_ref(r, p, roles[i], path + "rule", role.rule);
    p.roles.push_back(std::move(role));
  }

  auto teams = r.seq(root, "teams", "");
  for (std::size_t i = 0; i < teams.size(); ++i) {
    std::string path = "teams[" + std::to_string(i) + "].";
    TeamSpec t;
    t.id = r.str(teams[i], "id", path);
    t.name = r.str(teams[i], "name", path);
    t.instrument = r.opt_str(teams[i], "instrument", path);
    t.rule = r.opt_str(teams[i], "rule", path);
    check_rule_ref(r, p, teams[i], path + "rule", t.rule);
    if (auto o = teams[i]["optional"]; o.IsDefined() && !o.IsNull()) t.optional = o.as<bool>(false);
    auto positions = r.seq(teams[i], "positions", path);
    for (std::size_t j = 0; j < positions.size(); ++j) {
      std::string pp = path + "positions[" + std::to_string(j) + "].";
      TeamPosition pos;
      pos.id = r.str(positions[j], "id", pp);
      if (t.position(pos.id)) r.fail(positions[j]["id"], pp + "id", "duplicate position id");
      pos.name = r.str(positions[j], "name", pp);
      pos.holder = r.opt_str(positions[j], "holder", pp);
      if (auto m = positions[j]["min"]; m.IsDefined() && !m.IsNull()) pos.min = r.integer(m, pp + "min");
      if (auto m = positions[j]["max"]; m.IsDefined() && !m.IsNull()) pos.max = r.integer(m, pp + "max");
      if (pos.max && *pos.max < pos.min) r.fail(positions[j], pp + "max", "is below min");
      pos.rule = r.opt_str(positions[j], "rule", pp);
      check_rule_ref(r, p, positions[j], pp + "rule", pos.rule);
      if (auto d = positions[j]["duties"]; d.IsDefined() && d.IsSequence())
        for (const auto& duty : d) pos.duties.push_back(duty.Scalar());
      t.positions.push_back(std::move(pos));
    }
    if (p.team(t.id)) r.fail(teams[i]["id"], path + "id", "duplicate team id");
    p.teams.push_back(std::move(t));
  }

  auto enums = r.need(root, "enumerations", "");
  if (!enums.IsMap()) r.fail(enums, "enumerations", "must be a mapping");
  for (const auto& kv : enums) {
    std::string name = kv.first.Scalar();
    std::string path = "enumerations." + name + ".";
    Enumeration e;
    e.rule = r.opt_str(kv.second, "rule", path).value_or("");
    if (!e.rule.empty()) check_rule_ref(r, p, kv.second, path + "rule", e.rule);
    auto items = r.seq(kv.second, "items", path);
    for (std::size_t j = 0; j < items.size(); ++j) {
      std::string ip = path + "items[" + std::to_string(j) + "].";
      EnumItem item{r.str(items[j], "id", ip), r.str(items[j], "name", ip)};
      if (e.contains(item.id)) r.fail(items[j]["id"], ip + "id", "duplicate item id '" + item.id + "'");
      e.items.push_back(std::move(item));
    }
    p.enumerations.emplace(name, std::move(e));
  }
  if (!p.enumeration("agency_types")) r.fail(enums, "enumerations.agency_types", "is required");
  if (auto a = root["architecture"]; a.IsDefined() && !a.IsNull()) p.architecture = read_architecture(r, p, a);
  read_application_sections(r, p, root);
  if (auto g = root["gateway"]; g.IsDefined() && !g.IsNull()) p.gateway = read_gateway(r, p, g);

  p.document = yaml_to_json(root).as_object();
  return p;
}

ProfileRegistry ProfileRegistry::load_directory(const std::filesystem::path& dir) {
  ProfileRegistry reg;
  reg.dir_ = dir;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) throw ProfileError(dir.string() + ":0: directory: not found");
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
    auto p = std::make_shared<Profile>(load_profile(entry.path()));
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
