#pragma once
// What Rencana dan Anggaran SPBE knows that supports the yearly SPBE evaluation's indicator of an
// integrated plan and budget (topic "budget", e.g. SPBE 2020 I13 "Keterpaduan Rencana dan Anggaran
// SPBE"): the cycles of the evaluation year and the next, the PDs' proposals, the Dinas's
// recommendations where the region names them, and the coordinating PD's verification and approval.
#include <memory>

#include "evaluation/evidence.hpp"
#include "tenancy/service.hpp"

namespace simpul::planning {

/// Source id "plan_budget". Topic: budget. Record kinds (resolve): budget_cycle, budget_proposal.
std::unique_ptr<evaluation::EvidenceSource> planning_evidence_source(const tenancy::Service& tenancy);

}  // namespace simpul::planning
