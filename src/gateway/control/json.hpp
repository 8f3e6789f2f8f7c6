#pragma once
// JSON shapes of the control plane (web/src/api/gateway.ts is the contract).
#include <string>

#include <boost/json/object.hpp>

#include "gateway/control/model.hpp"
#include "tenancy/profile.hpp"

namespace simpul::gateway::control {

/// The stored form of a policy (a JSON object) and back; unknown or missing fields take defaults.
std::string policy_text(const Policy& p);
Policy policy_from_text(const std::string& text);
boost::json::object to_json(const Policy& p);

/// What the caller may do next with a request (the console shows only these buttons).
struct RequestRights {
  bool recommend = false, decide = false, cancel = false;
};

boost::json::object agency_json(const AgencyRef& a);
boost::json::value rule_json(const tenancy::Profile& p, const std::optional<std::string>& id);
boost::json::object to_json(const ServiceRecord& s, const std::string& tenant_slug);
boost::json::object to_json(const Consumer& c);
boost::json::object to_json(const IssuedKey& k);
boost::json::object to_json(const AccessRequest& r, const RequestRights& rights);
boost::json::object to_json(const tenancy::Profile& p, const Grant& g);
/// To whom a request letter is addressed where the regulation says so (profile
/// `gateway.addressees_rule`; Balikpapan Pasal 9 ayat (5): the Sekda, with copies to the Dinas and
/// the PD Wali Data, i.e. the service's owner agency).
struct Addressees {
  std::string rule;                       // the profile rule id
  std::string to_role, to_name;           // the decider's profile role ("sekda") and its name
  std::string dinas_role, dinas_name;     // the operator's profile role and its name
  std::optional<std::string> dinas_flag;  // the agency flag that marks the operator's agency
  AgencyRef owner;                        // the PD Wali Data
};
std::optional<Addressees> addressees_of(const tenancy::Profile& p, const AccessRequest& r);
/// {"rule", "to": {"role", "name"}, "copies": [{"role"|"agency_id", "name"}]}, or null.
boost::json::value addressees_json(const tenancy::Profile& p, const AccessRequest& r);

/// GET /api/gateway/options: the profile's gateway section with names and citations.
boost::json::object options_json(const tenancy::Profile& p, const Options& o);

}  // namespace simpul::gateway::control
