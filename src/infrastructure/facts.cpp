#include "infrastructure/facts.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.hpp"

#include "infrastructure/bandwidth.hpp"
#include "infrastructure/attestation_repository.hpp"
#include "infrastructure/backup_records.hpp"
#include "infrastructure/bandwidth_repository.hpp"
#include "infrastructure/repository.hpp"
#include "infrastructure/service.hpp"
#include "regulation/engine.hpp"

namespace simpul::infrastructure {
namespace {

const char* yes_no(bool b) { return b ? "ya" : "tidak"; }

bool counts_as_pusat_data(const InfraSpec& spec, const std::string& kind) {
  return std::find(spec.pusat_data_kinds.begin(), spec.pusat_data_kinds.end(), kind) != spec.pusat_data_kinds.end();
}

}  // namespace

regulation::Fact site_fact(const Site& x) {
  regulation::Fact f;
  f.subject = "site";
  f.id = x.id;
  f.label = x.code + " " + x.name;
  f.agency_id = x.agency_id;
  f.fields = {{"kind", x.kind}, {"status", x.status}, {"standard", x.standard.empty() ? "belum_dinilai" : x.standard}};
  return f;
}

regulation::Fact dinas_facilities_fact(const Scope& scope, const std::string& dinas,
                                       const std::set<std::string>& operating_kinds) {
  regulation::Fact f;
  f.subject = "fasilitas_dinas";
  f.id = tenant_object_id(scope, "fasilitas_dinas");
  f.agency_id = dinas;
  bool drc = operating_kinds.count("pusat_pemulihan_data") > 0;
  bool noc = operating_kinds.count("pusat_pengelolaan_jaringan") > 0;
  const char* missing =
      drc ? (noc ? "tidak_ada" : "pusat_pengelolaan_jaringan") : (noc ? "pusat_pemulihan_data" : "keduanya");
  // The label names what is missing, so the finding (one per tenant) says which facility to provide.
  f.label = drc ? (noc ? "Fasilitas Dinas" : "Fasilitas Dinas: belum ada pusat pengelolaan jaringan")
                : (noc ? "Fasilitas Dinas: belum ada pusat pemulihan data"
                       : "Fasilitas Dinas: belum ada pusat pemulihan data dan pusat pengelolaan jaringan");
  f.fields = {{"pusat_pemulihan_data", drc ? "ada" : "belum_ada"},
              {"pusat_pengelolaan_jaringan", noc ? "ada" : "belum_ada"},
              {"belum_ada", missing}};
  return f;
}

regulation::Fact server_fact(const InfraSpec& spec, const architecture::Element& e, const ServerRecord& r,
                             const std::optional<Site>& site, bool owner_mandiri_tik) {
  regulation::Fact f;
  f.subject = "server";
  f.id = e.id;
  f.label = e.code + " " + e.name;
  f.agency_id = e.owner_agency_id;
  // Where it stands: the site's kind; without a site, a PD room or outside every Pemda facility.
  std::string placement = site ? site->kind : (r.hosting == "ruang_pd" ? "ruang_server_pd" : "luar");
  bool in_pusat_data = site && site->status == "operasi" && counts_as_pusat_data(spec, site->kind);
  std::string standard;
  if (placement == "ruang_server_pd") standard = site && !site->standard.empty() ? site->standard : "belum_dinilai";
  f.fields = {{"live", yes_no(e.state != "retired")},
              {"environment", r.environment},
              {"hosting", r.hosting},
              {"managed_by", r.managed_by},
              {"placement", placement},
              {"in_pusat_data", yes_no(in_pusat_data)},
              {"site_standard", standard},
              {"owner_mandiri_tik", yes_no(owner_mandiri_tik)}};
  return f;
}

regulation::Fact duty_fact(const BackupDuty& d, const BackupStatus& st, bool owner_has_standard_room) {
  regulation::Fact f;
  f.subject = "backup_duty";
  f.id = d.id;
  f.label = d.name;
  f.agency_id = d.agency_id;
  f.fields = {{"exempt", yes_no(!d.exception_basis.empty())},
              {"state", st.state},
              {"performed_by", d.performed_by},
              {"target_in_pusat_data", yes_no(st.target_in_pusat_data)},
              {"owner_has_standard_room", yes_no(owner_has_standard_room)}};
  return f;
}

std::string diagram_state(const InfraSpec& spec, const Lan& l, const std::optional<std::string>& last_diagram_on,
                          const std::string& today) {
  int months = spec.lan_diagram_months;
  if (last_diagram_on)
    return months > 0 && regulation::add_months(*last_diagram_on, months) < today ? "terlambat" : "terkini";
  // None yet: with a cadence, the first is due one period after the LAN was registered.
  if (months > 0 && regulation::add_months(l.registered_on, months) >= today) return "belum_jatuh_tempo";
  return "belum_ada";
}

regulation::Fact lan_fact(const InfraSpec& spec, const Lan& l, const std::optional<std::string>& last_diagram_on,
                          const std::string& today) {
  regulation::Fact f;
  f.subject = "lan";
  f.id = l.id;
  f.label = l.name;
  f.agency_id = l.agency_id;
  f.fields = {{"built_by", l.built_by},
              {"diagram_state", diagram_state(spec, l, last_diagram_on, today)},
              {"last_diagram_on", last_diagram_on.value_or("")}};
  return f;
}

regulation::Fact device_fact(const Device& d) {
  regulation::Fact f;
  f.subject = "device";
  f.id = d.id;
  f.label = d.name;
  f.agency_id = d.agency_id;
  f.fields = {{"kind", d.kind},
              {"coordinated", yes_no(!d.coordination.empty())},
              {"change_reported", yes_no(!d.last_report_on.empty() && d.last_report_on >= d.last_change_on)}};
  return f;
}

std::string bandwidth_month_id(const std::string& month) {
  // A stable object id per month (ids are 20 characters of the id alphabet): the digits as letters.
  std::string id = "bandwidthmonth";
  for (char ch : month)
    if (ch != '-') id += static_cast<char>('a' + (ch - '0'));
  return id;
}

void bandwidth_month_facts(storage::Connection& c, const regulation::FactQuery& q, const InfraSpec& spec,
                           std::vector<regulation::Fact>& out) {
  // Every month that closed since monitoring began (at most the last twelve) is evaluated or not.
  BandwidthRepository repo(c);
  auto first = repo.first_sample(q.scope);
  if (!first) return;
  std::set<std::string> evaluated;
  for (const auto& [e, rows] : repo.evaluations(q.scope, "", "")) evaluated.insert(e.month);
  auto current = month_of(q.today);
  auto month = month_of(q.profile.local_date(clock::to_iso(clock::TimePoint(std::chrono::seconds(*first)))));
  std::vector<std::string> closed;
  for (; month < current; month = next_month(month)) closed.push_back(month);
  if (closed.size() > 12) closed.erase(closed.begin(), closed.end() - 12);
  auto dinas = q.tenant.agency_for_role(spec.operator_role);
  for (const auto& m : closed) {
    regulation::Fact f;
    f.subject = "bandwidth_month";
    f.id = bandwidth_month_id(m);
    f.label = "Evaluasi penggunaan bandwidth " + m;
    f.agency_id = dinas;
    f.fields = {{"month", m}, {"evaluated", yes_no(evaluated.count(m) > 0)}};
    out.push_back(std::move(f));
  }
}

regulation::FactProvider infrastructure_facts(const architecture::Service& elements) {
  return [&elements](storage::Connection& c, const regulation::FactQuery& q, std::vector<regulation::Fact>& out) {
    const Scope& s = q.scope;
    const auto& spec = spec_of(q.profile);
    Repository repo(c);
    auto latest = AttestationRepository(c).latest(s);
    std::map<std::string, Site> sites;
    std::set<std::string> standard_rooms;  // agencies with a PD room that meets the standard
    const std::string dinas = q.tenant.agency_for_role(spec.operator_role);
    std::set<std::string> dinas_kinds;  // kinds of the sites the Dinas operates
    for (auto& x : repo.sites(s, "")) {
      if (x.kind == "ruang_server_pd" && x.status == "operasi" && x.standard == "memenuhi")
        standard_rooms.insert(x.agency_id);
      if (x.status == "operasi" && x.agency_id == dinas) dinas_kinds.insert(x.kind);
      out.push_back(site_fact(x));
      add_attestation_fields(latest, "site", x.id, out.back());
      sites.emplace(x.id, std::move(x));
    }
    auto records = repo.servers(s);
    for (const auto& e : elements.live_elements(c, s, "infrastruktur")) {
      auto r = records.find(e.id);
      if (r == records.end()) continue;  // an infrastructure element that is not a registered server
      std::optional<Site> site;
      if (r->second.site_id)
        if (auto it = sites.find(*r->second.site_id); it != sites.end()) site = it->second;
      out.push_back(server_fact(spec, e, r->second, site, q.tenant.agency_has_flag(e.owner_agency_id, "mandiri_tik")));
    }
    auto backups = backup_records(repo, s);
    for (const auto& d : repo.duties(s, "")) {
      auto st = duty_status(d, q.profile, backups, sites, q.today);
      out.push_back(duty_fact(d, st, standard_rooms.count(d.agency_id) > 0));
    }
    auto diagrams = repo.latest_diagrams(s);
    for (const auto& l : repo.lans(s, "")) {
      std::optional<std::string> last_on;
      if (auto it = diagrams.find(l.id); it != diagrams.end()) last_on = q.profile.local_date(it->second);
      out.push_back(lan_fact(spec, l, last_on, q.today));
      add_attestation_fields(latest, "lan", l.id, out.back());
    }
    for (const auto& d : repo.devices(s, "")) out.push_back(device_fact(d));
    if (spec.bandwidth_monthly) bandwidth_month_facts(c, q, spec, out);
    // The Pemda's Jaringan Intra as a whole: the Dinas answers for its preconditions.
    regulation::Fact intranet;
    intranet.subject = "jaringan_intra";
    intranet.id = tenant_object_id(q.scope, "jaringan_intra");
    intranet.label = "Jaringan Intra Pemerintah Daerah";
    intranet.agency_id = dinas;
    add_attestation_fields(latest, "jaringan_intra", "", intranet);
    bool complete = true;
    for (const auto& [field, value] : intranet.fields) complete = complete && value == "memenuhi";
    intranet.fields.emplace_back("prasyarat", complete ? "lengkap" : "belum_lengkap");
    out.push_back(std::move(intranet));
    out.push_back(dinas_facilities_fact(q.scope, dinas, dinas_kinds));
  };
}

}  // namespace simpul::infrastructure
