#include "infrastructure/profile_section.hpp"

#include <algorithm>

#include "tenancy/profile_reader.hpp"
#include "tenancy/profile_sections.hpp"

namespace simpul::infrastructure {
namespace {

constexpr const char* kKey = "infrastructure";
const std::vector<std::string> kSiteKinds = {"pusat_data_pemda", "pdn", "ruang_server_pd"};

std::optional<std::string> rule_at(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n,
                                   const std::string& key, const std::string& path) {
  auto v = r.opt_str(n, key, path);
  tenancy::check_rule_ref(r, p, n[key], path + key, v);
  return v;
}

InfraSpec parse(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n) {
  InfraSpec s;
  const std::string at = "infrastructure.";
  if (!n.IsMap()) r.fail(n, "infrastructure", "must be a mapping");
  static const std::vector<std::string> kKeys = {"operator",
                                                 "operator_rule",
                                                 "placement",
                                                 "colocation_rule",
                                                 "vps",
                                                 "pd_data_centre_ban_rule",
                                                 "backup",
                                                 "lan_diagram",
                                                 "lan_change_report_rule",
                                                 "device_coordination_rule",
                                                 "articles",
                                                 "bandwidth",
                                                 "wan_rule",
                                                 "lan_built_by_rule",
                                                 "service_review_rule",
                                                 "not_enforced"};
  for (const auto& kv : n)
    if (std::find(kKeys.begin(), kKeys.end(), kv.first.Scalar()) == kKeys.end())
      r.fail(kv.first, at + kv.first.Scalar(), "is not a key of the infrastructure section");
  s.operator_role = r.str(n, "operator", at);
  if (std::none_of(p.roles.begin(), p.roles.end(), [&](const auto& role) { return role.id == s.operator_role; }))
    r.fail(n["operator"], at + "operator", "'" + s.operator_role + "' is not a role of this profile");
  s.operator_rule = rule_at(r, p, n, "operator_rule", at);
  auto placement = r.need(n, "placement", at);
  s.placement_rule = rule_at(r, p, placement, "rule", at + "placement.");
  s.placement_permission_rule = rule_at(r, p, placement, "permission_rule", at + "placement.");
  s.placement_note_rule = rule_at(r, p, placement, "note_rule", at + "placement.");
  if (s.placement_note_rule && s.placement_rule)
    r.fail(placement["note_rule"], at + "placement.note_rule", "only where placement is left to the PD (rule: null)");
  s.pusat_data_kinds.clear();
  for (const auto& k : r.seq(placement, "pusat_data", at + "placement.")) {
    if (std::find(kSiteKinds.begin(), kSiteKinds.end(), k.Scalar()) == kSiteKinds.end() ||
        k.Scalar() == "ruang_server_pd")
      r.fail(k, at + "placement.pusat_data", "must list pusat_data_pemda and/or pdn");
    s.pusat_data_kinds.push_back(k.Scalar());
  }
  s.colocation_rule = rule_at(r, p, n, "colocation_rule", at);
  auto vps = r.need(n, "vps", at);
  s.vps_rule = rule_at(r, p, vps, "rule", at + "vps.");
  s.vps_duty = r.str(vps, "dinas_duty", at + "vps.");
  if (s.vps_duty != "wajib" && s.vps_duty != "dapat" && s.vps_duty != "none")
    r.fail(vps["dinas_duty"], at + "vps.dinas_duty", "must be wajib, dapat or none");
  s.pd_data_centre_ban_rule = rule_at(r, p, n, "pd_data_centre_ban_rule", at);
  auto backup = r.need(n, "backup", at);
  s.backup_rule = rule_at(r, p, backup, "rule", at + "backup.");
  s.backup_legal_exception = r.boolean(backup, "legal_exception", at + "backup.", false);
  s.backup_by_dinas_rule = rule_at(r, p, backup, "by_dinas_rule", at + "backup.");
  auto lan = r.need(n, "lan_diagram", at);
  s.lan_diagram_rule = rule_at(r, p, lan, "rule", at + "lan_diagram.");
  if (lan["months"].IsDefined() && !lan["months"].IsNull()) {
    s.lan_diagram_months = r.integer(lan["months"], at + "lan_diagram.months");
    if (s.lan_diagram_months < 1 || s.lan_diagram_months > 120)
      r.fail(lan["months"], at + "lan_diagram.months", "must be 1-120 or null");
  }
  s.lan_change_report_rule = rule_at(r, p, n, "lan_change_report_rule", at);
  s.device_coordination_rule = rule_at(r, p, n, "device_coordination_rule", at);
  if (n["bandwidth"].IsDefined() && !n["bandwidth"].IsNull()) {
    auto bw = n["bandwidth"];
    s.bandwidth_request_rule = rule_at(r, p, bw, "request_rule", at + "bandwidth.");
    s.bandwidth_evaluation_rule = rule_at(r, p, bw, "evaluation_rule", at + "bandwidth.");
    s.bandwidth_monthly = r.boolean(bw, "monthly", at + "bandwidth.", false);
    s.bandwidth_report_rule = rule_at(r, p, bw, "report_rule", at + "bandwidth.");
    if (auto team = r.opt_str(bw, "report_team", at + "bandwidth.")) s.bandwidth_report_team = *team;
    if (s.bandwidth_monthly && !s.bandwidth_evaluation_rule)
      r.fail(bw, at + "bandwidth.monthly", "a monthly evaluation needs its evaluation_rule");
  }
  s.wan_rule = rule_at(r, p, n, "wan_rule", at);
  s.lan_built_by_rule = rule_at(r, p, n, "lan_built_by_rule", at);
  s.service_review_rule = rule_at(r, p, n, "service_review_rule", at);
  if (auto why = n["not_enforced"]; why.IsDefined() && !why.IsNull()) {
    if (!why.IsMap()) r.fail(why, at + "not_enforced", "must map rule ids to reasons");
    for (const auto& kv : why) {
      auto rule = kv.first.Scalar();
      std::optional<std::string> ref = rule;
      tenancy::check_rule_ref(r, p, kv.first, at + "not_enforced." + rule, ref);
      if (!kv.second.IsScalar() || kv.second.Scalar().empty())
        r.fail(kv.second, at + "not_enforced." + rule, "must be a non-empty reason");
      s.not_enforced[rule] = "not yet enforced: " + kv.second.Scalar();
    }
  }
  auto articles = r.seq(n, "articles", at);
  if (articles.size() != 2) r.fail(articles, at + "articles", "must be [first, last]");
  s.first_article = r.integer(articles[0], at + "articles");
  s.last_article = r.integer(articles[1], at + "articles");
  if (s.first_article < 1 || s.last_article < s.first_article)
    r.fail(articles, at + "articles", "must be [first, last] with first <= last");
  return s;
}

}  // namespace

const InfraSpec& spec_of(const tenancy::Profile& p) {
  static const InfraSpec kDefaults;
  const auto* s = p.section<InfraSpec>(kKey);
  return s ? *s : kDefaults;
}

void add_profile_section(tenancy::ProfileSections& sections) {
  sections.add(kKey, [](const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n) -> std::any {
    if (!n.IsDefined() || n.IsNull()) return std::any{};
    return parse(r, p, n);
  });
}

}  // namespace simpul::infrastructure
