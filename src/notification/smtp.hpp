#pragma once
// E-mail through the operator's SMTP server (docs/service-desk.md, "Notifications"): plain SMTP or
// STARTTLS, AUTH PLAIN with a password read from a file. Blocking; only the sender thread calls it.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace simpul::notification {

struct SmtpConfig {
  std::string host;
  int port = 25;
  bool starttls = false;
  std::string username;
  std::string password;  // read from password_file, never logged
  std::string from;      // "Simpul <simpul@kota.go.id>"
  std::string ca_file;   // trust anchors for STARTTLS (default: the system's)
  int timeout_seconds = 20;
  int retry_base_seconds = 60;  // first retry after this, doubling up to an hour
  int max_attempts = 8;
};

/// The configuration in `file` (key = value lines), or nullopt when the file does not exist.
/// A malformed file throws std::runtime_error naming the line (never a secret).
std::optional<SmtpConfig> load_smtp_config(const std::filesystem::path& file);

/// Delivers one message; throws std::runtime_error with the server's answer (no secrets) on failure.
void send_mail(const SmtpConfig& config, const std::string& to, const std::string& subject, const std::string& body);

/// The message as it goes over the wire after DATA (headers, base64 UTF-8 body), without the final dot.
std::string compose(const SmtpConfig& config, const std::string& to, const std::string& subject,
                    const std::string& body);

}  // namespace simpul::notification
