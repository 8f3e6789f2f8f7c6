#pragma once
// SQL for findings, sanctions and evaluation runs; every query is confined to the tenant.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "core/list_query.hpp"
#include "regulation/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::regulation {

class Repository {
 public:
  explicit Repository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  std::vector<Finding> findings(const Scope& s, const FindingFilter& f, const ListQuery& q, const std::string& today,
                                std::int64_t& total) const;
  /// Every finding of the tenant, for an evaluation to compare against.
  std::vector<Finding> all_findings(const Scope& s) const;
  /// Open findings due on or before `date` (YYYY-MM-DD), soonest first (the due notices).
  std::vector<Finding> open_findings_due_by(const Scope& s, const std::string& date) const;
  std::optional<Finding> finding(const Scope& s, const std::string& id) const;
  void insert(const Scope& s, const Finding& f);
  /// Many new findings in multi-row statements: a tenant's first evaluation creates thousands.
  void insert_many(const Scope& s, const std::vector<Finding>& findings);
  /// State, due, label, agency, details and the seen/resolved times.
  void update(const Scope& s, const Finding& f);
  void waive(const Scope& s, const std::string& id, const std::string& reason, const Actor& by, const std::string& at);

  std::vector<Sanction> sanctions(const Scope& s, const std::string& finding_id) const;
  std::optional<Sanction> sanction(const Scope& s, const std::string& id) const;
  /// Every sanction of the tenant, oldest first (escalation looks at all of them at once).
  std::vector<Sanction> all_sanctions(const Scope& s) const;
  void insert_sanction(const Scope& s, const Sanction& x, const std::string& issued_by,
                       const std::string& letter_base64);
  /// A proposed step becomes given: its date, note, who recorded it and the letter, if any.
  void give_sanction(const Scope& s, const Sanction& x, const std::string& issued_by, const std::string& letter_base64);
  std::optional<std::string> letter_base64(const Scope& s, const std::string& sanction_id) const;

  /// Open findings per object of a subject (list badges).
  std::map<std::string, std::int64_t> open_counts(const Scope& s, const std::string& subject) const;

  void record_run(const Scope& s, const std::string& at);
  std::optional<std::string> last_run(const Scope& s) const;

 private:
  storage::Connection& c_;
};

}  // namespace simpul::regulation
