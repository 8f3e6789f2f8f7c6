// A PD's proposal lines: built and checked with the region's line rules (architecture link, funding
// source, category, reserved spending, standard prices), written with their ledger entry and indexed
// for the duplicate finder; the live check while a line is typed (docs/plan-and-budget.md).
#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "planning/duplicates/index.hpp"
#include "planning/errors.hpp"
#include "planning/line_rules.hpp"
#include "planning/repository.hpp"
#include "planning/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {
namespace {

[[noreturn]] void refuse_by(const tenancy::Profile& p, ErrorCode code, const std::optional<std::string>& rule,
                            boost::json::object details) {
  throw Error(code, std::move(details), tenancy::rule_ref(p, rule));
}

bool has_choice(const std::vector<Choice>& items, const std::string& id) {
  for (const auto& c : items)
    if (c.id == id) return true;
  return false;
}

boost::json::array choice_ids(const std::vector<Choice>& items) {
  boost::json::array out;
  for (const auto& c : items) out.emplace_back(c.id);
  return out;
}

duplicates::LineText line_text_of(const Line& l) {
  return duplicates::LineText{l.id, l.cycle_id, l.agency_id, l.name, l.specification, l.ssh_code, l.element_ids};
}

bool editable(const Proposal& p) { return p.state == "draf"; }

}  // namespace

Line Service::build_line(storage::Connection& c, const Scope& s, const Cycle& cycle, const Proposal& pr,
                         const LineInput& in, const std::optional<std::string>& class_override) const {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  if (in.sub_activity.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "sub_activity"}});
  if (in.name.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "name"}});
  if (!valid_account_code(in.account_code))
    throw Error(ErrorCode::PlanAccountCodeInvalid,
                {{"field", "account_code"}, {"expected", "5.x.x… (2 to 6 groups of digits after 5)"}});
  if (in.factors.empty() || in.factors.size() > 4)
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "volume"}, {"reason", "1 to 4 factors"}});
  Line l;
  l.volume = 1;
  for (const auto& f : in.factors) {
    if (f.quantity <= 0)
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "volume"}, {"reason", "each quantity must be at least 1"}});
    if (f.unit.empty())
      throw Error(ErrorCode::ValidationMissingField, {{"field", "volume"}, {"reason", "each factor needs its unit"}});
    auto v = checked_product(l.volume, f.quantity);
    if (!v) throw Error(ErrorCode::PlanAmountOverflow, {{"field", "volume"}, {"reason", "overflow"}});
    l.volume = *v;
    l.unit += (l.unit.empty() ? "" : " x ") + f.unit;
  }
  if (in.unit_price <= 0)
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "unit_price"}, {"reason", "must be a positive whole number of Rupiah"}});
  auto total = checked_product(l.volume, in.unit_price);
  if (!total) throw Error(ErrorCode::PlanAmountOverflow, {{"field", "total"}, {"reason", "overflow"}});
  l.total = *total;
  if (!has_choice(plan.funding_sources, in.funding_source))
    refuse_by(p, ErrorCode::ValidationInvalidValue, plan.funding_rule,
              {{"field", "funding_source"}, {"allowed", choice_ids(plan.funding_sources)}});
  if (in.category.empty()) {
    if (plan.categories_rule)
      refuse_by(p, ErrorCode::ValidationMissingField, plan.categories_rule, {{"field", "category"}});
  } else if (!has_choice(plan.categories, in.category)) {
    refuse_by(p, ErrorCode::ValidationInvalidValue, plan.categories_rule,
              {{"field", "category"}, {"allowed", choice_ids(plan.categories)}});
  }
  // Guided by the architecture and the roadmap: the elements and the initiative the line serves.
  if (plan.link_rule && (in.element_ids.empty() || !in.initiative_id))
    refuse_by_rule(
        p, ErrorCode::PlanGateRefused, ErrorCode::ValidationMissingField, plan.link_rule,
        {{"field", in.element_ids.empty() ? "element_ids" : "initiative_id"}, {"reason", "architecture_link_missing"}});
  std::set<std::string> unique(in.element_ids.begin(), in.element_ids.end());
  for (const auto& id : unique)
    if (!elements_.find(c, s, id))
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "element_ids"}, {"element_id", id}, {"reason", "unknown element"}});
  if (in.initiative_id && !roadmap_.find(c, s, *in.initiative_id))
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "initiative_id"}, {"reason", "unknown initiative"}});
  // Spending reserved to one PD (the Dinas): the class the planning agency corrected, else the
  // one the account, SSH code and text give.
  if (const auto* reserved = class_override ? plan.reserved_class(*class_override)
                                            : classify(plan, in.account_code, in.ssh_code, in.name, in.specification))
    if (!holds_class(c, s, pr.agency_id, *reserved)) refuse_reserved(p, *reserved, {});
  l.sub_activity = in.sub_activity;
  l.account_code = in.account_code;
  l.name = in.name;
  l.specification = in.specification;
  l.ssh_code = in.ssh_code;
  l.volume_text = volume_text(in.factors);
  l.unit_price = in.unit_price;
  l.funding_source = in.funding_source;
  l.category = in.category;
  l.element_ids.assign(unique.begin(), unique.end());
  l.initiative_id = in.initiative_id;
  l.class_override = class_override;
  l.proposal_id = pr.id;
  l.cycle_id = cycle.id;
  l.agency_id = pr.agency_id;
  // The standard unit price of the cycle's year: flags, not refusals (the PD may justify them).
  if (!l.ssh_code.empty()) {
    auto item = Repository(c).price_item(s, cycle.fiscal_year, l.ssh_code);
    if (item && item->second.code.empty()) {
      l.checks.push_back({"ssh_tidak_dikenal",
                          "Kode SSH tidak ada dalam standar satuan harga tahun " + std::to_string(cycle.fiscal_year),
                          plan.price_rule});
    } else if (item) {
      const auto& [list, price] = *item;
      if (l.unit_price > price.price)
        l.checks.push_back({"harga_di_atas_standar",
                            "Harga satuan Rp" + std::to_string(l.unit_price) + " di atas standar Rp" +
                                std::to_string(price.price) + " (" + list.decree_number + ")",
                            plan.price_rule});
      bool allowed = price.account_codes.empty();
      for (const auto& a : price.account_codes) allowed = allowed || l.account_code.rfind(a, 0) == 0;
      if (!allowed)
        l.checks.push_back({"akun_tidak_diizinkan",
                            "Kode rekening " + l.account_code + " tidak diizinkan untuk item SSH " + price.code,
                            plan.price_rule});
    }
  }
  return l;
}

void Service::index_line(storage::Connection& c, const Scope& s, const Line& l) const {
  duplicates::upsert(c, s.tenant_id, line_text_of(l));
}

Line Service::add_line(const Scope& s, const std::string& proposal_id, const LineInput& in, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto pr = repo.proposal(s, proposal_id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    if (!editable(*pr))
      throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}, {"reason", "only a draft proposal takes lines"}});
    auto cy = repo.cycle(s, pr->cycle_id);
    if (cy->state != "dibuka")
      throw Error(ErrorCode::PlanBadStep, {{"state", cy->state}, {"reason", "the cycle is closed"}});
    auto l = build_line(c, s, *cy, *pr, in);
    l.id = crypto::new_id();
    l.created_at = l.updated_at = clock::now_iso();
    repo.insert(s, l);
    index_line(c, s, l);
    ledger_.append(c, ledger::change_in(
                          s, actor, "planning.line_add", "planning_proposal", pr->id,
                          {{"line_id", l.id}, {"name", l.name}, {"account_code", l.account_code}, {"total", l.total}}));
    return l;
  });
}

Line Service::update_line(const Scope& s, const std::string& line_id, const LineInput& in, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto old = repo.line(s, line_id);
    if (!old) throw Error(ErrorCode::PlanLineNotFound);
    auto pr = repo.proposal(s, old->proposal_id);
    if (!editable(*pr))
      throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}, {"reason", "only a draft proposal takes changes"}});
    auto cy = repo.cycle(s, pr->cycle_id);
    if (cy->state != "dibuka")
      throw Error(ErrorCode::PlanBadStep, {{"state", cy->state}, {"reason", "the cycle is closed"}});
    auto l = build_line(c, s, *cy, *pr, in, old->class_override);
    l.id = old->id;
    l.created_at = old->created_at;
    l.updated_at = clock::now_iso();
    repo.save(s, l);
    index_line(c, s, l);
    ledger_.append(
        c, ledger::change_in(s, actor, "planning.line_update", "planning_proposal", pr->id,
                             {{"line_id", l.id}, {"name", l.name}, {"total_before", old->total}, {"total", l.total}}));
    return l;
  });
}

void Service::remove_line(const Scope& s, const std::string& line_id, const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto old = repo.line(s, line_id);
    if (!old) throw Error(ErrorCode::PlanLineNotFound);
    auto pr = repo.proposal(s, old->proposal_id);
    if (!editable(*pr))
      throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}, {"reason", "only a draft proposal takes changes"}});
    repo.remove_line(s, line_id);
    repo.remove_candidates_of(s, line_id);
    duplicates::remove(c, s.tenant_id, line_id);
    ledger_.append(c, ledger::change_in(s, actor, "planning.line_remove", "planning_proposal", pr->id,
                                        {{"line_id", line_id}, {"name", old->name}, {"total", old->total}}));
  });
}

Line Service::line(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto l = Repository(c).line(s, id);
    if (!l) throw Error(ErrorCode::PlanLineNotFound);
    return *l;
  });
}

LiveCheck Service::check_line(const Scope& s, const std::string& proposal_id, const LineInput& in) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto pr = repo.proposal(s, proposal_id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    auto cy = repo.cycle(s, pr->cycle_id);
    LiveCheck out;
    try {
      auto l = build_line(c, s, *cy, *pr, in);
      out.checks = l.checks;
      out.total = l.total;
    } catch (const Error& e) {
      out.refusal = e;
    }
    duplicates::LineText draft{"", pr->cycle_id, pr->agency_id, in.name, in.specification, in.ssh_code, in.element_ids};
    if (!in.name.empty())
      for (const auto& cand : duplicates::candidates_for_draft(c, s.tenant_id, draft, 5)) {
        const auto& other = cand.line_a.empty() || cand.line_a == draft.line_id ? cand.line_b : cand.line_a;
        if (auto l = repo.line(s, other)) out.possible_duplicates.push_back(std::move(*l));
      }
    if (!in.name.empty()) out.similar_applications = applications_like(c, s, pr->agency_id, in.name);
    return out;
  });
}

}  // namespace simpul::planning
