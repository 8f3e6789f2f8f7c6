#include "planning/json.hpp"

#include <boost/json/array.hpp>

#include "planning/line_rules.hpp"

namespace simpul::planning {
namespace {

boost::json::value plan_opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::value plan_citation(const tenancy::Profile& p, const std::optional<std::string>& rule) {
  auto r = tenancy::rule_ref(p, rule);
  if (!r) return nullptr;
  return boost::json::object{{"id", r->id}, {"citation", r->citation}};
}

std::string proposal_state_name(const std::string& state) {
  if (state == "draf") return "Draf";
  if (state == "diajukan") return "Diajukan";
  if (state == "diverifikasi") return "Diverifikasi";
  if (state == "disetujui") return "Disetujui";
  return state;
}

std::string choice_label(const std::vector<Choice>& items, const std::string& id) {
  for (const auto& c : items)
    if (c.id == id) return c.name;
  return id;
}

std::string check_name(const std::string& kind) {
  if (kind == "harga_di_atas_standar") return "Harga di atas standar satuan harga";
  if (kind == "akun_tidak_diizinkan") return "Kode rekening tidak diizinkan untuk item SSH";
  if (kind == "ssh_tidak_dikenal") return "Item SSH tidak dikenal";
  return kind;
}

boost::json::array amounts_json(const std::vector<Amount>& items) {
  boost::json::array out;
  for (const auto& a : items)
    out.push_back(boost::json::object{{"key", a.key}, {"label", a.label}, {"total", a.total}, {"lines", a.lines}});
  return out;
}

std::string decision_name(const std::string& d) {
  if (d == "duplikat") return "Duplikasi";
  if (d == "berbeda") return "Berbeda";
  return "Belum diputuskan";
}

std::string reason_name(const std::string& r) {
  if (r == "nama_mirip") return "Nama mirip";
  if (r == "ssh_sama") return "Item SSH sama";
  if (r == "elemen_sama") return "Elemen arsitektur sama";
  if (r == "aplikasi_mirip") return "Aplikasi mirip";
  if (r == "aplikasi_umum_mirip") return "Mirip Aplikasi Umum";
  if (r == "aplikasi_pd_lain_mirip") return "Mirip aplikasi Perangkat Daerah lain";
  return r;
}

/// The label of a classification value: the reserved class's or the category's name.
std::string correction_label(const PlanningProfile& plan, const std::string& field, const std::string& value) {
  if (field == "reserved_class") {
    const auto* r = plan.reserved_class(value);
    return r ? r->name : "Tidak termasuk belanja yang dikhususkan";
  }
  return value.empty() ? "Tanpa kategori" : choice_label(plan.categories, value);
}

}  // namespace

boost::json::object to_json(const tenancy::Profile& p, const Cycle& x) {
  (void)p;
  return {{"id", x.id},
          {"fiscal_year", x.fiscal_year},
          {"title", x.title},
          {"submission_deadline", x.submission_deadline},
          {"verification_deadline", x.verification_deadline},
          {"state", x.state},
          {"state_name", x.state == "dibuka" ? "Dibuka" : "Ditutup"},
          {"opened_by_name", x.opened_by_name},
          {"opened_at", x.opened_at},
          {"closed_at", plan_opt(x.closed_at)}};
}

boost::json::object to_json(const tenancy::Profile& p, const Proposal& x) {
  (void)p;
  return {{"id", x.id},
          {"cycle_id", x.cycle_id},
          {"agency_id", x.agency_id},
          {"agency_name", x.agency_name},
          {"state", x.state},
          {"state_name", proposal_state_name(x.state)},
          {"recommendation", x.recommendation},
          {"recommended_at", plan_opt(x.recommended_at)},
          {"recommended_by_name", plan_opt(x.recommended_by_name)},
          {"submitted_at", plan_opt(x.submitted_at)},
          {"verified_at", plan_opt(x.verified_at)},
          {"verified_by_name", plan_opt(x.verified_by_name)},
          {"approved_at", plan_opt(x.approved_at)},
          {"approved_by_name", plan_opt(x.approved_by_name)},
          {"total", x.total},
          {"line_count", x.line_count},
          {"created_at", x.created_at}};
}

boost::json::object to_json(const tenancy::Profile& p, const Line& l) {
  const auto& plan = planning_profile(p);
  const auto* reserved = line_class(plan, l);
  boost::json::array elements, checks;
  for (const auto& e : l.element_ids) elements.emplace_back(e);
  for (const auto& c : l.checks)
    checks.push_back(boost::json::object{{"kind", c.kind},
                                         {"kind_name", check_name(c.kind)},
                                         {"message", c.message},
                                         {"rule", plan_citation(p, c.rule)}});
  return {{"id", l.id},
          {"proposal_id", l.proposal_id},
          {"cycle_id", l.cycle_id},
          {"agency_id", l.agency_id},
          {"sub_activity", l.sub_activity},
          {"account_code", l.account_code},
          {"name", l.name},
          {"specification", l.specification},
          {"ssh_code", l.ssh_code},
          {"volume_text", l.volume_text},
          {"volume", l.volume},
          {"unit", l.unit},
          {"unit_price", l.unit_price},
          {"total", l.total},
          {"funding_source", l.funding_source},
          {"funding_source_name", choice_label(plan.funding_sources, l.funding_source)},
          {"category", l.category},
          {"category_name", l.category.empty() ? std::string() : choice_label(plan.categories, l.category)},
          {"element_ids", elements},
          {"initiative_id", plan_opt(l.initiative_id)},
          {"checks", checks},
          {"reserved_class", reserved ? boost::json::value(reserved->id) : boost::json::value(nullptr)},
          {"reserved_class_name", reserved ? boost::json::value(reserved->name) : boost::json::value(nullptr)},
          {"class_corrected", l.class_override.has_value()},
          {"created_at", l.created_at},
          {"updated_at", l.updated_at}};
}

boost::json::object to_json(const tenancy::Profile& p, const ProposalView& v) {
  auto out = to_json(p, v.proposal);
  boost::json::array lines;
  for (const auto& l : v.lines) lines.push_back(to_json(p, l));
  out["lines"] = std::move(lines);
  out["unresolved_candidates"] = v.unresolved_candidates;
  const auto& plan = planning_profile(p);
  boost::json::array corrections;
  for (const auto& x : v.corrections)
    corrections.push_back({{"id", x.id},
                           {"line_id", x.line_id},
                           {"line_name", x.line_name},
                           {"field", x.field},
                           {"field_name", x.field == "category" ? "Kategori belanja" : "Belanja yang dikhususkan"},
                           {"from", x.from},
                           {"from_name", correction_label(plan, x.field, x.from)},
                           {"to", x.to},
                           {"to_name", correction_label(plan, x.field, x.to)},
                           {"reason", x.reason},
                           {"by_name", x.by_name},
                           {"at", x.at}});
  out["corrections"] = std::move(corrections);
  return out;
}

boost::json::object to_json(const tenancy::Profile& p, const LiveCheck& v) {
  boost::json::object out;
  if (v.refusal) {
    boost::json::object r{{"code", std::string(error_code_string(v.refusal->code()))},
                          {"details", v.refusal->details()}};
    r["rule"] = v.refusal->rule() ? boost::json::value(boost::json::object{{"id", v.refusal->rule()->id},
                                                                           {"citation", v.refusal->rule()->citation}})
                                  : boost::json::value(nullptr);
    out["refusal"] = std::move(r);
  } else {
    out["refusal"] = nullptr;
  }
  boost::json::array checks, dupes;
  for (const auto& c : v.checks)
    checks.push_back(boost::json::object{{"kind", c.kind},
                                         {"kind_name", check_name(c.kind)},
                                         {"message", c.message},
                                         {"rule", plan_citation(p, c.rule)}});
  for (const auto& l : v.possible_duplicates) dupes.push_back(to_json(p, l));
  out["checks"] = std::move(checks);
  out["total"] = v.total;
  out["possible_duplicates"] = std::move(dupes);
  boost::json::array apps;
  for (const auto& a : v.similar_applications)
    apps.push_back(
        boost::json::object{{"id", a.id},
                            {"code", a.code},
                            {"name", a.name},
                            {"agency_id", a.agency_id},
                            {"agency_name", a.agency_name},
                            {"umum", a.umum},
                            {"kind_name", a.umum ? "Aplikasi Umum" : "Aplikasi Perangkat Daerah lain"},
                            {"score", a.score},
                            {"reason", boost::json::object{{"id", a.reason}, {"name", reason_name(a.reason)}}}});
  out["similar_applications"] = std::move(apps);
  return out;
}

boost::json::object to_json(const tenancy::Profile& p, const CandidateView& v) {
  boost::json::array reasons;
  for (const auto& r : v.pair.reasons) reasons.push_back(boost::json::object{{"id", r}, {"name", reason_name(r)}});
  auto a = to_json(p, v.a), b = to_json(p, v.b);
  a["agency_name"] = v.agency_a;
  b["agency_name"] = v.agency_b;
  return {{"id", v.pair.id},
          {"cycle_id", v.pair.cycle_id},
          {"score", v.pair.score},
          {"reasons", reasons},
          {"decision", v.pair.decision.empty() ? boost::json::value(nullptr) : boost::json::value(v.pair.decision)},
          {"decision_name", decision_name(v.pair.decision)},
          {"reason", v.pair.reason},
          {"decided_by_name", v.pair.decided_by_name},
          {"decided_at", plan_opt(v.pair.decided_at)},
          {"found_at", v.pair.found_at},
          {"line_a", a},
          {"line_b", b}};
}

boost::json::object to_json(const PriceList& x) {
  return {{"id", x.id},
          {"year", x.year},
          {"decree_number", x.decree_number},
          {"decree_date", x.decree_date},
          {"item_count", x.item_count},
          {"created_at", x.created_at}};
}

boost::json::object to_json(const PriceImportResult& r) {
  boost::json::array problems;
  for (const auto& row : r.problems) {
    boost::json::array list;
    for (const auto& m : row.problems) list.emplace_back(m);
    problems.push_back(boost::json::object{{"row", row.row}, {"problems", list}});
  }
  return {{"dry_run", r.dry_run},
          {"items", r.items},
          {"problems", problems},
          {"list", r.list ? boost::json::value(to_json(*r.list)) : boost::json::value(nullptr)}};
}

boost::json::object to_json(const tenancy::Profile& p, const Consolidated& x) {
  return {{"cycle", to_json(p, x.cycle)},
          {"total", x.total},
          {"by_category", amounts_json(x.by_category)},
          {"by_agency", amounts_json(x.by_agency)},
          {"by_domain", amounts_json(x.by_domain)},
          {"by_initiative", amounts_json(x.by_initiative)},
          {"initiatives_without_budget", amounts_json(x.initiatives_without_budget)},
          {"without_initiative", boost::json::object{{"key", ""},
                                                     {"label", x.without_initiative.label},
                                                     {"total", x.without_initiative.total},
                                                     {"lines", x.without_initiative.lines}}}};
}

boost::json::object options_json(const tenancy::Profile& p) {
  const auto& plan = planning_profile(p);
  auto choices = [](const std::vector<Choice>& items) {
    boost::json::array out;
    for (const auto& c : items) out.push_back(boost::json::object{{"id", c.id}, {"name", c.name}});
    return out;
  };
  boost::json::array coordinators, reserved;
  for (const auto& role : plan.coordinator_roles)
    for (const auto& r : p.roles)
      if (r.id == role) coordinators.emplace_back(r.name);
  for (const auto& r : plan.reserved) {
    std::string holder;
    for (const auto& role : p.roles)
      if (role.id == r.holder_role) holder = role.name;
    reserved.push_back(
        boost::json::object{{"id", r.id}, {"name", r.name}, {"holder", holder}, {"rule", plan_citation(p, r.rule)}});
  }
  std::string recommender;
  for (const auto& role : p.roles)
    if (role.id == plan.recommendation_role) recommender = role.name;
  return {{"coordinators", coordinators},
          {"coordinator_rule", plan_citation(p, plan.coordinator_rule)},
          {"link_rule", plan_citation(p, plan.link_rule)},
          {"categories", choices(plan.categories)},
          {"category_required", plan.categories_rule.has_value()},
          {"categories_rule", plan_citation(p, plan.categories_rule)},
          {"funding_sources", choices(plan.funding_sources)},
          {"funding_rule", plan_citation(p, plan.funding_rule)},
          {"price_rule", plan_citation(p, plan.price_rule)},
          {"duplicate_rule", plan_citation(p, plan.duplicate_rule)},
          {"approval_rule", plan_citation(p, plan.approval_rule)},
          {"recommender", recommender.empty() ? boost::json::value(nullptr) : boost::json::value(recommender)},
          {"recommendation_rule", plan_citation(p, plan.recommendation_rule)},
          {"recommendation_required", plan.recommendation_required},
          {"reserved", reserved}};
}

}  // namespace simpul::planning
