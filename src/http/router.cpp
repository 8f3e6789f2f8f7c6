#include "http/router.hpp"

#include <stdexcept>

#include "core/text.hpp"

namespace simpul::http {
namespace {

bool is_capture(std::string_view seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, Access access) {
  Route r{std::move(method), std::move(pattern), access, std::move(handler), {}, routes_.size()};
  for (auto seg : text::split(r.pattern, '/')) r.segments.emplace_back(seg);
  for (const auto& other : routes_)
    if (other.method == r.method && other.pattern == r.pattern)
      throw std::logic_error("route registered twice: " + r.method + " " + r.pattern);
  routes_.push_back(std::move(r));
}

Match Router::match(Request& req) const {
  auto parts = text::split(req.path, '/');
  Match result;
  for (const auto& r : routes_) {
    if (r.segments.size() != parts.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; i < parts.size() && ok; ++i)
      ok = is_capture(r.segments[i]) ? !parts[i].empty() : r.segments[i] == parts[i];
    if (!ok) continue;
    if (r.method != req.method && !(req.method == "HEAD" && r.method == "GET")) {
      result.path_exists = true;
      continue;
    }
    req.path_params.clear();
    for (std::size_t i = 0; i < parts.size(); ++i)
      if (is_capture(r.segments[i]))
        req.path_params[r.segments[i].substr(1, r.segments[i].size() - 2)] = std::string(parts[i]);
    result.route = &r;
    return result;
  }
  return result;
}

}  // namespace simpul::http
