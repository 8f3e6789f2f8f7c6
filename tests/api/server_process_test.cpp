// The real server process: limits, timeouts, graceful shutdown, and no lost change after kill -9.
#include <cerrno>
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "app/platform.hpp"
#include "core/crypto.hpp"
#include "server_process.hpp"
#include "storage/unit_of_work.hpp"
#include "testing/test_database.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

struct Session {
  std::string cookie, csrf;
};

Session login(const ServerProcess& s) {
  auto r = request(s.port(), "POST", "/api/auth/login", R"({"username":"admin","password":")" + s.password() + "\"}");
  EXPECT_EQ(r.status, 200) << r.body;
  auto json = boost::json::parse(r.body);
  return {r.set_cookie, std::string(json.at("csrf_token").as_string())};
}

}  // namespace

TEST(ServerProcess, RefusesOversizedBodiesAndHeadersAndMalformedRequestsThenKeepsServing) {
  test_support::TempDir dir;
  ServerProcess s(dir.path().string(), {"--max-body-bytes", "4096"});
  auto big = raw_exchange(s.port(),
                          "POST /api/agencies HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          "Content-Length: 2000000\r\n\r\n{\"a\":\"");
  EXPECT_EQ(big.status, 413);
  EXPECT_NE(big.body.find("request.body_too_large"), std::string::npos);
  auto headers =
      raw_exchange(s.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
  EXPECT_EQ(headers.status, 431);
  auto garbage = raw_exchange(s.port(), "GARBAGE\x01\x02 / HTTP/9\r\n\r\n");
  EXPECT_EQ(garbage.status, 400);
  auto bad_path = raw_exchange(s.port(), "GET /api/agencies/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(bad_path.status, 400);
  EXPECT_EQ(request(s.port(), "GET", "/healthz").status, 200);
}

TEST(ServerProcess, SlowClientsAreCutOffWith408) {
  test_support::TempDir dir;
  ServerProcess s(dir.path().string(), {"--idle-timeout-ms", "300", "--read-timeout-ms", "300"});
  auto slow = raw_exchange(s.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n", 3000);  // headers never finish
  EXPECT_EQ(slow.status, 408);
  auto slow_body = raw_exchange(s.port(),
                                "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                "Content-Length: 100\r\n\r\n{\"user",
                                3000);
  EXPECT_EQ(slow_body.status, 408);
  EXPECT_EQ(request(s.port(), "GET", "/healthz").status, 200);
}

TEST(ServerProcess, ARequestHeadTrickledInIsCutOffAtTheReadTimeoutNotTheIdleTimeout) {
  test_support::TempDir dir;
  // The documented limit is the read timeout, counted from the first byte; the much longer idle
  // timeout only covers the wait for that first byte.
  ServerProcess s(dir.path().string(), {"--idle-timeout-ms", "60000", "--read-timeout-ms", "500"});
  int fd = connect_loopback(s.port());
  ASSERT_GE(fd, 0);
  std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 'a');
  std::string answer;
  bool cut_off = false;  // the server answered or closed the connection before the head was complete
  for (char c : head) {  // one byte every 50 ms: 10 s in all, never a complete head
    if (::send(fd, &c, 1, MSG_NOSIGNAL) != 1) {
      cut_off = true;  // closed by the server; a reset can discard its 408 before we read it
      break;
    }
    char buf[512];
    auto got = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (got > 0) answer.append(buf, static_cast<std::size_t>(got));
    if (got == 0 || !answer.empty() || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
      cut_off = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::close(fd);
  EXPECT_TRUE(cut_off) << "the connection was still open when the 10 s trickle ended (idle timeout 60 s)";
  if (!answer.empty()) EXPECT_EQ(answer.rfind("HTTP/1.1 408", 0), 0u) << answer;
}

TEST(ServerProcess, StopsGracefullyOnSigterm) {
  test_support::TempDir dir;
  ServerProcess s(dir.path().string());
  EXPECT_EQ(request(s.port(), "GET", "/healthz").status, 200);
  int status = s.terminate_and_wait();
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(ServerProcess, KillDashNineLosesNoAcknowledgedChangeAndLeavesTheLedgerVerifiable) {
  test_support::TempDir dir;
  std::set<std::string> acknowledged;
  {
    ServerProcess s(dir.path().string());
    auto session = login(s);
    std::mutex m;
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w)
      writers.emplace_back([&, w] {
        for (int i = 0; !stop; ++i) {
          std::string code = "K" + std::to_string(w) + "-" + std::to_string(i);
          auto r = request(s.port(), "POST", "/api/agencies",
                           R"({"code":")" + code + R"(","name":"Uji Crash )" + code + R"(","type":"dinas_daerah"})",
                           session.cookie, session.csrf);
          if (r.status == 201) {
            std::lock_guard lock(m);
            acknowledged.insert(code);
          } else if (r.status == 0) {
            return;  // the server is gone
          }
        }
      });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    s.kill_hard();
    stop = true;
    for (auto& t : writers) t.join();
  }
  ASSERT_GT(acknowledged.size(), 10u);
  crypto::init();
  app::Config c;
  c.data_dir = dir.path();
  c.profiles_dir = std::string(SIMPUL_SOURCE_DIR) + "/profiles";
  c.access_log = false;
  app::Platform platform(c);
  auto stored = storage::read(platform.db(), [](storage::Connection& conn) {
    std::set<std::string> codes;
    for (const auto& r : conn.query("SELECT code FROM agencies WHERE code LIKE 'K%-%'")) codes.insert(r.text_at(0));
    return codes;
  });
  for (const auto& code : acknowledged) EXPECT_TRUE(stored.count(code)) << "acknowledged but lost: " << code;
  auto conn = platform.db().acquire();
  auto result = platform.ledger().verify(*conn);
  EXPECT_TRUE(result.ok) << (result.first_problem ? result.first_problem->message : "");
}
