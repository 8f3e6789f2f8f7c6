// /api/evaluation/*: frameworks, periods and their team, the per-indicator workspace, evidence,
// index / what-if, history, league table and reports (docs/evaluation.md).
#include "evaluation/routes.hpp"

#include "core/clock.hpp"
#include "core/text.hpp"
#include "evaluation/framework_json.hpp"
#include "evaluation/json.hpp"
#include "http/attachment.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "tenancy/json.hpp"

namespace simpul::evaluation {
namespace {

namespace json = boost::json;
using http::FieldReader;
using http::Request;

std::string today() { return clock::now_iso().substr(0, 10); }

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
  return {{"id", ind.id},
          {"number", ind.number},
          {"name", ind.name},
          {"weight", ind.weight},
          {"criteria", ind.criteria},
          {"aspect", json::object{{"id", aspect.id}, {"number", aspect.number}, {"name", aspect.name}}},
          {"scale", scale.name},
          {"levels", levels},
          {"evidence_topics", topics},
          {"external_kind", ind.external_kind}};
}

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
    json::object row{{"id", ind.id},      {"number", ind.number}, {"name", ind.name},
                     {"weight", ind.weight}, {"aspect_id", f.aspects[ind.aspect].id},
                     {"value", scored.result.indicators[i]}, {"state", nullptr}, {"level", nullptr}};
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

EvidenceInput evidence_input(std::optional<std::int64_t> level, std::optional<bool> main) {
  EvidenceInput in;
  if (level) in.level = static_cast<int>(*level);
  in.main = main.value_or(true);
  return in;
}

/// "?level=2&main=false" of a raw file upload.
EvidenceInput evidence_query(const Request& req) {
  EvidenceInput in;
  in.level = http::query_int(req, "level", 0, 10);
  auto main = http::query_choice(req, "main", {"true", "false"});
  in.main = main != "false";
  return in;
}

}  // namespace

void register_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/evaluation/options", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    const auto& profile = m.profile_of(p.scope());
    json::array roles, topics;
    for (const auto& [id, name] : workflow_roles()) roles.push_back(json::object{{"id", id}, {"name", name}});
    for (const auto& t : evidence_topics()) topics.push_back(json::value(t));
    json::object out{{"roles", roles}, {"evidence_topics", topics}, {"max_evidence_bytes", m.options().max_evidence_bytes}};
    if (profile.evaluation) {
      const auto& e = *profile.evaluation;
      out["rule"] = tenancy::rule_ref_json(profile, e.rule);
      out["team"] = e.team ? json::value(*e.team) : json::value(nullptr);
      out["team_rule"] = e.team_rule ? json::value(tenancy::rule_ref_json(profile, e.team_rule)) : json::value(nullptr);
      out["agency_rule"] = e.agency_rule ? json::value(tenancy::rule_ref_json(profile, e.agency_rule)) : json::value(nullptr);
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
    auto fw = m.correct_framework(p.scope(), req.code_param("fid"), static_cast<int>(*base), *corrections, note, p.actor());
    return http::json_response(201, to_json(*fw));
  });

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
    return http::json_response(200, period_detail(m, p.scope(), m.profile_of(p.scope()), req.id_param("id"), p.user_id));
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

  router.add("GET", "/api/evaluation/periods/{id}/indicators/{ind}", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    const auto& id = req.id_param("id");
    const auto& ind_id = req.code_param("ind");
    auto framework = m.score(p.scope(), id);
    auto pos = framework.framework->find_indicator(ind_id);
    if (!pos) throw Error(ErrorCode::EvaluationIndicatorNotFound);
    const auto& ind = framework.framework->indicators[*pos];
    auto view = m.indicator(p.scope(), id, ind_id, today());
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
      next = json::object{{"level", scale.levels[i].level},
                          {"name", scale.levels[i].name},
                          {"criteria", ind.level_criteria[i].empty() ? scale.levels[i].criteria : ind.level_criteria[i]},
                          {"gaps", gaps}};
    }
    json::array my_roles;
    for (const auto& r : m.roles_of(p.scope(), id, p.user_id)) my_roles.push_back(json::value(r));
    return http::json_response(
        200, json::object{{"indicator", indicator_json(*framework.framework, ind)},
                          {"level_rule", framework.framework->level_rule == LevelRule::Direct ? "direct" : "cumulative-evidence"},
                          {"answer", view.answer ? json::value(to_json(*view.answer)) : json::value(nullptr)},
                          {"value", value},
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
      if (v->is_null()) in.level = std::optional<int>{};
      else in.level = std::optional<int>(static_cast<int>(*f.optional_int("level", 0, 10)));
    }
    if (const auto* v = body.if_contains("external_score")) {
      if (v->is_null()) in.external_score = std::optional<double>{};
      else if (v->is_number()) in.external_score = std::optional<double>(v->to_number<double>());
      else throw Error(ErrorCode::ValidationWrongType, "external_score", "expected a number");
    }
    in.explanation = f.optional_multiline("explanation", 8000);
    auto a = m.save_answer(p.scope(), req.id_param("id"), req.code_param("ind"), in, p.actor());
    return http::json_response(200, to_json(a));
  });

  router.add("POST", "/api/evaluation/periods/{id}/indicators/{ind}/answer/submit", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    return http::json_response(200, to_json(m.send_for_review(p.scope(), req.id_param("id"), req.code_param("ind"), p.actor())));
  });

  router.add("POST", "/api/evaluation/periods/{id}/indicators/{ind}/answer/review", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"decision", "note"});
    auto decision = f.required_string("decision", 20);
    if (decision != kApproved && decision != kReturned)
      throw Error(ErrorCode::ValidationInvalidValue, {{"field", "decision"}, {"allowed", json::array{kApproved, kReturned}}});
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
    return http::json_response(201, to_json(m.comment(p.scope(), req.id_param("id"), req.code_param("ind"), text, p.actor())));
  });

  router.add("POST", "/api/evaluation/periods/{id}/indicators/{ind}/evidence", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto filename = http::checked_filename(req.query_value("filename"), ErrorCode::ArtifactBadFilename);
    auto e = m.add_file(p.scope(), req.id_param("id"), req.code_param("ind"), filename, req.body, evidence_query(req), p.actor());
    return http::json_response(201, to_json(e));
  });

  router.add("POST", "/api/evaluation/periods/{id}/indicators/{ind}/evidence/link", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"ref_kind", "ref_id", "level", "main"});
    auto kind = f.required_string("ref_kind", 60);
    auto ref = http::required_id(f.required_string("ref_id", 60), "ref_id");
    auto in = evidence_input(f.optional_int("level", 0, 10), f.optional_bool("main"));
    auto e = m.add_link(p.scope(), req.id_param("id"), req.code_param("ind"), kind, ref, in, p.actor());
    return http::json_response(201, to_json(e));
  });

  router.add("DELETE", "/api/evaluation/periods/{id}/evidence/{eid}", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    m.remove_evidence(p.scope(), req.id_param("id"), req.id_param("eid"), p.actor());
    return http::json_response(200, json::object{{"removed", true}});
  });

  router.add("POST", "/api/evaluation/periods/{id}/evidence/{eid}/verdict", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"accepted"});
    auto accepted = f.optional_bool("accepted");
    if (!accepted) throw Error(ErrorCode::ValidationMissingField, {{"field", "accepted"}});
    return http::json_response(200, to_json(m.verdict(p.scope(), req.id_param("id"), req.id_param("eid"), *accepted, p.actor())));
  });

  router.add("GET", "/api/evaluation/periods/{id}/evidence/{eid}/content", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto [item, bytes] = m.download(p.scope(), req.id_param("id"), req.id_param("eid"));
    auto res = http::attachment(std::move(bytes), item.label, "application/octet-stream");
    res.set_header("X-Content-SHA256", item.sha256);
    return res;
  });

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

  router.add("POST", "/api/evaluation/periods/{id}/submit", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    const auto& id = req.id_param("id");
    m.submit(p.scope(), id, p.actor());
    return http::json_response(200, period_detail(m, p.scope(), m.profile_of(p.scope()), id, p.user_id));
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
      items.push_back(json::object{{"rank", ++rank},
                                   {"period", to_json(row.period)},
                                   {"index", row.index},
                                   {"predicate", row.predicate.empty() ? json::value(nullptr) : json::value(row.predicate)},
                                   {"approved", row.approved}});
    return http::json_response(200, json::object{{"year", *year}, {"items", items}});
  });

  router.add("GET", "/api/evaluation/periods/{id}/report", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto data = m.report(p.scope(), req.id_param("id"));
    auto name = "laporan-evaluasi-spbe-" + std::to_string(data.year) + ".pdf";
    return http::attachment(render_report_pdf(data), name, "application/pdf");
  });

  router.add("GET", "/api/evaluation/periods/{id}/export", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto data = m.report(p.scope(), req.id_param("id"));
    auto name = "jawaban-evaluasi-spbe-" + std::to_string(data.year) + ".xlsx";
    return http::attachment(render_answers_xlsx(data), name,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
}

}  // namespace simpul::evaluation
