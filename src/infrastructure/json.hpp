#pragma once
// JSON of the infrastructure records: labels in Indonesian beside every code, dates as stored (UTC)
// and the tenant's local date where a user reads a day.
#include <boost/json/object.hpp>

#include "infrastructure/service.hpp"

namespace simpul::infrastructure {

boost::json::object to_json(const Site& x);
boost::json::object to_json(const Assessment& a);
boost::json::object to_json(const Rack& r);
boost::json::object to_json(const Server& x);
boost::json::object to_json(const tenancy::Profile& p, const HostingRequest& r);
boost::json::object to_json(const BackupDuty& d);
boost::json::object to_json(const DutyView& v);
boost::json::object to_json(const BackupRun& r);
boost::json::object to_json(const RestoreTest& t);
boost::json::object to_json(const Lan& l);
boost::json::object to_json(const Diagram& d);
boost::json::object to_json(const Device& d);
/// Informational notes on a server, never findings: where the region leaves placement to the PD
/// ('dapat') but centralises data storage (InfraSpec::placement_note_rule), a server outside the
/// Pusat Data gets one citing that article (docs/infrastructure.md, "Notes are not findings").
boost::json::array server_notes(const tenancy::Profile& p, const Server& x);
/// The profile's infrastructure section with names and citations, and the fixed choices.
boost::json::object options_json(const tenancy::Profile& p);

}  // namespace simpul::infrastructure
