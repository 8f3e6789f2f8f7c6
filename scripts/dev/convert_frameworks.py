#!/usr/bin/env python3
"""Converts the national evaluation frameworks of shared/frameworks/ into Simpul's own format.

Dev tool, run by hand (the product reads only the generated YAML files):
    python3 scripts/dev/convert_frameworks.py [shared-frameworks-dir]
writes profiles/frameworks/evaluation/spbe-2020.yaml and pemdi-2026.yaml.

Why a converter instead of reading the shared files directly: the shared files are research notes
(two different shapes, provenance in comments, formulas in prose). Our format is one shape for
every framework (domains optional), with provenance, confidence and the computation rule as
fields the loader validates and the console can show. The conversion copies facts only; nothing
is added that the source does not say (level criteria texts are left empty where the source has
none, so an administrator can fill them from the official lampiran).
After hand edits to a generated file, do not re-run this script over it without merging.
"""
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "profiles" / "frameworks" / "evaluation"

FORMAT = "simpul-evaluation-framework/1"

# What the source files do not carry as fields but state in their file names and headers.
META = {
    "spbe-index-permenpanrb-59-2020.yaml": {
        "out": "spbe-2020.yaml",
        "id": "spbe-2020",
        "legal_basis": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
                       "Nomor 59 Tahun 2020 tentang Pemantauan dan Evaluasi Sistem Pemerintahan "
                       "Berbasis Elektronik",
        "level_rule": "direct",
        "valid_from": 2020,
    },
    "pemdi-index-permenpanrb-8-2026.yaml": {
        "out": "pemdi-2026.yaml",
        "id": "pemdi-2026",
        "legal_basis": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
                       "Nomor 8 Tahun 2026 (Pedoman Evaluasi Kinerja Pemerintah Digital)",
        "level_rule": "cumulative-evidence",
        "valid_from": 2026,
    },
}

# Names of the external scores a Pemdi indicator may take instead of evidence (level_rule text).
EXTERNAL_KINDS = {"Indeks Satu Data Indonesia (Bappenas)": "sdi", "SJIG (BIG)": "sjig", "EPSS (BPS)": "epss"}


def num(node):
    """The `no:` field: YAML 1.1 (PyYAML) reads the bare key `no` as the boolean False."""
    return node["no"] if "no" in node else node[False]


def header_comment(text):
    """The leading comment block of a source file: its provenance, kept verbatim."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return "\n".join(lines) + "\n"


def scale(levels, confidence, name):
    return {
        "name": name,
        "confidence": confidence,
        "levels": [{"level": int(k), "name": v, "criteria": None} for k, v in levels.items() if k != "confidence"],
    }


def indicator(src, id_, scale_id):
    out = {"id": id_, "number": num(src) if ("no" in src or False in src) else int(id_[1:]), "name": src["name"], "weight": src["weight"],
           "scale": scale_id, "criteria": None}
    if "external" in src:
        out["external"] = {"kind": EXTERNAL_KINDS[src["external"]], "source": src["external"]}
    return out


def convert(path):
    text = path.read_text(encoding="utf-8")
    src = yaml.safe_load(text)
    meta = META[path.name]
    fw = {
        "format": FORMAT,
        "id": meta["id"],
        "version": 1,
        "title": src["name"],
        "legal_basis": meta["legal_basis"],
        "valid_from": meta["valid_from"],
        "source_id": src["id"],
        "replaces": src.get("replaces"),
        "confidence": src["confidence"],
        "provisional": not src["confidence"].startswith("confirmed"),
        "provenance": {"source_file": f"shared/frameworks/{path.name}", "notes": header_comment(text)},
        "computation": {
            "level_rule": meta["level_rule"],
            # Verbatim, so a reader can check the C++ against what the source says.
            "level_rule_text": src.get("level_rule"),
            "formula_text": src["formula"],
            "index_scale": 100,
        },
        "process": src.get("process"),
        "scales": [scale(src["levels"], src["confidence"], "capability")],
        "predicates": [{"name": p["name"], "min": p["min"], "max": p["max"]} for p in src["predicates"]],
    }
    if "service_levels" in src:
        # The source's own confidence for this scale (names unconfirmed), not the file's.
        fw["scales"].append(scale(src["service_levels"], src["service_levels"]["confidence"], "service"))
    if "domains" in src:
        fw["domains"] = []
        for d in src["domains"]:
            # Domain 4 (Layanan) uses the service capability scale, as the source's comment states.
            scale_id = "service" if num(d) == 4 and "service_levels" in src else "capability"
            fw["domains"].append({
                "id": f"D{num(d)}", "number": num(d), "name": d["name"], "weight": d["weight"],
                "aspects": [{"id": f"A{num(a)}", "number": num(a), "name": a["name"], "weight": a["weight"],
                             "indicators": [indicator(i, f"I{num(i)}", scale_id) for i in a["indicators"]]}
                            for a in d["aspects"]],
            })
    else:
        fw["aspects"] = [{"id": f"A{num(a)}", "number": num(a), "name": a["name"], "weight": a["weight"],
                          "indicators": [indicator(i, i["id"], "capability") for i in a["indicators"]]}
                         for a in src["aspects"]]
    fw = {k: v for k, v in fw.items() if v is not None}
    fw["computation"] = {k: v for k, v in fw["computation"].items() if v is not None}
    return meta["out"], fw


HEADER = """\
# Evaluation framework in Simpul's format (docs/evaluation.md).
# Generated by scripts/dev/convert_frameworks.py from {source}; provenance and
# confidence are kept below. Administrators may correct names, weights and criteria here; a
# changed framework must get a new `version` so earlier results keep the version they used.
"""


def literal_multiline(dumper, value):
    # Multi-line prose (formulas, provenance) stays readable as a `|` block.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def main():
    yaml.SafeDumper.add_representer(str, literal_multiline)
    src_dir = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "frameworks"
    OUT.mkdir(parents=True, exist_ok=True)
    for name in META:
        out, fw = convert(src_dir / name)
        body = yaml.safe_dump(fw, allow_unicode=True, sort_keys=False, width=110)
        (OUT / out).write_text(HEADER.format(source=f"shared/frameworks/{name}") + body, encoding="utf-8")
        print(f"wrote {OUT / out}")


if __name__ == "__main__":
    main()
