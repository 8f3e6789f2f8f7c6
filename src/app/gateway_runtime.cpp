#include "app/gateway_runtime.hpp"

#include <unistd.h>

#include <stdexcept>

#include "core/log.hpp"
#include "gateway/body_store.hpp"

namespace simpul::app {

namespace {

std::string instance_name(unsigned short port) {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) std::snprintf(host, sizeof host, "gateway");
  return std::string(host) + ":" + std::to_string(port) + "#" + std::to_string(::getpid());
}

}  // namespace

GatewayRuntime::GatewayRuntime(GatewaySource source, crypto::SigningKey key, GatewayRuntimeOptions options)
    : source_(std::move(source)),
      key_(std::move(key)),
      options_(std::move(options)),
      limiter_(std::make_unique<gateway::RateLimiter>()) {}

GatewayRuntime::~GatewayRuntime() { stop(); }

void GatewayRuntime::publish_from_source() {
  // Read the version first: a change committed while we load is seen again at the next poll.
  const std::uint64_t version = source_.version ? source_.version() : 0;
  auto config = source_.load();
  snapshots_.publish(config);  // throws std::invalid_argument and keeps the old snapshot
  loaded_version_ = version;
}

unsigned short GatewayRuntime::start() {
  try {
    publish_from_source();
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("gateway configuration unusable: ") + e.what());
  }
  if (options_.log_dir) {
    std::string why;
    log_ = gateway::MessageLog::open(*options_.log_dir, key_, {}, &why);
    if (!log_) throw std::runtime_error("gateway message log unusable: " + why);
    // Bodies are kept only beside a message log: its records are what prove them.
    if (options_.proxy.bodies_dir.empty()) options_.proxy.bodies_dir = gateway::bodies_dir_of(*options_.log_dir);
  }
  proxy_ = std::make_unique<gateway::Proxy>(snapshots_, *limiter_, log_.get(), options_.proxy);
  const unsigned short port = proxy_->listen();
  instance_ = instance_name(port);
  proxy_->start();
  started_ = true;
  watcher_ = std::thread([this] { watch(); });
  log::info("gateway.ready", {{"port", port},
                              {"config_version", loaded_version_},
                              {"message_log", options_.log_dir ? options_.log_dir->string() : "off"}});
  return port;
}

void GatewayRuntime::request_reload() {
  {
    std::lock_guard lock(mutex_);
    reload_requested_ = true;
  }
  wake_.notify_one();
}

void GatewayRuntime::maintain_log() {
  // The proxy signs the open batch every second itself (ProxyOptions::log_flush_interval); here
  // only the segment size is watched.
  if (!log_) return;
  std::error_code ec;
  const auto size = std::filesystem::file_size(log_->current_segment(), ec);
  if (!ec && size > options_.rotate_bytes && log_->rotate() != gateway::LogStatus::ok)
    log::error("gateway.log_rotate_failed");
}

void GatewayRuntime::watch() {
  auto next_status = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, options_.poll_every, [this] { return stopping_ || reload_requested_; });
    if (stopping_) break;
    const bool forced = reload_requested_;
    reload_requested_ = false;
    lock.unlock();
    try {
      if (forced || (source_.version && source_.version() != loaded_version_)) {
        publish_from_source();
        log::info("gateway.config_published", {{"config_version", loaded_version_}});
      }
    } catch (const std::exception& e) {
      // Keep serving the last good snapshot; the next poll tries again.
      log::warn("gateway.config_rejected", {{"reason", e.what()}});
    }
    maintain_log();
    if (source_.save_status && std::chrono::steady_clock::now() >= next_status) {
      next_status = std::chrono::steady_clock::now() + options_.status_every;
      try {
        source_.save_status(instance_, proxy_->status_json());
      } catch (const std::exception& e) {
        log::warn("gateway.status_not_saved", {{"reason", e.what()}});
      }
    }
    lock.lock();
  }
}

void GatewayRuntime::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || !started_) {
      stopping_ = true;
      return;
    }
    stopping_ = true;
  }
  wake_.notify_one();
  if (watcher_.joinable()) watcher_.join();
  proxy_->stop();
  if (log_ && log_->close() != gateway::LogStatus::ok) log::error("gateway.log_close_failed");
}

}  // namespace simpul::app
