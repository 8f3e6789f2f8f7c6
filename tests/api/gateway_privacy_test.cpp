// Issue 20 item 17: personal identifiers (NIK, NIP, KK, phone) in the gateway's logged paths are
// masked in the traffic views and exports per service; the full path only for a permitted role
// with a stated reason, each reveal a ledger entry that never holds the identifier itself.
#include "gateway_fixture.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "gateway/control/control_plane.hpp"
#include "gateway/message_log.hpp"

using namespace simpul;
using namespace simpul::api_test;
namespace gwc = simpul::gateway::control;

namespace {

constexpr const char* kNik = "3171012345670001";
constexpr const char* kNikMasked = "/penduduk/************0001";

/// Writes one record per path to the message log (seq 1, 2, …), all signed at close.
void write_privacy_log(Instance& in, const std::vector<std::pair<std::string, std::string>>& service_paths) {
  const auto& config = in.platform().config();
  auto log = gateway::MessageLog::open(config.gateway_log_dir(),
                                       gwc::load_or_create_gateway_key(config.gateway_key_path()), {});
  ASSERT_NE(log, nullptr);
  int i = 0;
  for (const auto& [service, path] : service_paths) {
    gateway::ExchangeRecord r;
    r.time_us = 1795000000000000 + i;
    r.request_id = "pv-" + std::to_string(i++);
    r.consumer_id = "c1";
    r.service_id = service;
    r.method = "GET";
    r.path = path;
    r.status = 200;
    r.request_sha256 = r.response_sha256 = std::string(64, '0');
    ASSERT_EQ(log->append(r), gateway::LogStatus::ok);
  }
  ASSERT_EQ(log->close(), gateway::LogStatus::ok);
}

const boost::json::value& exchange_with_seq(const boost::json::value& list, std::int64_t seq) {
  for (const auto& item : list.at("items").as_array())
    if (item.at("seq").as_int64() == seq) return item;
  static const boost::json::value kNone = boost::json::object{{"seq", 0}, {"path", ""}, {"path_masked", false}};
  ADD_FAILURE() << "no exchange " << seq;
  return kNone;
}

}  // namespace

TEST_P(GatewayTest, PersonalIdentifiersInPathsAreMaskedPerServiceAndRevealedOnlyWithAReasonInTheLedger) {
  Instance in(GetParam());
  auto bpn = admin_client(in, "balikpapan");
  auto masked_svc = create_service(bpn, agency_id(bpn, "DISDUKCAPIL"), "penduduk");
  ASSERT_EQ(masked_svc.status, 201) << masked_svc.body;
  EXPECT_TRUE(masked_svc.json.at("policy").at("mask_personal_ids").as_bool());  // on unless a service turns it off
  auto svc_a = text_of(masked_svc.json, "id");
  auto svc_b = text_of(create_service(bpn, agency_id(bpn, "BAPENDA"), "wajibpajak").json, "id");
  auto off = bpn.patch("/api/gateway/services/" + svc_b, R"({"policy":{"mask_personal_ids":false}})");
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_FALSE(off.json.at("policy").at("mask_personal_ids").as_bool());
  EXPECT_EQ(bpn.patch("/api/gateway/services/" + svc_b, R"({"policy":{"mask_personal_ids":"tidak"}})").error_code(),
            "validation.wrong_type");

  write_privacy_log(in, {{svc_a, std::string("/penduduk/") + kNik},  // seq 1: masked
                         {svc_b, "/wajibpajak/3171012345670002"},    // seq 2: service shows paths in full
                         {svc_a, "/penduduk/statistik/2026"},        // seq 3: nothing personal
                         {svc_a, "/pegawai/198503102010011002?hp=081234567890"}});  // seq 4: NIP and phone

  auto list = bpn.get("/api/gateway/exchanges");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.body.find(kNik), std::string::npos);
  EXPECT_EQ(text_of(exchange_with_seq(list.json, 1), "path"), kNikMasked);
  EXPECT_TRUE(exchange_with_seq(list.json, 1).at("path_masked").as_bool());
  EXPECT_EQ(text_of(exchange_with_seq(list.json, 2), "path"), "/wajibpajak/3171012345670002");
  EXPECT_FALSE(exchange_with_seq(list.json, 2).at("path_masked").as_bool());
  EXPECT_EQ(text_of(exchange_with_seq(list.json, 3), "path"), "/penduduk/statistik/2026");
  EXPECT_FALSE(exchange_with_seq(list.json, 3).at("path_masked").as_bool());
  EXPECT_EQ(text_of(exchange_with_seq(list.json, 4), "path"), "/pegawai/**************1002?hp=********7890");

  // Revealing needs a stated reason; a refusal changes nothing.
  auto op = user(in, bpn, "balikpapan", "pv.op", "agency_operator", agency_id(bpn, "DISDUKCAPIL"));
  auto auditor = user(in, bpn, "balikpapan", "pv.auditor", "auditor", agency_id(bpn, "INSPEKTORAT"));
  const auto before = ledger_size(in);
  EXPECT_EQ(bpn.post("/api/gateway/exchanges/1/reveal", "{}").error_code(), "validation.missing_field");
  EXPECT_EQ(bpn.post("/api/gateway/exchanges/1/reveal", R"({"reason":"  cek  "})").error_code(),
            "validation.invalid_value");
  EXPECT_EQ(bpn.post("/api/gateway/exchanges/99/reveal", R"({"reason":"Pengaduan warga nomor 12/2026"})").error_code(),
            "gateway.exchange_not_found");
  EXPECT_EQ(op.post("/api/gateway/exchanges/1/reveal", R"({"reason":"Pengaduan warga nomor 12/2026"})").status, 403);
  EXPECT_EQ(ledger_size(in), before);

  auto revealed = bpn.post("/api/gateway/exchanges/1/reveal", R"({"reason":"Pengaduan warga nomor 12/2026"})");
  ASSERT_EQ(revealed.status, 200) << revealed.body;
  EXPECT_EQ(text_of(revealed.json, "path"), std::string("/penduduk/") + kNik);
  auto entry = bpn.get("/api/ledger?per_page=1").json.at("items").at(0);
  EXPECT_EQ(text_of(entry, "action"), "gateway.path_reveal");
  EXPECT_EQ(text_of(entry, "object_id"), "1");
  auto details = boost::json::parse(text_of(entry, "details"));  // the ledger answers details as JSON text
  EXPECT_EQ(text_of(details, "reason"), "Pengaduan warga nomor 12/2026");
  EXPECT_EQ(text_of(details, "path"), kNikMasked);
  EXPECT_EQ(boost::json::serialize(entry).find(kNik), std::string::npos);  // the ledger never holds the NIK

  // The auditor may reveal too (gateway.path_reveal), each time recorded under their name.
  EXPECT_EQ(auditor.post("/api/gateway/exchanges/4/reveal", R"({"reason":"Audit TIK semester II"})").status, 200);
  EXPECT_EQ(ledger_size(in), before + 2);

  // A proof carries the full path (its hash covers it): for a masked exchange it is a reveal.
  EXPECT_EQ(bpn.get("/api/gateway/exchanges/1/proof").error_code(), "validation.missing_field");
  EXPECT_EQ(ledger_size(in), before + 2);
  auto proof = bpn.get("/api/gateway/exchanges/1/proof?reason=Bukti%20untuk%20sidang%20sengketa%20informasi");
  ASSERT_EQ(proof.status, 200) << proof.body;
  auto parsed = gateway::proof_from_json(proof.body);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->record.path, std::string("/penduduk/") + kNik);
  auto proof_entry = bpn.get("/api/ledger?per_page=1").json.at("items").at(0);
  EXPECT_EQ(text_of(proof_entry, "action"), "gateway.path_reveal");
  EXPECT_EQ(text_of(boost::json::parse(text_of(proof_entry, "details")), "purpose"), "bukti");
  EXPECT_EQ(bpn.get("/api/gateway/exchanges/3/proof").status, 200);  // nothing personal: no reason asked
  EXPECT_EQ(ledger_size(in), before + 3);
}

TEST_P(GatewayTest, TheLiveRecentExchangesShowPersonalIdentifiersMasked) {
  Instance in(GetParam());
  auto bpn = admin_client(in, "balikpapan");
  auto svc = text_of(create_service(bpn, agency_id(bpn, "DISDUKCAPIL"), "penduduk").json, "id");
  boost::json::object doc{{"instance", "gw-1"},
                          {"config_version", 1},
                          {"started_at", "2026-11-23T09:00:00Z"},
                          {"updated_at", "2026-11-23T10:00:00Z"},
                          {"services", boost::json::array{}},
                          {"consumers", boost::json::array{}},
                          {"recent", boost::json::array{boost::json::object{{"time", "2026-11-23T10:00:01Z"},
                                                                            {"request_id", "r"},
                                                                            {"consumer_id", "c1"},
                                                                            {"service_id", svc},
                                                                            {"method", "GET"},
                                                                            {"path", std::string("/penduduk/") + kNik},
                                                                            {"status", 200},
                                                                            {"total_ms", 2.0},
                                                                            {"error_code", nullptr}}}}};
  gwc::save_status(in.db(), "gw-1", boost::json::serialize(doc));
  auto status = bpn.get("/api/gateway/status");
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_EQ(status.body.find(kNik), std::string::npos);
  EXPECT_EQ(text_of(status.json.at("recent").at(0), "path"), kNikMasked);
  EXPECT_TRUE(status.json.at("recent").at(0).at("path_masked").as_bool());
}
