#pragma once
// Reading request bodies strictly (unknown fields, wrong types and bad text are refused with
// catalogue errors) and writing JSON responses.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/list_query.hpp"
#include "http/request.hpp"

namespace simpul::http {

/// Parses the body as a JSON object: checks the media type, UTF-8 and syntax.
boost::json::object parse_json_object(const Request& req);
/// For actions whose body is optional: no body is an empty object, anything else as above.
boost::json::object parse_json_object_or_empty(const Request& req);

/// Typed, validated access to one JSON object's fields. Construction refuses fields not in `allowed`.
class FieldReader {
 public:
  FieldReader(const boost::json::object& obj, std::initializer_list<std::string_view> allowed);

  bool has(std::string_view key) const;
  /// Trimmed text of 1..max_chars code points without control characters.
  std::string required_string(std::string_view key, std::size_t max_chars = 200) const;
  std::optional<std::string> optional_string(std::string_view key, std::size_t max_chars = 200) const;
  /// Like optional_string, but JSON null is allowed and means "clear" (returns empty optional inside).
  std::optional<std::optional<std::string>> nullable_string(std::string_view key, std::size_t max_chars = 200) const;
  /// Like optional_string, but line breaks and tabs are kept (explanations, comments).
  std::optional<std::string> optional_multiline(std::string_view key, std::size_t max_chars) const;
  std::optional<bool> optional_bool(std::string_view key) const;
  std::optional<std::int64_t> optional_int(std::string_view key, std::int64_t min, std::int64_t max) const;
  std::optional<std::vector<std::string>> optional_string_list(std::string_view key, std::size_t max_items = 50,
                                                               std::size_t max_chars = 100) const;

 private:
  const boost::json::value* find(std::string_view key) const;
  std::string checked_text(std::string_view key, const boost::json::value& v, std::size_t max_chars,
                           bool multiline = false) const;
  const boost::json::object& obj_;
};

/// ["a", "b"] from a list of strings.
boost::json::array json_strings(const std::vector<std::string>& values);

Response json_response(int status, const boost::json::value& body);
Response no_content();
/// The catalogue rendering of an error in the caller's language.
Response error_response(const Error& e, Language lang, std::string_view request_id);

/// `sorts` lists the accepted sort keys; the first is the default.
ListQuery parse_list_query(const Request& req, std::initializer_list<std::string_view> sorts);
Response list_response(const boost::json::array& items, std::int64_t total, const ListQuery& q);

}  // namespace simpul::http
