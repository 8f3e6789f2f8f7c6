#!/usr/bin/env python3
"""Copies the level criteria (Tingkat 1-5) of the 47 indicators of PermenPANRB 59/2020 from
shared/frameworks/spbe-index-permenpanrb-59-2020-level-criteria.yaml into
profiles/frameworks/evaluation/spbe-2020.yaml as each indicator's `level_criteria`, and records
their provenance (the text comes from public copies, not from the official PDF).

Usage: scripts/dev/load_level_criteria.py SHARED_CRITERIA_YAML [FRAMEWORK_YAML]
The framework file is edited in place, line by line, so its comments and layout stay."""
import json
import sys

import yaml

SOURCE = "shared/frameworks/spbe-index-permenpanrb-59-2020-level-criteria.yaml"
NOTES = ("Kriteria tingkat 1-5 dari salinan publik Lampiran PermenPANRB 59/2020 (edisi A, confidence "
         "confirmed-secondary), bukan dari PDF resmi; rincian sumber per indikator ada di berkas sumber. "
         "Level criteria 1-5 from public copies of the Lampiran of PermenPANRB 59/2020 (edition A, "
         "confirmed-secondary), not from the official PDF; per-indicator sources are in the source file.")


def main() -> None:
    criteria_file = sys.argv[1]
    framework_file = sys.argv[2] if len(sys.argv) > 2 else "profiles/frameworks/evaluation/spbe-2020.yaml"
    data = yaml.safe_load(open(criteria_file, encoding="utf-8"))
    by_number = {int(i["number"]): {int(k): str(v) for k, v in i["levels"].items()} for i in data["indicators"]}
    if sorted(by_number) != list(range(1, 48)):
        sys.exit("expected indicators 1..47, found %s" % sorted(by_number))
    lines = open(framework_file, encoding="utf-8").read().split("\n")
    out, number, done = [], None, set()
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("source_file:") and line.startswith("  source_file:"):
            out.append(line)
            out.append("  level_criteria_source: " + json.dumps(SOURCE))
            out.append("  level_criteria_notes: " + json.dumps(NOTES, ensure_ascii=False))
            continue
        if stripped.startswith("level_criteria:"):
            sys.exit("%s already holds level_criteria; start from the file without them" % framework_file)
        if line.startswith("      number: "):
            number = int(stripped.split(":")[1])
        if number in by_number and stripped.startswith("criteria:") and line.startswith("      criteria:"):
            out.append(line)
            indent = " " * 6
            out.append(indent + "level_criteria:")
            for level, text in sorted(by_number[number].items()):
                out.append(indent + "  %d: %s" % (level, json.dumps(text, ensure_ascii=False)))
            done.add(number)
            number = None
            continue
        out.append(line)
    if done != set(by_number):
        sys.exit("indicators without a place in the framework file: %s" % sorted(set(by_number) - done))
    open(framework_file, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main()
