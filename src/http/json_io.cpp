#include "http/json_io.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/text.hpp"

namespace simpul::http {

boost::json::object parse_json_object(const Request& req) {
  // The media type itself, without parameters such as charset: "application/jsonp" is not JSON.
  auto ct = text::to_lower_ascii(text::trim(text::split(req.header("content-type"), ';').front()));
  if (ct != "application/json") throw Error(ErrorCode::RequestUnsupportedMediaType);
  if (!text::is_valid_utf8(req.body)) throw Error(ErrorCode::RequestInvalidUtf8);
  boost::system::error_code ec;
  boost::json::parse_options opts;
  opts.max_depth = 32;
  auto v = boost::json::parse(req.body, ec, {}, opts);
  if (ec) throw Error(ErrorCode::RequestMalformedJson, {{"reason", ec.message()}});
  if (!v.is_object()) throw Error(ErrorCode::RequestMalformedJson, {{"reason", "the body must be a JSON object"}});
  return std::move(v.as_object());
}

boost::json::object parse_json_object_or_empty(const Request& req) {
  if (req.body.empty()) return {};
  return parse_json_object(req);
}

FieldReader::FieldReader(const boost::json::object& obj, std::initializer_list<std::string_view> allowed) : obj_(obj) {
  for (const auto& kv : obj) {
    bool known = false;
    for (auto a : allowed) known = known || a == kv.key();
    if (!known) throw Error(ErrorCode::ValidationUnknownField, {{"field", kv.key()}});
  }
}

bool FieldReader::has(std::string_view key) const { return find(key) != nullptr; }

const boost::json::value* FieldReader::find(std::string_view key) const { return obj_.if_contains(key); }

std::string FieldReader::checked_text(std::string_view key, const boost::json::value& v, std::size_t max_chars,
                                      bool multiline) const {
  if (!v.is_string()) throw Error(ErrorCode::ValidationWrongType, key, "expected a string");
  std::string s = text::trim(std::string_view(v.as_string()));
  for (unsigned char c : s)
    if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t'))) || c == 0x7f)
      throw Error(ErrorCode::ValidationInvalidValue, key, "control characters are not allowed");
  if (text::utf8_length(s) > max_chars)
    throw Error(ErrorCode::ValidationTooLong, {{"field", key}, {"max", static_cast<std::int64_t>(max_chars)}});
  return s;
}

std::string FieldReader::required_string(std::string_view key, std::size_t max_chars) const {
  const auto* v = find(key);
  if (!v || v->is_null()) throw Error(ErrorCode::ValidationMissingField, {{"field", key}});
  std::string s = checked_text(key, *v, max_chars);
  if (s.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", key}});
  return s;
}

std::optional<std::string> FieldReader::optional_string(std::string_view key, std::size_t max_chars) const {
  const auto* v = find(key);
  if (!v || v->is_null()) return std::nullopt;
  return checked_text(key, *v, max_chars);
}

std::optional<std::string> FieldReader::optional_multiline(std::string_view key, std::size_t max_chars) const {
  const auto* v = find(key);
  if (!v || v->is_null()) return std::nullopt;
  return checked_text(key, *v, max_chars, true);
}

std::optional<std::optional<std::string>> FieldReader::nullable_string(std::string_view key,
                                                                       std::size_t max_chars) const {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (v->is_null()) return std::optional<std::string>{};
  auto s = checked_text(key, *v, max_chars);
  return s.empty() ? std::optional<std::string>{} : std::optional<std::string>{s};
}

std::optional<bool> FieldReader::optional_bool(std::string_view key) const {
  const auto* v = find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_bool()) throw Error(ErrorCode::ValidationWrongType, key, "expected true or false");
  return v->as_bool();
}

std::optional<std::int64_t> FieldReader::optional_int(std::string_view key, std::int64_t min, std::int64_t max) const {
  const auto* v = find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_int64()) throw Error(ErrorCode::ValidationWrongType, key, "expected an integer");
  auto i = v->as_int64();
  if (i < min || i > max) throw Error(ErrorCode::ValidationInvalidValue, key, "out of range");
  return i;
}

std::optional<std::vector<std::string>> FieldReader::optional_string_list(std::string_view key, std::size_t max_items,
                                                                          std::size_t max_chars) const {
  const auto* v = find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_array()) throw Error(ErrorCode::ValidationWrongType, key, "expected a list of strings");
  const auto& arr = v->as_array();
  if (arr.size() > max_items) throw Error(ErrorCode::ValidationTooLong, {{"field", key}, {"max_items", max_items}});
  std::vector<std::string> out;
  for (const auto& item : arr) out.push_back(checked_text(key, item, max_chars));
  return out;
}

boost::json::array json_strings(const std::vector<std::string>& values) {
  boost::json::array a;
  for (const auto& v : values) a.emplace_back(v);
  return a;
}

Response json_response(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  return r;
}

Response no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response error_response(const Error& e, Language lang, std::string_view request_id) {
  boost::json::object err{{"code", error_code_string(e.code())},
                          {"message", error_message(e.code(), lang)},
                          {"details", e.details()},
                          {"rule", nullptr},
                          {"request_id", request_id}};
  if (e.rule()) err["rule"] = {{"id", e.rule()->id}, {"citation", e.rule()->citation}};
  // A refusal that says when to come back says it in the standard header too (RFC 9110 §10.2.3).
  std::optional<std::int64_t> retry_after;
  if (auto* v = e.details().if_contains("retry_after_seconds"); v && v->is_int64()) retry_after = v->as_int64();
  auto res = json_response(error_http_status(e.code()), boost::json::object{{"error", std::move(err)}});
  if (retry_after) res.set_header("Retry-After", std::to_string(*retry_after));
  return res;
}

namespace {
std::int64_t parse_positive(const Request& req, const std::string& name, std::int64_t def, std::int64_t max) {
  auto v = req.query_value(name);
  if (!v) return def;
  std::int64_t out = 0;
  if (v->empty() || v->size() > 9) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", name}});
  for (char c : *v) {
    if (c < '0' || c > '9') throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", name}});
    out = out * 10 + (c - '0');
  }
  if (out < 1 || out > max) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", name}});
  return out;
}
}  // namespace

ListQuery parse_list_query(const Request& req, std::initializer_list<std::string_view> sorts) {
  ListQuery q;
  q.q = text::trim(req.query_value("q").value_or(""));
  if (text::utf8_length(q.q) > 200) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "q"}});
  q.sort = std::string(*sorts.begin());
  if (auto s = req.query_value("sort")) {
    bool ok = false;
    for (auto allowed : sorts) ok = ok || allowed == *s;
    if (!ok) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "sort"}});
    q.sort = *s;
  }
  if (auto o = req.query_value("order")) {
    if (*o != "asc" && *o != "desc") throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "order"}});
    q.descending = *o == "desc";
  }
  q.page = parse_positive(req, "page", 1, 1'000'000);
  q.per_page = parse_positive(req, "per_page", 50, 200);
  return q;
}

Response list_response(const boost::json::array& items, std::int64_t total, const ListQuery& q) {
  return json_response(
      200, boost::json::object{{"items", items}, {"total", total}, {"page", q.page}, {"per_page", q.per_page}});
}

}  // namespace simpul::http
