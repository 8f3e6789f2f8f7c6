#pragma once
// The catalogue codes a regulation causes: every answer carrying one of them must cite the rule
// (id and citation), so a user sees the article behind the refusal (DESIGN.md, principle 3). The
// API harness checks every error answer of every API test against this list, and
// error_catalogue_test.cpp walks the catalogue so that a new code worded as a regulatory refusal
// is classified here or in its list of codes that cite an article only where the region states one.
#include <string_view>

namespace simpul::api_test {

/// Refusals that exist only because a rule of the profile says so: never without their rule.
inline constexpr std::string_view kRuleDrivenCodes[] = {
    "application.gate_refused",   // a gate of the compliance engine (rule instance of the profile)
    "application.self_decision",  // approval-chain rule: the requester cannot decide
    "application.decider_not_recommender",
    "architecture.review_decree_required",  // the region requires the review to be set by decree
    "audit.gate_refused",  // auditor, team decree, internal audit a month ahead (e.g. Bandar Lampung Pasal 39 ayat (6))
    "compliance.sanction_step_invalid",    // the order of the steps the sanctions article lists
    "compliance.not_sanctionable",         // the article listing what is sanctionable (Balikpapan Pasal 46 ayat (1))
    "gateway.recommendation_required",     // the PD Wali Data's recommendation (Balikpapan Pasal 9 ayat (8))
    "gateway.commercial_use",              // a refusal ground of the profile
    "infrastructure.gate_refused",         // e.g. Lampung Timur Pasal 17 ayat (9): no data centre of a PD
    "infrastructure.no_backup_exception",  // only where the region grants the legal-basis exception
    "planning.gate_refused",               // e.g. Bontang Pasal 7 ayat (2): a line serves the architecture and roadmap
    "planning.reserved_item",    // e.g. Bontang Pasal 11: internet, intranet and general software are Dinas spending
    "planning.not_coordinator",  // the article naming who takes the step (e.g. Lampung Timur Pasal 10 ayat (2))
    "servicedesk.no_level2",     // the article defining the desk without tiers (e.g. Lampung Timur Pasal 32 ayat (1))
    "servicedesk.level2_outside_dinas",  // Level 2 is a unit of the Dinas (Balikpapan Pasal 37 ayat (7) huruf b)
};

/// The one documented exception: where the region's regulation states no sanctions at all, the
/// refusal to sanction has no article to cite and says so (`details.regulation_states_sanctions`).
inline bool rule_may_be_absent(std::string_view code, bool regulation_states_sanctions) {
  return code == "compliance.not_sanctionable" && !regulation_states_sanctions;
}

}  // namespace simpul::api_test
