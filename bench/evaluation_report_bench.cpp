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
#include "evaluation/report_sample.hpp"
#include "timing.hpp"

using namespace simpul::evaluation;

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::atoi(argv[1]) : 15;
  const char* out = argc > 2 ? argv[2] : nullptr;
  auto framework = load_framework(SIMPUL_SOURCE_DIR "/profiles/frameworks/evaluation/spbe-2020.yaml");
  ReportData data = sample_report(framework, "Dinas Komunikasi dan Informatika \xE2\x80\x94 Kota Bontang", 5,
                                  {{2020, 1.41}, {2021, 1.62}, {2022, 1.95}, {2023, 2.31}, {2024, 2.44}});
  std::string pdf;
  auto t = simpul::bench::time_runs(runs, [&](int) { pdf = render_report_pdf(data); });
  std::printf(
      "report PDF, %zu indicators x 5 evidence, %zu years of history: p50 %.1f ms, p99 %.1f ms, %zu bytes "
      "(%d runs)\n",
      data.indicators.size(), data.history.size(), t.p50, t.p99, pdf.size(), runs);
  if (out) std::ofstream(out, std::ios::binary) << pdf;
  return 0;
}
