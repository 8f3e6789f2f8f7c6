#include "infrastructure/json.hpp"

#include <algorithm>

#include "tenancy/json.hpp"

namespace simpul::infrastructure {
namespace {

boost::json::value opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::array items_json(const std::vector<tenancy::EnumItem>& items) {
  boost::json::array a;
  for (const auto& i : items) a.push_back({{"id", i.id}, {"name", i.name}});
  return a;
}

/// {"id", "citation"} of the rule, or null where the profile names none.
boost::json::value rule_json(const tenancy::Profile& p, const std::optional<std::string>& rule) {
  if (!rule) return nullptr;
  return tenancy::rule_ref_json(p, rule);
}

const char* standard_name(const std::string& s) {
  if (s == "memenuhi") return "Memenuhi standar";
  if (s == "tidak_memenuhi") return "Tidak memenuhi standar";
  return "Belum dinilai";
}

const char* state_name(const std::string& s) {
  if (s == "disetujui") return "Disetujui";
  if (s == "ditolak") return "Ditolak";
  return "Diajukan";
}

const char* backup_state_name(const std::string& s) {
  if (s == "ok") return "Terpenuhi";
  if (s == "dikecualikan") return "Dikecualikan (diatur peraturan lain)";
  if (s == "target_di_luar_pusat_data") return "Tujuan cadangan di luar Pusat Data";
  if (s == "terlambat") return "Pencadangan terlambat";
  if (s == "gagal") return "Pencadangan terakhir gagal";
  if (s == "tanpa_uji_pemulihan") return "Belum ada uji pemulihan dalam interval";
  return "";
}

}  // namespace

boost::json::object to_json(const Site& x) {
  return {{"id", x.id},
          {"code", x.code},
          {"name", x.name},
          {"kind", x.kind},
          {"kind_name", name_of(site_kinds(), x.kind)},
          {"status", x.status},
          {"status_name", x.status == "rencana" ? "Rencana pembangunan" : "Beroperasi"},
          {"agency", {{"id", x.agency_id}, {"name", x.agency_name}}},
          {"location", x.location},
          {"standard", x.standard.empty() ? boost::json::value(nullptr) : boost::json::value(x.standard)},
          {"standard_name", standard_name(x.standard)},
          {"assessed_on", x.assessed_on.empty() ? boost::json::value(nullptr) : boost::json::value(x.assessed_on)},
          {"created_at", x.created_at}};
}

boost::json::object to_json(const Assessment& a) {
  return {{"id", a.id},
          {"date", a.date},
          {"result", a.result},
          {"result_name", standard_name(a.result)},
          {"assessor", a.assessor},
          {"note", a.note},
          {"recorded_by_name", a.recorded_by_name},
          {"recorded_at", a.recorded_at}};
}

boost::json::object to_json(const Rack& r) {
  return {{"id", r.id}, {"site_id", r.site_id}, {"code", r.code}, {"units", r.units}};
}

boost::json::object to_json(const Server& x) {
  const auto& e = x.element;
  const auto& r = x.record;
  return {
      {"id", e.id},
      {"code", e.code},
      {"name", e.name},
      {"description", e.description},
      {"state", e.state},
      {"owner", {{"id", e.owner_agency_id}, {"name", e.owner_agency_name}}},
      {"kind", r.kind},
      {"kind_name", name_of(server_kinds(), r.kind)},
      {"hosting", r.hosting},
      {"hosting_name", name_of(hosting_modes(), r.hosting)},
      {"environment", r.environment},
      {"environment_name", name_of(environments(), r.environment)},
      {"managed_by", r.managed_by},
      {"managed_by_name", r.managed_by == "pd" ? "Perangkat Daerah pemilik" : "Dinas"},
      {"site", x.site ? boost::json::value(boost::json::object{
                            {"id", x.site->id}, {"code", x.site->code}, {"name", x.site->name}, {"kind", x.site->kind}})
                      : boost::json::value(nullptr)},
      {"rack_id", opt(r.rack_id)},
      {"hostname", r.hostname},
      {"operating_system", r.operating_system},
      {"updated_at", e.updated_at}};
}

boost::json::array server_notes(const tenancy::Profile& p, const Server& x) {
  const auto& spec = spec_of(p);
  boost::json::array out;
  if (!spec.placement_note_rule || spec.placement_rule || x.element.state == "retired") return out;
  const bool in_pusat_data = x.site && x.site->status == "operasi" &&
                             std::find(spec.pusat_data_kinds.begin(), spec.pusat_data_kinds.end(), x.site->kind) !=
                                 spec.pusat_data_kinds.end();
  if (in_pusat_data) return out;
  auto rule = tenancy::rule_ref(p, spec.placement_note_rule);
  auto permission = tenancy::rule_ref(p, spec.placement_permission_rule);
  const std::string allowed = permission ? permission->citation : std::string("regulasi");
  const std::string central = rule ? rule->citation : std::string();
  out.push_back(
      {{"kind", "informasi"},
       {"kind_name", "Catatan informasi, bukan pelanggaran"},
       {"rule", rule_json(p, spec.placement_note_rule)},
       {"text", "Server ini berada di luar Pusat Data. Hal ini dibolehkan (" + allowed +
                    ": Perangkat Daerah \"dapat\" menempatkan server di Pusat Data), tetapi " + central +
                    " menetapkan penyimpanan data Pemerintah Daerah terpusat dan terintegrasi di Pusat Data."},
       {"text_en", "This server is outside the Pusat Data. That is allowed (" + allowed +
                       ": a Perangkat Daerah \"may\" place servers in the Pusat Data), but " + central +
                       " centralises the Pemda's data storage in the Pusat Data."}});
  return out;
}

boost::json::object to_json(const tenancy::Profile& p, const HostingRequest& r) {
  auto duty = Service::duty_for(p, r.kind);
  return {
      {"id", r.id},
      {"agency", {{"id", r.agency_id}, {"name", r.agency_name}}},
      {"kind", r.kind},
      {"kind_name", r.kind == "vps" ? "Virtual Private Server (VPS)" : "Kolokasi server"},
      {"purpose", r.purpose},
      {"specification", r.specification},
      {"state", r.state},
      {"state_name", state_name(r.state)},
      {"requested_by_name", r.requested_by_name},
      {"requested_at", r.requested_at},
      {"reasons", r.reasons},
      {"decided_by_name", r.decided_by_name},
      {"decided_at", opt(r.decided_at)},
      {"dinas_duty",
       {{"modal", duty.modal}, {"text", duty.text_id}, {"text_en", duty.text_en}, {"rule", rule_json(p, duty.rule)}}}};
}

boost::json::object to_json(const BackupDuty& d) {
  return {{"id", d.id},
          {"agency", {{"id", d.agency_id}, {"name", d.agency_name}}},
          {"name", d.name},
          {"data_element_id", opt(d.data_element_id)},
          {"schedule_days", d.schedule_days},
          {"retention_days", d.retention_days},
          {"target_site_id", opt(d.target_site_id)},
          {"restore_test_days", d.restore_test_days},
          {"performed_by", d.performed_by},
          {"performed_by_name",
           d.performed_by == "dinas" ? "Dinas (atas persetujuan pemilik data)" : "Perangkat Daerah pemilik"},
          {"owner_approval", d.owner_approval},
          {"exception_basis", d.exception_basis},
          {"created_at", d.created_at}};
}

boost::json::object to_json(const DutyView& v) {
  auto out = to_json(v.duty);
  const auto& st = v.status;
  out["status"] = {{"state", st.state},
                   {"state_name", backup_state_name(st.state)},
                   {"last_run_on", opt(st.last_run_on)},
                   {"last_result", opt(st.last_result)},
                   {"last_ok_on", opt(st.last_ok_on)},
                   {"last_restore_on", opt(st.last_restore_on)},
                   {"target_in_pusat_data", st.target_in_pusat_data},
                   {"overdue", st.overdue},
                   {"last_failed", st.last_failed},
                   {"restore_overdue", st.restore_overdue}};
  return out;
}

boost::json::object to_json(const BackupRun& r) {
  return {{"id", r.id},
          {"started_at", r.started_at},
          {"finished_at", r.finished_at},
          {"result", r.result},
          {"size_bytes", r.size_bytes},
          {"tool", r.tool},
          {"note", r.note},
          {"source", r.source},
          {"recorded_by_name", r.recorded_by_name},
          {"recorded_at", r.recorded_at}};
}

boost::json::object to_json(const RestoreTest& t) {
  return {{"id", t.id},
          {"date", t.date},
          {"result", t.result},
          {"note", t.note},
          {"recorded_by_name", t.recorded_by_name},
          {"recorded_at", t.recorded_at}};
}

boost::json::object to_json(const Lan& l) {
  return {{"id", l.id},
          {"agency", {{"id", l.agency_id}, {"name", l.agency_name}}},
          {"name", l.name},
          {"built_by", l.built_by},
          {"built_by_name", l.built_by == "dinas" ? "Dinas" : "Perangkat Daerah Mandiri TIK"},
          {"registered_on", l.registered_on},
          {"created_at", l.created_at}};
}

boost::json::object to_json(const Diagram& d) {
  return {{"id", d.id},
          {"lan_id", d.lan_id},
          {"version", d.version},
          {"filename", d.filename},
          {"content_type", d.content_type},
          {"size", d.size},
          {"sha256", d.sha256},
          {"uploaded_by_name", d.uploaded_by_name},
          {"uploaded_at", d.uploaded_at}};
}

boost::json::object to_json(const Device& d) {
  bool reported = !d.last_report_on.empty() && d.last_report_on >= d.last_change_on;
  return {
      {"id", d.id},
      {"agency", {{"id", d.agency_id}, {"name", d.agency_name}}},
      {"name", d.name},
      {"kind", d.kind},
      {"kind_name", name_of(device_kinds(), d.kind)},
      {"coordination", d.coordination},
      {"last_change_on", d.last_change_on},
      {"last_change", d.last_change},
      {"last_report_on", d.last_report_on.empty() ? boost::json::value(nullptr) : boost::json::value(d.last_report_on)},
      {"last_report", d.last_report},
      {"change_reported", reported},
      {"created_at", d.created_at}};
}

boost::json::object options_json(const tenancy::Profile& p) {
  const auto& s = spec_of(p);
  boost::json::array pusat_data;
  for (const auto& k : s.pusat_data_kinds) pusat_data.push_back({{"id", k}, {"name", name_of(site_kinds(), k)}});
  return {
      {"site_kinds", items_json(site_kinds())},
      {"server_kinds", items_json(server_kinds())},
      {"hosting_modes", items_json(hosting_modes())},
      {"environments", items_json(environments())},
      {"device_kinds", items_json(device_kinds())},
      {"operator_role", s.operator_role},
      {"pusat_data_kinds", pusat_data},
      {"placement_rule", rule_json(p, s.placement_rule)},
      {"vps", {{"modal", s.vps_duty}, {"rule", rule_json(p, s.vps_rule)}}},
      {"pd_data_centre_ban_rule", rule_json(p, s.pd_data_centre_ban_rule)},
      {"backup",
       {{"rule", rule_json(p, s.backup_rule)},
        {"legal_exception", s.backup_legal_exception},
        {"by_dinas_rule", rule_json(p, s.backup_by_dinas_rule)}}},
      {"lan_diagram",
       {{"rule", rule_json(p, s.lan_diagram_rule)},
        {"months", s.lan_diagram_months > 0 ? boost::json::value(s.lan_diagram_months) : boost::json::value(nullptr)}}},
      {"lan_change_report_rule", rule_json(p, s.lan_change_report_rule)},
      {"device_coordination_rule", rule_json(p, s.device_coordination_rule)}};
}

}  // namespace simpul::infrastructure
