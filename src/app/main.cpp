// simpul: the SPBE platform service and its administration commands.
#include <boost/json/serialize.hpp>

#include <iostream>
#include <thread>

#include "architecture/reference.hpp"
#include "app/cli_args.hpp"
#include "app/check_command.hpp"
#include "app/gateway_command.hpp"
#include "app/gateway_run.hpp"
#include "app/coverage.hpp"
#include "app/scheduler.hpp"
#include "app/system_routes.hpp"
#include "app/demo.hpp"
#include "app/demo_upstream.hpp"
#include "app/platform.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "http/server.hpp"
#include "storage/migrations.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;

namespace {

constexpr const char* kUsage = R"(simpul — SPBE platform for Indonesian regional governments

Usage:
  simpul serve [--demo] [--profile ID] [--host H] [--port N] [--threads N] [--web-root DIR] [--no-access-log]
               [--read-timeout-ms N] [--idle-timeout-ms N] [--max-body-bytes N] [--evaluate-every-minutes N]
               [--evidence-max-bytes N]      largest evaluation evidence file (default 8 MiB; uploads are
                                             also bounded by --max-body-bytes)
               [--trusted-proxy CIDR[,CIDR]] reverse proxies whose X-Forwarded-For/-Proto are believed
                                             (default 127.0.0.0/8,::1; docs/operations.md)
               [--gateway-port N [--gateway-host H] [--gateway-threads N] [--gateway-tls-cert F --gateway-tls-key F]
               [--gateway-client-ca F] [--gateway-upstream-ca F] [--gateway-log-dir DIR] [--gateway-no-message-log]]
                                       also run the gateway's data plane in this process (docs/gateway.md)
  simpul check --tenant SLUG [--json] [--severity tinggi|sedang|rendah]
                                       evaluate compliance; exit 1 when open findings at/above the severity exist
  simpul migrate
  simpul tenant create --profile ID [--slug SLUG]
  simpul tenant list
  simpul user add --tenant SLUG --username NAME --role ROLE[,ROLE] [--display-name TEXT] [--agency CODE] [--password-stdin]
  simpul user reset-password --tenant SLUG --username NAME [--password-stdin]
  simpul ledger verify
  simpul gateway run [--config FILE] [--host H] [--port N] [--threads N] [--tls-cert F --tls-key F] [--client-ca F]
                     [--upstream-ca F] [--log-dir DIR] [--no-message-log] [--access-log] [--health-interval-ms N]
                     [--header-timeout-ms N] [--idle-timeout-ms N]
                                       run the gateway's data plane (Sistem Penghubung Layanan) on its own,
                                       configured from the database (default) or a JSON file
  simpul gateway verify --log-dir DIR --public-key HEX [--live] [--head FILE]
                                       check the gateway message log: chain, batch roots, signatures and
                                       the signed high-water mark (<log-dir>-head.json unless --head names a copy)
  simpul gateway prove --log-dir DIR --seq N | verify-proof --proof FILE --public-key HEX
                                       export / check the inclusion proof of one exchange
  simpul profiles check
  simpul coverage                      print docs/regulation-coverage.md from the profiles
  simpul openapi                       print docs/openapi.json: the API contract the modules describe

Common options:
  --database URL       sqlite:PATH (default sqlite:<data-dir>/simpul.db) or postgresql://user@host:port/db
  --data-dir DIR       database file, signing keys and the first login (default ./var)
  --profiles-dir DIR   regulation profiles (default ./profiles)
)";

const std::set<std::string> kFlags = {
    "demo",       "password-stdin",         "no-access-log",      "help", "json", "no-message-log",
    "access-log", "gateway-no-message-log", "gateway-access-log", "live"};
const std::set<std::string> kCommon = {"database", "data-dir", "profiles-dir"};

std::set<std::string> with_common(std::set<std::string> keys) {
  keys.insert(kCommon.begin(), kCommon.end());
  return keys;
}

app::Config config_from(const app::CliArgs& args) {
  app::Config c;
  c.database_url = args.get_or("database", "");
  c.data_dir = args.get_or("data-dir", "var");
  c.profiles_dir = args.get_or("profiles-dir", "profiles");
  if (auto w = args.get("web-root"))
    c.web_root = *w;
  else if (std::filesystem::exists("web/dist/index.html"))
    c.web_root = "web/dist";
  c.access_log = !args.flag("no-access-log");
  if (auto v = args.get("trusted-proxy")) {
    c.trusted_proxies.clear();
    for (auto part : text::split(*v, ','))
      if (!text::trim(part).empty()) c.trusted_proxies.push_back(text::trim(part));
  }
  if (auto v = args.get("evidence-max-bytes")) c.evaluation.max_evidence_bytes = std::stoul(*v);
  c.demo = args.flag("demo");
  if (auto p = args.get("gateway-port"); p && *p != "0")
    c.gateway_base_url = app::base_url(args.get("gateway-tls-cert").has_value(),
                                       args.get_or("gateway-host", "127.0.0.1"), static_cast<unsigned>(std::stoul(*p)));
  return c;
}

int serve(const app::CliArgs& args) {
  std::set<std::string> allowed = {"demo",
                                   "profile",
                                   "host",
                                   "port",
                                   "threads",
                                   "web-root",
                                   "no-access-log",
                                   "read-timeout-ms",
                                   "idle-timeout-ms",
                                   "max-body-bytes",
                                   "evaluate-every-minutes",
                                   "evidence-max-bytes",
                                   "trusted-proxy"};
  for (const auto& o : app::kGatewayRunOptions)
    if (o != "config") allowed.insert("gateway-" + o);
  args.allow_only(with_common(allowed));
  auto started = std::chrono::steady_clock::now();
  app::Config config = config_from(args);
  // Compliance is evaluated at start and then daily; 0 turns it off (tests that need a quiet ledger).
  config.compliance_every = std::chrono::minutes(std::stol(args.get_or("evaluate-every-minutes", "1440")));
  app::Platform platform(config);

  http::ServerOptions options;
  options.host = args.get_or("host", "127.0.0.1");
  options.port = static_cast<unsigned short>(std::stoi(args.get_or("port", "8080")));
  options.threads = static_cast<unsigned>(std::stoi(args.get_or("threads", "0")));
  if (auto v = args.get("read-timeout-ms")) options.read_timeout = std::chrono::milliseconds(std::stol(*v));
  if (auto v = args.get("idle-timeout-ms")) options.idle_timeout = std::chrono::milliseconds(std::stol(*v));
  if (auto v = args.get("max-body-bytes")) options.max_body_bytes = std::stoul(*v);
  http::Server server(platform.dispatcher(), options);
  auto port = server.listen();
  // Seeded after listening, so that the demo's gateway services point at the port really bound.
  std::optional<app::AdminLogin> login;
  if (args.flag("demo"))
    login = app::ensure_demo(platform, args.get_or("profile", "balikpapan"),
                             app::base_url(false, "127.0.0.1", port) + app::kDemoUpstreamPath);
  log::info(
      "server.ready",
      {{"port", port},
       {"database", storage::redact_url(platform.config().effective_database_url())},
       {"startup_ms", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count()}});
  std::cout << "Simpul is ready: " << app::base_url(false, options.host, port) << "\n";
  if (login) {
    std::cout << "Tenant: " << login->tenant_slug << "\n";
    if (!login->password.empty())
      std::cout << "Login: " << login->username << " / " << login->password << "\n";
    else
      std::cout << "Login: " << login->username << " (password changed since the first start)\n";
    if (!login->colleague_password.empty())
      std::cout << "Demo colleagues: " << text::join(login->colleagues, ',') << " / " << login->colleague_password
                << "\n";
    if (!login->gateway_api_key.empty())
      std::cout << "Gateway API key of the demo consumer (shown once): " << login->gateway_api_key << "\n";
  }
  if (platform.config().web_root.empty()) std::cout << "(console not built: API only)\n";
  // The gateway's data plane in this process, reloaded by the control plane's change hook.
  std::optional<app::GatewayRuntime> gateway;
  if (args.get("gateway-port")) {
    auto gateway_options = app::gateway_options(args, platform.config(), "gateway-");
    gateway.emplace(app::database_source(platform.db(), &platform.profiles()),
                    gateway::control::load_or_create_gateway_key(platform.config().gateway_key_path()),
                    gateway_options);
    auto gateway_port = gateway->start();
    platform.gateway().on_config_change([&gateway] { gateway->request_reload(); });
    platform.dispatcher().metrics().add_collector([&gateway] { return gateway->proxy().prometheus_metrics(); });
    std::cout << "Gateway: "
              << app::base_url(!gateway_options.proxy.tls_certificate.empty(), gateway_options.proxy.host, gateway_port)
              << " (Sistem Penghubung Layanan)" << std::endl;
  }

  std::cout.flush();
  // The modules' periodic work (compliance evaluation, ...), each at start and then on its period.
  std::optional<app::Scheduler> scheduler;
  if (auto jobs = platform.jobs(); !jobs.empty()) scheduler.emplace(std::move(jobs));
  server.run(true);
  if (gateway) gateway->stop();
  return 0;
}

int tenant_cmd(const app::CliArgs& args) {
  args.allow_only(with_common({"profile", "slug"}));
  app::Platform platform(config_from(args));
  if (args.word(1) == "list") {
    for (const auto& t : platform.tenancy().tenants())
      std::cout << t.slug << "\t" << t.name << "\t" << t.profile_id << "\n";
    return 0;
  }
  if (args.word(1) != "create" || !args.get("profile"))
    throw std::invalid_argument("usage: simpul tenant create --profile ID [--slug SLUG]");
  auto profile = *args.get("profile");
  auto t = platform.tenancy().create_tenant(profile, args.get_or("slug", profile), {"cli", "Simpul CLI", ""});
  std::cout << "Created tenant " << t.slug << " (" << t.name << ") from profile " << profile << "\n";
  return 0;
}

int user_cmd(const app::CliArgs& args) {
  args.allow_only(with_common({"tenant", "username", "role", "display-name", "agency", "password-stdin"}));
  if (args.word(1) == "reset-password" && args.get("tenant") && args.get("username")) {
    app::Platform platform(config_from(args));
    std::string password;
    if (args.flag("password-stdin")) std::getline(std::cin, password);
    auto generated = app::reset_password_cli(platform, *args.get("tenant"), *args.get("username"), password);
    std::cout << "New password set for " << *args.get("username") << " in " << *args.get("tenant")
              << "; their sessions and API tokens have ended\n";
    if (!generated.empty()) std::cout << "Password (shown once): " << generated << "\n";
    return 0;
  }
  if (args.word(1) != "add" || !args.get("tenant") || !args.get("username") || !args.get("role"))
    throw std::invalid_argument(
        "usage: simpul user add --tenant SLUG --username NAME --role ROLE\n"
        "       simpul user reset-password --tenant SLUG --username NAME [--password-stdin]");
  app::Platform platform(config_from(args));
  std::string password;
  if (args.flag("password-stdin")) std::getline(std::cin, password);
  std::vector<std::string> roles;
  for (auto r : text::split(*args.get("role"), ',')) roles.emplace_back(r);
  auto generated = app::add_user_cli(platform, *args.get("tenant"), *args.get("username"),
                                     args.get_or("display-name", ""), roles, args.get_or("agency", ""), password);
  std::cout << "Created user " << *args.get("username") << " in " << *args.get("tenant") << "\n";
  if (!generated.empty()) std::cout << "Password (shown once): " << generated << "\n";
  return 0;
}

int ledger_cmd(const app::CliArgs& args) {
  args.allow_only(kCommon);
  if (args.word(1) != "verify") throw std::invalid_argument("usage: simpul ledger verify");
  app::Platform platform(config_from(args));
  auto conn = platform.db().acquire();
  storage::Transaction tx(*conn, storage::Transaction::Read);
  auto r = platform.ledger().verify(*conn);
  std::cout << "entries checked: " << r.entries_checked << "\ncheckpoints checked: " << r.checkpoints_checked << "\n";
  if (r.high_water_mark)
    std::cout << "high-water mark: entry " << r.high_water_mark->seq << ", signed at " << r.high_water_mark->at << "\n";
  for (const auto& w : r.warnings) std::cout << "warning: " << w << "\n";
  if (r.ok) {
    std::cout << "ledger OK: the chain is intact\n";
    return 0;
  }
  std::cout << "ledger BROKEN at seq " << r.first_problem->seq << ": " << r.first_problem->kind << " — "
            << r.first_problem->message << "\n";
  return 1;
}

/// Runs `use` on a platform over a throwaway database: what the modules say about themselves
/// (coverage, the API contract), and every check of the profiles the platform makes at start
/// (rule kinds and their parameters, subjects some module provides).
template <typename Use>
auto on_throwaway_platform(const app::CliArgs& args, const std::string& purpose, Use use) {
  struct RemovedAfterUse {
    std::filesystem::path dir;
    ~RemovedAfterUse() {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  } scratch{std::filesystem::temp_directory_path() / ("simpul-" + purpose + "-" + crypto::random_token(6))};
  app::Config c = config_from(args);
  c.data_dir = scratch.dir;
  c.access_log = false;
  log::set_min_level(log::Level::Warn);  // the scratch database's migrations are nobody's concern
  app::Platform platform(c);
  return use(platform);
}

int profiles_cmd(const app::CliArgs& args) {
  args.allow_only({"profiles-dir"});
  return on_throwaway_platform(args, "profiles", [&](app::Platform& platform) {
    for (const auto& [id, p] : platform.profiles().all())
      std::cout << id << ": " << p->regulation_label() << ", " << p->rules.size() << " rules — OK\n";
    auto reference = architecture::ReferenceArchitecture::load(platform.profiles().directory() / "frameworks" /
                                                               "reference-architecture.yaml");
    std::cout << "frameworks/reference-architecture.yaml: " << reference.items().size() << " reference codes — OK\n";
    return 0;
  });
}

}  // namespace

int main(int argc, char** argv) {
  try {
    app::CliArgs args(argc, argv, kFlags);
    auto cmd = args.word(0);
    if (cmd.empty() || cmd == "help" || args.flag("help")) {
      std::cout << kUsage;
      return cmd.empty() ? 2 : 0;
    }
    if (cmd == "serve") return serve(args);
    if (cmd == "migrate") {
      args.allow_only(kCommon);
      app::Platform platform(config_from(args));  // construction migrates
      std::cout << "database is at the newest schema\n";
      return 0;
    }
    if (cmd == "tenant") return tenant_cmd(args);
    if (cmd == "user") return user_cmd(args);
    if (cmd == "ledger") return ledger_cmd(args);
    if (cmd == "profiles") return profiles_cmd(args);
    if (cmd == "gateway" && args.word(1) == "run") {
      auto allowed = with_common(app::kGatewayRunOptions);
      args.allow_only(allowed);
      return app::gateway_run(args, config_from(args));
    }
    if (cmd == "gateway") return app::gateway_command(args, std::cout);
    if (cmd == "check") {
      args.allow_only(with_common({"tenant", "json", "severity"}));
      if (!args.get("tenant")) throw std::invalid_argument("usage: simpul check --tenant SLUG [--json] [--severity S]");
      app::Platform platform(config_from(args));
      return app::run_check(platform, *args.get("tenant"), args.flag("json"), args.get_or("severity", "tinggi"),
                            std::cout);
    }
    if (cmd == "coverage" || cmd == "openapi") {
      args.allow_only({"profiles-dir"});
      std::cout << on_throwaway_platform(args, cmd, [&](app::Platform& platform) {
        return cmd == "coverage" ? app::coverage_markdown(platform) : app::openapi_text(platform);
      });
      return 0;
    }
    std::cerr << "unknown command: " << cmd << "\n\n" << kUsage;
    return 2;
  } catch (const Error& e) {
    std::cerr << "error: " << error_code_string(e.code()) << ": " << error_message(e.code(), Language::English);
    if (!e.details().empty()) std::cerr << " " << boost::json::serialize(e.details());
    std::cerr << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}
