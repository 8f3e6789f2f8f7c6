#include "notification/repository.hpp"

namespace simpul::notification {
namespace {

constexpr const char* kMailColumns =
    "id, tenant_id, recipient, subject, body, state, attempts, next_attempt_at, last_error, created_at, sent_at";

Mail mail_from(const storage::Row& r) {
  Mail m;
  m.id = r.text_at(0);
  m.tenant_id = r.text_at(1);
  m.recipient = r.text_at(2);
  m.subject = r.text_at(3);
  m.body = r.text_at(4);
  m.state = r.text_at(5);
  m.attempts = static_cast<int>(r.int_at(6));
  m.next_attempt_at = r.text_at(7);
  m.last_error = r.text_at(8);
  m.created_at = r.text_at(9);
  m.sent_at = r.optional_text_at(10);
  return m;
}

}  // namespace

std::vector<storage::Migration> Repository::migrations() {
  return {
      {1200, "notification: inbox and e-mail outbox",
       "CREATE TABLE nt_inbox (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), user_id TEXT NOT NULL, "
       "title TEXT NOT NULL, title_en TEXT NOT NULL, body TEXT NOT NULL, link TEXT NOT NULL, created_at TEXT NOT NULL, read_at TEXT);"
       "CREATE INDEX nt_inbox_by_user ON nt_inbox (tenant_id, user_id, created_at);"
       "CREATE TABLE nt_outbox (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), recipient TEXT NOT NULL, "
       "subject TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL, "
       "last_error TEXT NOT NULL, created_at TEXT NOT NULL, sent_at TEXT);"
       "CREATE INDEX nt_outbox_due ON nt_outbox (state, next_attempt_at);"},
      {1201, "notification: per-user preferences, the daily digest, notices sent once",
       "CREATE TABLE nt_preferences (tenant_id TEXT NOT NULL REFERENCES tenants(id), user_id TEXT NOT NULL, "
       "email TEXT NOT NULL, daily_summaries INTEGER NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (tenant_id, user_id));"
       "ALTER TABLE nt_inbox ADD COLUMN digest_email TEXT;"
       "ALTER TABLE nt_inbox ADD COLUMN digested_at TEXT;"
       "CREATE INDEX nt_inbox_held ON nt_inbox (tenant_id, user_id, created_at) "
       "WHERE digest_email IS NOT NULL AND digested_at IS NULL;"
       "CREATE TABLE nt_digests (tenant_id TEXT NOT NULL REFERENCES tenants(id), user_id TEXT NOT NULL, "
       "local_date TEXT NOT NULL, sent_at TEXT NOT NULL, PRIMARY KEY (tenant_id, user_id, local_date));"
       "CREATE TABLE nt_once (tenant_id TEXT NOT NULL REFERENCES tenants(id), notice_key TEXT NOT NULL, "
       "created_at TEXT NOT NULL, PRIMARY KEY (tenant_id, notice_key));"}};
}

void Repository::insert(const Scope& s, const Message& m, const std::string& id, const std::string& now) {
  c_.execute(
      "INSERT INTO nt_inbox (id, tenant_id, user_id, title, title_en, body, link, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
      {id, s.tenant_id, m.user_id, m.title, m.title_en, m.body, m.link, now});
}

std::vector<InboxItem> Repository::inbox(const Scope& s, const std::string& user_id, bool unread_only,
                                         int limit) const {
  std::string sql =
      "SELECT id, title, title_en, body, link, created_at, read_at FROM nt_inbox WHERE tenant_id = ? AND user_id = ?";
  if (unread_only) sql += " AND read_at IS NULL";
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?";
  std::vector<InboxItem> out;
  for (const auto& r : c_.query(sql, {s.tenant_id, user_id, limit}))
    out.push_back(
        {r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5), r.optional_text_at(6)});
  return out;
}

std::int64_t Repository::unread(const Scope& s, const std::string& user_id) const {
  auto rows = c_.query("SELECT COUNT(*) FROM nt_inbox WHERE tenant_id = ? AND user_id = ? AND read_at IS NULL",
                       {s.tenant_id, user_id});
  return rows.empty() ? 0 : rows[0].int_at(0);
}

bool Repository::mark_read(const Scope& s, const std::string& user_id, const std::string& id, const std::string& now) {
  auto found = c_.query("SELECT read_at FROM nt_inbox WHERE tenant_id = ? AND user_id = ? AND id = ?",
                        {s.tenant_id, user_id, id});
  if (found.empty()) return false;
  c_.execute("UPDATE nt_inbox SET read_at = ? WHERE tenant_id = ? AND user_id = ? AND id = ? AND read_at IS NULL",
             {now, s.tenant_id, user_id, id});
  return true;
}

void Repository::mark_all_read(const Scope& s, const std::string& user_id, const std::string& now) {
  c_.execute("UPDATE nt_inbox SET read_at = ? WHERE tenant_id = ? AND user_id = ? AND read_at IS NULL",
             {now, s.tenant_id, user_id});
}

void Repository::enqueue(const Scope& s, const Mail& m) {
  c_.execute(
      "INSERT INTO nt_outbox (id, tenant_id, recipient, subject, body, state, attempts, next_attempt_at, last_error, created_at, sent_at) "
      "VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, '', ?, NULL)",
      {m.id, s.tenant_id, m.recipient, m.subject, m.body, m.next_attempt_at, m.created_at});
}

std::vector<Mail> Repository::outbox(const Scope& s, int limit) const {
  std::vector<Mail> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kMailColumns +
                                    " FROM nt_outbox WHERE tenant_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                                {s.tenant_id, limit}))
    out.push_back(mail_from(r));
  return out;
}

std::vector<Mail> Repository::due(const std::string& now, int limit) const {
  std::vector<Mail> out;
  for (const auto& r : c_.query(
           std::string("SELECT ") + kMailColumns +
               " FROM nt_outbox WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
           {now, limit}))
    out.push_back(mail_from(r));
  return out;
}

void Repository::sent(const std::string& id, const std::string& now) {
  c_.execute("UPDATE nt_outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = '' WHERE id = ?",
             {now, id});
}

void Repository::retry(const std::string& id, int attempts, const std::string& next_at, const std::string& error,
                       bool give_up) {
  c_.execute("UPDATE nt_outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
             {give_up ? "failed" : "queued", attempts, next_at, error, id});
}

}  // namespace simpul::notification
