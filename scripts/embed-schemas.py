#!/usr/bin/env python3
"""Writes Sources/LaunchcSchemaTexts/BundledSchemas.generated.swift from schemas/**/*.json.

Every bundled schema goes into the binary as text, keyed by its `$id`, so an installed launchc
needs no files beside it. Run by `make schemas`; a test fails when the output is stale.

Each of launchc's own schemas (not the metaschemas under schemas/meta/) is embedded twice:
- the full text, which `launchc schema NAME` prints for editors, with every `title`,
  `description`, `markdownDescription` and `examples`;
- a validation copy, compact JSON without the annotations the validator never reads, which is
  what `launchc check` parses and compiles at run time (parsing is most of the cost of a small
  check, and the annotations are most of the text).

The validation copy drops `title`, `markdownDescription`, `examples` and `$comment` everywhere,
and a `description` wherever launchc could never show it: the validator shows a subschema's
description as a note on a finding that subschema itself reports (SchemaDiagnostics.schemaNote),
only when it is at most 120 characters long, so a description longer than that, or on a
subschema that reports nothing of its own (one that only holds `$ref`, `properties`, `allOf`,
...), goes. Everything else is kept as written, in order, so checks behave exactly as with the
full text; SchemaEngineTests repeats the rule on the embedded copies.
"""
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generated import write_if_changed  # noqa: E402

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out_path = os.path.join(root, "Sources/LaunchcSchemaTexts/BundledSchemas.generated.swift")

# Keywords whose values are schemas: by name, in a list, or one.
SCHEMA_MAPS = {"properties", "patternProperties", "$defs", "dependentSchemas"}
SCHEMA_LISTS = {"allOf", "anyOf", "oneOf", "prefixItems"}
SCHEMA_ONE = {"not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames",
              "unevaluatedItems", "unevaluatedProperties"}
ANNOTATIONS = {"title", "markdownDescription", "examples", "$comment"}
# The keywords whose failures a subschema reports as its own (SchemaValidator: the failure's
# schema is the subschema holding the keyword), so only there can its description be a note.
REPORTING = {"type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
             "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "contains", "maxContains",
             "minContains", "maxProperties", "minProperties", "required", "dependentRequired", "additionalProperties",
             "unevaluatedProperties", "unevaluatedItems", "anyOf", "oneOf", "not"}
NOTE_LIMIT = 120  # SchemaDiagnostics.schemaNote shows descriptions of at most 120 characters


def shown_as_note(schema, text):
    if not isinstance(text, str) or not REPORTING.intersection(schema):
        return False
    # Swift counts grapheme clusters, which are never more than code points; outside ASCII keep
    # a margin rather than count clusters here.
    return len(text) <= (NOTE_LIMIT if text.isascii() else 2 * NOTE_LIMIT)


def for_validation(schema):
    """The schema without the annotations launchc's validator never reads."""
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key in ANNOTATIONS or (key == "description" and not shown_as_note(schema, value)):
            continue
        if key in SCHEMA_MAPS and isinstance(value, dict):
            value = {name: for_validation(sub) for name, sub in value.items()}
        elif key in SCHEMA_LISTS and isinstance(value, list):
            value = [for_validation(sub) for sub in value]
        elif key in SCHEMA_ONE:
            value = for_validation(value)
        out[key] = value
    return out


entries = []
for folder, _, files in sorted(os.walk(os.path.join(root, "schemas"))):
    for name in sorted(files):
        if not name.endswith(".json"):
            continue
        path = os.path.join(folder, name)
        text = open(path, encoding="utf-8").read()
        schema = json.loads(text)
        schema_id = schema.get("$id")
        if not schema_id:
            sys.exit(f"{path}: a bundled schema needs an $id")
        relative = os.path.relpath(path, root)
        # The metaschemas are embedded as published: the conformance suite runs against them.
        validation = None if relative.startswith("schemas/meta/") else \
            json.dumps(for_validation(schema), ensure_ascii=False, separators=(",", ":"))
        entries.append((relative, schema_id, text, validation))


def swift_literal(text):
    # A raw string literal with enough '#' that the text can neither close it nor escape in it.
    hashes = "#"
    while ('"' + hashes) in text or ('\\' + hashes) in text:
        hashes += "#"
    return f'{hashes}"""\n{text}\n"""{hashes}'


lines = [
    "// Generated by scripts/embed-schemas.py from schemas/ (make schemas). Do not edit.",
    "",
    "/// The text of every schema in schemas/, compiled into launchc; LaunchcCore's `BundledSchemas`",
    "/// serves them. A target of its own, so that editing the engine never recompiles these literals.",
    "public enum SchemaTexts {",
    "    /// (path in the repository, $id, text, validation copy) for every schema in schemas/: the text",
    "    /// as written, and for launchc's own schemas a compact copy without the annotations the",
    "    /// validator never reads (nil: the text itself).",
    "    public static let documents: [(path: String, id: String, text: String, validation: String?)] = [",
]
for path, schema_id, text, validation in entries:
    copy = "nil" if validation is None else swift_literal(validation)
    lines.append(f"        ({json.dumps(path)}, {json.dumps(schema_id)}, {swift_literal(text.rstrip(chr(10)))},")
    lines.append(f"         {copy}),")
lines += ["    ]", "}", ""]
write_if_changed(out_path, "\n".join(lines), f"wrote {os.path.relpath(out_path, root)} ({len(entries)} schemas)")
