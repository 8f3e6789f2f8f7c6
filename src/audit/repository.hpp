#pragma once
// SQL of Audit TIK: programmes, their objects and findings; every query is confined to the tenant.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::audit {

class Repository {
 public:
  explicit Repository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  void insert(const Scope& s, const Programme& p);
  /// Saves the steps, dates and routing of a programme (its plan is fixed once planned).
  void save_steps(const Scope& s, const Programme& p);
  std::optional<Programme> programme(const Scope& s, const std::string& id) const;
  /// Newest planned start first; empty `type` matches every type.
  std::vector<Programme> programmes(const Scope& s, const std::string& type) const;
  /// (object id, audit type) -> report date of its latest completed external audit (audit_last_audits,
  /// kept by save_steps and correct).
  std::map<std::pair<std::string, std::string>, std::string> last_audits(const Scope& s) const;

  void insert(const Scope& s, const Finding& f);
  void save_follow_up(const Scope& s, const Finding& f);
  std::optional<Finding> finding(const Scope& s, const std::string& id) const;
  /// Empty filters match all; ordered by due date.
  std::vector<Finding> findings(const Scope& s, const std::string& programme_id, const std::string& agency_id) const;
  /// Open findings (no follow-up yet) due on or before `horizon` that have had no reminder yet.
  std::vector<Finding> findings_to_remind(const Scope& s, const std::string& horizon) const;
  void mark_reminded(const Scope& s, const std::string& finding_id, const std::string& on);

  void insert(const Scope& s, const Report& r);
  /// Newest first.
  std::vector<Report> reports(const Scope& s, const std::string& programme_id) const;
  std::optional<Report> report(const Scope& s, const std::string& id) const;

  /// Sets one correctable column of a programme (the column name comes from a fixed list).
  void correct(const Scope& s, const std::string& programme_id, const std::string& column,
               const std::optional<std::string>& value, const std::string& updated_at);
  void insert(const Scope& s, const Correction& x);
  std::vector<Correction> corrections(const Scope& s, const std::string& programme_id) const;

  void insert(const Scope& s, const Coordination& x);
  std::vector<Coordination> coordination(const Scope& s, const std::string& programme_id) const;

 private:
  std::vector<std::string> objects_of(const Scope& s, const std::string& programme_id) const;
  /// Recomputes audit_last_audits for the objects of one programme from every programme covering them.
  void refresh_last_audits(const Scope& s, const std::string& programme_id);
  storage::Connection& c_;
};

}  // namespace simpul::audit
