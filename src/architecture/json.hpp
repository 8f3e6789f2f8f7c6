#pragma once
// JSON renderings of architecture and roadmap records (shapes in docs/spbe-architecture.md).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "architecture/model.hpp"
#include "core/error.hpp"
#include "tenancy/profile.hpp"

namespace simpul::architecture {

boost::json::object to_json(const Element& e);
boost::json::object to_json(const Relation& r);
boost::json::object to_json(const RelationView& v);
boost::json::object to_json(const Review& r);
boost::json::object to_json(const Monitoring& m);
boost::json::object to_json(const InitiativeElement& e);
boost::json::array to_json(const std::vector<Element>& elements);
boost::json::array to_json(const std::vector<Relation>& relations);
boost::json::value optional_json(const std::optional<std::string>& s);
/// {"id", "citation"} of a profile rule, or null when unset or unknown.
boost::json::value rule_json(const tenancy::Profile& p, const std::optional<std::string>& id);
using tenancy::rule_ref;

}  // namespace simpul::architecture
