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
#include "notification/model.hpp"
#include "notification/smtp.hpp"
#include "storage/database.hpp"

namespace simpul::notification {

class Service {
 public:
  Service(storage::Database& db, std::optional<SmtpConfig> smtp);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  /// Adds the message to the user's inbox and, when e-mail is configured and the user has an
  /// address, queues the e-mail; inside the caller's transaction.
  void notify(storage::Connection& c, const Scope& s, const Message& m) const;
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
  std::optional<SmtpConfig> smtp_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool woken_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace simpul::notification
