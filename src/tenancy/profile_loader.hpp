#pragma once
// Reads and validates profiles/<id>.yaml; any problem is reported as "file:line: field: problem".
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "tenancy/profile.hpp"
#include "tenancy/profile_sections.hpp"

namespace simpul::tenancy {

class ProfileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// `sections`: the modules' own profile sections (tenancy/profile_sections.hpp).
Profile load_profile(const std::filesystem::path& file, const ProfileSections& sections = {});

/// All profiles of a directory, loaded once at start and immutable afterwards (safe to share across threads).
class ProfileRegistry {
 public:
  static ProfileRegistry load_directory(const std::filesystem::path& dir, const ProfileSections& sections = {});
  const Profile* find(const std::string& id) const;
  const Profile& get(const std::string& id) const;  // throws Error(ProfileNotFound)
  const std::map<std::string, std::shared_ptr<const Profile>>& all() const { return profiles_; }
  const std::filesystem::path& directory() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::map<std::string, std::shared_ptr<const Profile>> profiles_;
};

}  // namespace simpul::tenancy
