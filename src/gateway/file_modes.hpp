#pragma once
// Modes of the files the gateway keeps about exchanges (docs/gateway.md, "File modes"): the message
// log, its high-water mark and stored bodies are the service account's alone — folders 0700,
// files 0600, whatever the umask — and looser modes found at startup are tightened, with the
// warning gateway.permissions_fixed. Not on the request path.
#include <filesystem>
#include <string>

namespace simpul::gateway {

/// Creates `dir` with mode 0700, and every missing parent the same way (existing parents are left
/// as they are: they may be shared, like /var/log). An existing `dir` is tightened. False, with
/// `error`, when it cannot be created or is not a directory.
bool make_private_dir(const std::filesystem::path& dir, std::string* error = nullptr) noexcept;

/// Removes group and other permissions from `path` when it has any and logs
/// gateway.permissions_fixed (path, old mode, new mode). A symbolic link is left alone (chmod would
/// change its target). False when the mode could not be changed (logged as
/// gateway.permissions_not_fixed); true when there was nothing to do or `path` does not exist.
bool tighten(const std::filesystem::path& path) noexcept;

}  // namespace simpul::gateway
