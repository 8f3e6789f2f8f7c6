// Consumer applications and their API keys (Consumers; docs/gateway.md "Control plane").
#include "gateway/control/consumers.hpp"

#include "core/clock.hpp"
#include "gateway/config.hpp"
#include "gateway/control/change.hpp"
#include "gateway/control/json.hpp"
#include "gateway/control/validation.hpp"

namespace simpul::gateway::control {
namespace {

/// A fresh random key; only its SHA-256 is stored, its first 8 characters name it in lists.
std::pair<ApiKey, std::string> new_key(Repository& repo, const Scope& s, const std::string& consumer_id) {
  std::string raw = crypto::random_token(32);
  ApiKey k{crypto::new_id(), raw.substr(0, 8), clock::now_iso(), std::nullopt};
  repo.insert_key(s, consumer_id, k, api_key_hash(raw));
  return {k, raw};
}

boost::json::object audit(const Consumer& c) {
  auto o = to_json(c);
  o.erase("keys");
  return o;
}

void apply(Repository& repo, const Scope& s, Consumer& c, const ConsumerInput& in) {
  if (in.name) c.name = *in.name;
  if (in.description) c.description = *in.description;
  if (in.application_id) c.application_id = *in.application_id;
  if (in.client_cert_sha256) c.client_cert_sha256 = check_fingerprints(*in.client_cert_sha256);
  if (in.agency_id) {
    auto a = repo.agency(s, *in.agency_id);
    if (!a) throw Error(ErrorCode::ValidationInvalidValue, "agency_id", "not an agency of this tenant");
    c.agency = *a;
  }
  if (c.application_id && !repo.element_exists(s, *c.application_id, "aplikasi"))
    throw Error(ErrorCode::ValidationInvalidValue, "application_id", "not an application of this tenant");
}

}  // namespace

std::vector<Consumer> Consumers::consumers(const Scope& s, const std::string& agency_id, const ListQuery& q,
                                           std::int64_t& total) const {
  return storage::read(plane_.db(),
                       [&](storage::Connection& c) { return Repository(c).consumers(s, agency_id, q, total); });
}

Consumer Consumers::consumer(const Scope& s, const std::string& id) const {
  return storage::read(plane_.db(), [&](storage::Connection& c) {
    return found(Repository(c).consumer(s, id), ErrorCode::GatewayConsumerNotFound);
  });
}

IssuedKey Consumers::create_consumer(const Scope& s, const ConsumerInput& in, const Actor& actor) {
  return plane_.change(true, [&](storage::Connection& c) {
    Repository repo(c);
    Consumer x;
    x.id = crypto::new_id();
    x.created_at = clock::now_iso();
    apply(repo, s, x, in);
    repo.insert(s, x);
    auto [key, raw] = new_key(repo, s, x.id);
    // The ledger records the key's id and prefix, never the key or its hash.
    plane_.ledger().append(c,
                           ledger::change_in(s, actor, "gateway.consumer_create", "gateway_consumer", x.id,
                                             {{"consumer", audit(x)}, {"key_id", key.id}, {"key_prefix", key.prefix}}));
    return IssuedKey{found(repo.consumer(s, x.id), ErrorCode::GatewayConsumerNotFound), key.id, raw};
  });
}

Consumer Consumers::update_consumer(const Scope& s, const std::string& id, const ConsumerInput& in,
                                    const Actor& actor) {
  return plane_.change(true, [&](storage::Connection& c) {
    Repository repo(c);
    auto before = found(repo.consumer(s, id), ErrorCode::GatewayConsumerNotFound);
    auto after = before;
    apply(repo, s, after, in);
    if (audit(after) == audit(before)) return before;  // nothing changes: nothing is written
    repo.update(s, after);
    plane_.ledger().append(c, ledger::change_in(s, actor, "gateway.consumer_update", "gateway_consumer", id,
                                                {{"before", audit(before)}, {"after", audit(after)}}));
    return found(repo.consumer(s, id), ErrorCode::GatewayConsumerNotFound);
  });
}

Consumer Consumers::set_consumer_enabled(const Scope& s, const std::string& id, bool enabled, const Actor& actor) {
  return plane_.change(true, [&](storage::Connection& c) {
    Repository repo(c);
    auto x = found(repo.consumer(s, id), ErrorCode::GatewayConsumerNotFound);
    x.enabled = enabled;
    repo.update(s, x);
    plane_.ledger().append(c,
                           ledger::change_in(s, actor, enabled ? "gateway.consumer_enable" : "gateway.consumer_disable",
                                             "gateway_consumer", id, {{"name", x.name}, {"enabled", enabled}}));
    return x;
  });
}

IssuedKey Consumers::issue_key(const Scope& s, const std::string& id, const Actor& actor) {
  return plane_.change(true, [&](storage::Connection& c) {
    Repository repo(c);
    found(repo.consumer(s, id), ErrorCode::GatewayConsumerNotFound);
    auto [key, raw] = new_key(repo, s, id);
    plane_.ledger().append(c, ledger::change_in(s, actor, "gateway.key_issue", "gateway_consumer", id,
                                                {{"key_id", key.id}, {"key_prefix", key.prefix}}));
    return IssuedKey{found(repo.consumer(s, id), ErrorCode::GatewayConsumerNotFound), key.id, raw};
  });
}

Consumer Consumers::revoke_key(const Scope& s, const std::string& id, const std::string& key_id, const Actor& actor) {
  return plane_.change(true, [&](storage::Connection& c) {
    Repository repo(c);
    auto x = found(repo.consumer(s, id), ErrorCode::GatewayConsumerNotFound);
    auto key = std::find_if(x.keys.begin(), x.keys.end(), [&](const ApiKey& k) { return k.id == key_id; });
    if (key == x.keys.end()) throw Error(ErrorCode::GatewayKeyNotFound);
    if (key->revoked_at) throw Error(ErrorCode::GatewayAlreadyRevoked);
    repo.revoke_key(s, id, key_id, clock::now_iso());
    plane_.ledger().append(c, ledger::change_in(s, actor, "gateway.key_revoke", "gateway_consumer", id,
                                                {{"key_id", key_id}, {"key_prefix", key->prefix}}));
    return found(repo.consumer(s, id), ErrorCode::GatewayConsumerNotFound);
  });
}

}  // namespace simpul::gateway::control
