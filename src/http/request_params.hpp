#pragma once
// Query-string and body helpers shared by the routes of every module.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "http/request.hpp"

namespace simpul::http {

/// The query value if present; refused (400) unless it is one of `allowed`.
std::string query_choice(const Request& req, const std::string& name, const std::vector<std::string_view>& allowed);
/// An opaque id from the query, or empty when absent; refused (400) when malformed.
std::string query_id(const Request& req, const std::string& name);
/// An integer in [min, max] from the query, or nullopt when absent.
std::optional<int> query_int(const Request& req, const std::string& name, int min, int max);
/// The body member as an object, or nullopt when absent or null; wrong types are refused (422).
std::optional<boost::json::object> optional_object(const boost::json::object& body, std::string_view key);
/// A string that must look like one of our ids.
std::string required_id(const std::string& value, std::string_view field);

}  // namespace simpul::http
