#pragma once
// The yearly Pusat Data service review (docs/infrastructure.md, "Pusat Data service review"):
// Bandar Lampung Pasal 18 ayat (2) says the Pusat Data's services *dapat* be reviewed once a year,
// by the Tim Koordinasi (ayat (3)). Discretion, not a duty: the module reminds the team once a year
// through the inbox and records the reviews it holds; a year without one is never a finding.
// Regions whose text has no such article get no reminder.
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "ledger/ledger.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::notification {
class Service;
}

namespace simpul::infrastructure {

struct ServiceReview {
  std::string id;
  std::string reviewed_on;  // the local date the team held the review
  std::string summary;
  std::string recorded_by_name, recorded_at;
};

struct ServiceReviewStatus {
  std::optional<std::string> rule;  // the article allowing the review, where the region has one
  std::string team;                 // the team that reviews
  std::string year;                 // the tenant's current year (local time)
  bool reviewed_this_year = false;
  std::optional<std::string> reminded_at;  // when this year's reminder went out
  int recipients = 0;
  std::vector<ServiceReview> reviews;
};

class ServiceReviews {
 public:
  ServiceReviews(storage::Database& db, const tenancy::Service& tenancy, const ledger::Ledger& ledger,
                 notification::Service& notifications)
      : db_(db), tenancy_(tenancy), ledger_(ledger), notifications_(notifications) {}

  ServiceReviewStatus status(const Scope& s) const;
  /// A member of the reviewing team records a review it held (date not in the future).
  ServiceReview record(const Scope& s, const std::string& reviewed_on, const std::string& summary, const Actor& actor);
  /// The scheduler's pass: in every tenant whose profile names the article, the team's members get
  /// one inbox reminder per local year unless the year's review is already recorded. Returns how
  /// many tenants were reminded.
  int remind();

 private:
  storage::Database& db_;
  const tenancy::Service& tenancy_;
  const ledger::Ledger& ledger_;
  notification::Service& notifications_;
};

}  // namespace simpul::infrastructure
