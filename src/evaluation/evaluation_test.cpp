// Index arithmetic is checked against numbers computed by hand (the arithmetic
// is in the comment next to each expected value), never against the code's own
// output.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "evaluation/framework.hpp"
#include "evaluation/index.hpp"

using namespace simpul::evaluation;

namespace {

const Framework& spbe() {
  static const Framework f = load_framework(SIMPUL_SOURCE_DIR "/profiles/frameworks/evaluation/spbe-2020.yaml");
  return f;
}

const Framework& pemdi() {
  static const Framework f = load_framework(SIMPUL_SOURCE_DIR "/profiles/frameworks/evaluation/pemdi-2026.yaml");
  return f;
}

/// Every indicator at `base`, then whole aspects, then single indicators
/// overridden.
std::map<std::string, int> levels(const Framework& f, int base, const std::map<std::string, int>& aspects,
                                  const std::map<std::string, int>& indicators = {}) {
  std::map<std::string, int> out;
  for (const auto& ind : f.indicators) {
    auto a = aspects.find(f.aspects[ind.aspect].id);
    out[ind.id] = a == aspects.end() ? base : a->second;
  }
  for (const auto& [id, level] : indicators) out[id] = level;
  return out;
}

/// Answers in the shape the framework's rule expects: the level itself
/// (59/2020), or one accepted main evidence item for each of levels 1..L
/// (8/2026; L = 0 means level 1 was not accepted).
std::vector<Answer> answers(const Framework& f, const std::map<std::string, int>& lv) {
  std::vector<Answer> out;
  for (const auto& [id, level] : lv) {
    Answer a{id, std::nullopt, {}, std::nullopt};
    if (f.level_rule == LevelRule::Direct) {
      a.level = level;
    } else if (level == 0) {
      a.evidence.push_back({1, true, false});
    } else {
      for (int l = 1; l <= level; ++l) a.evidence.push_back({l, true, true});
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::string band(const IndexResult& r) { return r.predicate ? r.predicate->name : "(none)"; }

std::size_t aspect_of(const Framework& f, const std::string& id) {
  for (std::size_t a = 0; a < f.aspects.size(); ++a) {
    if (f.aspects[a].id == id) return a;
  }
  return f.aspects.size();
}

}  // namespace

TEST(Framework, BothRealFilesLoad) {
  const auto& s = spbe();
  EXPECT_EQ(s.id, "spbe-2020");
  EXPECT_EQ(s.version, 1);
  EXPECT_EQ(s.level_rule, LevelRule::Direct);
  EXPECT_FALSE(s.provisional);
  EXPECT_EQ(s.confidence, "confirmed-secondary");
  EXPECT_EQ(s.domains.size(), 4u);
  EXPECT_EQ(s.aspects.size(), 8u);
  EXPECT_EQ(s.indicators.size(), 47u);
  EXPECT_EQ(s.predicates.size(), 5u);
  ASSERT_EQ(s.scales.size(), 2u);
  EXPECT_EQ(s.scales[1].confidence, "unconfirmed");
  EXPECT_EQ(s.scales[s.indicators[*s.find_indicator("I32")].scale].name,
            "service");  // domain 4 uses the service scale
  EXPECT_EQ(s.scales[s.indicators[*s.find_indicator("I1")].scale].levels[0].name, "Rintisan");
  EXPECT_DOUBLE_EQ(s.domains[2].weight, 16.5);
  EXPECT_DOUBLE_EQ(s.indicators[*s.find_indicator("I42")].weight, 3.0);

  const auto& p = pemdi();
  EXPECT_EQ(p.id, "pemdi-2026");
  EXPECT_EQ(p.level_rule, LevelRule::CumulativeEvidence);
  EXPECT_TRUE(p.provisional);
  EXPECT_EQ(p.confidence, "provisional-single-source");
  EXPECT_NE(p.level_rule_text.find("level 1 not accepted => 0"), std::string::npos);
  EXPECT_TRUE(p.domains.empty());
  EXPECT_EQ(p.aspects.size(), 7u);
  EXPECT_EQ(p.indicators.size(), 20u);
  EXPECT_FALSE(p.aspects[0].domain.has_value());
  EXPECT_EQ(p.indicators[*p.find_indicator("I5")].external_kind, "sdi");
  EXPECT_EQ(p.indicators[*p.find_indicator("I7")].external_kind, "epss");
  EXPECT_TRUE(p.indicators[*p.find_indicator("I8")].external_kind.empty());
  EXPECT_DOUBLE_EQ(p.predicates.back().min, 1.0);
}

TEST(Index, SpbeHandComputedMixedCase) {
  // D1 all 3 except I1 = 5; A2 = 2, A3 = 3, A4 = 1, A5 = 2, A6 = 1, A7 = 3, A8
  // = 2.
  auto r = compute_index(
      spbe(),
      answers(spbe(), levels(spbe(), 3, {{"A2", 2}, {"A3", 3}, {"A4", 1}, {"A5", 2}, {"A6", 1}, {"A7", 3}, {"A8", 2}},
                             {{"I1", 5}})));
  ASSERT_TRUE(r.complete());
  EXPECT_NEAR(r.aspects[0], 3.2,
              1e-12);                     // (1.3*5 + 9*1.3*3) / 13 = (6.5 + 35.1) / 13 = 41.6 / 13 = 3.2
  EXPECT_NEAR(r.domains[0], 3.2, 1e-12);  // 13 * 3.2 / 13
  EXPECT_NEAR(r.domains[1], 2.2, 1e-12);  // (10*2 + 10*3 + 5*1) / 25 = 55 / 25
  EXPECT_NEAR(r.domains[2], 28.5 / 16.5,
              1e-12);  // (12*2 + 4.5*1) / 16.5 = 28.5 / 16.5 = 1.72727...
  EXPECT_NEAR(r.domains[3], 118.5 / 45.5,
              1e-12);  // (27.5*3 + 18*2) / 45.5 = (82.5 + 36) / 45.5 = 2.60439...
  // (13*3.2 + 25*2.2 + 16.5*1.72727 + 45.5*2.60439) / 100 = (41.6 + 55 + 28.5 +
  // 118.5) / 100 = 2.436
  EXPECT_NEAR(r.index, 2.436, 1e-12);
  EXPECT_EQ(band(r), "Cukup");  // [1.8, 2.6)
}

TEST(Index, PemdiHandComputedMixedCase) {
  auto lv = levels(pemdi(), 2, {{"A5", 3}, {"A6", 3}},
                   {{"I1", 3},
                    {"I2", 2},
                    {"I3", 1},
                    {"I4", 0},
                    {"I6", 2},
                    {"I7", 2},
                    {"I8", 1},
                    {"I13", 4},
                    {"I14", 3},
                    {"I19", 4},
                    {"I20", 3}});
  lv.erase("I5");
  auto a = answers(pemdi(), lv);
  a.push_back({"I5", std::nullopt, {}, 3.5});  // Indeks SDI taken as the value
  auto r = compute_index(pemdi(), a);
  ASSERT_TRUE(r.complete());
  EXPECT_NEAR(r.aspects[0], 2.5, 1e-12);  // (5*3 + 5*2) / 10
  EXPECT_NEAR(r.aspects[1], 0.5, 1e-12);  // (5*1 + 5*0) / 10
  EXPECT_NEAR(r.aspects[2], 33.5 / 15,
              1e-12);                     // (5*3.5 + 3*2 + 3*2 + 4*1) / 15 = 33.5 / 15 = 2.2333...
  EXPECT_NEAR(r.aspects[3], 2.0, 1e-12);  // all 2
  EXPECT_NEAR(r.aspects[4], 3.5, 1e-12);  // (5*4 + 5*3) / 10
  EXPECT_NEAR(r.aspects[5], 3.0, 1e-12);  // all 3
  EXPECT_NEAR(r.aspects[6], 3.4, 1e-12);  // (10*4 + 15*3) / 25 = 85 / 25
  // 0.10*2.5 + 0.10*0.5 + 0.15*2.2333 + 0.15*2 + 0.10*3.5 + 0.15*3 + 0.25*3.4
  //   = 0.25 + 0.05 + 0.335 + 0.30 + 0.35 + 0.45 + 0.85 = 2.585
  EXPECT_NEAR(r.index, 2.585, 1e-12);
  EXPECT_EQ(band(r), "Baik");  // [2.5, 3.5)
}

struct BandCase {
  const char* what;
  int base;
  std::map<std::string, int> aspects;
  std::map<std::string, int> indicators;
  double index;
  const char* band;
};

TEST(Index, SpbeEveryPredicateBoundary) {
  // Levels at `base` give index = base; an aspect set moved by d levels adds
  // sum(w)*d/100; I1 (w 1.3) one level down/up moves the index by -/+0.013.
  std::vector<BandCase> cases = {
      {"lowest", 1, {}, {}, 1.0, "Kurang"},                                    // all 1; the Kurang band starts at
                                                                               // 0.0, below any answered index
      {"1.8 below", 2, {{"A2", 1}, {"A3", 1}}, {{"I1", 1}}, 1.787, "Kurang"},  // 2 - 20*1/100 - 0.013
      {"1.8 at", 2, {{"A2", 1}, {"A3", 1}}, {}, 1.8, "Cukup"},                 // 2 -
                                                                               // (10+10)*1/100
      {"1.8 above", 2, {{"A2", 1}, {"A3", 1}}, {{"I1", 3}}, 1.813, "Cukup"},   // 1.8 + 0.013
      {"2.6 below", 3, {{"A2", 1}, {"A3", 1}}, {{"I1", 2}}, 2.587, "Cukup"},   // 3 - 20*2/100 - 0.013
      {"2.6 at", 3, {{"A2", 1}, {"A3", 1}}, {}, 2.6, "Baik"},                  // 3 -
                                                                               // (10+10)*2/100
      {"2.6 above", 3, {{"A2", 1}, {"A3", 1}}, {{"I1", 4}}, 2.613, "Baik"},
      {"3.5 below", 3, {{"A2", 5}, {"A3", 5}, {"A4", 5}}, {{"I1", 2}}, 3.487, "Baik"},  // 3 + 25*2/100 - 0.013
      {"3.5 at", 3, {{"A2", 5}, {"A3", 5}, {"A4", 5}}, {}, 3.5, "Sangat Baik"},         // 3 + (10+10+5)*2/100
      {"3.5 above", 3, {{"A2", 5}, {"A3", 5}, {"A4", 5}}, {{"I1", 4}}, 3.513, "Sangat Baik"},
      {"4.2 below", 4, {{"A2", 5}, {"A3", 5}}, {{"I1", 3}}, 4.187, "Sangat Baik"},  // 4 + 20*1/100 - 0.013
      {"4.2 at", 4, {{"A2", 5}, {"A3", 5}}, {}, 4.2, "Memuaskan"},                  // 4 + (10+10)*1/100
      {"4.2 above", 4, {{"A2", 5}, {"A3", 5}}, {{"I1", 5}}, 4.213, "Memuaskan"},
      {"highest", 5, {}, {}, 5.0, "Memuaskan"},  // inside [4.2, 5.01)
  };
  for (const auto& c : cases) {
    auto r = compute_index(spbe(), answers(spbe(), levels(spbe(), c.base, c.aspects, c.indicators)));
    ASSERT_TRUE(r.complete()) << c.what;
    EXPECT_NEAR(r.index, c.index, 1e-9) << c.what;
    EXPECT_EQ(band(r), c.band) << c.what;
  }
}

TEST(Index, PemdiEveryPredicateBoundary) {
  // Aspects A1, A6, A7 weigh 10 + 15 + 25 = 50, so one level more there adds
  // 0.5; I11 (w 3) one level down/up moves the index by -/+0.03.
  std::vector<BandCase> cases = {
      {"1.0 below", 1, {}, {{"I11", 0}}, 0.97, "(none)"},  // 1 - 0.03: level 1 of I11 not accepted; no band below 1.0
      {"1.0 at", 1, {}, {}, 1.0, "Kurang"},
      {"1.0 above", 1, {}, {{"I11", 2}}, 1.03, "Kurang"},
      {"1.5 below", 1, {{"A1", 2}, {"A6", 2}, {"A7", 2}}, {{"I11", 0}}, 1.47, "Kurang"},  // 1 + 50*1/100 - 0.03
      {"1.5 at", 1, {{"A1", 2}, {"A6", 2}, {"A7", 2}}, {}, 1.5, "Cukup"},
      {"1.5 above", 1, {{"A1", 2}, {"A6", 2}, {"A7", 2}}, {{"I11", 2}}, 1.53, "Cukup"},
      {"2.5 below", 2, {{"A1", 3}, {"A6", 3}, {"A7", 3}}, {{"I11", 1}}, 2.47, "Cukup"},  // 2 + 0.5 - 0.03
      {"2.5 at", 2, {{"A1", 3}, {"A6", 3}, {"A7", 3}}, {}, 2.5, "Baik"},
      {"2.5 above", 2, {{"A1", 3}, {"A6", 3}, {"A7", 3}}, {{"I11", 3}}, 2.53, "Baik"},
      {"3.5 below", 3, {{"A1", 4}, {"A6", 4}, {"A7", 4}}, {{"I11", 2}}, 3.47, "Baik"},  // 3 + 0.5 - 0.03
      {"3.5 at", 3, {{"A1", 4}, {"A6", 4}, {"A7", 4}}, {}, 3.5, "Sangat Baik"},
      {"3.5 above", 3, {{"A1", 4}, {"A6", 4}, {"A7", 4}}, {{"I11", 4}}, 3.53, "Sangat Baik"},
      {"4.0 below", 4, {}, {{"I11", 3}}, 3.97, "Sangat Baik"},  // 4 - 0.03
      {"4.0 at", 4, {}, {}, 4.0, "Memuaskan"},
      {"4.0 above", 4, {}, {{"I11", 5}}, 4.03, "Memuaskan"},
      {"highest", 5, {}, {}, 5.0, "Memuaskan"},  // inside [4.0, 5.01)
      {"nothing accepted", 0, {}, {}, 0.0, "(none)"},
  };
  for (const auto& c : cases) {
    auto r = compute_index(pemdi(), answers(pemdi(), levels(pemdi(), c.base, c.aspects, c.indicators)));
    ASSERT_TRUE(r.complete()) << c.what;
    EXPECT_NEAR(r.index, c.index, 1e-9) << c.what;
    EXPECT_EQ(band(r), c.band) << c.what;
  }
}

TEST(Index, PemdiCumulativeAcceptanceRule) {
  using E = EvidenceCheck;
  auto level = [](std::vector<E> e) { return cumulative_level(e, 5); };
  EXPECT_EQ(level({}), 0);                  // nothing shown
  EXPECT_EQ(level({{1, true, false}}), 0);  // level 1 not accepted => 0
  EXPECT_EQ(level({{1, true, true}}), 1);
  EXPECT_EQ(level({{1, true, true}, {2, true, true}, {3, true, false}, {4, true, true}}),
            2);  // 4 does not count past 3
  EXPECT_EQ(level({{1, true, true}, {2, true, true}, {2, true, false}}),
            1);  // every main item of level 2 must be accepted
  EXPECT_EQ(level({{1, true, true}, {3, true, true}}),
            1);  // level 2 has no evidence: the climb stops
  EXPECT_EQ(level({{1, true, true}, {2, true, true}, {2, false, false}}),
            2);  // a rejected supporting item does not count
  EXPECT_EQ(level({{1, true, true}, {2, true, true}, {3, true, true}, {4, true, true}, {5, true, true}}), 5);

  // In the index: all at 4, but I20 (w 15) has level 3 rejected → value 2: 4 -
  // 15*(4-2)/100 = 3.7.
  auto a = answers(pemdi(), levels(pemdi(), 4, {}));
  for (auto& ans : a) {
    if (ans.indicator == "I20") ans.evidence = {{1, true, true}, {2, true, true}, {3, true, false}, {4, true, true}};
  }
  auto r = compute_index(pemdi(), a);
  ASSERT_TRUE(r.complete());
  EXPECT_DOUBLE_EQ(r.indicators[*pemdi().find_indicator("I20")], 2.0);
  EXPECT_NEAR(r.aspects[aspect_of(pemdi(), "A7")], 2.8,
              1e-12);  // (10*4 + 15*2) / 25 = 70 / 25
  EXPECT_NEAR(r.index, 3.7, 1e-12);
  EXPECT_EQ(band(r), "Sangat Baik");
}

TEST(Index, WhatIfSpbe) {
  auto a = answers(
      spbe(),
      levels(spbe(), 3, {{"A2", 2}, {"A3", 3}, {"A4", 1}, {"A5", 2}, {"A6", 1}, {"A7", 3}, {"A8", 2}}, {{"I1", 5}}));
  std::vector<Change> changes = {{"I11", 4}, {"I42", 3}};
  auto r = what_if(spbe(), a, changes);
  ASSERT_TRUE(r.complete());
  // From 2.436: I11 (w 2.5) 2 → 4 adds 2.5*2/100 = 0.05; I42 (w 3) 2 → 3 adds
  // 3*1/100 = 0.03 → 2.516.
  EXPECT_NEAR(r.index, 2.516, 1e-12);
  EXPECT_EQ(band(r), "Cukup");
  // A2 = (2.5*4 + 3 * 2.5*2) / 10 = 2.5; D2 = (10*2.5 + 10*3 + 5*1) / 25 = 60 /
  // 25 = 2.4
  EXPECT_NEAR(r.domains[1], 2.4, 1e-12);

  // Raising the rest of A2 as well crosses into Baik: I12, I13, I14 2 → 4 add 3
  // * 2.5*2/100 = 0.15 → 2.666, inside Baik [2.6, 3.5).
  changes.insert(changes.end(), {{"I12", 4}, {"I13", 4}, {"I14", 4}});
  auto r2 = what_if(spbe(), a, changes);
  EXPECT_NEAR(r2.index, 2.666, 1e-12);
  EXPECT_EQ(band(r2), "Baik");
}

TEST(Index, WhatIfPemdi) {
  auto lv = levels(pemdi(), 2, {{"A5", 3}, {"A6", 3}},
                   {{"I1", 3},
                    {"I2", 2},
                    {"I3", 1},
                    {"I4", 0},
                    {"I6", 2},
                    {"I7", 2},
                    {"I8", 1},
                    {"I13", 4},
                    {"I14", 3},
                    {"I19", 4},
                    {"I20", 3}});
  lv.erase("I5");
  auto a = answers(pemdi(), lv);
  a.push_back({"I5", std::nullopt, {}, 3.5});
  std::vector<Change> changes = {{"I4", 3}, {"I20", 4}};
  auto r = what_if(pemdi(), a, changes);
  ASSERT_TRUE(r.complete());
  // From 2.585: I4 (w 5) 0 → 3 adds 0.15; I20 (w 15) 3 → 4 adds 0.15 → 2.885.
  EXPECT_NEAR(r.index, 2.885, 1e-12);
  EXPECT_EQ(band(r), "Baik");
  // The original answers are untouched by a simulation.
  EXPECT_NEAR(compute_index(pemdi(), a).index, 2.585, 1e-12);
}

TEST(Index, InvalidAnswersAreReportedAndCountAsZero) {
  std::vector<Answer> a = {
      {"I1", 5, {}, std::nullopt},
      {"I2", 6, {}, std::nullopt},  // above the scale
      {"I3", 2, {}, std::nullopt},
      {"I3", 3, {}, std::nullopt},             // answered twice
      {"X9", 3, {}, std::nullopt},             // not an indicator
      {"I4", std::nullopt, {}, std::nullopt},  // no level
  };
  auto r = compute_index(spbe(), a);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.issues.size(), 4u);
  EXPECT_EQ(r.unanswered.size(), 43u);  // 47 - I1..I4
  EXPECT_NEAR(r.index, 0.065, 1e-12);   // only I1 counts: 1.3*5/100
  EXPECT_EQ(band(r), "Kurang");

  std::vector<Answer> p = {
      {"I1", 3, {}, std::nullopt},                            // a level, not evidence, under the cumulative rule
      {"I8", std::nullopt, {}, 4.0},                          // I8 takes no external score
      {"I5", std::nullopt, {}, 7.0},                          // external score above 5
      {"I9", std::nullopt, {{6, true, true}}, std::nullopt},  // evidence for a level that does not exist
  };
  auto rp = compute_index(pemdi(), p);
  EXPECT_EQ(rp.issues.size(), 4u);
  EXPECT_DOUBLE_EQ(rp.index, 0.0);

  std::vector<Change> bad = {{"I99", 3}, {"I1", 6}};
  auto rw = what_if(spbe(), answers(spbe(), levels(spbe(), 3, {})), bad);
  EXPECT_EQ(rw.issues.size(), 2u);
  EXPECT_NEAR(rw.index, 3.0, 1e-12);  // bad changes are ignored
}

namespace {

const char* kSmall = R"(format: simpul-evaluation-framework/1
id: tiny
version: 1
title: Tiny
legal_basis: none
valid_from: 2026
confidence: test
provenance: {source_file: test}
computation: {level_rule: direct, formula_text: sum, index_scale: 100}
scales:
  - name: capability
    levels: [{level: 1, name: Satu}, {level: 2, name: Dua}]
predicates:
  - {name: Baik, min: 1.5, max: 2.01}
  - {name: Kurang, min: 0, max: 1.5}
aspects:
  - id: A1
    number: 1
    name: Satu
    weight: 100
    indicators:
      - {id: I1, number: 1, name: Satu, weight: 60, scale: capability}
      - {id: I2, number: 2, name: Dua, weight: 40, scale: capability}
)";

std::string load_error(const std::string& text) {
  try {
    parse_framework(text, "tiny.yaml");
  } catch (const FrameworkError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

}  // namespace

TEST(Framework, MalformedFilesGiveFileLineErrors) {
  EXPECT_EQ(load_error(kSmall), "(no error)");
  EXPECT_EQ(load_error(replace(kSmall, "weight: 40", "weight: 30")),
            "tiny.yaml:20: aspects[0].weight: is 100 but its indicators' "
            "weights sum to 90");
  EXPECT_EQ(load_error(replace(kSmall, "scale: capability}\n      - {id: I2", "scale: kapabilitas}\n      - {id: I2")),
            "tiny.yaml:22: aspects[0].indicators[0].scale: names no scale of "
            "this file: 'kapabilitas'");
  EXPECT_EQ(load_error(replace(kSmall, "{level: 2, name: Dua}", "{level: 3, name: Dua}")),
            "tiny.yaml:12: scales[0].levels[1].level: must be 2");
  EXPECT_EQ(load_error(replace(kSmall, "min: 0, max: 1.5", "min: 0, max: 1.4")),
            "tiny.yaml:15: predicates[1].max: must equal the previous band's "
            "min (1.5): bands run top-down without gaps");
  EXPECT_EQ(load_error(replace(kSmall, "id: I2", "id: I1")),
            "tiny.yaml:23: aspects[0].indicators[1].id: duplicate indicator id 'I1'");
  EXPECT_EQ(load_error(replace(kSmall, "level_rule: direct", "level_rule: average")),
            "tiny.yaml:9: computation.level_rule: must be 'direct' or "
            "'cumulative-evidence'");
  EXPECT_EQ(load_error(replace(kSmall, "title: Tiny\n", "")), "tiny.yaml:1: title: is required");
  EXPECT_EQ(load_error(replace(kSmall, "weight: 60", "weight: [60")).rfind("tiny.yaml:", 0),
            0u);  // YAML syntax error
  EXPECT_EQ(load_error(replace(kSmall, "weight: 60", "weight: sixty")),
            "tiny.yaml:22: aspects[0].indicators[0].weight: must be a number");

  // The loader reports the path of a missing file the same way.
  try {
    load_framework("/nonexistent/framework.yaml");
    FAIL();
  } catch (const FrameworkError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/framework.yaml:0: (file): cannot be read");
  }
}
