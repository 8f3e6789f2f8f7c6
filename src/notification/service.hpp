#pragma once
// Notifications, a platform capability other modules use through this header: a module calls
// notify() inside its own transaction (the inbox item and the queued e-mail commit with its
// change, or not at all), then wake() after the commit. A background thread sends the e-mail with
// retries and backoff, so no request ever waits for the SMTP server.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/context.hpp"
#include "ledger/ledger.hpp"
#include "notification/model.hpp"
#include "notification/smtp.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::notification {

class Service {
 public:
  Service(storage::Database& db, const tenancy::Service& tenancy, const ledger::Ledger& ledger,
          std::optional<SmtpConfig> smtp);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  /// Adds the message to the user's inbox and, when e-mail is configured and the user has an
  /// address, queues the e-mail, holds it for the user's daily digest, or sends none, as the user
  /// chose (an urgent message is always queued); inside the caller's transaction.
  void notify(storage::Connection& c, const Scope& s, const Message& m) const;
  /// True the first time `key` is claimed in the tenant, inside the caller's transaction: a module
  /// tells of one event once however often its job runs ("compliance.due:<finding>:overdue:<date>").
  bool first_time(storage::Connection& c, const Scope& s, const std::string& key) const;
  /// Whether the user takes the daily summaries modules send (the service desk's queue digest).
  bool wants_daily_summary(storage::Connection& c, const Scope& s, const std::string& user_id) const;

  Preference preference(const Scope& s, const std::string& user_id) const;
  /// The signed-in user sets their own preference (with its ledger entry).
  Preference set_preference(const Scope& s, const Actor& user, Preference p);
  /// One pass of the daily digest: each user who chose it gets, once per local date of the tenant,
  /// one e-mail listing the unread items held since the last one. Returns the digests queued.
  int send_digests();
  /// Tells the sender that mail may be waiting (call after the commit).
  void wake();
  bool email_enabled() const { return smtp_.has_value(); }

  std::vector<InboxItem> inbox(const Scope& s, const std::string& user_id, bool unread_only, int limit) const;
  std::int64_t unread(const Scope& s, const std::string& user_id) const;
  bool mark_read(const Scope& s, const std::string& user_id, const std::string& id);
  void mark_all_read(const Scope& s, const std::string& user_id);
  std::vector<Mail> outbox(const Scope& s, int limit) const;

  /// One pass of the sender: every due e-mail is attempted once. Returns how many were sent.
  int deliver_due();

 private:
  void run();

  storage::Database& db_;
  const tenancy::Service& tenancy_;
  const ledger::Ledger& ledger_;
  std::optional<SmtpConfig> smtp_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool woken_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace simpul::notification
