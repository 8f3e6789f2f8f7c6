#pragma once
// Files users upload and download (Repositori artifacts, evaluation evidence, reports): the name
// as the uploader gave it is only ever displayed and offered as the download name; storage is by
// content hash, so a name never reaches a path.
#include <optional>
#include <string>

#include "core/error.hpp"
#include "http/request.hpp"

namespace simpul::http {

/// The name if it is 1-120 characters of valid UTF-8 without control characters, slashes or
/// "."/"..", else throws `invalid` (a catalogue error naming the rule).
std::string checked_filename(const std::optional<std::string>& name, ErrorCode invalid);

/// A download, never rendered or executed by the browser whatever the file claims to be:
/// Content-Disposition attachment (ASCII fallback + RFC 5987 UTF-8 name), nosniff, sandbox CSP.
Response attachment(std::string bytes, const std::string& filename, const std::string& content_type);

}  // namespace simpul::http
