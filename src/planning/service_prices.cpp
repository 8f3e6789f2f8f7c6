// The standard unit price list (SSH) of a year, imported from CSV or XLSX with its decree, every
// row's problems listed and nothing half-imported (docs/plan-and-budget.md, "Standard unit prices").
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "interchange/csv.hpp"
#include "interchange/file_error.hpp"
#include "interchange/xlsx.hpp"
#include "planning/errors.hpp"
#include "planning/line_rules.hpp"
#include "planning/repository.hpp"
#include "planning/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {

PriceImportResult Service::import_prices(const Scope& s, int year, const std::string& decree_number,
                                         const std::string& decree_date, const std::string& file, bool dry_run,
                                         const Actor& actor) {
  const auto& p = profile_of(s);
  if (year < 2000 || year > 2100) throw Error(ErrorCode::ValidationInvalidValue, {{"field", "year"}});
  if (decree_number.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "decree_number"}});
  if (!clock::is_iso_date(decree_date))
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "decree_date"}, {"expected", "YYYY-MM-DD"}});
  std::vector<interchange::Row> rows;
  try {
    if (file.rfind("PK", 0) == 0) {
      auto sheets = interchange::read_xlsx(file);
      if (!sheets.empty()) rows = sheets.front().rows;
    } else {
      rows = interchange::read_csv(file);
    }
  } catch (const interchange::FileError& e) {
    throw Error(ErrorCode::ImportInvalidFile, {{"reason", e.what()}});
  }
  // Header: kode, nama, spesifikasi, satuan, harga, rekening (';' or ',' separated account prefixes).
  static const std::vector<std::string> kHeader = {"kode", "nama", "spesifikasi", "satuan", "harga", "rekening"};
  if (rows.empty()) throw Error(ErrorCode::ImportInvalidFile, {{"reason", "empty file"}});
  std::vector<std::string> header;
  for (const auto& h : rows.front()) header.push_back(fold_text(h).substr(1, fold_text(h).size() - 2));
  for (std::size_t i = 0; i < kHeader.size(); ++i)
    if (i >= header.size() || header[i] != kHeader[i])
      throw Error(ErrorCode::ImportInvalidFile,
                  {{"reason", "header"}, {"expected", "kode, nama, spesifikasi, satuan, harga, rekening"}});
  PriceImportResult out;
  out.dry_run = dry_run;
  std::vector<PriceItem> items;
  std::set<std::string> codes;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    auto row = rows[r];
    bool blank = true;
    for (const auto& cell : row) blank = blank && cell.empty();
    if (blank) continue;
    row.resize(kHeader.size());
    PriceImportRow problems{r + 1, {}};
    PriceItem item{row[0], row[1], row[2], row[3], 0, {}};
    if (item.code.empty())
      problems.problems.push_back("kode kosong");
    else if (!codes.insert(item.code).second)
      problems.problems.push_back("kode " + item.code + " ganda");
    if (item.name.empty()) problems.problems.push_back("nama kosong");
    if (item.unit.empty()) problems.problems.push_back("satuan kosong");
    if (!row[4].empty() && row[4][0] == '=')
      problems.problems.push_back("harga berupa rumus, bukan angka");
    else if (auto price = parse_rupiah(row[4]); !price || *price <= 0)
      problems.problems.push_back("harga '" + row[4] + "' bukan rupiah bulat");
    else
      item.price = *price;
    std::string acc;
    for (char ch : row[5] + ";") {
      if (ch == ';' || ch == ',' || ch == ' ') {
        if (!acc.empty()) {
          if (!valid_account_code(acc) && !valid_account_code(acc + ".0"))
            problems.problems.push_back("kode rekening '" + acc + "' tidak sah");
          item.account_codes.push_back(acc);
        }
        acc.clear();
      } else {
        acc += ch;
      }
    }
    if (!problems.problems.empty())
      out.problems.push_back(std::move(problems));
    else
      items.push_back(std::move(item));
  }
  out.items = items.size();
  if (!out.problems.empty() || dry_run) return out;
  if (items.empty()) throw Error(ErrorCode::ImportInvalidFile, {{"reason", "no items"}});
  (void)p;
  PriceList list{crypto::new_id(), year, decree_number, decree_date, static_cast<std::int64_t>(items.size()),
                 clock::now_iso()};
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository(c).insert(s, list, items);
    ledger_.append(
        c,
        ledger::change_in(
            s, actor, "planning.prices_import", "planning_price_list", list.id,
            {{"year", year}, {"decree_number", decree_number}, {"decree_date", decree_date}, {"items", items.size()}}));
  });
  out.list = list;
  return out;
}

std::vector<PriceList> Service::price_lists(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).price_lists(s); });
}

}  // namespace simpul::planning
