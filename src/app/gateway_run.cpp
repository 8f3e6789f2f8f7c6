#include "app/gateway_run.hpp"

#include <csignal>
#include <iostream>
#include <optional>

#include "gateway/config_file.hpp"
#include "gateway/control/data_plane.hpp"
#include "gateway/control/control_plane.hpp"
#include "storage/migrations.hpp"

namespace simpul::app {

const std::set<std::string> kGatewayRunOptions = {"config",
                                                  "host",
                                                  "port",
                                                  "threads",
                                                  "tls-cert",
                                                  "tls-key",
                                                  "client-ca",
                                                  "upstream-ca",
                                                  "no-message-log",
                                                  "log-dir",
                                                  "access-log",
                                                  "health-interval-ms",
                                                  "header-timeout-ms",
                                                  "idle-timeout-ms"};

namespace {

std::chrono::milliseconds millis(const CliArgs& args, const std::string& key, std::chrono::milliseconds fallback) {
  if (auto v = args.get(key)) return std::chrono::milliseconds(std::stol(*v));
  return fallback;
}

/// Blocks SIGINT and SIGTERM in this thread and every thread started after it, so that the
/// signal is taken by sigwait() below (a graceful stop) rather than killing a worker thread.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

}  // namespace

GatewayRuntimeOptions gateway_options(const CliArgs& args, const Config& config, const std::string& prefix) {
  auto opt = [&](const std::string& key) { return args.get(prefix + key); };
  GatewayRuntimeOptions o;
  o.proxy.host = opt("host").value_or("127.0.0.1");
  o.proxy.port = static_cast<unsigned short>(std::stoi(opt("port").value_or("8090")));
  if (auto v = opt("threads")) o.proxy.threads = static_cast<unsigned>(std::stoi(*v));
  if (auto v = opt("tls-cert")) o.proxy.tls_certificate = *v;
  if (auto v = opt("tls-key")) o.proxy.tls_private_key = *v;
  if (auto v = opt("client-ca")) o.proxy.client_ca = *v;
  if (auto v = opt("upstream-ca")) o.proxy.upstream_ca = *v;
  o.proxy.access_log = args.flag(prefix + "access-log");
  o.proxy.health_interval = millis(args, prefix + "health-interval-ms", o.proxy.health_interval);
  o.proxy.header_timeout = millis(args, prefix + "header-timeout-ms", o.proxy.header_timeout);
  o.proxy.idle_timeout = millis(args, prefix + "idle-timeout-ms", o.proxy.idle_timeout);
  if (o.proxy.tls_certificate.empty() != o.proxy.tls_private_key.empty())
    throw std::invalid_argument("--" + prefix + "tls-cert and --" + prefix + "tls-key go together");
  if (!args.flag(prefix + "no-message-log"))
    o.log_dir = opt("log-dir") ? std::filesystem::path(*opt("log-dir")) : config.gateway_log_dir();
  return o;
}

GatewaySource database_source(storage::Database& db, const tenancy::ProfileRegistry* profiles) {
  GatewaySource s;
  s.load = [&db, profiles] {
    return std::make_shared<const gateway::Config>(gateway::control::load_config(db, profiles));
  };
  s.version = [&db] { return gateway::control::config_version(db); };
  s.save_status = [&db](const std::string& instance, const std::string& status) {
    gateway::control::save_status(db, instance, status);
  };
  return s;
}

int gateway_run(const CliArgs& args, const Config& config) {
  auto options = gateway_options(args, config, "");
  std::unique_ptr<storage::Database> db;
  std::optional<tenancy::ProfileRegistry> profiles;
  GatewaySource source;
  if (auto file = args.get("config")) {
    source.load = [path = std::filesystem::path(*file)] { return gateway::load_config_file(path); };
  } else {
    db = storage::Database::open(config.effective_database_url(), 2);
    storage::migrate(*db, all_migrations());
    profiles.emplace(load_profiles(config.profiles_dir));  // the rules refusals cite
    source = database_source(*db, &*profiles);
  }
  auto key = gateway::control::load_or_create_gateway_key(config.gateway_key_path());
  const sigset_t stop_signals = block_stop_signals();
  GatewayRuntime runtime(std::move(source), key, options);
  const auto port = runtime.start();
  std::cout << "Simpul gateway is ready: "
            << app::base_url(!options.proxy.tls_certificate.empty(), options.proxy.host, port) << "\n"
            << "Message log: " << (options.log_dir ? options.log_dir->string() : "off") << "\n"
            << "Public key: "
            << crypto::to_hex({reinterpret_cast<const char*>(key.public_key.data()), key.public_key.size()}) << "\n";
  std::cout.flush();
  int signal = 0;
  sigwait(&stop_signals, &signal);
  runtime.stop();
  return 0;
}

}  // namespace simpul::app
