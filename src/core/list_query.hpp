#pragma once
// Paging, search and sort of a list, as validated by the HTTP layer and passed to repositories.
#include <cstdint>
#include <string>

namespace simpul {

struct ListQuery {
  std::string q;     // free-text search, matched literally
  std::string sort;  // one of the keys the route allows; repositories map it to a column
  bool descending = false;
  std::int64_t page = 1;
  std::int64_t per_page = 50;
  std::int64_t offset() const { return (page - 1) * per_page; }
};

}  // namespace simpul
