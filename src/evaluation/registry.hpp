#pragma once
// Every framework version a tenant can use: the files shipped in profiles/frameworks/evaluation/
// (shared by all tenants) plus the corrected versions the tenant's administrators saved. A period
// keeps the (id, version) it was created with, so a correction never changes earlier results.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/context.hpp"
#include "evaluation/framework.hpp"
#include "storage/database.hpp"

namespace simpul::evaluation {

using FrameworkPtr = std::shared_ptr<const Framework>;

struct FrameworkVersion {
  FrameworkPtr framework;
  bool builtin = true;  ///< shipped file, else a tenant correction
  std::string note, created_by_name, created_at;
};

class FrameworkRegistry {
 public:
  /// Loads every *.yaml of `dir`; a bad file stops the start with file:line.
  explicit FrameworkRegistry(const std::filesystem::path& dir);

  /// Shipped and tenant versions, by id then version.
  std::vector<FrameworkVersion> versions(storage::Connection& c, const Scope& s) const;
  /// Throws EvaluationFrameworkNotFound.
  FrameworkPtr get(storage::Connection& c, const Scope& s, const std::string& id, int version) const;
  FrameworkPtr latest(storage::Connection& c, const Scope& s, const std::string& id) const;
  /// The latest version of the newest framework in force in `year` (valid_from <= year).
  FrameworkPtr for_year(storage::Connection& c, const Scope& s, int year) const;
  /// Saves `corrections` on top of (id, base_version) as the next version (in the caller's
  /// transaction); throws EvaluationFrameworkInvalid with the loader's message.
  FrameworkPtr save_correction(storage::Connection& c, const Scope& s, const std::string& id, int base_version,
                               const boost::json::object& corrections, const std::string& note,
                               const Actor& actor) const;

 private:
  FrameworkPtr parsed(const Scope& s, const std::string& id, int version, const std::string& definition) const;

  std::vector<FrameworkPtr> builtin_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, FrameworkPtr> cache_;  // "tenant/id/version" -> parsed tenant version
};

}  // namespace simpul::evaluation
