#include "core/private_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "core/log.hpp"

namespace simpul::files {
namespace {

void tighten(const std::filesystem::path& path, mode_t wanted) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0)
    throw std::runtime_error("cannot read " + path.string() + ": " + std::strerror(errno));
  if ((st.st_mode & 0777) == wanted) return;
  if (::chmod(path.c_str(), wanted) != 0)
    throw std::runtime_error("cannot restrict " + path.string() + ": " + std::strerror(errno));
  log::warn("files.permissions_tightened",
            {{"path", path.string()}, {"was", static_cast<int>(st.st_mode & 0777)}, {"now", static_cast<int>(wanted)}});
}

}  // namespace

void ensure_private_directory(const std::filesystem::path& dir) {
  if (!std::filesystem::exists(dir)) {
    if (dir.has_parent_path() && !dir.parent_path().empty()) std::filesystem::create_directories(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
      throw std::runtime_error("cannot create " + dir.string() + ": " + std::strerror(errno));
  }
  tighten(dir, 0700);
}

void ensure_private_file(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return;
  }
  if (errno != EEXIST) throw std::runtime_error("cannot create " + file.string() + ": " + std::strerror(errno));
  tighten(file, 0600);
}

void tighten_if_exists(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) tighten(file, 0600);
}

}  // namespace simpul::files
