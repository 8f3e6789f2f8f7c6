#include "applications/facts.hpp"

#include "applications/repository.hpp"
#include "applications/source_archive.hpp"

namespace simpul::applications {
namespace {

// Consideration kinds (docs/applications.md) → the requirement they satisfy in the `has` set.
const std::map<std::string, std::string> kConsiderationRequirement = {
    {"kebutuhan_aplikasi_khusus", "ministry_consideration"},
    {"kode_sumber_tertutup", "closed_source_consideration"},
    {"aplikasi_sejenis", "similar_consideration"}};

const char* yes_no(bool b) { return b ? "ya" : "tidak"; }

}  // namespace

regulation::Fact application_fact(const tenancy::Profile& p, const architecture::Element& e, const Record& r,
                                  const Holdings& h, bool owner_mandiri_tik) {
  regulation::Fact f;
  f.subject = "application";
  f.id = e.id;
  f.label = e.code + " " + e.name;
  f.agency_id = e.owner_agency_id;
  std::string stage = text_attribute(e, "lifecycle_stage");
  bool retired = stage == "pensiun" || e.state == "retired";
  std::string url = text_attribute(e, "url");
  f.fields = {{"category", text_attribute(e, "category")},
              {"stage", stage},
              {"stage_index", std::to_string(retired ? -1 : p.applications.stage_index(stage))},
              {"live", yes_no(!retired && p.applications.is_live(stage))},
              {"host", r.subdomain.empty() ? url : r.subdomain},
              {"url", url},
              {"contact_email", r.contact_email},
              {"hosting", r.hosting},
              {"builder", r.builder},
              {"source_model", r.source_model},
              {"similar_to_umum", yes_no(r.similar_to_umum)},
              {"owner_mandiri_tik", yes_no(owner_mandiri_tik)},
              {"services", std::to_string(h.services)},
              {"last_audit_date", AuditHistory::later(r.last_audit_date, h.audited_on).value_or("")},
              {"live_since", r.live_since.value_or("")}};
  if (h.recommendation) f.add_to_set("has", "recommendation");
  if (h.test_passed) f.add_to_set("has", "test_passed");
  for (const auto& kind : h.considerations)
    if (auto it = kConsiderationRequirement.find(kind); it != kConsiderationRequirement.end())
      f.add_to_set("has", it->second);
  // Where the region requires explained source code (Madiun Pasal 24 ayat (4)), the source code
  // counts as handed over once a reviewer confirmed its procedure explanations.
  const bool needs_explanations = source_code_rule(p).has_value();
  for (const auto& kind : h.documents)
    if (kind != "kode_sumber" || !needs_explanations || h.source_explained) f.add_to_set("documents", kind);
  for (const auto& [condition, met] : r.justification)
    if (met.is_bool() && met.as_bool()) f.add_to_set("justification", std::string(condition));
  return f;
}

Holdings holdings_of(storage::Connection& c, const Scope& s, const architecture::Service& elements,
                     const AuditHistory& audits, const std::string& id) {
  Repository repo(c);
  Holdings h;
  auto audited = audits.latest(c, s);
  if (auto it = audited.find(id); it != audited.end()) h.audited_on = it->second;
  for (const auto& r : repo.recommendations(s, "disetujui", id))
    h.recommendation = h.recommendation || r.state == "disetujui";
  for (const auto& x : repo.considerations(s, id))
    if (x.decision == "disetujui") h.considerations.insert(x.kind);
  for (const auto& t : repo.tests(s, id)) h.test_passed = h.test_passed || t.result == "lulus";
  for (const auto& a : repo.artifacts(s, id)) {
    h.documents.insert(a.kind);
    if (a.kind == "kode_sumber" && !a.explanations_confirmed_at.empty()) h.source_explained = true;
  }
  auto services = elements.services_per_application(c, s);
  if (auto it = services.find(id); it != services.end()) h.services = it->second;
  return h;
}

regulation::FactProvider application_facts(const architecture::Service& elements, const AuditHistory& audits) {
  return
      [&elements, &audits](storage::Connection& c, const regulation::FactQuery& q, std::vector<regulation::Fact>& out) {
        const Scope& s = q.scope;
        Repository repo(c);
        auto records = repo.records(s);
        auto recommended = repo.approved_recommendations(s);
        auto passed = repo.passed_tests(s);
        std::map<std::string, Holdings> holdings;
        for (const auto& [app, kind] : repo.approved_considerations(s)) holdings[app].considerations.insert(kind);
        for (const auto& [app, kind] : repo.artifact_kinds(s)) holdings[app].documents.insert(kind);
        for (const auto& app : repo.explained_sources(s)) holdings[app].source_explained = true;
        for (const auto& [app, n] : elements.services_per_application(c, s)) holdings[app].services = n;
        for (auto& [app, date] : audits.latest(c, s)) holdings[app].audited_on = std::move(date);
        static const Record kNoRecord;
        for (const auto& e : elements.live_elements(c, s, "aplikasi")) {
          Holdings& h = holdings[e.id];
          h.recommendation = recommended.count(e.id) > 0;
          h.test_passed = passed.count(e.id) > 0;
          auto r = records.find(e.id);
          out.push_back(application_fact(q.profile, e, r == records.end() ? kNoRecord : r->second, h,
                                         q.tenant.agency_has_flag(e.owner_agency_id, "mandiri_tik")));
        }
      };
}

}  // namespace simpul::applications
