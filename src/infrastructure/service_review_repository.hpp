#pragma once
// SQL of the yearly Pusat Data service review (service_review.hpp): the reviews the Tim Koordinasi
// records and the one reminder per tenant and year; every query is confined to the tenant.
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "infrastructure/service_review.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::infrastructure {

class ServiceReviewRepository {
 public:
  explicit ServiceReviewRepository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  void insert(const Scope& s, const ServiceReview& r);
  /// Newest review date first.
  std::vector<ServiceReview> reviews(const Scope& s) const;
  /// The reminder of a year (YYYY), if it was sent: (sent at, recipients).
  std::optional<std::pair<std::string, int>> reminder(const Scope& s, const std::string& year) const;
  void insert_reminder(const Scope& s, const std::string& year, const std::string& sent_at, int recipients);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::infrastructure
