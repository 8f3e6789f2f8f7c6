#include "applications/facts.hpp"

#include "applications/repository.hpp"
#include "tenancy/repository.hpp"

namespace simpul::applications {
namespace {

// Consideration kinds (docs/applications.md) → the requirement they satisfy in the `has` set.
const std::map<std::string, std::string> kConsiderationRequirement = {
    {"kebutuhan_aplikasi_khusus", "ministry_consideration"},
    {"kode_sumber_tertutup", "closed_source_consideration"},
    {"aplikasi_sejenis", "similar_consideration"}};

const char* yes_no(bool b) { return b ? "ya" : "tidak"; }

}  // namespace

regulation::TenantFacts tenant_facts(storage::Connection& c, const Scope& s, const tenancy::Profile& p,
                                     std::set<std::string>* mandiri_agencies) {
  regulation::TenantFacts t;
  t.domain = p.domain.effective;
  t.email_domain = p.email_domain ? p.email_domain->effective : "";
  t.enacted = p.regulation_enacted.value_or("");
  std::int64_t total = 0;
  auto agencies = tenancy::Repository(c).agencies(s, ListQuery{"", "name", false, 1, 100000}, total);
  for (const auto& role : p.roles) {
    if (!role.agency_flag) continue;
    for (const auto& a : agencies)
      if (a.has_flag(*role.agency_flag)) {
        t.role_agencies.emplace_back(role.id, a.id);
        break;
      }
  }
  if (mandiri_agencies)
    for (const auto& a : agencies)
      if (a.has_flag("mandiri_tik")) mandiri_agencies->insert(a.id);
  return t;
}

regulation::Fact application_fact(const tenancy::Profile& p, const architecture::Element& e, const Record& r, const Holdings& h,
                                  bool owner_mandiri_tik) {
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
              {"last_audit_date", r.last_audit_date.value_or("")},
              {"live_since", r.live_since.value_or("")}};
  if (h.recommendation) f.add_to_set("has", "recommendation");
  if (h.test_passed) f.add_to_set("has", "test_passed");
  for (const auto& kind : h.considerations)
    if (auto it = kConsiderationRequirement.find(kind); it != kConsiderationRequirement.end()) f.add_to_set("has", it->second);
  for (const auto& kind : h.documents) f.add_to_set("documents", kind);
  for (const auto& [condition, met] : r.justification)
    if (met.is_bool() && met.as_bool()) f.add_to_set("justification", std::string(condition));
  return f;
}

Holdings holdings_of(storage::Connection& c, const Scope& s, const std::string& id) {
  Repository repo(c);
  Holdings h;
  for (const auto& r : repo.recommendations(s, "disetujui", id)) h.recommendation = h.recommendation || r.state == "disetujui";
  for (const auto& x : repo.considerations(s, id))
    if (x.decision == "disetujui") h.considerations.insert(x.kind);
  for (const auto& t : repo.tests(s, id)) h.test_passed = h.test_passed || t.result == "lulus";
  for (const auto& a : repo.artifacts(s, id)) h.documents.insert(a.kind);
  auto services = c.query(
      "SELECT count(*) FROM arch_relations r JOIN arch_elements src ON src.id = r.source_id AND src.tenant_id = r.tenant_id "
      "WHERE r.tenant_id = ? AND "
      "r.target_id = ? AND r.type = 'supported_by' AND src.domain = 'layanan'",
      {s.tenant_id, id});
  h.services = services.front().int_at(0);
  return h;
}

bool agency_is_mandiri(storage::Connection& c, const Scope& s, const std::string& agency_id) {
  auto agency = tenancy::Repository(c).agency(s, agency_id);
  return agency && agency->has_flag("mandiri_tik");
}

regulation::Facts load_facts(storage::Connection& c, const Scope& s, const tenancy::Profile& p,
                             const architecture::Documents& documents, const std::string& today) {
  regulation::Facts facts;
  std::set<std::string> mandiri;
  facts.tenant = tenant_facts(c, s, p, &mandiri);

  Repository repo(c);
  auto records = repo.records(s);
  auto recommended = repo.approved_recommendations(s);
  auto passed = repo.passed_tests(s);
  std::map<std::string, Holdings> holdings;
  for (const auto& [app, kind] : repo.approved_considerations(s)) holdings[app].considerations.insert(kind);
  for (const auto& [app, kind] : repo.artifact_kinds(s)) holdings[app].documents.insert(kind);
  for (const auto& [app, n] : repo.services_per_application(s)) holdings[app].services = n;
  auto apps_per_service = repo.applications_per_service(s);

  static const Record kNoRecord;
  for (const auto& e : repo.fact_elements(s)) {
    if (e.domain == "layanan") {
      regulation::Fact f;
      f.subject = "service";
      f.id = e.id;
      f.label = e.code + " " + e.name;
      f.agency_id = e.owner_agency_id;
      auto n = apps_per_service.find(e.id);
      f.fields = {{"applications", std::to_string(n == apps_per_service.end() ? 0 : n->second)}, {"state", e.state}};
      facts.objects.push_back(std::move(f));
      continue;
    }
    Holdings& h = holdings[e.id];
    h.recommendation = recommended.count(e.id) > 0;
    h.test_passed = passed.count(e.id) > 0;
    auto r = records.find(e.id);
    facts.objects.push_back(application_fact(p, e, r == records.end() ? kNoRecord : r->second, h, mandiri.count(e.owner_agency_id) > 0));
  }

  // The Arsitektur SPBE and Peta Rencana as the regulation requires them: one object each, even
  // when no version exists yet (then not approved).
  std::map<std::string, std::string> review_due;
  for (const auto& [d, due] : documents.overdue(s, today))
    if (!review_due.count(d.kind) || due.due < review_due[d.kind]) review_due[d.kind] = due.due;
  int year = std::stoi(today.substr(0, 4));
  for (const char* kind : {"arsitektur", "peta_rencana"}) {
    std::optional<architecture::Document> in_force;
    for (auto& d : documents.list(s, kind))
      if (d.status == "approved") in_force = d;
    regulation::Fact f;
    f.subject = "architecture_document";
    f.id = in_force ? in_force->id : kind;
    f.label = std::string(kind) == "arsitektur" ? "Arsitektur SPBE" : "Peta Rencana SPBE";
    if (in_force) f.label += " v" + std::to_string(in_force->version);
    bool valid = in_force && in_force->period_start <= year && year <= in_force->period_end;
    f.fields = {{"kind", kind}, {"approved", yes_no(in_force.has_value())}, {"valid", yes_no(valid)}, {"review_due", review_due[kind]}};
    facts.objects.push_back(std::move(f));
  }
  return facts;
}

}  // namespace simpul::applications
