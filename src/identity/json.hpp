#pragma once
#include <boost/json/object.hpp>

#include "identity/model.hpp"

namespace simpul::identity {

boost::json::object to_json(const User& u);

}  // namespace simpul::identity
