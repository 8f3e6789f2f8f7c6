#pragma once
// The national reference architecture (levels 1-2 of RAB, RAD, RAL, RAA, RAI, RAK), loaded from
// profiles/frameworks/reference-architecture.yaml at start. Administrators edit that file; it is
// data, not code (profiles/frameworks/README.md).
#include <filesystem>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

namespace simpul::architecture {

struct ReferenceItem {
  std::string domain;
  std::string code;
  int level = 1;
  std::string parent;
  std::string name;
};

class ReferenceArchitecture {
 public:
  /// Loads the file; a missing file gives an empty reference (elements then carry no reference code).
  static ReferenceArchitecture load(const std::filesystem::path& file);

  const ReferenceItem* find(const std::string& code) const;
  const std::vector<ReferenceItem>& items() const { return items_; }
  const boost::json::object& document() const { return document_; }

 private:
  std::vector<ReferenceItem> items_;
  boost::json::object document_;
};

}  // namespace simpul::architecture
