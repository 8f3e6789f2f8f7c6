#include "http/forwarded.hpp"

#include <optional>
#include <stdexcept>

#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

#include "core/text.hpp"

namespace simpul::http {
namespace ip = boost::asio::ip;
namespace {

// IPv4 clients may arrive on a dual-stack socket as ::ffff:a.b.c.d; compare them as IPv4.
ip::address normalised(const ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, a.to_v6());
  return a;
}

std::optional<ip::address> parse(std::string_view text) {
  boost::system::error_code ec;
  auto a = ip::make_address(std::string(text::trim(text)), ec);
  if (ec) return std::nullopt;
  return normalised(a);
}

}  // namespace

TrustedProxies::TrustedProxies(const std::vector<std::string>& ranges) {
  for (const auto& r : ranges) {
    auto slash = r.find('/');
    auto address = parse(std::string_view(r).substr(0, slash));
    if (!address) throw std::invalid_argument("not an address or range: " + r);
    unsigned max = address->is_v4() ? 32 : 128, prefix = max;
    if (slash != std::string::npos) {
      auto digits = r.substr(slash + 1);
      if (digits.empty() || digits.size() > 3 || digits.find_first_not_of("0123456789") != std::string::npos ||
          std::stoul(digits) > max)
        throw std::invalid_argument("bad prefix length: " + r);
      prefix = static_cast<unsigned>(std::stoul(digits));
    }
    ranges_.push_back({*address, prefix});
  }
}

TrustedProxies TrustedProxies::loopback() { return TrustedProxies({"127.0.0.0/8", "::1"}); }

bool TrustedProxies::trusts(std::string_view text) const {
  auto a = parse(text);
  if (!a) return false;
  for (const auto& r : ranges_) {
    if (r.network.is_v4() != a->is_v4()) continue;
    // Asio's own network types do the masking: same network once both take the range's prefix.
    if (a->is_v4() ? ip::make_network_v4(a->to_v4(), r.prefix).canonical() ==
                         ip::make_network_v4(r.network.to_v4(), r.prefix).canonical()
                   : ip::make_network_v6(a->to_v6(), r.prefix).canonical() ==
                         ip::make_network_v6(r.network.to_v6(), r.prefix).canonical())
      return true;
  }
  return false;
}

std::string TrustedProxies::client_address(std::string_view peer, std::string_view forwarded_for) const {
  if (forwarded_for.empty() || !trusts(peer)) return std::string(peer);
  // Each proxy appends the address it received from; walk back past our own proxies.
  auto hops = text::split(forwarded_for, ',');
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    auto hop = parse(*it);
    if (!hop) break;  // garbage from beyond our proxies: stop at the last address we can vouch for
    std::string text = hop->to_string();
    if (!trusts(text)) return text;
  }
  return std::string(peer);
}

}  // namespace simpul::http
