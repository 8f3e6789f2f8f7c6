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

// Answers that are documents of their own: an uploaded OpenAPI file, this document itself.
const std::set<std::string> kFreeForm = {"GET /api/openapi.json", "GET /api/gateway/services/{id}/openapi"};

// Where a schema says nothing about a value: an untyped value, an array whose items are not
// described, an object with neither properties nor a map's value schema. Generated console types
// turn each of these into `unknown`, so none may remain.
void loose(const boost::json::value& schema, const boost::json::object& components, const std::string& at,
           std::vector<std::string>& out) {
  const auto& s = schema.as_object();
  if (auto* ref = s.if_contains("$ref")) {
    auto name = std::string(ref->as_string());
    if (!components.contains(name.substr(name.rfind('/') + 1))) out.push_back(at + ": unknown " + name);
    return;  // components are walked once, on their own
  }
  for (const char* combinator : {"allOf", "oneOf"})
    if (auto* parts = s.if_contains(combinator)) {
      for (std::size_t i = 0; i < parts->as_array().size(); ++i)
        loose(parts->as_array()[i], components, at + "<" + combinator + " " + std::to_string(i) + ">", out);
      return;
    }
  if (s.contains("x-any")) return;  // stated on purpose: a value of any kind (a diff's before and after)
  if (!s.contains("type")) return out.push_back(at + ": no type");
  if (s.at("type") == "array") {
    if (!s.contains("items")) return out.push_back(at + ": items not described");
    return loose(s.at("items"), components, at + "[]", out);
  }
  if (s.at("type") != "object") return;
  if (!s.contains("properties") && !s.contains("additionalProperties")) return out.push_back(at + ": bare object");
  if (auto* props = s.if_contains("properties"))
    for (const auto& [k, v] : props->as_object()) loose(v, components, at + "." + std::string(k), out);
  if (auto* extra = s.if_contains("additionalProperties"); extra && extra->is_object())
    loose(*extra, components, at + "{}", out);
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
      std::vector<std::string> problems;
      loose(content->at("application/json").at("schema"), components, "$", problems);
      for (const auto& p : problems) ADD_FAILURE() << name << " " << status << " " << p;
    }
  }
  // A JSON request body says what it takes, so the console's inputs are generated types too.
  for (const auto& r : router.routes()) {
    const auto* op = http::operation_of(router, r.method, r.pattern);
    auto* body = op ? op->if_contains("requestBody") : nullptr;
    auto* content = body ? body->as_object().if_contains("content") : nullptr;
    auto* json_body = content ? content->as_object().if_contains("application/json") : nullptr;
    if (!json_body) continue;
    std::vector<std::string> problems;
    loose(json_body->at("schema"), components, "body", problems);
    for (const auto& p : problems) ADD_FAILURE() << r.method << " " << r.pattern << " " << p;
  }
  for (const auto& [component, schema] : components) {
    std::vector<std::string> problems;
    loose(schema, components, std::string(component), problems);
    for (const auto& p : problems) ADD_FAILURE() << "component " << p;
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
  EXPECT_EQ(committed.str(), app::openapi_text(in.platform()))
      << "regenerate: build/simpul openapi > docs/openapi.json";
}

TEST(OpenApi, SchemaCheckNamesWhereAnAnswerBreaksItsContract) {
  auto schema = boost::json::parse(R"({"type":"object","additionalProperties":false,"required":["id","items"],
    "properties":{"id":{"type":"string"},"count":{"type":"integer","nullable":true},
                  "items":{"type":"array","items":{"$ref":"#/components/schemas/Item"}}}})");
  auto components =
      boost::json::parse(R"({"Item":{"type":"object","properties":{"state":{"type":"string","enum":["a","b"]}}}})")
          .as_object();
  EXPECT_TRUE(http::schema_problems(schema, boost::json::parse(R"({"id":"x","count":null,"items":[{"state":"a"}]})"),
                                    components)
                  .empty());
  auto problems = http::schema_problems(
      schema, boost::json::parse(R"({"count":1.5,"extra":1,"items":[{"state":"c"}]})"), components);
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  EXPECT_NE(all.find("$.id: missing"), std::string::npos) << all;
  EXPECT_NE(all.find("$.count: expected integer"), std::string::npos) << all;
  EXPECT_NE(all.find("$.extra: not in the schema"), std::string::npos) << all;
  EXPECT_NE(all.find("$.items[0].state: \"c\" is not one of"), std::string::npos) << all;
}

TEST(OpenApi, SchemaCheckHoldsADetailToItsListItemAndItsOwnFields) {
  auto components =
      boost::json::parse(R"({"Item":{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}})")
          .as_object();
  auto detail = boost::json::parse(R"({"allOf":[{"$ref":"#/components/schemas/Item"},
    {"type":"object","required":["notes"],"properties":{"notes":{"type":"array","items":{"type":"string"}}}}]})");
  EXPECT_TRUE(http::schema_problems(detail, boost::json::parse(R"({"id":"x","notes":["a"]})"), components).empty());
  auto problems = http::schema_problems(detail, boost::json::parse(R"({"notes":[1]})"), components);
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  EXPECT_NE(all.find("$.id: missing"), std::string::npos) << all;
  EXPECT_NE(all.find("$.notes[0]: expected string"), std::string::npos) << all;
}

TEST(OpenApi, SchemaCheckAcceptsAValueThatMeetsOneOfItsChoices) {
  auto expected = boost::json::parse(R"({"oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}]})");
  const boost::json::object none;
  EXPECT_TRUE(http::schema_problems(expected, boost::json::parse(R"("*.madiunkota.go.id")"), none).empty());
  EXPECT_TRUE(http::schema_problems(expected, boost::json::parse(R"(["ya","tidak"])"), none).empty());
  EXPECT_FALSE(http::schema_problems(expected, boost::json::parse("3"), none).empty());
  EXPECT_FALSE(http::schema_problems(expected, boost::json::parse("[3]"), none).empty());
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
