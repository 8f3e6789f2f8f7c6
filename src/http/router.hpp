#pragma once
// Method + path-pattern routing ("/api/agencies/{id}"). Routes require authentication unless public.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "http/request.hpp"

namespace simpul::http {

using Handler = std::function<Response(Request&)>;

enum class Access { Authenticated, Public };

struct Route {
  std::string method;
  std::string pattern;
  Access access;
  Handler handler;
  std::vector<std::string> segments;  // pattern split at '/'; "{x}" segments capture
  std::size_t index = 0;              // position in the table, used by metrics
};

struct Match {
  const Route* route = nullptr;
  bool path_exists = false;  // another method matches the path → 405 instead of 404
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler, Access access = Access::Authenticated);
  Match match(Request& req) const;
  const std::vector<Route>& routes() const { return routes_; }

  /// The modules' descriptions of their routes (http/api_description.hpp).
  boost::json::object& description() { return description_; }
  const boost::json::object& description() const { return description_; }

 private:
  std::vector<Route> routes_;
  boost::json::object description_;  // {"schemas": {...}, "paths": {...}}
};

}  // namespace simpul::http
