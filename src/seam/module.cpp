#include "seam/module.hpp"

namespace simpul::seam {

void add_enforcement(CoverageRows& rows, const std::string& rule, const std::string& how, const std::string& test) {
  auto& e = rows[rule];
  if (e.how.find(how) == std::string::npos) e.how = e.how.empty() ? how : e.how + "; " + how;
  if (!test.empty() && e.test.find(test) == std::string::npos) e.test = e.test.empty() ? test : e.test + ", " + test;
}

}  // namespace simpul::seam
