#pragma once
// `simpul gateway verify|prove`: check a message log directory offline, and export or check the
// inclusion proof of one exchange (docs/gateway.md).
#include <iosfwd>

#include "app/cli_args.hpp"

namespace simpul::app {

/// Returns the exit code: 0 valid, 1 a problem was found; bad usage throws std::invalid_argument.
int gateway_command(const CliArgs& args, std::ostream& out);

}  // namespace simpul::app
