#pragma once
// SQL for evaluation periods, teams, answers, evidence, comments and tenant framework versions;
// every query is confined to the tenant.
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "evaluation/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::evaluation {

/// A framework version an administrator saved for the tenant (the definition is the framework
/// file's content as JSON, which the YAML loader reads as it is).
struct StoredFramework {
  std::string framework_id;
  int version = 0;
  std::string definition;
  std::string note, created_by_name, created_at;
};

class Repository {
 public:
  explicit Repository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  std::vector<StoredFramework> frameworks(const Scope& s) const;
  std::optional<StoredFramework> framework(const Scope& s, const std::string& id, int version) const;
  void insert(const Scope& s, const StoredFramework& f);

  void insert(const Scope& s, const Period& p);
  std::optional<Period> period(const Scope& s, const std::string& id) const;
  /// Newest year first; `agency` "" = every period, "-" = Pemda-wide only, else that agency's.
  std::vector<Period> periods(const Scope& s, std::optional<int> year, const std::string& agency) const;
  bool period_exists(const Scope& s, int year, const std::string& agency_id) const;
  void submit(const Scope& s, const std::string& id, const std::string& by_name, const std::string& at,
              const std::string& result);

  void insert(const Scope& s, const Member& m);
  std::vector<Member> members(const Scope& s, const std::string& period_id) const;
  void delete_member(const Scope& s, const std::string& period_id, const std::string& member_id);

  std::vector<AnswerRecord> answers(const Scope& s, const std::string& period_id) const;
  std::optional<AnswerRecord> answer(const Scope& s, const std::string& period_id, const std::string& indicator) const;
  void save(const Scope& s, const std::string& period_id, const AnswerRecord& a);

  void insert(const Scope& s, const std::string& period_id, const EvidenceItem& e);
  std::vector<EvidenceItem> evidence(const Scope& s, const std::string& period_id) const;
  std::optional<EvidenceItem> evidence_item(const Scope& s, const std::string& period_id, const std::string& id) const;
  void set_verdict(const Scope& s, const std::string& id, const std::string& verdict);
  void delete_evidence(const Scope& s, const std::string& id);

  void insert(const Scope& s, const std::string& period_id, const Comment& c);
  std::vector<Comment> comments(const Scope& s, const std::string& period_id, const std::string& indicator) const;

 private:
  storage::Connection& c_;
};

}  // namespace simpul::evaluation
