#include "architecture/facts.hpp"

#include "architecture/document_kinds.hpp"

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
    // Every kind the region's regulation names (document_kinds.hpp), Lampung Timur's Rencana Induk included.
    for (const auto& kind : document_kinds(module.elements.profile_of(s))) {
      std::optional<Document> in_force;
      for (auto& d : module.documents.list(s, kind.id))
        if (d.status == "approved") in_force = d;
      regulation::Fact f;
      f.subject = "architecture_document";
      f.id = in_force ? in_force->id : kind.id;
      f.label = kind.label;
      if (in_force) f.label += " v" + std::to_string(in_force->version);
      bool valid = in_force && in_force->period_start <= year && year <= in_force->period_end;
      bool parts_linked = true;
      for (const auto& part : kind.parts) parts_linked = parts_linked && in_force && in_force->parts.contains(part);
      f.fields = {{"kind", kind.id},
                  {"approved", yes_no(in_force.has_value())},
                  {"valid", yes_no(valid)},
                  {"review_due", review_due[kind.id]},
                  {"parts_linked", yes_no(parts_linked)}};
      out.push_back(std::move(f));
    }
  };
}

}  // namespace simpul::architecture
