#!/usr/bin/env python3
"""Quick consistency check of the profiles' applications:, compliance: and sanctions: sections.

Usage: scripts/dev/check_profile_compliance.py [profile.yaml ...]   (default: profiles/*.yaml)

Needs PyYAML (apt-get install python3-yaml). It mirrors what the C++ loader and the rule compiler
(src/tenancy/profile_applications.cpp, src/regulation/compile.cpp) check, plus the field names of
docs/compliance.md, so a profile edit can be checked without a build:
- every compliance/sanctions rule id is in the profile's rules: list;
- every `when` and `params.field` name is a fact field of the instance's subject;
- every stage id exists in the lifecycle; every handover document and similar-app condition id used
  exists in the applications section; roles exist; kinds have their parameters;
- nonconforming_with and sanctions.applies_to name rules that have a compliance instance.
Prints one line per problem and exits 1 if there is any.
"""
import glob
import os
import sys

import yaml

# docs/compliance.md, "Facts".
FIELDS = {
    "application": {
        "category", "stage", "stage_index", "live", "host", "url", "contact_email", "hosting", "builder",
        "source_model", "similar_to_umum", "owner_mandiri_tik", "services", "last_audit_date", "live_since",
        "has", "documents", "justification",
    },
    "architecture_document": {"kind", "approved", "valid", "review_due"},
    "service": {"applications"},
    "recommendation": set(),
    # Infrastruktur SPBE (src/infrastructure/facts.cpp, docs/infrastructure.md).
    "server": {"live", "environment", "hosting", "managed_by", "placement", "in_pusat_data", "site_standard", "owner_mandiri_tik"},
    "site": {"kind", "status", "standard"},
    "backup_duty": {"exempt", "state", "performed_by", "target_in_pusat_data", "owner_has_standard_room"},
    "lan": {"built_by", "diagram_state", "last_diagram_on"},
    "device": {"kind", "coordinated", "change_reported"},
}
DATE_FIELDS = {"application": {"last_audit_date", "live_since"}, "architecture_document": {"review_due"}}
SETS = {"has", "documents", "justification"}
HAS_ITEMS = {"recommendation", "ministry_consideration", "closed_source_consideration", "similar_consideration",
             "test_passed"}
VALUES = {
    "live": {"ya", "tidak"},
    "similar_to_umum": {"ya", "tidak"},
    "owner_mandiri_tik": {"ya", "tidak"},
    "approved": {"ya", "tidak"},
    "valid": {"ya", "tidak"},
    # "kind" of an architecture document, an infrastructure site or a network device.
    "kind": {"arsitektur", "peta_rencana", "pusat_data_pemda", "pdn", "ruang_server_pd", "router", "switch", "access_point",
             "firewall", "lainnya"},
    "source_model": {"terbuka", "tertutup"},
    "hosting": {"pusat_data_kolokasi", "pusat_data_vps", "server_sendiri", "luar_pusat_data"},
    "builder": {"dinas", "pd_mandiri_tik", "perangkat_daerah", "vendor"},
    "environment": {"produksi", "pengembangan", "uji"},
    "managed_by": {"dinas", "pd"},
    "placement": {"pusat_data_pemda", "pdn", "ruang_server_pd", "luar"},
    "in_pusat_data": {"ya", "tidak"},
    "site_standard": {"memenuhi", "tidak_memenuhi", "belum_dinilai", ""},
    "status": {"operasi", "rencana"},
    "standard": {"memenuhi", "tidak_memenuhi", "belum_dinilai"},
    "exempt": {"ya", "tidak"},
    "state": {"ok", "dikecualikan", "target_di_luar_pusat_data", "terlambat", "gagal", "tanpa_uji_pemulihan"},
    "target_in_pusat_data": {"ya", "tidak"},
    "owner_has_standard_room": {"ya", "tidak"},
    "diagram_state": {"terkini", "belum_jatuh_tempo", "belum_ada", "terlambat"},
    "coordinated": {"ya", "tidak"},
    "change_reported": {"ya", "tidak"},
}
KIND_PARAMS = {
    "value-must-match-pattern": {"field", "pattern", "one_of"},
    "required-documents": {"set", "items"},
    "precondition-of-transition": {"to_stage", "requires"},
    "deadline-since-event": {"event", "months", "nonconforming_with"},
    "periodic-duty": {"last", "start", "months"},
    "approval-chain": {"by", "distinct_from_requester"},
}
PATTERNS = {"subdomain_of_domain", "email_domain", "present"}
SEVERITIES = {"tinggi", "sedang", "rendah"}


def check(path):
    problems = []

    def bad(where, message):
        problems.append("%s: %s: %s" % (os.path.basename(path), where, message))

    with open(path, encoding="utf-8") as f:
        p = yaml.safe_load(f)
    rules = {r["id"] for r in p.get("rules", [])}
    roles = {r["id"] for r in p.get("roles", [])}
    enums = p.get("enumerations", {})
    apps = p.get("applications")
    if not apps:
        bad("applications", "missing")
        return problems

    categories = {i["id"] for i in enums.get(apps["categories"], {}).get("items", [])}
    if not categories:
        bad("applications.categories", "names no enumeration with items")
    for c in apps.get("khusus_categories", []) + [apps.get("umum_category")]:
        if c not in categories:
            bad("applications", "unknown category %r" % c)
    stages = [s["id"] for s in apps["lifecycle"]["stages"]]
    expected = ["kajian_kebutuhan", "perencanaan", "rancang_bangun", "implementasi", "pengujian_kelaikan",
                "pemeliharaan", "evaluasi"]
    if stages != expected:
        bad("applications.lifecycle.stages", "not the seven stages in order: %s" % stages)
    for s in apps["lifecycle"]["live_stages"]:
        if s not in stages:
            bad("applications.lifecycle.live_stages", "unknown stage %r" % s)
    for key, rule in (("lifecycle.rule", apps["lifecycle"].get("rule")),
                      ("recommendation_rule", apps.get("recommendation_rule")),
                      ("handover.rule", (apps.get("handover") or {}).get("rule")),
                      ("similar_to_umum.rule", (apps.get("similar_to_umum") or {}).get("rule"))):
        if rule is not None and rule not in rules:
            bad("applications." + key, "rule %r is not in rules:" % rule)
    if apps.get("recommender") not in roles:
        bad("applications.recommender", "not a role: %r" % apps.get("recommender"))
    documents = {d["id"] for d in (apps.get("handover") or {}).get("documents", [])}
    conditions = {c["id"] for c in (apps.get("similar_to_umum") or {}).get("conditions", [])}

    instances = p.get("compliance") or []
    enforced = [c["rule"] for c in instances]
    for i, c in enumerate(instances):
        where = "compliance[%d](%s)" % (i, c.get("rule"))
        for key in ("rule", "kind", "subject", "title", "title_en", "severity", "responsible", "params"):
            if key not in c:
                bad(where, "missing %s" % key)
        if c.get("rule") not in rules:
            bad(where, "rule is not in rules:")
        subject = c.get("subject")
        if subject not in FIELDS:
            bad(where, "unknown subject %r" % subject)
            continue
        if c.get("severity") not in SEVERITIES:
            bad(where, "bad severity %r" % c.get("severity"))
        if c.get("responsible") != "owner" and c.get("responsible") not in roles:
            bad(where, "responsible %r is not owner or a role" % c.get("responsible"))
        if not isinstance(c.get("gate", False), bool):
            bad(where, "gate must be true or false")
        for field, values in (c.get("when") or {}).items():
            if field not in FIELDS[subject]:
                bad(where, "when field %r is not a fact field of %s" % (field, subject))
            if not isinstance(values, list) or not values:
                bad(where, "when.%s must be a non-empty list" % field)
                continue
            allowed = VALUES.get(field)
            if field == "category":
                allowed = categories
            elif field == "stage":
                allowed = set(stages)
            for v in values:
                if not isinstance(v, str):
                    bad(where, "when.%s value %r is not text (YAML turned it into %s)" % (field, v, type(v).__name__))
                elif allowed and v not in allowed:
                    bad(where, "when.%s value %r is not one of %s" % (field, v, sorted(allowed)))
        params = c.get("params") or {}
        kind = c.get("kind")
        if kind not in KIND_PARAMS:
            bad(where, "unknown kind %r" % kind)
            continue
        for key in params:
            if key not in KIND_PARAMS[kind]:
                bad(where, "params.%s is not a parameter of %s" % (key, kind))
        if kind == "value-must-match-pattern":
            field = params.get("field")
            if field not in FIELDS[subject]:
                bad(where, "params.field %r is not a fact field of %s" % (field, subject))
            if ("pattern" in params) == ("one_of" in params):
                bad(where, "give exactly one of pattern and one_of")
            if "pattern" in params and params["pattern"] not in PATTERNS:
                bad(where, "unknown pattern %r" % params["pattern"])
            if params.get("pattern") == "email_domain" and not p.get("email_domain"):
                bad(where, "the profile states no email_domain")
            if params.get("pattern") == "subdomain_of_domain" and not p.get("domain"):
                bad(where, "the profile states no domain")
            allowed = VALUES.get(field)
            for v in params.get("one_of", []):
                if allowed and v not in allowed:
                    bad(where, "one_of value %r is not one of %s" % (v, sorted(allowed)))
        elif kind == "required-documents":
            s = params.get("set", "documents")
            if s not in SETS or s not in FIELDS[subject]:
                bad(where, "set %r is not a set of %s" % (s, subject))
            known = documents if s == "documents" else conditions if s == "justification" else HAS_ITEMS
            for item in params.get("items") or []:
                if item not in known:
                    bad(where, "item %r is not a %s id of the applications section" % (item, s))
            if not params.get("items"):
                bad(where, "items is required")
        elif kind == "precondition-of-transition":
            if params.get("to_stage") not in stages:
                bad(where, "to_stage %r is not a lifecycle stage" % params.get("to_stage"))
            for item in params.get("requires") or []:
                if item not in HAS_ITEMS:
                    bad(where, "requires %r is not an item of the has set" % item)
            if not params.get("requires"):
                bad(where, "requires is required")
        elif kind == "deadline-since-event":
            event = params.get("event")
            if event == "regulation.enacted":
                if not p.get("regulation", {}).get("enacted"):
                    bad(where, "the profile has no regulation.enacted")
            elif event not in DATE_FIELDS.get(subject, set()):
                bad(where, "event %r is neither regulation.enacted nor a date field of %s" % (event, subject))
            if not isinstance(params.get("months"), int):
                bad(where, "months must be an integer")
            for rid in params.get("nonconforming_with", []):
                if rid not in rules:
                    bad(where, "nonconforming_with %r is not in rules:" % rid)
                if enforced.count(rid) == 0 or rid == c["rule"]:
                    bad(where, "nonconforming_with %r has no other compliance instance" % rid)
        elif kind == "periodic-duty":
            for key in ("last", "start"):
                if key in params and params[key] not in DATE_FIELDS.get(subject, set()):
                    bad(where, "%s %r is not a date field of %s" % (key, params[key], subject))
            if not isinstance(params.get("months"), int) or params["months"] < 1:
                bad(where, "months must be an integer >= 1")
        elif kind == "approval-chain":
            if params.get("by") not in roles:
                bad(where, "by %r is not a role" % params.get("by"))
            if c.get("gate") is not True:
                bad(where, "an approval-chain must be a gate")

    s = p.get("sanctions")
    if s:
        for key in ("rule", "trigger_rule"):
            if s.get(key) not in rules:
                bad("sanctions." + key, "%r is not in rules:" % s.get(key))
        for rid in s.get("applies_to", []):
            if rid not in rules:
                bad("sanctions.applies_to", "%r is not in rules:" % rid)
            if rid not in enforced:
                bad("sanctions.applies_to", "%r has no compliance instance" % rid)
        if not s.get("steps"):
            bad("sanctions.steps", "needs at least one step")
    return problems


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(repo, "profiles", "*.yaml")))
    problems = []
    for path in paths:
        found = check(path)
        problems += found
        print("%s: %s" % (os.path.basename(path), "ok" if not found else "%d problem(s)" % len(found)))
    for line in problems:
        print("  " + line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
