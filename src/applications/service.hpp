#pragma once
// The application lifecycle: records, stage moves behind the compliance gates, recommendation
// requests and decisions, ministry considerations, test records and the Repositori.
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "applications/audit_history.hpp"
#include "applications/model.hpp"
#include "applications/repository.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"
#include "architecture/service.hpp"
#include "regulation/service.hpp"

namespace simpul::applications {

struct InventoryFile;
struct InventoryResult;

struct Filter {
  std::string agency_id, stage, category;
};

/// A stage an application could move to, and the gates that stand in the way.
struct Move {
  std::string to;
  std::string name;
  std::optional<Error> refusal;
};

class Service {
 public:
  Service(storage::Database& db, const tenancy::Service& tenancy, architecture::Service& elements,
          regulation::Compliance& compliance, const ledger::Ledger& ledger)
      : db_(db), tenancy_(tenancy), elements_(elements), compliance_(compliance), ledger_(ledger) {}

  const tenancy::Profile& profile_of(const Scope& s) const { return elements_.profile_of(s); }
  regulation::Compliance& compliance() { return compliance_; }
  architecture::Service& elements() { return elements_; }
  /// Where the latest completed application audits come from (set by the audit module).
  AuditHistory& audit_history() { return audit_history_; }
  /// Read port (the audit scope, Madiun Pasal 42 ayat (1) huruf a): application id -> its recorded
  /// builder, inside the caller's transaction; applications without a builder are left out.
  std::map<std::string, std::string> builders(storage::Connection& c, const Scope& s) const;
  /// Read port (the audit module's imported history): application id -> the last audit date its
  /// record carries, inside the caller's transaction; applications without one are left out.
  std::map<std::string, std::string> recorded_audit_dates(storage::Connection& c, const Scope& s) const;
  const AuditHistory& audit_history() const { return audit_history_; }

  std::vector<Application> list(const Scope& s, const Filter& f, const ListQuery& q, std::int64_t& total) const;
  Application get(const Scope& s, const std::string& id) const;
  Application create(const Scope& s, const architecture::ElementInput& element, const RecordInput& record,
                     const Actor& actor);
  Application update(const Scope& s, const std::string& id, const architecture::ElementInput& element,
                     const RecordInput& record, const Actor& actor);
  /// Moves to `to` (a lifecycle stage or "pensiun") unless a gate refuses it.
  Application move(const Scope& s, const std::string& id, const std::string& to, const std::string& note,
                   const Actor& actor, const std::string& today);
  std::vector<Move> moves(const Scope& s, const std::string& id, const std::string& today) const;
  /// Value rules (subdomain, e-mail, hosting, ...) the application breaks already that become
  /// findings once it is live: checked from registration on, so a PD learns before it builds.
  std::vector<regulation::Violation> early_warnings(const Scope& s, const std::string& id,
                                                    const std::string& today) const;
  /// The application as the compliance engine sees it (its fact), e.g. for the audit due date.
  regulation::Fact fact(const Scope& s, const std::string& id) const;
  /// The services it supports and the data sets it uses: architecture relations, read-only here.
  std::pair<std::vector<architecture::Element>, std::vector<architecture::Element>> linked(const Scope& s,
                                                                                           const std::string& id) const;

  Recommendation request_recommendation(const Scope& s, const std::string& id, const std::string& purpose,
                                        const std::string& justification, const Actor& actor);
  Recommendation decide(const Scope& s, const std::string& recommendation_id, bool approve, const std::string& reasons,
                        const Actor& actor, const std::string& today);
  std::vector<Recommendation> recommendations(const Scope& s, const std::string& state,
                                              const std::string& application_id) const;
  Consideration consider(const Scope& s, const std::string& id, Consideration in, const Actor& actor);
  std::vector<Consideration> considerations(const Scope& s, const std::string& id) const;
  TestRecord record_test(const Scope& s, const std::string& id, TestRecord in, const Actor& actor);
  std::vector<TestRecord> tests(const Scope& s, const std::string& id) const;

  Artifact upload(const Scope& s, const std::string& id, const std::string& kind, const std::string& release,
                  const std::string& filename, const std::string& content, const Actor& actor);
  std::vector<Artifact> artifacts(const Scope& s, const std::string& id) const;
  std::pair<Artifact, std::string> download(const Scope& s, const std::string& artifact_id) const;
  /// A Dinas reviewer records that the source code explains each procedure (Madiun Pasal 24 ayat
  /// (4)); only for a `kode_sumber` artifact where the profile states that rule.
  Artifact confirm_explanations(const Scope& s, const std::string& artifact_id, const std::string& note,
                                const Actor& actor);

  /// The kinds an artifact may have: the profile's handover documents plus test report and other.
  static std::vector<tenancy::EnumItem> artifact_kinds(const tenancy::Profile& p);

  // The inventory import (inventory_import.hpp, defined in inventory_import.cpp).
  /// Validates every row and, unless `dry_run` or a problem was found, writes them all (elements
  /// and records) in one transaction with one ledger entry. `today` is the date an application
  /// entering a live stage is recorded live since.
  InventoryResult import_inventory(const Scope& s, const InventoryFile& file, bool dry_run, const Actor& actor,
                                   const std::string& file_digest, const std::string& today);
  /// The header and one example row that passes the import of this tenant.
  std::string inventory_template_csv(const Scope& s) const;

 private:
  /// Stamps a lifecycle record (id, who, when) and writes it with its ledger entry.
  template <typename Entry, typename Details>
  Entry append_record(const Scope& s, const std::string& id, Entry in, const Actor& actor, const char* action,
                      Details details) {
    in.id = crypto::new_id();
    in.recorded_by_name = actor.name;
    in.recorded_at = clock::now_iso();
    storage::write_transaction(db_, [&](storage::Connection& c) {
      Repository(c).insert(s, id, in);
      ledger_.append(c, ledger::change_in(s, actor, action, "element", id, details(in)));
    });
    return in;
  }
  regulation::Fact fact_of(storage::Connection& c, const Scope& s, const architecture::Element& e,
                           const Record& r) const;

  storage::Database& db_;
  const tenancy::Service& tenancy_;
  architecture::Service& elements_;
  regulation::Compliance& compliance_;
  const ledger::Ledger& ledger_;
  AuditHistory audit_history_;
};

/// Throws the catalogue Error for the first invalid field of the record (the API and the import);
/// the operator agency is looked up through the tenancy module's read port.
void check_record(const tenancy::Profile& p, const tenancy::Service& tenancy, storage::Connection& c, const Scope& s,
                  const Record& r);

/// Fixed choices of the record (docs/applications.md), with Indonesian names.
const std::vector<tenancy::EnumItem>& builders();
const std::vector<tenancy::EnumItem>& hosting_options();
const std::vector<tenancy::EnumItem>& source_models();
const std::vector<tenancy::EnumItem>& consideration_kinds();

}  // namespace simpul::applications
