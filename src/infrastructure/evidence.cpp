// Live evidence of Infrastruktur SPBE for the evaluation (topic "infrastructure": the Pusat Data
// and Jaringan Intra indicators): which Pusat Data sites operate, how many PDs host their servers
// there, the link to the PDN, WAN links and PD LANs, and the bandwidth evaluations of the year. Reads
// through this module's repositories; the architecture source proposes the elements themselves.
#include <algorithm>
#include <map>
#include <set>

#include "core/crypto.hpp"
#include "evaluation/evidence.hpp"
#include "infrastructure/bandwidth_repository.hpp"
#include "infrastructure/module.hpp"
#include "infrastructure/repository.hpp"
#include "tenancy/profile.hpp"

namespace simpul::infrastructure {
namespace {

using evaluation::EvidenceQuery;
using evaluation::ProposalSink;

class InfrastructureEvidence final : public evaluation::EvidenceSource {
 public:
  InfrastructureEvidence(const tenancy::Service& tenancy, const architecture::Service& elements)
      : tenancy_(tenancy), elements_(elements) {}
  std::string id() const override { return "infrastructure"; }
  std::vector<std::string> topics() const override { return {"infrastructure"}; }

  void propose(storage::Connection& c, const EvidenceQuery& q, std::string_view topic,
               std::vector<evaluation::EvidenceProposal>& list) const override {
    if (topic != "infrastructure") return;
    ProposalSink out{"infrastructure", topic, list};
    propose_pusat_data(c, q, out);
    propose_network(c, q, out);
  }

  std::optional<std::string> resolve(storage::Connection& c, const Scope& s, std::string_view kind,
                                     std::string_view ref_id) const override {
    if (!crypto::looks_like_id(ref_id)) return std::nullopt;
    if (kind == "infra_site") {
      auto x = Repository(c).site(s, std::string(ref_id));
      if (x) return x->code + " " + x->name;
    }
    if (kind == "infra_bw_evaluation") {
      auto e = BandwidthRepository(c).evaluations(s, "", std::string(ref_id));
      if (!e.empty()) return "Evaluasi penggunaan bandwidth " + e.front().first.month;
    }
    return std::nullopt;
  }

 private:
  void propose_pusat_data(storage::Connection& c, const EvidenceQuery& q, ProposalSink& out) const {
    const auto& spec = spec_of(*q.profile);
    Repository repo(c);
    std::map<std::string, Site> sites;
    bool pdn = false, pemda = false;
    for (auto& x : repo.sites(q.scope, "")) {
      bool counts = x.status == "operasi" && std::find(spec.pusat_data_kinds.begin(), spec.pusat_data_kinds.end(),
                                                       x.kind) != spec.pusat_data_kinds.end();
      if (counts && q.agency_id.empty()) {
        out.add("infra_site", x.id, "Pusat Data " + x.code + " " + x.name,
                name_of(site_kinds(), x.kind) + " · beroperasi", "/infrastruktur/pusat-data", true);
        pdn = pdn || x.kind == "pdn";
        pemda = pemda || x.kind == "pusat_data_pemda";
      }
      sites.emplace(x.id, std::move(x));
    }
    if (q.agency_id.empty()) {
      if (!pemda && !pdn)
        out.add("infra_site", "", "Pusat Data belum tercatat",
                "Tidak ada lokasi Pusat Data yang beroperasi dalam register.", "/infrastruktur/pusat-data", false);
      if (!pdn)
        out.add("infra_site", "", "Belum ada interkoneksi dengan Pusat Data Nasional",
                "Register tidak memuat lokasi berjenis Pusat Data Nasional (PDN).", "/infrastruktur/pusat-data", false);
    }
    // Use by the Perangkat Daerah: owners of live servers, and how many of them host in the Pusat Data.
    auto records = repo.servers(q.scope);
    std::set<std::string> owners, in_pusat_data;
    for (const auto& e : elements_.live_elements(c, q.scope, "infrastruktur")) {
      auto r = records.find(e.id);
      if (r == records.end() || (!q.agency_id.empty() && e.owner_agency_id != q.agency_id)) continue;
      owners.insert(e.owner_agency_id);
      if (r->second.site_id)
        if (auto s = sites.find(*r->second.site_id);
            s != sites.end() && s->second.status == "operasi" &&
            std::find(spec.pusat_data_kinds.begin(), spec.pusat_data_kinds.end(), s->second.kind) !=
                spec.pusat_data_kinds.end())
          in_pusat_data.insert(e.owner_agency_id);
    }
    if (!owners.empty()) {
      bool all = in_pusat_data.size() == owners.size();
      out.add("infra_servers", "",
              all ? "Seluruh server Perangkat Daerah memakai Pusat Data"
                  : "Belum semua Perangkat Daerah memakai Pusat Data",
              std::to_string(in_pusat_data.size()) + " dari " + std::to_string(owners.size()) +
                  " Perangkat Daerah pemilik server menempatkan server di Pusat Data.",
              "/infrastruktur/pusat-data", all);
    }
  }

  void propose_network(storage::Connection& c, const EvidenceQuery& q, ProposalSink& out) const {
    BandwidthRepository bw(c);
    Repository repo(c);
    if (q.agency_id.empty()) {
      auto links = bw.wan_links(q.scope);
      if (links.empty())
        out.add("infra_wan", "", "Jaringan antar Perangkat Daerah (WAN) belum tercatat",
                "Register tidak memuat tautan WAN.", "/infrastruktur/jaringan", false);
      else
        out.add("infra_wan", "", "Jaringan antar Perangkat Daerah (WAN) tercatat",
                std::to_string(links.size()) + " tautan WAN.", "/infrastruktur/jaringan", true);
      int evaluated = 0;
      for (const auto& [e, rows] : bw.evaluations(q.scope, "", "")) {
        if (e.month.substr(0, 4) != std::to_string(q.year)) continue;
        ++evaluated;
        if (evaluated <= static_cast<int>(evaluation::kMaxListedRecords))
          out.add("infra_bw_evaluation", e.id, "Evaluasi penggunaan bandwidth " + e.month,
                  e.acknowledged_at ? "Diterima Tim Koordinasi" : "Belum diterima Tim Koordinasi",
                  "/infrastruktur/jaringan", true);
      }
      if (evaluated == 0)
        out.add("infra_bw_evaluation", "", "Belum ada evaluasi penggunaan bandwidth tahun " + std::to_string(q.year),
                "Jaringan Intra belum direviu dan dievaluasi secara periodik.", "/infrastruktur/jaringan", false);
    }
    auto lans = repo.lans(q.scope, q.agency_id);
    std::set<std::string> with_lan;
    for (const auto& l : lans) with_lan.insert(l.agency_id);
    std::size_t agencies = q.agency_id.empty() ? tenancy_.agencies(c, q.scope).size() : 1;
    bool all = with_lan.size() >= agencies;
    out.add("infra_lan", "",
            all ? "LAN tercatat di seluruh Perangkat Daerah" : "LAN belum tercatat di seluruh Perangkat Daerah",
            std::to_string(with_lan.size()) + " dari " + std::to_string(agencies) +
                " Perangkat Daerah memiliki LAN tercatat.",
            "/infrastruktur/jaringan", all);
  }

  const tenancy::Service& tenancy_;
  const architecture::Service& elements_;
};

}  // namespace

std::unique_ptr<evaluation::EvidenceSource> infrastructure_evidence_source(const tenancy::Service& tenancy,
                                                                           const architecture::Service& elements) {
  return std::make_unique<InfrastructureEvidence>(tenancy, elements);
}

}  // namespace simpul::infrastructure
