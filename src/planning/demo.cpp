// Demo records of a new demo tenant: the budget cycle of next year opened by the PD the region
// names, the standard unit prices of that year, the Dinas Kesehatan's and the Disdukcapil's
// submitted proposals (each buying laptops: one duplicate candidate for the planning PD to review,
// and one laptop priced above the standard) and the Diskominfo's draft with the Pemda's internet
// subscription (its own spending). Every step goes through the service, so the region's gates apply
// to the demo as to anyone; where the region names the Dinas's recommendation, it is given, so the
// demo starts without plan-and-budget findings.
#include "planning/demo.hpp"

#include "core/log.hpp"
#include "planning/profile_section.hpp"
#include "regulation/engine.hpp"

namespace simpul::planning {
namespace {

struct DemoBudget {
  Service& service;
  const Scope& scope;
  std::string element_health, element_population, element_network, initiative;
  std::string spending_category;  // infrastruktur_spbe when the profile lists it
};

VolumeFactor demo_factor(std::int64_t quantity, const char* unit) { return VolumeFactor{quantity, unit}; }

LineInput demo_line(const DemoBudget& d, const char* sub_activity, const char* account, const char* name,
                    const char* specification, const char* ssh, std::vector<VolumeFactor> volume, std::int64_t price,
                    const std::string& element) {
  LineInput in;
  in.sub_activity = sub_activity;
  in.account_code = account;
  in.name = name;
  in.specification = specification;
  in.ssh_code = ssh;
  in.factors = std::move(volume);
  in.unit_price = price;
  in.funding_source = "apbd";
  in.category = d.spending_category;
  in.element_ids = {element};
  in.initiative_id = d.initiative;
  return in;
}

std::string demo_agency_with(const std::vector<tenancy::Agency>& agencies, const std::string& flag) {
  for (const auto& a : agencies)
    if (a.has_flag(flag)) return a.id;
  return "";
}

}  // namespace

void seed_planning_demo(Service& service, const tenancy::Service& tenancy, architecture::Service& elements,
                        architecture::Roadmap& roadmap, const seam::DemoTenant& tenant) {
  const Scope& s = tenant.scope;
  const auto& p = service.profile_of(s);
  const auto& plan = planning_profile(p);
  if (!plan.present || plan.coordinator_roles.empty()) return;
  ListQuery q;
  q.per_page = 500;
  std::int64_t count = 0;
  auto agencies = tenancy.list_agencies(s, q, count);
  auto by_code = [&](const char* code) {
    for (const auto& a : agencies)
      if (a.code == code) return a.id;
    return std::string();
  };
  const auto health = by_code("DINKES"), population = by_code("DISDUKCAPIL"), kominfo = by_code("DISKOMINFO");
  const auto coordinator = demo_agency_with(agencies, agency_flag_of_role(p, plan.coordinator_roles.front()));
  if (health.empty() || population.empty() || kominfo.empty() || coordinator.empty()) return;
  const Actor planner{"system", "Data demo (perencanaan)", coordinator};
  const Actor health_pd{"system", "Data demo (Dinas Kesehatan)", health};
  const Actor population_pd{"system", "Data demo (Disdukcapil)", population};
  const Actor dinas{"system", "Data demo (Diskominfo)", kominfo};
  try {
    const auto today = p.today();
    const int year = std::stoi(today.substr(0, 4)) + 1;
    // What the budget serves: the planned computers of two PDs and the intra-government network,
    // and the roadmap initiative of next year delivering them.
    auto element = [&](const char* code, const char* name, const char* type, const std::string& owner) {
      architecture::ElementInput in;
      in.domain = "infrastruktur";
      in.code = code;
      in.name = name;
      in.owner_agency_id = owner;
      in.state = "to_be";
      in.attributes = boost::json::object{{"infra_type", type}};
      return elements.create(s, in, planner).id;
    };
    DemoBudget d{service,
                 s,
                 element("INF-ANG-01", "Perangkat komputer layanan kesehatan", "perangkat_keras", health),
                 element("INF-ANG-02", "Perangkat komputer layanan kependudukan", "perangkat_keras", population),
                 element("INF-ANG-03", "Jaringan Intra Pemerintah Daerah", "jaringan_intra", kominfo),
                 "",
                 ""};
    architecture::InitiativeInput initiative;
    initiative.code = "PR-ANG-01";
    initiative.name = "Layanan publik terpadu berbasis elektronik";
    initiative.category = "layanan_spbe";
    initiative.owner_agency_id = kominfo;
    initiative.start_year = year;
    initiative.target_year = year;
    initiative.elements = std::vector<architecture::InitiativeElement>{{d.element_health, "", "", "", "create"},
                                                                       {d.element_population, "", "", "", "create"},
                                                                       {d.element_network, "", "", "", "create"}};
    d.initiative = roadmap.create(s, initiative, planner).id;
    for (const auto& c : plan.categories)
      if (c.id == "infrastruktur_spbe") d.spending_category = c.id;
    if (d.spending_category.empty() && plan.categories_rule) d.spending_category = plan.categories.front().id;

    Cycle cycle;
    cycle.fiscal_year = year;
    cycle.submission_deadline = regulation::add_months(today, 1);
    cycle.verification_deadline = regulation::add_months(today, 2);
    auto opened = service.open_cycle(s, cycle, planner);

    // The standard unit prices of the year (Keputusan Wali Kota / Bupati).
    service.import_prices(
        s, year, "000.8/12/" + std::to_string(year - 1), today,
        "kode,nama,spesifikasi,satuan,harga,rekening\r\n"
        "1.1.7.01.03.03.001,Laptop,\"Core i5, RAM 16 GB, SSD 512 GB\",Unit,Rp 15.000.000,5.2.02.10\r\n"
        "1.1.7.01.03.05.001,Printer,\"A4, tinta isi ulang\",Unit,Rp 3.500.000,5.2.02.10\r\n",
        false, dinas);

    auto propose = [&](const std::string& agency, const Actor& actor, const std::vector<LineInput>& lines) {
      auto proposal = service.start_proposal(s, opened.id, agency, actor);
      for (const auto& l : lines) service.add_line(s, proposal.id, l, actor);
      return proposal.id;
    };
    auto submit = [&](const std::string& id, const Actor& actor) {
      if (!plan.recommendation_role.empty())
        service.recommend(s, id, "Sesuai Arsitektur SPBE dan Peta Rencana; gunakan Pusat Data Pemda.", dinas);
      service.submit(s, id, actor);
    };
    auto health_id =
        propose(health, health_pd,
                {demo_line(d, "Pengelolaan Sistem Informasi Kesehatan", "5.2.02.10.01.0002",
                           "Pengadaan laptop tenaga kesehatan puskesmas", "Core i5, RAM 16 GB, SSD 512 GB",
                           "1.1.7.01.03.03.001", {demo_factor(10, "Unit")}, 15'000'000, d.element_health),
                 demo_line(d, "Pengelolaan Sistem Informasi Kesehatan", "5.1.02.02.01.0063",
                           "Sewa server aplikasi rekam medis", "4 vCPU, 16 GB RAM, 500 GB", "",
                           {demo_factor(1, "Paket"), demo_factor(12, "Bulan")}, 4'500'000, d.element_health)});
    auto population_id =
        propose(population, population_pd,
                {demo_line(d, "Penyelenggaraan Pelayanan Administrasi Kependudukan", "5.2.02.10.01.0002",
                           "Pengadaan laptop petugas pelayanan KTP-el", "Core i5, RAM 16 GB, SSD 512 GB",
                           "1.1.7.01.03.03.001", {demo_factor(5, "Unit")}, 16'500'000, d.element_population),
                 demo_line(d, "Penyelenggaraan Pelayanan Administrasi Kependudukan", "5.2.02.10.01.0003",
                           "Pengadaan printer pelayanan dokumen", "A4, tinta isi ulang", "1.1.7.01.03.05.001",
                           {demo_factor(4, "Unit")}, 3'500'000, d.element_population)});
    // The Dinas's own spending: the Pemda's internet subscription (reserved to it where the region says so).
    propose(kominfo, dinas,
            {demo_line(d, "Pengelolaan Jaringan Intra Pemerintah Daerah", "5.1.02.02.01.0029",
                       "Langganan internet kantor pemerintah daerah", "Dedicated 500 Mbps", "",
                       {demo_factor(1, "Paket"), demo_factor(12, "Bulan")}, 25'000'000, d.element_network)});
    submit(health_id, health_pd);
    submit(population_id, population_pd);
  } catch (const Error& e) {
    // Demo data is a convenience: a region whose gates refuse it keeps a working tenant.
    log::warn("planning.demo_skipped",
              {{"profile", tenant.profile_id}, {"error", std::string(error_code_string(e.code()))}});
  }
}

}  // namespace simpul::planning
