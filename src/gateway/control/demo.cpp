#include "gateway/control/demo.hpp"

namespace simpul::gateway::control {
namespace {
const Actor kSeeder{"cli", "Simpul (data demo)", ""};
}  // namespace

std::string seed_demo(const DemoWorkflows& g, tenancy::Service& tenancy, const Scope& scope,
                      const std::string& upstream) {
  namespace gw = gateway::control;
  auto agency = [&](const std::string& code) -> std::string {
    auto a = tenancy.agency_by_code(scope, code);
    return a ? a->id : std::string();
  };
  auto owner = agency("DISDUKCAPIL"), licensing = agency("DPMPTSP"), social = agency("DINSOS");
  if (owner.empty() || licensing.empty() || social.empty()) return "";
  // Loopback for local trials plus the Pemda's private range: the network ground of a refusal
  // (Balikpapan Pasal 9 ayat (7)) is enforced by these lists.
  auto policy = boost::json::object{{"allowed_networks", boost::json::array{"127.0.0.0/8", "::1/128", "10.0.0.0/8"}},
                                    {"rate_per_second", 20},
                                    {"burst", 40},
                                    {"daily_quota", 10000},
                                    {"health_path", "/health"}};
  auto service = [&](const char* code, const char* name, const std::string& agency_id, const std::string& url) {
    gw::ServiceInput in;
    in.code = code;
    in.name = name;
    in.version = "1.0";
    in.upstream_base_url = url;
    in.owner_agency_id = agency_id;
    in.classification = "terbatas";
    in.policy = policy;
    return g.services.create_service(scope, in, kSeeder);
  };
  // The upstreams are the stand-in systems of app/demo_upstream.hpp, served by the platform itself.
  auto population = service("kependudukan", "Layanan Data Kependudukan", owner, upstream + "/kependudukan");
  g.services.upload_openapi(
      scope, population.id,
      "openapi: 3.0.3\ninfo:\n  title: Data Kependudukan\n  version: '1.0'\npaths:\n  /penduduk/{nik}:\n    get:\n"
      "      summary: Data penduduk menurut NIK\n      parameters:\n        - {name: nik, in: path, required: true, schema: {type: string}}\n"
      "      responses:\n        '200': {description: Data penduduk}\n",
      kSeeder);
  auto permits = service("perizinan", "Layanan Perizinan Berusaha", licensing, upstream + "/perizinan");
  gw::ConsumerInput consumer;
  consumer.name = "Aplikasi Bantuan Sosial";
  consumer.agency_id = social;
  auto issued = g.consumers.create_consumer(scope, consumer, kSeeder);
  // Three different people: who asks never recommends or decides (docs/gateway.md "Control plane").
  const Actor requester{"demo-requester", "Operator Dinas Sosial (demo)", social};
  const Actor recommender{"demo-recommender", "Operator Disdukcapil (demo)", owner};
  const Actor decider{"demo-decider", "Pejabat pemutus (demo)", ""};
  auto ask = [&](const gw::ServiceRecord& s, const char* purpose) {
    gw::RequestInput in{issued.consumer.id,
                        s.id,
                        "/penduduk",
                        {"GET"},
                        "Kepala Bidang Perlindungan Sosial",
                        "Dinas Sosial",
                        purpose,
                        "NIK, nama, alamat (JSON)",
                        false};
    if (s.code != "kependudukan") in.path_prefix.reset();
    return g.requests.submit(scope, in, requester);
  };
  auto request = ask(population, "Verifikasi calon penerima bantuan sosial");
  if (g.plane.profile_of(scope).gateway && g.plane.profile_of(scope).gateway->recommender == "owner_agency")
    g.requests.recommend(scope, request.id, true, "Data dapat dibagikan untuk verifikasi bansos.", recommender);
  g.requests.decide(scope, request.id, true, "Disetujui untuk layanan pemerintahan.", decider);
  ask(permits, "Pemeriksaan izin usaha penerima bantuan");
  return issued.api_key;
}

}  // namespace simpul::gateway::control
