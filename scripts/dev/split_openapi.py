#!/usr/bin/env python3
"""Moves a module's API contract out of C++ string literals into data files.

usage: scripts/dev/split_openapi.py src/<module> <C++ namespace>

Reads the OpenAPI fragments of the module's openapi*.cpp files (JSON inside R"json(...)json"), writes
one fragment per resource to src/<module>/openapi/<resource>.json (its paths and the component schemas
it is the first to use), deletes the .cpp files, and makes the module's CMakeLists.txt embed the JSON
(simpul_module(... OPENAPI <namespace> ...)) and its module.cpp describe every fragment. The document
served at /api/openapi.json does not change (check: build/simpul openapi | diff - docs/openapi.json).
"""
import collections, glob, json, os, re, subprocess, sys

RAW = re.compile(r'R"json\((.*?)\)json"', re.S)
LIMIT, SMALL = 300, 60  # a resource above LIMIT lines splits by sub-resource; pieces under SMALL stay


def dump(d):
    return json.dumps(d, indent=1, ensure_ascii=False) + '\n'


def lines(d):
    return dump(d).count('\n')


def clean(key):
    return re.sub(r'[^a-z0-9]+', '_', key.lower()).strip('_')


def segments(path):
    segs = [s for s in path.split('/') if s and not s.startswith('{')]
    return segs[1:] if segs and segs[0] == 'api' else segs


def resource_of(path):
    segs = segments(path)
    return clean(segs[1] if len(segs) > 1 else (segs[0] if segs else 'root'))


def subresource_of(path):
    segs = segments(path)
    return clean(segs[-1]) if len(segs) > 2 else ''


def refs(obj):
    return set(re.findall(r'#/components/schemas/([A-Za-z0-9_.-]+)', json.dumps(obj)))


def read_fragments(files):
    paths, schemas = {}, {}
    for f in files:
        for m in RAW.finditer(open(f).read()):
            d = json.loads(m.group(1))
            assert set(d) <= {'paths', 'components'} and set(d.get('components', {})) <= {'schemas'}, f
            for k, v in d.get('paths', {}).items():
                assert k not in paths, k
                paths[k] = v
            for k, v in d.get('components', {}).get('schemas', {}).items():
                assert schemas.get(k, v) == v, k
                schemas[k] = v
    return paths, schemas


def group_paths(paths):
    primary = collections.OrderedDict()
    for p in sorted(paths):
        primary.setdefault(resource_of(p), {})[p] = paths[p]
    for g in list(primary):  # a lone action (…/{id}/read) stays with the module's resource
        first = clean(segments(next(iter(primary[g])))[0])
        if g != first and lines({'paths': primary[g]}) < SMALL:
            primary.setdefault(first, {}).update(primary.pop(g))
    groups = collections.OrderedDict()
    for g, ps in primary.items():
        if lines({'paths': ps}) <= LIMIT:
            groups[g] = ps
            continue
        subs = collections.OrderedDict()
        for p, v in ps.items():
            subs.setdefault(subresource_of(p), {})[p] = v
        base = {}
        for sub, sp in subs.items():
            if sub and sub != g and lines({'paths': sp}) >= SMALL:
                groups[f'{g}_{sub}'] = sp
            else:
                base.update(sp)
        if base:
            groups[g] = base
    return groups


def fragments(paths, schemas):
    groups = group_paths(paths)
    owner = {}
    for g, ps in groups.items():
        todo = list(refs(ps))
        while todo:
            n = todo.pop()
            if n in owner or n not in schemas:
                continue
            owner[n] = g
            todo += refs(schemas[n])
    out = {}
    for g, ps in groups.items():
        frag = {'paths': ps}
        comps = {n: schemas[n] for n in sorted(schemas) if owner.get(n) == g}
        if comps:
            frag['components'] = {'schemas': comps}
        out[g] = frag
    rest = {n: schemas[n] for n in sorted(schemas) if n not in owner}
    if rest:
        out['components'] = {'components': {'schemas': rest}}
    return out


def rewire(module_dir, namespace, cpp_files):
    cm_path = f'{module_dir}/CMakeLists.txt'
    cm = open(cm_path).read()
    for f in cpp_files:
        cm = re.sub(r'(?<=[\s(])' + re.escape(os.path.basename(f)) + r'(?=[\s)])\s*', '', cm, count=1)
        subprocess.run(['git', 'rm', '-qf', f], check=True)
    if 'OPENAPI' not in cm:
        cm = re.sub(r'simpul_module\((\w+)( SEAM)?', lambda m: f'simpul_module({m.group(1)}{m.group(2) or ""} OPENAPI {namespace}', cm, count=1)
    open(cm_path, 'w').write(cm)
    for src in glob.glob(f'{module_dir}/*.cpp') + glob.glob(f'{module_dir}/*.hpp'):
        s = o = open(src).read()
        s = s.replace('std::string_view openapi_fragment();', 'std::vector<std::string_view> openapi_fragments();')
        s = s.replace('http::describe(router, openapi_fragment());',
                      'for (auto fragment : openapi_fragments()) http::describe(router, fragment);')
        s = re.sub(r'(//[^\n]*)\(openapi\.cpp\)', r'\1(openapi/*.json)', s)
        # fragments of their own (bandwidth_openapi_fragment()) are now among openapi_fragments()
        s = re.sub(r'\n[ \t]*http::describe\(router, (?:\w+_openapi|openapi_\w+)_fragment\(\)\);', '', s)
        s = re.sub(r'\n(///[^\n]*\n)*std::string_view (?:\w+_openapi|openapi_\w+)_fragment\(\);', '', s)
        if s != o:
            if '#include <vector>' not in s:
                s = s.replace('#include <string_view>', '#include <string_view>\n#include <vector>', 1)
            open(src, 'w').write(s)


def main():
    module_dir, namespace = sys.argv[1].rstrip('/'), sys.argv[2]
    cpp_files = sorted(glob.glob(f'{module_dir}/*openapi*.cpp'))
    built = [f for f in cpp_files if 'R"json(' not in open(f).read() and 'json::object' in open(f).read()]
    if built:  # a fragment built in C++: serialise it first (its part of docs/openapi.json), or it is lost
        sys.exit(f'{", ".join(built)} build their fragment in C++; write it as R"json(...)json" first')
    paths, schemas = read_fragments(f for f in cpp_files if 'R"json(' in open(f).read())
    os.makedirs(f'{module_dir}/openapi', exist_ok=True)
    for name, frag in fragments(paths, schemas).items():
        with open(f'{module_dir}/openapi/{name}.json', 'w') as out:
            out.write(dump(frag))
    rewire(module_dir, namespace, cpp_files)


if __name__ == '__main__':
    main()
