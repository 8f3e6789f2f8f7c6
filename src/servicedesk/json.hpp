#pragma once
// The service desk's records as the API renders them (labels beside codes, Indonesian first).
#include <map>
#include <string>

#include <boost/json/object.hpp>

#include "servicedesk/service.hpp"

namespace simpul::servicedesk {

using Names = std::map<std::string, std::string>;

boost::json::object to_json(const DeskRules& rules, const Ticket& t, const Names& agencies);
boost::json::object to_json(const DeskRules& rules, const TicketView& v, const Names& agencies);
boost::json::object to_json(const Event& e);
boost::json::object to_json(const Agent& a);
boost::json::object to_json(const StaffingRow& r);
boost::json::object to_json(const StatRow& r);
boost::json::object to_json(const Report& r, const Names& agencies);
/// Ticket types, levels, priorities, the matrix, the tiers and their articles.
boost::json::object options_json(const tenancy::Profile& p, const std::vector<Category>& categories,
                                 const std::vector<Holiday>& holidays);

}  // namespace simpul::servicedesk
