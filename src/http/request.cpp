#include "http/request.hpp"

#include <cctype>

#include <algorithm>

#include "core/crypto.hpp"
#include "core/text.hpp"

namespace simpul::http {

bool Principal::has(std::string_view permission) const {
  return std::find(permissions.begin(), permissions.end(), permission) != permissions.end();
}

bool Principal::can_for_agency(std::string_view permission, std::string_view agency) const {
  if (has(permission)) return true;
  std::string own = std::string(permission) + ".own";
  return has(own) && !agency_id.empty() && agency == agency_id;
}

std::string_view Request::header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers)
    if (k == lower_name) return v;
  return {};
}

std::string_view Request::cookie(std::string_view name) const {
  std::string_view all = header("cookie");
  while (!all.empty()) {
    auto semi = all.find(';');
    std::string_view part = all.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
    if (semi == std::string_view::npos) break;
    all.remove_prefix(semi + 1);
  }
  return {};
}

const std::string& Request::id_param(const std::string& name) const {
  const auto& v = path_params.at(name);
  if (!crypto::looks_like_id(v)) throw Error(ErrorCode::RequestInvalidId, {{"parameter", name}});
  return v;
}

const std::string& Request::code_param(const std::string& name) const {
  const auto& v = path_params.at(name);
  bool ok = !v.empty() && v.size() <= 60;
  for (unsigned char ch : v) ok = ok && (std::isalnum(ch) || ch == '.' || ch == '_' || ch == '-');
  if (!ok) throw Error(ErrorCode::RequestInvalidId, {{"parameter", name}});
  return v;
}

std::optional<std::string> Request::query_value(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

const Principal& Request::caller() const {
  if (!principal) throw Error(ErrorCode::AuthRequired);
  return *principal;
}

const Principal& Request::require(std::string_view permission) const {
  const auto& p = caller();
  if (!p.has(permission)) throw Error(ErrorCode::AuthForbidden, {{"permission", permission}});
  return p;
}

const Principal& Request::require_for_agency(std::string_view permission, std::string_view agency) const {
  const auto& p = caller();
  if (!p.can_for_agency(permission, agency)) throw Error(ErrorCode::AuthForbidden, {{"permission", permission}});
  return p;
}

void Response::set_header(std::string name, std::string value) {
  if (!text::iequals(name, "set-cookie"))
    for (auto& [n, v] : headers)
      if (text::iequals(n, name)) {
        v = std::move(value);
        return;
      }
  headers.emplace_back(std::move(name), std::move(value));
}

}  // namespace simpul::http
