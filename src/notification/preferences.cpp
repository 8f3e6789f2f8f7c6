// Each user's choice of how to be told (docs/notifications.md, "Preferences"), and the notices a
// module sends once per event.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "notification/repository.hpp"
#include "notification/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::notification {

bool Service::first_time(storage::Connection& c, const Scope& s, const std::string& key) const {
  return Repository(c).claim_once(s, key, clock::now_iso());
}

bool Service::wants_daily_summary(storage::Connection& c, const Scope& s, const std::string& user_id) const {
  return Repository(c).preference(s, user_id).value_or(Preference{}).daily_summaries;
}

Preference Service::preference(const Scope& s, const std::string& user_id) const {
  return storage::read(
      db_, [&](storage::Connection& c) { return Repository(c).preference(s, user_id).value_or(Preference{}); });
}

Preference Service::set_preference(const Scope& s, const Actor& user, Preference p) {
  if (p.email != "immediate" && p.email != "daily" && p.email != "none")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "email"}, {"allowed", boost::json::array{"immediate", "daily", "none"}}});
  p.updated_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto before = repo.preference(s, user.id).value_or(Preference{});
    repo.save_preference(s, user.id, p);
    if (before.email != p.email || before.daily_summaries != p.daily_summaries)
      ledger_.append(c, ledger::change_in(s, user, "notification.preference", "user", user.id,
                                          {{"email", p.email}, {"daily_summaries", p.daily_summaries}}));
    return p;
  });
}

}  // namespace simpul::notification
