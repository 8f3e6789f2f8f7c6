// /api/servicedesk/* (docs/service-desk.md, "API").
#include "servicedesk/routes.hpp"

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "servicedesk/json.hpp"
#include "servicedesk/profile_section.hpp"

namespace simpul::servicedesk {
namespace {

using http::FieldReader;
using http::Request;

Caller caller(const Request& req) {
  const auto& p = req.require("servicedesk.use");
  return {p.scope(), p.actor(), p.has("servicedesk.manage"), p.has("servicedesk.supervise")};
}

const DeskRules& rules(Service& m, const Caller& who) { return rules_of(m.profile_of(who.scope)); }

http::Response detail(Service& m, const Caller& who, const TicketView& v, int status = 200) {
  return http::json_response(status, to_json(rules(m, who), v, m.ticket_agency_names(who.scope, v.ticket)));
}

std::string text_or_empty(const std::optional<std::string>& v) { return v.value_or(""); }

/// A category with the SLA targets it sets per priority (none: its tickets take its parent's or the priority's).
boost::json::object category_json(const DeskRules& d, const Category& c, const std::vector<CategoryTarget>& all) {
  boost::json::array targets;
  for (const auto& t : all)
    if (t.category_id == c.id) {
      const Priority* p = d.priority(t.priority);
      targets.push_back({{"priority", t.priority},
                         {"priority_name", p ? p->name : t.priority},
                         {"priority_name_en", p ? p->name_en : t.priority},
                         {"own_minutes", t.own_minutes},
                         {"resolve_minutes", t.resolve_minutes}});
    }
  return {{"id", c.id},
          {"name", c.name},
          {"parent_id", c.parent_id.empty() ? boost::json::value(nullptr) : boost::json::value(c.parent_id)},
          {"targets", targets}};
}

}  // namespace

void register_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/servicedesk/options", [&m](Request& req) {
    auto who = caller(req);
    auto out = options_json(m.profile_of(who.scope), m.categories(who.scope), m.holidays(who.scope));
    out["can_write_articles"] = m.technician(who);  // the console shows the write buttons to these only
    return http::json_response(200, out);
  });

  router.add("GET", "/api/servicedesk/tickets", [&m](Request& req) {
    auto who = caller(req);
    TicketFilter f;
    auto view = http::query_choice(req, "view", {"mine", "queue", "all"});
    f.state =
        http::query_choice(req, "state", {"open", "new", "assigned", "in_progress", "pending", "resolved", "closed"});
    f.agency_id = http::query_id(req, "agency");
    f.queue_agency_id = http::query_id(req, "queue_agency");
    if (auto tier = http::query_int(req, "tier", 1, 2)) f.tier = *tier;
    if (view == "mine") f.requester_id = who.actor.id;
    if (http::query_choice(req, "assigned", {"me"}) == "me") f.assignee_id = who.actor.id;
    f.breached = http::query_choice(req, "breached", {"true", "false"}) == "true";
    if (auto prio = req.query_value("priority")) {
      if (!rules(m, who).priority(*prio)) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "priority"}});
      f.priority = *prio;
    }
    if (auto type = req.query_value("type")) {
      if (!rules(m, who).type(*type)) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "type"}});
      f.type = *type;
    }
    auto q = http::parse_list_query(req, {"created_at", "updated_at", "number", "priority"});
    if (!req.query_value("sort") && !req.query_value("order")) q.descending = true;  // newest first by default
    ListTotal total;
    auto names = m.agency_names(who.scope);
    boost::json::array items;
    for (const auto& t : m.list(who, f, q, total)) items.push_back(to_json(rules(m, who), t, names));
    return http::json_response(200, boost::json::object{{"items", items},
                                                        {"total", total.count},
                                                        {"total_capped", total.capped},
                                                        {"page", q.page},
                                                        {"per_page", q.per_page}});
  });

  router.add("POST", "/api/servicedesk/tickets", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"type", "category_id", "element_id", "title", "description", "urgency", "impact", "tier",
                         "agency_id", "shared", "service_id"});
    TicketInput in;
    in.type = f.required_string("type", 40);
    in.title = f.required_string("title", 200);
    in.description = f.optional_multiline("description", 8000).value_or("");
    in.urgency = f.required_string("urgency", 20);
    in.impact = f.required_string("impact", 20);
    if (auto v = f.optional_string("category_id", 40)) in.category_id = http::required_id(*v, "category_id");
    if (auto v = f.optional_string("element_id", 40)) in.element_id = http::required_id(*v, "element_id");
    if (auto v = f.optional_string("agency_id", 40)) in.agency_id = http::required_id(*v, "agency_id");
    in.tier = static_cast<int>(f.optional_int("tier", 1, 2).value_or(1));
    in.shared = f.optional_bool("shared").value_or(false);
    if (auto v = f.optional_string("service_id", 40)) in.service_id = http::required_id(*v, "service_id");
    OpenedView answer;
    auto opened = m.open(who, in, {}, &answer);
    auto out = to_json(rules(m, who), answer.view, answer.agency_names);
    out["redirected"] = opened.redirected
                            ? boost::json::value(boost::json::object{{"id", opened.redirected->id},
                                                                     {"citation", opened.redirected->citation}})
                            : boost::json::value(nullptr);
    return http::json_response(201, out);
  });

  router.add("GET", "/api/servicedesk/tickets/{id}", [&m](Request& req) {
    auto who = caller(req);
    return detail(m, who, m.view(who, req.id_param("id")));
  });

  router.add("POST", "/api/servicedesk/tickets/{id}/actions", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"action", "assignee_id", "reason", "resolution"});
    ActionInput in;
    in.action = f.required_string("action", 20);
    if (auto v = f.optional_string("assignee_id", 40)) in.assignee_id = http::required_id(*v, "assignee_id");
    in.reason = text_or_empty(f.optional_multiline("reason", 2000));
    in.resolution = text_or_empty(f.optional_multiline("resolution", 8000));
    return detail(m, who, m.act(who, req.id_param("id"), in));
  });

  router.add("POST", "/api/servicedesk/tickets/{id}/escalate", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"note"});
    return detail(m, who, m.escalate(who, req.id_param("id"), text_or_empty(f.optional_multiline("note", 4000))));
  });

  router.add("POST", "/api/servicedesk/tickets/{id}/return", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"note"});
    return detail(m, who, m.give_back(who, req.id_param("id"), text_or_empty(f.optional_multiline("note", 4000))));
  });

  router.add("POST", "/api/servicedesk/tickets/{id}/comments", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"body", "internal"});
    auto text = text_or_empty(f.optional_multiline("body", 8000));
    return detail(m, who, m.comment(who, req.id_param("id"), text, f.optional_bool("internal").value_or(false)), 201);
  });

  router.add("POST", "/api/servicedesk/tickets/{id}/rating", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"score", "comment"});
    auto score = f.optional_int("score", 1, 5);
    if (!score) throw Error(ErrorCode::ValidationMissingField, {{"field", "score"}});
    return detail(m, who,
                  m.rate(who, req.id_param("id"), static_cast<int>(*score),
                         text_or_empty(f.optional_multiline("comment", 2000))));
  });

  router.add("POST", "/api/servicedesk/tickets/{id}/share", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"shared"});
    auto shared = f.optional_bool("shared");
    if (!shared) throw Error(ErrorCode::ValidationMissingField, {{"field", "shared"}});
    return detail(m, who, m.share(who, req.id_param("id"), *shared));
  });

  router.add("GET", "/api/servicedesk/agents", [&m](Request& req) {
    auto who = caller(req);
    boost::json::array items;
    for (const auto& a : m.agents(who.scope)) items.push_back(to_json(a));
    return http::json_response(200, boost::json::object{{"items", items}});
  });

  router.add("POST", "/api/servicedesk/agents", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"user_id", "tier"});
    auto user = http::required_id(f.required_string("user_id", 40), "user_id");
    auto tier = f.optional_int("tier", 1, 2);
    if (!tier) throw Error(ErrorCode::ValidationMissingField, {{"field", "tier"}});
    return http::json_response(201, to_json(m.add_agent(who, user, static_cast<int>(*tier))));
  });

  router.add("DELETE", "/api/servicedesk/agents/{id}", [&m](Request& req) {
    auto who = caller(req);
    m.remove_agent(who, req.id_param("id"));
    return http::no_content();
  });

  router.add("POST", "/api/servicedesk/desks", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"agency_id", "unit_name", "sop_reference", "since"});
    Desk d;
    d.agency_id = http::required_id(f.required_string("agency_id", 40), "agency_id");
    d.unit_name = text_or_empty(f.optional_string("unit_name", 200));
    d.sop_reference = text_or_empty(f.optional_string("sop_reference", 200));
    d.since = text_or_empty(f.optional_string("since", 10));
    auto saved = m.set_desk(who, d);
    return http::json_response(200, boost::json::object{{"agency_id", saved.agency_id},
                                                        {"unit_name", saved.unit_name},
                                                        {"sop_reference", saved.sop_reference},
                                                        {"since", saved.since}});
  });

  // Staff of the queue change a ticket's category or catalogue service ("" for none); its SLA
  // targets follow (sla_targets.hpp).
  router.add("POST", "/api/servicedesk/tickets/{id}/classify", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"category_id", "service_id"});
    auto id_or_none = [](const std::optional<std::string>& v, const char* field) -> std::optional<std::string> {
      if (!v || v->empty()) return v;
      return http::required_id(*v, field);
    };
    auto category = id_or_none(f.optional_string("category_id", 40), "category_id");
    auto service = id_or_none(f.optional_string("service_id", 40), "service_id");
    return detail(m, who, m.classify(who, req.id_param("id"), category, service));
  });

  router.add("GET", "/api/servicedesk/staffing", [&m](Request& req) {
    auto who = caller(req);
    boost::json::array items;
    for (const auto& r : m.staffing(who.scope)) items.push_back(to_json(r));
    return http::json_response(200, boost::json::object{{"items", items}, {"tiers", rules(m, who).tiers}});
  });

  router.add("GET", "/api/servicedesk/categories", [&m](Request& req) {
    auto who = caller(req);
    auto targets = m.category_targets(who.scope);
    boost::json::array items;
    for (const auto& c : m.categories(who.scope)) items.push_back(category_json(rules(m, who), c, targets));
    return http::json_response(200, boost::json::object{{"items", items}});
  });

  router.add("POST", "/api/servicedesk/categories", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"name", "parent_id"});
    auto name = f.required_string("name", 120);
    std::string parent;
    if (auto v = f.optional_string("parent_id", 40)) parent = http::required_id(*v, "parent_id");
    auto c = m.add_category(who, name, parent);
    return http::json_response(201, category_json(rules(m, who), c, {}));
  });

  // The Dinas sets a category's SLA targets per priority (docs/service-desk.md, "SLA targets").
  router.add("PUT", "/api/servicedesk/categories/{id}/targets", [&m](Request& req) {
    auto who = caller(req);
    const auto& id = req.id_param("id");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"targets"});
    if (!f.has("targets")) throw Error(ErrorCode::ValidationMissingField, {{"field", "targets"}});
    const auto& list = body.at("targets");
    if (!list.is_array()) throw Error(ErrorCode::ValidationWrongType, "targets", "expected a list of targets");
    if (list.as_array().size() > 20) throw Error(ErrorCode::ValidationInvalidValue, "targets", "at most 20");
    std::vector<CategoryTarget> targets;
    for (const auto& item : list.as_array()) {
      if (!item.is_object()) throw Error(ErrorCode::ValidationWrongType, "targets", "expected objects");
      FieldReader t(item.as_object(), {"priority", "own_minutes", "resolve_minutes"});
      CategoryTarget x;
      x.priority = t.required_string("priority", 20);
      auto own = t.optional_int("own_minutes", 1, 525600), resolve = t.optional_int("resolve_minutes", 1, 525600);
      if (!own) throw Error(ErrorCode::ValidationMissingField, {{"field", "own_minutes"}});
      if (!resolve) throw Error(ErrorCode::ValidationMissingField, {{"field", "resolve_minutes"}});
      x.own_minutes = static_cast<int>(*own);
      x.resolve_minutes = static_cast<int>(*resolve);
      targets.push_back(std::move(x));
    }
    auto saved = m.set_category_targets(who, id, std::move(targets));
    for (const auto& c : m.categories(who.scope))
      if (c.id == id) return http::json_response(200, category_json(rules(m, who), c, saved));
    throw Error(ErrorCode::SdCategoryNotFound);
  });

  router.add("GET", "/api/servicedesk/holidays", [&m](Request& req) {
    auto who = caller(req);
    boost::json::array items;
    for (const auto& h : m.holidays(who.scope)) items.push_back({{"date", h.date}, {"name", h.name}});
    return http::json_response(200, boost::json::object{{"items", items}});
  });

  router.add("POST", "/api/servicedesk/holidays", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"date", "name"});
    Holiday h{f.required_string("date", 10), f.required_string("name", 120)};
    auto saved = m.add_holiday(who, h);
    return http::json_response(201, boost::json::object{{"date", saved.date}, {"name", saved.name}});
  });

  router.add("DELETE", "/api/servicedesk/holidays/{date}", [&m](Request& req) {
    auto who = caller(req);
    const auto& date = req.code_param("date");
    if (!clock::is_iso_date(date)) throw Error(ErrorCode::RequestInvalidId, {{"parameter", "date"}});
    m.remove_holiday(who, date);
    return http::no_content();
  });

  router.add("GET", "/api/servicedesk/reports", [&m](Request& req) {
    auto who = caller(req);
    auto names = m.agency_names(who.scope);
    boost::json::array items;
    for (const auto& r : m.reports(who.scope)) items.push_back(to_json(r, names));
    return http::json_response(200, boost::json::object{{"items", items}});
  });

  router.add("POST", "/api/servicedesk/reports", [&m](Request& req) {
    auto who = caller(req);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"agency_id", "period_start", "period_end"});
    auto agency = http::required_id(f.required_string("agency_id", 40), "agency_id");
    auto r = m.submit_report(who, agency, f.required_string("period_start", 10), f.required_string("period_end", 10));
    return http::json_response(201, to_json(r, m.agency_names(who.scope)));
  });

  router.add("GET", "/api/servicedesk/statistics", [&m](Request& req) {
    auto who = caller(req);
    if (!who.supervise && !who.manage) throw Error(ErrorCode::AuthForbidden, {{"permission", "servicedesk.supervise"}});
    auto today = m.profile_of(who.scope).today();
    auto from = req.query_value("from").value_or(today.substr(0, 8) + "01");
    auto to = req.query_value("to").value_or(today);
    boost::json::array items;
    for (const auto& r : m.statistics(who.scope, from, to)) items.push_back(to_json(r));
    return http::json_response(200, boost::json::object{{"from", from}, {"to", to}, {"items", items}});
  });
}

}  // namespace simpul::servicedesk
