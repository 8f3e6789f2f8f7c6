#pragma once
// Files that hold secrets or personal data (the database with password hashes, signing keys, the
// gateway's message log and bodies) are readable by the service's user only: directories 0700,
// files 0600. Checked at start; anything looser is tightened and logged.
#include <filesystem>

namespace simpul::files {

/// Creates `dir` (and missing parents) with mode 0700, or tightens an existing one to 0700.
void ensure_private_directory(const std::filesystem::path& dir);
/// Creates an empty `file` with mode 0600 when missing (so a library that opens it later, such as
/// SQLite, inherits the mode for its side files), or tightens an existing one to 0600.
void ensure_private_file(const std::filesystem::path& file);
/// Tightens `file` to 0600 when it exists; no-op otherwise.
void tighten_if_exists(const std::filesystem::path& file);

}  // namespace simpul::files
