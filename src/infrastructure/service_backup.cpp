// Backup duties, runs and restore tests, and each duty's state on the backup board (part of
// infrastructure::Service; the Jaringan Intra part is service_network.cpp).
#include <algorithm>
#include <chrono>
#include <map>
#include <cstdio>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "infrastructure/backup_records.hpp"
#include "infrastructure/facts.hpp"
#include "infrastructure/repository.hpp"
#include "infrastructure/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {
namespace {

void require_date(const std::string& value, const char* field) {
  if (!clock::is_iso_date(value)) throw Error(ErrorCode::ValidationInvalidValue, field, "must be YYYY-MM-DD");
}

}  // namespace

BackupStatus backup_status(const BackupDuty& d, const std::string& created_on,
                           const std::optional<std::pair<std::string, std::string>>& last_run,
                           const std::optional<std::string>& last_ok_on,
                           const std::optional<std::string>& last_restore_on, bool in_pusat_data,
                           const std::string& today) {
  BackupStatus st;
  st.target_in_pusat_data = in_pusat_data;
  if (last_run) {
    st.last_run_on = last_run->first;
    st.last_result = last_run->second;
  }
  st.last_ok_on = last_ok_on;
  st.last_restore_on = last_restore_on;
  // A new duty is due one schedule period after it was recorded; afterwards after each good run.
  st.overdue = clock::plus_days(last_ok_on.value_or(created_on), d.schedule_days) < today;
  st.last_failed = last_run && last_run->second != "ok";
  st.restore_overdue = clock::plus_days(last_restore_on.value_or(created_on), d.restore_test_days) < today;
  if (!d.exception_basis.empty())
    st.state = "dikecualikan";
  else if (!in_pusat_data)
    st.state = "target_di_luar_pusat_data";
  else if (st.overdue)
    st.state = "terlambat";
  else if (st.last_failed)
    st.state = "gagal";
  else if (st.restore_overdue)
    st.state = "tanpa_uji_pemulihan";
  else
    st.state = "ok";
  return st;
}

void Service::check_duty(storage::Connection& c, const Scope& s, const BackupDuty& in) const {
  const auto& p = profile_of(s);
  const auto& spec = spec_of(p);
  if (in.performed_by != "pd" && in.performed_by != "dinas")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "performed_by"}, {"allowed", boost::json::array{"pd", "dinas"}}});
  // Bandar Lampung Pasal 17 ayat (1): data whose management another law governs is excepted, with
  // that law recorded. Regions without the exception refuse one.
  if (!in.exception_basis.empty() && !spec.backup_legal_exception)
    throw Error(ErrorCode::InfraNoBackupException, {{"field", "exception_basis"}},
                tenancy::rule_ref(p, spec.backup_rule));
  // Balikpapan Pasal 15 ayat (2): the Dinas backs up a PD's data only after the owner's approval.
  if (in.performed_by == "dinas" && spec.backup_by_dinas_rule && in.owner_approval.empty())
    throw Error(ErrorCode::InfraGateRefused,
                {{"field", "owner_approval"}, {"missing", boost::json::array{"owner_approval"}}},
                tenancy::rule_ref(p, spec.backup_by_dinas_rule));
  require_agency(c, s, in.agency_id, "agency_id");
  Repository repo(c);
  if (in.target_site_id && !repo.site(s, *in.target_site_id))
    throw Error(ErrorCode::ValidationInvalidValue, "target_site_id", "not a site of this tenant");
  if (in.data_element_id) {
    auto e = elements_.find(c, s, *in.data_element_id);
    if (!e || e->domain != "data_informasi")
      throw Error(ErrorCode::ValidationInvalidValue, "data_element_id",
                  "not a data set (domain data_informasi) of the architecture");
  }
}

BackupDuty Service::create_duty(const Scope& s, BackupDuty in, const Actor& actor) {
  in.id = crypto::new_id();
  in.created_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    check_duty(c, s, in);
    Repository repo(c);
    repo.insert(s, in);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.backup_duty.create", "infra_backup_duty", in.id,
                                        {{"agency_id", in.agency_id},
                                         {"name", in.name},
                                         {"schedule_days", in.schedule_days},
                                         {"performed_by", in.performed_by},
                                         {"exception_basis", in.exception_basis}}));
    return *repo.duty(s, in.id);
  });
}

BackupDuty Service::duty(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto d = Repository(c).duty(s, id);
    if (!d) throw Error(ErrorCode::InfraBackupDutyNotFound);
    return *d;
  });
}

BackupRun Service::record_run(const Scope& s, const std::string& duty_id, const RunInput& in, const Actor& actor) {
  auto d = duty(s, duty_id);
  if (in.result != "ok" && in.result != "partial" && in.result != "failed")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "result"}, {"allowed", boost::json::array{"ok", "partial", "failed"}}});
  auto started = clock::parse_iso(in.started_at), finished = clock::parse_iso(in.finished_at);
  if (!started) throw Error(ErrorCode::ValidationInvalidValue, "started_at", "must be an ISO-8601 UTC time");
  if (!finished) throw Error(ErrorCode::ValidationInvalidValue, "finished_at", "must be an ISO-8601 UTC time");
  // A few minutes of clock skew between the backup host and the platform are tolerated.
  if (*finished < *started || *finished > clock::now() + std::chrono::minutes(5))
    throw Error(ErrorCode::InfraBackupRunFuture);
  BackupRun r;
  r.id = crypto::new_id();
  r.duty_id = d.id;
  r.started_at = clock::to_iso(*started);
  r.finished_at = clock::to_iso(*finished);
  r.result = in.result;
  r.size_bytes = in.size_bytes;
  r.tool = in.tool;
  r.note = in.note;
  r.source = in.source;
  r.recorded_by_name = actor.name;
  r.recorded_at = clock::now_iso();
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository(c).insert(s, r);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.backup_run.record", "infra_backup_duty", d.id,
                                        {{"run_id", r.id},
                                         {"finished_at", r.finished_at},
                                         {"result", r.result},
                                         {"size_bytes", r.size_bytes},
                                         {"source", r.source}}));
  });
  return r;
}

RestoreTest Service::record_restore_test(const Scope& s, const std::string& duty_id, RestoreTest in,
                                         const Actor& actor) {
  auto d = duty(s, duty_id);
  require_date(in.date, "date");
  if (in.date > profile_of(s).today()) throw Error(ErrorCode::ValidationInvalidValue, "date", "is in the future");
  if (in.result != "berhasil" && in.result != "gagal")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "result"}, {"allowed", boost::json::array{"berhasil", "gagal"}}});
  in.id = crypto::new_id();
  in.duty_id = d.id;
  in.recorded_by_name = actor.name;
  in.recorded_at = clock::now_iso();
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository(c).insert(s, in);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.restore_test.record", "infra_backup_duty", d.id,
                                        {{"test_id", in.id}, {"date", in.date}, {"result", in.result}}));
  });
  return in;
}

std::vector<BackupRun> Service::runs(const Scope& s, const std::string& duty_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).runs(s, duty_id, 100); });
}

std::vector<RestoreTest> Service::restore_tests(const Scope& s, const std::string& duty_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).restore_tests(s, duty_id); });
}

BackupRecords backup_records(const Repository& repo, const Scope& s) {
  return {repo.last_runs(s), repo.last_ok_runs(s), repo.last_restore_tests(s)};
}

BackupStatus duty_status(const BackupDuty& d, const tenancy::Profile& p, const BackupRecords& records,
                         const std::map<std::string, Site>& sites, const std::string& today) {
  const auto& spec = spec_of(p);
  std::optional<std::pair<std::string, std::string>> run;
  if (auto it = records.last.find(d.id); it != records.last.end())
    run = std::make_pair(p.local_date(it->second.first), it->second.second);
  std::optional<std::string> ok_on, restore_on;
  if (auto it = records.ok.find(d.id); it != records.ok.end()) ok_on = p.local_date(it->second);
  if (auto it = records.restored.find(d.id); it != records.restored.end()) restore_on = it->second;
  bool in_pd = false;
  if (d.target_site_id)
    if (auto it = sites.find(*d.target_site_id); it != sites.end())
      in_pd = it->second.status == "operasi" && std::find(spec.pusat_data_kinds.begin(), spec.pusat_data_kinds.end(),
                                                          it->second.kind) != spec.pusat_data_kinds.end();
  return backup_status(d, p.local_date(d.created_at), run, ok_on, restore_on, in_pd, today);
}

std::vector<DutyView> Service::board(const Scope& s, const std::string& agency_id, const std::string& today) const {
  const auto& p = profile_of(s);
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    std::map<std::string, Site> sites;
    for (auto& x : repo.sites(s, "")) sites.emplace(x.id, std::move(x));
    auto records = backup_records(repo, s);
    std::vector<DutyView> out;
    for (auto& d : repo.duties(s, agency_id)) {
      auto st = duty_status(d, p, records, sites, today);
      out.push_back({std::move(d), std::move(st)});
    }
    return out;
  });
}

}  // namespace simpul::infrastructure
