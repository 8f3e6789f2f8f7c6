// Stored exchange bodies (gateway/body_store.hpp): what the data plane writes is what the control
// plane reads back, private to the service account, and no request id can reach outside the store.
#include "gateway/body_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <vector>

#include "testing/test_database.hpp"

using namespace simpul::gateway;

namespace {
constexpr std::int64_t kTime = 1795000001235000;  // 2026-11-18 UTC
}

TEST(BodyStore, SavedBodiesReadBackWithTheirTypes) {
  simpul::test_support::TempDir dir;
  BodyStore store(dir.path());
  ExchangeBodies b{{R"({"nik":"1"})", "application/json"}, {std::string("a\0b", 3), ""}};
  ASSERT_TRUE(store.save(kTime, "gw-abc_DEF-1f", b));
  auto req = store.load(kTime, "gw-abc_DEF-1f", BodyPart::request);
  auto res = store.load(kTime, "gw-abc_DEF-1f", BodyPart::response);
  ASSERT_TRUE(req && res);
  EXPECT_EQ(req->content, b.request.content);
  EXPECT_EQ(req->content_type, "application/json");
  EXPECT_EQ(res->content, b.response.content);  // binary, NUL included
  EXPECT_EQ(res->content_type, "");
  // One folder per UTC day, files readable by the service account only.
  const auto file = dir.path() / "2026-11-18" / "gw-abc_DEF-1f.request";
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // Another day or another id: nothing.
  EXPECT_FALSE(store.load(kTime + 86'400'000'000LL, "gw-abc_DEF-1f", BodyPart::request));
  EXPECT_FALSE(store.load(kTime, "gw-abc_DEF-20", BodyPart::request));
}

TEST(BodyStore, HostileRequestIdsNeverBecomePaths) {
  simpul::test_support::TempDir dir;
  BodyStore store(dir.path() / "store");
  const std::vector<std::string> hostile = {
      "", "../x", "a/b", "..", "a b", "x\n", "a%2fb", std::string(65, 'a'), std::string("a\0b", 3)};
  for (const auto& id : hostile) {
    EXPECT_FALSE(is_safe_request_id(id)) << id;
    EXPECT_FALSE(store.save(kTime, id, {{"x", ""}, {"y", ""}})) << id;
    EXPECT_FALSE(store.load(kTime, id, BodyPart::request)) << id;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "x"));
  EXPECT_TRUE(is_safe_request_id("gw-Ab_9-ff"));
}

TEST(BodyStore, UnwritableStoreReportsFailure) {
  simpul::test_support::TempDir dir;
  const auto blocker = dir.path() / "file";
  { std::ofstream(blocker) << "not a folder"; }
  BodyStore store(blocker / "bodies");
  EXPECT_FALSE(store.save(kTime, "gw-a-1", {{"x", ""}, {"y", ""}}));
}

namespace {
unsigned file_mode(const std::filesystem::path& p) {
  struct stat st {};
  EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}
}  // namespace

TEST(BodyStore, FoldersAre0700AndFiles0600WhateverTheUmask) {
  simpul::test_support::TempDir dir;
  const mode_t old_umask = ::umask(022);
  BodyStore store(dir.path() / "gateway" / "log" / "bodies");
  // A temporary file left by an earlier crash, readable by everyone: the body must not inherit it.
  const auto day = store.dir() / "2026-11-18";
  std::filesystem::create_directories(day);
  { std::ofstream(day / "gw-a-1.request.tmp") << "old"; }
  std::filesystem::permissions(day / "gw-a-1.request.tmp", std::filesystem::perms(0644));
  ASSERT_TRUE(store.save(kTime, "gw-a-1", {{"x", ""}, {"y", ""}}));
  ASSERT_TRUE(store.save(kTime + 86'400'000'000LL, "gw-a-2", {{"x", ""}, {"y", ""}}));
  ::umask(old_umask);
  for (const char* f : {"gw-a-1.request", "gw-a-1.response", "gw-a-1.meta.json"})
    EXPECT_EQ(file_mode(day / f), 0600u) << f;
  EXPECT_EQ(file_mode(store.dir() / "2026-11-19"), 0700u);  // a day folder the store made
  EXPECT_EQ(file_mode(store.dir() / "2026-11-19" / "gw-a-2.response"), 0600u);
}

TEST(BodyStore, SecureMakesTheFolderAndTightensWhatOthersCouldReach) {
  simpul::test_support::TempDir dir;
  const mode_t old_umask = ::umask(022);
  BodyStore fresh(dir.path() / "new" / "bodies");
  EXPECT_TRUE(fresh.secure());
  ::umask(old_umask);
  EXPECT_EQ(file_mode(fresh.dir()), 0700u);
  EXPECT_EQ(file_mode(fresh.dir().parent_path()), 0700u);

  BodyStore store(dir.path() / "bodies");
  ASSERT_TRUE(store.save(kTime, "gw-a-1", {{"x", ""}, {"y", ""}}));
  const auto day = store.dir() / "2026-11-18";
  std::filesystem::permissions(store.dir(), std::filesystem::perms(0755));
  std::filesystem::permissions(day, std::filesystem::perms(0777));
  std::filesystem::permissions(day / "gw-a-1.response", std::filesystem::perms(0640));
  ::testing::internal::CaptureStderr();
  EXPECT_TRUE(store.secure());
  const std::string said = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(file_mode(store.dir()), 0700u);
  EXPECT_EQ(file_mode(day), 0700u);
  EXPECT_EQ(file_mode(day / "gw-a-1.response"), 0600u);
  EXPECT_EQ(file_mode(day / "gw-a-1.request"), 0600u);
  EXPECT_NE(said.find("\"event\":\"gateway.permissions_fixed\""), std::string::npos) << said;
  EXPECT_NE(said.find("gw-a-1.response"), std::string::npos) << said;
  EXPECT_EQ(said.find("gw-a-1.request\""), std::string::npos) << said;  // it was private already
  ASSERT_TRUE(store.load(kTime, "gw-a-1", BodyPart::response));
}
