#pragma once
// The per-exchange context of a session: answers the gateway's own errors (catalogue JSON, the same
// shape as the main API) and records every exchange (message log, statistics, access log).
#include <chrono>
#include <string>

#include "core/error.hpp"
#include "gateway/proxy/internal.hpp"

namespace simpul::gateway {

struct Refusal {
  Proxy::Impl& impl;
  Worker& worker;
  proxy::Stream& stream;
  proxy::Deadline& deadline;

  std::string request_id;
  std::string consumer_id, service_id;  // empty until known
  std::string_view method, path;        // views into the request (valid while it is)
  std::string request_sha256;           // empty = of an empty body
  std::uint64_t request_bytes = 0, upstream_us = 0;
  std::chrono::steady_clock::time_point started;
  std::int64_t started_us = 0;
  unsigned version = 11;
  bool keep_alive = false;
  Language language = Language::Indonesian;
  std::uint32_t retry_after = 0;
  bool bodies_stored = false;  // both bodies are in the body store (gateway/body_store.hpp)

  /// Writes the catalogue error and records the exchange; true when the connection stays open.
  /// `rule_id`/`citation`: the profile rule the refusal cites, empty when none.
  proxy::asio::awaitable<bool> send(ErrorCode code, std::string_view rule_id = {}, std::string_view citation = {});
  /// Records one finished exchange; `error_code` empty when the upstream answered.
  void record(int status, std::uint64_t response_bytes, std::string_view response_sha256, std::string_view error_code);
};

/// {"error":{"code","message","details":{},"rule":null,"request_id"}} as src/http/json_io renders it;
/// with a rule id, `rule` is {"id","citation"}.
std::string error_body(ErrorCode code, Language language, std::string_view request_id, std::string_view rule_id = {},
                       std::string_view citation = {});

}  // namespace simpul::gateway
