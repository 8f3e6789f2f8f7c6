#include "notification/service.hpp"

#include <algorithm>
#include <chrono>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "notification/repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::notification {

Service::Service(storage::Database& db, const tenancy::Service& tenancy, const ledger::Ledger& ledger,
                 std::optional<SmtpConfig> smtp)
    : db_(db), tenancy_(tenancy), ledger_(ledger), smtp_(std::move(smtp)) {
  if (smtp_) {
    log::info("notification.email_enabled",
              {{"host", smtp_->host}, {"port", smtp_->port}, {"starttls", smtp_->starttls}});
    thread_ = std::thread([this] { run(); });
  }
}

Service::~Service() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Service::notify(storage::Connection& c, const Scope& s, const Message& m) const {
  auto now = clock::now_iso();
  Repository repo(c);
  auto inbox_id = crypto::new_id();
  repo.insert(s, m, inbox_id, now);
  if (!smtp_ || m.email.empty()) return;
  if (!m.urgent) {
    auto chosen = repo.preference(s, m.user_id).value_or(Preference{}).email;
    if (chosen == "none") return;
    if (chosen == "daily") {
      repo.hold_for_digest(s, inbox_id, m.email);
      return;
    }
  }
  Mail mail;
  mail.id = crypto::new_id();
  mail.recipient = m.email;
  mail.subject = m.title;
  mail.body = m.body + "\n\n" + m.title_en + "\n";
  if (!m.link.empty()) mail.body += "\n" + m.link + "\n";
  mail.next_attempt_at = now;
  mail.created_at = now;
  repo.enqueue(s, mail);
}

void Service::wake() {
  if (!smtp_) return;
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  cv_.notify_all();
}

std::vector<InboxItem> Service::inbox(const Scope& s, const std::string& user_id, bool unread_only, int limit) const {
  return storage::read(db_,
                       [&](storage::Connection& c) { return Repository(c).inbox(s, user_id, unread_only, limit); });
}

std::int64_t Service::unread(const Scope& s, const std::string& user_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).unread(s, user_id); });
}

bool Service::mark_read(const Scope& s, const std::string& user_id, const std::string& id) {
  return storage::write_transaction(
      db_, [&](storage::Connection& c) { return Repository(c).mark_read(s, user_id, id, clock::now_iso()); });
}

void Service::mark_all_read(const Scope& s, const std::string& user_id) {
  storage::write_transaction(
      db_, [&](storage::Connection& c) { Repository(c).mark_all_read(s, user_id, clock::now_iso()); });
}

std::vector<Mail> Service::outbox(const Scope& s, int limit) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).outbox(s, limit); });
}

int Service::deliver_due() {
  if (!smtp_) return 0;
  auto due = storage::read(db_, [&](storage::Connection& c) { return Repository(c).due(clock::now_iso(), 20); });
  int sent = 0;
  for (const auto& m : due) {
    std::string error;
    try {
      send_mail(*smtp_, m.recipient, m.subject, m.body);
    } catch (const std::exception& e) {
      error = e.what();
    }
    storage::write_transaction(db_, [&](storage::Connection& c) {
      Repository repo(c);
      if (error.empty()) {
        repo.sent(m.id, clock::now_iso());
        return;
      }
      int attempts = m.attempts + 1;
      // Exponential backoff: base, 2 x base, 4 x base ... at most an hour apart.
      long delay = std::min<long>(3600, static_cast<long>(smtp_->retry_base_seconds) << std::min(attempts - 1, 12));
      auto next = clock::to_iso(clock::now() + std::chrono::seconds(delay));
      bool give_up = attempts >= smtp_->max_attempts;
      repo.retry(m.id, attempts, next, error.substr(0, 300), give_up);
    });
    if (error.empty())
      ++sent;
    else
      log::warn("notification.email_failed",
                {{"mail_id", m.id}, {"attempt", m.attempts + 1}, {"error", error.substr(0, 300)}});
  }
  return sent;
}

void Service::run() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    lock.unlock();
    try {
      deliver_due();
    } catch (const std::exception& e) {
      log::error("notification.sender_failed", {{"error", e.what()}});
    }
    lock.lock();
    // Polls every few seconds for retries that fall due; a new message wakes it at once.
    cv_.wait_for(lock, std::chrono::seconds(std::min(5, smtp_->retry_base_seconds)),
                 [this] { return stop_ || woken_; });
    woken_ = false;
  }
}

}  // namespace simpul::notification
