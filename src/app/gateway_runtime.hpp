#pragma once
// Runs the gateway's data plane (docs/gateway.md "Running the gateway"): keeps its configuration
// snapshot in step with a source (the control plane's database, or a JSON file), owns the message
// log (rotating segments) and reports the data plane's status
// back to the source for the console. Used by `simpul gateway run` and `simpul serve --gateway-port`.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/crypto.hpp"
#include "gateway/proxy/proxy.hpp"

namespace simpul::app {

/// Where the configuration comes from and where the status goes.
struct GatewaySource {
  std::function<std::shared_ptr<const gateway::Config>()> load;  // throws when unreadable
  std::function<std::uint64_t()> version;                        // empty: the configuration never changes
  std::function<void(const std::string& instance, const std::string& status_json)> save_status;  // empty: nowhere
};

struct GatewayRuntimeOptions {
  gateway::ProxyOptions proxy;
  std::optional<std::filesystem::path> log_dir;  // none: no message log (benchmarks of the bare proxy)
  std::chrono::milliseconds poll_every{1000};    // configuration version check and log rotation
  std::chrono::milliseconds status_every{5000};
  std::uint64_t rotate_bytes = 64ull << 20;  // a segment larger than this is closed and a new one started
};

class GatewayRuntime {
 public:
  GatewayRuntime(GatewaySource source, crypto::SigningKey key, GatewayRuntimeOptions options);
  ~GatewayRuntime();
  GatewayRuntime(const GatewayRuntime&) = delete;
  GatewayRuntime& operator=(const GatewayRuntime&) = delete;

  /// Loads the configuration, opens the message log, listens and starts serving; returns the port.
  /// Throws std::runtime_error when the configuration, the log or the port is unusable.
  unsigned short start();
  /// Asks for a reload as soon as possible (non-blocking; e.g. from the control plane's change hook).
  void request_reload();
  /// Stops serving (draining in-flight exchanges), signs and closes the log. Idempotent.
  void stop();

  const gateway::Proxy& proxy() const { return *proxy_; }
  std::uint64_t config_version() const { return loaded_version_; }
  const std::string& instance() const { return instance_; }

 private:
  void publish_from_source();
  void watch();
  void maintain_log();

  GatewaySource source_;
  crypto::SigningKey key_;
  GatewayRuntimeOptions options_;
  std::string instance_;
  gateway::SnapshotHolder snapshots_;
  std::unique_ptr<gateway::RateLimiter> limiter_;
  std::unique_ptr<gateway::MessageLog> log_;
  std::unique_ptr<gateway::Proxy> proxy_;
  std::uint64_t loaded_version_ = 0;

  std::mutex mutex_;
  std::condition_variable wake_;
  bool reload_requested_ = false;
  bool stopping_ = false;
  bool started_ = false;
  std::thread watcher_;
};

}  // namespace simpul::app
