#!/usr/bin/env python3
"""Insert Indonesian rule summaries (what_id / who_id / object_id) into a profile, line by line.

Usage: scripts/dev/insert_rule_translations.py profiles/<id>.yaml translations.json

translations.json maps a rule id to {"what_id": "...", "who_id": "...", "object_id": "..."}
(who_id/object_id may be omitted where the rule's who/object is absent or 'n/a').

Each value is written on the line(s) directly after the value of its English key (`what:`,
`who:`, `object:`), after the last continuation line of a folded value, in the file's own
style (yaml.safe_dump, width 120, two-space indentation inside a rule). No other line changes.
The script refuses to run when a rule already has the key, when a rule with `what` gets no
`what_id`, or when the map names a rule the profile lacks; afterwards it re-parses the file
and checks that the document equals the old one plus the inserted keys.
"""
import json
import sys

import yaml

KEYS = {"what": "what_id", "who": "who_id", "object": "object_id"}


def emit(key: str, value: str) -> list[str]:
    text = yaml.safe_dump({key: value}, sort_keys=False, allow_unicode=True, width=118)
    return ["  " + line + "\n" for line in text.rstrip("\n").split("\n")]


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, map_path = sys.argv[1], sys.argv[2]
    with open(map_path, encoding="utf-8") as f:
        translations = json.load(f)
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    before = yaml.safe_load("".join(lines))
    rules = {r["id"]: r for r in before["rules"]}
    problems = [f"{rid}: not a rule of {path}" for rid in translations if rid not in rules]
    for rid, rule in rules.items():
        t = translations.get(rid, {})
        for key, new_key in KEYS.items():
            if new_key in rule:
                problems.append(f"{rid}: already has {new_key}")
            wanted = rule.get(key) not in (None, "n/a")
            if wanted and key == "what" and not t.get(new_key):
                problems.append(f"{rid}: no {new_key}")
            if t.get(new_key) and not wanted:
                problems.append(f"{rid}: {new_key} given but {key} is absent or n/a")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    start = next(i for i, line in enumerate(lines) if line.rstrip("\n") == "rules:")
    out = lines[: start + 1]
    current = None
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if indent_of(line) == 0 and not line.startswith("- ") and line.strip() and not line.startswith("#"):
            out.extend(lines[i:])  # the next top-level key: the rules section ended
            break
        if line.startswith("- id: "):
            current = yaml.safe_load(line[2:])["id"]
        key = line.strip().split(":", 1)[0]
        if current and indent_of(line) == 2 and key in KEYS:
            j = i + 1
            while j < len(lines) and lines[j].strip() and indent_of(lines[j]) > 2:
                j += 1
            out.extend(lines[i:j])
            value = translations.get(current, {}).get(KEYS[key])
            if value:
                out.extend(emit(KEYS[key], value))
            i = j
            continue
        out.append(line)
        i += 1

    after = yaml.safe_load("".join(out))
    for rule in after["rules"]:
        t = translations.get(rule["id"], {})
        for new_key in KEYS.values():
            got = rule.pop(new_key, None)
            if got != t.get(new_key):
                print(f"{rule['id']}: {new_key} reads back as {got!r}", file=sys.stderr)
                return 1
    if after != before:
        print("the document changed beyond the inserted keys", file=sys.stderr)
        return 1
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
