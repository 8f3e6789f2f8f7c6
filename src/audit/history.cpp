// An object's audit history and the imported history of the applications' recorded last audit
// dates (docs/ict-audit.md, "Object audit history", "Imported history").
#include <algorithm>

#include "audit/history_repository.hpp"
#include "audit/repository.hpp"
#include "audit/service.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::audit {
namespace {

std::string history_kind(const std::string& domain) {
  if (domain == "aplikasi") return "application";
  if (domain == "infrastruktur") return "infrastructure";
  if (domain == "keamanan") return "control";
  return "other";
}

/// The date a programme is placed at in a history: its report, else its start, else its plan.
std::string history_date(const Programme& p) { return p.report_date.value_or(p.started_on.value_or(p.planned_start)); }

/// The completed, imported application audit a recorded date stands for.
Programme imported_programme(const std::string& application_id, const std::string& date, const std::string& now) {
  Programme p;
  p.id = crypto::new_id();
  p.type = "aplikasi";
  p.kind = "eksternal";
  p.title = "Audit aplikasi (riwayat impor dari catatan aplikasi)";
  p.object_ids = {application_id};
  p.auditor_name = "Tidak tercatat (riwayat impor)";
  p.planned_start = p.planned_end = date;
  p.state = "ditutup";
  p.started_on = p.report_date = p.closed_on = date;
  p.imported = true;
  p.created_at = p.updated_at = now;
  return p;
}

}  // namespace

ObjectHistory Service::history(const Scope& s, const std::string& object_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto element = elements_.find(c, s, object_id);
    if (!element) throw Error(ErrorCode::ElementNotFound);
    ObjectHistory out;
    out.object = *element;
    out.kind = history_kind(element->domain);
    Repository repo(c);
    HistoryRepository history(c);
    for (const auto& id : history.programmes_covering(s, object_id))
      if (auto p = repo.programme(s, id)) out.programmes.push_back(std::move(*p));
    for (const auto& id : history.findings_about(s, object_id))
      if (auto f = repo.finding(s, id)) out.findings.push_back(std::move(*f));
    std::sort(out.programmes.begin(), out.programmes.end(), [](const Programme& a, const Programme& b) {
      auto da = history_date(a), db = history_date(b);
      return da != db ? da > db : a.id < b.id;
    });
    std::sort(out.findings.begin(), out.findings.end(), [](const Finding& a, const Finding& b) {
      return a.created_at != b.created_at ? a.created_at > b.created_at : a.id < b.id;
    });
    for (const auto& f : out.findings)
      if (!out.programme_titles.count(f.programme_id))
        if (auto p = repo.programme(s, f.programme_id)) out.programme_titles[f.programme_id] = p->title;
    return out;
  });
}

int Service::import_recorded_audits(const Scope& s) {
  if (!recorded_audits_ || !audit_profile(profile_of(s)).type("aplikasi")) return 0;
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto audited = HistoryRepository(c).audited_applications(s);
    Repository repo(c);
    int made = 0;
    for (const auto& [application_id, date] : recorded_audits_(c, s)) {
      if (!clock::is_iso_date(date) || audited.count(application_id)) continue;
      auto p = imported_programme(application_id, date, clock::now_iso());
      repo.insert(s, p);
      repo.save_steps(s, p);  // the dates, and the object's last application audit
      ledger_.append(
          c, ledger::change_in(s, Actor{"system", "Penjadwal Simpul", ""}, "audit.imported", "audit_programme", p.id,
                               {{"object_id", application_id}, {"report_date", date}}));
      ++made;
    }
    return made;
  });
}

int Service::import_recorded_audits() {
  int made = 0;
  for (const auto& tenant : tenancy_.tenants()) made += import_recorded_audits(Scope{tenant.id});
  return made;
}

}  // namespace simpul::audit
