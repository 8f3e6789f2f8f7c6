#pragma once
// The control plane's domain (docs/gateway.md "Control plane"): services with their policies,
// consumer applications with their keys, access requests and the grants they produce.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

namespace simpul::gateway::control {

/// Paths and limits the composition root fills from app::Config.
struct Options {
  std::filesystem::path log_dir;   // <data-dir>/gateway/log: the data plane's message log
  std::filesystem::path key_path;  // <data-dir>/keys/gateway-ed25519.key: signs the message log
  std::size_t max_openapi_bytes = 2 << 20;
  std::optional<std::string> gateway_base_url;  // where consumers reach the data plane, if known
};

struct AgencyRef {
  std::string id, code, name;
};

/// What the data plane applies to every call of a service (mirrors gateway::ServiceConfig).
struct Policy {
  std::vector<std::string> allowed_networks;
  std::uint64_t max_body_bytes = 1 << 20;
  std::uint32_t upstream_timeout_ms = 30000;
  std::uint32_t retries_idempotent = 0;
  double rate_per_second = 0;
  std::uint32_t burst = 1;
  std::uint64_t daily_quota = 0;
  std::string health_path;
  bool store_bodies = false;
  /// Views and exports show NIK, NIP, KK and phone numbers in paths masked (gateway/personal_ids.hpp).
  bool mask_personal_ids = true;
};

struct ServiceRecord {
  std::string id, code, name, version;
  std::optional<std::string> description;
  std::string upstream_base_url;
  AgencyRef owner;
  std::string classification = "terbatas";  // publik | terbatas | rahasia
  std::optional<std::string> service_element_id, application_id, data_element_id;
  Policy policy;
  bool active = true;
  bool has_openapi = false;
  std::string created_at, updated_at;
};

/// Fields a create or update sets; absent = unchanged (update) or default (create).
struct ServiceInput {
  std::optional<std::string> code, name, version, upstream_base_url, owner_agency_id, classification;
  std::optional<std::optional<std::string>> description, service_element_id, application_id, data_element_id;
  std::optional<boost::json::object> policy;  // partial: merged over the current (or default) policy
};

struct ApiKey {
  std::string id, prefix, created_at;
  std::optional<std::string> revoked_at;
};

struct Consumer {
  std::string id, name;
  std::optional<std::string> description;
  AgencyRef agency;
  std::optional<std::string> application_id;
  bool enabled = true;
  std::vector<ApiKey> keys;
  std::vector<std::string> client_cert_sha256;
  std::string created_at;
};

struct ConsumerInput {
  std::optional<std::string> name, agency_id;
  std::optional<std::optional<std::string>> description, application_id;
  std::optional<std::vector<std::string>> client_cert_sha256;
};

/// Consumer creation and key rotation: the only time the raw key exists outside the caller.
struct IssuedKey {
  Consumer consumer;
  std::string key_id;
  std::string api_key;
};

/// Balikpapan Pasal 9 ayat (6): the minimum content of a request letter; every region uses this form.
struct RequestInput {
  std::string consumer_id, service_id;
  std::optional<std::string> path_prefix;
  std::vector<std::string> methods;
  std::string responsible_person, work_unit, purpose, data_needed;
  bool commercial_use = false;
  std::string source_address;  // where the request was sent from (Balikpapan Pasal 9 ayat (7))
};

struct RequestStep {
  std::string action;                   // ajukan | rekomendasi | putuskan | batalkan
  std::optional<std::string> decision;  // setuju | tolak
  std::optional<std::string> note;
  std::string actor_id, actor_name, at;
  std::optional<std::string> ground;  // a refusal: the profile's refusal ground it rests on
};

struct AccessRequest {
  std::string id;
  std::string consumer_id, consumer_name;
  AgencyRef consumer_agency;
  std::string service_id, service_code, service_name;
  AgencyRef service_owner;
  std::optional<std::string> path_prefix;
  std::vector<std::string> methods;
  std::string responsible_person, work_unit, purpose, data_needed;
  bool commercial_use = false;
  std::string source_address;
  /// The refusal grounds that apply, as flags the decider sees ("dapat ditolak": the decision stays
  /// theirs): JSON array of {id, name, rule: {id, citation}, reason}, fixed at submission.
  std::string grounds = "[]";
  std::string state = "diajukan";  // diajukan | direkomendasikan | disetujui | ditolak | dibatalkan
  std::string requested_by;        // user id
  std::optional<std::string> grant_id;
  std::vector<RequestStep> steps;
  std::string created_at;
};

struct Grant {
  std::string id;
  std::string consumer_id, consumer_name;
  AgencyRef consumer_agency;
  std::string service_id, service_code, service_name;
  std::optional<std::string> path_prefix;
  std::vector<std::string> methods;
  std::string basis_kind = "permohonan";  // permohonan | penetapan
  std::optional<std::string> request_id, rule_id, note;
  std::string granted_by, granted_at;
  std::optional<std::string> revoked_at, revoke_reason;
};

struct ServiceFilter {
  std::string agency_id;
  std::optional<bool> active;
};

struct RequestFilter {
  std::string state, service_id, consumer_id;
};

struct GrantFilter {
  std::string service_id, consumer_id;
  std::optional<bool> active;
};

}  // namespace simpul::gateway::control
