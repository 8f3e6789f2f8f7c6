#pragma once
// A report as the service would gather it, for the report tests and the report benchmark: every
// indicator of `f` with varied levels, `evidence` items each, an explanation, earlier years and the
// top five recommendations. Not used by the product.
#include <string>
#include <utility>
#include <vector>

#include "evaluation/index.hpp"
#include "evaluation/report.hpp"

namespace simpul::evaluation {

inline ReportData sample_report(const Framework& f, const std::string& scope_name, int evidence,
                                std::vector<std::pair<int, double>> history) {
  std::vector<Answer> answers;
  for (std::size_t i = 0; i < f.indicators.size(); ++i)
    answers.push_back({f.indicators[i].id, 1 + static_cast<int>(i * 3 % 5), {}, std::nullopt});
  IndexResult r = compute_index(f, answers);
  ReportData d;
  d.tenant_name = "Pemerintah Kota Bontang";
  d.scope_name = scope_name;
  d.year = 2025;
  d.framework_title = f.title + " v" + std::to_string(f.version);
  d.legal_basis = f.legal_basis;
  d.state = "Diserahkan 2025-03-14 oleh Sekretaris Daerah";
  d.generated_at = "2025-03-15T08:30:00+08:00";
  d.index = r.index;
  d.predicate = r.predicate ? r.predicate->name : "";
  d.complete = r.complete();
  for (std::size_t i = 0; i < f.domains.size(); ++i)
    d.domains.push_back({f.domains[i].name, r.domains[i], f.domains[i].weight});
  for (std::size_t i = 0; i < f.aspects.size(); ++i)
    d.aspects.push_back({f.aspects[i].name, r.aspects[i], f.aspects[i].weight});
  for (std::size_t i = 0; i < f.indicators.size(); ++i) {
    const Indicator& ind = f.indicators[i];
    ReportIndicator ri{ind.id, ind.number, ind.name, f.aspects[ind.aspect].name, ind.weight};
    ri.level = answers[i].level;
    ri.value = r.indicators[i];
    ri.level_name = f.scales[ind.scale].levels[static_cast<std::size_t>(*ri.level - 1)].name;
    ri.state = i % 4 == 0 ? "Draf" : "Disetujui";
    ri.explanation = "Telah ditetapkan melalui Peraturan Wali Kota dan diterapkan pada seluruh perangkat daerah.";
    for (int e = 0; e < evidence; ++e)
      ri.evidence.push_back({"Dokumen pendukung " + std::to_string(e + 1) + " \xE2\x80\x93 " + ind.id + ".pdf",
                             e % 2 ? "file" : "application", e % 3 ? "diterima" : "", e % 5 + 1});
    d.indicators.push_back(std::move(ri));
  }
  d.recommendations = recommend(f, answers, 5);
  d.history = std::move(history);
  return d;
}

}  // namespace simpul::evaluation
