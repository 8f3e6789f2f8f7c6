// /api/notifications/*: the signed-in user's inbox, and the tenant's e-mail outbox for administrators.
#include "notification/routes.hpp"

#include "http/json_io.hpp"
#include "http/request_params.hpp"

namespace simpul::notification {
namespace {

boost::json::object to_json(const InboxItem& i) {
  return {{"id", i.id},     {"title", i.title},           {"title_en", i.title_en},       {"body", i.body},
          {"link", i.link}, {"created_at", i.created_at}, {"read", i.read_at.has_value()}};
}

boost::json::object to_json(const Mail& m) {
  return {{"id", m.id},
          {"recipient", m.recipient},
          {"subject", m.subject},
          {"state", m.state},
          {"attempts", m.attempts},
          {"next_attempt_at", m.next_attempt_at},
          {"last_error", m.last_error},
          {"created_at", m.created_at},
          {"sent_at", m.sent_at ? boost::json::value(*m.sent_at) : boost::json::value(nullptr)}};
}

boost::json::object to_json(const Preference& p, bool email_enabled) {
  return {{"email", p.email},
          {"daily_summaries", p.daily_summaries},
          {"email_enabled", email_enabled},
          {"updated_at", p.updated_at ? boost::json::value(*p.updated_at) : boost::json::value(nullptr)}};
}

}  // namespace

void register_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/notifications", [&m](http::Request& req) {
    const auto& p = req.require("notification.read");
    bool unread_only = http::query_choice(req, "unread", {"true", "false"}) == "true";
    boost::json::array items;
    for (const auto& i : m.inbox(p.scope(), p.user_id, unread_only, 100)) items.push_back(to_json(i));
    return http::json_response(200, boost::json::object{{"items", items}, {"unread", m.unread(p.scope(), p.user_id)}});
  });
  router.add("GET", "/api/notifications/unread", [&m](http::Request& req) {
    const auto& p = req.require("notification.read");
    return http::json_response(200, boost::json::object{{"unread", m.unread(p.scope(), p.user_id)}});
  });
  router.add("POST", "/api/notifications/{id}/read", [&m](http::Request& req) {
    const auto& p = req.require("notification.read");
    if (!m.mark_read(p.scope(), p.user_id, req.id_param("id"))) throw Error(ErrorCode::NtNotFound);
    return http::json_response(200, boost::json::object{{"unread", m.unread(p.scope(), p.user_id)}});
  });
  router.add("POST", "/api/notifications/read-all", [&m](http::Request& req) {
    const auto& p = req.require("notification.read");
    m.mark_all_read(p.scope(), p.user_id);
    return http::json_response(200, boost::json::object{{"unread", 0}});
  });
  // Only the signed-in user's own preference: there is no user id to name another's.
  router.add("GET", "/api/notifications/preferences", [&m](http::Request& req) {
    const auto& p = req.require("notification.read");
    return http::json_response(200, to_json(m.preference(p.scope(), p.user_id), m.email_enabled()));
  });
  router.add("PUT", "/api/notifications/preferences", [&m](http::Request& req) {
    const auto& p = req.require("notification.read");
    auto body = http::parse_json_object(req);
    http::FieldReader f(body, {"email", "daily_summaries"});
    auto want = m.preference(p.scope(), p.user_id);
    if (auto email = f.optional_string("email", 20)) want.email = *email;
    if (auto summaries = f.optional_bool("daily_summaries")) want.daily_summaries = *summaries;
    return http::json_response(200, to_json(m.set_preference(p.scope(), p.actor(), want), m.email_enabled()));
  });
  router.add("GET", "/api/notifications/outbox", [&m](http::Request& req) {
    const auto& p = req.require("notification.outbox");
    boost::json::array items;
    for (const auto& mail : m.outbox(p.scope(), 200)) items.push_back(to_json(mail));
    return http::json_response(200, boost::json::object{{"items", items}, {"email_enabled", m.email_enabled()}});
  });
}

}  // namespace simpul::notification
