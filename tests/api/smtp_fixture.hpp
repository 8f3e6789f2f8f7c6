#pragma once
// A real SMTP server process for the notification tests: Debian's python3-aiosmtpd on loopback,
// writing every message into a Maildir (installed by `scripts/bootstrap test`), never a mock; and
// the small helpers those tests share.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "api_harness.hpp"

namespace simpul::api_test {

inline int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

/// The standard output of a shell command.
inline std::string run(const std::string& command) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    std::array<char, 512> buf{};
    while (std::fgets(buf.data(), buf.size(), p)) out += buf.data();
    ::pclose(p);
  }
  return out;
}

inline bool aiosmtpd_installed() { return run("/usr/bin/python3 -c 'import aiosmtpd' 2>&1 && echo yes") == "yes\n"; }

/// The operator's SMTP settings file (SIMPUL_SMTP_CONFIG) for a server on loopback `port`, retrying
/// a failed send after 1 s.
inline void write_smtp_config(const std::filesystem::path& path, int port) {
  std::ofstream(path) << "host = 127.0.0.1\nport = " << port
                      << "\nfrom = Simpul <simpul@balikpapan.go.id>\nretry_base_seconds = 1\ntimeout_seconds = 5\n";
}

/// `python3 -m aiosmtpd` writing every message into a Maildir; stopped when destroyed.
class SmtpServer {
 public:
  SmtpServer(int port, const std::filesystem::path& maildir, const std::filesystem::path& cert = {},
             const std::filesystem::path& key = {}) {
    pid_ = ::fork();
    if (pid_ == 0) {
      std::string listen = "127.0.0.1:" + std::to_string(port);
      if (cert.empty())
        ::execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
                "aiosmtpd.handlers.Mailbox", maildir.c_str(), static_cast<char*>(nullptr));
      else
        ::execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "--tlscert", cert.c_str(),
                "--tlskey", key.c_str(), "-c", "aiosmtpd.handlers.Mailbox", maildir.c_str(),
                static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  ~SmtpServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

 private:
  pid_t pid_ = -1;
};

/// Polls `done` until it holds or `seconds` pass (a deadline, not a timing assertion).
template <typename F>
bool eventually(F done, int seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return done();
}

/// Runs the platform's scheduled job `id` once, as the scheduler would.
inline void run_job(Instance& in, const std::string& id) {
  bool found = false;
  for (auto& j : in.platform().jobs())
    if (j.id == id) {
      found = true;
      j.run();
    }
  EXPECT_TRUE(found) << id;
}

/// "To", then the decoded body, of every message in the Maildir whose subject contains `subject`.
inline std::string mails_about(const std::filesystem::path& maildir, const std::string& subject) {
  return run(
      "/usr/bin/python3 -c \"import mailbox, sys, email.header as h\nfor m in mailbox.Maildir(sys.argv[1], create=False):\n"
      "  if sys.argv[2] in str(h.make_header(h.decode_header(m['Subject']))): print(m['To']); print(m.get_payload(decode=True).decode())\" " +
      maildir.string() + " '" + subject + "' 2>&1");
}

}  // namespace simpul::api_test
