// Audit findings (docs/ict-audit.md, "Findings"): recorded on a running programme with the
// responsible Perangkat Daerah told, followed up by that agency and verified by the auditor.
#include "audit/errors.hpp"
#include "audit/repository.hpp"
#include "audit/service.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::audit {
namespace {

void require_finding_date(const std::string& value, const char* field) {
  if (!clock::is_iso_date(value))
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"expected", "YYYY-MM-DD"}});
}

/// The date part of a UTC timestamp.
std::string day_of(const std::string& iso) { return iso.substr(0, 10); }

}  // namespace

Finding Service::add_finding(const Scope& s, const std::string& programme_id, Finding in, const Actor& actor) {
  if (in.severity != "rendah" && in.severity != "sedang" && in.severity != "tinggi")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "severity"}, {"allowed", boost::json::array{"rendah", "sedang", "tinggi"}}});
  require_finding_date(in.due_date, "due_date");
  auto recipients = agency_users(s, in.agency_id);  // read first: the inbox items commit with the finding
  auto out = storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto prog = repo.programme(s, programme_id);
    if (!prog) throw Error(kProgrammeNotFound);
    if (prog->state == "ditutup") throw Error(kProgrammeClosed, {{"state", prog->state}});
    if (prog->state == "direncanakan") throw Error(kBadStep, {{"state", prog->state}});
    bool object_known = false;
    for (const auto& o : prog->object_ids) object_known = object_known || o == in.object_id;
    if (!object_known)
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "object_id"}, {"reason", "not an object of this programme"}});
    if (!tenancy_.agency(c, s, in.agency_id)) throw Error(ErrorCode::ValidationInvalidValue, {{"field", "agency_id"}});
    if (in.control_id) {
      // A security control is an element of the security architecture (domain keamanan) of this tenant.
      auto control = elements_.find(c, s, *in.control_id);
      if (!control || control->domain != "keamanan")
        throw Error(ErrorCode::ValidationInvalidValue,
                    {{"field", "control_id"}, {"reason", "not a security control (architecture domain keamanan)"}});
    }
    if (prog->started_on && in.due_date < *prog->started_on)
      throw Error(kBadDate, {{"field", "due_date"}, {"reason", "before the audit began"}});
    in.id = crypto::new_id();
    in.programme_id = programme_id;
    in.state = "terbuka";
    in.created_at = clock::now_iso();
    repo.insert(s, in);
    ledger_.append(c, ledger::change_in(s, actor, "audit.finding", "audit_programme", programme_id,
                                        {{"finding_id", in.id},
                                         {"object_id", in.object_id},
                                         {"control_id", in.control_id ? boost::json::value(*in.control_id)
                                                                      : boost::json::value(nullptr)},
                                         {"severity", in.severity},
                                         {"agency_id", in.agency_id},
                                         {"due_date", in.due_date}}));
    tell_agency(c, s, recipients, "Temuan audit baru: " + in.title, "New audit finding: " + in.title,
                prog->title + "\nTingkat: " + in.severity + "\nBatas tindak lanjut: " + in.due_date +
                    "\nTindakan yang disepakati: " + in.agreed_action,
                "/audit/temuan");
    return in;
  });
  notifications_.wake();
  return out;
}

std::vector<Finding> Service::findings(const Scope& s, const std::string& programme_id,
                                       const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).findings(s, programme_id, agency_id); });
}

Finding Service::finding(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto f = Repository(c).finding(s, id);
    if (!f) throw Error(kFindingNotFound);
    return *f;
  });
}

Finding Service::follow_up(const Scope& s, const std::string& id, const std::string& evidence, const std::string& date,
                           const Actor& actor, const std::string& today) {
  require_finding_date(date, "date");
  if (date > today) throw Error(kBadDate, {{"field", "date"}, {"reason", "in the future"}});
  if (evidence.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "evidence"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto f = repo.finding(s, id);
    if (!f) throw Error(kFindingNotFound);
    if (f->state == "terverifikasi") throw Error(kFindingClosed, {{"state", f->state}});
    if (date < day_of(f->created_at)) throw Error(kBadDate, {{"field", "date"}, {"reason", "before the finding"}});
    f->state = "ditindaklanjuti";
    f->evidence = evidence;
    f->followed_up_on = date;
    repo.save_follow_up(s, *f);
    ledger_.append(c, ledger::change_in(s, actor, "audit.follow_up", "audit_finding", id,
                                        {{"date", date}, {"evidence", evidence}}));
    return *f;
  });
}

Finding Service::verify(const Scope& s, const std::string& id, const std::string& date, const Actor& actor,
                        const std::string& today) {
  require_finding_date(date, "date");
  if (date > today) throw Error(kBadDate, {{"field", "date"}, {"reason", "in the future"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto f = repo.finding(s, id);
    if (!f) throw Error(kFindingNotFound);
    if (f->state != "ditindaklanjuti") throw Error(kBadStep, {{"state", f->state}});
    if (date < *f->followed_up_on) throw Error(kBadDate, {{"field", "date"}, {"reason", "before the follow-up"}});
    f->state = "terverifikasi";
    f->verified_on = date;
    f->verified_by_name = actor.name;
    repo.save_follow_up(s, *f);
    ledger_.append(c, ledger::change_in(s, actor, "audit.verify", "audit_finding", id, {{"date", date}}));
    return *f;
  });
}

}  // namespace simpul::audit
