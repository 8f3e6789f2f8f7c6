// The records around a programme: its report files, logged corrections once it is closed, the
// coordination its article asks for, and the follow-up reminders (docs/ict-audit.md).
#include <algorithm>

#include "audit/errors.hpp"
#include "audit/repository.hpp"
#include "audit/service.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "storage/blob_store.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::audit {
namespace {

bool begins_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// The report's type from its bytes, never from its name: a PDF, or a DOCX (a ZIP package whose
/// entries include the Word document part). Empty when it is neither.
std::string sniff_report(const std::string& content) {
  if (begins_with(content, "%PDF-")) return "application/pdf";
  if (begins_with(content, std::string_view("PK\x03\x04", 4)) &&
      content.find("[Content_Types].xml") != std::string::npos &&
      content.find("word/document.xml") != std::string::npos)
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  return "";
}

void check_record_date(const std::string& value, const char* field, const std::string& today) {
  if (!clock::is_iso_date(value))
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"expected", "YYYY-MM-DD"}});
  if (value > today) throw Error(kBadDate, {{"field", field}, {"reason", "in the future"}});
}

std::optional<std::string>* programme_date(Programme& p, const std::string& field) {
  if (field == "started_on") return &p.started_on;
  if (field == "report_date") return &p.report_date;
  if (field == "closed_on") return &p.closed_on;
  return nullptr;
}

std::string* programme_text(Programme& p, const std::string& field) {
  if (field == "title") return &p.title;
  if (field == "auditor_name") return &p.auditor_name;
  if (field == "auditor_reference") return &p.auditor_reference;
  if (field == "team_decree_number") return &p.team_decree_number;
  if (field == "team_decree_date") return &p.team_decree_date;
  return nullptr;
}

}  // namespace

const std::vector<std::string>& correctable_fields() {
  static const std::vector<std::string> k = {
      "title",      "auditor_name", "auditor_reference", "team_decree_number", "team_decree_date",
      "started_on", "report_date",  "closed_on"};
  return k;
}

Report Service::upload_report(const Scope& s, const std::string& programme_id, const std::string& filename,
                              const std::string& content, const Actor& actor) {
  if (content.size() > kMaxReportBytes) throw Error(kReportTooLarge, {{"max_bytes", kMaxReportBytes}});
  auto type = sniff_report(content);
  if (type.empty()) throw Error(kReportType);
  Report r;
  r.id = crypto::new_id();
  r.programme_id = programme_id;
  r.filename = filename;
  r.content_type = type;
  r.size = static_cast<std::int64_t>(content.size());
  r.sha256 = crypto::sha256_hex(content);
  r.uploaded_by_name = actor.name;
  r.uploaded_at = clock::now_iso();
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto prog = repo.programme(s, programme_id);
    if (!prog) throw Error(kProgrammeNotFound);
    // The report exists once the audit has begun; a closed programme changes only by correction.
    if (prog->state == "ditutup") throw Error(kProgrammeClosed, {{"state", prog->state}});
    if (prog->state == "direncanakan")
      throw Error(kBadStep, {{"state", prog->state}, {"reason", "the audit has not started"}});
    auto previous = repo.reports(s, programme_id);
    r.version = previous.empty() ? 1 : previous.front().version + 1;
    storage::put_blob(c, s.tenant_id, r.sha256, r.size, crypto::to_base64(content), r.uploaded_at);
    repo.insert(s, r);
    ledger_.append(c, ledger::change_in(s, actor, "audit.report", "audit_programme", programme_id,
                                        {{"report_id", r.id},
                                         {"version", r.version},
                                         {"filename", filename},
                                         {"sha256", r.sha256},
                                         {"size", r.size}}));
  });
  return r;
}

std::pair<Report, std::string> Service::download_report(const Scope& s, const std::string& report_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto r = Repository(c).report(s, report_id);
    if (!r) throw Error(kReportNotFound);
    auto text = storage::blob_base64(c, s.tenant_id, r->sha256);
    std::string bytes;
    if (!text || !crypto::from_base64(*text, bytes)) throw Error(kReportNotFound);
    return std::make_pair(*r, bytes);
  });
}

ProgrammeView Service::correct(const Scope& s, const std::string& programme_id, const std::string& field,
                               const std::string& value, const std::string& reason, const Actor& actor,
                               const std::string& today) {
  const auto& fields = correctable_fields();
  if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
    boost::json::array allowed;
    for (const auto& f : fields) allowed.emplace_back(f);
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "field"}, {"allowed", allowed}});
  }
  if (reason.size() < 10)
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "reason"}, {"reason", "say why, at least 10 characters"}});
  if (value.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "value"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto prog = repo.programme(s, programme_id);
    if (!prog) throw Error(kProgrammeNotFound);
    // Before it is closed a programme is still being recorded through its steps.
    if (prog->state != "ditutup")
      throw Error(kBadStep, {{"state", prog->state}, {"reason", "only a closed programme is corrected"}});
    Programme after = *prog;
    std::string old_value;
    if (auto* d = programme_date(after, field)) {
      check_record_date(value, "value", today);
      old_value = d->value_or("");
      *d = value;
      // The corrected dates keep the order of the steps (a report never before the audit began).
      if (*after.report_date < *after.started_on || *after.closed_on < *after.report_date)
        throw Error(kBadDate, {{"field", "value"},
                               {"reason", "out of the order of the steps"},
                               {"started_on", *after.started_on},
                               {"report_date", *after.report_date},
                               {"closed_on", *after.closed_on}});
    } else {
      if (field == "team_decree_date" && !clock::is_iso_date(value))
        throw Error(ErrorCode::ValidationInvalidValue, {{"field", "value"}, {"expected", "YYYY-MM-DD"}});
      auto* t = programme_text(after, field);
      old_value = *t;
      *t = value;
    }
    if (old_value == value)
      throw Error(ErrorCode::ValidationInvalidValue, {{"field", "value"}, {"reason", "unchanged"}});
    Correction x{crypto::new_id(), programme_id, field, old_value, value, reason, actor.name, clock::now_iso()};
    repo.correct(s, programme_id, field, value, x.corrected_at);
    repo.insert(s, x);
    ledger_.append(c, ledger::change_in(s, actor, "audit.correction", "audit_programme", programme_id,
                                        {{"field", field}, {"old", old_value}, {"new", value}, {"reason", reason}}));
    return view(c, s, *repo.programme(s, programme_id), today);
  });
}

ProgrammeView Service::coordinate(const Scope& s, const std::string& programme_id, const std::string& date,
                                  const std::string& note, const Actor& actor, const std::string& today) {
  const auto& p = profile_of(s);
  const auto& a = audit_profile(p);
  check_record_date(date, "date", today);
  if (note.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "note"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto prog = repo.programme(s, programme_id);
    if (!prog) throw Error(kProgrammeNotFound);
    const auto* type = a.type(prog->type);
    if (!type || !type->coordination_rule)
      throw Error(kNotStated,
                  {{"reason", "the regulation states no coordination for this audit type"}, {"type", prog->type}});
    if (prog->state == "ditutup") throw Error(kProgrammeClosed, {{"state", prog->state}});
    if (prog->state == "direncanakan")
      throw Error(kBadStep, {{"state", prog->state}, {"reason", "the audit has not started"}});
    if (prog->started_on && date < *prog->started_on)
      throw Error(kBadDate,
                  {{"field", "date"}, {"reason", "before the audit began"}, {"started_on", *prog->started_on}});
    Coordination x{crypto::new_id(), programme_id, a.coordination_with, date, note, actor.name, clock::now_iso()};
    repo.insert(s, x);
    ledger_.append(c, ledger::change_in(s, actor, "audit.coordination", "audit_programme", programme_id,
                                        {{"with", x.with}, {"date", date}, {"note", note}}));
    return view(c, s, *prog, today);
  });
}

std::vector<identity::User> Service::agency_users(const Scope& s, const std::string& agency_id) const {
  std::vector<identity::User> out;
  ListQuery q;
  q.per_page = 500;
  std::int64_t total = 0;
  for (auto& u : identity_.list_users(s, q, agency_id, total))
    if (u.active) out.push_back(std::move(u));
  return out;
}

void Service::tell_agency(storage::Connection& c, const Scope& s, const std::vector<identity::User>& users,
                          const std::string& title, const std::string& title_en, const std::string& body,
                          const std::string& link) const {
  for (const auto& u : users) {
    notification::Message m;
    m.user_id = u.id;
    m.email = u.email;
    m.title = title;
    m.title_en = title_en;
    m.body = body;
    m.link = link;
    notifications_.notify(c, s, m);
  }
}

int Service::remind_follow_ups() {
  int reminded = 0;
  for (const auto& tenant : tenancy_.tenants()) {
    Scope s{tenant.id};
    const auto& p = profile_of(s);
    auto today = p.today();
    auto due = storage::read(db_, [&](storage::Connection& c) {
      return Repository(c).findings_to_remind(s, clock::plus_days(today, kReminderDays));
    });
    for (const auto& f : due) {
      auto users = agency_users(s, f.agency_id);
      storage::write_transaction(db_, [&](storage::Connection& c) {
        Repository repo(c);
        auto current = repo.finding(s, f.id);
        if (!current || current->state != "terbuka") return;
        bool late = f.due_date < today;
        tell_agency(
            c, s, users,
            (late ? "Tindak lanjut temuan audit terlambat: " : "Tindak lanjut temuan audit segera jatuh tempo: ") +
                f.title,
            (late ? "Audit finding follow-up overdue: " : "Audit finding follow-up due soon: ") + f.title,
            "Batas tindak lanjut: " + f.due_date + "\nTindakan yang disepakati: " + f.agreed_action, "/audit/temuan");
        repo.mark_reminded(s, f.id, today);
        ledger_.append(
            c, ledger::change_in(s, Actor{"system", "Penjadwal Simpul", ""}, "audit.reminder", "audit_finding", f.id,
                                 {{"due_date", f.due_date}, {"recipients", users.size()}}));
        ++reminded;
      });
    }
  }
  if (reminded > 0) notifications_.wake();
  return reminded;
}

std::vector<Programme> Service::programmes(storage::Connection& c, const Scope& s) const {
  return Repository(c).programmes(s, "");
}

std::vector<Finding> Service::findings(storage::Connection& c, const Scope& s, const std::string& agency_id) const {
  return Repository(c).findings(s, "", agency_id);
}

}  // namespace simpul::audit
