#pragma once
// The architecture's objects for the compliance engine: each layanan (with how many applications
// support it) and the Arsitektur SPBE and Peta Rencana as the regulation requires them.
#include "architecture/module.hpp"
#include "regulation/fact_registry.hpp"

namespace simpul::architecture {

/// Subjects "service" and "architecture_document".
regulation::FactProvider architecture_facts(const Module& module);

}  // namespace simpul::architecture
