#include "planning/application_match.hpp"

#include <algorithm>

namespace simpul::planning {
namespace {

/// As the duplicate finder's name threshold (duplicates/scoring.hpp, kNameThreshold).
constexpr double kApplicationThreshold = 0.5;
/// An application name this short ("e", "si") would be found in every line.
constexpr std::size_t kMinApplicationGrams = 6;
/// Containment counts a little less than equality: "Presensi" inside "Presensi Pegawai Android".
constexpr double kContainmentWeight = 0.85;

std::size_t common_grams(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t n = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    int c = a[i].compare(b[j]);
    if (c == 0) {
      ++n;
      ++i;
      ++j;
    } else if (c < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

}  // namespace

ApplicationMatcher::ApplicationMatcher(const std::vector<RegisteredApplication>& applications,
                                       const duplicates::SynonymTable& synonyms)
    : synonyms_(synonyms) {
  for (const auto& a : applications) {
    auto grams = duplicates::trigrams(duplicates::analyze_name(a.name, synonyms).object);
    if (grams.size() >= kMinApplicationGrams) entries_.push_back({&a, std::move(grams)});
  }
}

const std::vector<std::string>& ApplicationMatcher::application_grams(const std::string& name) const {
  auto it = grams_of_name_.find(name);
  if (it != grams_of_name_.end()) return it->second;
  auto analysed = duplicates::analyze_name(name, synonyms_);
  std::vector<std::string> grams;
  if (duplicates::is_application_name(analysed)) grams = duplicates::trigrams(analysed.object);
  return grams_of_name_.emplace(name, std::move(grams)).first->second;
}

std::vector<ApplicationMatch> ApplicationMatcher::matches(const Line& line) const {
  std::vector<ApplicationMatch> out;
  const auto& grams = application_grams(line.name);
  if (grams.empty()) return out;
  for (const auto& e : entries_) {
    const auto& app = *e.app;
    if (app.agency_id == line.agency_id) continue;
    if (!app.umum && app.agency_id.empty()) continue;  // neither shared nor another PD's
    auto common = static_cast<double>(common_grams(grams, e.grams));
    double jaccard = common / static_cast<double>(grams.size() + e.grams.size() - static_cast<std::size_t>(common));
    double contained = kContainmentWeight * common / static_cast<double>(e.grams.size());
    double score = std::max(jaccard, contained);
    if (score < kApplicationThreshold) continue;
    out.push_back({line.id, app.id, score, app.umum ? "aplikasi_umum_mirip" : "aplikasi_pd_lain_mirip"});
  }
  std::sort(out.begin(), out.end(), [](const ApplicationMatch& a, const ApplicationMatch& b) {
    return a.score != b.score ? a.score > b.score : a.application_id < b.application_id;
  });
  return out;
}

}  // namespace simpul::planning
