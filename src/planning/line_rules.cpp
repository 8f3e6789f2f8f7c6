#include "planning/line_rules.hpp"

#include <cctype>

namespace simpul::planning {

bool valid_account_code(std::string_view code) {
  if (code.size() < 5 || code.size() > 40 || code[0] != '5' || code[1] != '.') return false;
  int groups = 0, digits = 0;
  for (std::size_t i = 2; i <= code.size(); ++i) {
    if (i == code.size() || code[i] == '.') {
      if (digits == 0 || digits > 4) return false;
      ++groups;
      digits = 0;
    } else if (std::isdigit(static_cast<unsigned char>(code[i]))) {
      ++digits;
    } else {
      return false;
    }
  }
  return groups >= 2 && groups <= 6;
}

std::optional<std::int64_t> parse_rupiah(std::string_view text) {
  auto trim = [](std::string_view& t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  };
  trim(text);
  if (text.size() >= 2 && (text[0] == 'R' || text[0] == 'r') && (text[1] == 'p' || text[1] == 'P')) {
    text.remove_prefix(2);
    if (!text.empty() && text.front() == '.') text.remove_prefix(1);
    trim(text);
  }
  // A decimal part after ',' is allowed only when it is zero ("1.250.000,00").
  if (auto comma = text.find(','); comma != std::string_view::npos) {
    auto fraction = text.substr(comma + 1);
    if (fraction.empty() || fraction.size() > 2) return std::nullopt;
    for (char ch : fraction)
      if (ch != '0') return std::nullopt;
    text = text.substr(0, comma);
  }
  if (text.empty()) return std::nullopt;
  // Thousands separators: either none, or '.' every three digits.
  bool grouped = text.find('.') != std::string_view::npos;
  std::string digits;
  std::size_t since_dot = 0;
  bool seen_dot = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '.') {
      if (i == 0 || (seen_dot && since_dot != 3) || (!seen_dot && since_dot > 3)) return std::nullopt;
      seen_dot = true;
      since_dot = 0;
    } else if (std::isdigit(static_cast<unsigned char>(ch))) {
      digits += ch;
      ++since_dot;
    } else {
      return std::nullopt;
    }
  }
  if (grouped && since_dot != 3) return std::nullopt;
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  std::int64_t out = 0;
  for (char ch : digits) out = out * 10 + (ch - '0');
  return out;
}

std::optional<std::int64_t> checked_product(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) return std::nullopt;
  return out;
}

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += ' ';
  for (unsigned char ch : text)
    out += std::isalnum(ch) ? static_cast<char>(std::tolower(ch)) : ch >= 0x80 ? static_cast<char>(ch) : ' ';
  out += ' ';
  return out;
}

const ReservedClass* classify(const PlanningProfile& p, const std::string& account_code, const std::string& ssh_code,
                              const std::string& name, const std::string& specification) {
  std::string text = fold_text(name + " " + specification);
  for (const auto& c : p.reserved) {
    for (const auto& prefix : c.account_prefixes)
      if (account_code.rfind(prefix, 0) == 0) return &c;
    for (const auto& prefix : c.ssh_prefixes)
      if (!ssh_code.empty() && ssh_code.rfind(prefix, 0) == 0) return &c;
    for (const auto& keyword : c.keywords) {
      // Whole words: "internet" matches "langganan internet", not "internetwork".
      auto folded = fold_text(keyword);
      if (text.find(folded) != std::string::npos) return &c;
    }
  }
  return nullptr;
}

const ReservedClass* line_class(const PlanningProfile& p, const Line& l) {
  if (l.class_override) return p.reserved_class(*l.class_override);
  return classify(p, l.account_code, l.ssh_code, l.name, l.specification);
}

std::string volume_text(const std::vector<VolumeFactor>& factors) {
  std::string out;
  for (const auto& f : factors) {
    if (!out.empty()) out += " x ";
    out += std::to_string(f.quantity) + " " + f.unit;
  }
  return out;
}

std::string rupiah_text(std::int64_t amount) {
  std::string digits = std::to_string(amount < 0 ? -amount : amount), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return (amount < 0 ? "-Rp" : "Rp") + out;
}

}  // namespace simpul::planning
