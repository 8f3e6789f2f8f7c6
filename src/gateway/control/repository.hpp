#pragma once
// SQL of the control plane; every query is confined to the tenant, except the few cross-tenant
// reads of config_repository.cpp that build the data plane's configuration.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "core/list_query.hpp"
#include "gateway/control/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::gateway::control {

class Repository {
 public:
  explicit Repository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  std::string tenant_slug(const Scope& s) const;
  std::optional<AgencyRef> agency(const Scope& s, const std::string& id) const;
  /// True when the architecture element (any domain when `domain` is empty) exists in the tenant.
  bool element_exists(const Scope& s, const std::string& id, const std::string& domain) const;

  std::vector<ServiceRecord> services(const Scope& s, const ServiceFilter& f, const ListQuery& q,
                                      std::int64_t& total) const;
  std::optional<ServiceRecord> service(const Scope& s, const std::string& id) const;
  bool code_taken(const Scope& s, const std::string& code, const std::string& except_id) const;
  void insert(const Scope& s, const ServiceRecord& r);
  void update(const Scope& s, const ServiceRecord& r);
  void set_openapi(const Scope& s, const std::string& id, const std::string& json, const std::string& now);
  /// Outer empty: no such service; inner empty: no document yet.
  std::optional<std::optional<std::string>> openapi(const Scope& s, const std::string& id) const;

  std::vector<Consumer> consumers(const Scope& s, const std::string& agency_id, const ListQuery& q,
                                  std::int64_t& total) const;
  std::optional<Consumer> consumer(const Scope& s, const std::string& id) const;
  void insert(const Scope& s, const Consumer& c);
  void update(const Scope& s, const Consumer& c);
  void insert_key(const Scope& s, const std::string& consumer_id, const ApiKey& k, const std::string& sha256);
  bool revoke_key(const Scope& s, const std::string& consumer_id, const std::string& key_id, const std::string& now);

  std::vector<AccessRequest> requests(const Scope& s, const RequestFilter& f, const ListQuery& q,
                                      std::int64_t& total) const;
  std::optional<AccessRequest> request(const Scope& s, const std::string& id) const;
  void insert(const Scope& s, const AccessRequest& r);
  void update_state(const Scope& s, const AccessRequest& r);
  void add_step(const Scope& s, const std::string& request_id, const RequestStep& step);
  /// Request states of the caller's agency per service, for the directory's my_access.
  std::vector<std::pair<std::string, std::string>> agency_request_states(const Scope& s,
                                                                         const std::string& agency_id) const;

  std::vector<Grant> grants(const Scope& s, const GrantFilter& f, const ListQuery& q, std::int64_t& total) const;
  std::optional<Grant> grant(const Scope& s, const std::string& id) const;
  void insert(const Scope& s, const Grant& g);
  void revoke_grant(const Scope& s, const std::string& id, const std::string& reason, const std::string& now);
  /// Services with a grant in force for a consumer of the agency.
  std::vector<std::string> agency_granted_services(const Scope& s, const std::string& agency_id) const;

  /// Every consumer and service id of the tenant with its name/code (status and exchange views).
  struct NameRow {
    std::string code, name;
    bool mask_personal_ids = true;  // services only: the policy's setting
  };
  std::map<std::string, NameRow> service_names(const Scope& s) const;
  std::map<std::string, NameRow> consumer_names(const Scope& s) const;

  /// Increases the configuration version (inside the caller's write transaction).
  void bump_version();

 private:
  void load_keys(const Scope& s, Consumer& c) const;
  void load_steps(const Scope& s, AccessRequest& r) const;
  storage::Connection& c_;
};

}  // namespace simpul::gateway::control
