#pragma once
// Rencana dan Anggaran SPBE: what the profile says about the yearly SPBE budget, and the cycles,
// proposals, lines, standard prices and duplicate candidates kept here (docs/plan-and-budget.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"

namespace simpul::planning {

struct Choice {
  std::string id, name;
};

/// A class of spending reserved to one PD (Bontang Pasal 11: internet, intranet, general software;
/// Lampung Timur Pasal 17 ayat (9): no data centre built by a PD). A line is in the class when its
/// account code or SSH code starts with one of the prefixes or its text contains a keyword.
struct ReservedClass {
  std::string id, name;
  std::optional<std::string> rule;
  std::string holder_role;  // the role (agency flag) that may propose it, e.g. diskominfo
  std::vector<std::string> account_prefixes, ssh_prefixes, keywords;
};

/// The region's `planning:` profile section.
struct PlanningProfile {
  bool present = false;
  std::vector<std::string> coordinator_roles;  // roles whose PD opens cycles, verifies, approves
  std::optional<std::string> coordinator_rule;
  std::optional<std::string> link_rule;        // lines guided by the architecture and the roadmap
  std::optional<std::string> categories_rule;  // set: a category is required
  std::vector<Choice> categories;
  std::optional<std::string> funding_rule;
  std::vector<Choice> funding_sources;
  std::optional<std::string> price_rule;           // standard unit prices set by decree
  std::optional<std::string> submission_rule;      // PDs propose to the coordinator
  std::optional<std::string> duplicate_rule;       // verification ensures no duplication with other PDs
  std::optional<std::string> approval_rule;        // approval only after verification
  std::optional<std::string> recommendation_rule;  // the Dinas's technical recommendation / coordination
  std::string recommendation_role;                 // the role giving it (empty: no such step)
  bool recommendation_required = false;            // before the PD submits (Lampung Timur Pasal 42 ayat (2))
  std::vector<ReservedClass> reserved;
  const ReservedClass* reserved_class(const std::string& id) const {
    for (const auto& r : reserved)
      if (r.id == id) return &r;
    return nullptr;
  }
};

/// A fiscal-year cycle opened by the coordinating PD.
struct Cycle {
  std::string id;
  int fiscal_year = 0;
  std::string title;
  std::string submission_deadline;    // local date
  std::string verification_deadline;  // local date
  std::string state;                  // dibuka | ditutup
  std::string opened_by_name, opened_at;
  std::optional<std::string> closed_at;
};

/// One PD's proposal in a cycle.
struct Proposal {
  std::string id, cycle_id, agency_id, agency_name;
  std::string state;  // draf | diajukan | diverifikasi | disetujui
  std::optional<std::string> recommended_at, recommended_by_name;
  std::string recommendation;
  std::optional<std::string> submitted_at, verified_at, verified_by_name, approved_at, approved_by_name;
  std::int64_t total = 0;  // sum of its lines (joined)
  std::int64_t line_count = 0;
  std::string created_at;
};

/// A check of a line against the price list or the reserved classes; `rule` empty when the
/// region states none.
struct LineCheck {
  std::string kind;  // harga_di_atas_standar | akun_tidak_diizinkan | ssh_tidak_dikenal
  std::string message;
  std::optional<std::string> rule;
};

/// An RKA-like detail line.
struct Line {
  std::string id, proposal_id, cycle_id, agency_id;
  std::string sub_activity, account_code, name, specification, ssh_code;
  std::string volume_text;  // "2 Unit x 12 Bulan"
  std::int64_t volume = 0;
  std::string unit;
  std::int64_t unit_price = 0, total = 0;
  std::string funding_source, category;
  std::vector<std::string> element_ids;
  std::optional<std::string> initiative_id;
  std::vector<LineCheck> checks;
  std::string created_at, updated_at;
  /// The reserved class the planning agency set ("" = none); nullopt: the class its account, SSH
  /// code and text give (classify()).
  std::optional<std::string> class_override;
};

/// A correction of a line's classification by the planning agency: which field, from and to,
/// why, by whom and when (`reserved_class`: "" is "not reserved"; `category`: "" is none).
struct LineCorrection {
  std::string id, line_id, proposal_id, line_name;
  std::string field;  // reserved_class | category
  std::string from, to, reason;
  std::string by_name, by_agency_id, at;
};

/// A volume factor of a line: `2 Unit`, `12 Bulan`.
struct VolumeFactor {
  std::int64_t quantity = 0;
  std::string unit;
};

/// One item of a standard unit price list version.
struct PriceItem {
  std::string code, name, specification, unit;
  std::int64_t price = 0;
  std::vector<std::string> account_codes;  // accounts the item may be budgeted under (prefixes)
};

struct PriceList {
  std::string id;
  int year = 0;
  std::string decree_number, decree_date;
  std::int64_t item_count = 0;
  std::string created_at;
};

/// A pair of lines of different PDs the duplicate finder suggests, and the coordinator's decision.
struct CandidatePair {
  std::string id, cycle_id, line_a, line_b;
  std::string kind = "line";       // line | application (line_a the line, line_b an application element)
  std::string agency_a, agency_b;  // the PDs of line_a and line_b (agency_b empty for an application)
  double score = 0;
  std::vector<std::string> reasons;
  std::string decision;  // empty (unresolved) | duplikat | berbeda
  std::string reason, decided_by_name;
  std::optional<std::string> decided_at;
  std::string found_at;
};

/// One page of a cycle's (or the tenant's) line pairs: highest score first, then by id.
struct CandidateQuery {
  std::string cycle_id;   // empty: every cycle of the tenant
  std::string agency_id;  // empty: every PD; else pairs with a line of that PD
  std::optional<bool> decided;
  int limit = 50, offset = 0;
};

}  // namespace simpul::planning
