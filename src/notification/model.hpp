#pragma once
// Notifications: an in-app inbox per user and e-mail through the operator's SMTP server.
#include <cstdint>
#include <optional>
#include <string>

namespace simpul::notification {

/// What a module asks to tell one user.
struct Message {
  std::string user_id;
  std::string email;  // empty: inbox only
  std::string title, title_en;
  std::string body;  // plain text, Indonesian first
  std::string link;  // console path, e.g. /servicedesk/tickets/<id>
  /// E-mailed at once whatever the user chose (a password reset link cannot wait for a digest).
  bool urgent = false;
};

/// How a user wants to be told, set by the user only (docs/notifications.md, "Preferences"). The
/// inbox always gets every message; the choice is about e-mail.
struct Preference {
  std::string email = "immediate";  // immediate | daily (one digest e-mail a day) | none (inbox only)
  bool daily_summaries = true;      // the daily summaries modules send (the service desk's queue digest)
  std::optional<std::string> updated_at;
};

struct InboxItem {
  std::string id, title, title_en, body, link, created_at;
  std::optional<std::string> read_at;
};

/// An inbox item waiting for its user's daily digest e-mail.
struct HeldItem {
  std::string id, user_id, email, title, link, created_at;
  bool read = false;
};

/// One e-mail waiting for, or past, delivery.
struct Mail {
  std::string id, tenant_id, recipient, subject, body, state;  // queued | sent | failed
  int attempts = 0;
  std::string next_attempt_at, last_error, created_at;
  std::optional<std::string> sent_at;
};

}  // namespace simpul::notification
