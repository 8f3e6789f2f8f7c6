#pragma once
// Who is really calling when Simpul sits behind a reverse proxy (the recommended TLS set-up,
// docs/operations.md): X-Forwarded-For and X-Forwarded-Proto are believed only when the peer is
// one of the configured proxies, so nobody else can pick the address a throttle counts against.
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/address.hpp>

namespace simpul::http {

class TrustedProxies {
 public:
  /// CIDR ranges or single addresses ("127.0.0.1/8", "::1", "10.0.0.5"); throws
  /// std::invalid_argument naming the bad entry.
  explicit TrustedProxies(const std::vector<std::string>& ranges = {});
  /// Loopback only: a proxy on the same host.
  static TrustedProxies loopback();

  bool trusts(std::string_view address) const;
  /// The client's address: the peer's, or, when the peer is trusted, the right-most address of
  /// X-Forwarded-For that is not itself a trusted proxy.
  std::string client_address(std::string_view peer, std::string_view forwarded_for) const;

 private:
  struct Range {
    boost::asio::ip::address network;
    unsigned prefix;
  };
  std::vector<Range> ranges_;
};

}  // namespace simpul::http
