// The gateway's services (ServiceCatalog; docs/gateway.md "Control plane").
#include "gateway/control/services.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "gateway/config.hpp"
#include "gateway/control/change.hpp"
#include "gateway/control/json.hpp"
#include "gateway/control/validation.hpp"

namespace simpul::gateway::control {
namespace {

const std::vector<std::string> kClassifications = {"publik", "terbatas", "rahasia"};

AgencyRef agency_of(const Repository& r, const Scope& s, const std::string& id, const char* field) {
  auto a = r.agency(s, id);
  if (!a) throw Error(ErrorCode::ValidationInvalidValue, field, "not an agency of this tenant");
  return *a;
}

void check_link(const Repository& r, const Scope& s, const std::optional<std::string>& id, const char* domain,
                const char* field) {
  if (id && !r.element_exists(s, *id, domain))
    throw Error(ErrorCode::ValidationInvalidValue, field, "not an architecture element of this tenant");
}

/// Applies the input to the record and checks everything the data plane relies on.
void apply(const Repository& repo, const Scope& s, ServiceRecord& r, const ServiceInput& in) {
  if (in.code) r.code = *in.code;
  if (in.name) r.name = *in.name;
  if (in.version) r.version = *in.version;
  if (in.description) r.description = *in.description;
  if (in.upstream_base_url) r.upstream_base_url = *in.upstream_base_url;
  if (in.classification) r.classification = *in.classification;
  if (in.service_element_id) r.service_element_id = *in.service_element_id;
  if (in.application_id) r.application_id = *in.application_id;
  if (in.data_element_id) r.data_element_id = *in.data_element_id;
  if (in.policy) r.policy = merge_policy(r.policy, *in.policy);
  check_code(r.code);
  check_upstream_url(r.upstream_base_url);
  if (std::find(kClassifications.begin(), kClassifications.end(), r.classification) == kClassifications.end())
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "classification"}, {"allowed", boost::json::array{"publik", "terbatas", "rahasia"}}});
  if (in.owner_agency_id) r.owner = agency_of(repo, s, *in.owner_agency_id, "owner_agency_id");
  check_link(repo, s, r.service_element_id, "layanan", "links.service_element_id");
  check_link(repo, s, r.application_id, "aplikasi", "links.application_id");
  check_link(repo, s, r.data_element_id, "data_informasi", "links.data_element_id");
  if (repo.code_taken(s, r.code, r.id)) throw Error(ErrorCode::GatewayCodeTaken, {{"code", r.code}});
}

boost::json::object audit(const ServiceRecord& r) {
  auto o = to_json(r, "");
  o.erase("public_path");
  return o;
}

}  // namespace

std::vector<ServiceRecord> ServiceCatalog::services(const Scope& s, const ServiceFilter& f, const ListQuery& q,
                                                    std::int64_t& total) const {
  return storage::read(plane_.db(), [&](storage::Connection& c) { return Repository(c).services(s, f, q, total); });
}

ServiceRecord ServiceCatalog::service(const Scope& s, const std::string& id) const {
  return storage::read(plane_.db(), [&](storage::Connection& c) {
    return found(Repository(c).service(s, id), ErrorCode::GatewayServiceNotFound);
  });
}

ServiceRecord ServiceCatalog::create_service(const Scope& s, const ServiceInput& in, const Actor& actor) {
  return plane_.change(true, [&](storage::Connection& c) {
    Repository repo(c);
    ServiceRecord r;
    r.id = crypto::new_id();
    r.created_at = r.updated_at = clock::now_iso();
    r.version = "1.0";
    apply(repo, s, r, in);
    repo.insert(s, r);
    plane_.ledger().append(c, ledger::change_in(s, actor, "gateway.service_create", "gateway_service", r.id, audit(r)));
    return found(repo.service(s, r.id), ErrorCode::GatewayServiceNotFound);
  });
}

ServiceRecord ServiceCatalog::update_service(const Scope& s, const std::string& id, const ServiceInput& in,
                                             const Actor& actor) {
  return plane_.change(true, [&](storage::Connection& c) {
    Repository repo(c);
    auto before = found(repo.service(s, id), ErrorCode::GatewayServiceNotFound);
    auto after = before;
    apply(repo, s, after, in);
    if (audit(after) == audit(before)) return before;  // nothing changes: nothing is written
    after.updated_at = clock::now_iso();
    repo.update(s, after);
    plane_.ledger().append(c, ledger::change_in(s, actor, "gateway.service_update", "gateway_service", id,
                                                {{"before", audit(before)}, {"after", audit(after)}}));
    return found(repo.service(s, id), ErrorCode::GatewayServiceNotFound);
  });
}

ServiceRecord ServiceCatalog::set_service_active(const Scope& s, const std::string& id, bool active,
                                                 const Actor& actor) {
  return plane_.change(true, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = found(repo.service(s, id), ErrorCode::GatewayServiceNotFound);
    r.active = active;
    r.updated_at = clock::now_iso();
    repo.update(s, r);
    plane_.ledger().append(c,
                           ledger::change_in(s, actor, active ? "gateway.service_activate" : "gateway.service_retire",
                                             "gateway_service", id, {{"code", r.code}, {"active", active}}));
    return r;
  });
}

ServiceRecord ServiceCatalog::upload_openapi(const Scope& s, const std::string& id, const std::string& body,
                                             const Actor& actor) {
  auto json = openapi_as_json(body, plane_.options().max_openapi_bytes);
  // The document does not reach the data plane: no configuration version bump.
  return plane_.change(false, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = found(repo.service(s, id), ErrorCode::GatewayServiceNotFound);
    repo.set_openapi(s, id, json, clock::now_iso());
    plane_.ledger().append(
        c, ledger::change_in(s, actor, "gateway.service_openapi", "gateway_service", id,
                             {{"code", r.code}, {"bytes", json.size()}, {"sha256", crypto::sha256_hex(json)}}));
    return found(repo.service(s, id), ErrorCode::GatewayServiceNotFound);
  });
}

std::string ServiceCatalog::openapi(const Scope& s, const std::string& id) const {
  return storage::read(plane_.db(), [&](storage::Connection& c) {
    Repository repo(c);
    auto doc = found(repo.openapi(s, id), ErrorCode::GatewayServiceNotFound);
    if (!doc) throw Error(ErrorCode::GatewayOpenapiMissing);
    return *doc;
  });
}

std::vector<std::pair<ServiceRecord, std::string>> ServiceCatalog::directory(const Scope& s,
                                                                             const std::string& agency_id) const {
  return storage::read(plane_.db(), [&](storage::Connection& c) {
    Repository repo(c);
    ServiceFilter f;
    f.active = true;
    std::int64_t total = 0;
    auto services = repo.services(s, f, ListQuery{"", "code", false, 1, 1000}, total);
    std::vector<std::string> granted, pending;
    if (!agency_id.empty()) {
      granted = repo.agency_granted_services(s, agency_id);
      for (const auto& [service_id, state] : repo.agency_request_states(s, agency_id))
        if (state == "diajukan" || state == "direkomendasikan") pending.push_back(service_id);
    }
    auto has = [](const std::vector<std::string>& v, const std::string& id) {
      return std::find(v.begin(), v.end(), id) != v.end();
    };
    std::vector<std::pair<ServiceRecord, std::string>> out;
    for (auto& r : services) {
      std::string access = has(granted, r.id) ? "ada" : has(pending, r.id) ? "diajukan" : "tidak";
      out.emplace_back(std::move(r), access);
    }
    return out;
  });
}

}  // namespace simpul::gateway::control
