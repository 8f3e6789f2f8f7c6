// The JSON configuration file of a data plane run without the platform (config_file.hpp).
#include "gateway/config_file.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace simpul::gateway {
namespace {

constexpr const char* kValid = R"({
  "version": 3,
  "services": [{"id": "svc-1", "name": "Kependudukan", "path_prefix": "/bench/kependudukan",
                "upstream_base_url": "http://127.0.0.1:18081", "allowed_networks": ["127.0.0.0/8", "::1/128"],
                "max_body_bytes": 4096, "upstream_timeout_ms": 2000, "retries_idempotent": 1,
                "rate_limit": {"requests_per_second": 50.5, "burst": 10}, "daily_quota": 1000,
                "health_path": "/health"}],
  "consumers": [{"id": "c-1", "name": "SIMPEG", "agency_id": "a-1",
                 "api_key_sha256": ["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"]}],
  "grants": [{"consumer_id": "c-1", "service_id": "svc-1", "path_prefix": "/penduduk", "methods": ["GET"]},
             {"consumer_id": "c-1", "service_id": "svc-1", "path_prefix": null}]
})";

std::string error_of(const std::string& json) {
  try {
    config_from_json(json);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ConfigFile, ReadsEveryField) {
  auto c = config_from_json(kValid);
  EXPECT_EQ(c->version, 3u);
  ASSERT_EQ(c->services.size(), 1u);
  const auto& s = c->services[0];
  EXPECT_EQ(s.path_prefix, "/bench/kependudukan");
  EXPECT_EQ(s.allowed_networks.size(), 2u);
  EXPECT_EQ(s.max_body_bytes, 4096u);
  EXPECT_EQ(s.upstream_timeout_ms, 2000u);
  EXPECT_EQ(s.retries_idempotent, 1u);
  EXPECT_DOUBLE_EQ(s.rate_limit.requests_per_second, 50.5);
  EXPECT_EQ(s.rate_limit.burst, 10u);
  EXPECT_EQ(s.daily_quota, 1000u);
  EXPECT_EQ(s.health_path, "/health");
  EXPECT_FALSE(s.store_bodies);
  ASSERT_EQ(c->consumers.size(), 1u);
  EXPECT_EQ(c->consumers[0].api_key_sha256[0], api_key_hash("test"));
  ASSERT_EQ(c->grants.size(), 2u);
  EXPECT_EQ(c->grants[0].path_prefix, "/penduduk");
  EXPECT_EQ(c->grants[0].methods, std::vector<std::string>{"GET"});
  EXPECT_FALSE(c->grants[1].path_prefix.has_value());
}

TEST(ConfigFile, RefusesTyposWrongTypesAndInvalidConfigurations) {
  EXPECT_NE(error_of("{"), "");
  EXPECT_NE(error_of("[]").find("not an object"), std::string::npos);
  // A misspelt policy field must not silently fall back to "unlimited".
  EXPECT_NE(error_of(R"({"services":[{"id":"s","path_prefix":"/a","upstream_base_url":"http://x","dialy_quota":5}]})")
                .find("unknown field \"dialy_quota\""),
            std::string::npos);
  EXPECT_NE(
      error_of(R"({"services":[{"id":"s","path_prefix":"/a","upstream_base_url":"http://x","max_body_bytes":"big"}]})")
          .find("max_body_bytes"),
      std::string::npos);
  EXPECT_NE(
      error_of(R"({"services":[{"id":"s","path_prefix":"/a","upstream_base_url":"http://x","max_body_bytes":-1}]})"),
      "");
  EXPECT_NE(error_of(R"({"services":[{"id":"s","upstream_base_url":"http://x"}]})").find("lacks \"path_prefix\""),
            std::string::npos);
  // validate() problems are reported together.
  auto both = error_of(
      R"({"services":[{"id":"s","path_prefix":"/a","upstream_base_url":"http://x","allowed_networks":["10.0.0.0/99"]}],
                           "grants":[{"consumer_id":"nobody","service_id":"s"}]})");
  EXPECT_NE(both.find("invalid"), std::string::npos);
  EXPECT_NE(both.find("10.0.0.0/99"), std::string::npos);
  EXPECT_NE(both.find("nobody"), std::string::npos);
}

TEST(ConfigFile, MissingFileIsReported) {
  EXPECT_THROW(load_config_file("/nonexistent/simpul-gateway.json"), std::invalid_argument);
}

}  // namespace
}  // namespace simpul::gateway
