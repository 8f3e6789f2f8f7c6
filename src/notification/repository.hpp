#pragma once
// SQL of the inbox and the e-mail outbox; every query of a user's data is confined to the tenant.
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
  std::vector<Mail> outbox(const Scope& s, int limit) const;
  /// Mail of every tenant whose next attempt is due: the sender is the platform's, not a tenant's.
  std::vector<Mail> due(const std::string& now, int limit) const;
  void sent(const std::string& id, const std::string& now);
  void retry(const std::string& id, int attempts, const std::string& next_at, const std::string& error, bool give_up);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::notification
