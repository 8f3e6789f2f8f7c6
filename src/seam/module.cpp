#include "seam/module.hpp"

namespace simpul::seam {

void add_enforcement(CoverageRows& rows, const std::string& rule, const std::string& how) {
  auto& e = rows[rule];
  if (e.how.find(how) == std::string::npos) e.how = e.how.empty() ? how : e.how + "; " + how;
}

}  // namespace simpul::seam
