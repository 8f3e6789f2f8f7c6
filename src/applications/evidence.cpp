#include "applications/evidence.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "applications/audit_history.hpp"
#include "applications/model.hpp"
#include "applications/repository.hpp"
#include "architecture/service.hpp"
#include "core/crypto.hpp"
#include "regulation/engine.hpp"
#include "tenancy/profile.hpp"

namespace simpul::applications {
namespace {

using evaluation::EvidenceProposal;
using evaluation::EvidenceQuery;
using evaluation::joined;
using evaluation::kMaxListedRecords;
using evaluation::owned_by;
using evaluation::ProposalSink;

// An assessor reads a list, not a register: per topic at most this many applications; the
// aggregate proposal carries the full counts.
// Audits older than this count as missing unless the regulation states its own period (Balikpapan
// Pasal 40 ayat (3): at least once in 2 years).
constexpr int kDefaultAuditMonths = 24;

struct App {
  std::string id, code, name, agency, stage, category;
  std::optional<std::string> last_audit_date, live_since;
  bool live = false;
  std::string label() const { return code + " " + name; }
  std::string link() const { return "/aplikasi/" + id; }
};

/// Applications in force (not retired), owned by q.agency_id when set, ordered by code: the elements
/// through the architecture module's read port, their records from this module's repository.
std::vector<App> applications(storage::Connection& c, const architecture::Service& elements, const AuditHistory* audits,
                              const EvidenceQuery& q) {
  architecture::ElementFilter filter;
  filter.domain = "aplikasi";
  filter.owner_agency_id = q.agency_id;
  std::int64_t total = 0;
  auto found = elements.elements(c, q.scope, filter, ListQuery{"", "code", false, 1, 1'000'000}, total);
  auto records = Repository(c).records(q.scope);
  const auto audited = audits ? audits->latest(c, q.scope) : std::map<std::string, std::string>{};
  std::vector<App> out;
  for (const auto& e : found) {
    if (e.state == "retired") continue;
    const auto record = records.find(e.id);
    const bool has_record = record != records.end();
    App a{e.id,
          e.code,
          e.name,
          e.owner_agency_name,
          stage_of(e),
          text_attribute(e, "category"),
          has_record ? record->second.last_audit_date : std::nullopt,
          has_record ? record->second.live_since : std::nullopt};
    if (auto it = audited.find(e.id); it != audited.end())
      a.last_audit_date = AuditHistory::later(a.last_audit_date, it->second);
    // Live is the profile's list of serving stages; without a profile, having gone live at all.
    a.live = q.profile ? q.profile->applications.is_live(a.stage) : a.live_since.has_value();
    out.push_back(std::move(a));
  }
  return out;
}

std::string stage_name(const EvidenceQuery& q, const std::string& id) {
  if (q.profile)
    for (const auto& s : q.profile->applications.stages)
      if (s.id == id) return s.name;
  return id.empty() ? "tanpa tahap" : id;
}

std::string category_name(const EvidenceQuery& q, const std::string& id) {
  if (q.profile)
    if (const auto* e = q.profile->enumeration(q.profile->applications.categories))
      for (const auto& item : e->items)
        if (item.id == id) return item.name;
  return id.empty() ? "tanpa kategori" : id;
}

/// The register in numbers (by stage in the profile's order, by category), then the applications,
/// live ones first.
void propose_register(const EvidenceQuery& q, const std::vector<App>& apps, ProposalSink& out) {
  if (apps.empty()) {
    out.add("applications", "", "Belum ada aplikasi dalam registri" + owned_by(q),
            "Registri Aplikasi SPBE masih kosong.", "/aplikasi", false);
    return;
  }
  std::map<std::string, int> stages, categories;
  std::size_t live = 0;
  for (const auto& a : apps) {
    ++stages[a.stage];
    ++categories[a.category];
    live += a.live;
  }
  std::vector<std::string> by_stage, by_category;
  if (q.profile)  // the lifecycle's order reads better than the alphabet
    for (const auto& s : q.profile->applications.stages)
      if (stages.count(s.id)) by_stage.push_back(s.name + " " + std::to_string(stages[s.id]));
  for (const auto& [id, n] : stages)
    if (!q.profile || q.profile->applications.stage_index(id) < 0)
      by_stage.push_back(stage_name(q, id) + " " + std::to_string(n));
  for (const auto& [id, n] : categories) by_category.push_back(category_name(q, id) + " " + std::to_string(n));
  std::string detail = "Tahap: " + joined(by_stage) + ". Kategori: " + joined(by_category) + ".";
  if (apps.size() > kMaxListedRecords)
    detail += " " + std::to_string(kMaxListedRecords) + " aplikasi pertama ditampilkan.";
  out.add("applications", "",
          "Registri Aplikasi SPBE" + owned_by(q) + ": " + std::to_string(apps.size()) + " aplikasi, " +
              std::to_string(live) + " beroperasi",
          detail, "/aplikasi", true);
  std::vector<const App*> ordered;
  for (const auto& a : apps) ordered.push_back(&a);
  std::stable_partition(ordered.begin(), ordered.end(), [](const App* a) { return a->live; });
  for (std::size_t i = 0; i < ordered.size() && i < kMaxListedRecords; ++i) {
    const auto& a = *ordered[i];
    std::string d = stage_name(q, a.stage) + " · " + category_name(q, a.category) + " · " + a.agency;
    if (a.live && a.live_since) d += " · beroperasi sejak " + *a.live_since;
    out.add("application", a.id, a.label(), d, a.link(), true);
  }
}

/// Live applications and their handover package: complete when the Repositori holds every document
/// kind the profile lists; where the regulation lists none, any stored file counts.
void propose_handover(storage::Connection& c, const EvidenceQuery& q, const std::vector<App>& apps, ProposalSink& out) {
  std::map<std::string, std::set<std::string>> kinds;  // application id -> artifact kinds stored
  for (auto& [application, kind] : Repository(c).artifact_kinds(q.scope)) kinds[application].insert(std::move(kind));
  std::vector<tenancy::EnumItem> required;
  if (q.profile) required = q.profile->applications.handover_documents;
  std::vector<std::pair<const App*, std::vector<std::string>>> missing, complete;  // with the missing document names
  for (const auto& a : apps) {
    if (!a.live) continue;
    const auto& have = kinds[a.id];
    std::vector<std::string> lacking;
    for (const auto& doc : required)
      if (!have.count(doc.id)) lacking.push_back(doc.name);
    if (required.empty() && have.empty()) lacking.push_back("berkas apa pun");
    (lacking.empty() ? complete : missing).emplace_back(&a, std::move(lacking));
  }
  std::size_t live = missing.size() + complete.size();
  if (live == 0) return;  // nothing is handed over before an application serves users
  std::vector<std::string> names;
  for (const auto& d : required) names.push_back(d.name);
  std::string detail = required.empty()
                           ? "Regulasi tidak merinci dokumen serah terima; setiap berkas di Repositori dihitung."
                           : "Dokumen yang diwajibkan: " + joined(names, ", ") + ".";
  out.add("handover", "",
          "Paket serah terima" + owned_by(q) + ": " + std::to_string(complete.size()) + " dari " +
              std::to_string(live) + " aplikasi beroperasi lengkap",
          detail, "/aplikasi", !complete.empty());
  std::size_t shown = 0;
  for (const auto& [a, lacking] : missing)  // gaps first: they are what the owner agency acts on
    if (shown++ < kMaxListedRecords)
      out.add("application", a->id, a->label(), "Belum ada di Repositori: " + joined(lacking, ", ") + " · " + a->agency,
              a->link(), false);
  for (const auto& [a, lacking] : complete)
    if (shown++ < kMaxListedRecords)
      out.add("application", a->id, a->label(), "Paket serah terima lengkap di Repositori · " + a->agency, a->link(),
              true);
}

/// The audit period the regulation states (a periodic duty on last_audit_date), else two years.
int audit_months(const EvidenceQuery& q) {
  if (q.profile)
    for (const auto& rule : q.profile->compliance)
      if (rule.kind == "periodic-duty")
        if (const auto* last = rule.params.if_contains("last");
            last && last->is_string() && last->as_string() == "last_audit_date")
          if (const auto* m = rule.params.if_contains("months"); m && m->is_int64())
            return static_cast<int>(m->as_int64());
  return kDefaultAuditMonths;
}

/// Live applications audited within the period are evidence; older or missing audits are gaps.
void propose_audits(const EvidenceQuery& q, const std::vector<App>& apps, ProposalSink& out) {
  int months = audit_months(q);
  std::string since = regulation::add_months(q.today, -months);  // the engine's date arithmetic
  std::vector<const App*> recent, stale;
  for (const auto& a : apps)
    if (a.live) (a.last_audit_date && *a.last_audit_date >= since ? recent : stale).push_back(&a);
  if (recent.empty() && stale.empty()) return;
  out.add("audits", "",
          "Audit aplikasi" + owned_by(q) + ": " + std::to_string(recent.size()) + " dari " +
              std::to_string(recent.size() + stale.size()) + " aplikasi beroperasi diaudit dalam " +
              std::to_string(months) + " bulan terakhir",
          "Batas: audit sejak " + since + ".", "/aplikasi", !recent.empty());
  std::size_t shown = 0;
  for (const auto* a : stale)
    if (shown++ < kMaxListedRecords)
      out.add("application", a->id, a->label(),
              (a->last_audit_date
                   ? "Audit terakhir " + *a->last_audit_date + ", lebih dari " + std::to_string(months) + " bulan lalu"
                   : std::string("Belum pernah diaudit")) +
                  " · " + a->agency,
              a->link(), false);
  for (const auto* a : recent)
    if (shown++ < kMaxListedRecords)
      out.add("application", a->id, a->label(), "Audit terakhir " + *a->last_audit_date + " · " + a->agency, a->link(),
              true);
}

class ApplicationsEvidence final : public evaluation::EvidenceSource {
 public:
  ApplicationsEvidence(const architecture::Service& elements, const AuditHistory* audits)
      : elements_(elements), audits_(audits) {}
  std::string id() const override { return "applications"; }
  std::vector<std::string> topics() const override { return {"applications", "handover", "audit"}; }

  void propose(storage::Connection& c, const EvidenceQuery& q, std::string_view topic,
               std::vector<EvidenceProposal>& list) const override {
    ProposalSink out{"applications", topic, list};
    auto apps = applications(c, elements_, audits_, q);
    if (topic == "applications")
      propose_register(q, apps, out);
    else if (topic == "handover")
      propose_handover(c, q, apps, out);
    else if (topic == "audit")
      propose_audits(q, apps, out);
  }

  std::optional<std::string> resolve(storage::Connection& c, const Scope& s, std::string_view kind,
                                     std::string_view ref_id) const override {
    if (!crypto::looks_like_id(ref_id)) return std::nullopt;  // nothing else is one of our ids
    std::string id(ref_id);
    if (kind == "application") {
      auto e = elements_.find(c, s, id);
      if (!e || e->domain != "aplikasi") return std::nullopt;
      return e->code + " " + e->name;
    }
    if (kind == "artifact") {
      auto a = Repository(c).artifact(s, id);
      if (!a) return std::nullopt;
      auto e = elements_.find(c, s, a->application_id);
      if (!e) return std::nullopt;
      return a->filename + (a->release.empty() ? "" : " (rilis " + a->release + ")") + " · " + e->code;
    }
    return std::nullopt;
  }

 private:
  const architecture::Service& elements_;
  const AuditHistory* audits_;
};

}  // namespace

std::unique_ptr<evaluation::EvidenceSource> applications_evidence_source(const architecture::Service& elements,
                                                                         const AuditHistory* audits) {
  return std::make_unique<ApplicationsEvidence>(elements, audits);
}

}  // namespace simpul::applications
