#include "tenancy/json.hpp"

#include "http/json_io.hpp"

namespace simpul::tenancy {

namespace {
boost::json::value optional_text(const std::optional<std::string>& s) {
  return s ? boost::json::value(*s) : boost::json::value(nullptr);
}
boost::json::value domain_json(const DomainSpec& d) {
  return boost::json::object{{"literal", d.literal}, {"effective", d.effective}, {"rule", optional_text(d.rule)}};
}
}  // namespace

boost::json::object to_json(const Agency& a) {
  return {{"id", a.id},
          {"code", a.code},
          {"name", a.name},
          {"short_name", a.short_name},
          {"type", a.type},
          {"flags", http::json_strings(a.flags)},
          {"mandiri_tik_decree", optional_text(a.mandiri_tik_decree)},
          {"head_title", a.head_title},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

boost::json::object to_json(const Position& p) {
  return {{"id", p.id},
          {"role_id", p.role_id},
          {"title", p.title},
          {"holder_name", p.holder_name},
          {"agency_id", p.agency_id}};
}

boost::json::object to_json(const TeamMember& m, const TeamSpec* spec) {
  const TeamPosition* pos = spec ? spec->position(m.position_id) : nullptr;
  return {{"id", m.id},
          {"team_id", m.team_id},
          {"user_id", m.user_id},
          {"display_name", m.display_name},
          {"agency_name", m.agency_name},
          {"position_id", m.position_id},
          {"position_name", pos ? pos->name : m.position_id},
          {"created_at", m.created_at}};
}

boost::json::object rule_ref_json(const Profile& profile, const std::optional<std::string>& rule_id) {
  if (!rule_id) return {};
  const RuleInstance* r = profile.rule(*rule_id);
  return {{"id", *rule_id}, {"citation", r ? r->citation : ""}};
}

boost::json::object to_json(const Team& t, const Profile& profile) {
  const TeamSpec* spec = profile.team(t.kind);
  boost::json::array positions, members;
  if (spec)
    for (const auto& p : spec->positions) {
      boost::json::value rule = p.rule ? boost::json::value(rule_ref_json(profile, p.rule)) : nullptr;
      positions.push_back(boost::json::object{{"id", p.id},
                                              {"name", p.name},
                                              {"holder", optional_text(p.holder)},
                                              {"min", p.min},
                                              {"max", p.max ? boost::json::value(*p.max) : nullptr},
                                              {"rule", rule},
                                              {"duties", http::json_strings(p.duties)}});
    }
  for (const auto& m : t.members) members.push_back(to_json(m, spec));
  boost::json::value rule = spec && spec->rule ? boost::json::value(rule_ref_json(profile, spec->rule)) : nullptr;
  return {{"id", t.id},
          {"kind", t.kind},
          {"name", spec ? spec->name : t.kind},
          {"instrument", spec ? optional_text(spec->instrument) : nullptr},
          {"optional", spec ? spec->optional : false},
          {"rule", rule},
          {"positions", positions},
          {"members", members}};
}

boost::json::object to_json(const Tenant& t, const Profile& p) {
  return {{"id", t.id},
          {"slug", t.slug},
          {"name", t.name},
          {"profile_id", t.profile_id},
          {"profile_version", t.profile_version},
          {"region", {{"type", p.region_type}, {"name", p.region_name}, {"head_title", p.head_title}}},
          {"regulation",
           {{"instrument", p.regulation_instrument},
            {"number", optional_text(p.regulation_number)},
            {"year", p.regulation_year ? boost::json::value(*p.regulation_year) : nullptr},
            {"title", p.regulation_title},
            {"label", p.regulation_label()}}},
          {"domain", domain_json(p.domain)},
          {"email_domain", p.email_domain ? domain_json(*p.email_domain) : nullptr},
          // The Pemda's local time: every date the console shows is in it (WIB, WITA or WIT).
          {"time_zone",
           {{"id", p.time_zone},
            {"iana", p.time_zone == "WIT"    ? "Asia/Jayapura"
                     : p.time_zone == "WITA" ? "Asia/Makassar"
                                             : "Asia/Jakarta"},
            {"utc_offset_hours", p.utc_offset_hours()},
            {"today", p.today()}}},
          {"grace_period_days", {{"days", p.grace_days}, {"stated_in_profile", p.grace_days_stated}}},
          {"created_at", t.created_at}};
}

}  // namespace simpul::tenancy
