#pragma once
// Consumer applications of the gateway and their API keys (docs/gateway.md "Control plane"): only
// a key's SHA-256 is stored; a rotation issues a new key beside the old ones.
#include <cstdint>
#include <string>
#include <vector>

#include "core/list_query.hpp"
#include "gateway/control/control_plane.hpp"

namespace simpul::gateway::control {

class Consumers {
 public:
  explicit Consumers(ControlPlane& plane) : plane_(plane) {}

  std::vector<Consumer> consumers(const Scope& s, const std::string& agency_id, const ListQuery& q,
                                  std::int64_t& total) const;
  Consumer consumer(const Scope& s, const std::string& id) const;
  IssuedKey create_consumer(const Scope& s, const ConsumerInput& in, const Actor& actor);
  Consumer update_consumer(const Scope& s, const std::string& id, const ConsumerInput& in, const Actor& actor);
  Consumer set_consumer_enabled(const Scope& s, const std::string& id, bool enabled, const Actor& actor);
  /// A new key beside the existing ones (rotation: both work until the old one is revoked).
  IssuedKey issue_key(const Scope& s, const std::string& id, const Actor& actor);
  Consumer revoke_key(const Scope& s, const std::string& id, const std::string& key_id, const Actor& actor);

 private:
  ControlPlane& plane_;
};

}  // namespace simpul::gateway::control
