#pragma once
// What can be checked of a handed-over source code (Madiun Pasal 24 ayat (4): "source code dengan
// penjelasan fungsi masing-masing prosedur"): the file is an archive (zip, tar or tar.gz) that lists
// source files, not a compiled binary. Whether each procedure is explained is read by a reviewer of
// the Dinas, whose confirmation is recorded on the artifact (docs/applications.md, "Source code").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tenancy/profile.hpp"

namespace simpul::applications {

struct ArchiveListing {
  std::string format;                // "zip" | "tar" | "tar.gz"
  std::vector<std::string> entries;  // file names (directories left out), at most kMaxListed
  std::size_t files = 0;
  std::size_t source_files = 0;  // entries whose extension is a programming or markup language's
};

/// The listing of a zip, tar or gzip-compressed tar held in memory; nullopt when the bytes are none
/// of them (a binary, a document, a damaged archive). Never unpacks more than a bounded amount.
std::optional<ArchiveListing> list_archive(std::string_view bytes);

/// True for a file name with a source extension (".php", ".java", ".py", ".go", ".vue", ".sql", ...).
bool is_source_file(std::string_view name);

/// The profile's rule that makes the source code an archive of explained source files
/// (`applications.handover.source_code_rule`), when it states one.
std::optional<std::string> source_code_rule(const tenancy::Profile& p);

}  // namespace simpul::applications
