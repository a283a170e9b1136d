#!/usr/bin/env python3
"""Generates schemas/kubernetes.json: a Kubernetes queue config, as the W&B agent reads it.

Input: the strict batch/v1 Job schema for one Kubernetes version from the kubernetes-validate
wheel on PyPI (KUBERNETES_VERSION below; the wheel's version is recorded in the output), reduced
to the definitions a Job reaches, and the W&B agent's reading of the queue config (wandb 0.31.0,
sdk/launch/runner/kubernetes_runner.py; ../shared/reference §2.3):

- the agent fills spec.template, the pod's containers and each container's name, so the Job
  schema's `required` for those is dropped;
- `namespace`, `wait_for_ready`, `wait_timeout`, `configFile` and `context` are read by the
  runner but stay in the Job body (`context` always fails);
- an apiVersion other than batch/v1 or batch/v1beta1 takes the custom-resource path, which the
  Job schema does not apply to (the agent's refused keys still do: launchc checks those in code).

Usage: scripts/gen-kubernetes-schema.py WHEEL   (make generate-kubernetes)
"""
import json, os, re, sys, zipfile

KUBERNETES_VERSION = "v1.37.0"
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generated import write_if_changed  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
wheel = sys.argv[1]
wheel_version = re.search(r"kubernetes_validate-([0-9.]+)-", os.path.basename(wheel)).group(1)
z = zipfile.ZipFile(wheel)
base = f"kubernetes_validate/kubernetes-json-schema/{KUBERNETES_VERSION}-local-strict/"
job = json.loads(z.read(base + "job-batch-v1.json"))
definitions = json.loads(z.read(base + "_definitions.json"))["$defs"]

DROP_REQUIRED = {
    "io.k8s.api.batch.v1.JobSpec": {"template"},
    "io.k8s.api.core.v1.PodSpec": {"containers"},
    "io.k8s.api.core.v1.Container": {"name"},
}


def short(text):
    if not isinstance(text, str):
        return None
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return first if len(first) <= 100 else None


def clean(node, defs_needed):
    """Drops x-kubernetes-* and long descriptions, rewrites refs to local $defs."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key.startswith("x-kubernetes-"):
                continue
            if key == "description":
                d = short(value)
                if d:
                    out[key] = d
                continue
            if key == "$ref":
                name = value.split("#/$defs/")[-1]
                defs_needed.append(name)
                out[key] = "#/$defs/" + name
                continue
            out[key] = clean(value, defs_needed)
        return out
    if isinstance(node, list):
        return [clean(v, defs_needed) for v in node]
    return node


needed = []
root = clean(job, needed)
# The Job schema becomes a subschema here; its own identifiers would make it a separate resource.
for key in ("$id", "$schema"):
    root.pop(key, None)
defs = {}
while needed:
    name = needed.pop()
    if name in defs:
        continue
    d = clean(definitions[name], needed)
    if name in DROP_REQUIRED and "required" in d:
        d["required"] = [r for r in d["required"] if r not in DROP_REQUIRED[name]]
        if not d["required"]:
            del d["required"]
    defs[name] = d

# The W&B docs put Job-spec settings under spec.template; say where they belong.
job_spec_keys = {"backOffLimit": "backoffLimit", "backoffLimit": "backoffLimit",
                 "ttlSecondsAfterFinished": "ttlSecondsAfterFinished", "activeDeadlineSeconds": "activeDeadlineSeconds"}
defs["io.k8s.api.core.v1.PodTemplateSpec"]["x-launchc-aliases"] = {
    wrong: f"it belongs in the Job's spec, one level up, as '{right}'" for wrong, right in job_spec_keys.items()}
defs["io.k8s.api.batch.v1.JobSpec"]["x-launchc-aliases"] = {"backOffLimit": "backoffLimit"}

properties = root.get("properties", {})
properties["apiVersion"] = {
    "description": "batch/v1 (the default) or batch/v1beta1 take the Job path; other values the custom-resource path",
    "type": "string",
}
leak = "is read by the runner but also stays in the Job body, where the Kubernetes API does not expect it"
properties["namespace"] = {"not": {}, "x-launchc-code": "LC3502",
                           "x-launchc-message": f"top-level 'namespace' {leak}; set metadata.namespace instead"}
for key in ("wait_for_ready", "wait_timeout", "configFile"):
    properties[key] = {"not": {}, "x-launchc-code": "LC3502",
                       "x-launchc-message": f"top-level '{key}' {leak}"}
properties["context"] = {"not": {}, "x-launchc-code": "LC3503",
                         "x-launchc-message": "'context' makes every job fail: the agent raises \"Specified context … was not found\" whatever its value"}
root["properties"] = properties
root.pop("required", None)

schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://launchc.dev/schemas/kubernetes.json",
    "$comment": f"Generated by scripts/gen-kubernetes-schema.py from the {KUBERNETES_VERSION} local-strict batch/v1 Job schema "
                f"in kubernetes-validate {wheel_version}, with the W&B agent's reading of the queue config (wandb 0.31.0). "
                f"Do not edit; run 'make generate-kubernetes'.",
    "title": "A Kubernetes queue config: the batch/v1 Job the W&B agent completes and creates",
    "if": {"properties": {"apiVersion": {"not": {"enum": ["batch/v1", "batch/v1beta1"]}}}, "required": ["apiVersion"]},
    "then": {"type": "object"},
    "else": root,
    "$defs": dict(sorted(defs.items())),
}
out = os.path.join(ROOT, "schemas", "kubernetes.json")
text = json.dumps(schema, indent=1, ensure_ascii=False) + "\n"
write_if_changed(out, text, f"wrote schemas/kubernetes.json ({len(defs)} definitions, {len(text) // 1024} KiB) from kubernetes-validate {wheel_version}")
