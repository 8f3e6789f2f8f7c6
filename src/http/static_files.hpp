#pragma once
// Serves the built console with history-mode fallback: unknown paths get index.html.
#include <filesystem>
#include <optional>

#include "http/request.hpp"

namespace simpul::http {

/// nullopt when there is no console build to serve.
std::optional<Response> serve_static(const std::filesystem::path& root, const Request& req);

}  // namespace simpul::http
