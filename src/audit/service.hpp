#pragma once
// Audit TIK workflows: the objects each audit type covers and when they are due, programmes and
// their steps behind the region's gates, findings and their follow-up (docs/ict-audit.md).
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "architecture/service.hpp"
#include "audit/due_repository.hpp"
#include "audit/calendar.hpp"
#include "audit/model.hpp"
#include "audit/profile_section.hpp"
#include "core/clock.hpp"
#include "identity/service.hpp"
#include "ledger/ledger.hpp"
#include "notification/service.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::audit {

/// What a programme may show besides its record: the internal audit deadline and what blocks its start.
struct ProgrammeView {
  Programme programme;
  std::optional<std::string> internal_deadline;  // external audits where an internal audit is required
  std::optional<Error> start_refusal;            // why starting would be refused now
  std::vector<Report> reports;                   // newest first
  std::vector<Correction> corrections;           // oldest first
  std::vector<Coordination> coordination;        // by date
};

/// One request of the paged due list: filters, page and the horizon of "due soon".
struct DueQuery {
  std::string type;       // empty: every audit type
  std::string agency_id;  // empty: every Perangkat Daerah
  std::string status;     // terlambat | jatuh_tempo | aman; empty: terlambat and jatuh_tempo
  int within_days = 90;
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

/// One page of the due list, with the counts per status of the whole filtered list.
struct DuePage {
  std::vector<DueItem> items;
  std::map<std::string, std::int64_t> totals;  // terlambat, jatuh_tempo, aman, tanpa_jadwal
  std::int64_t total = 0;                      // rows the status filter matches (every page)
  std::string today, horizon;
};

/// Everything the module knows about one object, newest first (docs/ict-audit.md, "Object audit history").
struct ObjectHistory {
  architecture::Element object;
  std::string kind;                   // application | infrastructure | control | other (its architecture domain)
  std::vector<Programme> programmes;  // programmes covering it, newest first
  std::vector<Finding> findings;      // findings about it or linked to it as their control, newest first
  std::map<std::string, std::string> programme_titles;  // programme id -> title, for the findings
};

/// The largest audit report accepted (the server's default request limit is 8 MiB too).
inline constexpr std::size_t kMaxReportBytes = 8u << 20;
/// Days before a finding's due date when its agency is reminded of the follow-up.
inline constexpr int kReminderDays = 14;
/// The fields a logged correction of a closed programme may change.
const std::vector<std::string>& correctable_fields();

class Service {
 public:
  Service(storage::Database& db, const tenancy::Service& tenancy, architecture::Service& elements,
          const ledger::Ledger& ledger, const identity::Service& identity, notification::Service& notifications)
      : db_(db),
        tenancy_(tenancy),
        elements_(elements),
        ledger_(ledger),
        identity_(identity),
        notifications_(notifications) {}

  const tenancy::Profile& profile_of(const Scope& s) const { return tenancy_.profile_of(s); }
  architecture::Service& elements() const { return elements_; }

  /// Every object in scope of each audit type, with its last audit and next due date.
  std::vector<DueItem> objects(const Scope& s, const std::string& type) const;
  /// The due list: one page of what falls due (filters, order and counts in the database).
  DuePage due(const Scope& s, const DueQuery& q) const;
  /// The audit calendar: a year of due dates and programmes per month and type (calendar.cpp).
  Calendar calendar(const Scope& s, const CalendarQuery& q) const;
  /// Read port (the facts and evidence): the same, inside the caller's transaction.
  std::vector<DueItem> objects(storage::Connection& c, const Scope& s, const std::string& type) const;
  /// Read port for the applications module's "last audit" (applications::AuditHistory): application
  /// id -> report date of its latest completed external application audit.
  std::map<std::string, std::string> last_application_audits(storage::Connection& c, const Scope& s) const;
  /// Where the applications' builders come from (the applications module's read port, set by the
  /// module): application id -> builder as recorded; an application without one is not built by the Pemda.
  using BuilderPort = std::function<std::map<std::string, std::string>(storage::Connection&, const Scope&)>;
  void read_builders_with(BuilderPort port) { builders_ = std::move(port); }
  /// Where the applications' recorded last audit dates come from (the applications module's read
  /// port, set by the module): application id -> the date its record carries.
  using RecordedAuditPort = std::function<std::map<std::string, std::string>(storage::Connection&, const Scope&)>;
  void read_recorded_audits_with(RecordedAuditPort port) { recorded_audits_ = std::move(port); }

  /// The audit history of one architecture element of the tenant (404 when it is not one).
  ObjectHistory history(const Scope& s, const std::string& object_id) const;
  /// Imported history: each application whose record carries a last audit date and that no completed
  /// external application audit covers gets one completed, imported programme dated then (idempotent).
  /// Returns how many programmes were made; the scheduler runs it for every tenant.
  int import_recorded_audits(const Scope& s);
  int import_recorded_audits();

  ProgrammeView plan(const Scope& s, Programme in, const Actor& actor);
  ProgrammeView get(const Scope& s, const std::string& id, const std::string& today) const;
  std::vector<Programme> list(const Scope& s, const std::string& type) const;
  /// A step: started, report received, closed; `date` is the Pemda's local date it happened.
  ProgrammeView step(const Scope& s, const std::string& id, const std::string& to, const std::string& date,
                     const Actor& actor, const std::string& today);
  /// The routing of the results (Madiun: to the Wali Kota through the Ketua Tim Koordinasi).
  ProgrammeView route(const Scope& s, const std::string& id, const std::string& to_chair_on,
                      const std::string& to_head_on, const Actor& actor, const std::string& today);

  Finding add_finding(const Scope& s, const std::string& programme_id, Finding in, const Actor& actor);
  std::vector<Finding> findings(const Scope& s, const std::string& programme_id, const std::string& agency_id) const;
  Finding finding(const Scope& s, const std::string& id) const;
  Finding follow_up(const Scope& s, const std::string& id, const std::string& evidence, const std::string& date,
                    const Actor& actor, const std::string& today);
  Finding verify(const Scope& s, const std::string& id, const std::string& date, const Actor& actor,
                 const std::string& today);

  /// A new version of the programme's report: PDF or DOCX by its content, at most kMaxReportBytes.
  Report upload_report(const Scope& s, const std::string& programme_id, const std::string& filename,
                       const std::string& content, const Actor& actor);
  std::pair<Report, std::string> download_report(const Scope& s, const std::string& report_id) const;
  /// A logged change of one field of a closed programme, with the reason (never a silent edit).
  ProgrammeView correct(const Scope& s, const std::string& programme_id, const std::string& field,
                        const std::string& value, const std::string& reason, const Actor& actor,
                        const std::string& today);
  /// Records the coordination the region's article asks for on this audit type (e.g. with the ministry).
  ProgrammeView coordinate(const Scope& s, const std::string& programme_id, const std::string& date,
                           const std::string& note, const Actor& actor, const std::string& today);

  /// The programme summary PDF: scope, team, steps with local dates, findings and their follow-up.
  std::string summary_pdf(const Scope& s, const std::string& programme_id) const;
  /// Every programme planned to start in `year`, with the state of their findings.
  std::string year_summary_pdf(const Scope& s, int year) const;

  /// The scheduler's pass: reminds each responsible agency of follow-ups due within kReminderDays
  /// (once per finding). Returns how many findings were reminded.
  int remind_follow_ups();

  /// Read ports (evaluation evidence): programmes and findings in the caller's transaction.
  std::vector<Programme> programmes(storage::Connection& c, const Scope& s) const;
  std::vector<Finding> findings(storage::Connection& c, const Scope& s, const std::string& agency_id) const;

 private:
  ProgrammeView view(storage::Connection& c, const Scope& s, Programme p, const std::string& today) const;
  /// The due list's SQL scopes of every audit type of the profile and a request's filters (`type`
  /// empty: every type) for `today` and `horizon`; the buckets are left to the caller.
  DueFilter due_filter(storage::Connection& c, const Scope& s, const std::string& type, const std::string& agency_id,
                       const std::string& today, const std::string& horizon) const;
  /// The same, once the tenant's stored due rows are current: recomputed (in a write transaction)
  /// when the profile's scopes, the elements or the last audits changed since they were stored.
  DueFilter current_due_rows(const Scope& s, const std::string& type, const std::string& agency_id,
                             const std::string& today, const std::string& horizon) const;
  /// Ids of the objects `t` covers now (a programme's objects must be among them).
  std::set<std::string> in_scope_ids(storage::Connection& c, const Scope& s, const AuditType& t) const;
  /// Tells the active users of `agency_id` (read before the caller's write) inside its transaction.
  void tell_agency(storage::Connection& c, const Scope& s, const std::vector<identity::User>& users,
                   const std::string& title, const std::string& title_en, const std::string& body,
                   const std::string& link) const;
  std::vector<identity::User> agency_users(const Scope& s, const std::string& agency_id) const;
  std::map<std::string, std::string> builders_of(storage::Connection& c, const Scope& s) const {
    return builders_ ? builders_(c, s) : std::map<std::string, std::string>{};
  }
  storage::Database& db_;
  const tenancy::Service& tenancy_;
  architecture::Service& elements_;
  const ledger::Ledger& ledger_;
  const identity::Service& identity_;
  notification::Service& notifications_;
  BuilderPort builders_;
  RecordedAuditPort recorded_audits_;
};

/// What the stored due rows are computed from: the profile's scopes in `f`, the tenant's elements;
/// "" (never current) while the latest element change is too recent to trust (due.cpp).
std::string due_fingerprint(const DueFilter& f, const ElementStamp& e, clock::TimePoint now);

}  // namespace simpul::audit
