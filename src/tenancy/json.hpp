#pragma once
// JSON shapes of the tenancy model (docs/api.md), shared by routes and ledger details.
#include <boost/json/object.hpp>

#include "tenancy/model.hpp"
#include "tenancy/profile.hpp"

namespace simpul::tenancy {

boost::json::object to_json(const Agency& a);
boost::json::object to_json(const Position& p);
boost::json::object to_json(const TeamMember& m, const TeamSpec* spec);
boost::json::object to_json(const Team& t, const Profile& profile);
boost::json::object to_json(const Tenant& t, const Profile& profile);
boost::json::object rule_ref_json(const Profile& profile, const std::optional<std::string>& rule_id);

}  // namespace simpul::tenancy
