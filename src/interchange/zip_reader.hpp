#pragma once
// Internal: reads named entries of a zip archive held in memory, within a budget of unpacked bytes.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace simpul::interchange {

class ZipReader {
 public:
  /// Throws FileError(NotXlsx) when bytes are not a readable zip archive. bytes must outlive the reader.
  ZipReader(std::string_view bytes, std::size_t max_uncompressed_bytes);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  bool contains(const std::string& name) const;

  /// Streams the entry (names match case-insensitively, as OPC requires) to sink in pieces and
  /// returns false when there is no such entry. Every byte counts against the budget, whatever
  /// the archive declares, so a zip bomb stops at the limit (FileError TooLarge).
  bool read(const std::string& name, const std::function<void(std::string_view)>& sink);

 private:
  void* archive_;  // zip_t, kept out of this header so libzip stays a private dependency
  std::size_t limit_;
  std::size_t remaining_;
};

}  // namespace simpul::interchange
