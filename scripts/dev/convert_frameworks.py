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
none, so an administrator can fill them from the official lampiran). The one addition is Simpul's
own: each indicator's `evidence_topics`, chosen by hand in TOPICS below.
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


# Where the live evidence of each indicator comes from (`evidence_topics`, docs/evaluation.md), chosen by
# hand from the indicator's name, since the sources carry nothing of the kind. Keyed by framework id and
# indicator id; an indicator missing here stops the conversion, so a new one gets a deliberate choice.
# An empty list means Simpul holds no record that speaks to it (competence, collaboration, ...): the
# assessor attaches files instead. Topics must be in evidence_topics() (src/evaluation/evidence.cpp);
# the loader rejects any other.
TOPICS = {
    # PermenPANRB 59/2020, domain 1: each internal policy is a policy record plus the records it governs.
    ("spbe-2020", "I1"): ["policy", "architecture"],      # Kebijakan Internal Arsitektur SPBE
    ("spbe-2020", "I2"): ["policy", "roadmap"],           # Kebijakan Internal Peta Rencana SPBE
    ("spbe-2020", "I3"): ["policy", "data"],              # Kebijakan Internal Manajemen Data
    # The compliance findings show whether the rules on building applications are applied.
    ("spbe-2020", "I4"): ["policy", "applications", "compliance"],  # Kebijakan Internal Pembangunan Aplikasi SPBE
    ("spbe-2020", "I5"): ["policy", "infrastructure"],    # Kebijakan Internal Layanan Pusat Data
    ("spbe-2020", "I6"): ["policy", "infrastructure"],    # Kebijakan Internal Layanan Jaringan Intra
    ("spbe-2020", "I7"): ["policy", "gateway"],           # Kebijakan Internal Sistem Penghubung Layanan
    ("spbe-2020", "I8"): ["policy", "security"],          # Kebijakan Internal Manajemen Keamanan Informasi
    ("spbe-2020", "I9"): ["policy", "audit"],             # Kebijakan Internal Audit TIK
    ("spbe-2020", "I10"): ["policy", "teams"],            # Kebijakan Internal Tim Koordinasi SPBE
    # Domain 2: governance.
    ("spbe-2020", "I11"): ["architecture"],               # Arsitektur SPBE
    ("spbe-2020", "I12"): ["roadmap"],                    # Peta Rencana SPBE
    ("spbe-2020", "I13"): ["roadmap"],                    # Keterpaduan Rencana dan Anggaran: the roadmap's initiatives are the plan
    ("spbe-2020", "I14"): ["architecture"],               # Inovasi Proses Bisnis: business processes live in the architecture
    ("spbe-2020", "I15"): ["applications", "handover"],   # Pembangunan Aplikasi SPBE: the registry and its handover packages
    ("spbe-2020", "I16"): ["infrastructure"],             # Layanan Pusat Data
    ("spbe-2020", "I17"): ["infrastructure"],             # Layanan Jaringan Intra
    ("spbe-2020", "I18"): ["gateway"],                    # Penggunaan Sistem Penghubung Layanan
    ("spbe-2020", "I19"): ["teams"],                      # Tim Koordinasi SPBE
    ("spbe-2020", "I20"): [],                             # Kolaborasi Penerapan SPBE: no record in Simpul
    # Domain 3: management.
    ("spbe-2020", "I21"): ["risk"],                       # Manajemen Risiko SPBE
    ("spbe-2020", "I22"): ["security"],                   # Manajemen Keamanan Informasi
    ("spbe-2020", "I23"): ["data"],                       # Manajemen Data
    ("spbe-2020", "I24"): ["applications", "infrastructure"],  # Manajemen Aset TIK: the registers are the asset inventory
    ("spbe-2020", "I25"): [],                             # Kompetensi Sumber Daya Manusia: no record in Simpul
    ("spbe-2020", "I26"): [],                             # Manajemen Pengetahuan: no record in Simpul
    ("spbe-2020", "I27"): [],                             # Manajemen Perubahan: no record in Simpul
    ("spbe-2020", "I28"): ["service_desk", "services"],   # Manajemen Layanan SPBE
    ("spbe-2020", "I29"): ["audit", "infrastructure"],    # Audit Infrastruktur SPBE
    ("spbe-2020", "I30"): ["audit", "applications"],      # Audit Aplikasi SPBE
    ("spbe-2020", "I31"): ["audit", "security"],          # Audit Keamanan SPBE
    # Domain 4: each service indicator is met by services in the catalogue and the applications behind them.
    ("spbe-2020", "I32"): ["services", "applications"],   # Layanan Perencanaan
    ("spbe-2020", "I33"): ["services", "applications"],   # Layanan Penganggaran
    ("spbe-2020", "I34"): ["services", "applications"],   # Layanan Keuangan
    ("spbe-2020", "I35"): ["services", "applications"],   # Layanan Pengadaan Barang dan Jasa
    ("spbe-2020", "I36"): ["services", "applications"],   # Layanan Kepegawaian
    ("spbe-2020", "I37"): ["services", "applications"],   # Layanan Kearsipan Dinamis
    ("spbe-2020", "I38"): ["services", "applications"],   # Layanan Pengelolaan Barang Milik Negara/Daerah
    ("spbe-2020", "I39"): ["services", "applications"],   # Layanan Pengawasan Internal Pemerintah
    ("spbe-2020", "I40"): ["services", "applications"],   # Layanan Akuntabilitas Kinerja Organisasi
    ("spbe-2020", "I41"): ["services", "applications"],   # Layanan Kinerja Pegawai
    ("spbe-2020", "I42"): ["services", "applications"],   # Layanan Pengaduan Pelayanan Publik
    ("spbe-2020", "I43"): ["services", "applications", "data"],  # Layanan Data Terbuka: also the data sets it publishes
    ("spbe-2020", "I44"): ["services", "applications"],   # Layanan Jaringan Dokumentasi dan Informasi Hukum
    ("spbe-2020", "I45"): ["services", "applications"],   # Layanan Publik Sektor 1
    ("spbe-2020", "I46"): ["services", "applications"],   # Layanan Publik Sektor 2
    ("spbe-2020", "I47"): ["services", "applications"],   # Layanan Publik Sektor 3
    # PermenPANRB 8/2026 (provisional framework).
    # Governance: the plans, the teams that run them and whether the regulation's rules are kept.
    ("pemdi-2026", "I1"): ["policy", "architecture", "roadmap", "teams", "compliance"],  # Tata Kelola Pemerintah Digital
    ("pemdi-2026", "I2"): ["services", "service_desk"],   # Manajemen Layanan Digital Pemerintah
    ("pemdi-2026", "I3"): [],                             # Sumber Daya Manusia: no record in Simpul
    ("pemdi-2026", "I4"): [],                             # Kolaborasi: no record in Simpul
    ("pemdi-2026", "I5"): ["data"],                       # Tata Kelola Data (or the SDI score)
    ("pemdi-2026", "I6"): ["data"],                       # Informasi Geospasial: geospatial data sets (or the SJIG score)
    ("pemdi-2026", "I7"): ["data"],                       # Pembangunan Statistik: statistical data sets (or the EPSS score)
    ("pemdi-2026", "I8"): ["data", "security"],           # Pelindungan Data Pribadi
    ("pemdi-2026", "I9"): ["audit", "security"],          # Audit Keamanan dan Teknologi
    ("pemdi-2026", "I10"): ["security"],                  # Keamanan Siber
    ("pemdi-2026", "I11"): ["security"],                  # Kriptografi untuk Keamanan Data
    ("pemdi-2026", "I12"): ["security"],                  # Penanganan Insiden Siber
    ("pemdi-2026", "I13"): ["applications", "handover"],  # Aplikasi Pemerintah Digital
    ("pemdi-2026", "I14"): ["infrastructure"],            # Infrastruktur Pemerintah Digital
    ("pemdi-2026", "I15"): ["architecture", "services"],  # Keterpaduan Proses Bisnis Lintas Sektor
    ("pemdi-2026", "I16"): ["applications", "gateway"],   # Integrasi Aplikasi
    ("pemdi-2026", "I17"): ["services", "applications"],  # Portal Layanan Digital Pemerintah
    ("pemdi-2026", "I18"): ["data", "gateway"],           # Interoperabilitas Data
    ("pemdi-2026", "I19"): ["service_desk"],              # Fasilitas Dukungan Pengguna
    ("pemdi-2026", "I20"): ["service_desk", "services"],  # Pengelolaan Kepuasan Pengguna
}


class FlowList(list):
    """A short list written on one line (`evidence_topics: [policy, data]`)."""


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


def indicator(src, fw_id, id_, scale_id):
    out = {"id": id_, "number": num(src) if ("no" in src or False in src) else int(id_[1:]), "name": src["name"], "weight": src["weight"],
           "scale": scale_id, "criteria": None}
    if (fw_id, id_) not in TOPICS:
        sys.exit(f"{fw_id} {id_} ({src['name']}): no evidence_topics chosen in TOPICS")
    out["evidence_topics"] = FlowList(TOPICS[(fw_id, id_)])
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
                             "indicators": [indicator(i, meta["id"], f"I{num(i)}", scale_id) for i in a["indicators"]]}
                            for a in d["aspects"]],
            })
    else:
        fw["aspects"] = [{"id": f"A{num(a)}", "number": num(a), "name": a["name"], "weight": a["weight"],
                          "indicators": [indicator(i, meta["id"], i["id"], "capability") for i in a["indicators"]]}
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
    yaml.SafeDumper.add_representer(
        FlowList, lambda dumper, value: dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True))
    src_dir = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "frameworks"
    OUT.mkdir(parents=True, exist_ok=True)
    for name in META:
        out, fw = convert(src_dir / name)
        body = yaml.safe_dump(fw, allow_unicode=True, sort_keys=False, width=110)
        (OUT / out).write_text(HEADER.format(source=f"shared/frameworks/{name}") + body, encoding="utf-8")
        print(f"wrote {OUT / out}")


if __name__ == "__main__":
    main()
