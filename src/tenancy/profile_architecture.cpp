#include "tenancy/profile_architecture.hpp"

#include <set>

namespace simpul::tenancy {
namespace {

const std::set<std::string> kDomains = {"proses_bisnis", "data_informasi", "layanan",
                                        "aplikasi",      "infrastruktur",  "keamanan"};

/// A rule id field: optional, but when present it must name a rule of the profile.
std::optional<std::string> rule_field(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& key,
                                      const std::string& path) {
  auto id = r.opt_str(n, key, path);
  check_rule_ref(r, p, n, path + key, id);
  return id;
}

/// A role or team the profile defines (a drafter or reviewer), or null.
std::optional<std::string> party_field(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& key,
                                       const std::string& path) {
  auto id = r.opt_str(n, key, path);
  if (!id) return id;
  bool known = p.team(*id) != nullptr;
  for (const auto& role : p.roles) known = known || role.id == *id;
  if (!known) r.fail(n[key], path + key, "names '" + *id + "', which is neither a role nor a team of this profile");
  return id;
}

std::string enumeration_field(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& key,
                              const std::string& path) {
  std::string id = r.str(n, key, path);
  if (!p.enumeration(id)) r.fail(n[key], path + key, "names enumeration '" + id + "', which is not in this profile");
  return id;
}

ReviewSpec read_review(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& path) {
  ReviewSpec s;
  s.schedule = r.str(n, "schedule", path);
  if (s.schedule != "annual" && s.schedule != "mid_term_and_final_year")
    r.fail(n["schedule"], path + "schedule", "must be annual or mid_term_and_final_year");
  s.mandatory = r.boolean(n, "mandatory", path, true);
  s.reviewer = party_field(r, p, n, "reviewer", path);
  s.rule = rule_field(r, p, n, "rule", path);
  s.reasons = enumeration_field(r, p, n, "reasons", path);
  s.decree_required = r.boolean(n, "decree_required", path, false);
  s.decree_rule = rule_field(r, p, n, "decree_rule", path);
  return s;
}

}  // namespace

PlanDocumentSpec read_plan_document(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& path,
                                    bool roadmap) {
  PlanDocumentSpec d;
  d.instrument = r.opt_str(n, "instrument", path);
  d.instrument_note = r.opt_str(n, "instrument_note", path);
  if (!d.instrument && !d.instrument_note) r.fail(n, path + "instrument_note", "is required when instrument is null");
  d.instrument_rule = rule_field(r, p, n, "instrument_rule", path);
  d.validity_years = r.integer(r.need(n, "validity_years", path), path + "validity_years");
  if (d.validity_years < 1 || d.validity_years > 25)
    r.fail(n["validity_years"], path + "validity_years", "must be 1-25");
  d.validity_rule = rule_field(r, p, n, "validity_rule", path);
  d.shorter_when_mid_rpjmd = r.boolean(n, "shorter_when_mid_rpjmd", path, false);
  d.drafter = party_field(r, p, n, "drafter", path);
  d.drafter_rule = rule_field(r, p, n, "drafter_rule", path);
  d.review = read_review(r, p, r.need(n, "review", path), path + "review.");
  if (auto c = n["domain_coordinators"]; c.IsDefined() && !c.IsNull()) {
    std::string cp = path + "domain_coordinators.";
    d.coordinators_rule = rule_field(r, p, c, "rule", cp);
    if (auto map = c["map"]; map.IsDefined() && !map.IsNull()) {
      if (!map.IsMap()) r.fail(map, cp + "map", "must be a mapping of domain to role id");
      for (const auto& kv : map) {
        std::string domain = kv.first.Scalar();
        if (!kDomains.count(domain)) r.fail(kv.first, cp + "map", "unknown architecture domain '" + domain + "'");
        bool known = false;
        for (const auto& role : p.roles) known = known || role.id == kv.second.Scalar();
        if (!known)
          r.fail(kv.second, cp + "map." + domain,
                 "names role '" + kv.second.Scalar() + "', which is not in this profile");
        d.domain_coordinators[domain] = kv.second.Scalar();
      }
    }
  }
  if (roadmap) {
    d.categories = enumeration_field(r, p, n, "categories", path);
    if (auto m = n["monitoring"]; m.IsDefined() && !m.IsNull()) {
      d.monitoring_frequency = r.str(m, "frequency", path + "monitoring.");
      if (*d.monitoring_frequency != "annual") r.fail(m["frequency"], path + "monitoring.frequency", "must be annual");
      d.monitoring_rule = rule_field(r, p, m, "rule", path + "monitoring.");
    }
  }
  return d;
}

ArchitectureSpec read_architecture(const Reader& r, const Profile& p, const YAML::Node& node) {
  if (!node.IsMap()) r.fail(node, "architecture", "must be a mapping");
  ArchitectureSpec a;
  a.document = read_plan_document(r, p, r.need(node, "document", "architecture."), "architecture.document.", false);
  a.roadmap = read_plan_document(r, p, r.need(node, "roadmap", "architecture."), "architecture.roadmap.", true);
  if (auto checks = node["checks"]; checks.IsDefined() && !checks.IsNull()) {
    if (!checks.IsMap()) r.fail(checks, "architecture.checks", "must be a mapping of check id to rule id");
    for (const auto& kv : checks)
      a.checks[kv.first.Scalar()] = rule_field(r, p, checks, kv.first.Scalar(), "architecture.checks.");
  }
  return a;
}

}  // namespace simpul::tenancy
