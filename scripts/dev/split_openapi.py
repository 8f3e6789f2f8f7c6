#!/usr/bin/env python3
"""One-off: splits the hand-written docs/openapi.json into each module's own description
(src/<module>/openapi.cpp), merging in response schemas inferred from the API tests' answers
(scripts/dev/infer_schemas.py) where the hand-written one was a bare object."""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
OWNERS = {  # path prefix -> module folder
    "/api/agencies": "tenancy", "/api/tenant": "tenancy", "/api/profiles": "tenancy", "/api/teams": "tenancy",
    "/api/auth": "identity", "/api/users": "identity", "/api/roles": "identity", "/api/permissions": "identity",
    "/api/tokens": "identity", "/api/security-settings": "identity", "/api/role-grants": "identity",
    "/api/ledger": "ledger",
    "/api/architecture": "architecture", "/api/roadmap": "architecture",
    "/api/compliance": "regulation",
    "/api/applications": "applications", "/api/recommendations": "applications", "/api/artifacts": "applications",
    "/api/evaluation": "evaluation",
    "/api/gateway": "gateway/control",
    "/api/dashboard": "app", "/api/errors": "app", "/api/openapi.json": "app", "/healthz": "app", "/metrics": "app",
}
SHARED = {"Error", "Page"}  # described by the platform itself (app)
# Answers that are documents of their own (a profile as its YAML says, an uploaded OpenAPI file):
# free-form by nature, never inferred.
FREE_FORM = {"GET /api/openapi.json", "GET /api/profiles/{id}", "GET /api/gateway/services/{id}/openapi"}


def owner(path):
    best = max((p for p in OWNERS if path == p or path.startswith(p + "/")), key=len)
    return OWNERS[best]


def bare(schema, comps):
    if schema is None:
        return True
    if "$ref" in schema:
        return bare(comps.get(schema["$ref"].split("/")[-1]), comps)
    if schema.get("type") == "object" and "properties" not in schema:
        return True
    if schema.get("type") == "array":
        return bare(schema.get("items"), comps)
    return False


def refs(node, out):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            out.add(node["$ref"].split("/")[-1])
        for v in node.values():
            refs(v, out)
    elif isinstance(node, list):
        for v in node:
            refs(v, out)


def main():
    doc = json.loads((ROOT / "docs" / "openapi.json").read_text())
    inferred = json.loads(pathlib.Path(sys.argv[1]).read_text()) if len(sys.argv) > 1 else {}
    comps = doc["components"]["schemas"]
    fragments = {}
    use = {}
    for path, ops in doc["paths"].items():
        mod = owner(path)
        frag = fragments.setdefault(mod, {"paths": {}})
        for method, op in ops.items():
            op = dict(op)
            op.pop("operationId", None)
            op["responses"] = {k: v for k, v in op["responses"].items() if k != "default"}
            # Path parameters are added from the path unless they say more than "a string".
            params = [p for p in op.get("parameters", []) if not (p["in"] == "path" and p["schema"] == {"type": "string"})]
            if params:
                op["parameters"] = params
            else:
                op.pop("parameters", None)
            for status, resp in op["responses"].items():
                schema = resp.get("content", {}).get("application/json", {}).get("schema")
                key = f"{method.upper()} {path}"
                seen = None if key in FREE_FORM else inferred.get(key, {}).get(status)
                if resp.get("content") and bare(schema, comps) and seen:
                    resp["content"]["application/json"]["schema"] = seen
            frag["paths"].setdefault(path, {})[method] = op
            names = set()
            refs(op, names)
            for n in names:
                use.setdefault(n, set()).add(mod)
    for name, schema in comps.items():
        mods = use.get(name, {"app"})
        mod = "app" if name in SHARED or len(mods) > 1 and "app" in mods else sorted(mods)[0]
        fragments.setdefault(mod, {"paths": {}}).setdefault("components", {"schemas": {}})["schemas"][name] = schema
    for mod, frag in fragments.items():
        ns = {"app": "app", "gateway/control": "gateway::control"}.get(mod, mod)
        text = json.dumps(frag, indent=1, ensure_ascii=False)
        cpp = (f"// The routes of this module as the API contract states them (http/api_description.hpp): request\n"
               f"// and response schemas, summaries and permissions. Registered with the routes; served at\n"
               f"// /api/openapi.json; every answer the API tests receive is checked against it.\n"
               f"#include <string_view>\n\nnamespace simpul::{ns} {{\n\n"
               f"std::string_view openapi_fragment() {{\n  return R\"json({text})json\";\n}}\n\n}}  // namespace simpul::{ns}\n")
        (ROOT / "src" / mod / "openapi.cpp").write_text(cpp)
        print(mod, len(frag["paths"]), "paths", len(frag.get("components", {}).get("schemas", {})), "schemas")


if __name__ == "__main__":
    main()
