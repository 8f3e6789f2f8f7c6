#include "regulation/evidence.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "regulation/evidence_repository.hpp"
#include "regulation/repository.hpp"
#include "tenancy/profile.hpp"
#include "tenancy/service.hpp"

namespace simpul::regulation {
namespace {

using evaluation::EvidenceProposal;
using evaluation::EvidenceQuery;
using evaluation::joined;
using evaluation::kMaxListedRecords;
using evaluation::owned_by;
using evaluation::ProposalSink;

// An assessor reads a list, not a register: per topic at most this many findings; the aggregate
// proposals carry the full counts.
const std::vector<std::string> kSeverities = {"tinggi", "sedang", "rendah"};  // most urgent first

struct OpenFinding {
  std::string id, rule_id, kind, subject, object_label, agency, severity, due;
};

std::size_t severity_rank(const std::string& s) {
  return static_cast<std::size_t>(std::find(kSeverities.begin(), kSeverities.end(), s) - kSeverities.begin());
}

/// Open findings the agency is responsible for (all when q.agency_id is empty), most urgent first,
/// with the agency's name from the tenancy module's read port.
std::vector<OpenFinding> open_findings(storage::Connection& c, const tenancy::Service& tenancy,
                                       const EvidenceQuery& q) {
  std::map<std::string, std::string> agencies;
  for (auto& a : tenancy.agencies(c, q.scope)) agencies.emplace(std::move(a.id), std::move(a.name));
  std::vector<OpenFinding> out;
  for (auto& f : EvidenceRepository(c).open_findings(q.scope, q.agency_id)) {
    auto agency = agencies.find(f.agency_id);
    out.push_back({std::move(f.id), std::move(f.rule_id), std::move(f.kind), std::move(f.subject),
                   std::move(f.object_label), agency == agencies.end() ? std::string() : agency->second,
                   std::move(f.severity), std::move(f.due)});
  }
  std::sort(out.begin(), out.end(), [](const OpenFinding& a, const OpenFinding& b) {
    auto ra = severity_rank(a.severity), rb = severity_rank(b.severity);
    return std::tie(ra, a.due, a.object_label, a.id) < std::tie(rb, b.due, b.object_label, b.id);
  });
  return out;
}

/// "Aplikasi memakai subdomain Pemda: APL-001 Sistem Rujukan" with the rule instance's title.
std::string finding_label(const EvidenceQuery& q, const OpenFinding& f) {
  std::string title = "Temuan " + f.rule_id;
  if (q.profile)
    for (const auto& c : q.profile->compliance)
      if (c.rule == f.rule_id && c.subject == f.subject && c.kind == f.kind) title = c.title;
  return title + ": " + f.object_label;
}

std::string finding_detail(const EvidenceQuery& q, const OpenFinding& f) {
  std::string d = "Tingkat " + f.severity;
  if (const auto* rule = q.profile ? q.profile->rule(f.rule_id) : nullptr) d += " · " + rule->citation;
  d += " · jatuh tempo " + f.due + (f.due < q.today ? " (terlambat)" : "");
  return d + " · " + (f.agency.empty() ? std::string("tanpa Perangkat Daerah") : f.agency);
}

std::string findings_link(const EvidenceQuery& q, const std::string& query) {
  std::string link = "/kepatuhan?" + query;
  if (!q.agency_id.empty()) link += "&agency=" + q.agency_id;
  return link;
}

void add_findings(const EvidenceQuery& q, const std::vector<OpenFinding>& findings, ProposalSink& out) {
  for (std::size_t i = 0; i < findings.size() && i < kMaxListedRecords; ++i)
    out.add("finding", findings[i].id, finding_label(q, findings[i]), finding_detail(q, findings[i]),
            "/kepatuhan/temuan/" + findings[i].id, false);
}

/// The last evaluation run is the evidence that the regulation is checked; open findings by
/// severity, then the findings themselves, are the gaps.
void propose_compliance(storage::Connection& c, const tenancy::Service& tenancy, const EvidenceQuery& q,
                        ProposalSink& out) {
  auto last = Repository(c).last_run(q.scope);
  if (!last) {
    out.add("compliance_run", "", "Kepatuhan regulasi belum pernah dievaluasi",
            "Jalankan evaluasi kepatuhan agar temuan terhadap regulasi tercatat.", "/kepatuhan", false);
    return;
  }
  std::string regulation = q.profile ? q.profile->regulation_label() : std::string("regulasi SPBE daerah");
  out.add("compliance_run", "", "Evaluasi kepatuhan terakhir " + last->substr(0, 10),
          "Seluruh aturan " + regulation + " diperiksa terhadap data Simpul.", "/kepatuhan", true);

  auto findings = open_findings(c, tenancy, q);
  std::map<std::string, std::pair<int, int>> by_severity;  // severity -> (open, overdue)
  for (const auto& f : findings) {
    auto& [open, overdue] = by_severity[f.severity];
    ++open;
    overdue += f.due < q.today;
  }
  for (const auto& s : kSeverities)
    if (auto it = by_severity.find(s); it != by_severity.end())
      out.add("findings", "", std::to_string(it->second.first) + " temuan terbuka tingkat " + s,
              std::to_string(it->second.second) + " di antaranya melewati jatuh tempo.",
              findings_link(q, "severity=" + s), false);

  auto closed = EvidenceRepository(c).closed_counts(q.scope, q.agency_id);
  if (findings.empty() || closed["resolved"] > 0)
    out.add(
        "findings", "",
        findings.empty() ? std::string("Tidak ada temuan kepatuhan terbuka")
                         : std::to_string(closed["resolved"]) + " temuan kepatuhan telah diselesaikan",
        std::to_string(closed["resolved"]) + " diselesaikan, " + std::to_string(closed["waived"]) + " dikecualikan.",
        findings_link(q, "state=semua"), true);
  add_findings(q, findings, out);
}

/// Rules of the profile's compliance instances that are about security: the cited rule's object
/// or text names it ("security controls", "keamanan"). Empty when the regulation checks none.
std::set<std::string> security_rules(const tenancy::Profile& p) {
  std::set<std::string> wanted;
  for (const auto& c : p.compliance) wanted.insert(c.rule);
  std::set<std::string> out;
  const auto* rules = p.document.if_contains("rules");
  if (!rules || !rules->is_array()) return out;
  for (const auto& r : rules->as_array()) {
    if (!r.is_object()) continue;
    const auto* id = r.as_object().if_contains("id");
    if (!id || !id->is_string() || !wanted.count(std::string(id->as_string()))) continue;
    for (const char* field : {"object", "what"})
      if (const auto* v = r.as_object().if_contains(field); v && v->is_string()) {
        auto text = text::to_lower_ascii(v->as_string());
        if (text.find("security") != std::string::npos || text.find("keamanan") != std::string::npos)
          out.insert(std::string(id->as_string()));
      }
  }
  return out;
}

/// Only where it can be told which findings are about security; otherwise nothing is proposed
/// rather than every finding.
void propose_security(storage::Connection& c, const tenancy::Service& tenancy, const EvidenceQuery& q,
                      ProposalSink& out) {
  if (!q.profile) return;
  auto rules = security_rules(*q.profile);
  if (rules.empty()) return;
  std::vector<OpenFinding> findings;
  for (auto& f : open_findings(c, tenancy, q))
    if (rules.count(f.rule_id)) findings.push_back(std::move(f));
  if (findings.empty()) {
    if (!Repository(c).last_run(q.scope)) return;  // never checked: no evidence either way
    std::string citations;
    for (const auto& id : rules)
      if (const auto* r = q.profile->rule(id)) citations += (citations.empty() ? "" : ", ") + r->citation;
    out.add("findings", "", "Tidak ada temuan keamanan terbuka", "Aturan yang diperiksa: " + citations + ".",
            findings_link(q, "state=semua"), true);
    return;
  }
  add_findings(q, findings, out);
}

class ComplianceEvidence final : public evaluation::EvidenceSource {
 public:
  explicit ComplianceEvidence(const tenancy::Service& tenancy) : tenancy_(tenancy) {}
  std::string id() const override { return "compliance"; }
  std::vector<std::string> topics() const override { return {"compliance", "security"}; }

  void propose(storage::Connection& c, const EvidenceQuery& q, std::string_view topic,
               std::vector<EvidenceProposal>& list) const override {
    ProposalSink out{"compliance", topic, list};
    if (topic == "compliance")
      propose_compliance(c, tenancy_, q, out);
    else if (topic == "security")
      propose_security(c, tenancy_, q, out);
  }

  std::optional<std::string> resolve(storage::Connection& c, const Scope& s, std::string_view kind,
                                     std::string_view ref_id) const override {
    if (kind != "finding" || !crypto::looks_like_id(ref_id)) return std::nullopt;  // nothing else is one of our ids
    auto f = EvidenceRepository(c).finding_rule_and_label(s, std::string(ref_id));
    if (!f) return std::nullopt;
    return "Temuan " + f->first + ": " + f->second;
  }

 private:
  const tenancy::Service& tenancy_;
};

}  // namespace

std::unique_ptr<evaluation::EvidenceSource> compliance_evidence_source(const tenancy::Service& tenancy) {
  return std::make_unique<ComplianceEvidence>(tenancy);
}

}  // namespace simpul::regulation
