#pragma once
// The control plane's workflows (docs/gateway.md "Control plane"): services and their policies,
// consumers and their keys, access requests decided as the tenant's regulation says, grants, and
// the read-only views of the data plane (status, exchanges, proofs). No HTTP, no SQL here.
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "core/context.hpp"
#include "core/crypto.hpp"
#include "core/list_query.hpp"
#include "gateway/body_store.hpp"
#include "gateway/control/exchange_reader.hpp"
#include "gateway/control/model.hpp"
#include "ledger/ledger.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::gateway::control {

/// The gateway's Ed25519 key that signs the message log, created (mode 0600) when absent.
crypto::SigningKey load_or_create_gateway_key(const std::filesystem::path& path);

/// User roles (src/identity/roles.cpp) whose holders decide access requests under this profile:
/// the Sekretaris Daerah's "approver" where the regulation names the Sekda, else the operator
/// Dinas's administrators and technical reviewers.
std::vector<std::string> decider_roles(const tenancy::Profile& p);

class Service {
 public:
  Service(storage::Database& db, tenancy::Service& tenancy, const ledger::Ledger& ledger, Options options);

  const tenancy::Profile& profile_of(const Scope& s) const { return tenancy_.profile_of(s); }
  const Options& options() const { return options_; }
  /// Called after every committed change that affects load_config() (the data plane reloads).
  void on_config_change(std::function<void()> hook);
  /// `inside` runs in the transaction that stores a new access request (e.g. to notify its
  /// addressees, Balikpapan Pasal 9 ayat (5)); `after` runs once it is committed. Set before serving.
  using SubmitHook = std::function<void(storage::Connection&, const Scope&, const AccessRequest&)>;
  void on_submit(SubmitHook inside, std::function<void()> after);
  std::string tenant_slug(const Scope& s) const;

  std::vector<ServiceRecord> services(const Scope& s, const ServiceFilter& f, const ListQuery& q, std::int64_t& total) const;
  ServiceRecord service(const Scope& s, const std::string& id) const;
  ServiceRecord create_service(const Scope& s, const ServiceInput& in, const Actor& actor);
  ServiceRecord update_service(const Scope& s, const std::string& id, const ServiceInput& in, const Actor& actor);
  ServiceRecord set_service_active(const Scope& s, const std::string& id, bool active, const Actor& actor);
  ServiceRecord upload_openapi(const Scope& s, const std::string& id, const std::string& body, const Actor& actor);
  std::string openapi(const Scope& s, const std::string& id) const;
  /// Active services with the agency's access to each: "ada" (a grant in force), "diajukan" (a
  /// request pending) or "tidak".
  std::vector<std::pair<ServiceRecord, std::string>> directory(const Scope& s, const std::string& agency_id) const;

  std::vector<Consumer> consumers(const Scope& s, const std::string& agency_id, const ListQuery& q, std::int64_t& total) const;
  Consumer consumer(const Scope& s, const std::string& id) const;
  IssuedKey create_consumer(const Scope& s, const ConsumerInput& in, const Actor& actor);
  Consumer update_consumer(const Scope& s, const std::string& id, const ConsumerInput& in, const Actor& actor);
  Consumer set_consumer_enabled(const Scope& s, const std::string& id, bool enabled, const Actor& actor);
  /// A new key beside the existing ones (rotation: both work until the old one is revoked).
  IssuedKey issue_key(const Scope& s, const std::string& id, const Actor& actor);
  Consumer revoke_key(const Scope& s, const std::string& id, const std::string& key_id, const Actor& actor);

  std::vector<AccessRequest> requests(const Scope& s, const RequestFilter& f, const ListQuery& q, std::int64_t& total) const;
  AccessRequest request(const Scope& s, const std::string& id) const;
  AccessRequest submit(const Scope& s, const RequestInput& in, const Actor& actor);
  AccessRequest recommend(const Scope& s, const std::string& id, bool recommend, const std::string& note, const Actor& actor);
  /// Approval creates the grant citing the request and the profile's rule.
  /// The decider approves or refuses. Where refusal grounds are flagged (Balikpapan Pasal 9 ayat
  /// (7), "dapat ditolak") approving them needs a stated reason; a refusal may name its ground.
  AccessRequest decide(const Scope& s, const std::string& id, bool approve, const std::string& note, const Actor& actor,
                       const std::optional<std::string>& ground = std::nullopt);
  AccessRequest cancel(const Scope& s, const std::string& id, const Actor& actor);

  std::vector<Grant> grants(const Scope& s, const GrantFilter& f, const ListQuery& q, std::int64_t& total) const;
  Grant grant(const Scope& s, const std::string& id) const;
  Grant revoke_grant(const Scope& s, const std::string& id, const std::string& reason, const Actor& actor);

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
  /// Runs `work` in one write transaction; bumps the configuration version when `affects_config`
  /// and calls the hooks after the commit.
  template <typename F>
  auto change(bool affects_config, F&& work);
  void notify() const;
  /// The record `seq` when its service is this tenant's; otherwise gateway.exchange_not_found, so
  /// another tenant's exchange answers exactly like a missing one.
  ExchangeRecord tenant_exchange(const Scope& s, std::uint64_t seq) const;

  storage::Database& db_;
  tenancy::Service& tenancy_;
  const ledger::Ledger& ledger_;
  Options options_;
  mutable std::mutex hooks_mutex_;
  std::vector<std::function<void()>> hooks_;
  SubmitHook submitted_;
  std::function<void()> after_submit_;
};

}  // namespace simpul::gateway::control
