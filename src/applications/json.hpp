#pragma once
// JSON shapes of applications and their lifecycle records (docs/applications.md).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "applications/model.hpp"
#include "applications/service.hpp"
#include "tenancy/profile.hpp"

namespace simpul::applications {

boost::json::object to_json(const Record& r);
boost::json::object to_json(const tenancy::Profile& p, const Application& a);
boost::json::object to_json(const Recommendation& r);
boost::json::object to_json(const Consideration& c);
boost::json::object to_json(const TestRecord& t);
boost::json::object to_json(const Artifact& a);
boost::json::object to_json(const Move& m);
boost::json::array to_json(const std::vector<tenancy::EnumItem>& items);
/// GET /api/applications/options: every choice the forms offer, from the profile.
boost::json::object options_json(const tenancy::Profile& p);

}  // namespace simpul::applications
