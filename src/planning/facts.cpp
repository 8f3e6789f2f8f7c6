#include "planning/facts.hpp"

#include <map>

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
    std::map<std::string, std::string> names;
    for (const auto& a : tenancy.agencies(c, q.scope)) names[a.id] = a.name;
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
                    {"lines", std::to_string(pr.line_count)}};
        out.push_back(std::move(f));
      }
    }
  };
}

}  // namespace simpul::planning
