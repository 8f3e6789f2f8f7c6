#pragma once
// What Audit TIK knows that supports the yearly SPBE evaluation's audit indicators (topic "audit"):
// the programmes held per audit type in the evaluation year and the findings closed. Reads only.
#include <memory>

#include "evaluation/evidence.hpp"

namespace simpul::audit {

class Service;

/// Source id "ict_audit". Topic: audit. Record kinds (resolve): audit_programme.
std::unique_ptr<evaluation::EvidenceSource> audit_evidence_source(const Service& service);

}  // namespace simpul::audit
