// Access requests decided as each regulation says, the grants they produce in the data plane's
// configuration, the status view per tenant, and the message log's exchanges and proofs.
#include "gateway_fixture.hpp"

#include <fstream>
#include <set>

#include <boost/json/serialize.hpp>

#include "gateway/control/control_plane.hpp"
#include "gateway/body_store.hpp"
#include "gateway/message_log.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;
namespace gwc = simpul::gateway::control;

TEST_P(GatewayTest, BalikpapanRequestIsRecommendedByTheOwnerAgencyAndDecidedByTheSekda) {
  SIMPUL_PROVES("balikpapan", "BPN-09-6");
  SIMPUL_PROVES("balikpapan", "BPN-09-7");
  SIMPUL_PROVES("balikpapan", "BPN-09-8");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto dukcapil = agency_id(admin, "DISDUKCAPIL"), dinkes = agency_id(admin, "DINKES");
  auto requester = user(in, admin, "balikpapan", "gw.dinkes", "agency_operator", dinkes);
  auto owner = user(in, admin, "balikpapan", "gw.dukcapil", "agency_operator", dukcapil);
  auto sekda = user(in, admin, "balikpapan", "gw.sekda", "approver", agency_id(admin, "SETDA"));
  auto service = text_of(create_service(admin, dukcapil, "catatan-sipil").json, "id");
  auto consumer_reply = create_consumer(requester, dinkes, "SIMRS");
  ASSERT_EQ(consumer_reply.status, 201) << consumer_reply.body;
  auto consumer = text_of(consumer_reply.json.at("consumer"), "id");

  // Pasal 9 ayat (6): each missing item of the letter is refused citing its huruf; nothing is stored.
  auto stored = admin.get("/api/gateway/access-requests").json.at("total").as_int64();
  const std::pair<const char*, const char*> items[] = {
      {"responsible_person", "a"}, {"work_unit", "b"}, {"purpose", "c"}, {"data_needed", "d"}};
  for (const auto& [field, huruf] : items) {
    auto body = boost::json::object{{"consumer_id", consumer},
                                    {"service_id", service},
                                    {"responsible_person", "dr. Sari"},
                                    {"work_unit", "Bidang Pelayanan"},
                                    {"purpose", "Verifikasi data pasien"},
                                    {"data_needed", "NIK dan nama, JSON"},
                                    {"commercial_use", false}};
    body[field] = "  ";
    auto missing = requester.post("/api/gateway/access-requests", boost::json::serialize(body));
    EXPECT_EQ(missing.error_code(), "validation.missing_field") << field;
    EXPECT_EQ(missing.rule_id(), "BPN-09-6") << field;
    EXPECT_EQ(std::string(missing.json.at("error").at("rule").at("citation").as_string()),
              std::string("Pasal 9 ayat (6) huruf ") + huruf);
  }
  EXPECT_EQ(admin.get("/api/gateway/access-requests").json.at("total").as_int64(), stored);

  auto submitted = submit_request(requester, consumer, service);
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  auto id = text_of(submitted.json, "id");
  EXPECT_EQ(text_of(submitted.json, "state"), "diajukan");
  EXPECT_TRUE(submitted.json.at("can_cancel").as_bool());
  EXPECT_FALSE(submitted.json.at("can_decide").as_bool());
  EXPECT_EQ(text_of(submitted.json.at("steps").at(0), "action"), "ajukan");

  // Pasal 9 ayat (8): no decision before the PD Wali Data's recommendation.
  auto early = sekda.post("/api/gateway/access-requests/" + id + "/decide", R"({"approve":true,"note":"ok"})");
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.error_code(), "gateway.recommendation_required");
  EXPECT_EQ(early.rule_id(), "BPN-09-8");
  EXPECT_EQ(requester.post("/api/gateway/access-requests/" + id + "/recommend", R"({"recommend":true})").status, 403);
  EXPECT_TRUE(owner.get("/api/gateway/access-requests/" + id).json.at("can_recommend").as_bool());
  auto recommended = owner.post("/api/gateway/access-requests/" + id + "/recommend",
                                R"({"recommend":true,"note":"Data boleh dibagikan"})");
  ASSERT_EQ(recommended.status, 200) << recommended.body;
  EXPECT_EQ(text_of(recommended.json, "state"), "direkomendasikan");

  // Only the Sekda decides: not the requester, not the administrator.
  EXPECT_EQ(requester.post("/api/gateway/access-requests/" + id + "/decide", R"({"approve":true})").status, 403);
  auto by_admin = admin.post("/api/gateway/access-requests/" + id + "/decide", R"({"approve":true})");
  EXPECT_EQ(by_admin.error_code(), "gateway.not_decider");
  EXPECT_EQ(by_admin.rule_id(), "BPN-09-8");
  EXPECT_TRUE(sekda.get("/api/gateway/access-requests/" + id).json.at("can_decide").as_bool());
  auto version = gwc::config_version(in.db());
  auto before = ledger_size(in);
  auto decided = sekda.post("/api/gateway/access-requests/" + id + "/decide", R"({"approve":true,"note":"Disetujui"})");
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(text_of(decided.json, "state"), "disetujui");
  EXPECT_EQ(decided.json.at("steps").as_array().size(), 3u);
  EXPECT_EQ(ledger_size(in), before + 1);
  EXPECT_GT(gwc::config_version(in.db()), version);
  auto grant_id = text_of(decided.json, "grant_id");

  auto config = gwc::load_config(in.db());
  const auto* grant = find_grant(config, consumer, service);
  ASSERT_NE(grant, nullptr);
  EXPECT_EQ(grant->path_prefix.value_or(""), "/akta");
  EXPECT_EQ(grant->methods, std::vector<std::string>{"GET"});
  auto grants = admin.get("/api/gateway/grants?consumer=" + consumer);
  ASSERT_EQ(grants.json.at("total").as_int64(), 1);
  const auto& basis = grants.json.at("items").at(0).at("legal_basis");
  EXPECT_EQ(text_of(basis, "kind"), "permohonan");
  EXPECT_EQ(text_of(basis, "request_id"), id);
  EXPECT_EQ(text_of(basis.at("rule"), "id"), "BPN-09-8");
  auto directory = requester.get("/api/gateway/directory");
  for (const auto& s : directory.json.at("items").as_array())
    if (text_of(s, "id") == service) {
      EXPECT_EQ(text_of(s, "my_access"), "ada");
    }

  // Ayat (7) "dapat ditolak": a ground is a flag the Sekda sees, not a refusal by the platform. The
  // commercial ground comes from the form and from the purpose's words; the network ground from the
  // address the request was sent from.
  auto ticked = submit_request(requester, consumer, service, true);
  ASSERT_EQ(ticked.status, 201) << ticked.body;
  auto commercial = text_of(ticked.json, "id");
  ASSERT_EQ(ticked.json.at("grounds").as_array().size(), 1u) << ticked.body;
  EXPECT_EQ(text_of(ticked.json.at("grounds").at(0), "id"), "penggunaan_komersial");
  EXPECT_EQ(text_of(ticked.json.at("grounds").at(0).at("rule"), "citation"), "Pasal 9 ayat (7)");
  EXPECT_EQ(text_of(ticked.json, "source_address"), "127.0.0.1");
  Client outside = requester;
  outside.remote_address = "203.0.113.9";
  auto worded = outside.post(
      "/api/gateway/access-requests",
      R"({"consumer_id":")" + consumer + R"(","service_id":")" + service +
          R"(","responsible_person":"dr. Sari","work_unit":"Bidang Pelayanan","purpose":"Data akan dijual ke mitra",)"
          R"("data_needed":"NIK","commercial_use":false})");
  ASSERT_EQ(worded.status, 201) << worded.body;
  std::set<std::string> flags;
  for (const auto& g : worded.json.at("grounds").as_array()) flags.insert(text_of(g, "id"));
  EXPECT_EQ(flags, (std::set<std::string>{"penggunaan_komersial", "di_luar_jaringan_pemda"}));
  EXPECT_TRUE(submit_request(requester, consumer, service).json.at("grounds").as_array().empty())
      << "no ground, no flag";

  ASSERT_EQ(owner.post("/api/gateway/access-requests/" + commercial + "/recommend", R"({"recommend":false})").status,
            200);
  auto unexplained = sekda.post("/api/gateway/access-requests/" + commercial + "/decide", R"({"approve":true})");
  EXPECT_EQ(unexplained.error_code(), "validation.missing_field") << unexplained.body;
  EXPECT_EQ(unexplained.rule_id(), "BPN-09-7");
  EXPECT_EQ(text_of(sekda.get("/api/gateway/access-requests/" + commercial).json, "state"), "direkomendasikan");
  EXPECT_EQ(
      sekda
          .post("/api/gateway/access-requests/" + commercial + "/decide", R"({"approve":false,"ground":"bukan_dasar"})")
          .error_code(),
      "validation.invalid_value");
  auto rejected = sekda.post("/api/gateway/access-requests/" + commercial + "/decide",
                             R"({"approve":false,"ground":"penggunaan_komersial","note":"Untuk dijual"})");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(text_of(rejected.json, "state"), "ditolak");
  EXPECT_EQ(text_of(rejected.json.at("steps").as_array().back(), "ground"), "penggunaan_komersial");
  EXPECT_EQ(sekda.post("/api/gateway/access-requests/" + commercial + "/decide", R"({"approve":false})").error_code(),
            "gateway.request_state");
  // Revoking the grant removes it from the data plane.
  version = gwc::config_version(in.db());
  auto revoked = owner.post("/api/gateway/grants/" + grant_id + "/revoke", R"({"reason":"Kerja sama selesai"})");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_FALSE(revoked.json.at("revoked_at").is_null());
  EXPECT_EQ(find_grant(gwc::load_config(in.db()), consumer, service), nullptr);
  EXPECT_GT(gwc::config_version(in.db()), version);
  EXPECT_EQ(owner.post("/api/gateway/grants/" + grant_id + "/revoke", R"({"reason":"lagi"})").error_code(),
            "gateway.already_revoked");
  EXPECT_EQ(requester.post("/api/gateway/grants/" + grant_id + "/revoke", R"({"reason":"x"})").status, 403);

  // The same ground may be outweighed: the Sekda approves with the reason on record.
  auto weighed = text_of(worded.json, "id");
  ASSERT_EQ(owner.post("/api/gateway/access-requests/" + weighed + "/recommend", R"({"recommend":true})").status, 200);
  auto approved = sekda.post("/api/gateway/access-requests/" + weighed + "/decide",
                             R"({"approve":true,"note":"Kerja sama layanan publik, bukan penjualan"})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(text_of(approved.json, "state"), "disetujui");
}

TEST_P(GatewayTest, BontangRequestIsDecidedByTheDinasWithoutRecommendationAndNeverByItsRequester) {
  Instance in(GetParam());
  auto admin = admin_client(in, "bontang");
  auto dukcapil = agency_id(admin, "DISDUKCAPIL"), dinsos = agency_id(admin, "DINSOS");
  auto reviewer = user(in, admin, "bontang", "gw.penelaah", "technical_reviewer", agency_id(admin, "DISKOMINFO"));
  auto sekda = user(in, admin, "bontang", "gw.sekda", "approver", agency_id(admin, "DISKOMINFO"));
  auto owner = user(in, admin, "bontang", "gw.dukcapil", "agency_operator", dukcapil);
  auto service = text_of(create_service(admin, dukcapil, "catatan-sipil").json, "id");
  auto consumer = text_of(create_consumer(admin, dinsos, "SIKS").json.at("consumer"), "id");
  auto id = text_of(submit_request(admin, consumer, service).json, "id");

  EXPECT_EQ(admin.post("/api/gateway/access-requests/" + id + "/decide", R"({"approve":true})").error_code(),
            "gateway.self_decision");
  EXPECT_EQ(sekda.post("/api/gateway/access-requests/" + id + "/decide", R"({"approve":true})").error_code(),
            "gateway.not_decider");
  EXPECT_EQ(owner.post("/api/gateway/access-requests/" + id + "/recommend", R"({"recommend":true})").error_code(),
            "gateway.request_state");
  auto opts = admin.get("/api/gateway/options");
  EXPECT_EQ(text_of(opts.json.at("recommender"), "kind"), "none");
  EXPECT_EQ(text_of(opts.json.at("approver").at("rule"), "id"), "BTG-21-1");
  auto decided = reviewer.post("/api/gateway/access-requests/" + id + "/decide", R"({"approve":true})");
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(text_of(decided.json, "state"), "disetujui");
  ASSERT_NE(find_grant(gwc::load_config(in.db()), consumer, service), nullptr);

  // A disabled consumer's grants leave the data plane with it, and so do a retired service's.
  ASSERT_EQ(admin.post("/api/gateway/consumers/" + consumer + "/disable", "").status, 200);
  EXPECT_EQ(find_grant(gwc::load_config(in.db()), consumer, service), nullptr);
  ASSERT_EQ(admin.post("/api/gateway/consumers/" + consumer + "/enable", "").status, 200);
  ASSERT_EQ(admin.post("/api/gateway/services/" + service + "/retire", "").status, 200);
  EXPECT_EQ(find_grant(gwc::load_config(in.db()), consumer, service), nullptr);
  EXPECT_EQ(submit_request(admin, consumer, service).error_code(), "gateway.service_inactive");

  auto cancelled =
      text_of(submit_request(admin, consumer,
                             text_of(admin.get("/api/gateway/services?q=perizinan").json.at("items").at(0), "id"))
                  .json,
              "id");
  auto c = admin.post("/api/gateway/access-requests/" + cancelled + "/cancel", "");
  EXPECT_EQ(text_of(c.json, "state"), "dibatalkan");
  EXPECT_FALSE(c.json.at("can_cancel").as_bool());
}

TEST_P(GatewayTest, StatusShowsEachTenantOnlyItsOwnServicesConsumersAndExchanges) {
  Instance in(GetParam());
  auto bpn = admin_client(in, "balikpapan");
  auto btg = admin_client(in, "bontang");
  auto svc_a = text_of(create_service(bpn, agency_id(bpn, "BAPENDA"), "pajak").json, "id");
  auto svc_b = text_of(create_service(btg, new_agency(btg, "BAPENDA"), "pajak").json, "id");
  auto con_a = text_of(create_consumer(bpn, agency_id(bpn, "DINSOS"), "App A").json.at("consumer"), "id");
  auto con_b = text_of(create_consumer(btg, new_agency(btg, "DINSOS"), "App B").json.at("consumer"), "id");
  auto service = [](const std::string& id, int requests) {
    return boost::json::object{{"id", id},
                               {"requests", requests},
                               {"responses_2xx", requests},
                               {"responses_4xx", 0},
                               {"responses_5xx", 0},
                               {"refused", 0},
                               {"bytes_in", 10},
                               {"bytes_out", 20},
                               {"latency_p50_ms", 1.5},
                               {"latency_p99_ms", 9.0},
                               {"health", "sehat"},
                               {"health_checked_at", "2026-11-23T10:00:00Z"},
                               {"health_error", nullptr}};
  };
  auto exchange = [](const std::string& svc, const std::string& con, const char* time) {
    return boost::json::object{{"time", time},      {"request_id", "r"}, {"consumer_id", con},
                               {"service_id", svc}, {"method", "GET"},   {"path", "/x"},
                               {"status", 200},     {"total_ms", 2.0},   {"error_code", nullptr}};
  };
  boost::json::object doc{
      {"instance", "gw-1"},
      {"config_version", 7},
      {"started_at", "2026-11-23T09:00:00Z"},
      {"updated_at", "2026-11-23T10:00:00Z"},
      {"services", boost::json::array{service(svc_a, 5), service(svc_b, 9)}},
      {"consumers", boost::json::array{boost::json::object{{"id", con_a}, {"requests", 5}, {"refused", 1}},
                                       boost::json::object{{"id", con_b}, {"requests", 9}, {"refused", 0}}}},
      {"recent", boost::json::array{exchange(svc_b, con_b, "2026-11-23T10:00:02Z"),
                                    exchange(svc_a, con_a, "2026-11-23T10:00:01Z")}}};
  gwc::save_status(in.db(), "gw-1", boost::json::serialize(doc));
  doc["instance"] = "gw-2";
  gwc::save_status(in.db(), "gw-2", boost::json::serialize(doc));

  auto a = bpn.get("/api/gateway/status");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_TRUE(a.json.at("running").as_bool());
  EXPECT_EQ(a.json.at("instances").as_array().size(), 2u);
  ASSERT_EQ(a.json.at("services").as_array().size(), 1u);
  EXPECT_EQ(text_of(a.json.at("services").at(0), "id"), svc_a);
  EXPECT_EQ(text_of(a.json.at("services").at(0), "code"), "pajak");
  EXPECT_EQ(a.json.at("services").at(0).at("requests").as_int64(), 10);  // two instances
  ASSERT_EQ(a.json.at("consumers").as_array().size(), 1u);
  EXPECT_EQ(text_of(a.json.at("consumers").at(0), "name"), "App A");
  ASSERT_EQ(a.json.at("recent").as_array().size(), 2u);
  EXPECT_EQ(text_of(a.json.at("recent").at(0), "consumer_name"), "App A");
  EXPECT_EQ(a.body.find(svc_b), std::string::npos);
  EXPECT_EQ(a.body.find(con_b), std::string::npos);

  auto b = btg.get("/api/gateway/status");
  ASSERT_EQ(b.json.at("services").as_array().size(), 1u);
  EXPECT_EQ(text_of(b.json.at("services").at(0), "id"), svc_b);
  EXPECT_EQ(b.body.find(svc_a), std::string::npos);
  auto auditor = user(in, bpn, "balikpapan", "gw.auditor", "auditor", agency_id(bpn, "INSPEKTORAT"));
  EXPECT_EQ(auditor.get("/api/gateway/status").status, 200);
  auto op = user(in, bpn, "balikpapan", "gw.op", "agency_operator", agency_id(bpn, "DINSOS"));
  EXPECT_EQ(op.get("/api/gateway/status").status, 403);
}

/// Balikpapan and Bontang with a "pajak" service each, and the message log the data plane writes.
struct TwoTenantTraffic {
  explicit TwoTenantTraffic(Instance& in)
      : in(in),
        bpn(admin_client(in, "balikpapan")),
        btg(admin_client(in, "bontang")),
        svc_a(text_of(create_service(bpn, agency_id(bpn, "BAPENDA"), "pajak").json, "id")),
        svc_b(text_of(create_service(btg, new_agency(btg, "BAPENDA"), "pajak").json, "id")) {}
  std::unique_ptr<gateway::MessageLog> open_log() const {
    const auto& config = in.platform().config();
    return gateway::MessageLog::open(config.gateway_log_dir(),
                                     gwc::load_or_create_gateway_key(config.gateway_key_path()), {});
  }
  Instance& in;
  Client bpn, btg;
  std::string svc_a, svc_b;
};

TEST_P(GatewayTest, ExchangesAndProofsAreReadFromTheMessageLogForTheTenantOnly) {
  Instance in(GetParam());
  TwoTenantTraffic t(in);
  auto& [_, bpn, btg, svc_a, svc_b] = t;
  {
    auto log = t.open_log();
    ASSERT_NE(log, nullptr);
    for (int i = 0; i < 5; ++i) {
      gateway::ExchangeRecord r;
      r.time_us = 1795000000000000 + i;
      r.request_id = "req-" + std::to_string(i);
      r.consumer_id = "c1";
      r.service_id = i % 2 == 0 ? svc_a : svc_b;
      r.method = "GET";
      r.path = "/pajak/" + std::to_string(i);
      r.status = i == 4 ? 404 : 200;
      r.request_sha256 = r.response_sha256 = std::string(64, '0');
      ASSERT_EQ(log->append(r), gateway::LogStatus::ok);
      if (i == 1) {
        ASSERT_EQ(log->rotate(), gateway::LogStatus::ok);  // seq 1-2 and 3-5 in two segments
      }
    }
    ASSERT_EQ(log->close(), gateway::LogStatus::ok);
  }
  auto list = bpn.get("/api/gateway/exchanges");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto& items = list.json.at("items").as_array();
  ASSERT_EQ(items.size(), 3u);  // seq 5, 3, 1: newest first
  EXPECT_EQ(items.at(0).at("seq").as_int64(), 5);
  EXPECT_EQ(items.at(2).at("seq").as_int64(), 1);
  EXPECT_TRUE(items.at(0).at("signed").as_bool());
  EXPECT_EQ(bpn.get("/api/gateway/exchanges?status=404").json.at("items").as_array().size(), 1u);
  EXPECT_EQ(btg.get("/api/gateway/exchanges").json.at("items").as_array().size(), 2u);

  auto proof = bpn.get("/api/gateway/exchanges/3/proof");
  ASSERT_EQ(proof.status, 200) << proof.body;
  EXPECT_NE(proof.header("Content-Disposition").find("attachment"), std::string::npos);
  auto parsed = gateway::proof_from_json(proof.body);
  ASSERT_TRUE(parsed.has_value());
  auto pk = bpn.get("/api/gateway/public-key");
  std::string raw;
  ASSERT_TRUE(crypto::from_hex(text_of(pk.json, "public_key"), raw));
  EXPECT_EQ(text_of(pk.json, "key_id"), gateway::key_id(raw));
  EXPECT_TRUE(gateway::verify_proof(*parsed, raw).ok);
  auto first = bpn.get("/api/gateway/exchanges/1/proof");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(gateway::verify_proof(*gateway::proof_from_json(first.body), raw).ok);

  EXPECT_EQ(bpn.get("/api/gateway/exchanges/2/proof").status, 404);  // Bontang's exchange
  EXPECT_EQ(btg.get("/api/gateway/exchanges/3/proof").status, 404);
  EXPECT_EQ(bpn.get("/api/gateway/exchanges/99/proof").error_code(), "gateway.exchange_not_found");
}

TEST_P(GatewayTest, StoredBodiesAreDownloadedCheckedAgainstTheLogAndEveryReadIsInTheLedger) {
  Instance in(GetParam());
  TwoTenantTraffic t(in);
  auto& [_, bpn, btg, svc_a, svc_b] = t;
  const auto& config = in.platform().config();
  const std::string request_body = R"({"npwpd":"P.2.0001"})", response_body = R"({"terutang":150000})";
  {
    auto log = t.open_log();
    ASSERT_NE(log, nullptr);
    gateway::BodyStore store(gateway::bodies_dir_of(config.gateway_log_dir()));
    // seq 1: Balikpapan, stored; seq 2: Bontang, stored; seq 3: Balikpapan, not stored.
    for (int i = 0; i < 3; ++i) {
      gateway::ExchangeRecord r;
      r.time_us = 1795000000000000 + i;
      r.request_id = "gw-t-" + std::to_string(i);
      r.consumer_id = "c1";
      r.service_id = i == 1 ? svc_b : svc_a;
      r.method = "POST";
      r.path = "/pajak/cek";
      r.status = 200;
      r.request_sha256 = crypto::sha256_hex(request_body);
      r.response_sha256 = crypto::sha256_hex(response_body);
      r.bodies_stored = i < 2;
      if (r.bodies_stored) {
        ASSERT_TRUE(store.save(r.time_us, r.request_id,
                               {{request_body, "application/json"}, {response_body, "application/json"}}));
      }
      ASSERT_EQ(log->append(r), gateway::LogStatus::ok);
    }
    ASSERT_EQ(log->close(), gateway::LogStatus::ok);
  }
  auto items = bpn.get("/api/gateway/exchanges").json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items.at(0).at("bodies_stored").as_bool());  // seq 3
  EXPECT_TRUE(items.at(1).at("bodies_stored").as_bool());   // seq 1

  auto req = bpn.get("/api/gateway/exchanges/1/bodies/request");
  ASSERT_EQ(req.status, 200) << req.body;
  EXPECT_EQ(req.body, request_body);
  EXPECT_NE(req.header("Content-Disposition").find("isi-pertukaran-1-permintaan.json"), std::string::npos);
  EXPECT_EQ(req.header("X-Content-Type-Options"), "nosniff");
  auto res = bpn.get("/api/gateway/exchanges/1/bodies/response");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.body, response_body);
  // Who read which body is accountable.
  auto top = bpn.get("/api/ledger?per_page=2").json.at("items").as_array();
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(text_of(top.at(0), "action"), "gateway.body_read");
  EXPECT_EQ(text_of(top.at(0), "object_id"), "1");
  EXPECT_EQ(text_of(top.at(1), "action"), "gateway.body_read");

  // Another tenant's exchange is as missing as none; a record without bodies says so.
  EXPECT_EQ(bpn.get("/api/gateway/exchanges/2/bodies/request").error_code(), "gateway.exchange_not_found");
  EXPECT_EQ(btg.get("/api/gateway/exchanges/1/bodies/request").error_code(), "gateway.exchange_not_found");
  EXPECT_EQ(btg.get("/api/gateway/exchanges/2/bodies/response").status, 200);
  EXPECT_EQ(bpn.get("/api/gateway/exchanges/3/bodies/request").error_code(), "gateway.body_not_stored");
  EXPECT_EQ(bpn.get("/api/gateway/exchanges/1/bodies/..%2f..%2fkey").error_code(), "request.invalid_id");
  EXPECT_EQ(bpn.get("/api/gateway/exchanges/x/bodies/request").error_code(), "request.invalid_id");
  auto op = user(in, bpn, "balikpapan", "gw.op2", "agency_operator", agency_id(bpn, "DINSOS"));
  EXPECT_EQ(op.get("/api/gateway/exchanges/1/bodies/request").status, 403);

  // A stored file changed after the fact no longer matches the signed digest: refused, not served.
  const auto day = gateway::bodies_dir_of(config.gateway_log_dir()) / "2026-11-18";
  { std::ofstream(day / "gw-t-0.response", std::ios::trunc) << R"({"terutang":1})"; }
  EXPECT_EQ(bpn.get("/api/gateway/exchanges/1/bodies/response").error_code(), "gateway.body_altered");
  EXPECT_EQ(bpn.get("/api/gateway/exchanges/1/bodies/request").status, 200);
  std::filesystem::remove(day / "gw-t-0.request");
  auto gone = bpn.get("/api/gateway/exchanges/1/bodies/request");
  EXPECT_EQ(gone.error_code(), "gateway.body_not_stored");
}

TEST_P(GatewayTest, DemoSeedsServicesAGrantAndAPendingRequest) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto services = admin.get("/api/gateway/services");
  EXPECT_EQ(services.json.at("total").as_int64(), 2);
  auto requests = admin.get("/api/gateway/access-requests");
  ASSERT_EQ(requests.json.at("total").as_int64(), 2);
  EXPECT_EQ(admin.get("/api/gateway/access-requests?state=disetujui").json.at("total").as_int64(), 1);
  EXPECT_EQ(admin.get("/api/gateway/access-requests?state=diajukan").json.at("total").as_int64(), 1);
  auto config = gwc::load_config(in.db());
  EXPECT_TRUE(gateway::validate(config).empty());
  EXPECT_EQ(config.grants.size(), 1u);
  EXPECT_EQ(config.consumers.size(), 1u);
}
