#include "servicedesk/profile_section.hpp"

#include <algorithm>

#include "tenancy/profile_reader.hpp"

namespace simpul::servicedesk {
namespace {

constexpr const char* kKey = "servicedesk";

std::vector<Choice> default_types() {
  return {{"keluhan", "Keluhan", "Complaint"},
          {"gangguan", "Gangguan", "Incident"},
          {"masalah", "Masalah", "Problem"},
          {"permintaan", "Permintaan", "Request"},
          {"perubahan", "Perubahan", "Change"}};
}

void set_defaults(DeskRules& d) {
  d.levels = {{"tinggi", "Tinggi", "High"}, {"sedang", "Sedang", "Medium"}, {"rendah", "Rendah", "Low"}};
  d.priorities = {{"kritis", "Kritis", "Critical", 30, 4 * 60},
                  {"tinggi", "Tinggi", "High", 60, 8 * 60},
                  {"sedang", "Sedang", "Medium", 4 * 60, 3 * 8 * 60},
                  {"rendah", "Rendah", "Low", 8 * 60, 5 * 8 * 60}};
  d.matrix = {{"tinggi", {{"tinggi", "kritis"}, {"sedang", "tinggi"}, {"rendah", "sedang"}}},
              {"sedang", {{"tinggi", "tinggi"}, {"sedang", "sedang"}, {"rendah", "rendah"}}},
              {"rendah", {{"tinggi", "sedang"}, {"sedang", "rendah"}, {"rendah", "rendah"}}}};
  d.working_days = {1, 2, 3, 4, 5};
}

int minute_of_day(const tenancy::Reader& r, const YAML::Node& n, const std::string& field) {
  std::string t = n.IsScalar() ? n.Scalar() : "";
  if (t.size() != 5 || t[2] != ':' || !std::isdigit((unsigned char)t[0]) || !std::isdigit((unsigned char)t[1]) ||
      !std::isdigit((unsigned char)t[3]) || !std::isdigit((unsigned char)t[4]))
    r.fail(n, field, "must be HH:MM");
  int m = std::stoi(t.substr(0, 2)) * 60 + std::stoi(t.substr(3, 2));
  if (m > 24 * 60) r.fail(n, field, "must be a time of day");
  return m;
}

std::optional<std::string> rule_field(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n,
                                      const char* key) {
  auto v = r.opt_str(n, key, "servicedesk.");
  tenancy::check_rule_ref(r, p, n[key], std::string("servicedesk.") + key, v);
  return v;
}

std::vector<Choice> choices(const tenancy::Reader& r, const YAML::Node& list, const std::string& path) {
  std::vector<Choice> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& n = list[i];
    std::string at = path + "[" + std::to_string(i) + "].";
    out.push_back(
        {r.str(n, "id", at), r.str(n, "name", at), r.opt_str(n, "name_en", at).value_or(r.str(n, "name", at))});
  }
  return out;
}

DeskRules parse(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n) {
  DeskRules d;
  set_defaults(d);
  d.types = default_types();
  if (!n.IsDefined() || n.IsNull()) return d;
  if (!n.IsMap()) r.fail(n, kKey, "must be a mapping");
  if (n["tiers"].IsDefined()) {
    d.tiers = r.integer(n["tiers"], "servicedesk.tiers");
    if (d.tiers != 1 && d.tiers != 2) r.fail(n["tiers"], "servicedesk.tiers", "must be 1 or 2");
  }
  if (auto t = n["ticket_types"]; t.IsDefined()) {
    d.types = choices(r, r.seq(t, "items", "servicedesk.ticket_types."), "servicedesk.ticket_types.items");
    auto rule = r.opt_str(t, "rule", "servicedesk.ticket_types.");
    tenancy::check_rule_ref(r, p, t["rule"], "servicedesk.ticket_types.rule", rule);
    d.types_rule = rule.value_or("");
  }
  d.structure_rule = rule_field(r, p, n, "structure_rule");
  d.level1_rule = rule_field(r, p, n, "level1_rule");
  d.level2_rule = rule_field(r, p, n, "level2_rule");
  d.level2_direct_for_dinas_services = r.boolean(n, "level2_direct_for_dinas_services", "servicedesk.", false);
  d.dinas_services_from_catalogue = r.boolean(n, "dinas_services_from_catalogue", "servicedesk.", false);
  d.escalation_rule = rule_field(r, p, n, "escalation_rule");
  d.level1_duty_rule = rule_field(r, p, n, "level1_duty_rule");
  d.level2_duty_rule = rule_field(r, p, n, "level2_duty_rule");
  d.level1_staffing_rule = rule_field(r, p, n, "level1_staffing_rule");
  d.level2_staffing_rule = rule_field(r, p, n, "level2_staffing_rule");
  d.desk_required_rule = rule_field(r, p, n, "desk_required_rule");
  d.sop_rule = rule_field(r, p, n, "sop_rule");
  d.report_rule = rule_field(r, p, n, "report_rule");
  d.knowledge_rule = rule_field(r, p, n, "knowledge_rule");
  d.service_kinds_rule = rule_field(r, p, n, "service_kinds_rule");
  d.aplikasi_umum_rule = rule_field(r, p, n, "aplikasi_umum_rule");
  if (n["report_every_months"].IsDefined())
    d.report_every_months = r.integer(n["report_every_months"], "servicedesk.report_every_months");
  if (n["reopen_days"].IsDefined()) d.reopen_days = r.integer(n["reopen_days"], "servicedesk.reopen_days");
  if (n["sla_warning_percent"].IsDefined())
    d.sla_warning_percent = r.integer(n["sla_warning_percent"], "servicedesk.sla_warning_percent");
  if (d.sla_warning_percent < 1 || d.sla_warning_percent > 99)
    r.fail(n["sla_warning_percent"], "servicedesk.sla_warning_percent", "must be 1-99");
  if (d.reopen_days < 0 || d.reopen_days > 90) r.fail(n["reopen_days"], "servicedesk.reopen_days", "must be 0-90");
  if (d.tiers == 2 && (!d.level1_rule || !d.escalation_rule))
    r.fail(n, kKey, "two tiers need level1_rule and escalation_rule");
  if (auto list = n["priorities"]; list.IsDefined()) {
    d.priorities.clear();
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string at = "servicedesk.priorities[" + std::to_string(i) + "].";
      const auto& x = list[i];
      Priority pr{r.str(x, "id", at), r.str(x, "name", at), r.opt_str(x, "name_en", at).value_or(r.str(x, "name", at)),
                  r.integer(r.need(x, "own_minutes", at), at + "own_minutes"),
                  r.integer(r.need(x, "resolve_minutes", at), at + "resolve_minutes")};
      if (pr.own_minutes < 1 || pr.resolve_minutes < pr.own_minutes)
        r.fail(x, at + "resolve_minutes", "targets must be positive, own <= resolve");
      d.priorities.push_back(pr);
    }
  }
  if (auto m = n["matrix"]; m.IsDefined()) {
    d.matrix.clear();
    for (const auto& u : d.levels)
      for (const auto& i : d.levels) {
        std::string field = "servicedesk.matrix." + u.id + "." + i.id;
        auto cell = m[u.id][i.id];
        if (!cell.IsDefined() || !cell.IsScalar()) r.fail(m, field, "is required");
        if (!d.priority(cell.Scalar())) r.fail(cell, field, "is not one of the priorities");
        d.matrix[u.id][i.id] = cell.Scalar();
      }
  }
  if (auto w = n["working_hours"]; w.IsDefined()) {
    d.day_start_minute =
        minute_of_day(r, r.need(w, "start", "servicedesk.working_hours."), "servicedesk.working_hours.start");
    d.day_end_minute =
        minute_of_day(r, r.need(w, "end", "servicedesk.working_hours."), "servicedesk.working_hours.end");
    if (d.day_end_minute <= d.day_start_minute) r.fail(w, "servicedesk.working_hours.end", "must be after start");
    if (auto days = w["days"]; days.IsDefined()) {
      d.working_days.clear();
      for (std::size_t i = 0; i < days.size(); ++i) {
        int day = r.integer(days[i], "servicedesk.working_hours.days");
        if (day < 1 || day > 7) r.fail(days[i], "servicedesk.working_hours.days", "must be ISO weekdays 1-7");
        d.working_days.push_back(day);
      }
    }
  }
  return d;
}

}  // namespace

const Priority* DeskRules::priority(const std::string& id) const {
  for (const auto& p : priorities)
    if (p.id == id) return &p;
  return nullptr;
}

const Choice* DeskRules::type(const std::string& id) const {
  for (const auto& t : types)
    if (t.id == id) return &t;
  return nullptr;
}

bool DeskRules::level(const std::string& id) const {
  return std::any_of(levels.begin(), levels.end(), [&](const Choice& c) { return c.id == id; });
}

void add_profile_section(tenancy::ProfileSections& sections) {
  sections.add(kKey, [](const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n) -> std::any {
    return parse(r, p, n);
  });
}

const DeskRules& rules_of(const tenancy::Profile& p) {
  if (const auto* d = p.section<DeskRules>(kKey)) return *d;
  static const DeskRules fallback = [] {
    DeskRules d;
    set_defaults(d);
    d.types = default_types();
    return d;
  }();
  return fallback;
}

}  // namespace simpul::servicedesk
