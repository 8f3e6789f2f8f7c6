#pragma once
#include <boost/json/object.hpp>

#include "http/request.hpp"
#include "identity/model.hpp"

namespace simpul::identity {

boost::json::object to_json(const User& u);
/// Never the token itself: that is added once, by the route that creates it.
boost::json::object to_json(const ApiToken& t);
/// With `can_decide` for the viewer.
boost::json::object to_json(const RoleGrant& g, const http::Principal& viewer);

}  // namespace simpul::identity
