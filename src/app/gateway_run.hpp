#pragma once
// `simpul gateway run` and the gateway inside `simpul serve --gateway-port` (docs/gateway.md
// "Running the gateway"): the command-line options of the data plane and its two sources of
// configuration, the control plane's database or a JSON file.
#include <memory>
#include <string>

#include "app/cli_args.hpp"
#include "app/gateway_runtime.hpp"
#include "app/platform.hpp"
#include "storage/database.hpp"

namespace simpul::app {

/// The options `gateway run` accepts (serve accepts the same ones prefixed with "gateway-").
extern const std::set<std::string> kGatewayRunOptions;

/// Proxy and runtime options from the command line; `prefix` is "" for `gateway run` and
/// "gateway-" for `serve` (--gateway-port, --gateway-host, ...).
GatewayRuntimeOptions gateway_options(const CliArgs& args, const Config& config, const std::string& prefix);

/// Configuration from the control plane's tables; status documents back into them. With the
/// profiles, refusals cite the region's rules (gateway::control::refusal_rules); the registry must
/// outlive the source.
GatewaySource database_source(storage::Database& db, const tenancy::ProfileRegistry* profiles = nullptr);

/// Runs the data plane alone until SIGINT/SIGTERM; returns the exit code.
int gateway_run(const CliArgs& args, const Config& config);

}  // namespace simpul::app
