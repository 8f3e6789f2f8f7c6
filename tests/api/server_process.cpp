#include "server_process.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio.hpp>

#include <chrono>
#include <regex>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace simpul::api_test {

std::string simpul_binary() { return SIMPUL_BINARY; }

ServerProcess::ServerProcess(const std::string& data_dir, std::vector<std::string> extra_args) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe");
  std::vector<std::string> args = {simpul_binary(),
                                   "serve",
                                   "--demo",
                                   "--port",
                                   "0",
                                   "--data-dir",
                                   data_dir,
                                   "--profiles-dir",
                                   std::string(SIMPUL_SOURCE_DIR) + "/profiles",
                                   "--no-access-log",
                                   "--web-root",
                                   data_dir + "/no-console"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0)
    throw std::runtime_error("spawn failed");
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  std::string text;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  static const std::regex kReady("Simpul is ready: http://127\\.0\\.0\\.1:(\\d+)");
  static const std::regex kLogin("Login: admin / (\\S+)");
  std::smatch m;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 200) > 0) {
      char buf[4096];
      auto n = read(out[0], buf, sizeof buf);
      if (n <= 0) break;
      text.append(buf, static_cast<std::size_t>(n));
    }
    if (std::regex_search(text, m, kReady) && text.find("Login:") != std::string::npos &&
        text.find('\n', text.find("Login:")) != std::string::npos) {
      port_ = static_cast<unsigned short>(std::stoi(m[1]));
      if (std::regex_search(text, m, kLogin)) password_ = m[1];
      break;
    }
  }
  close(out[0]);
  if (port_ == 0) {
    kill_hard();
    throw std::runtime_error("server did not start: " + text);
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) kill_hard();
}

void ServerProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

int ServerProcess::terminate_and_wait() {
  ::kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

HttpReply raw_exchange(unsigned short port, const std::string& bytes, int timeout_ms) {
  namespace asio = boost::asio;
  asio::io_context ioc;
  asio::ip::tcp::socket sock(ioc);
  boost::system::error_code ec;
  // A refused connection is an answer too (the server is gone), not an exception: writer threads
  // racing a kill -9 reach this after the process has died.
  sock.connect({asio::ip::make_address("127.0.0.1"), port}, ec);
  if (ec) {
    HttpReply refused;
    refused.closed = true;
    return refused;
  }
  asio::write(sock, asio::buffer(bytes), ec);
  std::string in;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  HttpReply reply;
  sock.non_blocking(true);
  while (std::chrono::steady_clock::now() < deadline) {
    char buf[8192];
    auto n = sock.read_some(asio::buffer(buf), ec);
    if (ec == asio::error::would_block) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    if (ec) {
      reply.closed = true;
      break;
    }
    in.append(buf, n);
    auto head_end = in.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      std::smatch m;
      static const std::regex kLen("\r\n[Cc]ontent-[Ll]ength: (\\d+)");
      std::string head = in.substr(0, head_end);
      std::size_t len = std::regex_search(head, m, kLen) ? std::stoul(m[1]) : 0;
      if (in.size() >= head_end + 4 + len) break;
    }
  }
  if (in.size() > 12 && in.rfind("HTTP/1.1 ", 0) == 0) {
    reply.status = std::stoi(in.substr(9, 3));
    auto head_end = in.find("\r\n\r\n");
    reply.body = in.substr(head_end + 4);
    static const std::regex kCookie("\r\n[Ss]et-[Cc]ookie: ([^;\r]+)");
    std::smatch m;
    std::string head = in.substr(0, head_end);
    if (std::regex_search(head, m, kCookie)) reply.set_cookie = m[1];
  }
  return reply;
}

HttpReply request(unsigned short port, const std::string& method, const std::string& path, const std::string& body,
                  const std::string& cookie, const std::string& csrf) {
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!body.empty()) req += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  if (!cookie.empty()) req += "Cookie: " + cookie + "\r\n";
  if (!csrf.empty()) req += "X-CSRF-Token: " + csrf + "\r\n";
  return raw_exchange(port, req + "\r\n" + body);
}

int connect_loopback(unsigned short port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace simpul::api_test
