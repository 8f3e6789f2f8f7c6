#include "planning/service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "architecture/domains.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "interchange/csv.hpp"
#include "interchange/file_error.hpp"
#include "interchange/xlsx.hpp"
#include "planning/duplicates/index.hpp"
#include "planning/errors.hpp"
#include "planning/line_rules.hpp"
#include "planning/repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {
namespace {

[[noreturn]] void refuse_by(const tenancy::Profile& p, ErrorCode code, const std::optional<std::string>& rule,
                            boost::json::object details) {
  throw Error(code, std::move(details), tenancy::rule_ref(p, rule));
}

void require_plan_date(const std::string& value, const char* field) {
  if (!clock::is_iso_date(value))
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"expected", "YYYY-MM-DD"}});
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

std::string Service::agency_name(storage::Connection& c, const Scope& s, const std::string& id) const {
  auto a = tenancy_.agency(c, s, id);
  return a ? a->name : std::string();
}

void Service::require_coordinator(storage::Connection& c, const Scope& s, const Actor& actor) const {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  auto agency = actor.agency_id.empty() ? std::nullopt : tenancy_.agency(c, s, actor.agency_id);
  for (const auto& role : plan.coordinator_roles)
    if (agency && agency->has_flag(agency_flag_of_role(p, role))) return;
  boost::json::array roles;
  for (const auto& role : plan.coordinator_roles) roles.emplace_back(role_label(p, role));
  refuse_by_rule(p, ErrorCode::PlanNotCoordinator, ErrorCode::AuthForbidden, plan.coordinator_rule,
                 {{"reason", "not_coordinator"}, {"coordinator", roles}});
}

// ---- cycles ----

Cycle Service::open_cycle(const Scope& s, Cycle in, const Actor& actor) {
  const auto& p = profile_of(s);
  if (!planning_profile(p).present)
    throw Error(ErrorCode::ValidationInvalidValue, {{"reason", "the profile has no planning section"}});
  if (in.fiscal_year < 2000 || in.fiscal_year > 2100)
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "fiscal_year"}});
  require_plan_date(in.submission_deadline, "submission_deadline");
  require_plan_date(in.verification_deadline, "verification_deadline");
  if (in.verification_deadline < in.submission_deadline)
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "verification_deadline"}, {"reason", "before the submission deadline"}});
  if (in.title.empty()) in.title = "Rencana dan Anggaran SPBE Tahun " + std::to_string(in.fiscal_year);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    Repository repo(c);
    if (repo.cycle_of_year(s, in.fiscal_year))
      throw Error(ErrorCode::PlanCycleExists, {{"field", "fiscal_year"}, {"reason", "a cycle of this year exists"}});
    in.id = crypto::new_id();
    in.state = "dibuka";
    in.opened_by_name = actor.name;
    in.opened_at = clock::now_iso();
    repo.insert(s, in);
    ledger_.append(c, ledger::change_in(s, actor, "planning.cycle_open", "planning_cycle", in.id,
                                        {{"fiscal_year", in.fiscal_year},
                                         {"submission_deadline", in.submission_deadline},
                                         {"verification_deadline", in.verification_deadline}}));
    return in;
  });
}

Cycle Service::close_cycle(const Scope& s, const std::string& id, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    Repository repo(c);
    auto x = repo.cycle(s, id);
    if (!x) throw Error(ErrorCode::PlanCycleNotFound);
    if (x->state != "dibuka") throw Error(ErrorCode::PlanBadStep, {{"state", x->state}});
    x->state = "ditutup";
    x->closed_at = clock::now_iso();
    repo.save(s, *x);
    std::int64_t unverified = 0;
    for (const auto& pr : repo.proposals(s, id, ""))
      if (pr.state == "draf" || pr.state == "diajukan") unverified += pr.line_count;
    ledger_.append(c, ledger::change_in(s, actor, "planning.cycle_close", "planning_cycle", id,
                                        {{"unverified_lines", unverified}}));
    return *x;
  });
}

std::vector<Cycle> Service::cycles(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).cycles(s); });
}

Cycle Service::cycle(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto x = Repository(c).cycle(s, id);
    if (!x) throw Error(ErrorCode::PlanCycleNotFound);
    return *x;
  });
}

// ---- proposals ----

Proposal Service::start_proposal(const Scope& s, const std::string& cycle_id, const std::string& agency_id,
                                 const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto cy = repo.cycle(s, cycle_id);
    if (!cy) throw Error(ErrorCode::PlanCycleNotFound);
    if (cy->state != "dibuka")
      throw Error(ErrorCode::PlanBadStep, {{"state", cy->state}, {"reason", "the cycle is closed"}});
    if (!tenancy_.agency(c, s, agency_id)) throw Error(ErrorCode::ValidationInvalidValue, {{"field", "agency_id"}});
    if (auto existing = repo.proposal_of(s, cycle_id, agency_id)) {
      existing->agency_name = agency_name(c, s, agency_id);
      return *existing;
    }
    Proposal x;
    x.id = crypto::new_id();
    x.cycle_id = cycle_id;
    x.agency_id = agency_id;
    x.state = "draf";
    x.created_at = clock::now_iso();
    repo.insert(s, x);
    ledger_.append(c, ledger::change_in(s, actor, "planning.proposal_start", "planning_proposal", x.id,
                                        {{"cycle_id", cycle_id}, {"agency_id", agency_id}}));
    x.agency_name = agency_name(c, s, agency_id);
    return x;
  });
}

std::vector<Proposal> Service::proposals(const Scope& s, const std::string& cycle_id,
                                         const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (!repo.cycle(s, cycle_id)) throw Error(ErrorCode::PlanCycleNotFound);
    std::map<std::string, std::string> names;
    for (const auto& a : tenancy_.agencies(c, s)) names[a.id] = a.name;
    auto out = repo.proposals(s, cycle_id, agency_id);
    for (auto& x : out) x.agency_name = names[x.agency_id];
    std::sort(out.begin(), out.end(),
              [](const Proposal& a, const Proposal& b) { return a.agency_name < b.agency_name; });
    return out;
  });
}

Proposal Service::proposal_record(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto x = Repository(c).proposal(s, id);
    if (!x) throw Error(ErrorCode::PlanProposalNotFound);
    x->agency_name = agency_name(c, s, x->agency_id);
    return *x;
  });
}

ProposalView Service::proposal(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto x = repo.proposal(s, id);
    if (!x) throw Error(ErrorCode::PlanProposalNotFound);
    x->agency_name = agency_name(c, s, x->agency_id);
    ProposalView v{*x, repo.lines_of_proposal(s, id), 0, repo.corrections_of_proposal(s, id)};
    v.unresolved_candidates = unresolved_for(c, s, *x);
    return v;
  });
}

// ---- lines ----

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

// ---- workflow ----

Proposal Service::recommend(const Scope& s, const std::string& id, const std::string& text, const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  if (plan.recommendation_role.empty())
    // The region states no such step: nothing to cite (the catalogue has no planning.not_in_regulation).
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"reason", "not_in_regulation"},
                 {"detail", "the regulation states no technical recommendation of the budget"}});
  if (text.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "recommendation"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto agency = actor.agency_id.empty() ? std::nullopt : tenancy_.agency(c, s, actor.agency_id);
    if (!agency || !agency->has_flag(agency_flag_of_role(p, plan.recommendation_role)))
      refuse_by_rule(p, ErrorCode::PlanNotCoordinator, ErrorCode::AuthForbidden, plan.recommendation_rule,
                     {{"reason", "not_recommender"}, {"recommender", role_label(p, plan.recommendation_role)}});
    Repository repo(c);
    auto pr = repo.proposal(s, id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    if (pr->state != "draf" && pr->state != "diajukan") throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}});
    pr->recommendation = text;
    pr->recommended_at = clock::now_iso();
    pr->recommended_by_name = actor.name;
    repo.save(s, *pr);
    ledger_.append(
        c, ledger::change_in(s, actor, "planning.recommend", "planning_proposal", id, {{"recommendation", text}}));
    pr->agency_name = agency_name(c, s, pr->agency_id);
    return *pr;
  });
}

Proposal Service::submit(const Scope& s, const std::string& id, const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto pr = repo.proposal(s, id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    if (pr->state != "draf") throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}});
    auto cy = repo.cycle(s, pr->cycle_id);
    if (cy->state != "dibuka")
      throw Error(ErrorCode::PlanBadStep, {{"state", cy->state}, {"reason", "the cycle is closed"}});
    if (p.today() > cy->submission_deadline)
      throw Error(ErrorCode::PlanBadStep,
                  {{"reason", "submission_deadline_passed"}, {"submission_deadline", cy->submission_deadline}});
    if (pr->line_count == 0) throw Error(ErrorCode::PlanBadStep, {{"reason", "a proposal without lines"}});
    require_no_reserved_lines(c, s, *pr);
    if (plan.recommendation_required && !pr->recommended_at)
      refuse_by_rule(p, ErrorCode::PlanGateRefused, ErrorCode::PlanBadStep, plan.recommendation_rule,
                     {{"reason", "recommendation_missing"}, {"recommender", role_label(p, plan.recommendation_role)}});
    pr->state = "diajukan";
    pr->submitted_at = clock::now_iso();
    repo.save(s, *pr);
    auto found = store_candidates(c, s, pr->cycle_id, pr->id);
    ledger_.append(c, ledger::change_in(s, actor, "planning.submit", "planning_proposal", id,
                                        {{"lines", pr->line_count}, {"total", pr->total}, {"new_candidates", found}}));
    pr->agency_name = agency_name(c, s, pr->agency_id);
    return *pr;
  });
}

std::size_t Service::store_candidates(storage::Connection& c, const Scope& s, const std::string& cycle_id,
                                      const std::string& proposal_id) const {
  Repository repo(c);
  // Only submitted lines are compared (drafts change still), and only the proposal's own lines
  // with them: a submission costs its own lines, not the cycle's.
  std::vector<std::string> submitted, own;
  for (auto& [line_id, line_proposal] : repo.submitted_lines(s, cycle_id)) {
    if (line_proposal == proposal_id) own.push_back(line_id);
    submitted.push_back(std::move(line_id));
  }
  auto found = duplicates::candidates_between(c, s.tenant_id, cycle_id, proposal_id.empty() ? submitted : own,
                                              submitted);
  std::set<std::pair<std::string, std::string>> known;
  for (const auto& x : repo.candidates(s, cycle_id)) known.emplace(x.line_a, x.line_b);
  std::size_t added = 0;
  auto now = clock::now_iso();
  for (const auto& cand : found) {
    CandidatePair x;
    x.line_a = std::min(cand.line_a, cand.line_b);
    x.line_b = std::max(cand.line_a, cand.line_b);
    if (!known.emplace(x.line_a, x.line_b).second) continue;
    x.id = crypto::new_id();
    x.cycle_id = cycle_id;
    x.score = cand.score;
    x.reasons = cand.reasons;
    x.found_at = now;
    if (repo.add_candidate(s, x)) ++added;
  }
  return added;
}

std::size_t Service::unresolved_for(storage::Connection& c, const Scope& s, const Proposal& p) const {
  Repository repo(c);
  std::set<std::string> mine;
  for (const auto& l : repo.lines_of_proposal(s, p.id)) mine.insert(l.id);
  std::size_t n = 0;
  for (const auto& x : repo.candidates(s, p.cycle_id))
    if (x.decision.empty() && (mine.count(x.line_a) || mine.count(x.line_b))) ++n;
  return n;
}

Proposal Service::verify(const Scope& s, const std::string& id, const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    Repository repo(c);
    auto pr = repo.proposal(s, id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    if (pr->state != "diajukan") throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}});
    require_no_reserved_lines(c, s, *pr);
    store_candidates(c, s, pr->cycle_id, pr->id);
    auto open = unresolved_for(c, s, *pr);
    if (plan.duplicate_rule && open > 0)
      refuse_by_rule(p, ErrorCode::PlanGateRefused, ErrorCode::PlanBadStep, plan.duplicate_rule,
                     {{"reason", "unresolved_duplicates"}, {"candidates", open}});
    pr->state = "diverifikasi";
    pr->verified_at = clock::now_iso();
    pr->verified_by_name = actor.name;
    repo.save(s, *pr);
    ledger_.append(
        c, ledger::change_in(s, actor, "planning.verify", "planning_proposal", id,
                             {{"lines", pr->line_count}, {"total", pr->total}, {"unresolved_candidates", open}}));
    pr->agency_name = agency_name(c, s, pr->agency_id);
    return *pr;
  });
}

Proposal Service::approve(const Scope& s, const std::string& id, const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    Repository repo(c);
    auto pr = repo.proposal(s, id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    // Approval only after verification: an article in Bontang (Pasal 10 ayat (3)), the workflow elsewhere.
    if (pr->state == "diajukan")
      refuse_by_rule(p, ErrorCode::PlanGateRefused, ErrorCode::PlanBadStep, plan.approval_rule,
                     {{"state", pr->state}, {"reason", "not_verified"}});
    if (pr->state != "diverifikasi") throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}});
    require_no_reserved_lines(c, s, *pr);
    store_candidates(c, s, pr->cycle_id, pr->id);
    auto open = unresolved_for(c, s, *pr);
    if (plan.duplicate_rule && open > 0)
      refuse_by_rule(p, ErrorCode::PlanGateRefused, ErrorCode::PlanBadStep, plan.duplicate_rule,
                     {{"reason", "unresolved_duplicates"}, {"candidates", open}});
    pr->state = "disetujui";
    pr->approved_at = clock::now_iso();
    pr->approved_by_name = actor.name;
    repo.save(s, *pr);
    ledger_.append(c, ledger::change_in(s, actor, "planning.approve", "planning_proposal", id, {{"total", pr->total}}));
    pr->agency_name = agency_name(c, s, pr->agency_id);
    return *pr;
  });
}

Proposal Service::send_back(const Scope& s, const std::string& id, const std::string& reason, const Actor& actor) {
  if (reason.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "reason"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    Repository repo(c);
    auto pr = repo.proposal(s, id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    if (pr->state != "diajukan" && pr->state != "diverifikasi")
      throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}});
    auto before = pr->state;
    pr->state = "draf";
    pr->submitted_at = pr->verified_at = pr->verified_by_name = std::nullopt;
    repo.save(s, *pr);
    ledger_.append(c, ledger::change_in(s, actor, "planning.send_back", "planning_proposal", id,
                                        {{"from", before}, {"reason", reason}}));
    pr->agency_name = agency_name(c, s, pr->agency_id);
    return *pr;
  });
}

// ---- duplicate candidates ----

std::size_t Service::find_candidates(const Scope& s, const std::string& cycle_id, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    if (!Repository(c).cycle(s, cycle_id)) throw Error(ErrorCode::PlanCycleNotFound);
    auto n = store_candidates(c, s, cycle_id, "");
    ledger_.append(c, ledger::change_in(s, actor, "planning.find_duplicates", "planning_cycle", cycle_id,
                                        {{"new_candidates", n}}));
    return n;
  });
}

std::vector<CandidateView> Service::candidates(const Scope& s, const std::string& cycle_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (!repo.cycle(s, cycle_id)) throw Error(ErrorCode::PlanCycleNotFound);
    std::map<std::string, std::string> names;
    for (const auto& a : tenancy_.agencies(c, s)) names[a.id] = a.name;
    std::vector<CandidateView> out;
    auto pairs = repo.candidates(s, cycle_id);
    if (pairs.empty()) return out;
    // The cycle's lines read once: a cycle may hold thousands of pairs.
    std::unordered_map<std::string, Line> lines;
    for (auto& l : repo.lines_of_cycle(s, cycle_id)) {
      auto id = l.id;
      lines.emplace(std::move(id), std::move(l));
    }
    for (auto& x : pairs) {
      auto a = lines.find(x.line_a), b = lines.find(x.line_b);
      if (a == lines.end() || b == lines.end()) continue;
      CandidateView v{std::move(x), a->second, b->second, "", ""};
      v.agency_a = names[v.a.agency_id];
      v.agency_b = names[v.b.agency_id];
      out.push_back(std::move(v));
    }
    return out;
  });
}

CandidateView Service::decide(const Scope& s, const std::string& id, const std::string& decision,
                              const std::string& reason, const std::string& line_to_change, const Actor& actor) {
  if (decision != "duplikat" && decision != "berbeda")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "decision"}, {"allowed", boost::json::array{"duplikat", "berbeda"}}});
  if (reason.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "reason"}});
  std::string cycle_id;
  storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    Repository repo(c);
    auto x = repo.candidate(s, id);
    if (!x) throw Error(ErrorCode::PlanCandidateNotFound);
    if (!x->decision.empty())
      throw Error(ErrorCode::PlanBadStep, {{"reason", "already decided"}, {"decision", x->decision}});
    boost::json::object details{
        {"decision", decision}, {"reason", reason}, {"line_a", x->line_a}, {"line_b", x->line_b}};
    if (decision == "duplikat") {
      // One of the two lines changes: its proposal goes back to its PD as a draft.
      if (line_to_change != x->line_a && line_to_change != x->line_b)
        throw Error(ErrorCode::ValidationMissingField,
                    {{"field", "line_to_change"}, {"reason", "one of the two lines"}});
      auto l = repo.line(s, line_to_change);
      auto pr = repo.proposal(s, l->proposal_id);
      if (pr->state == "disetujui")
        throw Error(ErrorCode::PlanBadStep,
                    {{"state", pr->state}, {"reason", "the proposal of that line is approved"}});
      if (pr->state != "draf") {
        pr->state = "draf";
        pr->submitted_at = pr->verified_at = pr->verified_by_name = std::nullopt;
        repo.save(s, *pr);
      }
      details["line_to_change"] = line_to_change;
      details["proposal_sent_back"] = pr->id;
    }
    cycle_id = x->cycle_id;
    x->decision = decision;
    x->reason = reason;
    x->decided_by_name = actor.name;
    x->decided_at = clock::now_iso();
    repo.decide(s, *x);
    ledger_.append(c, ledger::change_in(s, actor, "planning.duplicate_decision", "planning_cycle", x->cycle_id,
                                        std::move(details)));
  });
  for (auto& v : candidates(s, cycle_id))
    if (v.pair.id == id) return v;
  throw Error(ErrorCode::PlanCandidateNotFound);
}

// ---- standard unit prices ----

PriceImportResult Service::import_prices(const Scope& s, int year, const std::string& decree_number,
                                         const std::string& decree_date, const std::string& file, bool dry_run,
                                         const Actor& actor) {
  const auto& p = profile_of(s);
  if (year < 2000 || year > 2100) throw Error(ErrorCode::ValidationInvalidValue, {{"field", "year"}});
  if (decree_number.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "decree_number"}});
  require_plan_date(decree_date, "decree_date");
  std::vector<interchange::Row> rows;
  try {
    if (file.rfind("PK", 0) == 0) {
      auto sheets = interchange::read_xlsx(file);
      if (!sheets.empty()) rows = sheets.front().rows;
    } else {
      rows = interchange::read_csv(file);
    }
  } catch (const interchange::FileError& e) {
    throw Error(ErrorCode::ImportInvalidFile, {{"reason", e.what()}});
  }
  // Header: kode, nama, spesifikasi, satuan, harga, rekening (';' or ',' separated account prefixes).
  static const std::vector<std::string> kHeader = {"kode", "nama", "spesifikasi", "satuan", "harga", "rekening"};
  if (rows.empty()) throw Error(ErrorCode::ImportInvalidFile, {{"reason", "empty file"}});
  std::vector<std::string> header;
  for (const auto& h : rows.front()) header.push_back(fold_text(h).substr(1, fold_text(h).size() - 2));
  for (std::size_t i = 0; i < kHeader.size(); ++i)
    if (i >= header.size() || header[i] != kHeader[i])
      throw Error(ErrorCode::ImportInvalidFile,
                  {{"reason", "header"}, {"expected", "kode, nama, spesifikasi, satuan, harga, rekening"}});
  PriceImportResult out;
  out.dry_run = dry_run;
  std::vector<PriceItem> items;
  std::set<std::string> codes;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    auto row = rows[r];
    bool blank = true;
    for (const auto& cell : row) blank = blank && cell.empty();
    if (blank) continue;
    row.resize(kHeader.size());
    PriceImportRow problems{r + 1, {}};
    PriceItem item{row[0], row[1], row[2], row[3], 0, {}};
    if (item.code.empty())
      problems.problems.push_back("kode kosong");
    else if (!codes.insert(item.code).second)
      problems.problems.push_back("kode " + item.code + " ganda");
    if (item.name.empty()) problems.problems.push_back("nama kosong");
    if (item.unit.empty()) problems.problems.push_back("satuan kosong");
    if (!row[4].empty() && row[4][0] == '=')
      problems.problems.push_back("harga berupa rumus, bukan angka");
    else if (auto price = parse_rupiah(row[4]); !price || *price <= 0)
      problems.problems.push_back("harga '" + row[4] + "' bukan rupiah bulat");
    else
      item.price = *price;
    std::string acc;
    for (char ch : row[5] + ";") {
      if (ch == ';' || ch == ',' || ch == ' ') {
        if (!acc.empty()) {
          if (!valid_account_code(acc) && !valid_account_code(acc + ".0"))
            problems.problems.push_back("kode rekening '" + acc + "' tidak sah");
          item.account_codes.push_back(acc);
        }
        acc.clear();
      } else {
        acc += ch;
      }
    }
    if (!problems.problems.empty())
      out.problems.push_back(std::move(problems));
    else
      items.push_back(std::move(item));
  }
  out.items = items.size();
  if (!out.problems.empty() || dry_run) return out;
  if (items.empty()) throw Error(ErrorCode::ImportInvalidFile, {{"reason", "no items"}});
  (void)p;
  PriceList list{crypto::new_id(), year, decree_number, decree_date, static_cast<std::int64_t>(items.size()),
                 clock::now_iso()};
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository(c).insert(s, list, items);
    ledger_.append(
        c,
        ledger::change_in(
            s, actor, "planning.prices_import", "planning_price_list", list.id,
            {{"year", year}, {"decree_number", decree_number}, {"decree_date", decree_date}, {"items", items.size()}}));
  });
  out.list = list;
  return out;
}

std::vector<PriceList> Service::price_lists(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).price_lists(s); });
}

// ---- consolidated view ----

Consolidated Service::consolidated(const Scope& s, const std::string& cycle_id) const {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto cy = repo.cycle(s, cycle_id);
    if (!cy) throw Error(ErrorCode::PlanCycleNotFound);
    Consolidated out;
    out.cycle = *cy;
    out.without_initiative = {"", "Tanpa inisiatif Peta Rencana", 0, 0};
    std::map<std::string, std::string> agency_names;
    for (const auto& a : tenancy_.agencies(c, s)) agency_names[a.id] = a.name;
    std::map<std::string, std::string> element_domain;
    for (const auto& e : elements_.all_elements(c, s)) element_domain[e.id] = e.domain;
    std::map<std::string, const architecture::Initiative*> initiative_of;
    auto initiatives = roadmap_.all(c, s);
    for (const auto& i : initiatives) initiative_of[i.id] = &i;
    std::map<std::string, Amount> by_category, by_agency, by_domain, by_initiative;
    auto add = [](std::map<std::string, Amount>& m, const std::string& key, const std::string& label,
                  std::int64_t total) {
      auto& a = m[key];
      a.key = key;
      a.label = label;
      a.total += total;
      a.lines += 1;
    };
    for (const auto& pr : repo.proposals(s, cycle_id, "")) {
      if (pr.state == "draf") continue;
      for (const auto& l : repo.lines_of_proposal(s, pr.id)) {
        out.total += l.total;
        std::string category_label = "Tanpa kategori";
        for (const auto& ch : plan.categories)
          if (ch.id == l.category) category_label = ch.name;
        add(by_category, l.category, category_label, l.total);
        add(by_agency, l.agency_id, agency_names[l.agency_id], l.total);
        std::set<std::string> domains;
        for (const auto& e : l.element_ids)
          if (auto it = element_domain.find(e); it != element_domain.end()) domains.insert(it->second);
        for (const auto& d : domains) {
          const auto* def = architecture::find_domain(d);
          add(by_domain, d, def ? std::string(def->name_id) : d, l.total);
        }
        if (l.initiative_id && initiative_of.count(*l.initiative_id)) {
          const auto* i = initiative_of[*l.initiative_id];
          add(by_initiative, i->id, i->code + " " + i->name, l.total);
        } else {
          out.without_initiative.total += l.total;
          out.without_initiative.lines += 1;
        }
      }
    }
    auto sorted = [](std::map<std::string, Amount>& m) {
      std::vector<Amount> v;
      for (auto& [k, a] : m) v.push_back(std::move(a));
      std::stable_sort(v.begin(), v.end(), [](const Amount& a, const Amount& b) { return a.total > b.total; });
      return v;
    };
    out.by_category = sorted(by_category);
    out.by_agency = sorted(by_agency);
    out.by_domain = sorted(by_domain);
    out.by_initiative = sorted(by_initiative);
    for (const auto& i : initiatives)
      if (i.start_year <= cy->fiscal_year && cy->fiscal_year <= i.target_year && i.status != "batal" &&
          !by_initiative.count(i.id))
        out.initiatives_without_budget.push_back({i.id, i.code + " " + i.name, 0, 0});
    return out;
  });
}

}  // namespace simpul::planning
