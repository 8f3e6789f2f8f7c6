// The yearly Pusat Data service review and its reminder (service_review.hpp).
#include "infrastructure/service_review.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "infrastructure/profile_section.hpp"
#include "infrastructure/service_review_repository.hpp"
#include "notification/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {
namespace {

const Actor kReviewScheduler{"system", "Penjadwal Simpul", ""};

std::vector<std::string> review_team_members(storage::Connection& c, const Scope& s, const tenancy::Service& tenancy,
                                             const std::string& team) {
  std::vector<std::string> out;
  for (const auto& t : tenancy.teams(c, s))
    if (t.kind == team)
      for (const auto& m : t.members) out.push_back(m.user_id);
  return out;
}

}  // namespace

ServiceReviewStatus ServiceReviews::status(const Scope& s) const {
  const auto& p = tenancy_.profile_of(s);
  const auto& spec = spec_of(p);
  ServiceReviewStatus out;
  out.rule = spec.service_review_rule;
  out.team = spec.service_review_team;
  out.year = p.today().substr(0, 4);
  storage::read(db_, [&](storage::Connection& c) {
    ServiceReviewRepository repo(c);
    out.reviews = repo.reviews(s);
    if (auto r = repo.reminder(s, out.year)) {
      out.reminded_at = r->first;
      out.recipients = r->second;
    }
    return 0;
  });
  for (const auto& r : out.reviews)
    out.reviewed_this_year = out.reviewed_this_year || r.reviewed_on.substr(0, 4) == out.year;
  return out;
}

ServiceReview ServiceReviews::record(const Scope& s, const std::string& reviewed_on, const std::string& summary,
                                     const Actor& actor) {
  const auto& p = tenancy_.profile_of(s);
  const auto& spec = spec_of(p);
  if (!clock::is_iso_date(reviewed_on))
    throw Error(ErrorCode::ValidationInvalidValue, "reviewed_on", "a date YYYY-MM-DD");
  if (reviewed_on > p.today()) throw Error(ErrorCode::ValidationInvalidValue, "reviewed_on", "not in the future");
  if (summary.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "summary"}});
  ServiceReview r{crypto::new_id(), reviewed_on, summary, actor.name, clock::now_iso()};
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    // Pasal 18 ayat (3): the Tim Koordinasi reviews, so one of its members records the review.
    auto members = review_team_members(c, s, tenancy_, spec.service_review_team);
    if (std::find(members.begin(), members.end(), actor.id) == members.end())
      throw Error(ErrorCode::AuthForbidden, {{"team", spec.service_review_team}},
                  tenancy::rule_ref(p, spec.service_review_rule));
    ServiceReviewRepository(c).insert(s, r);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.service_review.record", "infra_service_review", r.id,
                                        {{"reviewed_on", reviewed_on}}));
    return r;
  });
}

int ServiceReviews::remind() {
  int reminded = 0;
  for (const auto& t : tenancy_.tenants()) {
    try {
      Scope s{t.id};
      const auto& p = tenancy_.profile_of(s);
      const auto& spec = spec_of(p);
      auto rule = tenancy::rule_ref(p, spec.service_review_rule);
      if (!rule) continue;  // the region's text has no yearly review: nothing to remind of
      auto year = p.today().substr(0, 4);
      bool sent = storage::write_transaction(db_, [&](storage::Connection& c) {
        ServiceReviewRepository repo(c);
        if (repo.reminder(s, year)) return false;
        for (const auto& r : repo.reviews(s))
          if (r.reviewed_on.substr(0, 4) == year) return false;  // this year's review is held
        auto members = review_team_members(c, s, tenancy_, spec.service_review_team);
        if (members.empty()) return false;  // nobody to tell yet: the next pass tries again
        for (const auto& user : members) {
          notification::Message m;
          m.user_id = user;
          m.title = "Pengingat reviu layanan Pusat Data tahun " + year + " (" + rule->citation + ")";
          m.title_en = "Reminder: the " + year + " Pusat Data service review (" + rule->citation + ")";
          m.body = "Layanan Pusat Data dapat direviu 1 (satu) kali dalam setahun oleh Tim Koordinasi (" +
                   rule->citation +
                   "). Ini pengingat, bukan pelanggaran: reviu bersifat pilihan ('dapat'). Bila reviu dilaksanakan, "
                   "catat tanggal dan ringkasan hasilnya di halaman Pusat Data.\n\n"
                   "The data centre's services may be reviewed once a year by the Tim Koordinasi (" +
                   rule->citation +
                   "). This is a reminder, not a violation: the review is optional. If it is held, record its date "
                   "and summary on the Pusat Data page.";
          m.link = "/infrastruktur/pusat-data";
          notifications_.notify(c, s, m);
        }
        auto now = clock::now_iso();
        repo.insert_reminder(s, year, now, static_cast<int>(members.size()));
        ledger_.append(
            c, ledger::change_in(s, kReviewScheduler, "infrastructure.service_review.remind", "infra_service_review",
                                 year, {{"year", year}, {"recipients", members.size()}, {"rule", rule->id}}));
        return true;
      });
      if (sent) ++reminded;
    } catch (const std::exception& e) {
      log::error("infrastructure.service_review_reminder_failed", {{"tenant", t.slug}, {"error", e.what()}});
    }
  }
  if (reminded > 0) notifications_.wake();
  return reminded;
}

}  // namespace simpul::infrastructure
