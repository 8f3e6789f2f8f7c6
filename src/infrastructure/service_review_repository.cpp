#include "infrastructure/service_review_repository.hpp"

namespace simpul::infrastructure {

std::vector<storage::Migration> ServiceReviewRepository::migrations() {
  return {
      {1003, "infrastructure: yearly Pusat Data service reviews and their reminders",
       "CREATE TABLE infra_service_reviews (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "reviewed_on TEXT NOT NULL, summary TEXT NOT NULL, recorded_by_name TEXT NOT NULL, recorded_at TEXT NOT NULL);"
       "CREATE INDEX infra_service_reviews_by_tenant ON infra_service_reviews (tenant_id, reviewed_on);"
       "CREATE TABLE infra_service_review_reminders (tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "year TEXT NOT NULL, sent_at TEXT NOT NULL, recipients INTEGER NOT NULL, PRIMARY KEY (tenant_id, year))"}};
}

void ServiceReviewRepository::insert(const Scope& s, const ServiceReview& r) {
  c_.execute(
      "INSERT INTO infra_service_reviews (id, tenant_id, reviewed_on, summary, recorded_by_name, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {r.id, s.tenant_id, r.reviewed_on, r.summary, r.recorded_by_name, r.recorded_at});
}

std::vector<ServiceReview> ServiceReviewRepository::reviews(const Scope& s) const {
  std::vector<ServiceReview> out;
  for (const auto& row :
       c_.query("SELECT id, reviewed_on, summary, recorded_by_name, recorded_at FROM infra_service_reviews "
                "WHERE tenant_id = ? ORDER BY reviewed_on DESC, recorded_at DESC",
                {s.tenant_id}))
    out.push_back({row.text_at(0), row.text_at(1), row.text_at(2), row.text_at(3), row.text_at(4)});
  return out;
}

std::optional<std::pair<std::string, int>> ServiceReviewRepository::reminder(const Scope& s,
                                                                             const std::string& year) const {
  auto rows =
      c_.query("SELECT sent_at, recipients FROM infra_service_review_reminders WHERE tenant_id = ? AND year = ?",
               {s.tenant_id, year});
  if (rows.empty()) return std::nullopt;
  return std::make_pair(rows.front().text_at(0), static_cast<int>(rows.front().int_at(1)));
}

void ServiceReviewRepository::insert_reminder(const Scope& s, const std::string& year, const std::string& sent_at,
                                              int recipients) {
  c_.execute("INSERT INTO infra_service_review_reminders (tenant_id, year, sent_at, recipients) VALUES (?, ?, ?, ?)",
             {s.tenant_id, year, sent_at, recipients});
}

}  // namespace simpul::infrastructure
