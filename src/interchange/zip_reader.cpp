#include "interchange/zip_reader.hpp"

#include <zip.h>

#include <memory>

#include "interchange/file_error.hpp"

namespace simpul::interchange {
namespace {

zip_t* as_zip(void* p) { return static_cast<zip_t*>(p); }

[[noreturn]] void too_large(std::size_t limit) {
  throw FileError(FileErrorKind::TooLarge,
                  "the workbook unpacks to more than " + std::to_string(limit / (1024 * 1024)) + " MB");
}

}  // namespace

ZipReader::ZipReader(std::string_view bytes, std::size_t max_uncompressed_bytes)
    : archive_(nullptr), limit_(max_uncompressed_bytes), remaining_(max_uncompressed_bytes) {
  zip_error_t error;
  zip_error_init(&error);
  // An empty buffer still needs a non-null pointer for libzip.
  static const char kEmpty = 0;
  zip_source_t* source = zip_source_buffer_create(bytes.empty() ? &kEmpty : bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    throw std::bad_alloc();
  }
  archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive_) {
    zip_source_free(source);
    std::string detail = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw FileError(FileErrorKind::NotXlsx,
                    "not an XLSX workbook: the file is not a readable zip archive (" + detail +
                        "); .xls files, password-protected and truncated workbooks cannot be read");
  }
  zip_error_fini(&error);
}

ZipReader::~ZipReader() {
  if (archive_) zip_discard(as_zip(archive_));
}

bool ZipReader::contains(const std::string& name) const {
  return zip_name_locate(as_zip(archive_), name.c_str(), ZIP_FL_NOCASE) >= 0;
}

bool ZipReader::read(const std::string& name, const std::function<void(std::string_view)>& sink) {
  zip_t* za = as_zip(archive_);
  zip_int64_t index = zip_name_locate(za, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return false;

  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(za, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    throw FileError(FileErrorKind::Malformed, "cannot read entry: " + std::string(zip_strerror(za)), name);
  }
  // The declared size is checked first so an honest large file fails before any inflating.
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > remaining_) too_large(limit_);

  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0),
                                                         &zip_fclose);
  if (!file) {
    throw FileError(FileErrorKind::Malformed, "cannot open entry: " + std::string(zip_strerror(za)), name);
  }
  std::string buffer(64 * 1024, '\0');
  std::size_t total = 0;
  for (;;) {
    zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) {
      throw FileError(FileErrorKind::Malformed, "damaged entry: " + std::string(zip_file_strerror(file.get())), name);
    }
    if (n == 0) break;
    total += static_cast<std::size_t>(n);
    // Counted while inflating: the sizes in the archive are written by whoever made it.
    if (static_cast<std::size_t>(n) > remaining_) too_large(limit_);
    remaining_ -= static_cast<std::size_t>(n);
    if ((stat.valid & ZIP_STAT_SIZE) && total > stat.size) {
      throw FileError(FileErrorKind::Malformed, "the entry unpacks to more than its declared size", name);
    }
    sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
  }
  return true;
}

}  // namespace simpul::interchange
