#pragma once
// Budget proposals for the compliance engine: subject "usulan_anggaran", one object per PD proposal
// of every cycle, so that the profile's plan-and-budget duties that outlive a single action become
// findings (Bontang Pasal 10 ayat (2): a submitted proposal still unverified when its cycle is closed;
// Balikpapan Pasal 7 ayat (4): a submitted proposal without the Dinas's technical recommendation).
#include <string>
#include <vector>

#include "regulation/fact_registry.hpp"
#include "tenancy/service.hpp"

namespace simpul::planning {

const std::vector<std::string>& fact_subjects();
/// Fields: fiscal_year, state, cycle_state (dibuka|ditutup), submitted, verified, approved,
/// recommended (ya|tidak), lines, reserved_lines (how many of its lines are of a class reserved to
/// another PD, as classified or as the planning agency corrected it).
regulation::FactProvider proposal_facts(const tenancy::Service& tenancy);

}  // namespace simpul::planning
