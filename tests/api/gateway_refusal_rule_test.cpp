// The data plane's refusals name the region's rule where one is the reason (issue 22): the data
// plane's configuration read from the control plane's database with the tenants' profiles, and the
// decision taken on it. A consumer's key opens nothing before a grant is approved. Both databases.
#include "gateway_fixture.hpp"

#include "gateway/access.hpp"
#include "gateway/snapshot.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;
namespace gwc = simpul::gateway::control;

namespace {

/// The decision the data plane takes for `key` on `path` from `source` with the configuration
/// the control plane stores now (with the regions' rules attached).
gateway::Decision data_plane_decision(Instance& in, const std::string& path, const std::string& key,
                                      const std::string& source, std::shared_ptr<const gateway::CompiledConfig>& keep) {
  keep = gateway::compile(std::make_shared<const gateway::Config>(gwc::load_config(in.db(), &in.platform().profiles())));
  static gateway::RateLimiter limiter;
  gateway::RequestFacts facts{"GET", path, key, *gateway::parse_ip(source), 0};
  return gateway::decide(*keep, limiter, facts);
}

}  // namespace

TEST_P(GatewayTest, BalikpapanKeyWithoutAnApprovedRequestOpensNothingAndTheRefusalCitesPasal9Ayat5) {
  SIMPUL_PROVES("balikpapan", "BPN-09-5");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto dukcapil = agency_id(admin, "DISDUKCAPIL"), dinkes = agency_id(admin, "DINKES");
  ASSERT_EQ(create_service(admin, dukcapil, "catatan-sipil").status, 201);
  auto created = create_consumer(admin, dinkes, "SIMRS");
  ASSERT_EQ(created.status, 201) << created.body;
  auto key = text_of(created.json, "api_key");

  // The key is issued at registration, but before the Sekda approves a request it opens nothing:
  // every path of the service is refused, citing the article that makes access depend on the request.
  std::shared_ptr<const gateway::CompiledConfig> keep;
  for (const std::string path : {"/balikpapan/catatan-sipil", "/balikpapan/catatan-sipil/akta/1"}) {
    auto d = data_plane_decision(in, path, key, "127.0.0.1", keep);
    EXPECT_FALSE(d.allowed()) << path;
    EXPECT_EQ(d.error_code, "gateway.no_grant") << path;
    EXPECT_EQ(d.rule_id, "BPN-09-5") << path;
    EXPECT_EQ(d.rule_citation, "Pasal 9 ayat (5)") << path;
  }
  // Balikpapan's network ground (Pasal 9 ayat (7)) is the Sekda's discretion, not a data-plane rule:
  // a source outside the service's networks is refused without an article.
  auto outside = data_plane_decision(in, "/balikpapan/catatan-sipil/akta/1", key, "192.0.2.7", keep);
  EXPECT_EQ(outside.error_code, "gateway.source_not_allowed");
  EXPECT_TRUE(outside.rule_id.empty());
}

TEST_P(GatewayTest, MadiunSourceOutsideTheServicesNetworksIsRefusedCitingTheJaringanIntraDuty) {
  SIMPUL_PROVES("madiun", "MDN-18-2");
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto owner = agency_id(admin, "DINKES");
  auto service = create_service(admin, owner, "penduduk");
  ASSERT_EQ(service.status, 201) << service.body;
  auto created = create_consumer(admin, owner, "SIAK");
  ASSERT_EQ(created.status, 201) << created.body;
  auto key = text_of(created.json, "api_key");

  std::shared_ptr<const gateway::CompiledConfig> keep;
  auto outside = data_plane_decision(in, "/madiun/penduduk/nik/1", key, "203.0.113.9", keep);
  EXPECT_EQ(outside.error_code, "gateway.source_not_allowed");
  EXPECT_EQ(outside.rule_id, "MDN-18-2");
  EXPECT_EQ(outside.rule_citation, "Pasal 18 ayat (2)");
  // Madiun states no access-request procedure: a missing grant is refused, but no article is invented.
  auto inside = data_plane_decision(in, "/madiun/penduduk/nik/1", key, "127.0.0.1", keep);
  EXPECT_EQ(inside.error_code, "gateway.no_grant");
  EXPECT_TRUE(inside.rule_id.empty());
  EXPECT_TRUE(inside.rule_citation.empty());
}

TEST(GatewayRefusalRules, EveryProfileNamesRulesItContains) {
  auto profiles = app::load_profiles(SIMPUL_SOURCE_DIR "/profiles");
  for (const auto& [id, profile] : profiles.all()) {
    const auto* g = profile->document.if_contains("gateway");
    ASSERT_NE(g, nullptr) << id;
    auto rules = gwc::refusal_rules(*profile);
    for (const char* key : {"access_rule", "network_rule"}) {
      const auto* v = g->as_object().if_contains(key);
      ASSERT_NE(v, nullptr) << id << ": gateway." << key << " must be stated (a rule id or null)";
      const auto& got = std::string(key) == "access_rule" ? rules.grant : rules.source;
      if (v->is_string()) EXPECT_EQ(got.id, std::string(v->as_string())) << id << ": gateway." << key << " names no rule of the profile";
      else EXPECT_TRUE(v->is_null() && got.id.empty()) << id << ": gateway." << key;
    }
  }
}
