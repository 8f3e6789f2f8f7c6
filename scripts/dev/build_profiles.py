#!/usr/bin/env python3
"""Builds profiles/<id>.yaml and profiles/demo/<id>.yaml for the five regions.

Dev tool, run once by hand (the product reads only the YAML files):
    python3 scripts/dev/build_profiles.py ../shared/notes/rule-matrix.json

The region headers below were written from the regulations (shared/regulations/) and the
comparison table of shared/notes/rule-matrix.md; every rule instance comes from the matrix with
its id, citation, kind and parameters. Article numbers give each rule its chapter (BAB).
After hand edits to a YAML file, do not re-run this script over it without merging.
"""
import json
import pathlib
import re
import sys
import datetime

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]

AGENCY_TYPES_STANDARD = ["Sekretariat Daerah", "Sekretariat DPRD", "Inspektorat", "Dinas Daerah", "Badan Daerah", "Kecamatan"]


def slug(text):
    s = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return s[:60]


def role(id_, name, term, flag, rule):
    return {"id": id_, "name": name, "term": term, "agency_flag": flag, "rule": rule}


def pos(id_, name, holder, min_, max_, rule, duties=()):
    return {"id": id_, "name": name, "holder": holder, "min": min_, "max": max_, "rule": rule, "duties": list(duties)}


REGIONS = {
    "bandar-lampung": dict(
        prefix="BDL",
        region=dict(type="kota", name="Kota Bandar Lampung", short_name="Bandar Lampung", head_title="Wali Kota",
                    government_name="Pemerintah Kota Bandar Lampung"),
        regulation=dict(instrument="Peraturan Wali Kota", number=None, year=None,
                        title="Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik", enacted=None, promulgated=None,
                        repeals=None,
                        caveats=["The file has no title page: number, year and dates are unknown (it cites Perpres 132/2022, so it dates from 2022 or later).",
                                 "The file ends at Pasal 46 ayat (6): sanction, transition and closing articles may be missing from the file.",
                                 "Two domains are written: 'bandarlampung.go.id' for Aplikasi Khusus (Pasal 24 ayat (2)) and 'https://www.bandarlampungkota.go.id' for PD websites (Pasal 25 ayat (2)); the profile uses the first for applications."]),
        domain=dict(literal="bandarlampung.go.id", effective="bandarlampung.go.id", rule="BDL-24-2"),
        email_domain=None,
        roles=[role("diskominfo", "Dinas Komunikasi dan Informatika Kota Bandar Lampung", "Diskominfo", "kominfo", "BDL-01-5"),
               role("planning", "Badan Perencanaan Pembangunan Daerah", "Bappeda", "planning", "BDL-09-4"),
               role("inspectorate", "Perangkat Daerah yang membidangi sistem pengendalian internal pemerintah", "Inspektorat", "inspectorate", "BDL-40-1"),
               role("finance", "Perangkat Daerah pengelola keuangan daerah", "BPKAD", "finance", None),
               role("organisation_bureau", "Bagian Organisasi Sekretariat Daerah", "Bagian Organisasi", "organisation_bureau", "BDL-10-3"),
               role("mandiri_tik", "Perangkat Daerah mandiri TIK", "PD mandiri TIK", "mandiri_tik", "BDL-16-3"),
               role("sekda", "Sekretaris Daerah (Koordinator SPBE)", "Sekretaris Daerah", None, "BDL-44-3"),
               role("head_of_region", "Wali Kota Bandar Lampung", "Wali Kota", None, None)],
        teams=[{"id": "tim_koordinasi", "name": "Tim Koordinasi SPBE", "instrument": "Keputusan Wali Kota", "rule": "BDL-44-1", "optional": False,
                "positions": [pos("koordinator", "Koordinator SPBE", "Sekretaris Daerah", 1, 1, "BDL-44-3",
                                  ["Mengarahkan, memantau dan mengevaluasi pelaksanaan SPBE", "Berkoordinasi dengan tim koordinasi SPBE nasional"]),
                              pos("anggota", "Anggota", None, 0, None, "BDL-45-1")]},
               {"id": "tim_asesor_internal", "name": "Tim Asesor Internal", "instrument": "Keputusan Wali Kota", "rule": "BDL-44-1", "optional": False,
                "positions": [pos("ketua", "Ketua", None, 1, 1, "BDL-45-3",
                                  ["Pemantauan dan evaluasi SPBE (regulasi tidak merinci jabatan dalam tim; susunan ketua/anggota adalah ketetapan Simpul)"]),
                              pos("anggota", "Anggota", None, 0, None, "BDL-45-3")]}],
        enums={"agency_types": ("BDL-01-4", "unit_types"), "application_categories": ("BDL-22-2", "categories"),
               "service_sectors": ("BDL-29-2", "sectors"), "administration_service_areas": ("BDL-28-2", "areas"),
               "management_processes": ("BDL-30-1", "processes"), "audit_types": ("BDL-39-1", "types"),
               "architecture_review_reasons": ("BDL-07-3", "triggers")},
    ),
    "balikpapan": dict(
        prefix="BPN",
        region=dict(type="kota", name="Kota Balikpapan", short_name="Balikpapan", head_title="Wali Kota",
                    government_name="Pemerintah Kota Balikpapan"),
        regulation=dict(instrument="Peraturan Wali Kota", number="31", year=2020,
                        title="Sistem Pemerintahan Berbasis Elektronik dalam Penyelenggaraan Pemerintahan Daerah",
                        enacted=datetime.date(2020, 10, 14), promulgated=datetime.date(2020, 10, 15),
                        repeals="Peraturan Wali Kota Balikpapan Nomor 12 Tahun 2016",
                        caveats=["The regulation writes the domain as 'http://www.balikipapan.go.id' and email as '@balikipapan.go.id' (sic); checks use balikpapan.go.id, which an administrator may correct."]),
        domain=dict(literal="http://www.balikipapan.go.id", effective="balikpapan.go.id", rule="BPN-13-1"),
        email_domain=dict(literal="@balikipapan.go.id", effective="balikpapan.go.id", rule="BPN-13-2"),
        roles=[role("diskominfo", "Dinas Komunikasi dan Informatika Kota Balikpapan", "Dinas", "kominfo", "BPN-01-6"),
               role("planning", "Perangkat Daerah yang menyelenggarakan urusan di bidang perencanaan pembangunan Daerah", "PD perencanaan", "planning", "BPN-07-3"),
               role("inspectorate", "Inspektorat Daerah", "Inspektorat", "inspectorate", None),
               role("finance", "Perangkat Daerah yang memiliki kewenangan terkait pengelola keuangan Daerah", "PD keuangan", "finance", "BPN-42-4"),
               role("organisation_bureau", "Bagian Organisasi Sekretariat Daerah", "Bagian Organisasi", "organisation_bureau", "BPN-42-6"),
               role("wali_data", "Perangkat Daerah Wali Data", "PD Wali Data", "wali_data", "BPN-01-30"),
               role("mandiri_tik", "Perangkat Daerah Mandiri TIK", "PD Mandiri TIK", "mandiri_tik", "BPN-43-6"),
               role("sekda", "Sekretaris Daerah selaku koordinator SPBE", "Sekretaris Daerah", None, "BPN-09-5"),
               role("head_of_region", "Wali Kota Balikpapan", "Wali Kota", None, "BPN-42-3")],
        teams=[{"id": "tim_koordinasi", "name": "Tim Koordinasi SPBE", "instrument": "Keputusan Wali Kota", "rule": "BPN-42-1", "optional": False,
                "positions": [pos("pengarah", "Tim Pengarah", "Wali Kota", 1, 1, "BPN-42-3", ["Memberikan arahan dan menetapkan kebijakan SPBE"]),
                              pos("koordinator_ketua", "Ketua Tim Koordinator", "Sekretaris Daerah", 1, 1, "BPN-42-4",
                                  ["Mengoordinasikan dan menerapkan kebijakan SPBE"]),
                              pos("koordinator_anggota", "Anggota Tim Koordinator", "Dinas, PD perencanaan Daerah, PD pengelola keuangan Daerah", 3, 3, "BPN-42-4"),
                              pos("pelaksana", "Tim Pelaksana", "Seluruh Perangkat Daerah", 0, None, "BPN-42-5", ["Melaksanakan SPBE"]),
                              pos("evaluator_ketua", "Ketua Tim Evaluator Internal", "Asisten Administrasi Umum", 1, 1, "BPN-42-6",
                                  ["Melakukan evaluasi internal SPBE"]),
                              pos("evaluator_anggota", "Anggota Tim Evaluator Internal", "Bagian Organisasi Sekretariat Daerah", 1, None, "BPN-42-6")]}],
        enums={"agency_types": (None, None), "application_categories": ("BPN-22-1", "categories"),
               "service_sectors": ("BPN-27-1", "sectors"), "administration_service_areas": ("BPN-26-1", "areas"),
               "management_processes": ("BPN-29-1", "processes"), "audit_types": ("BPN-38-1", "types"),
               "architecture_review_reasons": ("BPN-05-6", "triggers")},
    ),
    "lampung-timur": dict(
        prefix="LTM",
        region=dict(type="kabupaten", name="Kabupaten Lampung Timur", short_name="Lampung Timur", head_title="Bupati",
                    government_name="Pemerintah Kabupaten Lampung Timur"),
        regulation=dict(instrument="Peraturan Bupati", number="16", year=2023,
                        title="Sistem Pemerintahan Berbasis Elektronik", enacted=datetime.date(2023, 7, 10),
                        promulgated=datetime.date(2023, 7, 10), repeals=None,
                        caveats=["No official email domain is stated.", "Management-process details are deferred to a further Peraturan Bupati (Pasal 33 ayat (2))."]),
        domain=dict(literal="https://www.lampungtimurkab.go.id", effective="lampungtimurkab.go.id", rule="LTM-40-3"),
        email_domain=None,
        roles=[role("diskominfo", "Perangkat Daerah yang menyelenggarakan urusan pemerintahan bidang komunikasi dan informatika", "PD Kominfo", "kominfo", "LTM-03-2"),
               role("planning", "Perangkat Daerah yang membidangi perencanaan", "PD perencanaan", "planning", "LTM-10-2"),
               role("inspectorate", "Inspektorat Kabupaten", "Inspektorat", "inspectorate", "LTM-34-5"),
               role("finance", "Perangkat Daerah yang membidangi keuangan", "PD keuangan", "finance", "LTM-10-2"),
               role("organisation_bureau", "Bagian Organisasi (unit tata laksana) Sekretariat Daerah", "Bagian Organisasi", "organisation_bureau", "LTM-11-2"),
               role("wali_data", "Wali Data (Perangkat Daerah urusan statistik)", "Wali Data", "wali_data", "LTM-01-31"),
               role("sekda", "Sekretaris Daerah", "Sekretaris Daerah", None, "LTM-36-1"),
               role("head_of_region", "Bupati Lampung Timur", "Bupati", None, "LTM-37-1")],
        teams=[{"id": "tim_pengarah", "name": "Tim Pengarah SPBE", "instrument": "Keputusan Bupati", "rule": "LTM-35-1", "optional": False,
                "positions": [pos("ketua", "Ketua", "Sekretaris Daerah", 1, 1, "LTM-36-1", ["Memberikan arahan kebijakan SPBE"]),
                              pos("sekretaris", "Sekretaris", "Kepala Perangkat Daerah bidang komunikasi dan informatika", 1, 1, "LTM-36-1"),
                              pos("anggota", "Anggota", "Seluruh Kepala Perangkat Daerah", 0, None, "LTM-36-1")]},
               {"id": "tim_koordinasi", "name": "Tim Koordinasi SPBE", "instrument": "Keputusan Bupati", "rule": "LTM-35-1", "optional": False,
                "positions": [pos("ketua", "Ketua", "Bupati", 1, 1, "LTM-37-1"),
                              pos("koordinator", "Koordinator", "Sekretaris Daerah", 1, 1, "LTM-37-1",
                                  ["Mengendalikan, mengarahkan, memantau dan mengevaluasi SPBE di seluruh Perangkat Daerah"]),
                              pos("anggota", "Anggota", "Seluruh Perangkat Daerah", 0, None, "LTM-37-1")]}],
        enums={"agency_types": (None, None), "application_categories": ("LTM-23-1", "categories"),
               "administration_service_areas": ("LTM-29-2", "areas"), "management_processes": ("LTM-33-1", "processes"),
               "audit_types": ("LTM-34-2", "types"), "architecture_review_reasons": ("LTM-08-10", "triggers"),
               "roadmap_categories": ("LTM-09-3", "contents")},
    ),
    "bontang": dict(
        prefix="BTG",
        region=dict(type="kota", name="Kota Bontang", short_name="Bontang", head_title="Wali Kota",
                    government_name="Pemerintah Kota Bontang"),
        regulation=dict(instrument="Peraturan Wali Kota", number="18", year=2021,
                        title="Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Lingkungan Pemerintah Daerah",
                        enacted=datetime.date(2021, 7, 27), promulgated=datetime.date(2021, 7, 27),
                        repeals="Peraturan Wali Kota Bontang Nomor 16 Tahun 2017",
                        caveats=["Transition: non-conforming applications and ICT devices must comply within 1 year of 27 Juli 2021 (Pasal 51)."]),
        domain=dict(literal="https://bontangkota.go.id", effective="bontangkota.go.id", rule="BTG-29-1"),
        email_domain=dict(literal="@bontangkota.go.id", effective="bontangkota.go.id", rule="BTG-29-2"),
        roles=[role("diskominfo", "Perangkat Daerah yang membidangi komunikasi dan informatika", "Dinas", "kominfo", "BTG-01-5"),
               role("planning", "Perangkat Daerah yang membidangi perencanaan pembangunan Daerah", "PD perencanaan", "planning", "BTG-09"),
               role("inspectorate", "Inspektorat", "Inspektorat", "inspectorate", None),
               role("finance", "Perangkat Daerah pengelola keuangan Daerah", "PD keuangan", "finance", None),
               role("organisation_bureau", "Unit kerja pada Sekretariat Daerah yang membidangi pelayanan publik dan tata laksana", "Bagian Organisasi", "organisation_bureau", "BTG-12-3"),
               role("sekda", "Sekretaris Daerah", "Sekretaris Daerah", None, "BTG-48-2"),
               role("head_of_region", "Wali Kota Bontang", "Wali Kota", None, "BTG-48-1")],
        teams=[{"id": "tim_koordinasi", "name": "Tim Koordinasi SPBE", "instrument": "Keputusan Wali Kota", "rule": "BTG-48-2", "optional": False,
                "positions": [pos("ketua", "Ketua", "Sekretaris Daerah", 1, 1, "BTG-48-2",
                                  ["Mengarahkan, memantau dan mengevaluasi SPBE", "Berkoordinasi dengan tim koordinasi SPBE nasional"]),
                              pos("anggota", "Anggota", None, 0, None, "BTG-48-2")]},
               {"id": "tim_asesor_internal", "name": "Tim Asesor Internal", "instrument": "Keputusan Wali Kota", "rule": "BTG-49-2", "optional": False,
                "positions": [pos("koordinator", "Koordinator", None, 1, 1, "BTG-49-3",
                                  ["Mengoordinasikan pelaksanaan tugas dan dukungan unit kerja", "Memastikan kualitas hasil Penilaian Mandiri",
                                   "Menyampaikan hasil penilaian kepada menteri aparatur negara"]),
                              pos("penanggung_jawab", "Penanggung Jawab", None, 1, 1, "BTG-49-4",
                                  ["Mengoordinasikan aktivitas Tim Asesor Internal", "Memberi saran perbaikan, memvalidasi dan menyetujui jawaban, penjelasan dan bukti pendukung",
                                   "Melaporkan hasil kepada koordinator"]),
                              pos("pelaksana_data_entri", "Pelaksana Data Entri", None, 1, None, "BTG-49-5",
                                  ["Mengumpulkan dan mendokumentasikan jawaban dan bukti pendukung", "Memasukkan data ke aplikasi Pemantauan dan Evaluasi SPBE",
                                   "Melaporkan hasil sementara kepada penanggung jawab"]),
                              pos("anggota", "Anggota", "Unit kerja/Perangkat Daerah terkait", 0, None, "BTG-49-6",
                                  ["Bimbingan teknis", "Penyiapan bukti pendukung", "Penilaian Mandiri", "Interviu dan/atau visitasi"])]}],
        enums={"agency_types": (None, None), "application_categories": ("BTG-23-2", "categories"),
               "service_sectors": ("BTG-33-1", "sectors_d"), "administration_service_areas": ("BTG-32-1", "areas"),
               "management_processes": ("BTG-35-1", "processes"), "audit_types": ("BTG-44-1", "types"),
               "architecture_review_reasons": ("BTG-05-7", "triggers"), "spending_categories": ("BTG-08-1", "categories")},
    ),
    "madiun": dict(
        prefix="MDN",
        region=dict(type="kota", name="Kota Madiun", short_name="Madiun", head_title="Walikota",
                    government_name="Pemerintah Kota Madiun"),
        regulation=dict(instrument="Peraturan Walikota", number=None, year=2021,
                        title="Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik di Lingkungan Pemerintah Kota Madiun",
                        enacted=None, promulgated=None,
                        repeals="Peraturan Walikota Madiun Nomor 50 Tahun 2020 (Masterplan e-Government 2019-2023)",
                        caveats=["The regulation number is blank in the text; '2 Agustus 2021' is printed unlabelled.", "No official email domain is stated."]),
        domain=dict(literal="www.madiunkota.go.id", effective="madiunkota.go.id", rule="MDN-21-2"),
        email_domain=None,
        roles=[role("diskominfo", "Dinas Komunikasi dan Informatika Kota Madiun", "Dinas", "kominfo", "MDN-01-5"),
               role("planning", "Badan Perencanaan, Penelitian dan Pengembangan Daerah", "Bappelitbangda", "planning", "MDN-08-3"),
               role("inspectorate", "Inspektorat", "Inspektorat", "inspectorate", None),
               role("finance", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "finance", None),
               role("organisation_bureau", "Bagian Organisasi Sekretariat Daerah", "Bagian Organisasi", "organisation_bureau", "MDN-09-2"),
               role("mandiri_tik", "Perangkat Daerah Mandiri TIK", "PD Mandiri TIK", "mandiri_tik", "MDN-45-6"),
               role("sekda", "Sekretaris Daerah (Ketua Tim Koordinasi SPBE)", "Sekretaris Daerah", None, "MDN-44-3"),
               role("head_of_region", "Walikota Madiun", "Walikota", None, "MDN-44-1")],
        teams=[{"id": "tim_koordinasi", "name": "Tim Koordinasi SPBE", "instrument": "Keputusan Walikota", "rule": "MDN-44-1", "optional": True,
                "positions": [pos("ketua", "Ketua", "Sekretaris Daerah", 1, 1, "MDN-44-3"),
                              pos("wakil_ketua", "Wakil Ketua", "Asisten Administrasi Pembangunan dan Kesejahteraan Rakyat", 1, 1, "MDN-44-3"),
                              pos("sekretaris_i", "Sekretaris I", "Kepala Dinas Komunikasi dan Informatika", 1, 1, "MDN-44-3"),
                              pos("sekretaris_ii", "Sekretaris II", "Kepala Bagian Organisasi Sekretariat Daerah", 1, 1, "MDN-44-3"),
                              pos("anggota", "Anggota", "Kepala Perangkat Daerah lainnya sesuai kebutuhan", 0, None, "MDN-44-3")]}],
        enums={"agency_types": (None, None), "application_categories": ("MDN-23-2", "categories"),
               "service_sectors": ("MDN-29-1", "sectors"), "administration_service_areas": ("MDN-28-1", "areas"),
               "management_processes": ("MDN-31-1", "processes"), "audit_types": ("MDN-40-1", "types"),
               "architecture_review_reasons": ("MDN-06-11", "triggers"), "roadmap_categories": ("MDN-07-1", "contents")},
    ),
}

REG_FILES = {"bandar-lampung": "bandar-lampung-perwali-spbe.txt", "balikpapan": "balikpapan-perwali-31-2020.txt",
             "lampung-timur": "lampung-timur-perbup-16-2023.txt", "bontang": "bontang-perwali-18-2021.txt",
             "madiun": "madiun-perwali-2021.txt"}


def chapters_of(path):
    """BAB headings and the Pasal they span, read from the regulation text."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    chapters, current = [], None
    for i, line in enumerate(lines):
        s = line.strip()
        m = re.match(r"^BAB\s+([IVXL]+)\b\s*(.*)$", s)
        if m:
            title, j = m.group(2).strip(), i + 1
            while len(title) < 4:
                title = (title + " " + lines[j].strip()).strip()
                j += 1
            while j < len(lines) and lines[j].strip() and lines[j].strip().isupper() and not lines[j].strip().startswith("PASAL"):
                title += " " + lines[j].strip()
                j += 1
            title = re.sub(r"\s+", " ", title).replace("BERBASIS ELEKTRONIK ELEKTRONIK", "BERBASIS ELEKTRONIK")
            current = {"id": m.group(1), "title": title, "first_article": None, "last_article": None}
            chapters.append(current)
            continue
        m = re.match(r"^Pasal\s+(\d+)\s*$", s)
        if m and current:
            n = int(m.group(1))
            current["first_article"] = current["first_article"] or n
            current["last_article"] = max(current["last_article"] or 0, n)
    for c in chapters:
        if c["title"].endswith("BERBASIS"):
            c["title"] += " ELEKTRONIK"
    return chapters


def flat(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value]
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return [f"{k}. {v}" if len(k) == 1 else f"{k}: {v}" for k, v in value.items()]
    return json.dumps(value, ensure_ascii=False)


def items_of(value):
    if isinstance(value, dict):
        value = list(value.values())
    out, seen = [], set()
    for name in value:
        if not isinstance(name, str):
            continue
        i = slug(name)
        if i in seen:
            continue
        seen.add(i)
        out.append({"id": i, "name": name})
    return out


def rule_entry(r, chapters):
    m = re.match(r"Pasal (\d+)", r["citation"])
    article = int(m.group(1)) if m else 0
    chapter = chapters[0]["id"]
    for c in chapters:
        if c["first_article"] and c["first_article"] <= max(article, 1) <= c["last_article"]:
            chapter = c["id"]
    checkable, _, how = r["checkable"].partition(":")
    return {"id": r["id"], "citation": r["citation"], "article": article, "chapter": chapter, "kind": r["kind"],
            "who": r["who"], "what": r["what"], "object": r["object"],
            "parameters": {k: flat(v) for k, v in r["parameters"].items()},
            "checkable": checkable.strip(), "how": (r.get("how_to_check") or how).strip()}


def main(matrix_path):
    matrix = json.load(open(matrix_path, encoding="utf-8"))
    regulations = pathlib.Path(matrix_path).resolve().parents[1] / "regulations"
    for pid, h in REGIONS.items():
        rules = [r for r in matrix if r["id"].startswith(h["prefix"] + "-")]
        by_id = {r["id"]: r for r in rules}
        chapters = chapters_of(regulations / REG_FILES[pid])
        for team in h["teams"]:
            assert team["rule"] in by_id, team["rule"]
            for p in team["positions"]:
                assert p["rule"] is None or p["rule"] in by_id, p["rule"]
        for r in h["roles"]:
            if r["rule"] and r["rule"] not in by_id:
                print(f"{pid}: role {r['id']} cites unknown {r['rule']}; set to null", file=sys.stderr)
                r["rule"] = None
        enums = {}
        for name, (rid, key) in h["enums"].items():
            if name == "agency_types" and rid is None:
                enums[name] = {"rule": None, "note": "not listed in this regulation; the standard kinds of Perangkat Daerah",
                               "items": items_of(AGENCY_TYPES_STANDARD)}
                continue
            enums[name] = {"rule": rid, "items": items_of(by_id[rid]["parameters"][key])}
        doc = {"schema": "simpul.profile/1", "id": pid, "version": 1, "rule_prefix": h["prefix"], "region": h["region"],
               "regulation": h["regulation"], "domain": h["domain"], "email_domain": h["email_domain"], "roles": h["roles"],
               "teams": h["teams"], "chapters": chapters, "enumerations": enums,
               "rules": [rule_entry(r, chapters) for r in rules]}
        out = ROOT / "profiles" / f"{pid}.yaml"
        header = (f"# Regulation profile: {h['region']['name']}.\n# Format: docs/profile-format.md. Rules: shared/notes/rule-matrix.md "
                  f"(ids {h['prefix']}-*). Built by scripts/dev/build_profiles.py, then reviewed by hand.\n")
        out.write_text(header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
        print(f"wrote {out} ({len(rules)} rules, {len(chapters)} chapters)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "notes" / "rule-matrix.json"))
