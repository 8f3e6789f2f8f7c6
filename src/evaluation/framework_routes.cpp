// /api/evaluation/options and /api/evaluation/frameworks: what the console offers, and the
// framework files with their corrected versions (docs/evaluation.md).
#include "evaluation/routes.hpp"

#include "evaluation/framework_json.hpp"
#include "evaluation/json.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "tenancy/json.hpp"

namespace simpul::evaluation {

namespace json = boost::json;
using http::FieldReader;
using http::Request;

void register_framework_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/evaluation/options", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    const auto& profile = m.profile_of(p.scope());
    json::array roles, topics;
    for (const auto& [id, name] : workflow_roles()) roles.push_back(json::object{{"id", id}, {"name", name}});
    for (const auto& t : evidence_topics()) topics.push_back(json::value(t));
    json::object out{
        {"roles", roles}, {"evidence_topics", topics}, {"max_evidence_bytes", m.options().max_evidence_bytes}};
    if (profile.evaluation) {
      const auto& e = *profile.evaluation;
      out["rule"] = tenancy::rule_ref_json(profile, e.rule);
      out["team"] = e.team ? json::value(*e.team) : json::value(nullptr);
      out["team_rule"] = e.team_rule ? json::value(tenancy::rule_ref_json(profile, e.team_rule)) : json::value(nullptr);
      out["agency_rule"] =
          e.agency_rule ? json::value(tenancy::rule_ref_json(profile, e.agency_rule)) : json::value(nullptr);
      out["report_to"] = e.report_to;
    }
    return http::json_response(200, out);
  });

  router.add("GET", "/api/evaluation/frameworks", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    json::array items;
    for (const auto& v : m.frameworks(p.scope())) items.push_back(summary_json(v));
    return http::json_response(200, json::object{{"items", items}, {"total", items.size()}});
  });

  router.add("GET", "/api/evaluation/frameworks/{fid}", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto version = http::query_int(req, "version", 1, 1000000);
    return http::json_response(200, to_json(*m.framework(p.scope(), req.code_param("fid"), version)));
  });

  router.add("POST", "/api/evaluation/frameworks/{fid}/versions", [&m](Request& req) {
    const auto& p = req.require("evaluation.framework");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"base_version", "note", "corrections"});
    auto base = f.optional_int("base_version", 1, 1000000);
    if (!base) throw Error(ErrorCode::ValidationMissingField, {{"field", "base_version"}});
    auto note = f.required_string("note", 2000);
    auto corrections = http::optional_object(body, "corrections");
    if (!corrections) throw Error(ErrorCode::ValidationMissingField, {{"field", "corrections"}});
    auto fw =
        m.correct_framework(p.scope(), req.code_param("fid"), static_cast<int>(*base), *corrections, note, p.actor());
    return http::json_response(201, to_json(*fw));
  });
}

}  // namespace simpul::evaluation
