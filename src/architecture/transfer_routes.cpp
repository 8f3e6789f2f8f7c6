// Filled in with the interchange module.
#include "architecture/module.hpp"
namespace simpul::architecture {
void register_transfer_routes(http::Router&, Module&) {}
}
