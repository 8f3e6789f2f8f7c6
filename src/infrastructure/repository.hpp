#pragma once
// SQL of Infrastruktur SPBE; every query is confined to the tenant. Server elements themselves
// belong to the architecture repository: this module keeps only their operational record.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "infrastructure/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::infrastructure {

class Repository {
 public:
  explicit Repository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  void insert(const Scope& s, const Site& x);
  std::optional<Site> site(const Scope& s, const std::string& id) const;
  /// Every site, by code; `agency_id` empty for all.
  std::vector<Site> sites(const Scope& s, const std::string& agency_id) const;
  bool site_code_taken(const Scope& s, const std::string& code) const;
  void insert(const Scope& s, const Assessment& a);
  void set_standard(const Scope& s, const std::string& site_id, const std::string& standard, const std::string& date);
  std::vector<Assessment> assessments(const Scope& s, const std::string& site_id) const;
  void insert(const Scope& s, const Rack& r);
  std::vector<Rack> racks(const Scope& s, const std::string& site_id) const;
  std::optional<Rack> rack(const Scope& s, const std::string& id) const;

  std::optional<ServerRecord> server(const Scope& s, const std::string& element_id) const;
  std::map<std::string, ServerRecord> servers(const Scope& s) const;
  void save_server(const Scope& s, const std::string& element_id, const ServerRecord& r);

  void insert(const Scope& s, const HostingRequest& r);
  std::optional<HostingRequest> request(const Scope& s, const std::string& id) const;
  std::vector<HostingRequest> requests(const Scope& s, const std::string& state, const std::string& agency_id) const;
  void decide(const Scope& s, const HostingRequest& r, const std::string& decided_by);

  void insert(const Scope& s, const BackupDuty& d);
  std::optional<BackupDuty> duty(const Scope& s, const std::string& id) const;
  std::vector<BackupDuty> duties(const Scope& s, const std::string& agency_id) const;
  void insert(const Scope& s, const BackupRun& r);
  /// Newest first; at most `limit`.
  std::vector<BackupRun> runs(const Scope& s, const std::string& duty_id, int limit) const;
  void insert(const Scope& s, const RestoreTest& t);
  std::vector<RestoreTest> restore_tests(const Scope& s, const std::string& duty_id) const;
  /// For the board and the facts, one query each: per duty, its newest run (time, result), its
  /// newest successful run and its newest restore test that succeeded.
  std::map<std::string, std::pair<std::string, std::string>> last_runs(const Scope& s) const;
  std::map<std::string, std::string> last_ok_runs(const Scope& s) const;
  std::map<std::string, std::string> last_restore_tests(const Scope& s) const;

  void insert(const Scope& s, const Lan& l);
  std::optional<Lan> lan(const Scope& s, const std::string& id) const;
  std::vector<Lan> lans(const Scope& s, const std::string& agency_id) const;
  void insert(const Scope& s, const Diagram& d);
  std::vector<Diagram> diagrams(const Scope& s, const std::string& lan_id) const;
  std::optional<Diagram> diagram(const Scope& s, const std::string& id) const;
  /// lan id -> the upload time of its newest diagram.
  std::map<std::string, std::string> latest_diagrams(const Scope& s) const;

  void insert(const Scope& s, const Device& d);
  std::optional<Device> device(const Scope& s, const std::string& id) const;
  std::vector<Device> devices(const Scope& s, const std::string& agency_id) const;
  void record_change(const Scope& s, const std::string& id, const std::string& date, const std::string& what);
  void record_report(const Scope& s, const std::string& id, const std::string& date, const std::string& summary);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::infrastructure
