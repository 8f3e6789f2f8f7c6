#pragma once
// Rencana dan Anggaran SPBE workflows: cycles opened by the coordinating PD, each PD's proposal of
// RKA-like lines checked as the region's articles say, standard unit prices, duplicate candidates
// and their review, the region's steps (recommend, submit, verify, approve) and the consolidated
// budget (docs/plan-and-budget.md).
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "architecture/roadmap.hpp"
#include "architecture/service.hpp"
#include "ledger/ledger.hpp"
#include "planning/duplicates/index.hpp"
#include "planning/model.hpp"
#include "planning/profile_section.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::planning {

/// A line as the PD writes it (before the amounts are computed).
struct LineInput {
  std::string sub_activity, account_code, name, specification, ssh_code;
  std::vector<VolumeFactor> factors;
  std::int64_t unit_price = 0;
  std::string funding_source, category;
  std::vector<std::string> element_ids;
  std::optional<std::string> initiative_id;
};

/// A proposal with its lines.
struct ProposalView {
  Proposal proposal;
  std::vector<Line> lines;
  std::size_t unresolved_candidates = 0;
  std::vector<LineCorrection> corrections;  // of its lines' classification, oldest first
};

/// The planning agency's correction of a line's classification: either part may be left unset.
struct ClassCorrection {
  std::optional<std::string> reserved_class;  // a reserved class id of the profile, or "" (not reserved)
  std::optional<std::string> category;        // a category id of the profile, or "" (none)
  std::string reason;
};

/// An application of the register a line resembles (an Aplikasi Umum or another PD's application).
struct SimilarApplication {
  std::string id, code, name, agency_id, agency_name;
  bool umum = false;
  double score = 0;
  std::string reason;  // aplikasi_umum_mirip | aplikasi_pd_lain_mirip
};

/// The live check of a line while it is typed: the refusal it would meet, the flags it would
/// carry and the lines of other PDs it may duplicate.
struct LiveCheck {
  std::optional<Error> refusal;
  std::vector<LineCheck> checks;
  std::int64_t total = 0;
  std::vector<Line> possible_duplicates;
  std::vector<SimilarApplication> similar_applications;  // what the submission would make a candidate
};

/// A candidate pair with both lines, for the side-by-side review.
struct CandidateView {
  CandidatePair pair;
  Line a, b;
  std::string agency_a, agency_b;
};

/// How a step of a proposal (submission, verification, approval) opens (service_workflow.cpp).
struct StepOpening {
  std::string_view state;  // the state the step applies to
  // Approval: a submitted proposal not yet verified is refused with this rule (the workflow elsewhere).
  const std::optional<std::string>* not_verified_rule = nullptr;
  bool resolve_candidates = false;              // compare anew; refused while pairs stay unresolved
  std::function<void(const Proposal&)> checks;  // the step's own, before the reserved lines
};

/// A page of candidate pairs and how many the query selects in all.
struct CandidatePage {
  std::vector<CandidateView> items;
  std::int64_t total = 0;
};

struct PriceImportRow {
  std::size_t row = 0;
  std::vector<std::string> problems;
};

struct PriceImportResult {
  bool dry_run = true;
  std::size_t items = 0;
  std::vector<PriceImportRow> problems;
  std::optional<PriceList> list;
};

/// A problem of an RKA-shaped import: row, column and what to fix, in Indonesian; `rule` when a
/// line rule of the region refused the row (service_import.cpp).
struct LineImportProblem {
  int row = 0;
  std::string column;
  std::string message;
  std::optional<RuleRef> rule;
};

/// One row of the file as the dry run shows it.
struct LineImportRow {
  int row = 0;
  std::string status;  // rincian (becomes a line) | judul (a heading: no volume, no price) | masalah
  std::string name, account_code, volume_text;
  std::int64_t unit_price = 0, total = 0;
  std::vector<std::string> carried;  // columns taken from the nearest row above (a group written once)
  std::vector<std::string> merged;   // columns taken from the top-left cell of their merged range
  std::vector<LineCheck> checks;     // the flags the line will carry (standard price ...)
};

struct LineImportResult {
  bool dry_run = true;
  std::string sheet;
  int header_row = 0;
  std::size_t lines = 0, headings = 0;
  std::int64_t total = 0;
  std::vector<LineImportRow> rows;
  std::vector<LineImportProblem> problems;
};

/// A submitted line similar to an Aplikasi Umum or to another PD's application of the register
/// (architecture elements of the domain aplikasi), for the planning agency (service_applications.cpp).
struct ApplicationCandidateView {
  CandidatePair pair;  // kind "application": line_a the line, line_b the application
  Line line;
  std::string agency_name;
  std::string application_id, application_code, application_name, application_agency_id, application_agency_name;
  bool umum = false;  // the application is an Aplikasi Umum
};

struct RkaFile;

struct Amount {
  std::string key, label;
  std::int64_t total = 0;
  std::int64_t lines = 0;
};

struct Consolidated {
  Cycle cycle;
  std::int64_t total = 0;
  std::vector<Amount> by_category, by_agency, by_domain, by_initiative;
  std::vector<Amount> initiatives_without_budget;  // this year's roadmap initiatives no line serves
  Amount without_initiative;                       // lines serving no initiative
};

class Service {
 public:
  Service(storage::Database& db, const tenancy::Service& tenancy, architecture::Service& elements,
          const architecture::Roadmap& roadmap, const ledger::Ledger& ledger)
      : db_(db), tenancy_(tenancy), elements_(elements), roadmap_(roadmap), ledger_(ledger) {}

  const tenancy::Profile& profile_of(const Scope& s) const { return tenancy_.profile_of(s); }

  Cycle open_cycle(const Scope& s, Cycle in, const Actor& actor);
  Cycle close_cycle(const Scope& s, const std::string& id, const Actor& actor);
  std::vector<Cycle> cycles(const Scope& s) const;
  Cycle cycle(const Scope& s, const std::string& id) const;

  /// The agency's proposal in the cycle, created as a draft the first time.
  Proposal start_proposal(const Scope& s, const std::string& cycle_id, const std::string& agency_id,
                          const Actor& actor);
  std::vector<Proposal> proposals(const Scope& s, const std::string& cycle_id, const std::string& agency_id) const;
  ProposalView proposal(const Scope& s, const std::string& id) const;
  Proposal proposal_record(const Scope& s, const std::string& id) const;

  Line add_line(const Scope& s, const std::string& proposal_id, const LineInput& in, const Actor& actor);
  Line update_line(const Scope& s, const std::string& line_id, const LineInput& in, const Actor& actor);
  void remove_line(const Scope& s, const std::string& line_id, const Actor& actor);
  Line line(const Scope& s, const std::string& id) const;
  LiveCheck check_line(const Scope& s, const std::string& proposal_id, const LineInput& in) const;
  /// The coordinating PD corrects the class of another PD's line, with a reason; recorded and
  /// ledgered; the reserved-item gates and findings use the corrected class
  /// (service_classification.cpp).
  Line correct_class(const Scope& s, const std::string& line_id, const ClassCorrection& in, const Actor& actor);

  /// The Dinas's technical recommendation / the prior coordination with the Kominfo PD.
  Proposal recommend(const Scope& s, const std::string& id, const std::string& text, const Actor& actor);
  Proposal submit(const Scope& s, const std::string& id, const Actor& actor);
  Proposal verify(const Scope& s, const std::string& id, const Actor& actor);
  Proposal approve(const Scope& s, const std::string& id, const Actor& actor);
  /// Back to the PD as a draft, with the coordinator's reason.
  Proposal send_back(const Scope& s, const std::string& id, const std::string& reason, const Actor& actor);

  /// Runs the duplicate finder over the submitted lines of the cycle and stores new pairs.
  std::size_t find_candidates(const Scope& s, const std::string& cycle_id, const Actor& actor);
  /// One page of line pairs, best score first; an unknown cycle (of the query) is refused.
  CandidatePage candidates(const Scope& s, const CandidateQuery& q) const;
  CandidateView decide(const Scope& s, const std::string& id, const std::string& decision, const std::string& reason,
                       const std::string& line_to_change, const Actor& actor);

  /// The tenant's synonym list of the duplicate finder: the defaults with the tenant's changes,
  /// folded (service_synonyms.cpp).
  std::vector<duplicates::Synonym> synonyms(const Scope& s) const;
  /// Adds or replaces a term; the lines whose names mention it are compared anew. Returns the
  /// entry as stored (folded).
  duplicates::Synonym add_synonym(const Scope& s, const std::string& term, const std::string& canonical,
                                  const Actor& actor);
  /// Removes a term (a default one stays removed for this tenant).
  void remove_synonym(const Scope& s, const std::string& term, const Actor& actor);

  PriceImportResult import_prices(const Scope& s, int year, const std::string& decree_number,
                                  const std::string& decree_date, const std::string& file, bool dry_run,
                                  const Actor& actor);
  std::vector<PriceList> price_lists(const Scope& s) const;

  /// Lines of a draft proposal from a spreadsheet shaped like an RKA export: every row checked with
  /// the line rules of the API; unless `dry_run` or a row has a problem, all lines are written in one
  /// transaction with one ledger entry (service_import.cpp).
  LineImportResult import_lines(const Scope& s, const std::string& proposal_id, std::string_view file, bool dry_run,
                                const Actor& actor);
  /// The import's template for the proposal's PD: Indonesian headers and one example row naming the
  /// PD, an element and an initiative of the tenant.
  std::string lines_template_xlsx(const Scope& s, const std::string& proposal_id) const;

  /// Compares the cycle's submitted lines about applications with the Aplikasi Umum and other PDs'
  /// applications and stores new candidates (kind "application"); `as_coordinator` first requires
  /// the coordinating PD. Returns how many were added (service_applications.cpp).
  std::size_t compare_with_applications(const Scope& s, const std::string& cycle_id, const Actor& actor,
                                        bool as_coordinator);
  std::vector<ApplicationCandidateView> application_candidates(const Scope& s, const std::string& cycle_id) const;
  bool is_application_candidate(const Scope& s, const std::string& id) const;
  /// duplikat: the line's proposal goes back to its PD as a draft; berbeda: kept, with the reason.
  ApplicationCandidateView decide_application(const Scope& s, const std::string& id, const std::string& decision,
                                              const std::string& reason, const Actor& actor);

  Consolidated consolidated(const Scope& s, const std::string& cycle_id) const;
  /// The submitted (and later) lines of the cycle and the totals per PD as an XLSX workbook, for
  /// entry into SIPD (export.cpp).
  std::string consolidated_xlsx(const Scope& s, const std::string& cycle_id) const;
  /// A PD's verification result as a PDF: lines and flags, duplicate decisions, steps (verification_pdf.cpp).
  std::string verification_pdf(const Scope& s, const std::string& proposal_id) const;

 private:
  void require_coordinator(storage::Connection& c, const Scope& s, const Actor& actor) const;
  Line build_line(storage::Connection& c, const Scope& s, const Cycle& cycle, const Proposal& p, const LineInput& in,
                  const std::optional<std::string>& class_override = std::nullopt) const;
  /// Whether the agency holds the role the class is reserved to.
  bool holds_class(storage::Connection& c, const Scope& s, const std::string& agency_id,
                   const ReservedClass& reserved) const;
  /// Refuses (planning.reserved_item, with the class's article) a proposal with a line of a class
  /// reserved to another PD, as classified or corrected.
  void require_no_reserved_lines(storage::Connection& c, const Scope& s, const Proposal& p) const;
  void index_line(storage::Connection& c, const Scope& s, const Line& l) const;
  /// Compares the proposal's lines (every submitted line when `proposal_id` is empty) with the
  /// cycle's submitted lines and stores the new pairs.
  std::size_t store_candidates(storage::Connection& c, const Scope& s, const std::string& cycle_id,
                               const std::string& proposal_id) const;
  /// The coordinator's decision on a pair of `kind` (line | application) with its ledger entry:
  /// duplikat sends the proposal of the line that changes back to its PD as a draft.
  CandidatePair record_decision(storage::Connection& c, const Scope& s, const std::string& id, std::string_view kind,
                                const std::string& decision, const std::string& reason,
                                const std::string& line_to_change, const Actor& actor) const;
  /// The opening shared by the steps: the proposal in its state, the step's own checks, no line
  /// reserved to another PD and, where asked, no unresolved pair (where the region says so).
  /// Returns the proposal and its unresolved pairs.
  std::pair<Proposal, std::size_t> open_step(storage::Connection& c, const Scope& s, const std::string& id,
                                             const StepOpening& how) const;
  std::size_t unresolved_for(storage::Connection& c, const Scope& s, const Proposal& p) const;
  /// The register's applications the line of `agency_id` named `name` resembles, best first
  /// (service_applications.cpp).
  std::vector<SimilarApplication> applications_like(storage::Connection& c, const Scope& s,
                                                    const std::string& agency_id, const std::string& name) const;
  std::string agency_name(storage::Connection& c, const Scope& s, const std::string& id) const;
  LineImportResult check_import(storage::Connection& c, const Scope& s, const Cycle& cycle, const Proposal& p,
                                const RkaFile& file, std::vector<Line>& accepted) const;
  storage::Database& db_;
  const tenancy::Service& tenancy_;
  architecture::Service& elements_;
  const architecture::Roadmap& roadmap_;
  const ledger::Ledger& ledger_;
};

}  // namespace simpul::planning
