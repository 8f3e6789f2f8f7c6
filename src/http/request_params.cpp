#include "http/request_params.hpp"

#include <algorithm>
#include <charconv>

#include "core/crypto.hpp"
#include "core/error.hpp"

namespace simpul::http {

std::string query_choice(const Request& req, const std::string& name, const std::vector<std::string_view>& allowed) {
  auto v = req.query_value(name);
  if (!v || v->empty()) return "";
  if (std::find(allowed.begin(), allowed.end(), *v) == allowed.end())
    throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", name}});
  return *v;
}

std::string query_id(const Request& req, const std::string& name) {
  auto v = req.query_value(name);
  if (!v || v->empty()) return "";
  if (!crypto::looks_like_id(*v)) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", name}});
  return *v;
}

std::optional<int> query_int(const Request& req, const std::string& name, int min, int max) {
  auto v = req.query_value(name);
  if (!v || v->empty()) return std::nullopt;
  int out = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc() || end != v->data() + v->size() || out < min || out > max)
    throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", name}});
  return out;
}

std::optional<boost::json::object> optional_object(const boost::json::object& body, std::string_view key) {
  const auto* v = body.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_object()) throw Error(ErrorCode::ValidationWrongType, key, "expected an object");
  return v->get_object();
}

std::string required_id(const std::string& value, std::string_view field) {
  if (!crypto::looks_like_id(value)) throw Error(ErrorCode::ValidationInvalidValue, field, "not an id");
  return value;
}

}  // namespace simpul::http
