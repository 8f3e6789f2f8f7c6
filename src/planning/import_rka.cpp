#include "planning/import_rka.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "interchange/csv.hpp"
#include "interchange/file_error.hpp"
#include "interchange/xlsx.hpp"
#include "interchange/xlsx_merges.hpp"
#include "planning/duplicates/normalize.hpp"

namespace simpul::planning {
namespace {

/// Exports put a title block (Pemda, PD, year) above the header: it is looked for this far down.
constexpr std::size_t kHeaderSearchRows = 15;
/// Columns whose cell an RKA export merges over the lines of a group (or leaves to the heading row).
const std::vector<std::string> kCarriedColumns = {"perangkat_daerah", "sub_kegiatan", "kode_rekening"};

/// The cells of the known columns that lie in a merged range (its top-left cell included):
/// (row 1-based, column) -> the row of the top-left cell when the cell is in the range's first
/// column, else 0 (a horizontal merge spreads one text over columns, it fills none of them).
using CoveredCells = std::map<std::pair<std::size_t, std::size_t>, std::size_t>;
CoveredCells merged_cells(const std::vector<interchange::MergeRange>& merges, std::size_t rows,
                          const std::map<std::string, std::size_t>& index) {
  CoveredCells out;
  std::size_t budget = 1'000'000;  // a hostile file's overlapping whole-column ranges stop here
  for (const auto& m : merges) {
    for (const auto& [key, column] : index) {
      if (column < m.first_column || column > m.last_column) continue;
      for (std::size_t r = m.first_row; r <= std::min(m.last_row, rows); ++r) {
        if (budget-- == 0) throw Error(ErrorCode::ImportInvalidFile, {{"problem", "too many merged cells"}});
        out[{r, column}] = column == m.first_column ? m.first_row : 0;
      }
    }
  }
  return out;
}

interchange::Limits rka_limits() {
  interchange::Limits l;
  l.max_rows = kMaxRkaRows + kHeaderSearchRows + 1;
  l.max_columns = 60;
  l.max_cells = 400'000;
  l.max_uncompressed_bytes = 8u * 1024 * 1024;
  l.max_text_bytes = 8u * 1024 * 1024;
  return l;
}

bool rka_blank(const interchange::Row& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& c) { return text::trim(c).empty(); });
}

/// The column key of a header cell, or empty.
std::string rka_key_of(const std::string& header) {
  auto folded = rka_fold(header);
  if (folded.empty()) return "";
  for (const auto& c : rka_columns()) {
    if (folded == rka_fold(c.header) || folded == rka_fold(c.key)) return c.key;
    for (const auto& a : c.aliases)
      if (folded == a) return c.key;
  }
  return "";
}

/// "1.000" / "12" -> the number; nullopt for anything else (fractions included, see `fraction`).
std::optional<std::int64_t> rka_quantity(std::string_view t, bool& fraction) {
  fraction = false;
  if (auto comma = t.find(','); comma != std::string_view::npos) {
    auto rest = t.substr(comma + 1);
    if (rest.empty() || std::any_of(rest.begin(), rest.end(), [](char c) { return c < '0' || c > '9'; }))
      return std::nullopt;
    if (std::any_of(rest.begin(), rest.end(), [](char c) { return c != '0'; })) {
      fraction = true;
      return std::nullopt;
    }
    t = t.substr(0, comma);
  }
  std::string digits;
  std::size_t group = 0;
  bool dotted = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '.') {
      if (i == 0 || (dotted && group != 3) || (!dotted && group > 3)) {
        fraction = !dotted && i + 1 < t.size();  // "0.5", "2.75": a decimal point, not thousands
        return std::nullopt;
      }
      dotted = true;
      group = 0;
    } else if (c >= '0' && c <= '9') {
      digits += c;
      ++group;
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || (dotted && group != 3)) {
    fraction = dotted && group > 0 && group < 3;
    return std::nullopt;
  }
  if (digits.size() > 12) return std::int64_t{-1};  // beyond any volume: refused as too large
  return std::stoll(digits);
}

}  // namespace

std::string rka_fold(std::string_view text) { return duplicates::fold(text); }

std::string RkaRow::cell(const std::string& key) const {
  for (const auto& [k, v] : cells)
    if (k == key) return v;
  return "";
}

const std::vector<RkaColumn>& rka_columns() {
  static const std::vector<RkaColumn> k = {
      {"perangkat_daerah", "Perangkat Daerah", {"pd", "opd", "skpd", "nama pd", "nama perangkat daerah", "unit kerja"}},
      {"sub_kegiatan", "Sub Kegiatan", {"subkegiatan", "nama sub kegiatan", "sub kegiatan rka"}, true},
      {"kode_rekening", "Kode Rekening", {"kode akun", "rekening", "akun", "kode rekening belanja", "kode rek"}, true},
      {"uraian",
       "Uraian",
       {"nama barang", "nama item", "uraian belanja", "item", "nama komponen", "komponen", "uraian komponen"},
       true},
      {"spesifikasi", "Spesifikasi", {"spek", "spesifikasi komponen"}},
      {"kode_ssh", "Kode SSH", {"ssh", "kode standar harga", "kode komponen", "kode barang", "kode ssh sbu"}},
      {"koefisien",
       "Koefisien",
       {"volume", "volume x satuan", "koefisien volume x satuan", "koefisien volume satuan", "koefisien volume"},
       true},
      {"satuan", "Satuan", {}},
      {"harga_satuan", "Harga Satuan", {"harga", "harga satuan rp", "harga rp"}, true},
      {"jumlah", "Jumlah", {"total", "jumlah rp", "nilai", "total rp", "jumlah harga"}},
      {"sumber_dana", "Sumber Dana", {"sumber pendanaan", "dana"}, true},
      {"kategori", "Kategori Belanja SPBE", {"kategori", "kategori belanja"}},
      {"elemen_arsitektur",
       "Kode Elemen Arsitektur",
       {"elemen arsitektur", "kode elemen", "elemen", "elemen arsitektur spbe"}},
      {"inisiatif",
       "Kode Inisiatif Peta Rencana",
       {"inisiatif", "kode inisiatif", "inisiatif peta rencana", "peta rencana"}},
  };
  return k;
}

RkaFile parse_rka(std::string_view body) {
  RkaFile out;
  std::vector<interchange::Row> rows;
  std::vector<interchange::MergeRange> merges;
  try {
    if (body.starts_with("PK\x03\x04")) {
      auto sheets = interchange::read_xlsx(body, rka_limits());
      if (sheets.empty()) throw Error(ErrorCode::ImportInvalidFile, {{"problem", "the workbook has no sheet"}});
      // A workbook may carry notes or lookup lists beside the lines: a sheet named Rincian wins.
      const interchange::Sheet* chosen = &sheets.front();
      for (const auto& s : sheets)
        if (rka_fold(s.name) == "rincian") chosen = &s;
      out.sheet = chosen->name;
      rows = chosen->rows;
      for (auto& m : interchange::read_xlsx_merges(body, rka_limits()))
        if (m.name == chosen->name) merges = std::move(m.ranges);
    } else {
      rows = interchange::read_csv(body, rka_limits());
      out.sheet = "CSV";
    }
  } catch (const interchange::FileError& e) {
    auto code =
        e.kind() == interchange::FileErrorKind::TooLarge ? ErrorCode::ImportFileTooLarge : ErrorCode::ImportInvalidFile;
    throw Error(
        code,
        {{"kind", std::string(interchange::to_string(e.kind()))}, {"problem", e.message()}, {"where", e.where()}});
  }
  if (rows.empty()) throw Error(ErrorCode::ImportInvalidFile, {{"problem", "the file is empty"}});

  // The header: the first row naming most of the required columns.
  std::size_t header_at = rows.size();
  std::size_t required_total = 0;
  for (const auto& c : rka_columns()) required_total += c.required ? 1 : 0;
  for (std::size_t i = 0; i < rows.size() && i < kHeaderSearchRows; ++i) {
    std::size_t found = 0;
    std::set<std::string> keys;
    for (const auto& h : rows[i])
      if (auto key = rka_key_of(h); !key.empty() && keys.insert(key).second) {
        for (const auto& c : rka_columns())
          if (c.key == key && c.required) ++found;
      }
    if (found * 2 > required_total) {
      header_at = i;
      break;
    }
  }
  if (header_at == rows.size()) {
    std::string expected;
    for (const auto& c : rka_columns())
      if (c.required) expected += (expected.empty() ? "" : ", ") + c.header;
    out.problems.push_back({1, "",
                            "Baris judul kolom tidak ditemukan di " + std::to_string(kHeaderSearchRows) +
                                " baris pertama. Kolom yang diperlukan: " + expected +
                                ". Unduh templat untuk contohnya.",
                            std::nullopt});
    return out;
  }
  out.header_row = static_cast<int>(header_at + 1);
  std::map<std::string, std::size_t> index;
  const auto& header = rows[header_at];
  for (std::size_t i = 0; i < header.size(); ++i) {
    auto key = rka_key_of(header[i]);
    if (key.empty()) continue;  // "No.", "PPN" and other columns exports add
    if (!index.emplace(key, i).second)
      out.problems.push_back({out.header_row, key, "Kolom ini muncul lebih dari sekali.", std::nullopt});
    out.columns.insert(key);
  }
  for (const auto& c : rka_columns())
    if (c.required && !index.count(c.key))
      out.problems.push_back({out.header_row, c.key, "Kolom wajib \"" + c.header + "\" tidak ada.", std::nullopt});
  if (!out.problems.empty()) return out;

  auto covered = merged_cells(merges, rows.size(), index);
  std::map<std::string, std::pair<std::string, int>> above;  // carried column -> value, row
  for (std::size_t i = header_at + 1; i < rows.size(); ++i) {
    if (rka_blank(rows[i])) continue;
    RkaRow row;
    row.row = static_cast<int>(i + 1);
    std::set<std::string> in_merge;  // columns of this row inside a merged range: never guessed
    for (const auto& c : rka_columns()) {
      auto at = index.find(c.key);
      if (at == index.end()) continue;
      std::string v = at->second < rows[i].size() ? text::trim(rows[i][at->second]) : "";
      if (auto m = covered.find({i + 1, at->second}); m != covered.end()) {
        in_merge.insert(c.key);
        // Below the top-left cell of its merge, in the merge's first column: that cell's value.
        if (v.empty() && m->second > 0 && m->second != i + 1) {
          const auto& from = rows[m->second - 1];
          v = at->second < from.size() ? text::trim(from[at->second]) : "";
          if (!v.empty()) {
            row.merged.push_back(c.key);
            row.merged_from.push_back(static_cast<int>(m->second));
          }
        }
      }
      if (!text::is_valid_utf8(v)) {
        out.problems.push_back(
            {row.row, c.key, "Isi sel ini bukan teks UTF-8 yang sah; ketik ulang isinya.", std::nullopt});
        v.clear();
      }
      row.cells.emplace_back(c.key, std::move(v));
    }
    row.heading = row.cell("koefisien").empty() && row.cell("harga_satuan").empty();
    for (const auto& key : kCarriedColumns) {
      if (!index.count(key)) continue;
      auto it = std::find_if(row.cells.begin(), row.cells.end(), [&](const auto& kv) { return kv.first == key; });
      if (!it->second.empty()) {
        above[key] = {it->second, row.row};
      } else if (!row.heading && !in_merge.count(key) && above.count(key)) {
        it->second = above[key].first;
        row.carried.push_back(key);
        row.carried_from.push_back(above[key].second);
      }
    }
    out.rows.push_back(std::move(row));
    if (out.rows.size() > kMaxRkaRows)
      throw Error(ErrorCode::ImportFileTooLarge,
                  {{"kind", "too_large"}, {"problem", "more than " + std::to_string(kMaxRkaRows) + " rows"}});
  }
  if (std::none_of(out.rows.begin(), out.rows.end(), [](const RkaRow& r) { return !r.heading; }))
    out.problems.push_back({out.header_row + 1, "",
                            "Tidak ada baris rincian: isi satu rincian belanja per baris di bawah judul kolom, "
                            "dengan koefisien dan harga satuannya.",
                            std::nullopt});
  return out;
}

std::optional<std::vector<VolumeFactor>> parse_volume_text(std::string_view input, const std::string& unit,
                                                           std::string& problem) {
  static const std::string kExample = " Tulis seperti 2 Unit x 12 Bulan.";
  std::string t = text::trim(input);
  // "×" (U+00D7) and "*" separate factors as "x" does.
  for (std::size_t p; (p = t.find("\xC3\x97")) != std::string::npos;) t.replace(p, 2, " x ");
  std::replace(t.begin(), t.end(), '*', ' ');
  std::vector<std::string> words;
  for (auto w : text::split_nonempty(t, ' ')) {
    // "2Unit" -> "2", "Unit"
    std::size_t d = 0;
    while (d < w.size() && ((w[d] >= '0' && w[d] <= '9') || w[d] == '.' || w[d] == ',')) ++d;
    if (d > 0 && d < w.size()) {
      words.push_back(w.substr(0, d));
      words.push_back(w.substr(d));
    } else {
      words.push_back(w);
    }
  }
  if (words.empty()) {
    problem = "Wajib diisi." + kExample;
    return std::nullopt;
  }
  std::vector<std::vector<std::string>> groups(1);
  for (const auto& w : words) {
    if (w == "x" || w == "X")
      groups.emplace_back();
    else
      groups.back().push_back(w);
  }
  if (groups.size() > 4) {
    problem = "Paling banyak 4 faktor volume.";
    return std::nullopt;
  }
  std::vector<VolumeFactor> out;
  for (auto& g : groups) {
    if (g.empty()) {
      problem = "Ada faktor volume yang kosong." + kExample;
      return std::nullopt;
    }
    bool fraction = false;
    auto q = rka_quantity(g.front(), fraction);
    if (!q) {
      problem = fraction ? "Volume harus bilangan bulat, tanpa pecahan (" + g.front() + ")."
                         : "'" + g.front() + "' bukan angka volume." + kExample;
      return std::nullopt;
    }
    if (*q < 1 || *q > 1'000'000'000) {
      problem = *q < 0 ? "Angka volume terlalu besar." : "Setiap angka volume paling sedikit 1.";
      return std::nullopt;
    }
    std::string u;
    for (std::size_t i = 1; i < g.size(); ++i) u += (u.empty() ? "" : " ") + g[i];
    if (u.empty() && groups.size() == 1) u = text::trim(unit);
    if (u.empty()) {
      problem = "Setiap angka volume perlu satuannya (mis. 2 Unit), atau isi kolom Satuan.";
      return std::nullopt;
    }
    if (text::utf8_length(u) > 40) {
      problem = "Satuan paling banyak 40 karakter.";
      return std::nullopt;
    }
    out.push_back({*q, u});
  }
  return out;
}

}  // namespace simpul::planning
