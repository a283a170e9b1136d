#!/usr/bin/env python3
"""make schemas-check: launchc's bundled schemas, checked by another validator.

Run by scripts/schemas-check.sh, in the .venv-tools virtual environment that holds check-jsonschema
(PyPI; its jsonschema, referencing and ruamel.yaml are used here too). Takes the launchc binary.

1. Exports every bundled schema with `launchc schema NAME` (the text editors get) and runs
   `check-jsonschema --check-metaschema` on them. Then, on the exported text: every `$ref`
   resolves and every `$defs` entry is referenced; every `$id` is https://launchc.dev/schemas/NAME.json;
   every property has a `title`, a `description` and a `markdownDescription`; every `examples`
   value is valid against the subschema that holds it.
2. Runs check-jsonschema on every fixture whose kind (and resource) launchc knows, with the
   matching exported schema, and compares its verdict with launchc's. launchc's verdict is whether
   `launchc check` reports anything about the file (a schema finding of any severity: the schema
   rejects the document, whatever launchc then calls a warning). A queue definition is checked
   against queue.json with its `config` against the resource's schema, which is what launchc
   does; the exported schemas refer to each other by `$id` (https://launchc.dev/schemas/…, which is
   not served), so that pair is bundled into one schema document whose `$defs` embed both
   resources under their own `$id`s, and nothing is fetched.

   Only fixtures that the schemas alone decide are compared. A fixture is skipped, for the first
   reason that applies, when:
   - launchc cannot read or parse it (LC10xx-LC13xx: syntax errors, bad encodings, duplicate
     keys, ...): no document reaches the schemas;
   - launchc does not know its kind and resource (LC14xx, no kind, or kind `data`, which only a
     user's --schema checks): no bundled schema applies;
   - check-jsonschema's own reader (ruamel.yaml, YAML 1.2) reads other data than launchc does
     (launchc's LC1209 marks scalars that YAML 1.1 reads otherwise): the two would judge different
     documents;
   - launchc reports a finding whose code is not the schema engine's: the agent's rules written in
     Swift (registry URIs, refused Kubernetes keys, raw docker flags, macros in the SageMaker role,
     ...) decide, or rewrite a schema finding;
   - it is a queue definition with template variables: launchc checks its config filled with each
     variable's default and option (the queue's filled template checks), not as written;
   - it is a launch spec whose `resource_args` name a resource: launchc checks each as a partial
     config, merged over a queue's later, so without `required`, which a plain validator cannot do;
   - a string holding a `${macro}` or `{{template}}` placeholder sits where the schema constrains
     its text (pattern, enum, const, length, format; or a type other than string for a whole-value
     `{{template}}`): launchc defers those checks until the value is filled in.
   Every other fixture is compared; a disagreement fails the check with both verdicts.
"""
import atexit, glob, json, os, re, shutil, subprocess, sys, tempfile
import urllib.parse

from check_jsonschema.parsers.yaml import construct_yaml_implementation
from check_jsonschema.regex_variants import RegexImplementation, RegexVariantName
from jsonschema import Draft202012Validator, validators
from referencing import Registry
from referencing.jsonschema import DRAFT202012

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(os.path.dirname(sys.executable), "check-jsonschema")
ID_PREFIX = "https://launchc.dev/schemas/"
RESOURCES = {"sagemaker": "sagemaker", "gcp-vertex": "gcp-vertex", "vertex": "gcp-vertex", "kubernetes": "kubernetes",
             "local-container": "local-container", "docker": "local-container", "local-process": "local-process"}

launchc = os.path.abspath(sys.argv[1])
problems = []


def run(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, cwd=ROOT, **kwargs)


# ---------------------------------------------------------------------------------------------
# 1. The schemas as editors get them.

work = tempfile.mkdtemp(prefix="launchc-schemas-check-")
atexit.register(shutil.rmtree, work, ignore_errors=True)
names = [line.split()[0] for line in run(launchc, "schema", "--list").stdout.splitlines()
         if line.strip() and not line.startswith("meta/")]
schemas = {}
for name in names:
    text = run(launchc, "schema", name).stdout
    path = os.path.join(work, name + ".json")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    schemas[name] = json.loads(text)

meta = run(BIN, "--check-metaschema", *[os.path.join(work, n + ".json") for n in names])
print(f"check-jsonschema --check-metaschema: {len(names)} schemas: {'ok' if meta.returncode == 0 else 'FAILED'}")
if meta.returncode != 0:
    problems.append("metaschema check failed:\n" + meta.stdout + meta.stderr)

registry = Registry().with_resources((s["$id"], DRAFT202012.create_resource(s)) for s in schemas.values()).crawl()
# Patterns are ECMA-262, as check-jsonschema runs them by default (regress), not Python's re.
regex = RegexImplementation(RegexVariantName.default)
Validator = validators.extend(Draft202012Validator, {"pattern": regex.pattern_keyword,
                                                     "patternProperties": regex.patternProperties_keyword})

SCHEMA_MAPS = {"properties", "patternProperties", "$defs", "dependentSchemas"}
SCHEMA_LISTS = {"allOf", "anyOf", "oneOf", "prefixItems"}
SCHEMA_ONE = {"not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames",
              "unevaluatedItems", "unevaluatedProperties"}


def subschemas(schema, pointer=""):
    """(pointer, subschema) for the schema and every subschema in it."""
    yield pointer, schema
    if not isinstance(schema, dict):
        return
    for key, value in schema.items():
        token = key.replace("~", "~0").replace("/", "~1")
        if key in SCHEMA_MAPS and isinstance(value, dict):
            for name, sub in value.items():
                yield from subschemas(sub, f"{pointer}/{token}/{name.replace('~', '~0').replace('/', '~1')}")
        elif key in SCHEMA_LISTS and isinstance(value, list):
            for i, sub in enumerate(value):
                yield from subschemas(sub, f"{pointer}/{token}/{i}")
        elif key in SCHEMA_ONE:
            yield from subschemas(value, f"{pointer}/{token}")


targets = {urllib.parse.urljoin(s["$id"], sub["$ref"]) for s in schemas.values()
           for _, sub in subschemas(s) if isinstance(sub, dict) and "$ref" in sub}
for name, schema in schemas.items():
    if schema.get("$id") != ID_PREFIX + name + ".json":
        problems.append(f"{name}: $id is {schema.get('$id')!r}, not {ID_PREFIX + name + '.json'}")
    root_validator = Validator(schema, registry=registry)
    resolver = registry.resolver(base_uri=schema["$id"])
    for pointer, sub in subschemas(schema):
        if not isinstance(sub, dict):
            continue
        if "$ref" in sub:
            try:
                resolver.lookup(sub["$ref"])
            except Exception as error:  # noqa: BLE001 - any failure to resolve is the finding
                problems.append(f"{name}#{pointer}: $ref {sub['$ref']!r} does not resolve ({type(error).__name__})")
        # Properties a schema declares; those in a condition (if, not, a branch of allOf/anyOf/oneOf)
        # only constrain ones declared elsewhere.
        declared = not re.search(r"/(if|not|allOf|anyOf|oneOf)(/|$)", pointer)
        for prop, value in (sub.get("properties") or {}).items() if declared else ():
            missing = [k for k in ("title", "description", "markdownDescription") if not isinstance(value, dict) or k not in value]
            if missing:
                problems.append(f"{name}#{pointer}/properties/{prop}: no {', '.join(missing)}")
        for example in sub.get("examples", []):
            errors = list(root_validator.evolve(schema=sub).iter_errors(example))
            if errors:
                problems.append(f"{name}#{pointer}: example {json.dumps(example)} is invalid: {errors[0].message}")
    for definition in schema.get("$defs", {}):
        if f"{schema['$id']}#/$defs/{definition}" not in targets:
            problems.append(f"{name}#/$defs/{definition}: never referenced")
print(f"schemas: $ids, $refs and $defs, titles and descriptions of properties, examples: "
      f"{'ok' if not problems else f'{len(problems)} problem(s)'}")

# ---------------------------------------------------------------------------------------------
# 2. The fixtures.

catalog = "".join(open(path, encoding="utf-8").read()
                  for path in sorted(glob.glob(os.path.join(ROOT, "Sources/LaunchcCore/Diagnostics/Catalog/*.swift"))))
codes_by_name = dict(re.findall(r'static let (\w+) = DiagnosticID\(\s*code: "(LC\d+)"', catalog))
# The schema engine's codes: its own findings (LC2001-LC2010), and those the bundled schemas name
# with x-launchc-code. The rules' codes: every code that the Swift rules of the check stage emit,
# or turn a schema finding into. A code in both is counted as the rules'.
schema_codes = {c for c in codes_by_name.values() if "LC2001" <= c <= "LC2010"}
for schema in schemas.values():
    for _, sub in subschemas(schema):
        if isinstance(sub, dict) and "x-launchc-code" in sub:
            value = sub["x-launchc-code"]
            schema_codes |= set(value.values()) if isinstance(value, dict) else {value}
rule_codes = set()
for path in glob.glob(os.path.join(ROOT, "Sources/LaunchcCore/Validate/Rules/*.swift")):
    if os.path.basename(path) == "LaunchSchemas.swift":
        continue
    text = open(path, encoding="utf-8").read()
    rule_codes |= {codes_by_name[n] for n in re.findall(r"\.(\w+)\b", text) if n in codes_by_name}
schema_codes -= rule_codes

yaml_reader = construct_yaml_implementation()


def same(a, b):
    """Equal as JSON values: types as well as values (True is not 1, 1 is 1.0)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def read_as_check_jsonschema(path):
    """The documents check-jsonschema's readers make of a file (YAML through its ruamel.yaml set-up)."""
    with open(path, "rb") as handle:
        data = handle.read()
    if path.endswith(".json"):
        return [json.loads(data)]
    from check_jsonschema.parsers.yaml import _normalize
    return [_normalize(d) for d in yaml_reader.load_all(data)]


def schema_for(kind):
    """The exported schema (or bundled pair) a document of this kind is compared against."""
    if kind["kind"] == "queue-config":
        return RESOURCES[kind["resource"]]
    if kind["kind"] == "queue":
        return "queue+" + RESOURCES[kind["resource"]] if kind.get("resource") else "queue"
    return kind["kind"]


def schema_file(key):
    path = os.path.join(work, key + ".json")
    if key.startswith("queue+") and not os.path.exists(path):
        resource = key.split("+", 1)[1]
        pair = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                "$id": f"https://launchc.dev/schemas-check/queue-{resource}.json",
                "allOf": [{"$ref": ID_PREFIX + "queue.json"}],
                "properties": {"config": {"$ref": ID_PREFIX + resource + ".json"}},
                "$defs": {"queue": schemas["queue"], resource: schemas[resource]}}
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(pair, handle)
    return path


def placeholders(value, pointer=()):
    """(pointer, text) of every string holding a ${macro} or {{template}}."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from placeholders(sub, pointer + (key,))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from placeholders(sub, pointer + (i,))
    elif isinstance(value, str) and ("${" in value or "{{" in value):
        yield pointer, value


def applicable(schema, resolver, pointer):
    """Every subschema that may apply at `pointer` of an instance (all branches of anyOf, oneOf,
    if/then/else alike): more than applies, never less. `not` is left out: launchc judges a
    negated form on the value as written."""
    def expand(items):
        seen, out, stack = set(), [], list(items)
        while stack:
            sub, res = stack.pop()
            if not isinstance(sub, dict) or id(sub) in seen:
                continue
            seen.add(id(sub))
            if "$id" in sub:
                res = res.in_subresource(DRAFT202012.create_resource(sub))
            out.append((sub, res))
            if "$ref" in sub:
                resolved = res.lookup(sub["$ref"])
                stack.append((resolved.contents, resolved.resolver))
            for key in ("allOf", "anyOf", "oneOf"):
                stack += [(s, res) for s in sub.get(key, [])]
            stack += [(sub[k], res) for k in ("if", "then", "else") if k in sub]
            stack += [(s, res) for s in sub.get("dependentSchemas", {}).values()]
        return out
    current = expand([(schema, resolver)])
    for token in pointer:
        following = []
        for sub, res in current:
            if isinstance(token, int):
                prefix = sub.get("prefixItems", [])
                following.append((prefix[token] if token < len(prefix) else sub.get("items"), res))
                following.append((sub.get("unevaluatedItems"), res))
            else:
                if token in sub.get("properties", {}):
                    following.append((sub["properties"][token], res))
                else:
                    following.append((sub.get("additionalProperties"), res))
                following += [(s, res) for s in sub.get("patternProperties", {}).values()]
                following.append((sub.get("unevaluatedProperties"), res))
        current = expand(following)
    return [sub for sub, _ in current]


def deferral_matters(document, schema_key):
    """Whether a placeholder string sits where the schema constrains more than that it is a string."""
    path = schema_file(schema_key)
    with open(path, encoding="utf-8") as handle:
        schema = json.load(handle)
    resolver = Registry().with_resources(
        (s["$id"], DRAFT202012.create_resource(s)) for s in list(schemas.values()) + [schema]).crawl().resolver(base_uri=schema["$id"])
    for pointer, text in placeholders(document):
        whole = re.fullmatch(r"\{\{\s*[\w.-]+\s*\}\}", text) is not None
        for sub in applicable(schema, resolver, pointer):
            if {"enum", "const", "pattern", "minLength", "maxLength", "format"} & sub.keys():
                return pointer
            types = sub.get("type")
            if whole and types is not None and "string" not in (types if isinstance(types, list) else [types]):
                return pointer
    return None


fixtures = sorted(p for p in glob.glob(os.path.join(ROOT, "fixtures", "**", "*"), recursive=True)
                  if os.path.isfile(p) and p.endswith((".yaml", ".yml", ".json"))
                  and not p.endswith((".expected.json", ".parse.json")))
skipped = {}
details = {}
rule_hits = set()
compared = {}  # relative path -> (launchc verdict, launchc codes, [(instance path, schema key)])


def skip(path, reason):
    skipped.setdefault(reason, []).append(path)


for full in fixtures:
    rel = os.path.relpath(full, ROOT)
    report = json.loads(run(launchc, "check", "--format", "json", "--color", "never", rel).stdout)
    codes = sorted({d["code"] for d in report["diagnostics"]})
    kinds = report["files"][0].get("kinds") or []
    if any("LC1001" <= c <= "LC1399" and c != "LC1209" for c in codes) or report["files"][0].get("format") is None:
        skip(rel, "launchc cannot read or parse it")
        continue
    if not kinds or any(k is None or k["kind"] == "data" or (k["kind"] == "queue-config" and not k.get("resource"))
                        for k in kinds) or any(c.startswith("LC14") for c in codes):
        skip(rel, "kind not known, or only a user's schema applies")
        continue
    if any(k["kind"] == "resource-args" for k in kinds):
        skip(rel, "resource args: each entry is checked as a partial config of its resource")
        continue
    parsed = run(launchc, "parse", "--all-documents", "--compact", rel)
    ours = json.loads(parsed.stdout)
    try:
        theirs = read_as_check_jsonschema(full)
    except Exception:  # noqa: BLE001 - a reader that fails reads other data
        theirs = None
    if "LC1209" in codes or theirs is None or len(theirs) != len(ours) or not all(same(a, b) for a, b in zip(ours, theirs)):
        skip(rel, "check-jsonschema's reader reads other data (YAML 1.1/1.2 scalars)")
        continue
    rules = [c for c in codes if c not in schema_codes]
    if rules:
        rule_hits.update(rules)
        skip(rel, "the agent's rules in Swift decide")
        continue
    keys = [schema_for(k) for k in kinds]
    pointers = [d.get("pointer") or "" for d in report["diagnostics"]]
    # A queue with template variables: launchc checks its config filled in, not as written. When it
    # finds nothing there, its verdict is queue.json's alone, and that is compared.
    templated = [k["kind"] == "queue" and bool(d.get("template_variables") or any("{{" in t for _, t in placeholders(d.get("config"))))
                 for k, d in zip(kinds, ours)]
    if any(templated):
        if any(p == "/config" or p.startswith("/config/") for p in pointers):
            skip(rel, "a queue's config is checked filled with its template variables")
            continue
        keys = ["queue" if t else key for t, key in zip(templated, keys)]
    # A launch spec's resource_args.<resource>: checked as a partial config (no `required`). When
    # launchc finds nothing there, its verdict is launch-spec.json's alone, and that is compared.
    if any(k["kind"] == "launch-spec" and isinstance(d.get("resource_args"), dict)
           and any(r in RESOURCES for r in d["resource_args"]) for k, d in zip(kinds, ours)) \
            and any(p.startswith("/resource_args/") for p in pointers):
        skip(rel, "a launch spec's resource_args are checked as partial configs")
        continue
    deferred = [deferral_matters(d, key) for d, key in zip(ours, keys)]
    if any(p is not None for p in deferred):
        where = next(p for p in deferred if p is not None)
        skip(rel, "a ${macro} or {{template}} value whose checks launchc defers")
        details[rel] = "/" + "/".join(str(t) for t in where)
        continue
    if len(ours) == 1:
        instances = [(full, keys[0])]
    else:  # check-jsonschema reads one document per file: the stream's documents, one file each
        instances = []
        for i, (document, key) in enumerate(zip(theirs, keys)):
            path = os.path.join(work, rel.replace("/", "__") + f".document{i + 1}.json")
            with open(path, "w", encoding="utf-8") as handle:
                json.dump(document, handle)
            instances.append((path, key))
    compared[rel] = (bool(report["diagnostics"]), codes, instances)

# One check-jsonschema run per schema, over every instance that schema applies to.
failing = {}
by_schema = {}
for rel, (_, _, instances) in compared.items():
    for path, key in instances:
        by_schema.setdefault(key, []).append((path, rel))
for key, items in sorted(by_schema.items()):
    result = run(BIN, "--output-format", "json", "--schemafile", schema_file(key), *[p for p, _ in items])
    output = json.loads(result.stdout)
    owners = {os.path.abspath(p): rel for p, rel in items}
    for error in output.get("errors", []) + output.get("parse_errors", []):
        rel = owners[os.path.abspath(os.path.join(ROOT, error["filename"]))]
        message = f"{error.get('path', '$')}: {error.get('message', error)}"
        failing.setdefault(rel, []).append(message if len(message) <= 200 else message[:199] + "…")

agree = rejected = 0
for rel, (launchc_fails, codes, _) in compared.items():
    theirs_fails = rel in failing
    if theirs_fails == launchc_fails:
        agree += 1
        rejected += theirs_fails
        continue
    problems.append(f"{rel}: launchc {'rejects' if launchc_fails else 'accepts'} it ({', '.join(codes) or 'no findings'}), "
                    f"check-jsonschema {'rejects' if theirs_fails else 'accepts'} it"
                    + "".join(f"\n    {line}" for line in failing.get(rel, [])))

for problem in problems:
    print("schemas-check: " + problem)
reasons = "; ".join(f"{len(paths)} {reason}" + (f" ({', '.join(sorted(rule_hits))})" if reason.startswith("the agent's rules") else "")
                    for reason, paths in sorted(skipped.items(), key=lambda kv: -len(kv[1])))
total_skipped = sum(len(p) for p in skipped.values())
print(f"schemas-check: {len(compared)} fixtures compared, {agree} agree, {len(compared) - agree} disagree "
      f"({total_skipped} skipped: {reasons})")
print(f"schemas-check: of those that agree, both reject {rejected} and both accept {agree - rejected}")
if os.environ.get("SCHEMAS_CHECK_VERBOSE"):
    for reason, paths in sorted(skipped.items()):
        print(f"  skipped, {reason}: {', '.join(p + (f' (at {details[p]})' if p in details else '') for p in paths)}")
    print("  compared: " + ", ".join(sorted(compared)))
sys.exit(1 if problems else 0)
