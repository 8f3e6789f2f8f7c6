// The daily digest e-mail (docs/notifications.md, "Daily digest"): the items a user chose to get
// once a day, as one e-mail on the first pass of each local date of the tenant.
#include <map>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "notification/repository.hpp"
#include "notification/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::notification {
namespace {

constexpr std::size_t kDigestLines = 50;

}  // namespace

int Service::send_digests() {
  if (!smtp_) return 0;
  int queued = 0;
  for (const auto& t : tenancy_.tenants()) {
    try {
      Scope s{t.id};
      const auto today = tenancy_.profile_of(t).today();
      storage::write_transaction(db_, [&](storage::Connection& c) {
        Repository repo(c);
        std::map<std::string, std::vector<HeldItem>> by_user;
        for (auto& h : repo.held(s)) by_user[h.user_id].push_back(std::move(h));
        const auto now = clock::now_iso();
        for (const auto& [user_id, items] : by_user) {
          std::vector<HeldItem> unread;
          std::vector<std::string> ids;
          for (const auto& h : items) {
            ids.push_back(h.id);
            if (!h.read) unread.push_back(h);
          }
          if (unread.empty()) {  // read in the console already: nothing to mail
            repo.mark_digested(s, ids, now);
            continue;
          }
          if (!repo.claim_digest(s, user_id, today, now)) continue;  // today's went out: tomorrow's holds these
          Mail mail;
          mail.id = crypto::new_id();
          mail.recipient = unread.back().email;  // the address the latest item was meant for
          mail.subject = "Ringkasan notifikasi harian " + today + ": " + std::to_string(unread.size()) + " notifikasi";
          std::string body;
          for (std::size_t i = 0; i < unread.size() && i < kDigestLines; ++i) {
            body += "- " + unread[i].title + "\n";
            if (!unread[i].link.empty()) body += "  " + unread[i].link + "\n";
          }
          if (unread.size() > kDigestLines)
            body += "... dan " + std::to_string(unread.size() - kDigestLines) + " notifikasi lain di Simpul\n";
          body += "\nDaily digest of your Simpul notifications (" + std::to_string(unread.size()) +
                  "). Choose immediate e-mail or inbox only under Notifikasi > Pengaturan.\n";
          mail.body = body;
          mail.next_attempt_at = now;
          mail.created_at = now;
          repo.enqueue(s, mail);
          repo.mark_digested(s, ids, now);
          ++queued;
        }
      });
    } catch (const std::exception& e) {
      log::error("notification.digest_failed", {{"tenant", t.slug}, {"error", e.what()}});
    }
  }
  if (queued > 0) wake();
  return queued;
}

}  // namespace simpul::notification
