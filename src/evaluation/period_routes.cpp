// /api/evaluation/periods: the yearly evaluation periods, their team members and their
// submission (docs/evaluation.md).
#include "evaluation/routes.hpp"

#include "evaluation/json.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "tenancy/json.hpp"

namespace simpul::evaluation {
namespace {

namespace json = boost::json;
using http::FieldReader;
using http::Request;

json::object period_detail(Service& m, const Scope& s, const tenancy::Profile& profile, const std::string& id,
                           const std::string& user_id) {
  auto period = m.period(s, id);
  auto scored = m.score(s, id);
  auto records = m.answers(s, id);
  auto evidence = m.evidence(s, id);
  const auto& f = *scored.framework;
  json::array members, indicators, my_roles;
  for (const auto& mem : m.members(s, id)) {
    members.push_back(to_json(mem));
    if (mem.user_id == user_id) my_roles.push_back(json::value(mem.role));
  }
  for (std::size_t i = 0; i < f.indicators.size(); ++i) {
    const auto& ind = f.indicators[i];
    json::object row{{"id", ind.id},
                     {"number", ind.number},
                     {"name", ind.name},
                     {"weight", ind.weight},
                     {"aspect_id", f.aspects[ind.aspect].id},
                     {"value", scored.result.indicators[i]},
                     {"state", nullptr},
                     {"level", nullptr}};
    std::int64_t count = 0;
    for (const auto& e : evidence) count += e.indicator_id == ind.id;
    row["evidence"] = count;
    for (const auto& a : records)
      if (a.indicator_id == ind.id) {
        row["state"] = a.state;
        row["level"] = a.level ? json::value(*a.level) : json::value(nullptr);
      }
    indicators.push_back(row);
  }
  auto out = to_json(period);
  out["framework"] = json::object{{"id", f.id},
                                  {"version", f.version},
                                  {"title", f.title},
                                  {"provisional", f.provisional},
                                  {"level_rule", f.level_rule == LevelRule::Direct ? "direct" : "cumulative-evidence"}};
  out["members"] = members;
  out["my_roles"] = my_roles;
  out["indicators"] = indicators;
  out["result"] = index_json(f, scored.result, &records);
  if (profile.evaluation) {
    out["rule"] = tenancy::rule_ref_json(profile, profile.evaluation->rule);
    out["report_to"] = profile.evaluation->report_to;
  }
  return out;
}

}  // namespace

void register_period_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/evaluation/periods", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto year = http::query_int(req, "year", 2000, 2100);
    auto agency = req.query_value("agency").value_or("");
    if (agency != "" && agency != "-") agency = http::query_id(req, "agency");
    json::array items;
    for (const auto& period : m.periods(p.scope(), year, agency)) {
      auto o = to_json(period);
      auto scored = m.score(p.scope(), period.id);
      o["index"] = scored.result.index;
      o["predicate"] = scored.result.predicate ? json::value(scored.result.predicate->name) : json::value(nullptr);
      items.push_back(o);
    }
    return http::json_response(200, json::object{{"items", items}, {"total", items.size()}});
  });

  router.add("POST", "/api/evaluation/periods", [&m](Request& req) {
    const auto& p = req.require("evaluation.manage");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"year", "agency_id", "framework_id", "title"});
    auto year = f.optional_int("year", 2000, 2100);
    if (!year) throw Error(ErrorCode::ValidationMissingField, {{"field", "year"}});
    std::string agency;
    if (auto a = f.nullable_string("agency_id", 40); a && *a) agency = http::required_id(**a, "agency_id");
    auto framework = f.optional_string("framework_id", 60);
    auto title = f.optional_string("title", 200).value_or("");
    auto period = m.create_period(p.scope(), static_cast<int>(*year), agency, framework, title, p.actor());
    return http::json_response(201, period_detail(m, p.scope(), m.profile_of(p.scope()), period.id, p.user_id));
  });

  router.add("GET", "/api/evaluation/periods/{id}", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    return http::json_response(200,
                               period_detail(m, p.scope(), m.profile_of(p.scope()), req.id_param("id"), p.user_id));
  });

  router.add("POST", "/api/evaluation/periods/{id}/members", [&m](Request& req) {
    const auto& p = req.require("evaluation.manage");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"user_id", "role"});
    auto user = http::required_id(f.required_string("user_id", 40), "user_id");
    auto role = f.required_string("role", 40);
    return http::json_response(201, to_json(m.add_member(p.scope(), req.id_param("id"), user, role, p.actor())));
  });

  router.add("DELETE", "/api/evaluation/periods/{id}/members/{mid}", [&m](Request& req) {
    const auto& p = req.require("evaluation.manage");
    m.remove_member(p.scope(), req.id_param("id"), req.id_param("mid"), p.actor());
    return http::json_response(200, json::object{{"removed", true}});
  });

  router.add("POST", "/api/evaluation/periods/{id}/submit", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    const auto& id = req.id_param("id");
    m.submit(p.scope(), id, p.actor());
    return http::json_response(200, period_detail(m, p.scope(), m.profile_of(p.scope()), id, p.user_id));
  });
}

}  // namespace simpul::evaluation
