// Demo records of a new demo tenant: the Pemda's Pusat Data with a rack, a pending VPS request and
// a backup duty kept current. No server elements (the demo architecture stays as the architecture
// module seeds it) and no LAN (a LAN without its diagram would be a finding in some regions, and a
// diagram a stored file the Repositori's tests count). Everything here is compliant, so a demo
// tenant starts without infrastructure findings.
#include "core/clock.hpp"
#include "infrastructure/module.hpp"

namespace simpul::infrastructure {

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
  service.record_restore_test(
      s, d.id, RestoreTest{"", "", profile.today(), "berhasil", "Pemulihan ke server uji berhasil", "", ""}, demo);
  // The Pusat Data's and the intranet's attestations, so the demo opens without their findings.
  auto attest = [&](const std::string& subject, const std::string& id, const std::string& topic) {
    Attestation a;
    a.subject = subject;
    a.subject_id = id;
    a.topic = topic;
    a.result = "memenuhi";
    a.date = profile.today();
    a.assessor = "Tim Infrastruktur Diskominfo";
    a.reference = "BA/DEMO/" + topic;
    service.attest(s, a, demo);
  };
  for (const char* topic : {"kerahasiaan_keamanan", "standar_pusat_data", "terhubung_pdn"})
    attest("site", site.id, topic);
  for (const char* topic : {"terhubung_jaringan_intra_pemerintah", "kelaikan_operasi", "kelaikan_keamanan"})
    attest("jaringan_intra", "", topic);
}

}  // namespace simpul::infrastructure
