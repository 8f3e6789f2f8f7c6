#include "audit/evidence.hpp"

#include <map>
#include <set>

#include "audit/service.hpp"
#include "core/crypto.hpp"

namespace simpul::audit {
namespace {

using evaluation::EvidenceProposal;
using evaluation::EvidenceQuery;
using evaluation::ProposalSink;

std::string evidence_programme_link(const Programme& x) { return "/audit/program/" + x.id; }

/// The programmes that concern the query: the whole Pemda, or those auditing one of the agency's objects.
std::vector<Programme> evidence_programmes(storage::Connection& c, const Service& service, const EvidenceQuery& q) {
  auto all = service.programmes(c, q.scope);
  if (q.agency_id.empty()) return all;
  std::set<std::string> owned;
  for (const auto& d : service.objects(c, q.scope, ""))
    if (d.agency_id == q.agency_id) owned.insert(d.object_id);
  std::vector<Programme> out;
  for (auto& x : all) {
    bool concerns = false;
    for (const auto& o : x.object_ids) concerns = concerns || owned.count(o) > 0;
    if (concerns) out.push_back(std::move(x));
  }
  return out;
}

/// Per audit type: the programmes whose report arrived in the evaluation year are evidence, a type
/// without one is a gap; then the findings and how many of them were verified as closed.
void propose_audit_evidence(storage::Connection& c, const Service& service, const EvidenceQuery& q, ProposalSink& out) {
  const auto& a = audit_profile(*q.profile);
  const std::string year = std::to_string(q.year);
  auto programmes = evidence_programmes(c, service, q);
  for (const auto& t : a.types) {
    std::vector<const Programme*> held;
    for (const auto& x : programmes)
      if (x.type == t.id && x.report_date && x.report_date->compare(0, 4, year) == 0) held.push_back(&x);
    if (held.empty()) {
      out.add("audit_programme", "",
              "Belum ada " + t.name + " yang selesai pada tahun " + year + evaluation::owned_by(q),
              "Tidak ada laporan audit yang diterima pada tahun ini.", "/audit/program", false);
      continue;
    }
    for (std::size_t i = 0; i < held.size() && i < evaluation::kMaxListedRecords; ++i) {
      const auto& x = *held[i];
      out.add("audit_programme", x.id, x.title,
              evaluation::joined({t.name, x.kind == "internal" ? "audit internal" : "pelaksana " + x.auditor_name,
                                  "laporan diterima " + *x.report_date}),
              evidence_programme_link(x), true);
    }
  }
  auto findings = service.findings(c, q.scope, q.agency_id);
  std::size_t verified = 0, followed = 0;
  for (const auto& f : findings) {
    verified += f.state == "terverifikasi";
    followed += f.state == "ditindaklanjuti";
  }
  if (findings.empty()) return;
  out.add("audit_findings", "",
          "Temuan audit" + evaluation::owned_by(q) + ": " + std::to_string(verified) + " dari " +
              std::to_string(findings.size()) + " telah ditutup (terverifikasi)",
          evaluation::joined({std::to_string(findings.size() - verified - followed) + " terbuka",
                              std::to_string(followed) + " menunggu verifikasi"}),
          "/audit/temuan", verified == findings.size());
}

class AuditEvidence final : public evaluation::EvidenceSource {
 public:
  explicit AuditEvidence(const Service& service) : service_(service) {}
  std::string id() const override { return "ict_audit"; }
  std::vector<std::string> topics() const override { return {"audit"}; }

  void propose(storage::Connection& c, const EvidenceQuery& q, std::string_view topic,
               std::vector<EvidenceProposal>& list) const override {
    if (topic != "audit" || !q.profile) return;
    ProposalSink out{"ict_audit", topic, list};
    propose_audit_evidence(c, service_, q, out);
  }

  std::optional<std::string> resolve(storage::Connection& c, const Scope& s, std::string_view kind,
                                     std::string_view ref_id) const override {
    if (kind != "audit_programme" || !crypto::looks_like_id(ref_id)) return std::nullopt;
    for (const auto& x : service_.programmes(c, s))
      if (x.id == ref_id) return x.title;
    return std::nullopt;
  }

 private:
  const Service& service_;
};

}  // namespace

std::unique_ptr<evaluation::EvidenceSource> audit_evidence_source(const Service& service) {
  return std::make_unique<AuditEvidence>(service);
}

}  // namespace simpul::audit
