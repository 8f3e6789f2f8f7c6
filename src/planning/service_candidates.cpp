// Duplicate candidates between PDs' lines: found by the duplicate finder (a submitted proposal's
// lines against the cycle's submitted lines, bounded per line), stored as unresolved pairs, shown
// side by side and decided by the coordinating PD (docs/plan-and-budget.md).
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "planning/duplicates/index.hpp"
#include "planning/errors.hpp"
#include "planning/repository.hpp"
#include "planning/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {

std::size_t Service::store_candidates(storage::Connection& c, const Scope& s, const std::string& cycle_id,
                                      const std::string& proposal_id) const {
  Repository repo(c);
  // Only submitted lines are compared (drafts change still), and only the proposal's own lines
  // with them: a submission costs its own lines, not the cycle's.
  std::vector<std::string> submitted, own, agency_of;
  for (auto& l : repo.submitted_lines(s, cycle_id)) {
    if (l.proposal_id == proposal_id) own.push_back(l.line_id);
    submitted.push_back(std::move(l.line_id));
    agency_of.push_back(std::move(l.agency_id));
  }
  auto found =
      duplicates::candidates_between(c, s.tenant_id, cycle_id, proposal_id.empty() ? submitted : own, submitted);
  // Already-stored pairs as two numbers of submitted lines (found pairs hold only those): a cycle
  // stores over 100,000 pairs, and a set of string pairs cost a tenth of the whole-cycle search.
  std::unordered_map<std::string_view, std::uint64_t> number;
  number.reserve(submitted.size());
  for (const auto& id : submitted) number.emplace(id, number.size());
  auto key = [&](const std::string& a, const std::string& b) -> std::optional<std::uint64_t> {
    auto ia = number.find(a), ib = number.find(b);
    if (ia == number.end() || ib == number.end()) return std::nullopt;
    return ia->second << 32 | ib->second;
  };
  std::unordered_set<std::uint64_t> known;
  repo.each_candidate_key(s, cycle_id, [&](const std::string& a, const std::string& b) {
    if (auto k = key(a, b)) known.insert(*k);
  });
  std::size_t added = 0;
  auto now = clock::now_iso();
  for (const auto& cand : found) {
    CandidatePair x;
    x.line_a = std::min(cand.line_a, cand.line_b);
    x.line_b = std::max(cand.line_a, cand.line_b);
    auto k = key(x.line_a, x.line_b);
    if (!k || !known.insert(*k).second) continue;  // found pairs hold only submitted lines
    x.agency_a = agency_of[*k >> 32];
    x.agency_b = agency_of[*k & 0xffffffffu];
    // Time-ordered: a search stores thousands of pairs at once, appended to the key index.
    x.id = crypto::new_time_ordered_id();
    x.cycle_id = cycle_id;
    x.score = cand.score;
    x.reasons = cand.reasons;
    x.found_at = now;
    if (repo.add_candidate(s, x)) ++added;
  }
  return added;
}

std::size_t Service::unresolved_for(storage::Connection& c, const Scope& s, const Proposal& p) const {
  return static_cast<std::size_t>(Repository(c).unresolved_count(s, p.cycle_id, p.agency_id));
}

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

namespace {

/// The pair with both its lines and their PDs' names; nullopt when a line is gone.
std::optional<CandidateView> pair_view(const Repository& repo, const Scope& s, CandidatePair x,
                                       const std::map<std::string, std::string>& names) {
  auto a = repo.line(s, x.line_a), b = repo.line(s, x.line_b);
  if (!a || !b) return std::nullopt;
  CandidateView v{std::move(x), std::move(*a), std::move(*b), "", ""};
  if (auto n = names.find(v.a.agency_id); n != names.end()) v.agency_a = n->second;
  if (auto n = names.find(v.b.agency_id); n != names.end()) v.agency_b = n->second;
  return v;
}

}  // namespace

CandidatePage Service::candidates(const Scope& s, const CandidateQuery& q) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (!q.cycle_id.empty() && !repo.cycle(s, q.cycle_id)) throw Error(ErrorCode::PlanCycleNotFound);
    CandidatePage out;
    out.total = repo.candidate_count(s, q);
    auto pairs = repo.candidate_page(s, q);
    if (pairs.empty()) return out;
    std::map<std::string, std::string> names;
    for (const auto& a : tenancy_.agencies(c, s)) names[a.id] = a.name;
    // Only the page's lines are read: a cycle may hold over 100,000 pairs.
    for (auto& x : pairs)
      if (auto v = pair_view(repo, s, std::move(x), names)) out.items.push_back(std::move(*v));
    return out;
  });
}

CandidatePair Service::record_decision(storage::Connection& c, const Scope& s, const std::string& id,
                                       std::string_view kind, const std::string& decision, const std::string& reason,
                                       const std::string& line_to_change, const Actor& actor) const {
  if (decision != "duplikat" && decision != "berbeda")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "decision"}, {"allowed", boost::json::array{"duplikat", "berbeda"}}});
  if (reason.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "reason"}});
  require_coordinator(c, s, actor);
  Repository repo(c);
  auto x = repo.candidate(s, id);
  if (!x || x->kind != kind) throw Error(ErrorCode::PlanCandidateNotFound);
  if (!x->decision.empty())
    throw Error(ErrorCode::PlanBadStep, {{"reason", "already decided"}, {"decision", x->decision}});
  const bool application = kind == "application";
  boost::json::object details{{"decision", decision}, {"reason", reason}};
  if (application) {
    details["kind"] = "application";
    details["line_id"] = x->line_a;
    details["application_id"] = x->line_b;
  } else {
    details["line_a"] = x->line_a;
    details["line_b"] = x->line_b;
  }
  if (decision == "duplikat") {
    // One line changes (against an application: the line, its PD uses the existing one): its
    // proposal goes back to its PD as a draft.
    if (!application && line_to_change != x->line_a && line_to_change != x->line_b)
      throw Error(ErrorCode::ValidationMissingField, {{"field", "line_to_change"}, {"reason", "one of the two lines"}});
    auto l = repo.line(s, application ? x->line_a : line_to_change);
    if (!l) throw Error(ErrorCode::PlanLineNotFound);
    auto pr = repo.proposal(s, l->proposal_id);
    if (pr->state == "disetujui")
      throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}, {"reason", "the proposal of that line is approved"}});
    if (pr->state != "draf") {
      pr->state = "draf";
      pr->submitted_at = pr->verified_at = pr->verified_by_name = std::nullopt;
      repo.save(s, *pr);
    }
    if (!application) details["line_to_change"] = line_to_change;
    details["proposal_sent_back"] = pr->id;
  }
  x->decision = decision;
  x->reason = reason;
  x->decided_by_name = actor.name;
  x->decided_at = clock::now_iso();
  repo.decide(s, *x);
  ledger_.append(
      c, ledger::change_in(s, actor,
                           application ? "planning.application_duplicate_decision" : "planning.duplicate_decision",
                           "planning_cycle", x->cycle_id, std::move(details)));
  return *x;
}

CandidateView Service::decide(const Scope& s, const std::string& id, const std::string& decision,
                              const std::string& reason, const std::string& line_to_change, const Actor& actor) {
  storage::write_transaction(
      db_, [&](storage::Connection& c) { record_decision(c, s, id, "line", decision, reason, line_to_change, actor); });
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto x = repo.candidate(s, id);
    std::map<std::string, std::string> names;
    for (const auto& a : tenancy_.agencies(c, s)) names[a.id] = a.name;
    auto v = x ? pair_view(repo, s, std::move(*x), names) : std::nullopt;
    if (!v) throw Error(ErrorCode::PlanCandidateNotFound);
    return std::move(*v);
  });
}

}  // namespace simpul::planning
