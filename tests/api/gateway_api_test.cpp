// Gateway control plane through the API: services with policies and OpenAPI documents, consumer
// applications and their keys, agency scoping and bad input. On both databases.
#include "gateway_fixture.hpp"

#include "gateway/config.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;
namespace gwc = simpul::gateway::control;

TEST_P(GatewayTest, ServiceRoundTripWithPoliciesAndOpenapiInJsonAndYaml) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto bapenda = agency_id(admin, "BAPENDA");
  auto before = ledger_size(in);
  auto version = gwc::config_version(in.db());
  int reloads = 0;
  in.platform().gateway().on_config_change([&reloads] { ++reloads; });

  auto created = create_service(admin, bapenda, "pajak-daerah");
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = text_of(created.json, "id");
  EXPECT_EQ(text_of(created.json, "public_path"), "/balikpapan/pajak-daerah");
  EXPECT_EQ(text_of(created.json.at("owner_agency"), "code"), "BAPENDA");
  EXPECT_EQ(created.json.at("policy").at("burst").as_int64(), 20);
  EXPECT_FALSE(created.json.at("has_openapi").as_bool());
  EXPECT_GT(gwc::config_version(in.db()), version);
  EXPECT_EQ(reloads, 1);  // the in-process data plane reloads after the commit

  // A partial policy changes only what it names.
  auto patched = admin.patch("/api/gateway/services/" + id,
                             R"({"policy":{"rate_per_second":2.5,"daily_quota":500},"version":"2.0"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json.at("policy").at("rate_per_second").as_double(), 2.5);
  EXPECT_EQ(patched.json.at("policy").at("allowed_networks").as_array().size(), 2u);

  // Links name architecture elements of the right domain.
  auto element = [&](const char* domain, const char* code) {
    auto r = admin.post("/api/architecture/elements", std::string(R"({"domain":")") + domain + R"(","code":")" + code +
                                                          R"(","name":"Elemen","owner_agency_id":")" + bapenda + "\"}");
    EXPECT_EQ(r.status, 201) << r.body;
    return text_of(r.json, "id");
  };
  auto layanan = element("layanan", "LYN-PAJAK"), data = element("data_informasi", "DAT-PAJAK");
  auto linked = admin.patch("/api/gateway/services/" + id, R"({"links":{"service_element_id":")" + layanan +
                                                               R"(","data_element_id":")" + data + "\"}}");
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(text_of(linked.json.at("links"), "data_element_id"), data);
  EXPECT_EQ(admin.patch("/api/gateway/services/" + id, R"({"links":{"service_element_id":")" + data + "\"}}").status,
            422);
  before += 3;  // two elements and the links

  auto config = gwc::load_config(in.db());
  const auto* svc = find_service(config, id);  // config outlives svc
  ASSERT_NE(svc, nullptr);
  EXPECT_EQ(svc->path_prefix, "/balikpapan/pajak-daerah");
  EXPECT_EQ(svc->rate_limit.requests_per_second, 2.5);
  EXPECT_EQ(svc->daily_quota, 500u);
  EXPECT_EQ(svc->version, "2.0");
  EXPECT_TRUE(gateway::validate(config).empty());

  auto json_doc = admin.send("POST", "/api/gateway/services/" + id + "/openapi",
                             R"({"openapi":"3.0.3","info":{"title":"Pajak","version":"1"},"paths":{"/objek":{}}})",
                             {{"content-type", "application/json"}});
  ASSERT_EQ(json_doc.status, 200) << json_doc.body;
  EXPECT_TRUE(json_doc.json.at("has_openapi").as_bool());
  EXPECT_EQ(text_of(admin.get("/api/gateway/services/" + id + "/openapi").json.at("info"), "title"), "Pajak");

  auto yaml_doc = admin.send(
      "POST", "/api/gateway/services/" + id + "/openapi",
      "openapi: 3.1.0\ninfo:\n  title: Pajak YAML\n  version: '2'\npaths:\n  /objek/{nop}:\n    get:\n      responses:\n"
      "        '200': {description: ok}\n",
      {{"content-type", "application/yaml"}});
  ASSERT_EQ(yaml_doc.status, 200) << yaml_doc.body;
  EXPECT_EQ(reloads, 3);  // create, policy, links; documents do not reach the data plane: no reload for the uploads
  auto stored = admin.get("/api/gateway/services/" + id + "/openapi");
  EXPECT_EQ(text_of(stored.json.at("info"), "title"), "Pajak YAML");
  EXPECT_EQ(text_of(stored.json, "openapi"), "3.1.0");
  EXPECT_TRUE(stored.json.at("paths").at("/objek/{nop}").at("get").at("responses").as_object().contains("200"));

  // Retired services vanish from the data plane's configuration, and come back when reactivated.
  auto v1 = gwc::config_version(in.db());
  ASSERT_EQ(admin.post("/api/gateway/services/" + id + "/retire", "").status, 200);
  EXPECT_EQ(find_service(gwc::load_config(in.db()), id), nullptr);
  EXPECT_GT(gwc::config_version(in.db()), v1);
  ASSERT_EQ(admin.post("/api/gateway/services/" + id + "/activate", "").status, 200);
  EXPECT_NE(find_service(gwc::load_config(in.db()), id), nullptr);

  auto list = admin.get("/api/gateway/services?q=pajak");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json.at("total").as_int64(), 1);
  EXPECT_EQ(ledger_size(in), before + 6);  // create, update, 2 uploads, retire, activate
}

TEST_P(GatewayTest, BadOpenapiDocumentsAreRefusedAndChangeNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto id = text_of(create_service(admin, agency_id(admin, "BAPENDA"), "pajak").json, "id");
  auto before = ledger_size(in);
  auto upload = [&](const std::string& body) {
    return admin.send("POST", "/api/gateway/services/" + id + "/openapi", body,
                      {{"content-type", "application/octet-stream"}});
  };
  for (const std::string& bad :
       {std::string("{\"openapi\":\"3.0.0\""), std::string("openapi: [tidak ditutup"),
        std::string(R"({"swagger":"2.0","info":{},"paths":{}})"), std::string("[1,2]"), std::string(""),
        std::string("openapi: 3.0.0\ninfo: teks\n"), std::string("\xff\xfe")}) {
    auto r = upload(bad);
    EXPECT_EQ(r.status, 422) << bad << " " << r.body;
    EXPECT_EQ(r.error_code(), "gateway.openapi_invalid") << bad;
  }
  // An alias bomb expands to far more nodes than it has characters.
  std::string bomb = "openapi: 3.0.0\ninfo: {title: x, version: '1'}\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c)
    bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
            char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
            ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
  EXPECT_EQ(upload(bomb).error_code(), "gateway.openapi_invalid");
  auto large = upload("{\"openapi\":\"3.0.0\",\"x\":\"" + std::string(2 * 1024 * 1024, 'a') + "\"}");
  EXPECT_EQ(large.status, 413) << large.body;
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(admin.get("/api/gateway/services/" + id + "/openapi").error_code(), "gateway.openapi_missing");
}

TEST_P(GatewayTest, AgencyOperatorWritesOnlyTheirOwnAgencysServicesAndConsumers) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto dinsos = agency_id(admin, "DINSOS"), bapenda = agency_id(admin, "BAPENDA");
  auto op = user(in, admin, "balikpapan", "gw.dinsos", "agency_operator", dinsos);
  auto theirs = text_of(create_service(admin, bapenda, "pajak").json, "id");
  auto before = ledger_size(in);

  EXPECT_EQ(create_service(op, bapenda, "bukan-milik").status, 403);
  EXPECT_EQ(op.patch("/api/gateway/services/" + theirs, R"({"name":"Diambil alih"})").status, 403);
  EXPECT_EQ(op.post("/api/gateway/services/" + theirs + "/retire", "").status, 403);
  EXPECT_EQ(create_consumer(op, bapenda, "Aplikasi orang lain").status, 403);
  EXPECT_EQ(ledger_size(in), before);

  auto own = create_service(op, dinsos, "bansos");
  ASSERT_EQ(own.status, 201) << own.body;
  // Moving the service to another agency is a write for that agency too.
  EXPECT_EQ(
      op.patch("/api/gateway/services/" + text_of(own.json, "id"), R"({"owner_agency_id":")" + bapenda + "\"}").status,
      403);
  EXPECT_EQ(text_of(admin.get("/api/gateway/services/" + theirs).json, "name"), "Layanan pajak");
  auto viewer = user(in, admin, "balikpapan", "gw.viewer", "viewer", dinsos);
  EXPECT_EQ(viewer.get("/api/gateway/services").status, 200);
  EXPECT_EQ(create_service(viewer, dinsos, "x").status, 403);
  EXPECT_EQ(viewer.get("/api/gateway/status").status, 403);
}

TEST_P(GatewayTest, ConsumerKeyIsShownOnceStoredHashedAndRotatesUntilRevoked) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto dinkes = agency_id(admin, "DINKES");
  auto created = create_consumer(admin, dinkes, "SIMRS");
  ASSERT_EQ(created.status, 201) << created.body;
  auto key = text_of(created.json, "api_key");
  auto id = text_of(created.json.at("consumer"), "id");
  auto first_key_id = text_of(created.json, "key_id");
  ASSERT_GE(key.size(), 40u);
  EXPECT_EQ(text_of(created.json.at("consumer").at("keys").at(0), "prefix"), key.substr(0, 8));

  auto shown = admin.get("/api/gateway/consumers/" + id);
  EXPECT_EQ(shown.body.find(key), std::string::npos);
  EXPECT_FALSE(shown.json.as_object().contains("api_key"));
  auto stored = storage::read(in.db(), [&](storage::Connection& c) {
    return c.query("SELECT key_sha256 FROM gw_api_keys WHERE consumer_id = ?", {id}).at(0).text_at(0);
  });
  EXPECT_EQ(stored, gateway::api_key_hash(key));
  auto ledger_text = storage::read(in.db(), [&](storage::Connection& c) {
    std::string all;
    for (const auto& r : c.query("SELECT details FROM ledger_entries")) all += r.text_at(0);
    return all;
  });
  EXPECT_EQ(ledger_text.find(key), std::string::npos);
  EXPECT_EQ(ledger_text.find(stored), std::string::npos);

  auto config = gwc::load_config(in.db());
  const auto* consumer = find_consumer(config, id);
  ASSERT_NE(consumer, nullptr);
  EXPECT_EQ(consumer->api_key_sha256, std::vector<std::string>{gateway::api_key_hash(key)});

  auto rotated = admin.post("/api/gateway/consumers/" + id + "/keys", "");
  ASSERT_EQ(rotated.status, 201) << rotated.body;
  auto second = text_of(rotated.json, "api_key");
  EXPECT_NE(second, key);
  auto rotated_config = gwc::load_config(in.db());
  EXPECT_EQ(find_consumer(rotated_config, id)->api_key_sha256.size(), 2u);
  auto revoked = admin.post("/api/gateway/consumers/" + id + "/keys/" + first_key_id + "/revoke", "");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  auto after_revoke = gwc::load_config(in.db());
  EXPECT_EQ(find_consumer(after_revoke, id)->api_key_sha256, std::vector<std::string>{gateway::api_key_hash(second)});
  EXPECT_EQ(admin.post("/api/gateway/consumers/" + id + "/keys/" + first_key_id + "/revoke", "").error_code(),
            "gateway.already_revoked");

  auto patched =
      admin.patch("/api/gateway/consumers/" + id, R"({"client_cert_sha256":[")" + std::string(64, 'A') + "\"]}");
  ASSERT_EQ(patched.status, 200) << patched.body;
  auto with_cert = gwc::load_config(in.db());
  EXPECT_EQ(find_consumer(with_cert, id)->client_cert_sha256, std::vector<std::string>{std::string(64, 'a')});

  ASSERT_EQ(admin.post("/api/gateway/consumers/" + id + "/disable", "").status, 200);
  EXPECT_EQ(find_consumer(gwc::load_config(in.db()), id), nullptr);
  ASSERT_EQ(admin.post("/api/gateway/consumers/" + id + "/enable", "").status, 200);
  EXPECT_NE(find_consumer(gwc::load_config(in.db()), id), nullptr);
}

TEST_P(GatewayTest, BadInputIsRefusedWithACatalogueErrorAndChangesNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto agency = agency_id(admin, "BAPENDA");
  auto service = text_of(create_service(admin, agency, "pajak").json, "id");
  auto consumer = text_of(create_consumer(admin, agency, "Aplikasi").json.at("consumer"), "id");
  auto before = ledger_size(in);
  auto version = gwc::config_version(in.db());
  auto body = [&](const std::string& fields) {
    return R"({"code":"baru","name":"Baru","upstream_base_url":"http://10.0.0.1/api","owner_agency_id":")" + agency +
           "\"" + fields + "}";
  };
  struct Case {
    std::string method, path, body;
    int status;
    std::string code;
  };
  std::vector<Case> cases = {
      {"POST", "/api/gateway/services", "{\"code\":", 400, ""},
      {"POST", "/api/gateway/services", body(R"(,"extra":1)"), 422, "validation.unknown_field"},
      {"POST", "/api/gateway/services", body(R"(,"policy":{"burst":"banyak"})"), 422, "validation.wrong_type"},
      {"POST", "/api/gateway/services", body(R"(,"policy":{"allowed_networks":["10.0.0.0/33"]})"), 422,
       "validation.invalid_value"},
      {"POST", "/api/gateway/services", body(R"(,"policy":{"allowed_networks":["bukan-cidr"]})"), 422,
       "validation.invalid_value"},
      {"POST", "/api/gateway/services", body(R"(,"policy":{"rate_per_second":-1})"), 422, "validation.invalid_value"},
      {"POST", "/api/gateway/services", body(R"(,"policy":{"unknown":1})"), 422, "validation.unknown_field"},
      {"POST", "/api/gateway/services", body(R"(,"policy":{"health_path":"/../admin"})"), 422,
       "validation.invalid_value"},
      {"POST", "/api/gateway/services", body(R"(,"classification":"sangat_rahasia")"), 422, "validation.invalid_value"},
      {"PATCH", "/api/gateway/services/" + service, R"({"upstream_base_url":"ftp://10.0.0.1/api"})", 422,
       "validation.invalid_value"},
      {"PATCH", "/api/gateway/services/" + service, R"({"upstream_base_url":"http://"})", 422,
       "validation.invalid_value"},
      {"PATCH", "/api/gateway/services/" + service, R"x({"upstream_base_url":"javascript:alert(1)"})x", 422,
       "validation.invalid_value"},
      {"PATCH", "/api/gateway/services/" + service, R"({"upstream_base_url":"http://user:pw@host/api"})", 422,
       "validation.invalid_value"},
      {"PATCH", "/api/gateway/services/" + service, R"({"code":"Pajak Daerah"})", 422, "validation.invalid_value"},
      {"PATCH", "/api/gateway/services/" + service, R"({"code":"x'; DROP TABLE gw_services;--"})", 422,
       "validation.invalid_value"},
      {"PATCH", "/api/gateway/services/" + service, R"({"code":"kependudukan"})", 409, "gateway.code_taken"},
      {"PATCH", "/api/gateway/services/" + service, R"({"links":{"application_id":"aaaaaaaaaaaaaaaaaaaa"}})", 422,
       "validation.invalid_value"},
      {"PATCH", "/api/gateway/services/" + service, R"({"name":42})", 422, "validation.wrong_type"},
      {"PATCH", "/api/gateway/services/aaaaaaaaaaaaaaaaaaaa", R"({"name":"x"})", 404, "gateway.service_not_found"},
      {"POST", "/api/gateway/consumers", R"({"name":"x","agency_id":"aaaaaaaaaaaaaaaaaaaa"})", 422,
       "validation.invalid_value"},
      {"PATCH", "/api/gateway/consumers/" + consumer, R"({"client_cert_sha256":["abc"]})", 422,
       "validation.invalid_value"},
      {"POST", "/api/gateway/access-requests",
       R"({"consumer_id":")" + consumer + R"(","service_id":")" + service +
           R"(","methods":["TRACE"],"responsible_person":"a","work_unit":"b","purpose":"c","data_needed":"d","commercial_use":false})",
       422, "validation.invalid_value"},
      {"POST", "/api/gateway/access-requests",
       R"({"consumer_id":")" + consumer + R"(","service_id":")" + service +
           R"(","path_prefix":"/a/../b","responsible_person":"a","work_unit":"b","purpose":"c","data_needed":"d","commercial_use":false})",
       422, "validation.invalid_value"},
      {"POST", "/api/gateway/access-requests",
       R"({"consumer_id":")" + consumer + R"(","service_id":")" + service +
           R"(","responsible_person":"a","work_unit":"b","purpose":"  ","data_needed":"d","commercial_use":false})",
       422, "validation.missing_field"},
      {"POST", "/api/gateway/access-requests",
       R"({"consumer_id":")" + consumer + R"(","service_id":")" + service +
           R"(","responsible_person":"a","work_unit":"b","purpose":"c","data_needed":"d"})",
       422, "validation.missing_field"},
      {"GET", "/api/gateway/exchanges/abc/proof", "", 400, "request.invalid_id"},
      {"GET", "/api/gateway/exchanges?status=42", "", 400, "request.invalid_query"},
      {"GET", "/api/gateway/services?active=maybe", "", 400, "request.invalid_query"},
  };
  for (const auto& c : cases) {
    auto r = admin.send(c.method, c.path, c.body);
    EXPECT_EQ(r.status, c.status) << c.method << " " << c.path << " " << c.body << " -> " << r.body;
    if (!c.code.empty()) {
      EXPECT_EQ(r.error_code(), c.code) << c.path << " " << c.body;
    }
  }
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(gwc::config_version(in.db()), version);
  EXPECT_EQ(text_of(admin.get("/api/gateway/services/" + service).json, "code"), "pajak");

  // Another tenant's ids are unknown here.
  auto other = admin_client(in, "bontang");
  before = ledger_size(in);
  EXPECT_EQ(other.get("/api/gateway/services/" + service).status, 404);
  EXPECT_EQ(other.patch("/api/gateway/services/" + service, R"({"name":"x"})").status, 404);
  EXPECT_EQ(other.post("/api/gateway/consumers/" + consumer + "/keys", "").status, 404);
  EXPECT_EQ(ledger_size(in), before);
}

INSTANTIATE_TEST_SUITE_P(Databases, GatewayTest, ::testing::ValuesIn(test_support::backends()));
