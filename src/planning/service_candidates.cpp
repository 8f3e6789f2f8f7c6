// Duplicate candidates between PDs' lines: found by the duplicate finder (a submitted proposal's
// lines against the cycle's submitted lines, bounded per line), stored as unresolved pairs, shown
// side by side and decided by the coordinating PD (docs/plan-and-budget.md).
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

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
  std::vector<std::string> submitted, own;
  for (auto& [line_id, line_proposal] : repo.submitted_lines(s, cycle_id)) {
    if (line_proposal == proposal_id) own.push_back(line_id);
    submitted.push_back(std::move(line_id));
  }
  auto found =
      duplicates::candidates_between(c, s.tenant_id, cycle_id, proposal_id.empty() ? submitted : own, submitted);
  auto known = repo.candidate_keys(s, cycle_id);
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

}  // namespace simpul::planning
