#pragma once
// Helpers shared by the gateway control-plane API tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "gateway/control/data_plane.hpp"
#include "testing/test_database.hpp"

namespace simpul::api_test {

class GatewayTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

/// A new agency (a second tenant of a test instance has no organisation yet).
inline std::string new_agency(Client& c, const std::string& code) {
  auto r =
      c.post("/api/agencies", R"({"code":")" + code + R"(","name":"Badan )" + code + R"(","type":"badan_daerah"})");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? std::string(r.json.at("id").as_string()) : std::string();
}

/// POST /api/gateway/services with a loopback-only policy.
inline Reply create_service(Client& c, const std::string& agency, const std::string& code) {
  return c.post("/api/gateway/services",
                R"({"code":")" + code + R"(","name":"Layanan )" + code +
                    R"(","upstream_base_url":"http://127.0.0.1:9000/api","owner_agency_id":")" + agency +
                    R"(","policy":{"allowed_networks":["127.0.0.0/8","::1/128"],"rate_per_second":10,"burst":20}})");
}

inline Reply create_consumer(Client& c, const std::string& agency, const std::string& name) {
  return c.post("/api/gateway/consumers", R"({"name":")" + name + R"(","agency_id":")" + agency + "\"}");
}

/// An access request with the four fields of Balikpapan Pasal 9 ayat (6).
inline Reply submit_request(Client& c, const std::string& consumer, const std::string& service,
                            bool commercial = false) {
  return c.post(
      "/api/gateway/access-requests",
      R"({"consumer_id":")" + consumer + R"(","service_id":")" + service +
          R"(","path_prefix":"/akta","methods":["GET"],"responsible_person":"dr. Sari","work_unit":"Bidang Pelayanan",)"
          R"("purpose":"Verifikasi data pasien","data_needed":"NIK dan nama, JSON","commercial_use":)" +
          (commercial ? "true" : "false") + "}");
}

inline const gateway::GrantConfig* find_grant(const gateway::Config& c, const std::string& consumer,
                                              const std::string& service) {
  auto it = std::find_if(c.grants.begin(), c.grants.end(),
                         [&](const auto& g) { return g.consumer_id == consumer && g.service_id == service; });
  return it == c.grants.end() ? nullptr : &*it;
}

inline const gateway::ServiceConfig* find_service(const gateway::Config& c, const std::string& id) {
  auto it = std::find_if(c.services.begin(), c.services.end(), [&](const auto& s) { return s.id == id; });
  return it == c.services.end() ? nullptr : &*it;
}

inline const gateway::ConsumerConfig* find_consumer(const gateway::Config& c, const std::string& id) {
  auto it = std::find_if(c.consumers.begin(), c.consumers.end(), [&](const auto& s) { return s.id == id; });
  return it == c.consumers.end() ? nullptr : &*it;
}

}  // namespace simpul::api_test
