#pragma once
// SQL of the inbox and the e-mail outbox; every query of a user's data is confined to the tenant.
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "notification/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::notification {

class Repository {
 public:
  explicit Repository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  void insert(const Scope& s, const Message& m, const std::string& id, const std::string& now);
  std::vector<InboxItem> inbox(const Scope& s, const std::string& user_id, bool unread_only, int limit) const;
  std::int64_t unread(const Scope& s, const std::string& user_id) const;
  /// Returns false when the item is not the user's.
  bool mark_read(const Scope& s, const std::string& user_id, const std::string& id, const std::string& now);
  void mark_all_read(const Scope& s, const std::string& user_id, const std::string& now);

  void enqueue(const Scope& s, const Mail& m);

  // Preferences and the daily digest (repository_digest.cpp).
  std::optional<Preference> preference(const Scope& s, const std::string& user_id) const;
  void save_preference(const Scope& s, const std::string& user_id, const Preference& p);
  /// Keeps an inbox item for the user's daily digest e-mail to `email`.
  void hold_for_digest(const Scope& s, const std::string& inbox_id, const std::string& email);
  /// Items held for a digest and not yet digested, by user then age.
  std::vector<HeldItem> held(const Scope& s) const;
  /// False when the user's digest of `local_date` was sent already.
  bool claim_digest(const Scope& s, const std::string& user_id, const std::string& local_date, const std::string& now);
  void mark_digested(const Scope& s, const std::vector<std::string>& inbox_ids, const std::string& now);
  /// True the first time `key` is claimed in the tenant (a notice sent once per event).
  bool claim_once(const Scope& s, const std::string& key, const std::string& now);
  std::vector<Mail> outbox(const Scope& s, int limit) const;
  /// Mail of every tenant whose next attempt is due: the sender is the platform's, not a tenant's.
  std::vector<Mail> due(const std::string& now, int limit) const;
  void sent(const std::string& id, const std::string& now);
  void retry(const std::string& id, int attempts, const std::string& next_at, const std::string& error, bool give_up);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::notification
