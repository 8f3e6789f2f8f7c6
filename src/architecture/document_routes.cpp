// /api/architecture/documents: versions, approval, reviews and diffs.
#include "architecture/document_kinds.hpp"
#include "architecture/json.hpp"
#include "architecture/module.hpp"
#include "http/request_params.hpp"
#include "core/clock.hpp"
#include "http/json_io.hpp"

namespace simpul::architecture {
namespace {

using http::optional_object;
using http::query_choice;
using http::query_id;

using http::FieldReader;
using http::Request;

/// A kind as the console offers it: its labels, instrument, review and the kinds it contains.
boost::json::object kind_json(const tenancy::Profile& profile, const DocumentKind& k) {
  boost::json::array parts;
  for (const auto& part : k.parts) parts.push_back(boost::json::value(part));
  return {{"id", k.id},
          {"label", k.label},
          {"label_en", k.label_en},
          {"instrument", optional_json(k.spec->instrument)},
          {"instrument_rule", rule_json(profile, k.spec->instrument_rule)},
          {"validity_years", k.spec->validity_years},
          {"review_schedule", k.spec->review.schedule},
          {"review_mandatory", k.spec->review.mandatory},
          {"review_rule", rule_json(profile, k.spec->review.rule)},
          {"parts", std::move(parts)},
          {"parts_rule", rule_json(profile, k.parts_rule)},
          {"in_force_rule", rule_json(profile, k.in_force_rule)}};
}

boost::json::object document_json(const Module& m, const Scope& s, const Document& d, bool detail) {
  const auto& profile = m.elements.profile_of(s);
  const auto& spec = Documents::spec(profile, d.kind);
  auto kind = document_kind(profile, d.kind);
  boost::json::object out{{"id", d.id},
                          {"kind", d.kind},
                          {"kind_label", kind ? kind->label : d.kind},
                          {"kind_label_en", kind ? kind->label_en : d.kind},
                          {"parts", d.parts},
                          {"version", d.version},
                          {"title", d.title},
                          {"status", d.status},
                          {"notes", d.notes},
                          {"instrument", boost::json::object{{"type", optional_json(spec.instrument)},
                                                             {"note", optional_json(spec.instrument_note)},
                                                             {"number", optional_json(d.instrument_number)},
                                                             {"date", optional_json(d.instrument_date)},
                                                             {"rule", rule_json(profile, spec.instrument_rule)}}},
                          {"period_start", d.period_start},
                          {"period_end", d.period_end},
                          {"validity_years", spec.validity_years},
                          {"validity_rule", rule_json(profile, spec.validity_rule)},
                          {"approved_at", optional_json(d.approved_at)},
                          {"approved_by_name", d.approved_by_name},
                          {"element_count", d.element_count},
                          {"relation_count", d.relation_count},
                          {"created_at", d.created_at},
                          {"updated_at", d.updated_at}};
  if (!detail) return out;
  const tenancy::Enumeration* reasons = profile.enumeration(spec.review.reasons);
  auto reason_name = [&](const std::string& id) -> boost::json::object {
    if (reasons)
      for (const auto& i : reasons->items)
        if (i.id == id) return {{"id", id}, {"name", i.name}};
    return {{"id", id}, {"name", id}};
  };
  auto reviews = m.documents.reviews(s, d.id);
  boost::json::array review_json, schedule, allowed, coordinators;
  for (const auto& r : reviews) {
    auto j = to_json(r);
    boost::json::array names;
    for (const auto& id : r.reasons) names.push_back(reason_name(id));
    j["reasons"] = std::move(names);
    review_json.push_back(std::move(j));
  }
  for (const auto& due : review_schedule(d, spec.review, reviews, clock::now_iso().substr(0, 10)))
    schedule.push_back(boost::json::object{{"label", due.label},
                                           {"window_start", due.window_start},
                                           {"due", due.due},
                                           {"review_id", optional_json(due.review_id)},
                                           {"overdue", due.overdue}});
  if (reasons)
    for (const auto& i : reasons->items) allowed.push_back(boost::json::object{{"id", i.id}, {"name", i.name}});
  auto names = m.documents.coordinator_names(s, d);
  for (const auto& [domain, agency_id] : d.domain_coordinators) {
    auto name = names.find(std::string(agency_id.as_string()));
    auto role = spec.domain_coordinators.find(std::string(domain));
    coordinators.push_back(
        boost::json::object{{"domain", domain},
                            {"role_id", role == spec.domain_coordinators.end() ? boost::json::value(nullptr)
                                                                               : boost::json::value(role->second)},
                            {"agency_id", agency_id},
                            {"agency_name", name == names.end() ? "" : name->second}});
  }
  out["reviews"] = std::move(review_json);
  out["review_schedule"] = std::move(schedule);
  out["review_rule"] = rule_json(profile, spec.review.rule);
  out["review_mandatory"] = spec.review.mandatory;
  out["schedule"] = spec.review.schedule;
  out["reasons_allowed"] = std::move(allowed);
  out["decree_required"] = spec.review.decree_required;
  out["domain_coordinators"] = std::move(coordinators);
  out["coordinators_rule"] = rule_json(profile, spec.coordinators_rule);
  return out;
}

DocumentInput read_document(const Request& req, bool create) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"kind", "title", "notes", "period_start", "period_end", "domain_coordinators", "parts"});
  DocumentInput in;
  in.kind = create ? std::optional(f.required_string("kind", 20)) : f.optional_string("kind", 20);
  in.title = f.optional_string("title", 200);
  in.notes = f.optional_string("notes", 2000);
  if (auto v = f.optional_int("period_start", 1900, 2200)) in.period_start = static_cast<int>(*v);
  if (auto v = f.optional_int("period_end", 1900, 2200)) in.period_end = static_cast<int>(*v);
  in.domain_coordinators = optional_object(body, "domain_coordinators");
  in.parts = optional_object(body, "parts");
  return in;
}

}  // namespace

void register_document_routes(http::Router& router, Module& m) {
  router.add("GET", "/api/architecture/document-kinds", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    const auto& profile = m.elements.profile_of(p.scope());
    boost::json::array out;
    for (const auto& k : document_kinds(profile)) out.push_back(kind_json(profile, k));
    return http::json_response(200, out);
  });

  router.add("GET", "/api/architecture/documents", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    auto kinds = document_kinds(m.elements.profile_of(p.scope()));
    std::vector<std::string_view> allowed;
    for (const auto& k : kinds) allowed.push_back(k.id);
    auto kind = query_choice(req, "kind", allowed);
    boost::json::array out;
    for (const auto& d : m.documents.list(p.scope(), kind)) out.push_back(document_json(m, p.scope(), d, false));
    return http::json_response(200, out);
  });

  router.add("POST", "/api/architecture/documents", [&m](Request& req) {
    const auto& p = req.require("architecture.manage");
    auto d = m.documents.create(p.scope(), read_document(req, true), p.actor());
    return http::json_response(201, document_json(m, p.scope(), d, true));
  });

  router.add("GET", "/api/architecture/documents/{id}", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    return http::json_response(200, document_json(m, p.scope(), m.documents.get(p.scope(), req.id_param("id")), true));
  });

  router.add("PATCH", "/api/architecture/documents/{id}", [&m](Request& req) {
    const auto& p = req.require("architecture.manage");
    auto d = m.documents.update(p.scope(), req.id_param("id"), read_document(req, false), p.actor());
    return http::json_response(200, document_json(m, p.scope(), d, true));
  });

  router.add("POST", "/api/architecture/documents/{id}/approve", [&m](Request& req) {
    const auto& p = req.require("architecture.approve");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"instrument_number", "instrument_date"});
    // Missing values are refused by the service, citing the article that names the instrument.
    auto number = f.optional_string("instrument_number", 100).value_or("");
    auto date = f.optional_string("instrument_date", 10).value_or("");
    auto d = m.documents.approve(p.scope(), req.id_param("id"), number, date, p.actor());
    return http::json_response(200, document_json(m, p.scope(), d, true));
  });

  router.add("POST", "/api/architecture/documents/{id}/reviews", [&m](Request& req) {
    const auto& p = req.require("architecture.manage");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"date", "reasons", "summary", "outcome", "decree_number"});
    ReviewInput in;
    in.date = f.required_string("date", 10);
    in.reasons = f.optional_string_list("reasons", 20, 60).value_or(std::vector<std::string>{});
    in.summary = f.optional_string("summary", 2000).value_or("");
    in.outcome = f.required_string("outcome", 20);
    in.decree_number = f.optional_string("decree_number", 100);
    auto r = m.documents.add_review(p.scope(), req.id_param("id"), in, p.actor());
    return http::json_response(201, to_json(r));
  });

  router.add("GET", "/api/architecture/documents/{id}/diff", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    std::string against = req.query_value("against").value_or("live");
    if (against != "live") against = query_id(req, "against");
    return http::json_response(200, m.documents.diff(p.scope(), req.id_param("id"), against));
  });
}

}  // namespace simpul::architecture
