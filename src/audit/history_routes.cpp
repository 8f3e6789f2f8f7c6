// GET /api/audit/objects/{id}/history (docs/ict-audit.md, "Object audit history").
#include "audit/json.hpp"
#include "audit/routes.hpp"
#include "http/json_io.hpp"

namespace simpul::audit {

void register_history_routes(http::Router& router, Service& m) {
  // Every programme that covered the object and every finding about it (or linked to it as its
  // security control), newest first; read like the rest of the module (audit.read).
  router.add("GET", "/api/audit/objects/{id}/history", [&m](http::Request& req) {
    const auto& p = req.require("audit.read");
    const auto& profile = m.profile_of(p.scope());
    return http::json_response(200, to_json(profile, m.history(p.scope(), req.id_param("id")), profile.today()));
  });
}

}  // namespace simpul::audit
