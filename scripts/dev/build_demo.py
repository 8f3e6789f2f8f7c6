#!/usr/bin/env python3
"""Writes profiles/demo/<id>.yaml: a realistic demo organisation for each region.

Agency names follow the usual nomenclature of Indonesian Perangkat Daerah (Permendagri-style
names with each city's own planning agency and kecamatan). People are fictional.
"""
import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]

REGIONS = {
    "bandar-lampung": dict(place="Kota Bandar Lampung", planning=("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Bappeda"),
                           kecamatan=["Tanjung Karang Pusat", "Teluk Betung Utara", "Kedaton", "Rajabasa", "Sukarame", "Way Halim"],
                           mandiri=["DINKES"], wali_data=None),
    "balikpapan": dict(place="Kota Balikpapan",
                       planning=("BAPPEDALITBANG", "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan", "Bappedalitbang"),
                       kecamatan=["Balikpapan Kota", "Balikpapan Selatan", "Balikpapan Utara", "Balikpapan Timur", "Balikpapan Barat", "Balikpapan Tengah"],
                       mandiri=["BPKAD"], wali_data="DISKOMINFO"),
    "lampung-timur": dict(place="Kabupaten Lampung Timur", planning=("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Bappeda"),
                          kecamatan=["Sukadana", "Way Jepara", "Labuhan Maringgai", "Pekalongan", "Batanghari", "Sekampung"],
                          mandiri=[], wali_data="DISKOMINFO"),
    "bontang": dict(place="Kota Bontang", planning=("BAPPELITBANG", "Badan Perencanaan, Penelitian dan Pengembangan Pembangunan Daerah", "Bappelitbang"),
                    kecamatan=["Bontang Utara", "Bontang Selatan", "Bontang Barat"], mandiri=[], wali_data=None),
    "madiun": dict(place="Kota Madiun", planning=("BAPPELITBANGDA", "Badan Perencanaan, Penelitian dan Pengembangan Daerah", "Bappelitbangda"),
                   kecamatan=["Kartoharjo", "Manguharjo", "Taman"], mandiri=["DINKES"], wali_data=None),
}

# (code, name without the place, short name, type, flags, head title)
COMMON = [
    ("SETDA", "Sekretariat Daerah", "Setda", "sekretariat_daerah", [], "Sekretaris Daerah"),
    ("ORGANISASI", "Bagian Organisasi Sekretariat Daerah", "Bagian Organisasi", "sekretariat_daerah", ["organisation_bureau"], "Kepala Bagian"),
    ("SETWAN", "Sekretariat DPRD", "Setwan", "sekretariat_dprd", [], "Sekretaris DPRD"),
    ("INSPEKTORAT", "Inspektorat Daerah", "Inspektorat", "inspektorat", ["inspectorate"], "Inspektur"),
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika", "Diskominfo", "dinas_daerah", ["kominfo"], "Kepala Dinas"),
    ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "badan_daerah", ["finance"], "Kepala Badan"),
    ("BAPENDA", "Badan Pendapatan Daerah", "Bapenda", "badan_daerah", [], "Kepala Badan"),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "badan_daerah", [], "Kepala Badan"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", "BPBD", "badan_daerah", [], "Kepala Pelaksana"),
    ("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "badan_daerah", [], "Kepala Badan"),
    ("DISDIK", "Dinas Pendidikan dan Kebudayaan", "Disdikbud", "dinas_daerah", [], "Kepala Dinas"),
    ("DINKES", "Dinas Kesehatan", "Dinkes", "dinas_daerah", [], "Kepala Dinas"),
    ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "dinas_daerah", [], "Kepala Dinas"),
    ("DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman", "Disperkim", "dinas_daerah", [], "Kepala Dinas"),
    ("SATPOLPP", "Satuan Polisi Pamong Praja", "Satpol PP", "dinas_daerah", [], "Kepala Satuan"),
    ("DINSOS", "Dinas Sosial", "Dinsos", "dinas_daerah", [], "Kepala Dinas"),
    ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "dinas_daerah", [], "Kepala Dinas"),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "dinas_daerah", [], "Kepala Dinas"),
    ("DISHUB", "Dinas Perhubungan", "Dishub", "dinas_daerah", [], "Kepala Dinas"),
    ("DLH", "Dinas Lingkungan Hidup", "DLH", "dinas_daerah", [], "Kepala Dinas"),
    ("DISPORAPAR", "Dinas Pemuda, Olahraga dan Pariwisata", "Disporapar", "dinas_daerah", [], "Kepala Dinas"),
    ("DISKOPUMKM", "Dinas Koperasi, Usaha Mikro, Kecil dan Menengah", "Diskop UMKM", "dinas_daerah", [], "Kepala Dinas"),
    ("DKPP", "Dinas Ketahanan Pangan, Pertanian dan Perikanan", "DKPP", "dinas_daerah", [], "Kepala Dinas"),
    ("DISNAKER", "Dinas Tenaga Kerja", "Disnaker", "dinas_daerah", [], "Kepala Dinas"),
    ("DP3AKB", "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana", "DP3AKB", "dinas_daerah", [], "Kepala Dinas"),
    ("DISPUSIP", "Dinas Perpustakaan dan Kearsipan", "Dispusip", "dinas_daerah", [], "Kepala Dinas"),
]

USERS = [
    ("op.dinkes", "Rina Kusumawati (demo)", "DINKES", ["agency_operator"]),
    ("op.disdukcapil", "Agus Setiawan (demo)", "DISDUKCAPIL", ["agency_operator"]),
    ("perencana", "Dewi Lestari (demo)", "@planning", ["planner"]),
    ("auditor", "Bambang Prasetyo (demo)", "INSPEKTORAT", ["auditor"]),
    ("sekda", "Hendra Wijaya (demo)", "SETDA", ["approver"]),
    ("asesor.satu", "Siti Rahmawati (demo)", "ORGANISASI", ["assessor"]),
    ("asesor.dua", "Yusuf Hidayat (demo)", "DISKOMINFO", ["assessor"]),
    ("pembaca", "Maya Anggraini (demo)", "DISPUSIP", ["viewer"]),
]


def main():
    for pid, r in REGIONS.items():
        profile = yaml.safe_load((ROOT / "profiles" / f"{pid}.yaml").read_text(encoding="utf-8"))
        has_mandiri = any(role.get("agency_flag") == "mandiri_tik" for role in profile["roles"])
        has_wali = any(role.get("agency_flag") == "wali_data" for role in profile["roles"])
        place = r["place"]
        agencies = []
        for code, name, short, type_, flags, head in COMMON:
            flags = list(flags)
            if code == r["wali_data"] and has_wali:
                flags.append("wali_data")
            agency = {"code": code, "name": f"{name} {place}", "short_name": short, "type": type_, "flags": flags,
                      "mandiri_tik_decree": None, "head_title": head}
            if code in r["mandiri"] and has_mandiri:
                agency["flags"].append("mandiri_tik")
                agency["mandiri_tik_decree"] = f"Keputusan {profile['region']['head_title']} Nomor 100.3.3/{len(agencies) + 1}/2025 (contoh data demo)"
            agencies.append(agency)
        pcode, pname, pshort = r["planning"]
        agencies.insert(5, {"code": pcode, "name": f"{pname} {place}", "short_name": pshort, "type": "badan_daerah",
                            "flags": ["planning"], "mandiri_tik_decree": None, "head_title": "Kepala Badan"})
        for k in r["kecamatan"]:
            agencies.append({"code": "KEC-" + k.upper().replace(" ", "")[:16], "name": f"Kecamatan {k}", "short_name": f"Kec. {k}",
                             "type": "kecamatan", "flags": [], "mandiri_tik_decree": None, "head_title": "Camat"})
        positions = [{"id": "head_of_region", "title": profile["region"]["head_title"] + " " + profile["region"]["short_name"],
                      "agency": "SETDA", "holder_name": "Drs. Ahmad Santoso (demo)"},
                     {"id": "sekda", "title": "Sekretaris Daerah", "agency": "SETDA", "holder_name": "Hendra Wijaya, S.H., M.Si. (demo)"},
                     {"id": "kepala_diskominfo", "title": "Kepala Dinas Komunikasi dan Informatika", "agency": "DISKOMINFO",
                      "holder_name": "Ir. Yudi Pratama, M.T. (demo)"}]
        users = [{"username": u, "display_name": n, "agency": pcode if a == "@planning" else a, "roles": roles} for u, n, a, roles in USERS]
        doc = {"schema": "simpul.demo/1", "profile": pid, "agencies": agencies, "positions": positions, "users": users}
        out = ROOT / "profiles" / "demo" / f"{pid}.yaml"
        out.write_text("# Demo organisation for the profile " + pid + ". People are fictional.\n" +
                       yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
        print(f"wrote {out} ({len(agencies)} agencies)")


if __name__ == "__main__":
    main()
