#pragma once
// The gateway's services and their policies (docs/gateway.md "Control plane"): the catalogue the
// data plane serves, each service owned by an agency, with its OpenAPI document and the directory
// of active services with an agency's access to each.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/list_query.hpp"
#include "gateway/control/control_plane.hpp"

namespace simpul::gateway::control {

class ServiceCatalog {
 public:
  explicit ServiceCatalog(ControlPlane& plane) : plane_(plane) {}

  std::vector<ServiceRecord> services(const Scope& s, const ServiceFilter& f, const ListQuery& q,
                                      std::int64_t& total) const;
  ServiceRecord service(const Scope& s, const std::string& id) const;
  ServiceRecord create_service(const Scope& s, const ServiceInput& in, const Actor& actor);
  ServiceRecord update_service(const Scope& s, const std::string& id, const ServiceInput& in, const Actor& actor);
  ServiceRecord set_service_active(const Scope& s, const std::string& id, bool active, const Actor& actor);
  ServiceRecord upload_openapi(const Scope& s, const std::string& id, const std::string& body, const Actor& actor);
  std::string openapi(const Scope& s, const std::string& id) const;
  /// Active services with the agency's access to each: "ada" (a grant in force), "diajukan" (a
  /// request pending) or "tidak".
  std::vector<std::pair<ServiceRecord, std::string>> directory(const Scope& s, const std::string& agency_id) const;

 private:
  ControlPlane& plane_;
};

}  // namespace simpul::gateway::control
