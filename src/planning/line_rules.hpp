#pragma once
// Pure checks of a budget line: the account code pattern, Rupiah amounts as spreadsheets write
// them, overflow-checked products, and the reserved class a line falls in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planning/model.hpp"

namespace simpul::planning {

/// An expenditure account code: `5` then 2 to 6 dot-separated groups of 1-4 digits (5.2.2.10,
/// 5.1.02.01.01.0024).
bool valid_account_code(std::string_view code);
/// "1.250.000", "Rp 1.250.000", "Rp1.250.000,00", "1250000" -> 1250000; nullopt for anything else
/// (fractions of a Rupiah, negative amounts, text, more than 15 digits).
std::optional<std::int64_t> parse_rupiah(std::string_view text);
/// a * b, or nullopt when it does not fit in 64 bits.
std::optional<std::int64_t> checked_product(std::int64_t a, std::int64_t b);
/// Lower-case ASCII letters, other characters kept: the text reserved keywords are matched in.
std::string fold_text(std::string_view text);
/// The reserved class a line falls in (by account prefix, SSH prefix, or a keyword in its name or
/// specification), or nullptr.
const ReservedClass* classify(const PlanningProfile& p, const std::string& account_code, const std::string& ssh_code,
                              const std::string& name, const std::string& specification);
/// The reserved class of a stored line: the one the planning agency set, else classify()'s.
const ReservedClass* line_class(const PlanningProfile& p, const Line& l);
/// 1250000 -> "Rp1.250.000", as Indonesian documents print amounts.
std::string rupiah_text(std::int64_t amount);
/// "2 Unit x 12 Bulan"
std::string volume_text(const std::vector<VolumeFactor>& factors);

}  // namespace simpul::planning
