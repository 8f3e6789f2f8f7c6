// Inbound e-mail to the desk (docs/service-desk.md, "Inbound e-mail"): a Maildir the operator's
// MTA delivers to, one per tenant, read by a job. The message acts as its sender, a known active
// user of the tenant, with exactly the rights that user has in the console.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <cctype>

#include "core/log.hpp"
#include "storage/unit_of_work.hpp"
#include "servicedesk/mail.hpp"
#include "servicedesk/profile_section.hpp"
#include "servicedesk/service.hpp"

namespace simpul::servicedesk {
namespace {

namespace fs = std::filesystem;

/// Moves a message out of new/ so it is never read twice; `folder` is cur or refused.
void file_away(const fs::path& maildir, const fs::path& message, const char* folder) {
  std::error_code ec;
  fs::create_directories(maildir / folder, ec);
  std::string name = message.filename().string();
  if (std::string(folder) == "cur" && name.find(":2,") == std::string::npos) name += ":2,S";
  fs::rename(message, maildir / folder / name, ec);
  if (ec) fs::remove(message, ec);  // never read it again, whatever happens
}

std::string mail_ticket_type(const DeskRules& rules) {
  for (const char* preferred : {"permintaan", "gangguan"})
    if (rules.type(preferred)) return preferred;
  return rules.types.empty() ? "" : rules.types.front().id;
}

std::string clipped(const std::string& s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return s.substr(0, cut);
}

}  // namespace

Service::MailOutcome Service::receive_mail(const Scope& s, const std::filesystem::path& maildir) {
  MailOutcome out;
  std::error_code ec;
  if (!fs::is_directory(maildir / "new", ec)) return out;
  std::vector<fs::path> messages;
  for (const auto& entry : fs::directory_iterator(maildir / "new", ec))
    if (entry.is_regular_file(ec)) messages.push_back(entry.path());
  std::sort(messages.begin(), messages.end());
  if (messages.empty()) return out;

  // Senders: the tenant's active users by address.
  std::map<std::string, identity::User> by_address;
  ListQuery all;
  all.per_page = 1000;
  for (std::int64_t total = 0, seen = 0; all.page == 1 || seen < total; ++all.page) {
    auto page = identity_.list_users(s, all, std::nullopt, total);
    if (page.empty()) break;
    seen += static_cast<std::int64_t>(page.size());
    for (auto& u : page) {
      std::string address = u.email;
      std::transform(address.begin(), address.end(), address.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (u.active && !address.empty()) by_address.emplace(address, std::move(u));
    }
  }
  const auto& rules = rules_of(profile_of(s));

  for (const auto& message : messages) {
    auto refuse = [&](const std::string& reason, const std::string& sender) {
      log::warn(
          "servicedesk.mail_refused",
          {{"tenant", s.tenant_id}, {"file", message.filename().string()}, {"sender", sender}, {"reason", reason}});
      file_away(maildir, message, "refused");
      ++out.refused;
    };
    auto size = fs::file_size(message, ec);
    if (ec || size > kMaxInboundMailBytes) {
      refuse(ec ? "unreadable" : "larger than 1 MB", "");
      continue;
    }
    std::ifstream in(message, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string problem;
    auto mail = parse_mail(buffer.str(), problem);
    if (!mail) {
      refuse(problem, "");
      continue;
    }
    auto sender = by_address.find(mail->from);
    if (sender == by_address.end()) {
      refuse("unknown sender", mail->from);
      continue;
    }
    const auto& u = sender->second;
    Caller who{s, Actor{u.id, u.display_name, u.agency_id}, false, false};
    try {
      auto number = ticket_number_in(mail->subject);
      if (!number.empty()) {
        auto ticket =
            storage::read(db_, [&](storage::Connection& c) { return Repository(c).ticket_by_number(s, number); });
        if (!ticket) throw Error(ErrorCode::SdTicketNotFound);
        comment(who, ticket->id, clipped(mail->body.empty() ? mail->subject : mail->body, 8000), false);
        ++out.commented;
      } else {
        TicketInput t;
        t.type = mail_ticket_type(rules);
        t.title = clipped(mail->subject.empty() ? "(tanpa judul)" : mail->subject, 200);
        t.description = clipped(mail->body, 8000);
        t.urgency = "sedang";
        t.impact = "sedang";
        open(who, t);
        ++out.opened;
      }
      file_away(maildir, message, "cur");
    } catch (const Error& e) {
      refuse(std::string(error_code_string(e.code())), mail->from);
    }
  }
  return out;
}

}  // namespace simpul::servicedesk
