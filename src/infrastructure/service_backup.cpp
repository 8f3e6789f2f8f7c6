// Backup duties, runs and restore tests; PD LANs with their diagrams; network devices with their
// change reports (the second half of infrastructure::Service).
#include <algorithm>
#include <chrono>
#include <map>
#include <cstdio>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "infrastructure/backup_records.hpp"
#include "infrastructure/facts.hpp"
#include "infrastructure/repository.hpp"
#include "infrastructure/service.hpp"
#include "storage/blob_store.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {
namespace {

constexpr std::size_t kMaxDiagramBytes = 10 * 1024 * 1024;

void require_date(const std::string& value, const char* field) {
  if (!clock::is_iso_date(value)) throw Error(ErrorCode::ValidationInvalidValue, field, "must be YYYY-MM-DD");
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// The diagram's type from its first bytes, never from its name or the client's header: PDF, PNG,
/// SVG or a draw.io file; empty when it is none of them.
std::string sniff_diagram(const std::string& content) {
  std::string_view head(content.data(), std::min<std::size_t>(content.size(), 2048));
  if (starts_with(head, "%PDF-")) return "application/pdf";
  if (starts_with(head, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (!text::is_valid_utf8(content)) return "";
  auto pos = head.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (pos == std::string_view::npos) return "";
  head.remove_prefix(pos);
  if (starts_with(head, "<?xml")) {
    auto end = head.find("?>");
    if (end == std::string_view::npos) return "";
    head.remove_prefix(end + 2);
    auto next = head.find_first_not_of(" \t\r\n");
    if (next == std::string_view::npos) return "";
    head.remove_prefix(next);
    while (starts_with(head, "<!--") || starts_with(head, "<!DOCTYPE")) {
      auto close = head.find('>');
      if (close == std::string_view::npos) return "";
      head.remove_prefix(close + 1);
      next = head.find_first_not_of(" \t\r\n");
      if (next == std::string_view::npos) return "";
      head.remove_prefix(next);
    }
  }
  if (starts_with(head, "<svg")) return "image/svg+xml";
  if (starts_with(head, "<mxfile") || starts_with(head, "<mxGraphModel")) return "application/vnd.jgraph.mxfile";
  return "";
}

std::chrono::sys_days days_of(const std::string& date) {
  int y = 0;
  unsigned m = 0, d = 0;
  std::sscanf(date.c_str(), "%d-%u-%u", &y, &m, &d);
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

}  // namespace

std::string add_days(const std::string& date, int days) {
  std::chrono::year_month_day ymd{days_of(date) + std::chrono::days{days}};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return out;
}

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
  st.overdue = add_days(last_ok_on.value_or(created_on), d.schedule_days) < today;
  st.last_failed = last_run && last_run->second != "ok";
  st.restore_overdue = add_days(last_restore_on.value_or(created_on), d.restore_test_days) < today;
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

void Service::check_lan(storage::Connection& c, const Scope& s, const Lan& in) const {
  if (in.built_by != "dinas" && in.built_by != "pd_mandiri_tik")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "built_by"}, {"allowed", boost::json::array{"dinas", "pd_mandiri_tik"}}});
  require_date(in.registered_on, "registered_on");
  require_agency(c, s, in.agency_id, "agency_id");
  // A LAN built by the PD itself is for a PD Mandiri TIK only (Balikpapan Pasal 17 ayat (1) huruf b, Madiun Pasal 18
  // ayat (6) huruf b).
  if (in.built_by == "pd_mandiri_tik" && !compliance_.tenant_facts(c, s).agency_has_flag(in.agency_id, "mandiri_tik"))
    throw Error(ErrorCode::ValidationInvalidValue, "built_by", "the agency is not a PD Mandiri TIK");
}

Lan Service::create_lan(const Scope& s, Lan in, const Actor& actor) {
  in.id = crypto::new_id();
  in.created_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    check_lan(c, s, in);
    Repository repo(c);
    repo.insert(s, in);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.lan.create", "infra_lan", in.id,
                                        {{"agency_id", in.agency_id}, {"name", in.name}, {"built_by", in.built_by}}));
    return *repo.lan(s, in.id);
  });
}

std::vector<Lan> Service::lans(const Scope& s, const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).lans(s, agency_id); });
}

Lan Service::lan(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto l = Repository(c).lan(s, id);
    if (!l) throw Error(ErrorCode::InfraLanNotFound);
    return *l;
  });
}

Diagram Service::upload_diagram(const Scope& s, const std::string& lan_id, const std::string& filename,
                                const std::string& content, const Actor& actor) {
  auto l = lan(s, lan_id);
  if (content.size() > kMaxDiagramBytes)
    throw Error(ErrorCode::InfraDiagramTooLarge, {{"max_bytes", kMaxDiagramBytes}});
  auto type = sniff_diagram(content);
  if (type.empty()) throw Error(ErrorCode::InfraDiagramType);
  Diagram d;
  d.id = crypto::new_id();
  d.lan_id = l.id;
  d.filename = filename;
  d.content_type = type;
  d.size = static_cast<std::int64_t>(content.size());
  d.sha256 = crypto::sha256_hex(content);
  d.uploaded_by_name = actor.name;
  d.uploaded_at = clock::now_iso();
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto previous = repo.diagrams(s, lan_id);
    d.version = previous.empty() ? 1 : previous.front().version + 1;
    storage::put_blob(c, s.tenant_id, d.sha256, d.size, crypto::to_base64(content), d.uploaded_at);
    repo.insert(s, d);
    ledger_.append(c,
                   ledger::change_in(
                       s, actor, "infrastructure.lan.diagram", "infra_lan", lan_id,
                       {{"diagram_id", d.id}, {"version", d.version}, {"filename", filename}, {"sha256", d.sha256}}));
  });
  return d;
}

std::vector<Diagram> Service::diagrams(const Scope& s, const std::string& lan_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).diagrams(s, lan_id); });
}

std::pair<Diagram, std::string> Service::download_diagram(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto d = Repository(c).diagram(s, id);
    if (!d) throw Error(ErrorCode::InfraDiagramNotFound);
    auto text = storage::blob_base64(c, s.tenant_id, d->sha256);
    std::string bytes;
    if (!text || !crypto::from_base64(*text, bytes)) throw Error(ErrorCode::InfraDiagramNotFound);
    return std::make_pair(*d, bytes);
  });
}

void check_device(const Device& d, const std::string& today) {
  bool known = false;
  for (const auto& k : device_kinds()) known = known || k.id == d.kind;
  if (!known) throw Error(ErrorCode::ValidationInvalidValue, "kind", "not a device kind");
  require_date(d.last_change_on, "installed_on");
  if (d.last_change_on > today) throw Error(ErrorCode::ValidationInvalidValue, "installed_on", "is in the future");
}

Device Service::create_device(const Scope& s, Device in, const Actor& actor) {
  check_device(in, profile_of(s).today());
  in.id = crypto::new_id();
  in.last_change = "pemasangan";
  in.created_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_agency(c, s, in.agency_id, "agency_id");
    Repository repo(c);
    repo.insert(s, in);
    ledger_.append(
        c, ledger::change_in(
               s, actor, "infrastructure.device.create", "infra_device", in.id,
               {{"agency_id", in.agency_id}, {"name", in.name}, {"kind", in.kind}, {"coordination", in.coordination}}));
    return *repo.device(s, in.id);
  });
}

Device Service::device(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto d = Repository(c).device(s, id);
    if (!d) throw Error(ErrorCode::InfraDeviceNotFound);
    return *d;
  });
}

std::vector<Device> Service::devices(const Scope& s, const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).devices(s, agency_id); });
}

Device Service::change_device(const Scope& s, const std::string& id, const std::string& date, const std::string& what,
                              const Actor& actor) {
  auto d = device(s, id);
  require_date(date, "date");
  if (date > profile_of(s).today()) throw Error(ErrorCode::ValidationInvalidValue, "date", "is in the future");
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    repo.record_change(s, id, date, what);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.device.change", "infra_device", id,
                                        {{"date", date}, {"change", what}}));
    return *repo.device(s, id);
  });
}

Device Service::report_change(const Scope& s, const std::string& id, const std::string& date,
                              const std::string& summary, const Actor& actor) {
  auto d = device(s, id);
  require_date(date, "date");
  if (date > profile_of(s).today()) throw Error(ErrorCode::ValidationInvalidValue, "date", "is in the future");
  if (date < d.last_change_on)
    throw Error(ErrorCode::ValidationInvalidValue, "date", "is before the change it reports");
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    repo.record_report(s, id, date, summary);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.device.report", "infra_device", id,
                                        {{"date", date}, {"summary", summary}}));
    return *repo.device(s, id);
  });
}

}  // namespace simpul::infrastructure
