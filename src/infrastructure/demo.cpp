// Demo records of a new demo tenant: the Pemda's Pusat Data with a rack, a pending VPS request, a
// backup duty kept current and a LAN with its diagram. No server elements: the demo architecture
// stays as the architecture module seeds it. Everything here is compliant, so a demo tenant starts
// without infrastructure findings.
#include "core/clock.hpp"
#include "infrastructure/module.hpp"

namespace simpul::infrastructure {
namespace {

const char* kDiagram =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"120\"><rect x=\"10\" y=\"40\" width=\"90\" height=\"40\" "
    "fill=\"#dde\"/><text x=\"20\" y=\"65\">Router PD</text><line x1=\"100\" y1=\"60\" x2=\"210\" y2=\"60\" stroke=\"#333\"/>"
    "<rect x=\"210\" y=\"40\" width=\"90\" height=\"40\" fill=\"#ded\"/><text x=\"225\" y=\"65\">Switch</text></svg>";

}  // namespace

void seed_infrastructure_demo(Service& service, const seam::DemoTenant& tenant) {
  const Scope& s = tenant.scope;
  const Actor demo{"system", "Data demo", ""};
  std::string kominfo, dinkes;
  for (const auto& a : service.agencies(s)) {
    if (a.code == "DISKOMINFO") kominfo = a.id;
    if (a.code == "DINKES") dinkes = a.id;
  }
  if (kominfo.empty() || dinkes.empty()) return;
  SiteInput pd;
  pd.code = "PD-01";
  pd.name = "Pusat Data Pemerintah Daerah";
  pd.kind = "pusat_data_pemda";
  pd.agency_id = kominfo;
  pd.location = "Gedung Diskominfo, lantai 2";
  auto site = service.create_site(s, pd, demo);
  service.add_rack(s, site.id, "R-01", 42, demo);
  service.request(s, dinkes, "vps", "Server aplikasi rujukan puskesmas", "4 vCPU, 8 GB RAM, 200 GB disk", demo);
  BackupDuty duty;
  duty.agency_id = dinkes;
  duty.name = "Basis data rekam medis (harian)";
  duty.schedule_days = 1;
  duty.retention_days = 30;
  duty.target_site_id = site.id;
  duty.restore_test_days = 180;
  auto d = service.create_duty(s, duty, demo);
  auto now = clock::now_iso();
  service.record_run(s, d.id, RunInput{now, now, "ok", "restic", "contoh data demo", "manual", 1'250'000'000}, demo);
  const auto& profile = service.profile_of(s);
  service.record_restore_test(s, d.id, RestoreTest{"", "", profile.today(), "berhasil", "Pemulihan ke server uji berhasil", "", ""}, demo);
  Lan lan;
  lan.agency_id = dinkes;
  lan.name = "LAN Dinas Kesehatan";
  lan.built_by = "dinas";
  lan.registered_on = profile.today();
  auto l = service.create_lan(s, lan, demo);
  service.upload_diagram(s, l.id, "lan-dinkes.svg", kDiagram, demo);
}

}  // namespace simpul::infrastructure
