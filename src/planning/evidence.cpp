#include "planning/evidence.hpp"

#include <map>

#include "core/crypto.hpp"
#include "planning/line_rules.hpp"
#include "planning/profile_section.hpp"
#include "planning/repository.hpp"

namespace simpul::planning {
namespace {

using evaluation::EvidenceQuery;
using evaluation::ProposalSink;

std::string share_of(std::size_t part, std::size_t all) {
  return std::to_string(part) + " dari " + std::to_string(all);
}

/// One cycle: the proposals collected (evidence), then, of the submitted ones, how many carry the
/// Dinas's recommendation (where the region names that step) and how many the coordinating PD
/// verified and approved; each incomplete share is a gap.
void propose_cycle_evidence(const Cycle& cy, const std::vector<Proposal>& proposals, const PlanningProfile& plan,
                            const EvidenceQuery& q, ProposalSink& out) {
  std::size_t submitted = 0, recommended = 0, verified = 0, approved = 0;
  std::int64_t total = 0;
  for (const auto& p : proposals) {
    if (p.state == "draf") continue;
    ++submitted;
    total += p.total;
    recommended += p.recommended_at.has_value();
    verified += p.state == "diverifikasi" || p.state == "disetujui";
    approved += p.state == "disetujui";
  }
  const std::string year = std::to_string(cy.fiscal_year);
  const std::string link = "/anggaran";
  if (submitted == 0) {
    out.add("budget_cycle", cy.id,
            "Siklus anggaran SPBE tahun " + year + ": belum ada usulan yang diajukan" + evaluation::owned_by(q),
            cy.state == "dibuka" ? "siklus dibuka" : "siklus ditutup", link, false);
    return;
  }
  out.add(
      "budget_cycle", cy.id, "Siklus anggaran SPBE tahun " + year + evaluation::owned_by(q),
      evaluation::joined({std::to_string(submitted) + " usulan Perangkat Daerah diajukan",
                          "total " + rupiah_text(total), cy.state == "dibuka" ? "siklus dibuka" : "siklus ditutup"}),
      link, true);
  if (!plan.recommendation_role.empty())
    out.add("budget_recommendations", "",
            "Usulan anggaran SPBE " + year + " dengan rekomendasi teknis Dinas: " + share_of(recommended, submitted),
            "dikonsultasikan kepada unit pengelola TIK", link, recommended == submitted);
  out.add("budget_verification", "",
          "Usulan anggaran SPBE " + year + " yang diverifikasi: " + share_of(verified, submitted),
          evaluation::joined({share_of(approved, submitted) + " disetujui",
                              "oleh Perangkat Daerah koordinator perencanaan dan penganggaran"}),
          link, verified == submitted);
}

class PlanningEvidence final : public evaluation::EvidenceSource {
 public:
  explicit PlanningEvidence(const tenancy::Service& tenancy) : tenancy_(tenancy) {}
  std::string id() const override { return "plan_budget"; }
  std::vector<std::string> topics() const override { return {"budget"}; }

  void propose(storage::Connection& c, const EvidenceQuery& q, std::string_view topic,
               std::vector<evaluation::EvidenceProposal>& list) const override {
    if (topic != "budget" || !q.profile) return;
    const auto& plan = planning_profile(*q.profile);
    if (!plan.present) return;
    ProposalSink out{"plan_budget", topic, list};
    Repository repo(c);
    // The budget carried out in the evaluation year and the one prepared during it.
    bool any = false;
    for (const auto& cy : repo.cycles(q.scope)) {
      if (cy.fiscal_year != q.year && cy.fiscal_year != q.year + 1) continue;
      any = true;
      propose_cycle_evidence(cy, repo.proposals(q.scope, cy.id, q.agency_id), plan, q, out);
    }
    if (!any)
      out.add("budget_cycle", "",
              "Belum ada siklus anggaran SPBE untuk tahun " + std::to_string(q.year) + " atau " +
                  std::to_string(q.year + 1),
              "Rencana dan anggaran SPBE belum disusun di Simpul.", "/anggaran", false);
  }

  std::optional<std::string> resolve(storage::Connection& c, const Scope& s, std::string_view kind,
                                     std::string_view ref_id) const override {
    if (!crypto::looks_like_id(ref_id)) return std::nullopt;
    Repository repo(c);
    if (kind == "budget_cycle") {
      auto cy = repo.cycle(s, std::string(ref_id));
      if (cy) return "Siklus anggaran SPBE tahun " + std::to_string(cy->fiscal_year);
    } else if (kind == "budget_proposal") {
      auto pr = repo.proposal(s, std::string(ref_id));
      if (pr) {
        auto agency = tenancy_.agency(c, s, pr->agency_id);
        return "Usulan anggaran SPBE " + (agency ? agency->name : std::string());
      }
    }
    return std::nullopt;
  }

 private:
  const tenancy::Service& tenancy_;
};

}  // namespace

std::unique_ptr<evaluation::EvidenceSource> planning_evidence_source(const tenancy::Service& tenancy) {
  return std::make_unique<PlanningEvidence>(tenancy);
}

}  // namespace simpul::planning
