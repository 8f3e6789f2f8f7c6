#pragma once
// Request framing the data plane refuses (RFC 9112 5.2, 6.1, 6.3; docs/gateway.md "Framing"): a
// message whose body length two parsers could read differently is how requests are smuggled past a
// proxy, so it is answered 400 gateway.bad_framing and the connection closed, never forwarded.
// Pure and allocation-free: called once per request on the data plane's hot path.
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>

#include <cstring>
#include <string_view>

namespace simpul::gateway::proxy {

/// True when a complete request head (start line to the empty line) holds an obsolete line fold: a
/// line that starts with a space or a tab (RFC 9112 5.2). Beast would join it to the previous
/// field's value, which a parser that does not would read as another field (or none).
inline bool has_obs_fold(std::string_view head) noexcept {
  const char* p = head.data();
  const char* const end = p + head.size();
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    if (p < end && (*p == ' ' || *p == '\t')) return true;
  }
  return false;
}

/// The request's Transfer-Encoding is one the gateway can relay without doubt: absent, or exactly
/// the one coding "chunked" (over one or several fields, empty list elements ignored), in HTTP/1.1,
/// without Content-Length. Anything else (a coding after or before chunked, an unknown coding,
/// Transfer-Encoding in HTTP/1.0, both length fields) leaves the body length ambiguous
/// (RFC 9112 6.1, 6.3).
template <class Fields>
bool transfer_encoding_ok(const boost::beast::http::header<true, Fields>& h) noexcept {
  namespace bhttp = boost::beast::http;
  auto range = h.equal_range(bhttp::field::transfer_encoding);
  if (range.first == range.second) return true;  // the common case: one lookup
  if (h.version() < 11 || h.find(bhttp::field::content_length) != h.end()) return false;
  int chunked = 0;
  for (auto it = range.first; it != range.second; ++it) {
    std::string_view v = it->value();
    while (!v.empty()) {
      const auto comma = v.find(',');
      std::string_view token = v.substr(0, comma);
      v = comma == std::string_view::npos ? std::string_view{} : v.substr(comma + 1);
      while (!token.empty() && (token.front() == ' ' || token.front() == '\t')) token.remove_prefix(1);
      while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.remove_suffix(1);
      if (token.empty()) continue;
      if (!boost::beast::iequals(token, "chunked")) return false;
      ++chunked;
    }
  }
  return chunked == 1;
}

}  // namespace simpul::gateway::proxy
