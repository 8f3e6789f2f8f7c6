#pragma once
// SIMPUL_PROVES("region", "RULE-ID") inside a test declares that the test proves the region's rule is
// enforced: the test must assert the rule firing there (the gate's or finding's rule id, its
// citation, in that region's tenant). The root CMakeLists.txt collects the declarations from the
// test sources into generated/proofs.inc; docs/regulation-coverage.md lists a rule as enforced only
// when a module enforces it and such a declaration exists (src/app/coverage.cpp). Nothing runs: the
// declaration is a compile-time check that both arguments are string literals.
#define SIMPUL_PROVES(region, rule)                                                                 \
  static_assert(sizeof(region) > 1 && sizeof(rule) > 1 && (region)[0] != '\0' && (rule)[0] != '\0', \
                "SIMPUL_PROVES takes the region's profile id and the rule id as string literals")
