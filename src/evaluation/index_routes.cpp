// The index of a period, its what-if simulation, an agency's history and the league table
// (docs/evaluation.md).
#include "evaluation/routes.hpp"

#include "evaluation/json.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"

namespace simpul::evaluation {
namespace {

namespace json = boost::json;
using http::FieldReader;
using http::Request;

std::vector<Change> read_changes(const json::object& body) {
  std::vector<Change> out;
  const auto* list = body.if_contains("changes");
  if (!list || !list->is_array()) throw Error(ErrorCode::ValidationMissingField, {{"field", "changes"}});
  if (list->as_array().size() > 200) throw Error(ErrorCode::ValidationTooLong, {{"field", "changes"}, {"max", 200}});
  for (const auto& item : list->as_array()) {
    if (!item.is_object()) throw Error(ErrorCode::ValidationWrongType, "changes", "expected objects");
    FieldReader f(item.as_object(), {"indicator", "level"});
    auto indicator = f.required_string("indicator", 40);
    auto level = f.optional_int("level", 0, 10);
    if (!level) throw Error(ErrorCode::ValidationMissingField, {{"field", "level"}});
    out.push_back({indicator, static_cast<int>(*level)});
  }
  return out;
}

}  // namespace

void register_index_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/evaluation/periods/{id}/index", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto scored = m.score(p.scope(), req.id_param("id"));
    return http::json_response(200, index_json(*scored.framework, scored.result));
  });

  router.add("POST", "/api/evaluation/periods/{id}/what-if", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"changes"});
    auto changes = read_changes(body);
    const auto& id = req.id_param("id");
    auto base = m.score(p.scope(), id);
    auto simulated = m.what_if(p.scope(), id, changes);
    auto out = index_json(*simulated.framework, simulated.result);
    out["base_index"] = base.result.index;
    out["delta"] = simulated.result.index - base.result.index;
    return http::json_response(200, out);
  });

  router.add("GET", "/api/evaluation/history", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto agency = http::query_id(req, "agency");
    json::array items;
    for (const auto& [period, scored] : m.history(p.scope(), agency)) {
      auto o = to_json(period);
      o["result"] = index_json(*scored.framework, scored.result);
      o["framework_title"] = scored.framework->title;
      items.push_back(o);
    }
    return http::json_response(200, json::object{{"items", items}});
  });

  router.add("GET", "/api/evaluation/league", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto year = http::query_int(req, "year", 2000, 2100);
    if (!year) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "year"}});
    json::array items;
    std::int64_t rank = 0;
    for (const auto& row : m.league(p.scope(), *year))
      items.push_back(
          json::object{{"rank", ++rank},
                       {"period", to_json(row.period)},
                       {"index", row.index},
                       {"predicate", row.predicate.empty() ? json::value(nullptr) : json::value(row.predicate)},
                       {"approved", row.approved}});
    return http::json_response(200, json::object{{"year", *year}, {"items", items}});
  });
}

}  // namespace simpul::evaluation
