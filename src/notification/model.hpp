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
};

struct InboxItem {
  std::string id, title, title_en, body, link, created_at;
  std::optional<std::string> read_at;
};

/// One e-mail waiting for, or past, delivery.
struct Mail {
  std::string id, tenant_id, recipient, subject, body, state;  // queued | sent | failed
  int attempts = 0;
  std::string next_attempt_at, last_error, created_at;
  std::optional<std::string> sent_at;
};

}  // namespace simpul::notification
