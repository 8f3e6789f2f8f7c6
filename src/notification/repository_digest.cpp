// SQL of the preferences, the items held for the daily digest and the notices sent once.
#include "notification/repository.hpp"

namespace simpul::notification {

std::optional<Preference> Repository::preference(const Scope& s, const std::string& user_id) const {
  auto rows =
      c_.query("SELECT email, daily_summaries, updated_at FROM nt_preferences WHERE tenant_id = ? AND user_id = ?",
               {s.tenant_id, user_id});
  if (rows.empty()) return std::nullopt;
  return Preference{rows[0].text_at(0), rows[0].int_at(1) != 0, rows[0].text_at(2)};
}

void Repository::save_preference(const Scope& s, const std::string& user_id, const Preference& p) {
  c_.execute(
      "INSERT INTO nt_preferences (tenant_id, user_id, email, daily_summaries, updated_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (tenant_id, user_id) DO UPDATE SET email = excluded.email, "
      "daily_summaries = excluded.daily_summaries, updated_at = excluded.updated_at",
      {s.tenant_id, user_id, p.email, p.daily_summaries ? 1 : 0, p.updated_at.value_or("")});
}

void Repository::hold_for_digest(const Scope& s, const std::string& inbox_id, const std::string& email) {
  c_.execute("UPDATE nt_inbox SET digest_email = ? WHERE tenant_id = ? AND id = ?", {email, s.tenant_id, inbox_id});
}

std::vector<HeldItem> Repository::held(const Scope& s) const {
  std::vector<HeldItem> out;
  for (const auto& r : c_.query("SELECT id, user_id, digest_email, title, link, created_at, read_at FROM nt_inbox "
                                "WHERE tenant_id = ? AND digest_email IS NOT NULL AND digested_at IS NULL "
                                "ORDER BY user_id, created_at, id",
                                {s.tenant_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5),
                   r.optional_text_at(6).has_value()});
  return out;
}

bool Repository::claim_digest(const Scope& s, const std::string& user_id, const std::string& local_date,
                              const std::string& now) {
  return c_.execute(
             "INSERT INTO nt_digests (tenant_id, user_id, local_date, sent_at) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (tenant_id, user_id, local_date) DO NOTHING",
             {s.tenant_id, user_id, local_date, now}) > 0;
}

void Repository::mark_digested(const Scope& s, const std::vector<std::string>& inbox_ids, const std::string& now) {
  for (const auto& id : inbox_ids)
    c_.execute("UPDATE nt_inbox SET digested_at = ? WHERE tenant_id = ? AND id = ?", {now, s.tenant_id, id});
}

bool Repository::claim_once(const Scope& s, const std::string& key, const std::string& now) {
  return c_.execute(
             "INSERT INTO nt_once (tenant_id, notice_key, created_at) VALUES (?, ?, ?) "
             "ON CONFLICT (tenant_id, notice_key) DO NOTHING",
             {s.tenant_id, key, now}) > 0;
}

}  // namespace simpul::notification
