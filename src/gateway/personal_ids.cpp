#include "gateway/personal_ids.hpp"

namespace simpul::gateway {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Whether a maximal run of digits is shaped like a NIK, KK, NIP or phone number.
bool personal_run(std::string_view run) {
  const auto n = run.size();
  if (n == 16 || n == 18) return true;
  if (run.starts_with("08")) return n >= 10 && n <= 13;
  if (run.starts_with("628")) return n >= 11 && n <= 14;
  return false;
}

/// Calls `on_run(begin, length)` for every personal-identifier run of `path`.
template <typename F>
void for_each_personal_run(std::string_view path, F&& on_run) {
  std::size_t i = 0;
  while (i < path.size()) {
    if (!is_digit(path[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < path.size() && is_digit(path[end])) ++end;
    if (personal_run(path.substr(i, end - i))) on_run(i, end - i);
    i = end;
  }
}

}  // namespace

bool has_personal_ids(std::string_view path) {
  bool found = false;
  for_each_personal_run(path, [&](std::size_t, std::size_t) { found = true; });
  return found;
}

std::string mask_personal_ids(std::string_view path) {
  std::string out(path);
  for_each_personal_run(path, [&](std::size_t begin, std::size_t length) {
    for (std::size_t k = begin; k + 4 < begin + length; ++k) out[k] = '*';
  });
  return out;
}

}  // namespace simpul::gateway
