#pragma once
// Inbound e-mail to the desk (docs/service-desk.md, "Inbound e-mail"): the parts of an RFC 5322
// message the desk uses, read without trusting it (size-limited, encodings checked, plain text only).
#include <optional>
#include <string>

namespace simpul::servicedesk {

constexpr std::size_t kMaxInboundMailBytes = 1024 * 1024;

struct InboundMail {
  std::string from;     // the sender's address, lower case
  std::string subject;  // decoded (RFC 2047), UTF-8
  std::string body;     // the first text/plain part, decoded, without quoted reply lines
};

/// The message, or nullopt with `problem` set when it is malformed (no header block, no sender,
/// an encoding it cannot decode, no plain-text part, not UTF-8).
std::optional<InboundMail> parse_mail(const std::string& raw, std::string& problem);

/// "TK-2026-00001" from a subject carrying "[#TK-2026-00001]"; empty when there is none.
std::string ticket_number_in(const std::string& subject);

}  // namespace simpul::servicedesk
