#include "planning/facts.hpp"

#include <map>

#include "planning/line_rules.hpp"
#include "planning/profile_section.hpp"
#include "planning/repository.hpp"

namespace simpul::planning {
namespace {

const char* yes_no(bool v) { return v ? "ya" : "tidak"; }

}  // namespace

const std::vector<std::string>& fact_subjects() {
  static const std::vector<std::string> k = {"usulan_anggaran"};
  return k;
}

regulation::FactProvider proposal_facts(const tenancy::Service& tenancy) {
  return [&tenancy](storage::Connection& c, const regulation::FactQuery& q, std::vector<regulation::Fact>& out) {
    Repository repo(c);
    const auto& profile = tenancy.profile_of(q.scope);
    const auto& plan = planning_profile(profile);
    std::map<std::string, std::string> names;
    std::map<std::string, tenancy::Agency> agencies;
    for (const auto& a : tenancy.agencies(c, q.scope)) {
      names[a.id] = a.name;
      agencies.emplace(a.id, a);
    }
    // Lines of a class reserved to another PD, as classified or as the planning agency corrected.
    auto reserved_lines = [&](const Proposal& pr) {
      std::int64_t n = 0;
      if (plan.reserved.empty()) return n;
      auto agency = agencies.find(pr.agency_id);
      for (const auto& l : repo.lines_of_proposal(q.scope, pr.id))
        if (const auto* r = line_class(plan, l))
          if (agency == agencies.end() || !agency->second.has_flag(agency_flag_of_role(profile, r->holder_role))) ++n;
      return n;
    };
    for (const auto& cy : repo.cycles(q.scope)) {
      for (const auto& pr : repo.proposals(q.scope, cy.id, "")) {
        regulation::Fact f;
        f.subject = "usulan_anggaran";
        f.id = pr.id;
        f.label = "Usulan anggaran SPBE " + std::to_string(cy.fiscal_year) + " " + names[pr.agency_id];
        f.agency_id = pr.agency_id;
        bool verified = pr.state == "diverifikasi" || pr.state == "disetujui";
        f.fields = {{"fiscal_year", std::to_string(cy.fiscal_year)},
                    {"state", pr.state},
                    {"cycle_state", cy.state},
                    {"submitted", yes_no(pr.state != "draf")},
                    {"verified", yes_no(verified)},
                    {"approved", yes_no(pr.state == "disetujui")},
                    {"recommended", yes_no(pr.recommended_at.has_value())},
                    {"lines", std::to_string(pr.line_count)},
                    {"reserved_lines", std::to_string(reserved_lines(pr))}};
        out.push_back(std::move(f));
      }
    }
  };
}

}  // namespace simpul::planning
