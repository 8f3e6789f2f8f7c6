// The administration commands an operator runs from the README and docs/operations.md.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>

#include <sys/wait.h>

#include <array>
#include <chrono>
#include <cstdio>

#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "app/cli_args.hpp"
#include "core/crypto.hpp"
#include "gateway/message_log.hpp"
#include "server_process.hpp"
#include "testing/test_database.hpp"

using namespace simpul;

namespace {

struct Run {
  int status;
  std::string out;
};

Run run_shell(const std::string& cmd) {
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf{};
  while (auto n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  int status = pclose(p);
  return {WEXITSTATUS(status), out};
}

Run simpul_cli(const std::string& args, const std::string& data_dir, const std::string& input = "") {
  std::string cmd = api_test::simpul_binary() + " " + args + " --data-dir " + data_dir + " --profiles-dir " +
                    std::string(SIMPUL_SOURCE_DIR) + "/profiles 2>&1";
  if (!input.empty()) cmd = "printf '%s\\n' '" + input + "' | " + cmd;
  return run_shell(cmd);
}

Run profiles_check(const std::filesystem::path& dir) {
  return run_shell(api_test::simpul_binary() + " profiles check --profiles-dir " + dir.string() + " 2>&1");
}

}  // namespace

TEST(Cli, CreatesATenantAndItsFirstAdministratorAndVerifiesTheLedger) {
  test_support::TempDir dir;
  auto d = dir.path().string();
  EXPECT_EQ(simpul_cli("migrate", d).status, 0);
  auto tenant = simpul_cli("tenant create --profile bontang", d);
  EXPECT_EQ(tenant.status, 0) << tenant.out;
  EXPECT_NE(tenant.out.find("Created tenant bontang (Kota Bontang)"), std::string::npos) << tenant.out;
  EXPECT_EQ(simpul_cli("tenant create --profile bontang", d).status, 1);  // exists already
  auto user = simpul_cli("user add --tenant bontang --username admin --role tenant_admin", d);
  EXPECT_EQ(user.status, 0) << user.out;
  EXPECT_NE(user.out.find("Password (shown once): "), std::string::npos);
  auto chosen =
      simpul_cli("user add --tenant bontang --username kedua --role viewer --password-stdin", d, "kata-sandi-pilihan");
  EXPECT_EQ(chosen.status, 0) << chosen.out;
  EXPECT_EQ(chosen.out.find("Password (shown once)"), std::string::npos);
  EXPECT_EQ(simpul_cli("user add --tenant bontang --username x --role raja", d).status, 1);
  auto verify = simpul_cli("ledger verify", d);
  EXPECT_EQ(verify.status, 0) << verify.out;
  EXPECT_NE(verify.out.find("ledger OK"), std::string::npos);
}

TEST(Cli, LedgerVerifyFailsOnATamperedDatabase) {
  test_support::TempDir dir;
  auto d = dir.path().string();
  ASSERT_EQ(simpul_cli("tenant create --profile madiun", d).status, 0);
  ASSERT_EQ(simpul_cli("user add --tenant madiun --username admin --role tenant_admin", d).status, 0);
  std::string sql = "sqlite3 " + d + "/simpul.db \"UPDATE ledger_entries SET actor_name = 'Orang Lain' WHERE seq = 1\"";
  ASSERT_EQ(std::system(sql.c_str()), 0);
  auto verify = simpul_cli("ledger verify", d);
  EXPECT_EQ(verify.status, 1);
  EXPECT_NE(verify.out.find("ledger BROKEN at seq 1: edited"), std::string::npos) << verify.out;
}

TEST(Cli, LedgerVerifyFindsAnEditedChangeAndATruncatedTail) {
  test_support::TempDir dir;
  auto d = dir.path().string();
  ASSERT_EQ(simpul_cli("tenant create --profile madiun", d).status, 0);
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(
        simpul_cli("user add --tenant madiun --username pengguna" + std::to_string(i) + " --role viewer", d).status, 0);
  auto ok = simpul_cli("ledger verify", d);
  EXPECT_EQ(ok.status, 0) << ok.out;
  EXPECT_NE(ok.out.find("high-water mark: entry"), std::string::npos) << ok.out;
  std::string edit = "sqlite3 " + d + "/simpul.db \"UPDATE ledger_entries SET details = '{}' WHERE seq = 2\"";
  ASSERT_EQ(std::system(edit.c_str()), 0);
  auto edited = simpul_cli("ledger verify", d);
  EXPECT_EQ(edited.status, 1);
  EXPECT_NE(edited.out.find("ledger BROKEN at seq 2: edited"), std::string::npos) << edited.out;

  test_support::TempDir dir2;
  auto d2 = dir2.path().string();
  ASSERT_EQ(simpul_cli("tenant create --profile madiun", d2).status, 0);
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(
        simpul_cli("user add --tenant madiun --username pengguna" + std::to_string(i) + " --role viewer", d2).status,
        0);
  std::string cut = "sqlite3 " + d2 +
                    "/simpul.db \"DELETE FROM ledger_entries WHERE seq > 2; "
                    "UPDATE ledger_head SET seq = 2, hash = (SELECT hash FROM ledger_entries WHERE seq = 2)\"";
  ASSERT_EQ(std::system(cut.c_str()), 0);
  auto truncated = simpul_cli("ledger verify", d2);
  EXPECT_EQ(truncated.status, 1);
  EXPECT_NE(truncated.out.find("ledger BROKEN at seq"), std::string::npos) << truncated.out;
}

TEST(Cli, TheOperatorResetsAPasswordAndTheOldOneStopsWorking) {
  test_support::TempDir dir;
  auto d = dir.path().string();
  ASSERT_EQ(simpul_cli("tenant create --profile madiun", d).status, 0);
  ASSERT_EQ(simpul_cli("user add --tenant madiun --username sekda --role approver", d).status, 0);
  auto reset = simpul_cli("user reset-password --tenant madiun --username sekda", d);
  EXPECT_EQ(reset.status, 0) << reset.out;
  EXPECT_NE(reset.out.find("Password (shown once): "), std::string::npos) << reset.out;
  EXPECT_EQ(simpul_cli("user reset-password --tenant madiun --username tidakada", d).status, 1);
}

TEST(Cli, TheDataDirectoryAndDatabaseAreReadableByTheOwnerOnly) {
  test_support::TempDir dir;
  auto d = dir.path().string() + "/var";
  std::filesystem::create_directories(d);
  std::filesystem::permissions(d, std::filesystem::perms::all);  // 0777, as an admin might leave it
  ASSERT_EQ(simpul_cli("tenant create --profile madiun", d).status, 0);
  auto mode = [](const std::string& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_mode & 0777;
  };
  EXPECT_EQ(mode(d), 0700u);
  EXPECT_EQ(mode(d + "/keys"), 0700u);
  EXPECT_EQ(mode(d + "/simpul.db"), 0600u);
  EXPECT_EQ(mode(d + "/keys/ledger-ed25519.key"), 0600u);
  EXPECT_EQ(mode(d + "/keys/ledger-high-water-mark.json"), 0600u);
  if (std::filesystem::exists(d + "/simpul.db-wal")) EXPECT_EQ(mode(d + "/simpul.db-wal"), 0600u);
}

TEST(Cli, RefusesUnknownOptionsAndReportsBadProfiles) {
  test_support::TempDir dir;
  EXPECT_EQ(simpul_cli("serve --prot 8080", dir.path().string()).status, 1);
  auto bad = dir.path() / "profiles";
  std::filesystem::create_directories(bad);
  FILE* f = fopen((bad / "rusak.yaml").c_str(), "w");
  fputs("schema: simpul.profile/1\nid: rusak\nversion: nol\n", f);
  fclose(f);
  auto checked = profiles_check(bad);
  EXPECT_NE(checked.status, 0);
  EXPECT_NE(checked.out.find("rusak.yaml:3: version: must be an integer"), std::string::npos) << checked.out;
}

// Subjects belong to the modules that provide their facts: a profile naming one no module
// provides stops `profiles check` (and the service) with the file and line of the instance.
TEST(Cli, ProfilesCheckRefusesAComplianceSubjectNoModuleProvides) {
  test_support::TempDir dir;
  auto copy = dir.path() / "profiles";
  std::filesystem::copy(std::string(SIMPUL_SOURCE_DIR) + "/profiles", copy, std::filesystem::copy_options::recursive);
  auto good = profiles_check(copy);
  ASSERT_EQ(good.status, 0) << good.out;
  EXPECT_NE(good.out.find("bontang: "), std::string::npos) << good.out;

  // The first instance on a server (BTG-16-4) now names a subject nobody provides.
  auto file = copy / "bontang.yaml";
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  in.close();
  std::size_t rule_line = 0;
  for (std::size_t i = 0; i < lines.size() && !rule_line; ++i)
    if (lines[i] == "  - rule: BTG-16-4") rule_line = i;
  ASSERT_NE(rule_line, 0u);
  ASSERT_EQ(lines[rule_line + 2], "    subject: server");
  lines[rule_line + 2] = "    subject: kapal";
  std::ofstream out(file);
  for (const auto& l : lines) out << l << "\n";
  out.close();

  auto bad = profiles_check(copy);
  EXPECT_NE(bad.status, 0);
  std::string expected = "bontang.yaml:" + std::to_string(rule_line + 1) + ": compliance(BTG-16-4).subject: 'kapal'";
  EXPECT_NE(bad.out.find(expected), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("server"), std::string::npos) << "names the subjects that exist: " << bad.out;
}

TEST(Cli, GatewayVerifyChecksTheMessageLogAndProvesOneExchange) {
  test_support::TempDir dir;
  auto logs = dir.path() / "gateway-log";
  auto key = crypto::generate_signing_key();
  {
    auto log = gateway::MessageLog::open(logs, key, {});
    ASSERT_TRUE(log);
    for (int i = 0; i < 40; ++i) {
      gateway::ExchangeRecord r;
      r.request_id = "req-" + std::to_string(i);
      r.consumer_id = "sipd-dinkes";
      r.service_id = "kependudukan";
      r.method = "GET";
      r.path = "/svc/kependudukan/nik/" + std::to_string(i);
      r.status = 200;
      ASSERT_EQ(log->append(r), gateway::LogStatus::ok);
    }
    ASSERT_EQ(log->close(), gateway::LogStatus::ok);
  }
  auto hex =
      crypto::to_hex(std::string_view(reinterpret_cast<const char*>(key.public_key.data()), key.public_key.size()));
  auto ok = simpul_cli("gateway verify --log-dir " + logs.string() + " --public-key " + hex, dir.path().string());
  EXPECT_EQ(ok.status, 0) << ok.out;
  EXPECT_NE(ok.out.find("records: 40"), std::string::npos) << ok.out;

  auto proof = simpul_cli("gateway prove --log-dir " + logs.string() + " --seq 17", dir.path().string());
  ASSERT_EQ(proof.status, 0) << proof.out;
  auto proof_file = dir.path() / "proof.json";
  std::ofstream(proof_file) << proof.out;
  auto checked =
      simpul_cli("gateway verify-proof --proof " + proof_file.string() + " --public-key " + hex, dir.path().string());
  EXPECT_EQ(checked.status, 0) << checked.out;
  auto other = crypto::generate_signing_key();
  auto other_hex = crypto::to_hex(std::string_view(reinterpret_cast<const char*>(other.public_key.data()), 32));
  EXPECT_EQ(simpul_cli("gateway verify-proof --proof " + proof_file.string() + " --public-key " + other_hex,
                       dir.path().string())
                .status,
            1);

  // One changed status code in the file breaks the chain at that exchange.
  auto segment = gateway::list_segments(logs).front();
  std::ifstream in(segment);
  std::stringstream text;
  text << in.rdbuf();
  in.close();
  auto content = text.str();
  auto at = content.find("\"req-5\"");
  ASSERT_NE(at, std::string::npos);
  auto status = content.find("\"status\":200", at);
  content.replace(status, 12, "\"status\":201");
  std::ofstream(segment, std::ios::trunc) << content;
  auto broken = simpul_cli("gateway verify --log-dir " + logs.string() + " --public-key " + hex, dir.path().string());
  EXPECT_EQ(broken.status, 1) << broken.out;
  EXPECT_NE(broken.out.find("seq 6"), std::string::npos) << broken.out;
  auto usage = simpul_cli("gateway verify --log-dir " + logs.string(), dir.path().string());
  EXPECT_EQ(usage.status, 1);
  EXPECT_NE(usage.out.find("--public-key"), std::string::npos) << usage.out;
}

namespace {

app::CliArgs parse(std::vector<std::string> words, const std::set<std::string>& flags = {}) {
  std::vector<char*> argv{const_cast<char*>("simpul")};
  for (auto& w : words) argv.push_back(w.data());
  return app::CliArgs(static_cast<int>(argv.size()), argv.data(), flags);
}

}  // namespace

TEST(CliArgs, AnUndeclaredSwitchNeverSwallowsTheNextOption) {
  // `--live` is not in main's list of flags: followed by another option or at the end, it is a
  // switch, and the option after it keeps its value.
  auto a = parse({"gateway", "verify", "--live", "--log-dir", "/x", "--public-key", "ab"});
  EXPECT_TRUE(a.flag("live"));
  EXPECT_EQ(a.get("log-dir"), "/x");
  EXPECT_EQ(a.get("public-key"), "ab");
  EXPECT_EQ(a.words(), (std::vector<std::string>{"gateway", "verify"}));
  auto end = parse({"gateway", "verify", "--log-dir", "/x", "--live"});
  EXPECT_TRUE(end.flag("live"));
  EXPECT_EQ(end.get("log-dir"), "/x");
  EXPECT_NO_THROW(end.allow_only({"log-dir", "live"}));
  EXPECT_THROW(end.allow_only({"log-dir"}), std::invalid_argument);  // still an unknown option
}

TEST(CliArgs, AValueOptionWithoutItsValueIsAnErrorWhenRead) {
  auto a = parse({"serve", "--port", "--demo"}, {"demo"});
  EXPECT_TRUE(a.flag("demo"));
  EXPECT_THROW((void)a.get("port"), std::invalid_argument);  // not silently the default port
  auto end = parse({"serve", "--port"});
  EXPECT_THROW((void)end.get("port"), std::invalid_argument);
  // A switch given a value is an error, not a silently ignored word.
  auto valued = parse({"gateway", "verify", "--live", "yes"});
  EXPECT_THROW((void)valued.flag("live"), std::invalid_argument);
  // Declared flags and --key=value are unchanged.
  auto b = parse({"serve", "--demo", "--port=9000", "x"}, {"demo"});
  EXPECT_TRUE(b.flag("demo"));
  EXPECT_EQ(b.get("port"), "9000");
  EXPECT_EQ(b.words(), (std::vector<std::string>{"serve", "x"}));
}

TEST(Cli, GatewayVerifyLiveAcceptsTheOpenBatchOfARunningLog) {
  test_support::TempDir dir;
  auto logs = dir.path() / "gateway-log";
  auto key = crypto::generate_signing_key();
  {
    gateway::MessageLogOptions o;
    o.max_batch_age = std::chrono::milliseconds(0);
    o.fsync_on_flush = false;
    auto log = gateway::MessageLog::open(logs, key, o);
    ASSERT_TRUE(log);
    for (int i = 0; i < 40; ++i) {
      gateway::ExchangeRecord r;
      r.request_id = "req-" + std::to_string(i);
      r.status = 200;
      ASSERT_EQ(log->append(r), gateway::LogStatus::ok);
      if (i == 29) {
        ASSERT_EQ(log->flush(), gateway::LogStatus::ok);  // batch 1: records 1..30
        std::filesystem::copy_file(dir.path() / "gateway-log-head.json", dir.path() / "head-at-30.json");
      }
    }
    ASSERT_EQ(log->close(), gateway::LogStatus::ok);
  }
  // A running gateway's log: records 31..40 written, their batch not signed yet (so its
  // high-water mark still names batch 1).
  std::filesystem::copy_file(dir.path() / "head-at-30.json", dir.path() / "gateway-log-head.json",
                             std::filesystem::copy_options::overwrite_existing);
  auto segment = gateway::list_segments(logs).back();
  std::vector<std::string> lines;
  {
    std::ifstream in(segment);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
  }
  ASSERT_NE(lines.back().find("\"batch\":2"), std::string::npos);
  lines.pop_back();
  {
    std::ofstream out(segment, std::ios::trunc);
    for (const auto& l : lines) out << l << '\n';
  }
  auto hex =
      crypto::to_hex(std::string_view(reinterpret_cast<const char*>(key.public_key.data()), key.public_key.size()));
  auto closed = simpul_cli("gateway verify --log-dir " + logs.string() + " --public-key " + hex, dir.path().string());
  EXPECT_EQ(closed.status, 1) << closed.out;
  EXPECT_NE(closed.out.find("records 31..40 are not covered by a signed batch"), std::string::npos) << closed.out;
  // --live first (it used to swallow --log-dir as its value) and last (it used to need a value).
  auto live =
      simpul_cli("gateway verify --live --log-dir " + logs.string() + " --public-key " + hex, dir.path().string());
  EXPECT_EQ(live.status, 0) << live.out;
  EXPECT_NE(live.out.find("records: 40"), std::string::npos) << live.out;
  auto live_last =
      simpul_cli("gateway verify --log-dir " + logs.string() + " --public-key " + hex + " --live", dir.path().string());
  EXPECT_EQ(live_last.status, 0) << live_last.out;
}

TEST(Cli, GatewayVerifyNamesTheRecordsMissingBelowTheHighWaterMark) {
  test_support::TempDir dir;
  auto logs = dir.path() / "gateway-log";
  auto key = crypto::generate_signing_key();
  {
    gateway::MessageLogOptions o;
    o.batch_size = 10;
    o.fsync_on_flush = false;
    auto log = gateway::MessageLog::open(logs, key, o);
    ASSERT_TRUE(log);
    for (int i = 0; i < 40; ++i) {
      gateway::ExchangeRecord r;
      r.request_id = "req-" + std::to_string(i);
      ASSERT_EQ(log->append(r), gateway::LogStatus::ok);
    }
    ASSERT_EQ(log->close(), gateway::LogStatus::ok);
  }
  auto hex =
      crypto::to_hex(std::string_view(reinterpret_cast<const char*>(key.public_key.data()), key.public_key.size()));
  auto verify = [&](const std::string& extra = "") {
    return simpul_cli("gateway verify --log-dir " + logs.string() + " --public-key " + hex + extra,
                      dir.path().string());
  };
  auto ok = verify();
  EXPECT_EQ(ok.status, 0) << ok.out;
  EXPECT_NE(ok.out.find("high-water mark: seq 40, batch 4, signed at "), std::string::npos) << ok.out;
  // The last two batches cut off: the file still ends with a valid batch line.
  auto segment = gateway::list_segments(logs).back();
  std::vector<std::string> lines;
  {
    std::ifstream in(segment);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
  }
  ASSERT_EQ(lines.size(), 44u);
  lines.resize(22);
  {
    std::ofstream out(segment, std::ios::trunc);
    for (const auto& l : lines) out << l << '\n';
  }
  auto cut = verify();
  EXPECT_EQ(cut.status, 1) << cut.out;
  EXPECT_NE(cut.out.find("records after 20 are missing; the high-water mark signed at "), std::string::npos) << cut.out;
  EXPECT_NE(cut.out.find(" says 40 (batch 4"), std::string::npos) << cut.out;
  EXPECT_EQ(verify(" --live").status, 1);
  // Without the mark the cut is invisible to the log alone: reported, not accepted.
  std::filesystem::copy_file(dir.path() / "gateway-log-head.json", dir.path() / "saved-head.json");
  std::filesystem::remove(dir.path() / "gateway-log-head.json");
  auto none = verify();
  EXPECT_EQ(none.status, 1) << none.out;
  EXPECT_NE(none.out.find("no high-water mark"), std::string::npos) << none.out;
  // A copy of the mark kept elsewhere still convicts the cut log.
  auto saved = verify(" --head " + (dir.path() / "saved-head.json").string());
  EXPECT_EQ(saved.status, 1) << saved.out;
  EXPECT_NE(saved.out.find("records after 20 are missing"), std::string::npos) << saved.out;
}
