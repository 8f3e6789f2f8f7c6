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

struct Sanction {
  std::string id;
  std::string finding_id;
  std::string step;
  std::string date;
  std::string note;
  bool automatic = false;
  std::string issued_by_name;
  std::string created_at;
  bool has_letter = false;
  std::string letter_sha256;
  std::string letter_signature;
};

/// What one evaluation changed.
struct EvaluationResult {
  std::string evaluated_at;
  std::int64_t created = 0, resolved = 0, reopened = 0, open = 0, escalated = 0;
};

}  // namespace simpul::regulation
