#pragma once
// JSON answers of Audit TIK, with Indonesian labels next to every code.
#include <boost/json/object.hpp>

#include "audit/service.hpp"

namespace simpul::audit {

boost::json::object to_json(const tenancy::Profile& p, const DueItem& d, const std::string& today);
boost::json::object to_json(const tenancy::Profile& p, const Programme& x);
boost::json::object to_json(const tenancy::Profile& p, const ProgrammeView& v);
boost::json::object to_json(const Finding& f, const std::string& today);
/// An object's audit history: the object, its programmes and findings (newest first), with labels.
boost::json::object to_json(const tenancy::Profile& p, const ObjectHistory& h, const std::string& today);
/// The region's audit rules for the forms: types with cadence, aspects, auditors, gates.
boost::json::object options_json(const tenancy::Profile& p);

}  // namespace simpul::audit
