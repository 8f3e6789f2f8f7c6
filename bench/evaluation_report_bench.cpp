// The evaluation report PDF at its full size: all 47 indicators of Indeks SPBE 59/2020 with five
// evidence items each, an explanation per indicator, five earlier years and five recommendations.
// Rendering only (fonts loaded, charts drawn, tables laid out, document compressed): the report
// data is already in memory, as it is once the service has gathered it. Goal: under 2 s.
//   build/bench/simpul_evaluation_report_bench [runs] [out.pdf]
// With out.pdf the last rendering is also written there, to look at.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "evaluation/framework.hpp"
#include "evaluation/index.hpp"
#include "evaluation/report.hpp"
#include "timing.hpp"

using namespace simpul::evaluation;

namespace {

ReportData full_report(const Framework& f) {
  std::vector<Answer> answers;
  for (std::size_t i = 0; i < f.indicators.size(); ++i)
    answers.push_back({f.indicators[i].id, 1 + static_cast<int>(i * 3 % 5), {}, std::nullopt});
  IndexResult r = compute_index(f, answers);
  ReportData d;
  d.tenant_name = "Pemerintah Kota Bontang";
  d.scope_name = "Dinas Komunikasi dan Informatika \xE2\x80\x94 Kota Bontang";
  d.year = 2025;
  d.framework_title = f.title + " v" + std::to_string(f.version);
  d.legal_basis = f.legal_basis;
  d.state = "Diserahkan 2025-03-14 oleh Sekretaris Daerah";
  d.generated_at = "2025-03-15T08:30:00+08:00";
  d.index = r.index;
  d.predicate = r.predicate ? r.predicate->name : "";
  d.complete = r.complete();
  for (std::size_t i = 0; i < f.domains.size(); ++i) d.domains.push_back({f.domains[i].name, r.domains[i], f.domains[i].weight});
  for (std::size_t i = 0; i < f.aspects.size(); ++i) d.aspects.push_back({f.aspects[i].name, r.aspects[i], f.aspects[i].weight});
  for (std::size_t i = 0; i < f.indicators.size(); ++i) {
    const Indicator& ind = f.indicators[i];
    ReportIndicator ri{ind.id, ind.number, ind.name, f.aspects[ind.aspect].name, ind.weight};
    ri.level = answers[i].level;
    ri.value = r.indicators[i];
    ri.level_name = f.scales[ind.scale].levels[*ri.level - 1].name;
    ri.state = i % 4 == 0 ? "Draf" : "Disetujui";
    ri.explanation = "Telah ditetapkan melalui Peraturan Wali Kota dan diterapkan pada seluruh perangkat daerah.";
    for (int e = 0; e < 5; ++e)
      ri.evidence.push_back({"Dokumen pendukung " + std::to_string(e + 1) + " \xE2\x80\x93 " + ind.id + ".pdf",
                             e % 2 ? "file" : "application", e % 3 ? "diterima" : "", e + 1});
    d.indicators.push_back(std::move(ri));
  }
  d.recommendations = recommend(f, answers, 5);
  d.history = {{2020, 1.41}, {2021, 1.62}, {2022, 1.95}, {2023, 2.31}, {2024, 2.44}};
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::atoi(argv[1]) : 15;
  const char* out = argc > 2 ? argv[2] : nullptr;
  auto framework = load_framework(SIMPUL_SOURCE_DIR "/profiles/frameworks/evaluation/spbe-2020.yaml");
  ReportData data = full_report(framework);
  std::string pdf;
  auto t = simpul::bench::time_runs(runs, [&](int) { pdf = render_report_pdf(data); });
  std::printf("report PDF, %zu indicators x 5 evidence, %zu years of history: p50 %.1f ms, p99 %.1f ms, %zu bytes "
              "(%d runs)\n",
              data.indicators.size(), data.history.size(), t.p50, t.p99, pdf.size(), runs);
  if (out) std::ofstream(out, std::ios::binary) << pdf;
  return 0;
}
