#pragma once
// SQL for application records, recommendations, considerations, tests and the Repositori; every
// query is confined to the tenant. Elements themselves belong to the architecture repository.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "applications/model.hpp"
#include "core/context.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::applications {

class Repository {
 public:
  explicit Repository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  std::optional<Record> record(const Scope& s, const std::string& id) const;
  std::map<std::string, Record> records(const Scope& s) const;
  void save_record(const Scope& s, const std::string& id, const Record& r, const std::string& now);

  void insert(const Scope& s, const Recommendation& r);
  std::optional<Recommendation> recommendation(const Scope& s, const std::string& id) const;
  /// Newest first; empty filters match all.
  std::vector<Recommendation> recommendations(const Scope& s, const std::string& state,
                                              const std::string& application_id) const;
  void decide(const Scope& s, const Recommendation& r, const std::string& decided_by);

  void insert(const Scope& s, const std::string& application_id, const Consideration& x);
  std::vector<Consideration> considerations(const Scope& s, const std::string& application_id) const;
  void insert(const Scope& s, const std::string& application_id, const TestRecord& t);
  std::vector<TestRecord> tests(const Scope& s, const std::string& application_id) const;

  void insert(const Scope& s, const Artifact& a);
  std::vector<Artifact> artifacts(const Scope& s, const std::string& application_id) const;
  std::optional<Artifact> artifact(const Scope& s, const std::string& id) const;

  /// For the facts: what each application has, in one query per kind of record.
  std::set<std::string> approved_recommendations(const Scope& s) const;
  std::vector<std::pair<std::string, std::string>> approved_considerations(const Scope& s) const;  // app, kind
  std::set<std::string> passed_tests(const Scope& s) const;
  std::vector<std::pair<std::string, std::string>> artifact_kinds(const Scope& s) const;  // app, kind
  /// Stores the artifact's explanations_confirmed_* fields.
  void confirm_explanations(const Scope& s, const Artifact& a);
  /// Applications with a source code whose procedure explanations a reviewer confirmed.
  std::set<std::string> explained_sources(const Scope& s) const;
  /// Applications and services in force, with only what the facts need (no joins, no ordering):
  /// the compliance evaluation reads every one of them.
  /// Number of services (layanan) supported by each application, and of applications supporting each service.

 private:
  storage::Connection& c_;
};

}  // namespace simpul::applications
