#pragma once
// Arsitektur SPBE and Peta Rencana SPBE as versioned documents: drafting, approval by the
// instrument the profile names (freezing a snapshot), reviews on the profile's schedule, diffs.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "architecture/model.hpp"
#include "core/context.hpp"
#include "ledger/ledger.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::architecture {

struct DocumentInput {
  std::optional<std::string> kind, title, notes;
  std::optional<int> period_start, period_end;
  std::optional<boost::json::object> domain_coordinators;  // domain -> agency id (or null)
  std::optional<boost::json::object> parts;                // part kind -> document id (or null to unlink)
};

struct ReviewInput {
  std::string date;
  std::vector<std::string> reasons;
  std::string summary;
  std::string outcome;
  std::optional<std::string> decree_number;
};

/// One review the schedule expects: due by `due`, satisfied by a review dated within [window_start, due].
struct DueReview {
  std::string label;  // mid_term | final_year | year_<YYYY>
  std::string window_start;
  std::string due;
  std::optional<std::string> review_id;
  bool overdue = false;
};

/// The reviews an approved document owes under `spec`, given those recorded, as of `today` (YYYY-MM-DD).
std::vector<DueReview> review_schedule(const Document& d, const tenancy::ReviewSpec& spec,
                                       const std::vector<Review>& reviews, const std::string& today);

class Documents {
 public:
  Documents(storage::Database& db, tenancy::Service& tenancy, const ledger::Ledger& ledger)
      : db_(db), tenancy_(tenancy), ledger_(ledger) {}

  static const tenancy::PlanDocumentSpec& spec(const tenancy::Profile& p, const std::string& kind);

  std::vector<Document> list(const Scope& s, const std::string& kind) const;
  Document get(const Scope& s, const std::string& id) const;
  std::vector<Review> reviews(const Scope& s, const std::string& id) const;
  /// The name of each domain coordinator's agency (agency id -> name; absent when it is gone).
  std::map<std::string, std::string> coordinator_names(const Scope& s, const Document& d) const;
  Document create(const Scope& s, const DocumentInput& in, const Actor& actor);
  Document update(const Scope& s, const std::string& id, const DocumentInput& in, const Actor& actor);
  /// Records the instrument that sets the version (number and date are required, citing the kind's
  /// instrument rule); a kind with parts is refused while a part is not linked (its parts rule).
  Document approve(const Scope& s, const std::string& id, const std::string& number, const std::string& date,
                   const Actor& actor);
  Review add_review(const Scope& s, const std::string& id, const ReviewInput& in, const Actor& actor);
  /// `against` is another version's id or "live" (the current model).
  boost::json::object diff(const Scope& s, const std::string& id, const std::string& against) const;
  /// Overdue reviews of the approved documents, for the status checks and the dashboard.
  std::vector<std::pair<Document, DueReview>> overdue(const Scope& s, const std::string& today) const;

 private:
  void check_period(const tenancy::Profile& p, const Document& d) const;
  void link_parts(storage::Connection& c, const Scope& s, const tenancy::Profile& p, Document& d,
                  const boost::json::object& parts) const;
  storage::Database& db_;
  tenancy::Service& tenancy_;
  const ledger::Ledger& ledger_;
};

/// The current model (elements, relations and roadmap initiatives) as snapshot JSON.
boost::json::object live_model(storage::Connection& c, const Scope& s);

}  // namespace simpul::architecture
