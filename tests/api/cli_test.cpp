// The administration commands an operator runs from the README and docs/operations.md.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>

#include "server_process.hpp"
#include "testing/test_database.hpp"

using namespace simpul;

namespace {

struct Run {
  int status;
  std::string out;
};

Run simpul_cli(const std::string& args, const std::string& data_dir, const std::string& input = "") {
  std::string cmd = api_test::simpul_binary() + " " + args + " --data-dir " + data_dir + " --profiles-dir " +
                    std::string(SIMPUL_SOURCE_DIR) + "/profiles 2>&1";
  if (!input.empty()) cmd = "printf '%s\\n' '" + input + "' | " + cmd;
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf{};
  while (auto n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  int status = pclose(p);
  return {WEXITSTATUS(status), out};
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
  auto chosen = simpul_cli("user add --tenant bontang --username kedua --role viewer --password-stdin", d, "kata-sandi-pilihan");
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

TEST(Cli, RefusesUnknownOptionsAndReportsBadProfiles) {
  test_support::TempDir dir;
  EXPECT_EQ(simpul_cli("serve --prot 8080", dir.path().string()).status, 1);
  auto bad = dir.path() / "profiles";
  std::filesystem::create_directories(bad);
  FILE* f = fopen((bad / "rusak.yaml").c_str(), "w");
  fputs("schema: simpul.profile/1\nid: rusak\nversion: nol\n", f);
  fclose(f);
  std::string cmd = api_test::simpul_binary() + " profiles check --profiles-dir " + bad.string() + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  std::string out(buf.data(), fread(buf.data(), 1, buf.size(), p));
  EXPECT_NE(WEXITSTATUS(pclose(p)), 0);
  EXPECT_NE(out.find("rusak.yaml:3: version: must be an integer"), std::string::npos) << out;
}
