#pragma once
// Which budget lines about an application resemble an application already in the register: an
// Aplikasi Umum, or an application of another PD (issue 18, item 4). The register is small (tens to
// a few hundred applications) and the lines about applications a few per PD, so the names are
// compared in memory with the duplicate finder's normalisation and trigrams (pg_trgm's), with no
// index of their own.
#include <string>
#include <unordered_map>
#include <vector>

#include "planning/duplicates/normalize.hpp"
#include "planning/model.hpp"

namespace simpul::planning {

/// An application of the register as the comparison needs it.
struct RegisteredApplication {
  std::string id, code, name, agency_id;
  bool umum = false;  // an Aplikasi Umum (the profile's umum category)
};

struct ApplicationMatch {
  std::string line_id, application_id;
  double score = 0;
  std::string reason;  // aplikasi_umum_mirip | aplikasi_pd_lain_mirip
};

/// A line matches when it is about an application (duplicates::is_application_name) and its object
/// is similar to the application's: trigram Jaccard, or most of the application's trigrams found in
/// the line ("Aplikasi Presensi" in "Pengembangan Aplikasi Presensi Pegawai Berbasis Android"), at
/// least the duplicate finder's name threshold (0.5). An application of the line's own PD never matches: keeping
/// one's own application is not duplication.
class ApplicationMatcher {
 public:
  ApplicationMatcher(const std::vector<RegisteredApplication>& applications, const duplicates::SynonymTable& synonyms);
  std::vector<ApplicationMatch> matches(const Line& line) const;

 private:
  struct Entry {
    const RegisteredApplication* app;
    std::vector<std::string> grams;
  };
  /// A line name's trigrams when it is about an application, else none: a cycle's lines repeat names.
  const std::vector<std::string>& application_grams(const std::string& name) const;

  const duplicates::SynonymTable& synonyms_;
  std::vector<Entry> entries_;
  mutable std::unordered_map<std::string, std::vector<std::string>> grams_of_name_;
};

}  // namespace simpul::planning
