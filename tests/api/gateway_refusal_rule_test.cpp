// The data plane's refusals name the region's rule where one is the reason (issue 22): the data
// plane's configuration read from the control plane's database with the tenants' profiles, and the
// decision taken on it. A consumer's key opens nothing before a grant is approved. A Balikpapan
// request is addressed and its addressees are notified (Pasal 9 ayat (5)). Both databases.
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
  keep =
      gateway::compile(std::make_shared<const gateway::Config>(gwc::load_config(in.db(), &in.platform().profiles())));
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

// Balikpapan Pasal 9 ayat (5): the request letter is addressed to the Sekda with copies to the Dinas
// and the PD Wali Data; the request shows it, and each of them finds it in the inbox. The requester
// and uninvolved agencies do not. Elsewhere no addressees are stated and nobody is told.
TEST_P(GatewayTest, BalikpapanRequestIsAddressedToTheSekdaWithCopiesAndTheyAreNotified) {
  SIMPUL_PROVES("balikpapan", "BPN-09-5");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto dukcapil = agency_id(admin, "DISDUKCAPIL"), dinkes = agency_id(admin, "DINKES");
  auto requester = user(in, admin, "balikpapan", "gw.dinkes", "agency_operator", dinkes);
  auto owner = user(in, admin, "balikpapan", "gw.dukcapil", "agency_operator", dukcapil);
  auto sekda = user(in, admin, "balikpapan", "gw.sekda", "approver", agency_id(admin, "SETDA"));
  auto dinas = user(in, admin, "balikpapan", "gw.kominfo", "technical_reviewer", agency_id(admin, "DISKOMINFO"));
  auto other = user(in, admin, "balikpapan", "gw.bapenda", "agency_operator", agency_id(admin, "BAPENDA"));
  auto service = text_of(create_service(admin, dukcapil, "catatan-sipil").json, "id");
  auto consumer = text_of(create_consumer(requester, dinkes, "SIMRS").json.at("consumer"), "id");

  auto submitted = submit_request(requester, consumer, service);
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  const auto& to = submitted.json.at("addressees");
  ASSERT_TRUE(to.is_object()) << submitted.body;
  EXPECT_EQ(text_of(to.at("rule"), "citation"), "Pasal 9 ayat (5)");
  EXPECT_EQ(text_of(to.at("to"), "role"), "sekda");
  EXPECT_NE(text_of(to.at("to"), "name").find("Sekretaris Daerah"), std::string::npos);
  ASSERT_EQ(to.at("copies").as_array().size(), 2u);
  EXPECT_EQ(text_of(to.at("copies").at(1), "agency_id"), dukcapil);

  auto inbox = [](Client& c) { return c.get("/api/notifications").json.at("items").as_array(); };
  auto id = text_of(submitted.json, "id");
  for (auto* addressee : {&sekda, &owner, &dinas}) {
    auto items = inbox(*addressee);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_NE(text_of(items.at(0), "title").find("catatan-sipil"), std::string::npos) << text_of(items.at(0), "title");
    EXPECT_NE(text_of(items.at(0), "body").find("Pasal 9 ayat (5)"), std::string::npos);
    EXPECT_NE(text_of(items.at(0), "link").find(id), std::string::npos);
  }
  EXPECT_NE(text_of(inbox(sekda).at(0), "title").find("Permohonan akses data kepada"), std::string::npos);
  EXPECT_NE(text_of(inbox(owner).at(0), "title").find("Tembusan"), std::string::npos);
  EXPECT_TRUE(inbox(requester).empty());
  EXPECT_TRUE(inbox(other).empty());
}

// No letter with copies where the text states none: only those who decide are told the request
// waits for them (docs/notifications.md, "Access requests").
TEST_P(GatewayTest, BontangStatesNoAddresseesSoOnlyTheDecidersAreTold) {
  Instance in(GetParam());
  auto admin = admin_client(in, "bontang");
  auto owner_agency = agency_id(admin, "DINKES");
  auto owner = user(in, admin, "bontang", "gw.owner", "agency_operator", owner_agency);
  auto decider = user(in, admin, "bontang", "gw.kominfo", "technical_reviewer", agency_id(admin, "DISKOMINFO"));
  auto service = text_of(create_service(admin, owner_agency, "rujukan").json, "id");
  auto consumer = text_of(create_consumer(admin, owner_agency, "SIMRS").json.at("consumer"), "id");
  auto submitted = submit_request(admin, consumer, service);
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  EXPECT_TRUE(submitted.json.at("addressees").is_null());
  EXPECT_TRUE(owner.get("/api/notifications").json.at("items").as_array().empty());
  auto told = decider.get("/api/notifications").json.at("items").as_array();
  ASSERT_EQ(told.size(), 1u);
  EXPECT_NE(text_of(told.at(0), "title").find("menunggu keputusan: Layanan rujukan"), std::string::npos)
      << text_of(told.at(0), "title");
  EXPECT_NE(text_of(told.at(0), "body").find("Pasal 21 ayat (1)"), std::string::npos);
  // The requester (an admin, who also decides the demo's requests) is not told of their own request.
  const auto id = text_of(submitted.json, "id");
  auto mine = admin.get("/api/notifications");
  for (const auto& i : mine.json.at("items").as_array())
    EXPECT_EQ(text_of(i, "link").find(id), std::string::npos) << text_of(i, "title");
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
      if (v->is_string())
        EXPECT_EQ(got.id, std::string(v->as_string())) << id << ": gateway." << key << " names no rule of the profile";
      else
        EXPECT_TRUE(v->is_null() && got.id.empty()) << id << ": gateway." << key;
    }
  }
}
