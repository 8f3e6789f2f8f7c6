#include "evaluation/report_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "pdf/text.hpp"

namespace simpul::evaluation {

std::string decimal_id(double value, int decimals) {
  if (!std::isfinite(value)) return "\xE2\x80\x93";
  char buf[64];
  auto end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals).ptr;
  std::string s(buf, end);
  if (s.find_first_not_of("-0.") == std::string::npos && s.front() == '-') s.erase(0, 1);  // no "-0,00"
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string trimmed_id(double value, int decimals, int keep) {
  std::string s = decimal_id(value, decimals);
  auto comma = s.find(',');
  if (comma == std::string::npos) return s;
  std::size_t min_size = comma + (keep > 0 ? keep + 1 : 0);
  while (s.size() > min_size && s.back() == '0') s.pop_back();
  if (s.back() == ',') s.pop_back();
  return s;
}

ReportData cleaned(const ReportData& in) {
  using pdf::clean;
  ReportData d = in;
  for (auto* s :
       {&d.tenant_name, &d.scope_name, &d.framework_title, &d.legal_basis, &d.state, &d.generated_at, &d.predicate})
    *s = clean(*s);
  for (auto& s : d.domains) s.name = clean(s.name);
  for (auto& s : d.aspects) s.name = clean(s.name);
  for (auto& r : d.recommendations) r.indicator = clean(r.indicator);
  for (auto& ind : d.indicators) {
    for (auto* s : {&ind.id, &ind.name, &ind.aspect, &ind.level_name, &ind.state}) *s = clean(*s);
    ind.explanation = clean(ind.explanation, true);
    for (auto& e : ind.evidence)
      for (auto* s : {&e.label, &e.kind, &e.verdict}) *s = clean(*s);
  }
  return d;
}

}  // namespace simpul::evaluation
