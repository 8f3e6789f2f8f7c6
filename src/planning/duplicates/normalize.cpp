#include "planning/duplicates/normalize.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace simpul::planning::duplicates {
namespace {

/// The ASCII letter a Latin-1 / Latin Extended-A code point folds to, or 0 when it has none.
char fold_latin(char32_t cp) {
  // U+00C0..U+00FF, upper and lower case alike.
  static const char* latin1 =
      "aaaaaaaceeeeiiiidnooooo ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) {
    char c = latin1[cp - 0xC0];
    return c == ' ' ? 0 : c;
  }
  // U+0100..U+017F come in upper/lower pairs; the base letters in order of the block.
  static const char* extended_a =
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  if (cp >= 0x100 && cp <= 0x17F) {
    char c = extended_a[cp - 0x100];
    return c == ' ' ? 0 : c;
  }
  return 0;
}

/// Decodes one UTF-8 sequence at text[i]; advances i. Invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  unsigned char b = static_cast<unsigned char>(text[i++]);
  if (b < 0x80) return b;
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  char32_t cp = b & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    if (i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  }
  return cp;
}

// Units of RKA volumes ("2 Unit x 12 Bulan", "1 Paket", "100 Mbps"): dropped after a number.
const std::unordered_set<std::string>& volume_units() {
  static const std::unordered_set<std::string> units = {
      "unit",    "buah",      "bh",        "paket",    "pkt",      "set",   "bulan",     "bln",   "tahun",
      "thn",     "th",        "hari",      "hr",       "orang",    "org",   "oh",        "ob",    "ok",
      "kali",    "ls",        "lembar",    "lbr",      "rim",      "box",   "dus",       "kotak", "kegiatan",
      "keg",     "layanan",   "lisensi",   "user",     "pengguna", "titik", "lokasi",    "mbps",  "gbps",
      "kbps",    "gb",        "tb",        "mb",       "inch",     "inci",  "m",         "meter", "km",
      "jam",     "minggu",    "semester",  "triwulan", "dokumen",  "dok",   "eksemplar", "eks",   "pcs",
      "roll",    "core",      "port",      "node",     "va",       "kva",   "watt",      "opd",   "pd",
      "sekolah", "kelurahan", "kecamatan", "x"};
  return units;
}

// Words every RKA item name may carry without saying what is bought: the kind of spending
// ("belanja", "pengadaan", "jasa"...), the year, and Indonesian function words. Chosen from the
// labelled pairs (docs/plan-and-budget-duplicates.md): dropping them raised recall without losing
// precision there.
const std::unordered_set<std::string>& stop_words() {
  static const std::unordered_set<std::string> words = {
      "belanja",     "penyediaan", "biaya",      "jasa",      "kebutuhan", "keperluan", "untuk",   "dan",
      "yang",        "di",         "ke",         "dari",      "pada",      "dengan",    "bagi",    "serta",
      "atau",        "dalam",      "oleh",       "tahun",     "anggaran",  "ta",        "tahunan", "baru",
      "kantor",      "lingkup",    "lingkungan", "perangkat", "peralatan", "daerah",    "kota",    "kabupaten",
      "pemerintah",  "pemkot",     "pemkab",     "modal",     "dinas",     "badan",     "layanan", "berbasis",
      "pengelolaan", "manajemen",  "penggunaan", "jaringan"};
  return words;
}

// The kind of work a line pays for, after synonyms (perawatan → pemeliharaan, pembangunan →
// pengembangan ...): kept apart from the object so that two PDs' "Pengembangan Aplikasi X" and
// "Pengembangan Aplikasi Y" are compared on X and Y.
const std::unordered_set<std::string>& activity_words() {
  static const std::unordered_set<std::string> words = {
      "pengadaan", "pengembangan", "pemeliharaan", "langganan",  "penyusunan", "pemasangan",  "implementasi",
      "integrasi", "sosialisasi",  "pelatihan",    "honorarium", "penanganan", "pelaksanaan", "aplikasi"};
  return words;
}

bool all_digits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// "12bln", "100mbps", "2x": a number with a unit glued to it.
bool number_with_unit(std::string_view w) {
  std::size_t i = 0;
  while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
  if (i == 0 || i == w.size()) return false;
  return volume_units().count(std::string(w.substr(i))) > 0;
}

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = true;
  auto put = [&](char c) {
    if (c == ' ') {
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(c);
      space = false;
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (cp >= 'A' && cp <= 'Z')
      put(static_cast<char>(cp - 'A' + 'a'));
    else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
      put(static_cast<char>(cp));
    else if (cp == 0xDF) {
      put('s');
      put('s');
    } else if (char c = fold_latin(cp))
      put(c);
    else
      put(' ');
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> split_words(std::string_view folded) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    std::size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    if (j > i) words.emplace_back(folded.substr(i, j - i));
    i = j;
  }
  return words;
}

SynonymTable::SynonymTable(const std::vector<Synonym>& synonyms) {
  for (const auto& s : synonyms) {
    Entry e{split_words(fold(s.term)), split_words(fold(s.canonical))};
    if (!e.term.empty()) entries_.push_back(std::move(e));
  }
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.term.size() > b.term.size(); });
}

std::vector<std::string> SynonymTable::apply(const std::vector<std::string>& words) const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size();) {
    const Entry* hit = nullptr;
    for (const auto& e : entries_) {
      if (i + e.term.size() > words.size()) continue;
      if (std::equal(e.term.begin(), e.term.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
        hit = &e;
        break;
      }
    }
    if (hit) {
      out.insert(out.end(), hit->canonical.begin(), hit->canonical.end());
      i += hit->term.size();
    } else {
      out.push_back(words[i++]);
    }
  }
  return out;
}

NormalizedName analyze_name(std::string_view name, const SynonymTable& synonyms) {
  auto words = split_words(fold(name));
  // Quantities: numbers, numbers with a unit glued on, and the units (and "x") that follow a number.
  std::vector<std::string> kept;
  bool after_number = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& w = words[i];
    bool next_is_number = i + 1 < words.size() && all_digits(words[i + 1]);
    if (all_digits(w) || number_with_unit(w)) {
      after_number = true;
    } else if (after_number && volume_units().count(w)) {
      // stays after_number: "2 unit x 12 bulan"
    } else if (w == "x" && next_is_number) {
      after_number = false;
    } else {
      kept.push_back(w);
      after_number = false;
    }
  }
  NormalizedName out;
  std::set<std::string> activity;
  for (const auto& w : synonyms.apply(kept)) {
    if (activity_words().count(w)) {
      activity.insert(w);
      continue;
    }
    if (stop_words().count(w)) continue;
    if (!out.object.empty()) out.object.push_back(' ');
    out.object += w;
  }
  for (const auto& w : activity) {
    if (!out.activity.empty()) out.activity.push_back(' ');
    out.activity += w;
  }
  return out;
}

std::string normalize_name(std::string_view name, const SynonymTable& synonyms) {
  return analyze_name(name, synonyms).object;
}

bool activities_differ(std::string_view a, std::string_view b) {
  // Getting the thing (buying, subscribing, building, installing) is one kind of spending;
  // maintaining it, planning it, training for it, paying its people are others.
  static const std::unordered_map<std::string, int> group = {
      {"pengadaan", 1},  {"langganan", 1},    {"pengembangan", 1}, {"implementasi", 1}, {"integrasi", 1},
      {"pemasangan", 1}, {"pemeliharaan", 2}, {"penyusunan", 3},   {"pelatihan", 4},    {"sosialisasi", 4},
      {"honorarium", 5}, {"penanganan", 6},   {"pelaksanaan", 6}};
  auto groups = [](std::string_view s) {
    std::set<int> g;
    for (const auto& w : split_words(s))
      if (auto it = group.find(w); it != group.end()) g.insert(it->second);
    return g;
  };
  auto ga = groups(a), gb = groups(b);
  if (ga.empty() || gb.empty()) return false;
  for (int g : ga)
    if (gb.count(g)) return false;
  return true;
}

std::vector<std::string> trigrams(std::string_view normalized) {
  std::set<std::string> set;
  for (const auto& w : split_words(normalized)) {
    std::string padded = "  " + w + " ";
    for (std::size_t i = 0; i + 3 <= padded.size(); ++i) set.insert(padded.substr(i, 3));
  }
  return {set.begin(), set.end()};
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0.0;
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    int c = a[i].compare(b[j]);
    if (c == 0) {
      ++common;
      ++i;
      ++j;
    } else if (c < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

double trigram_similarity(std::string_view a, std::string_view b) { return jaccard(trigrams(a), trigrams(b)); }

bool is_application_name(const NormalizedName& name) {
  static const std::unordered_set<std::string> markers = {"website", "portal", "dashboard", "e"};
  if (name.activity.find("aplikasi") != std::string::npos) return true;
  for (const auto& w : split_words(name.object))
    if (markers.count(w)) return true;
  return false;
}

}  // namespace simpul::planning::duplicates
