// /api/servicedesk/articles (knowledge base), ticket attachments and bulk actions on a queue
// (docs/service-desk.md).
#include "http/attachment.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "servicedesk/routes.hpp"

namespace simpul::servicedesk {
namespace {

namespace json = boost::json;

Caller knowledge_caller(const http::Request& req) {
  const auto& p = req.require("servicedesk.use");
  return {p.scope(), p.actor(), p.has("servicedesk.manage"), p.has("servicedesk.supervise")};
}

json::value null_if_empty(const std::string& v) { return v.empty() ? json::value(nullptr) : json::value(v); }

json::object article_json(const Article& a, const std::map<std::string, std::string>& categories) {
  auto it = categories.find(a.category_id);
  return {{"id", a.id},
          {"title", a.title},
          {"body", a.body},
          {"category_id", null_if_empty(a.category_id)},
          {"category_name", it == categories.end() ? "" : it->second},
          {"visibility", a.visibility},
          {"visibility_label", a.visibility == "public" ? "Semua pegawai" : "Petugas meja layanan"},
          {"ticket_id", null_if_empty(a.ticket_id)},
          {"ticket_number", a.ticket_number},
          {"author_name", a.author_name},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

json::object attachment_json(const Attachment& a) {
  return {{"id", a.id},
          {"ticket_id", a.ticket_id},
          {"filename", a.filename},
          {"content_type", a.content_type},
          {"size", a.size},
          {"sha256", a.sha256},
          {"uploaded_by_name", a.uploaded_by_name},
          {"uploaded_at", a.uploaded_at}};
}

std::map<std::string, std::string> category_names(Service& m, const Scope& s) {
  std::map<std::string, std::string> out;
  for (const auto& c : m.categories(s)) out[c.id] = c.name;
  return out;
}

ArticleInput article_input(const http::Request& req, bool from_ticket_allowed) {
  auto body = http::parse_json_object(req);
  http::FieldReader f(body, {"title", "body", "category_id", "visibility", "ticket_id"});
  ArticleInput in;
  in.title = f.optional_string("title", 200).value_or("");
  in.body = f.optional_multiline("body", 100000).value_or("");
  if (auto v = f.optional_string("category_id", 40); v && !v->empty())
    in.category_id = http::required_id(*v, "category_id");
  in.visibility = f.optional_string("visibility", 20).value_or("public");
  if (auto v = f.optional_string("ticket_id", 40)) {
    if (!from_ticket_allowed) throw Error(ErrorCode::ValidationUnknownField, {{"field", "ticket_id"}});
    in.ticket_id = http::required_id(*v, "ticket_id");
  }
  return in;
}

}  // namespace

void register_knowledge_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/servicedesk/articles", [&m](http::Request& req) {
    auto who = knowledge_caller(req);
    auto category = http::query_id(req, "category");
    auto q = http::parse_list_query(req, {"updated_at", "title"});
    if (!req.query_value("sort") && !req.query_value("order")) q.descending = true;  // latest first
    std::int64_t total = 0;
    auto names = category_names(m, who.scope);
    json::array items;
    for (const auto& a : m.articles(who, category, q, total)) items.push_back(article_json(a, names));
    return http::list_response(items, total, q);
  });

  router.add("POST", "/api/servicedesk/articles", [&m](http::Request& req) {
    auto who = knowledge_caller(req);
    auto a = m.add_article(who, article_input(req, true));
    return http::json_response(201, article_json(a, category_names(m, who.scope)));
  });

  router.add("GET", "/api/servicedesk/articles/{id}", [&m](http::Request& req) {
    auto who = knowledge_caller(req);
    return http::json_response(200, article_json(m.article(who, req.id_param("id")), category_names(m, who.scope)));
  });

  router.add("PATCH", "/api/servicedesk/articles/{id}", [&m](http::Request& req) {
    auto who = knowledge_caller(req);
    auto a = m.edit_article(who, req.id_param("id"), article_input(req, false));
    return http::json_response(200, article_json(a, category_names(m, who.scope)));
  });

  // A file for the ticket: the raw bytes as the body, its name in ?filename=.
  router.add("POST", "/api/servicedesk/tickets/{id}/attachments", [&m](http::Request& req) {
    auto who = knowledge_caller(req);
    auto filename = http::checked_filename(req.query_value("filename"), ErrorCode::SdAttachmentName);
    return http::json_response(201, attachment_json(m.attach(who, req.id_param("id"), filename, req.body)));
  });

  router.add("GET", "/api/servicedesk/tickets/{id}/attachments", [&m](http::Request& req) {
    auto who = knowledge_caller(req);
    json::array items;
    for (const auto& a : m.attachments(who, req.id_param("id"))) items.push_back(attachment_json(a));
    return http::json_response(200, json::object{{"items", items}});
  });

  router.add("GET", "/api/servicedesk/attachments/{id}/content", [&m](http::Request& req) {
    auto who = knowledge_caller(req);
    auto [a, bytes] = m.download(who, req.id_param("id"));
    auto res = http::attachment(std::move(bytes), a.filename, a.content_type);
    res.set_header("X-Content-SHA256", a.sha256);
    return res;
  });

  router.add("POST", "/api/servicedesk/tickets/bulk", [&m](http::Request& req) {
    auto who = knowledge_caller(req);
    auto body = http::parse_json_object(req);
    http::FieldReader f(body, {"ids", "action", "assignee_id", "reason", "resolution"});
    auto ids = f.optional_string_list("ids", 1000, 40).value_or(std::vector<std::string>{});
    for (auto& id : ids) id = http::required_id(id, "ids");
    ActionInput in;
    in.action = f.required_string("action", 20);
    if (auto v = f.optional_string("assignee_id", 40)) in.assignee_id = http::required_id(*v, "assignee_id");
    in.reason = f.optional_multiline("reason", 2000).value_or("");
    in.resolution = f.optional_multiline("resolution", 8000).value_or("");
    json::array items;
    std::int64_t done = 0;
    for (const auto& r : m.bulk(who, ids, in)) {
      if (r.status == 200) ++done;
      items.push_back({{"id", r.id}, {"status", r.status}, {"code", null_if_empty(r.code)}});
    }
    return http::json_response(
        200,
        json::object{{"items", items}, {"done", done}, {"refused", static_cast<std::int64_t>(items.size()) - done}});
  });
}

}  // namespace simpul::servicedesk
