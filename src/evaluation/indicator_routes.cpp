// /api/evaluation/periods/{id}/indicators/{ind}: the per-indicator workspace with its answer,
// review and comments (docs/evaluation.md).
#include "evaluation/routes.hpp"

#include "core/clock.hpp"
#include "evaluation/json.hpp"
#include "evaluation/value_basis.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"

namespace simpul::evaluation {
namespace {

namespace json = boost::json;
using http::FieldReader;
using http::Request;

/// The indicator's criteria per level: its own text where the administrator filled it, else the
/// scale level's general criteria.
json::object indicator_json(const Framework& f, const Indicator& ind) {
  const auto& scale = f.scales[ind.scale];
  json::array levels, topics;
  for (std::size_t i = 0; i < scale.levels.size(); ++i) {
    const auto& own = ind.level_criteria[i];
    levels.push_back(json::object{{"level", scale.levels[i].level},
                                  {"name", scale.levels[i].name},
                                  {"criteria", own.empty() ? scale.levels[i].criteria : own}});
  }
  for (const auto& t : ind.evidence_topics) topics.push_back(json::value(t));
  const auto& aspect = f.aspects[ind.aspect];
  // Whether any level has criteria text, and where it comes from: 59/2020's are from public copies
  // of the Lampiran, 8/2026's are not published yet (and stay editable through corrections).
  bool published = false;
  for (std::size_t i = 0; i < scale.levels.size(); ++i)
    published = published || !ind.level_criteria[i].empty() || !scale.levels[i].criteria.empty();
  return {{"id", ind.id},
          {"number", ind.number},
          {"name", ind.name},
          {"weight", ind.weight},
          {"criteria", ind.criteria},
          {"aspect", json::object{{"id", aspect.id}, {"number", aspect.number}, {"name", aspect.name}}},
          {"scale", scale.name},
          {"levels", levels},
          {"evidence_topics", topics},
          {"external_kind", ind.external_kind},
          {"criteria_published", published},
          {"criteria_source", f.criteria_source},
          {"criteria_notes", f.criteria_notes}};
}

}  // namespace

void register_indicator_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/evaluation/periods/{id}/indicators/{ind}", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    const auto& id = req.id_param("id");
    const auto& ind_id = req.code_param("ind");
    auto framework = m.score(p.scope(), id);
    auto pos = framework.framework->find_indicator(ind_id);
    if (!pos) throw Error(ErrorCode::EvaluationIndicatorNotFound);
    const auto& ind = framework.framework->indicators[*pos];
    auto view = m.indicator(p.scope(), id, ind_id, m.profile_of(p.scope()).today());
    json::array evidence, comments, proposals;
    for (const auto& e : view.evidence) evidence.push_back(to_json(e));
    for (const auto& c : view.comments) comments.push_back(to_json(c));
    std::int64_t gaps = 0;
    for (const auto& x : view.proposals) {
      proposals.push_back(to_json(x));
      gaps += !x.present;
    }
    double value = framework.result.indicators[*pos];
    const auto& scale = framework.framework->scales[ind.scale];
    int current = view.answer && view.answer->level && framework.framework->level_rule == LevelRule::Direct
                      ? *view.answer->level
                      : static_cast<int>(value);
    json::value next = nullptr;
    if (current < scale.max_level()) {
      auto i = static_cast<std::size_t>(current);  // level current+1 sits at index current
      next =
          json::object{{"level", scale.levels[i].level},
                       {"name", scale.levels[i].name},
                       {"criteria", ind.level_criteria[i].empty() ? scale.levels[i].criteria : ind.level_criteria[i]},
                       {"gaps", gaps}};
    }
    json::array my_roles;
    for (const auto& r : m.roles_of(p.scope(), id, p.user_id)) my_roles.push_back(json::value(r));
    return http::json_response(
        200,
        json::object{
            {"indicator", indicator_json(*framework.framework, ind)},
            {"level_rule", framework.framework->level_rule == LevelRule::Direct ? "direct" : "cumulative-evidence"},
            {"answer", view.answer ? json::value(to_json(*view.answer)) : json::value(nullptr)},
            {"value", value},
            {"basis", to_json(explain_value(*framework.framework, ind, view.answer, view.evidence, value))},
            {"evidence", evidence},
            {"comments", comments},
            {"proposals", proposals},
            {"next_level", next},
            {"my_roles", my_roles},
            {"period_state", m.period(p.scope(), id).state}});
  });

  router.add("PUT", "/api/evaluation/periods/{id}/indicators/{ind}/answer", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"level", "external_score", "explanation"});
    AnswerInput in;
    if (const auto* v = body.if_contains("level")) {
      if (v->is_null())
        in.level = std::optional<int>{};
      else
        in.level = std::optional<int>(static_cast<int>(*f.optional_int("level", 0, 10)));
    }
    if (const auto* v = body.if_contains("external_score")) {
      if (v->is_null())
        in.external_score = std::optional<double>{};
      else if (v->is_number())
        in.external_score = std::optional<double>(v->to_number<double>());
      else
        throw Error(ErrorCode::ValidationWrongType, "external_score", "expected a number");
    }
    in.explanation = f.optional_multiline("explanation", 8000);
    auto a = m.save_answer(p.scope(), req.id_param("id"), req.code_param("ind"), in, p.actor());
    return http::json_response(200, to_json(a));
  });

  router.add("POST", "/api/evaluation/periods/{id}/indicators/{ind}/answer/submit", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    return http::json_response(
        200, to_json(m.send_for_review(p.scope(), req.id_param("id"), req.code_param("ind"), p.actor())));
  });

  router.add("POST", "/api/evaluation/periods/{id}/indicators/{ind}/answer/review", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"decision", "note"});
    auto decision = f.required_string("decision", 20);
    if (decision != kApproved && decision != kReturned)
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "decision"}, {"allowed", json::array{kApproved, kReturned}}});
    auto note = f.optional_multiline("note", 4000).value_or("");
    auto a = m.review(p.scope(), req.id_param("id"), req.code_param("ind"), decision == kApproved, note, p.actor());
    return http::json_response(200, to_json(a));
  });

  router.add("POST", "/api/evaluation/periods/{id}/indicators/{ind}/comments", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"text"});
    auto text = f.optional_multiline("text", 4000).value_or("");
    if (text.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "text"}});
    return http::json_response(
        201, to_json(m.comment(p.scope(), req.id_param("id"), req.code_param("ind"), text, p.actor())));
  });
}

}  // namespace simpul::evaluation
