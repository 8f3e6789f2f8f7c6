#pragma once
// Runs the real `simpul serve` binary for transport-level and crash tests, and talks to it over TCP.
#include <sys/types.h>

#include <string>
#include <vector>

namespace simpul::api_test {

struct HttpReply {
  int status = 0;
  std::string body;
  std::string set_cookie;
  bool closed = false;  // the server closed the connection without an answer
};

class ServerProcess {
 public:
  /// Starts `simpul serve --demo` on a free loopback port in a fresh data directory.
  ServerProcess(const std::string& data_dir, std::vector<std::string> extra_args = {});
  ~ServerProcess();
  unsigned short port() const { return port_; }
  const std::string& password() const { return password_; }
  pid_t pid() const { return pid_; }
  void kill_hard();          // SIGKILL, no chance to clean up
  int terminate_and_wait();  // SIGTERM; returns the exit status

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::string password_;
};

/// Sends raw bytes and reads one response (or the close). Timeout in milliseconds.
HttpReply raw_exchange(unsigned short port, const std::string& bytes, int timeout_ms = 5000);
HttpReply request(unsigned short port, const std::string& method, const std::string& path, const std::string& body = "",
                  const std::string& cookie = "", const std::string& csrf = "");
std::string simpul_binary();
/// A plain blocking TCP socket connected to 127.0.0.1:port (-1 on failure), for byte-level tests.
int connect_loopback(unsigned short port);

}  // namespace simpul::api_test
