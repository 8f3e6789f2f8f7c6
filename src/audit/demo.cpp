// Demo records of a new demo tenant: three infrastructure objects on the architecture spine, an
// audit completed last year with findings (one verified, one still open), a security audit in
// progress, and an object whose next infrastructure audit falls due within 90 days. Every step
// goes through the service, so the region's gates apply to the demo as to anyone.
#include "audit/demo.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "regulation/engine.hpp"

namespace simpul::audit {
namespace {

std::string demo_object(architecture::Service& elements, const Scope& s, const std::string& code,
                        const std::string& name, const std::string& agency, const Actor& actor) {
  architecture::ElementInput in;
  in.domain = "infrastruktur";
  in.code = code;
  in.name = name;
  in.owner_agency_id = agency;
  in.attributes = boost::json::object{{"infra_type", "perangkat_keras"}};
  return elements.create(s, in, actor).id;
}

struct DemoPlan {
  const tenancy::Profile& profile;
  const AuditProfile& audit;
  std::string decree_number = "188/12/IV.02/2025";
};

Programme demo_programme(const DemoPlan& d, const std::string& type, const std::string& kind, const std::string& title,
                         const std::vector<std::string>& objects, const std::string& start, const std::string& end) {
  Programme x;
  x.type = type;
  x.kind = kind;
  x.title = title;
  x.aspects = {"tata_kelola", "fungsionalitas", "kinerja"};
  x.object_ids = objects;
  x.auditor_kind = "lembaga_pemerintah";
  x.auditor_name =
      kind == "internal" ? "Tim auditor internal Diskominfo dan Inspektorat" : "Badan Siber dan Sandi Negara";
  x.auditor_reference = "LA-TIK-07/2024";
  x.planned_start = start;
  x.planned_end = end;
  if (d.audit.team_decree_rule) {
    x.team_decree_number = d.decree_number;
    x.team_decree_date = regulation::add_months(start, -2);
  }
  x.letter_purpose = "Menilai keandalan dan keamanan " + title;
  x.letter_scope = "Objek yang tercantum pada program ini";
  x.letter_authority = "Mengakses dokumen, konfigurasi dan catatan operasional objek audit";
  x.letter_duties = "Memeriksa aspek tata kelola, fungsionalitas dan kinerja";
  x.letter_reporting = "Laporan hasil audit disampaikan paling lambat 14 hari setelah pemeriksaan";
  return x;
}

/// An external audit starting on `start`, with the internal audit a lead time ahead where the
/// region requires one (completed on its deadline). Returns the external programme.
ProgrammeView demo_external(Service& service, const DemoPlan& d, const Scope& s, const Actor& actor,
                            const std::string& type, const std::string& title, const std::vector<std::string>& objects,
                            const std::string& start, const std::string& end) {
  auto external = demo_programme(d, type, "eksternal", title, objects, start, end);
  if (d.audit.internal_lead_months > 0) {
    auto deadline = regulation::add_months(start, -d.audit.internal_lead_months);
    auto internal = service.plan(s,
                                 demo_programme(d, type, "internal", "Audit internal: " + title, objects,
                                                regulation::add_months(deadline, -1), deadline),
                                 actor);
    auto today = d.profile.today();
    service.step(s, internal.programme.id, "dimulai", regulation::add_months(deadline, -1), actor, today);
    service.step(s, internal.programme.id, "laporan_diterima", deadline, actor, today);
    service.step(s, internal.programme.id, "ditutup", deadline, actor, today);
    external.internal_programme_id = internal.programme.id;
  }
  return service.plan(s, std::move(external), actor);
}

}  // namespace

void seed_audit_demo(Service& service, tenancy::Service& tenancy, const seam::DemoTenant& tenant) {
  const Scope& s = tenant.scope;
  const Actor actor{"system", "Data demo", ""};
  const auto& p = service.profile_of(s);
  const auto& a = audit_profile(p);
  if (a.types.empty() || !a.type("infrastruktur") || !a.type("keamanan")) return;
  std::string kominfo, dinkes;
  ListQuery q;
  q.per_page = 500;
  std::int64_t total = 0;
  for (const auto& ag : tenancy.list_agencies(s, q, total)) {
    if (ag.code == "DISKOMINFO") kominfo = ag.id;
    if (ag.code == "DINKES") dinkes = ag.id;
  }
  if (kominfo.empty() || dinkes.empty()) return;
  try {
    DemoPlan d{p, a};
    const auto today = p.today();
    auto web = demo_object(service.elements(), s, "SRV-AUD-01", "Server web portal Pemda", kominfo, actor);
    auto db = demo_object(service.elements(), s, "SRV-AUD-02", "Server basis data kepegawaian", kominfo, actor);
    auto health = demo_object(service.elements(), s, "SRV-AUD-03", "Server aplikasi rujukan puskesmas", dinkes, actor);

    // Completed last year, with two findings: one followed up and verified, one still open.
    auto done = demo_external(service, d, s, actor, "infrastruktur",
                              "Audit Infrastruktur SPBE " + regulation::add_months(today, -8).substr(0, 4),
                              {web, health}, regulation::add_months(today, -8), regulation::add_months(today, -7));
    service.step(s, done.programme.id, "dimulai", regulation::add_months(today, -8), actor, today);
    Finding patch;
    patch.object_id = web;
    patch.severity = "tinggi";
    patch.title = "Pembaruan keamanan sistem operasi tertinggal";
    patch.recommendation = "Terapkan pembaruan keamanan bulanan dan catat pelaksanaannya";
    patch.agency_id = kominfo;
    patch.agreed_action = "Jadwal patch bulanan mulai bulan depan";
    patch.due_date = regulation::add_months(today, -6);
    auto fixed = service.add_finding(s, done.programme.id, patch, actor);
    Finding backup;
    backup.object_id = health;
    backup.severity = "sedang";
    backup.title = "Belum ada uji pemulihan cadangan";
    backup.recommendation = "Lakukan uji pemulihan cadangan setiap enam bulan";
    backup.agency_id = dinkes;
    backup.agreed_action = "Uji pemulihan ke server uji";
    backup.due_date = clock::plus_days(today, 10);
    service.add_finding(s, done.programme.id, backup, actor);
    service.step(s, done.programme.id, "laporan_diterima", regulation::add_months(today, -7), actor, today);
    if (a.routing_rule)
      service.route(s, done.programme.id, regulation::add_months(today, -7), regulation::add_months(today, -7), actor,
                    today);
    service.step(s, done.programme.id, "ditutup", regulation::add_months(today, -6), actor, today);
    service.follow_up(s, fixed.id, "Laporan pelaksanaan patch tiga bulan terakhir", today, actor, today);
    service.verify(s, fixed.id, today, actor, today);

    // Audited 23 months ago: the next infrastructure audit is due within 90 days.
    auto old = demo_external(service, d, s, actor, "infrastruktur", "Audit Infrastruktur SPBE basis data", {db},
                             regulation::add_months(today, -24), regulation::add_months(today, -23));
    service.step(s, old.programme.id, "dimulai", regulation::add_months(today, -24), actor, today);
    service.step(s, old.programme.id, "laporan_diterima", regulation::add_months(today, -23), actor, today);
    service.step(s, old.programme.id, "ditutup", regulation::add_months(today, -23), actor, today);

    // In progress: the security audit of the portal began ten days ago.
    auto running = demo_external(service, d, s, actor, "keamanan", "Audit Keamanan SPBE portal", {web},
                                 clock::plus_days(today, -10), clock::plus_days(today, 20));
    service.step(s, running.programme.id, "dimulai", clock::plus_days(today, -10), actor, today);
  } catch (const Error& e) {
    // Demo data is a convenience: a region whose gates refuse it keeps a working tenant.
    log::warn("audit.demo_skipped",
              {{"profile", tenant.profile_id}, {"error", std::string(error_code_string(e.code()))}});
  }
}

}  // namespace simpul::audit
