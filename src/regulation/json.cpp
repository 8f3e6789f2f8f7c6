#include "regulation/json.hpp"

#include <boost/json/parse.hpp>

#include "regulation/letter.hpp"
#include "regulation/remedy.hpp"

namespace simpul::regulation {
namespace {

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::ValuePattern:
      return "value-must-match-pattern";
    case Kind::RequiredDocuments:
      return "required-documents";
    case Kind::PreconditionOfTransition:
      return "precondition-of-transition";
    case Kind::DeadlineSinceEvent:
      return "deadline-since-event";
    case Kind::PeriodicDuty:
      return "periodic-duty";
    case Kind::ApprovalChain:
      return "approval-chain";
  }
  return "";
}

boost::json::value optional(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object rule_json(const tenancy::Profile& p, const std::string& rule_id, const std::string& subject,
                              const std::string& kind) {
  const auto* r = p.rule(rule_id);
  boost::json::object out{{"id", rule_id}, {"citation", r ? r->citation : ""}, {"chapter", r ? r->chapter : ""}};
  for (const auto& c : p.compliance)
    if (c.rule == rule_id && c.subject == subject && (kind.empty() || c.kind == kind)) {
      out["title"] = c.title;
      out["title_en"] = c.title_en;
      out["kind"] = c.kind;
      return out;
    }
  return out;
}

boost::json::object to_json(const tenancy::Profile& p, const Finding& f, const std::string& today) {
  boost::system::error_code ec;
  auto details = boost::json::parse(f.details, ec);
  const bool has_details = !ec && details.is_object();
  return {{"id", f.id},
          {"rule", rule_json(p, f.rule_id, f.subject, f.kind)},
          {"subject", f.subject},
          {"object_id", f.object_id},
          {"object_label", f.object_label},
          {"agency_id", f.agency_id.empty() ? boost::json::value(nullptr) : boost::json::value(f.agency_id)},
          {"agency_name", f.agency_name},
          {"severity", f.severity},
          {"state", f.state},
          {"due", f.due},
          // Whose period the deadline is: the article's (a deadline or periodic duty it states) or,
          // where the article states none, the Pemda's own grace period from its profile.
          {"due_basis", f.kind == "deadline-since-event" || f.kind == "periodic-duty" ? "pasal" : "pemda"},
          {"grace_days", p.grace_days},
          {"overdue", f.state == "open" && f.due < today},
          {"details", ec ? boost::json::value(boost::json::object{}) : details},
          // What resolves it and the console screen where that is done (src/regulation/remedy.cpp).
          {"resolve", remedy_json(remedy_for(f.subject, f.kind,
                                             has_details ? details.as_object() : boost::json::object{}, f.object_id))},
          {"first_seen_at", f.first_seen_at},
          {"last_seen_at", f.last_seen_at},
          {"resolved_at", optional(f.resolved_at)},
          {"waived_reason", optional(f.waived_reason)},
          {"waived_by_name", optional(f.waived_by_name)},
          {"waived_at", optional(f.waived_at)}};
}

boost::json::object to_json(const tenancy::Profile& p, const Sanction& x) {
  const auto* step = p.sanctions ? p.sanctions->step(x.step) : nullptr;
  return {{"id", x.id},
          {"finding_id", x.finding_id},
          {"step", x.step},
          {"step_name", step ? step->name : x.step},
          {"status", x.status},
          {"date", x.date.empty() ? boost::json::value(nullptr) : boost::json::value(x.date)},
          {"note", x.note},
          {"basis", x.basis},
          {"basis_citation", x.basis_citation},
          {"proposed_on", x.proposed_on.empty() ? boost::json::value(nullptr) : boost::json::value(x.proposed_on)},
          {"due", x.due.empty() ? boost::json::value(nullptr) : boost::json::value(x.due)},
          {"responsible", letter_signatory(p)},
          {"automatic", x.automatic},
          {"issued_by_name", x.issued_by_name},
          {"created_at", x.created_at},
          {"has_letter", x.has_letter},
          {"letter_sha256", x.letter_sha256},
          {"letter_signature", x.letter_signature}};
}

boost::json::object to_json(const tenancy::Profile& p, const CompiledRule& r) {
  const auto& spec = *r.spec;
  boost::json::object when;
  for (const auto& [field, values] : spec.when) {
    boost::json::array a;
    for (const auto& v : values) a.emplace_back(v);
    when[field] = std::move(a);
  }
  return {{"rule", rule_json(p, spec.rule, spec.subject, spec.kind)},
          {"kind", kind_name(r.kind)},
          {"subject", spec.subject},
          {"severity", spec.severity},
          {"gate", spec.gate},
          {"responsible", spec.responsible},
          {"when", when},
          {"params", spec.params}};
}

}  // namespace simpul::regulation
