#pragma once
// Read-only views of the data plane for the console (docs/gateway.md "Control plane"): live status
// merged over instances, the newest exchanges of the message log, proofs, stored bodies and the
// gateway's public key. Every view keeps only the caller's tenant: the data plane serves all
// tenants with global ids.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "gateway/body_store.hpp"
#include "gateway/control/control_plane.hpp"
#include "gateway/control/exchange_reader.hpp"

namespace simpul::gateway::control {

class Traffic {
 public:
  explicit Traffic(ControlPlane& plane) : plane_(plane) {}

  /// The data plane's live status, merged over its instances, with only this tenant's services,
  /// consumers and exchanges (GatewayStatus in gateway.ts).
  boost::json::object status(const Scope& s) const;
  /// Paths holding a NIK, NIP, KK or phone number come masked where the service's policy says so.
  std::vector<ExchangeView> exchanges(const Scope& s, const ExchangeFilter& f) const;
  /// Whether exchange `seq` of this tenant is shown with a masked path.
  bool path_masked(const Scope& s, std::uint64_t seq) const;
  /// The full path of exchange `seq`, for a reason the caller states; every reveal is a ledger entry
  /// (the reason and the masked path, never the identifier). `purpose`: "lihat" or "bukti" (a proof
  /// carries the full path, since its hash covers it).
  std::string reveal_path(const Scope& s, std::uint64_t seq, const std::string& reason, const std::string& purpose,
                          const Actor& actor);
  /// The inclusion proof of one exchange of this tenant, as JSON text.
  std::string proof(const Scope& s, std::uint64_t seq) const;
  /// One stored body of an exchange of this tenant, after checking it against the digest in the
  /// message log (gateway.body_altered when it differs). Every read is a ledger entry: the bodies
  /// may hold personal data.
  StoredBody body(const Scope& s, std::uint64_t seq, BodyPart part, const Actor& actor);
  /// The gateway's public key (hex) and its key id.
  std::pair<std::string, std::string> public_key() const;

 private:
  /// The record `seq` when its service is this tenant's; otherwise gateway.exchange_not_found, so
  /// another tenant's exchange answers exactly like a missing one.
  ExchangeRecord tenant_exchange(const Scope& s, std::uint64_t seq) const;

  ControlPlane& plane_;
};

}  // namespace simpul::gateway::control
