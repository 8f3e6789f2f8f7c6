#include "notification/smtp.hpp"

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <ctime>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"

namespace simpul::notification {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

std::string trim(const std::string& s) {
  auto a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  auto b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

bool has_control(const std::string& s) {
  for (unsigned char ch : s)
    if (ch < 0x20 || ch == 0x7f) return true;
  return false;
}

/// The bare address of "Name <addr>" or "addr".
std::string address_of(const std::string& s) {
  auto lt = s.find('<'), gt = s.rfind('>');
  if (lt != std::string::npos && gt != std::string::npos && gt > lt) return s.substr(lt + 1, gt - lt - 1);
  return trim(s);
}

std::string rfc2822_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

asio::ssl::context make_context(const SmtpConfig& c) {
  asio::ssl::context ctx(asio::ssl::context::tls_client);
  ctx.set_verify_mode(asio::ssl::verify_peer);
  if (!c.ca_file.empty())
    ctx.load_verify_file(c.ca_file);
  else
    ctx.set_default_verify_paths();
  return ctx;
}

/// One SMTP session over a socket that may be upgraded to TLS.
class Session {
 public:
  Session(const SmtpConfig& c) : config_(c), tls_ctx_(make_context(c)), stream_(io_, tls_ctx_) {}

  void open() {
    tcp::resolver resolver(io_);
    auto endpoints = resolver.resolve(config_.host, std::to_string(config_.port));
    boost::system::error_code ec;
    for (const auto& ep : endpoints) {
      auto& sock = stream_.next_layer();
      sock.close(ec);
      sock.open(ep.endpoint().protocol(), ec);
      if (ec) continue;
      timeval tv{config_.timeout_seconds, 0};
      ::setsockopt(sock.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
      ::setsockopt(sock.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
      sock.connect(ep.endpoint(), ec);
      if (!ec) break;
    }
    if (ec || !stream_.next_layer().is_open())
      throw std::runtime_error("cannot connect to the SMTP server " + config_.host + ":" +
                               std::to_string(config_.port));
    expect(220, "greeting");
    ehlo();
    if (config_.starttls) {
      command("STARTTLS", 220);
      stream_.set_verify_mode(asio::ssl::verify_peer);
      stream_.set_verify_callback(asio::ssl::host_name_verification(config_.host));
      SSL_set_tlsext_host_name(stream_.native_handle(), config_.host.c_str());
      stream_.handshake(asio::ssl::stream_base::client);
      tls_ = true;
      ehlo();
    }
    if (!config_.username.empty()) {
      std::string token;
      token.push_back('\0');
      token += config_.username;
      token.push_back('\0');
      token += config_.password;
      command("AUTH PLAIN " + crypto::to_base64(token), 235, "AUTH PLAIN");
    }
  }

  void send(const std::string& to, const std::string& message) {
    command("MAIL FROM:<" + address_of(config_.from) + ">", 250);
    command("RCPT TO:<" + to + ">", 250);
    command("DATA", 354);
    write(message + "\r\n.\r\n");
    expect(250, "end of data");
    try {
      command("QUIT", 221);
    } catch (const std::exception&) {}
  }

 private:
  void ehlo() { command("EHLO simpul", 250); }

  void write(const std::string& data) {
    if (tls_)
      asio::write(stream_, asio::buffer(data));
    else
      asio::write(stream_.next_layer(), asio::buffer(data));
  }

  std::string read_line() {
    std::size_t n =
        tls_ ? asio::read_until(stream_, buffer_, "\r\n") : asio::read_until(stream_.next_layer(), buffer_, "\r\n");
    std::string line(asio::buffers_begin(buffer_.data()), asio::buffers_begin(buffer_.data()) + n);
    buffer_.consume(n);
    return line.substr(0, line.size() - 2);
  }

  void expect(int code, const std::string& what) {
    std::string line;
    do {
      line = read_line();
    } while (line.size() >= 4 && line[3] == '-');
    if (line.size() < 3 || std::atoi(line.substr(0, 3).c_str()) != code)
      throw std::runtime_error("SMTP " + what + ": " + line.substr(0, 200));
  }

  /// `shown`: how the command appears in an error (never the credentials).
  void command(const std::string& line, int code, const std::string& shown = "") {
    write(line + "\r\n");
    expect(code, shown.empty() ? line : shown);
  }

  const SmtpConfig& config_;
  asio::io_context io_;
  asio::ssl::context tls_ctx_;
  asio::ssl::stream<tcp::socket> stream_;
  asio::streambuf buffer_;
  bool tls_ = false;
};

}  // namespace

std::optional<SmtpConfig> load_smtp_config(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  SmtpConfig c;
  std::string line, password_file;
  int number = 0;
  auto fail = [&](const std::string& problem) {
    throw std::runtime_error(file.string() + ":" + std::to_string(number) + ": " + problem);
  };
  auto integer = [&](const std::string& v, int lo, int hi) {
    try {
      std::size_t used = 0;
      int x = std::stoi(v, &used);
      if (used != v.size() || x < lo || x > hi)
        fail("must be a number from " + std::to_string(lo) + " to " + std::to_string(hi));
      return x;
    } catch (const std::logic_error&) {
      fail("must be a number");
    }
    return 0;
  };
  while (std::getline(in, line)) {
    ++number;
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    auto eq = line.find('=');
    if (eq == std::string::npos) fail("expected key = value");
    std::string key = trim(line.substr(0, eq)), value = trim(line.substr(eq + 1));
    if (key == "host")
      c.host = value;
    else if (key == "port")
      c.port = integer(value, 1, 65535);
    else if (key == "starttls") {
      if (value != "true" && value != "false") fail("starttls must be true or false");
      c.starttls = value == "true";
    } else if (key == "username")
      c.username = value;
    else if (key == "password_file")
      password_file = value;
    else if (key == "from")
      c.from = value;
    else if (key == "ca_file")
      c.ca_file = value;
    else if (key == "timeout_seconds")
      c.timeout_seconds = integer(value, 1, 300);
    else if (key == "retry_base_seconds")
      c.retry_base_seconds = integer(value, 1, 3600);
    else if (key == "max_attempts")
      c.max_attempts = integer(value, 1, 50);
    else
      fail("unknown key '" + key + "'");
  }
  if (c.host.empty() || has_control(c.host)) throw std::runtime_error(file.string() + ": host is required");
  if (c.from.empty() || address_of(c.from).find('@') == std::string::npos || has_control(c.from))
    throw std::runtime_error(file.string() + ": from must be an e-mail address");
  if (!password_file.empty()) {
    std::ifstream p(password_file);
    if (!p) throw std::runtime_error(file.string() + ": password_file cannot be read");
    std::getline(p, c.password);
    c.password = trim(c.password);
  }
  if (!c.username.empty() && c.password.empty())
    throw std::runtime_error(file.string() + ": username needs password_file");
  return c;
}

std::string compose(const SmtpConfig& config, const std::string& to, const std::string& subject,
                    const std::string& body) {
  std::string normalized;  // CRLF line ends, as SMTP requires
  for (char ch : body) {
    if (ch == '\n')
      normalized += "\r\n";
    else if (ch != '\r')
      normalized.push_back(ch);
  }
  std::string encoded = crypto::to_base64(normalized), wrapped;
  for (std::size_t i = 0; i < encoded.size(); i += 76) wrapped += encoded.substr(i, 76) + "\r\n";
  std::ostringstream m;
  m << "From: " << config.from << "\r\n"
    << "To: <" << to << ">\r\n"
    << "Subject: =?UTF-8?B?" << crypto::to_base64(subject) << "?=\r\n"
    << "Date: " << rfc2822_now() << "\r\n"
    << "Message-ID: <" << crypto::new_id() << "@simpul>\r\n"
    << "MIME-Version: 1.0\r\n"
    << "Content-Type: text/plain; charset=utf-8\r\n"
    << "Content-Transfer-Encoding: base64\r\n"
    << "\r\n"
    << wrapped;
  std::string out = m.str();
  return out.substr(0, out.size() - 2);  // the DATA terminator adds the last CRLF
}

void send_mail(const SmtpConfig& config, const std::string& to, const std::string& subject, const std::string& body) {
  if (to.empty() || has_control(to) || to.find('@') == std::string::npos || to.find('<') != std::string::npos)
    throw std::runtime_error("not an e-mail address");
  try {
    Session session(config);
    session.open();
    session.send(to, compose(config, to, subject, body));
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error(std::string("SMTP connection: ") + e.code().message());
  }
}

}  // namespace simpul::notification
