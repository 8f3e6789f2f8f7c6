#pragma once
// CSV as spreadsheets write it (RFC 4180 quoting), in and out.
#include <string>
#include <string_view>
#include <vector>

#include "interchange/limits.hpp"
#include "interchange/table.hpp"

namespace simpul::interchange {

/// Reads UTF-8 CSV. A leading BOM is dropped; records end with CRLF, LF or CR; quoted fields may
/// contain delimiters, newlines and doubled quotes. The delimiter is ';' when the first record has
/// more ';' than ',' outside quotes (Excel in Indonesian locale writes ';'), otherwise ','.
/// An empty line gives an empty Row; empty lines at the end are dropped.
/// A cell that write_csv guarded against formula injection (an apostrophe before a cell starting
/// with '=', '+', '-', '@', tab or CR) is read without that apostrophe, so what write_csv writes
/// reads back as it was.
/// Throws FileError: NotCsv (binary or not UTF-8), Malformed (bad quoting), TooLarge.
std::vector<Row> read_csv(std::string_view text, const Limits& limits = {});

/// Writes CSV separated by `separator` (',' or ';', which Excel with Indonesian regional settings
/// expects) with CRLF line ends and a UTF-8 BOM, because without the BOM Excel decodes the file in
/// the legacy code page and breaks accented names. Fields are quoted when they contain ',', ';', '"',
/// CR or LF (both separators, so a reader guessing the delimiter is not misled).
/// Against formula injection (OWASP, "CSV Injection") a cell that starts with '=', '+', '-', '@',
/// tab or CR, also behind apostrophes, is written with an apostrophe before it, so a spreadsheet
/// shows it as text instead of running it; a signed number ("-5", "+62812") is left as it is.
/// read_csv removes that apostrophe again (docs/api.md, "Spreadsheet files").
std::string write_csv(const std::vector<Row>& rows, char separator = ',');

}  // namespace simpul::interchange
