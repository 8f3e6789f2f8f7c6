// The API contract: every registered route is described by its module with real schemas, the
// served document is what docs/openapi.json says, and (in api_harness.cpp) every answer the API
// tests receive is checked against its route's schema.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "api_harness.hpp"
#include "app/system_routes.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "http/api_description.hpp"

using namespace simpul;

namespace {

// Answers that are documents of their own: a profile as its YAML says, an uploaded OpenAPI file,
// this document itself.
const std::set<std::string> kFreeForm = {"GET /api/openapi.json", "GET /api/profiles/{id}", "GET /api/gateway/services/{id}/openapi"};

bool bare(const boost::json::value& schema, const boost::json::object& components) {
  const auto& s = schema.as_object();
  if (auto* ref = s.if_contains("$ref")) {
    auto name = std::string(ref->as_string());
    return bare(components.at(name.substr(name.rfind('/') + 1)), components);
  }
  if (s.contains("type") && s.at("type") == "object") return !s.contains("properties") && !s.contains("additionalProperties");
  if (s.contains("type") && s.at("type") == "array") return !s.contains("items") || bare(s.at("items"), components);
  return !s.contains("type");
}

}  // namespace

TEST(OpenApi, EveryRegisteredRouteIsDescribedWithARealSchema) {
  crypto::use_minimum_password_cost_for_tests();
  api_test::Instance in("sqlite");
  const auto& router = in.platform().router();
  const auto& components = router.description().at("schemas").as_object();
  for (const auto& r : router.routes()) {
    std::string name = r.method + " " + r.pattern;
    const auto* op = http::operation_of(router, r.method, r.pattern);
    ASSERT_NE(op, nullptr) << name << " is registered but its module does not describe it";
    EXPECT_TRUE(op->contains("summary")) << name;
    for (const auto& [status, resp] : op->at("responses").as_object()) {
      if (status == "default" || kFreeForm.count(name)) continue;
      auto* content = resp.as_object().if_contains("content");
      if (!content || !content->as_object().contains("application/json")) continue;  // 204, downloads
      EXPECT_FALSE(bare(content->at("application/json").at("schema"), components)) << name << " " << status << ": a bare object";
    }
  }
  // Nothing is described that no route serves.
  std::size_t described = 0;
  for (const auto& [path, ops] : router.description().at("paths").as_object()) described += ops.as_object().size();
  EXPECT_EQ(described, router.routes().size()) << "descriptions without a route";
}

TEST(OpenApi, TheCommittedDocumentIsWhatTheModulesDescribe) {
  crypto::use_minimum_password_cost_for_tests();
  api_test::Instance in("sqlite");
  std::ifstream file(std::filesystem::path(SIMPUL_SOURCE_DIR) / "docs" / "openapi.json");
  std::stringstream committed;
  committed << file.rdbuf();
  EXPECT_EQ(committed.str(), app::openapi_text(in.platform())) << "regenerate: build/simpul openapi > docs/openapi.json";
}

TEST(OpenApi, SchemaCheckNamesWhereAnAnswerBreaksItsContract) {
  auto schema = boost::json::parse(R"({"type":"object","additionalProperties":false,"required":["id","items"],
    "properties":{"id":{"type":"string"},"count":{"type":"integer","nullable":true},
                  "items":{"type":"array","items":{"$ref":"#/components/schemas/Item"}}}})");
  auto components = boost::json::parse(R"({"Item":{"type":"object","properties":{"state":{"type":"string","enum":["a","b"]}}}})").as_object();
  EXPECT_TRUE(http::schema_problems(schema, boost::json::parse(R"({"id":"x","count":null,"items":[{"state":"a"}]})"), components).empty());
  auto problems = http::schema_problems(schema, boost::json::parse(R"({"count":1.5,"extra":1,"items":[{"state":"c"}]})"), components);
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  EXPECT_NE(all.find("$.id: missing"), std::string::npos) << all;
  EXPECT_NE(all.find("$.count: expected integer"), std::string::npos) << all;
  EXPECT_NE(all.find("$.extra: not in the schema"), std::string::npos) << all;
  EXPECT_NE(all.find("$.items[0].state: \"c\" is not one of"), std::string::npos) << all;
}

TEST(OpenApi, IsServedWithoutSignIn) {
  crypto::use_minimum_password_cost_for_tests();
  api_test::Instance in("sqlite");
  api_test::Client anon(in);
  auto r = anon.get("/api/openapi.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json.at("openapi").as_string(), "3.0.3");
  EXPECT_EQ(anon.get("/healthz").json.at("status").as_string(), "ok");
  EXPECT_EQ(anon.get("/api/agencies").error_code(), "auth.required");
}
