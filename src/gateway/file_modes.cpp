#include "gateway/file_modes.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/log.hpp"

namespace simpul::gateway {

namespace fs = std::filesystem;

namespace {

std::string octal(mode_t m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(m & 07777));
  return buf;
}

}  // namespace

bool tighten(const fs::path& path) noexcept {
  try {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return errno == ENOENT;
    if (S_ISLNK(st.st_mode)) return true;
    const mode_t mode = st.st_mode & 07777;
    if ((mode & 077) == 0) return true;
    const mode_t tight = mode & ~static_cast<mode_t>(077);
    if (::chmod(path.c_str(), tight) != 0) {
      log::error("gateway.permissions_not_fixed",
                 {{"path", path.string()}, {"mode", octal(mode)}, {"error", std::strerror(errno)}});
      return false;
    }
    log::warn("gateway.permissions_fixed", {{"path", path.string()}, {"was", octal(mode)}, {"now", octal(tight)}});
    return true;
  } catch (...) {  // allocation failure while logging
    return false;
  }
}

bool make_private_dir(const fs::path& dir, std::string* error) noexcept {
  auto fail = [&](const fs::path& p, int err) {
    try {
      if (error) *error = "cannot create " + p.string() + ": " + std::strerror(err);
    } catch (...) {}
    return false;
  };
  try {
    // The missing part of the path, from the top down.
    std::vector<fs::path> missing;
    for (fs::path p = dir.lexically_normal(); !p.empty(); p = p.parent_path()) {
      if (!p.has_filename()) {  // "a/b/" names "a/b"
        if (p == p.parent_path()) break;
        continue;
      }
      struct stat st {};
      if (::stat(p.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode)) return fail(p, ENOTDIR);
        break;
      }
      if (errno != ENOENT) return fail(p, errno);
      missing.push_back(p);
      if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) return fail(*it, errno);
      // The umask may have taken the owner's bits: a folder of ours must be usable by us alone.
      if (::chmod(it->c_str(), 0700) != 0 && errno != EPERM) return fail(*it, errno);
    }
    if (missing.empty() || missing.front() != dir.lexically_normal()) tighten(dir);
    return true;
  } catch (...) {
    return fail(dir, ENOMEM);
  }
}

}  // namespace simpul::gateway
