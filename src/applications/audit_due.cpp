#include "applications/audit_due.hpp"

#include <algorithm>

#include "regulation/engine.hpp"

namespace simpul::applications {
namespace {

std::string param_text(const boost::json::object& params, const char* key) {
  const auto* v = params.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

int param_months(const boost::json::object& params) {
  const auto* v = params.if_contains("months");
  return v && v->is_int64() ? static_cast<int>(v->as_int64()) : 0;
}

/// Every `when` filter of the instance holds for the object (as the engine reads them).
bool filters_hold(const tenancy::ComplianceRuleSpec& spec, const regulation::Fact& f) {
  return std::all_of(spec.when.begin(), spec.when.end(), [&](const auto& w) {
    return std::find(w.second.begin(), w.second.end(), f.field(w.first)) != w.second.end();
  });
}

}  // namespace

std::optional<AuditDue> audit_due(const tenancy::Profile& p, const regulation::Fact& application,
                                  const std::string& today) {
  for (const auto& spec : p.compliance) {
    if (spec.kind != "periodic-duty" || spec.subject != "application") continue;
    if (param_text(spec.params, "last") != "last_audit_date" || !filters_hold(spec, application)) continue;
    const int months = param_months(spec.params);
    if (months <= 0) continue;
    AuditDue due;
    due.spec = &spec;
    due.basis = "last_audit_date";
    due.since = std::string(application.field("last_audit_date"));
    if (due.since.empty()) {
      due.basis = param_text(spec.params, "start");
      due.since = std::string(application.field(due.basis));
    }
    if (due.since.empty()) continue;  // no date to count from: the engine cannot judge it either
    due.date = regulation::add_months(due.since.substr(0, 10), months);
    due.overdue = due.date < today;
    return due;
  }
  return std::nullopt;
}

}  // namespace simpul::applications
