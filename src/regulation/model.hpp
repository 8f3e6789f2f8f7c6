#pragma once
// Findings and sanctions as stored (docs/compliance.md).
#include <optional>
#include <string>
#include <vector>

namespace simpul::regulation {

struct Finding {
  std::string id;
  std::string rule_id;
  std::string kind;  // the rule kind: one rule may be enforced by two kinds on one object
  std::string subject;
  std::string object_id;
  std::string object_label;
  std::string agency_id;
  std::string agency_name;  // joined for display
  std::string severity;
  std::string chapter;
  std::string due;
  std::string state = "open";  // open | resolved | waived
  std::string details = "{}";  // JSON text
  std::string first_seen_at, last_seen_at;
  std::optional<std::string> resolved_at;
  std::optional<std::string> waived_reason, waived_by_name, waived_at;
};

struct FindingFilter {
  std::string agency_id, state, severity, rule_id, chapter, subject, object_id;
};

/// One step of a sanction case (Balikpapan Pasal 46). The evaluation proposes a step with its basis;
/// it is given only when the authorised official records it (docs/compliance.md, "Sanctions").
struct Sanction {
  std::string id;
  std::string finding_id;
  std::string step;
  std::string status = "given";  // proposed | given
  std::string date;              // the day it was given; empty while proposed
  std::string note;
  std::string basis;           // why this step is due, as the regulation words it
  std::string basis_citation;  // "Pasal 46 ayat (2) huruf b"
  std::string proposed_on;     // the day the evaluation proposed it (empty when recorded directly)
  std::string due;             // by when the official should decide (Pasal 46 sets no period: at once)
  bool automatic = false;      // proposed by the evaluation rather than recorded first by hand
  std::string issued_by_name;
  std::string created_at;
  bool has_letter = false;
  std::string letter_sha256;
  std::string letter_signature;
};

/// What one evaluation changed.
struct EvaluationResult {
  std::string evaluated_at;
  std::int64_t created = 0, resolved = 0, reopened = 0, open = 0;
  std::int64_t proposed = 0;   // sanction cases opened at their first step
  std::int64_t escalated = 0;  // next steps proposed because the previous one did not lead to a correction
};

}  // namespace simpul::regulation
