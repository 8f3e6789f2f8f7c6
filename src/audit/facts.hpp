#pragma once
// Audit objects for the compliance engine: one subject per audit type (audit_infrastruktur,
// audit_aplikasi, audit_keamanan), so the same element can be overdue for two types at once.
#include "audit/service.hpp"
#include "regulation/fact_registry.hpp"

namespace simpul::audit {

const std::vector<std::string>& fact_subjects();
regulation::FactProvider audit_object_facts(const Service& service);

}  // namespace simpul::audit
