#include "architecture/facts.hpp"

#include <map>

namespace simpul::architecture {
namespace {
const char* yes_no(bool b) { return b ? "ya" : "tidak"; }
}  // namespace

regulation::FactProvider architecture_facts(const Module& module) {
  return [&module](storage::Connection& c, const regulation::FactQuery& q, std::vector<regulation::Fact>& out) {
    const Scope& s = q.scope;
    auto apps_per_service = module.elements.applications_per_service(c, s);
    for (const auto& e : module.elements.live_elements(c, s, "layanan")) {
      regulation::Fact f;
      f.subject = "service";
      f.id = e.id;
      f.label = e.code + " " + e.name;
      f.agency_id = e.owner_agency_id;
      auto n = apps_per_service.find(e.id);
      f.fields = {{"applications", std::to_string(n == apps_per_service.end() ? 0 : n->second)}, {"state", e.state}};
      out.push_back(std::move(f));
    }

    // One object each, even when no version exists yet (then not approved).
    std::map<std::string, std::string> review_due;
    for (const auto& [d, due] : module.documents.overdue(s, q.today))
      if (!review_due.count(d.kind) || due.due < review_due[d.kind]) review_due[d.kind] = due.due;
    int year = std::stoi(q.today.substr(0, 4));
    for (const char* kind : {"arsitektur", "peta_rencana"}) {
      std::optional<Document> in_force;
      for (auto& d : module.documents.list(s, kind))
        if (d.status == "approved") in_force = d;
      regulation::Fact f;
      f.subject = "architecture_document";
      f.id = in_force ? in_force->id : kind;
      f.label = std::string(kind) == "arsitektur" ? "Arsitektur SPBE" : "Peta Rencana SPBE";
      if (in_force) f.label += " v" + std::to_string(in_force->version);
      bool valid = in_force && in_force->period_start <= year && year <= in_force->period_end;
      f.fields = {{"kind", kind}, {"approved", yes_no(in_force.has_value())}, {"valid", yes_no(valid)}, {"review_due", review_due[kind]}};
      out.push_back(std::move(f));
    }
  };
}

}  // namespace simpul::architecture
