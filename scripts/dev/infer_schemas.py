#!/usr/bin/env python3
"""Derives JSON response schemas from the answers the API tests actually received.

    SIMPUL_RECORD_RESPONSES=/tmp/samples build/tests/api/simpul_api_tests
    scripts/dev/infer_schemas.py /tmp/samples > /tmp/schemas.json

Output: {"<METHOD> <pattern>": {"<status>": schema}} for successful answers. A property is required
when every sample of that object had it; a value seen as null is nullable; integers stay integers
unless a fraction was seen. The result is a starting point that a person reviews (names, enums,
descriptions) before it becomes a route's declared schema; the API tests then hold the code to it.
"""
import json
import pathlib
import sys


def merge(a, b):
    """Least upper bound of two schemas. An empty schema is the items of an empty list: nothing
    seen yet, so the other side's shape wins (an empty list in one answer says nothing)."""
    if not a:
        return a if b is None else b
    if not b:
        return a
    nullable = a.get("nullable", False) or b.get("nullable", False)
    ta, tb = a.get("type"), b.get("type")
    if ta == "null":
        out = dict(b)
    elif tb == "null":
        out = dict(a)
    elif ta == tb == "object":
        props = {}
        for k in set(a.get("properties", {})) | set(b.get("properties", {})):
            props[k] = merge(a.get("properties", {}).get(k), b.get("properties", {}).get(k))
        req = sorted(set(a.get("required", [])) & set(b.get("required", [])))
        out = {"type": "object", "properties": props}
        if req:
            out["required"] = req
    elif ta == tb == "array":
        out = {"type": "array", "items": merge(a.get("items"), b.get("items")) or {}}
    elif {ta, tb} == {"integer", "number"}:
        out = {"type": "number"}
    elif ta == tb:
        out = dict(a)
    else:
        out = {}  # two different types: any value
    if nullable or ta == "null" or tb == "null":
        if out:
            out["nullable"] = True
    return out


def of(value):
    if value is None:
        return {"type": "null"}
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        return {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    if isinstance(value, str):
        return {"type": "string"}
    if isinstance(value, list):
        items = None
        for v in value:
            items = merge(items, of(v))
        return {"type": "array", "items": items or {}}
    props = {k: of(v) for k, v in value.items()}
    out = {"type": "object", "properties": props}
    if props:
        out["required"] = sorted(props)
    return out


def finish(schema):
    """A null-only leaf (never seen with a value) becomes a nullable string. Objects stay open to
    properties not seen (some are maps keyed by data); their types and required keys still bind."""
    if schema.get("type") == "null":
        return {"type": "string", "nullable": True}
    if schema.get("type") == "object":
        schema["properties"] = {k: finish(v) for k, v in sorted(schema.get("properties", {}).items())}
    if schema.get("type") == "array" and schema.get("items"):
        schema["items"] = finish(schema["items"])
    return schema


def main():
    samples = {}
    for f in sorted(pathlib.Path(sys.argv[1]).glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if not 200 <= r["status"] < 300:
                continue
            key = f'{r["method"]} {r["pattern"]}'
            per = samples.setdefault(key, {})
            per[str(r["status"])] = merge(per.get(str(r["status"])), of(r["body"]))
    out = {k: {s: finish(v) for s, v in st.items()} for k, st in sorted(samples.items())}
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
