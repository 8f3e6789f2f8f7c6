#include "http/api_description.hpp"

#include <stdexcept>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/text.hpp"
#include "http/router.hpp"

namespace simpul::http {
namespace json = boost::json;
namespace {

json::object& member(json::object& o, std::string_view key) {
  auto& v = o[key];
  if (!v.is_object()) v = json::object{};
  return v.as_object();
}

std::string lower(std::string_view s) { return text::to_lower_ascii(s); }

json::array list_query_parameters() {
  auto text = [](const char* name) {
    return json::object{{"name", name}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}};
  };
  json::object order = text("order");
  order["schema"] = {{"type", "string"}, {"enum", {"asc", "desc"}}};
  json::object page{
      {"name", "page"}, {"in", "query"}, {"required", false}, {"schema", {{"type", "integer"}, {"minimum", 1}}}};
  json::object per_page{{"name", "per_page"},
                        {"in", "query"},
                        {"required", false},
                        {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}}}};
  return {text("q"), text("sort"), std::move(order), std::move(page), std::move(per_page)};
}

// The parts every operation shares, so fragments say only what is particular to a route.
void complete(json::object& op, std::string_view method, std::string_view path) {
  std::string id = lower(method) + "_" + std::string(path);
  for (char& c : id)
    if (c == '/' || c == '{' || c == '}' || c == '-' || c == '.') c = '_';
  if (!op.contains("operationId")) op["operationId"] = id;
  auto& responses = member(op, "responses");
  if (!responses.contains("default"))
    responses["default"] = {
        {"description", "catalogue error"},
        {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
  // Path parameters are declared by the path itself, in its order (clients bind them by position),
  // unless the fragment says more about one (an enum, say); other parameters follow.
  json::array declared;
  if (op.contains("parameters"))
    for (const auto& p : op["parameters"].as_array()) {
      // "list-query" stands for the parameters every list route takes (http::parse_list_query).
      if (p.is_string() && p.as_string() == "list-query") {
        for (const auto& q : list_query_parameters()) declared.push_back(q);
      } else {
        declared.push_back(p);
      }
    }
  auto is_named = [](const json::value& p, std::string_view name) {
    return p.as_object().at("name").as_string() == name && p.as_object().at("in").as_string() == "path";
  };
  json::array params;
  for (auto seg : text::split(path, '/')) {
    if (seg.size() < 3 || seg.front() != '{') continue;
    std::string name(seg.substr(1, seg.size() - 2));
    json::value param = {{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}};
    for (const auto& p : declared)
      if (is_named(p, name)) param = p;
    params.push_back(std::move(param));
  }
  for (const auto& p : declared)
    if (p.as_object().at("in").as_string() != "path") params.push_back(p);
  if (!params.empty()) op["parameters"] = std::move(params);
}

const json::value* resolve(const json::value& schema, const json::object& components) {
  const json::value* s = &schema;
  for (int depth = 0; depth < 8 && s->is_object(); ++depth) {
    auto* ref = s->as_object().if_contains("$ref");
    if (!ref) return s;
    auto name = std::string(ref->as_string());
    name = name.substr(name.rfind('/') + 1);
    s = components.if_contains(name);
    if (!s) return nullptr;
  }
  return s;
}

void check(const json::value& schema_in, const json::value& v, const json::object& components, const std::string& at,
           std::vector<std::string>& out) {
  if (out.size() > 20) return;
  const json::value* schema = resolve(schema_in, components);
  if (!schema) return out.push_back(at + ": unknown schema reference");
  if (!schema->is_object()) return;
  const auto& s = schema->as_object();
  if (v.is_null()) {
    if (s.contains("type") && !(s.contains("nullable") && s.at("nullable").as_bool()))
      out.push_back(at + ": null is not allowed");
    return;
  }
  if (auto* e = s.if_contains("enum")) {
    bool found = false;
    for (const auto& x : e->as_array()) found = found || x == v;
    if (!found) out.push_back(at + ": " + json::serialize(v) + " is not one of " + json::serialize(*e));
  }
  // allOf: the value meets every part (a detail is its list item plus what only the detail has).
  // A part that is a closed object would refuse the other parts' fields: components meant to be
  // extended this way stay open.
  if (auto* parts = s.if_contains("allOf"))
    for (const auto& part : parts->as_array()) check(part, v, components, at, out);
  // oneOf: the value meets at least one part (a value that is a text or a list of texts).
  if (auto* choices = s.if_contains("oneOf")) {
    std::vector<std::string> best;
    for (const auto& choice : choices->as_array()) {
      std::vector<std::string> mine;
      check(choice, v, components, at, mine);
      if (mine.empty()) return;
      if (best.empty() || mine.size() < best.size()) best = std::move(mine);
    }
    out.insert(out.end(), best.begin(), best.end());
  }
  auto* t = s.if_contains("type");
  if (!t) return;  // any value, or only what allOf / oneOf said
  std::string type(t->as_string());
  auto wrong = [&] { out.push_back(at + ": expected " + type + ", got " + json::serialize(v).substr(0, 60)); };
  if (type == "string") {
    if (!v.is_string()) wrong();
  } else if (type == "integer") {
    if (!v.is_int64() && !v.is_uint64()) wrong();
  } else if (type == "number") {
    if (!v.is_number()) wrong();
  } else if (type == "boolean") {
    if (!v.is_bool()) wrong();
  } else if (type == "array") {
    if (!v.is_array()) return wrong();
    if (auto* items = s.if_contains("items"))
      for (std::size_t i = 0; i < v.as_array().size(); ++i)
        check(*items, v.as_array()[i], components, at + "[" + std::to_string(i) + "]", out);
  } else if (type == "object") {
    if (!v.is_object()) return wrong();
    const auto& o = v.as_object();
    const json::object* props = s.contains("properties") ? &s.at("properties").as_object() : nullptr;
    if (auto* req = s.if_contains("required"))
      for (const auto& name : req->as_array())
        if (!o.contains(name.as_string())) out.push_back(at + "." + std::string(name.as_string()) + ": missing");
    bool closed = s.contains("additionalProperties") && s.at("additionalProperties").is_bool() &&
                  !s.at("additionalProperties").as_bool();
    for (const auto& [k, x] : o) {
      const json::value* p = props ? props->if_contains(k) : nullptr;
      if (p)
        check(*p, x, components, at + "." + std::string(k), out);
      else if (closed)
        out.push_back(at + "." + std::string(k) + ": not in the schema");
      else if (auto* extra = s.if_contains("additionalProperties"); extra && extra->is_object())
        check(*extra, x, components, at + "." + std::string(k), out);
    }
  }
}

}  // namespace

void describe(Router& router, std::string_view fragment_json) {
  json::error_code ec;
  auto fragment = json::parse(fragment_json, ec);
  if (ec || !fragment.is_object())
    throw std::logic_error("API description fragment is not a JSON object: " + ec.message());
  auto& d = router.description();
  auto& schemas = member(d, "schemas");
  if (auto* comps = fragment.as_object().if_contains("components"))
    if (auto* in = comps->as_object().if_contains("schemas"))
      for (const auto& [name, schema] : in->as_object()) {
        if (schemas.contains(name)) throw std::logic_error("API component described twice: " + std::string(name));
        schemas[name] = schema;
      }
  auto& paths = member(d, "paths");
  if (auto* in = fragment.as_object().if_contains("paths"))
    for (const auto& [path, ops] : in->as_object()) {
      auto& target = member(paths, path);
      for (const auto& [method, op] : ops.as_object()) {
        if (target.contains(method))
          throw std::logic_error("API operation described twice: " + std::string(method) + " " + std::string(path));
        auto completed = op.as_object();
        complete(completed, method, path);
        target[method] = std::move(completed);
      }
    }
}

const json::object* operation_of(const Router& router, std::string_view method, std::string_view pattern) {
  auto* paths = router.description().if_contains("paths");
  if (!paths) return nullptr;
  auto* ops = paths->as_object().if_contains(pattern);
  if (!ops) return nullptr;
  auto* op = ops->as_object().if_contains(lower(method));
  return op ? &op->as_object() : nullptr;
}

json::object openapi_document(const Router& router) {
  const auto& d = router.description();
  json::object schemas = d.contains("schemas") ? d.at("schemas").as_object() : json::object{};
  json::object paths;
  // Only what is registered: a description without its route is not served.
  for (const auto& r : router.routes())
    if (const auto* op = operation_of(router, r.method, r.pattern)) member(paths, r.pattern)[lower(r.method)] = *op;
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "Simpul API"},
            {"version", "0.1.0"},
            {"description", "SPBE platform for Indonesian regional governments. Conventions: docs/api.md."}}},
          {"servers", json::array{{{"url", "/"}}}},
          {"components",
           {{"securitySchemes",
             {{"session",
               {{"type", "apiKey"},
                {"in", "cookie"},
                {"name", "simpul_session"},
                {"description", "Browser session; writes also need the X-CSRF-Token header."}}},
              {"token", {{"type", "http"}, {"scheme", "bearer"}}}}},
            {"schemas", std::move(schemas)}}},
          {"security", json::array{{{"session", json::array{}}}, {{"token", json::array{}}}}},
          {"paths", std::move(paths)}};
}

std::vector<std::string> schema_problems(const json::value& schema, const json::value& value,
                                         const json::object& components) {
  std::vector<std::string> out;
  check(schema, value, components, "$", out);
  return out;
}

}  // namespace simpul::http
