// Budget lines that may duplicate an application the Pemda already has (issue 18, item 4): an
// Aplikasi Umum, or another PD's application. Applications are architecture elements of the domain
// aplikasi (DESIGN.md principle 2: no module keeps a private list of applications), read through the
// architecture module's read port; this module never reads the applications module's tables.
// Candidates are stored beside the line pairs (kind "application"), so the approval gates that count
// unresolved candidates (Bontang Pasal 10 ayat (2)) count them too.
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "planning/application_match.hpp"
#include "planning/duplicates/index.hpp"
#include "planning/repository.hpp"
#include "planning/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {
namespace {

std::string app_attribute(const architecture::Element& e, const char* key) {
  const auto* v = e.attributes.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

bool app_is_umum(const tenancy::Profile& p, const architecture::Element& e) {
  return !p.applications.umum_category.empty() && app_attribute(e, "category") == p.applications.umum_category;
}

/// The register's applications in use or planned (retired ones are not duplicated by new spending).
std::vector<RegisteredApplication> registered_applications(const architecture::Service& elements,
                                                           storage::Connection& c, const Scope& s,
                                                           const tenancy::Profile& p) {
  std::vector<RegisteredApplication> out;
  for (const auto& e : elements.live_elements(c, s, "aplikasi")) {
    if (app_attribute(e, "lifecycle_stage") == "pensiun") continue;
    out.push_back({e.id, e.code, e.name, e.owner_agency_id, app_is_umum(p, e)});
  }
  return out;
}

}  // namespace

std::size_t Service::compare_with_applications(const Scope& s, const std::string& cycle_id, const Actor& actor,
                                               bool as_coordinator) {
  return storage::write_transaction(db_, [&](storage::Connection& c) -> std::size_t {
    if (as_coordinator) require_coordinator(c, s, actor);
    Repository repo(c);
    if (!repo.cycle(s, cycle_id)) throw Error(ErrorCode::PlanCycleNotFound);
    auto apps = registered_applications(elements_, c, s, profile_of(s));
    if (apps.empty()) return 0;
    duplicates::SynonymTable synonyms(duplicates::synonyms(c, s.tenant_id));
    ApplicationMatcher matcher(apps, synonyms);
    std::size_t added = 0;
    boost::json::array pairs;
    auto now = clock::now_iso();
    for (const auto& pr : repo.proposals(s, cycle_id, "")) {
      if (pr.state == "draf") continue;  // compared once submitted, as line pairs are
      for (const auto& l : repo.line_names_of_proposal(s, pr.id))
        for (const auto& m : matcher.matches(l)) {
          CandidatePair x;
          // Time-ordered: a search stores thousands of pairs at once, appended to the key index.
          x.id = crypto::new_time_ordered_id();
          x.cycle_id = cycle_id;
          x.kind = "application";
          x.line_a = l.id;
          x.line_b = m.application_id;
          x.agency_a = l.agency_id;
          x.score = m.score;
          x.reasons = {m.reason};
          x.found_at = now;
          if (!repo.add_candidate(s, x)) continue;
          ++added;
          pairs.push_back({{"line_id", l.id}, {"application_id", m.application_id}, {"reason", m.reason}});
        }
    }
    if (added > 0)
      ledger_.append(c, ledger::change_in(s, actor, "planning.application_compare", "planning_cycle", cycle_id,
                                          {{"new_candidates", added}, {"pairs", std::move(pairs)}}));
    return added;
  });
}

std::vector<SimilarApplication> Service::applications_like(storage::Connection& c, const Scope& s,
                                                           const std::string& agency_id,
                                                           const std::string& name) const {
  std::vector<SimilarApplication> out;
  auto apps = registered_applications(elements_, c, s, profile_of(s));
  if (apps.empty()) return out;
  duplicates::SynonymTable synonyms(duplicates::synonyms(c, s.tenant_id));
  ApplicationMatcher matcher(apps, synonyms);
  Line draft;
  draft.agency_id = agency_id;
  draft.name = name;
  std::map<std::string, const RegisteredApplication*> by_id;
  for (const auto& a : apps) by_id[a.id] = &a;
  for (const auto& m : matcher.matches(draft)) {
    const auto& app = *by_id.at(m.application_id);
    out.push_back(
        {app.id, app.code, app.name, app.agency_id, agency_name(c, s, app.agency_id), app.umum, m.score, m.reason});
  }
  return out;
}

std::vector<ApplicationCandidateView> Service::application_candidates(const Scope& s,
                                                                      const std::string& cycle_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (!repo.cycle(s, cycle_id)) throw Error(ErrorCode::PlanCycleNotFound);
    const auto& p = profile_of(s);
    std::map<std::string, std::string> names;
    for (const auto& a : tenancy_.agencies(c, s)) names[a.id] = a.name;
    std::vector<ApplicationCandidateView> out;
    for (auto& x : repo.candidates(s, cycle_id, "application")) {
      auto line = repo.line(s, x.line_a);
      if (!line) continue;
      ApplicationCandidateView v;
      v.agency_name = names[line->agency_id];
      v.application_id = x.line_b;
      if (auto e = elements_.find(c, s, x.line_b)) {
        v.application_code = e->code;
        v.application_name = e->name;
        v.application_agency_id = e->owner_agency_id;
        v.application_agency_name = names[e->owner_agency_id];
        v.umum = app_is_umum(p, *e);
      } else {
        v.application_name = "(aplikasi telah dihapus dari register)";
      }
      v.line = std::move(*line);
      v.pair = std::move(x);
      out.push_back(std::move(v));
    }
    return out;
  });
}

bool Service::is_application_candidate(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto x = Repository(c).candidate(s, id);
    return x && x->kind == "application";
  });
}

ApplicationCandidateView Service::decide_application(const Scope& s, const std::string& id, const std::string& decision,
                                                     const std::string& reason, const Actor& actor) {
  auto cycle_id = storage::write_transaction(db_, [&](storage::Connection& c) {
    return record_decision(c, s, id, "application", decision, reason, "", actor).cycle_id;
  });
  for (auto& v : application_candidates(s, cycle_id))
    if (v.pair.id == id) return v;
  throw Error(ErrorCode::PlanCandidateNotFound);
}

}  // namespace simpul::planning
