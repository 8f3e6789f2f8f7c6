#pragma once
#include <boost/json/object.hpp>

#include "http/request.hpp"
#include "identity/model.hpp"

namespace simpul::identity {

boost::json::object to_json(const User& u);
boost::json::object to_json(const http::Principal& p);

}  // namespace simpul::identity
