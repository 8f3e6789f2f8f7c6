// The OpenAPI document stays honest: every registered route is documented, and nothing documented is missing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api_harness.hpp"
#include "app/system_routes.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"

using namespace simpul;

TEST(OpenApi, EveryRegisteredRouteIsDocumentedAndViceVersa) {
  crypto::use_minimum_password_cost_for_tests();
  api_test::Instance in("sqlite");
  auto doc = boost::json::parse(app::openapi_document()).as_object();
  const auto& paths = doc.at("paths").as_object();
  std::size_t documented = 0;
  for (const auto& [path, ops] : paths) documented += ops.as_object().size();
  const auto& routes = in.platform().router().routes();
  for (const auto& r : routes) {
    auto method = text::to_lower_ascii(r.method);
    ASSERT_TRUE(paths.contains(r.pattern)) << "undocumented path " << r.method << " " << r.pattern;
    EXPECT_TRUE(paths.at(r.pattern).as_object().contains(method)) << "undocumented " << r.method << " " << r.pattern;
  }
  EXPECT_EQ(documented, routes.size()) << "the document lists operations that no route serves";
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
