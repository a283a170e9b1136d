#!/usr/bin/env python3
"""Generates schemas/kubernetes.json: a Kubernetes queue config, as the W&B agent reads it.

Input: the strict batch/v1 Job schema for one Kubernetes version from the kubernetes-validate
wheel on PyPI (KUBERNETES_VERSION below; the wheel's version is recorded in the output), reduced
to the definitions a Job reaches, and the W&B agent's reading of the queue config (wandb 0.31.0,
sdk/launch/runner/kubernetes_runner.py):

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
from generated import DESCRIPTION_LIMIT, MARKDOWN_LIMIT, annotated, bounded, write_schema  # noqa: E402

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


MORE_INFO = re.compile(r"\s*More info:\s*(https?://\S+?)\.?(?=\s|$)")
REFERENCE = "https://kubernetes.io/docs/reference/kubernetes-api/"
# The API reference page of the definitions a queue config is mostly made of.
PAGES = {"io.k8s.api.batch.v1.Job": "workload-resources/job-v1/",
         "io.k8s.api.batch.v1.JobSpec": "workload-resources/job-v1/#JobSpec",
         "io.k8s.api.core.v1.PodTemplateSpec": "workload-resources/pod-template-v1/",
         "io.k8s.api.core.v1.PodSpec": "workload-resources/pod-v1/#PodSpec",
         "io.k8s.api.core.v1.Container": "workload-resources/pod-v1/#Container",
         "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": "common-definitions/object-meta/"}


def property_description(text):
    """The first sentence of a property's documentation, without its "More info" link, bounded."""
    plain = " ".join(MORE_INFO.sub("", text or "").split())
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", plain, maxsplit=1)[0]
    return bounded(first, DESCRIPTION_LIMIT) if first else None


def property_markdown(text):
    """A property's documentation as Markdown, its "More info" URL as a link, bounded."""
    links = MORE_INFO.findall(text or "")
    body = bounded(MORE_INFO.sub("", text or "").strip(), MARKDOWN_LIMIT)
    return body + "".join(f" [More info]({url})" for url in links)


# What the W&B agent does with a key of the Job (wandb 0.31.0, kubernetes_runner.py),
# by definition and property; REFUSED applies to the key wherever it is.
AGENT = {
    ("JobSpec", "backoffLimit"): "The W&B agent sets `0` unless the queue config gives one.",
    ("JobSpec", "ttlSecondsAfterFinished"): "The W&B agent sets `60` unless the queue config gives one.",
    ("JobSpec", "template"): "The W&B agent fills it in: `restartPolicy: Never` and one container unless given, and "
                             "the `wandb.ai/monitor` label.",
    ("PodSpec", "restartPolicy"): "The W&B agent sets `Never` unless the queue config gives one.",
    ("PodSpec", "containers"): "The W&B agent adds a container when there is none, names unnamed ones `launch<index>`, "
                               "replaces every container's `args` with `overrides.args` when given, and appends its "
                               "`WANDB_*` variables to every container's `env`.",
    ("PodSpec", "initContainers"): "Refused by an agent in `secure_mode`.",
    ("Container", "name"): "The W&B agent names an unnamed container `launch<index>`.",
    ("Container", "image"): "For a job made from an image, the W&B agent puts the run's image in the first container; "
                            "otherwise only when no container has an image. Write `${image_uri}` to place it yourself.",
    ("Container", "command"): "The W&B agent replaces it with `overrides.entry_point` when given, and with the job's "
                              "entry point when the container has no command. Refused by an agent in `secure_mode`.",
    ("Container", "args"): "The W&B agent replaces it with `overrides.args` when they are given.",
    ("Container", "env"): "The W&B agent appends its `WANDB_*` variables, the API key as a reference to a Secret.",
    ("ObjectMeta", "name"): "The Job's name is kept as written; without one the W&B agent sets `generateName` to "
                            "`launch-<entity>-<project>-`, lower-cased with every character outside `[a-z.-]` (digits "
                            "too) removed.",
    ("ObjectMeta", "namespace"): "The W&B agent creates the Job in the Job's `metadata.namespace`, else a top-level "
                                 "`namespace` key's, else the kubeconfig context's, else `default`.",
    ("ObjectMeta", "labels"): "The W&B agent adds `wandb.ai/run-id`, `wandb.ai/monitor: \"true\"` and `wandb.ai/agent` "
                              "to the Job's labels, and the last two to the pod template's.",
    ("ObjectMeta", "annotations"): "The W&B agent refuses an AppArmor or seccomp annotation whose value says `unconfined`.",
    ("VolumeMount", "mountPropagation"): "The W&B agent refuses `Bidirectional`.",
}
REFUSED = {
    "securityContext": "Refused by the W&B agent wherever it appears: it sets its own on every container "
                       "(`allowPrivilegeEscalation: false`, all capabilities dropped, `seccompProfile: RuntimeDefault`).",
    "hostPath": "Refused by the W&B agent wherever it appears.",
    "serviceAccountToken": "Refused by the W&B agent wherever it appears.",
    "serviceAccountName": "Refused by the W&B agent unless blank: jobs run with the namespace's default service account.",
    "serviceAccount": "Refused by the W&B agent unless blank: jobs run with the namespace's default service account.",
}
for key in ("hostPID", "hostIPC", "hostNetwork", "shareProcessNamespace", "hostUsers", "automountServiceAccountToken", "hostPort"):
    REFUSED[key] = "Refused by the W&B agent when true (or a non-zero number, or the text 1, true or yes)" + (
        "; an agent in `secure_mode` refuses the key in the pod spec even when false." if key in ("hostPID", "hostIPC", "hostNetwork") else ".")
EXAMPLES = {
    ("JobSpec", "backoffLimit"): [0],
    ("JobSpec", "ttlSecondsAfterFinished"): [60],
    ("JobSpec", "activeDeadlineSeconds"): [86400],
    ("Container", "image"): ["${image_uri}", "python:3.11"],
    ("Container", "command"): [["python", "train.py"]],
    ("Container", "resources"): [{"limits": {"nvidia.com/gpu": 1, "memory": "16Gi"}}],
    ("ObjectMeta", "namespace"): ["ml-jobs"],
    ("ObjectMeta", "labels"): [{"team": "ml-platform"}],
    ("PodSpec", "nodeSelector"): [{"node-pool": "gpu"}],
}


def annotate_properties(properties, cleaned, definition):
    """Each property (cleaned) with a title, a description (the first sentence of its documentation),
    the whole documentation as Markdown with what the W&B agent does with the key, and examples."""
    short_name = definition.rsplit(".", 1)[-1]
    page = PAGES.get(definition)
    out = {}
    for name, schema in cleaned.items():
        text = properties[name].get("description")
        md = property_markdown(text) if text else f"`{name}` of a {short_name}."
        fact = AGENT.get((short_name, name)) or REFUSED.get(name)
        if fact:
            md = md + "\n\n" + fact
        if page:
            md += f"\n\n[{short_name} in the Kubernetes API reference]({REFERENCE}{page})"
        out[name] = annotated(schema, title=f"{short_name}.{name}",
                              description=property_description(text) or f"{name} of a {short_name}",
                              markdown=md, examples=EXAMPLES.get((short_name, name)))
    return out


def clean(node, defs_needed, definition=None):
    """Drops x-kubernetes-* and long descriptions, rewrites refs to local $defs, annotates properties."""
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
            if key == "properties" and isinstance(value, dict) and definition:
                cleaned = {name: clean(sub, defs_needed) for name, sub in value.items()}
                out[key] = annotate_properties(value, cleaned, definition)
                continue
            out[key] = clean(value, defs_needed)
        return out
    if isinstance(node, list):
        return [clean(v, defs_needed) for v in node]
    return node


needed = []
root = clean(job, needed, "io.k8s.api.batch.v1.Job")
# The Job schema becomes a subschema here; its own identifiers would make it a separate resource.
for key in ("$id", "$schema"):
    root.pop(key, None)
defs = {}
while needed:
    name = needed.pop()
    if name in defs:
        continue
    d = clean(definitions[name], needed, name)
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

# What the API server checks that the OpenAPI schema leaves out: the grammar of a quantity
# (apimachinery resource.ParseQuantity) and the names it validates (DNS-1123). kubernetes-validate
# writes a quantity as oneOf(string|null, number|null), which null matches twice.
QUANTITY = (r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
            r"(?:[KMGTPE]i|[mkMGTPE]|[eE][+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))?$")
defs["io.k8s.apimachinery.pkg.api.resource.Quantity"] = {
    "type": ["string", "number", "null"],
    "pattern": QUANTITY,
    "x-launchc-message": {"pattern": "'{key}' is not a Kubernetes quantity (as 4, 500m, 1.5, 12Gi or 1e3): the API refuses it"},
}
DNS_LABEL = r"^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$"
DNS_SUBDOMAIN = r"^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$"
# Label keys ([prefix/]name) and values, as the API server validates them.
LABEL_NAME = r"[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?"
labels = defs["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]["properties"]["labels"]
labels["propertyNames"] = {
    "pattern": rf"^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*/)?{LABEL_NAME}$",
    "x-launchc-message": {"pattern": "'{key}' is not a label key: an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"}}
labels["additionalProperties"] = {
    **labels["additionalProperties"], "pattern": rf"^(?:{LABEL_NAME})?$",
    "x-launchc-message": {"pattern": "label '{key}' has a value the API refuses: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"}}
for container in ("io.k8s.api.core.v1.Container", "io.k8s.api.core.v1.EphemeralContainer"):
    if container in defs:
        defs[container]["properties"]["name"].update({
            "pattern": DNS_LABEL, "maxLength": 63,
            "x-launchc-message": {
                "pattern": "a container name is a DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit",
                "maxLength": "a container name has at most 63 characters"}})

properties = root.get("properties", {})
properties["apiVersion"] = annotated({
    "description": "batch/v1 (the default) or batch/v1beta1 take the Job path; other values the custom-resource path",
    "type": "string",
}, title="Job.apiVersion",
   markdown="`batch/v1` (the default) or `batch/v1beta1`: the W&B agent creates a Job from this config. Any other "
            "value (`kubeflow.org/v1`, …) takes its custom-resource path: the config is created as written, with "
            "`group` and `version` from the apiVersion and `kind` from `kind`, and this schema does not apply.",
   examples=["batch/v1", "kubeflow.org/v1"])
# A batch/v1 config is created through the Jobs endpoint, which refuses another kind ("Job in
# version v1 cannot be handled as a CronJob"); other kinds need their own apiVersion.
properties["kind"] = {**properties.get("kind", {}), "x-launchc-message": {
    "enum": "with apiVersion batch/v1 (the default) the agent creates a Job, and the Jobs endpoint refuses any other kind"}}
leak = "is read by the runner but also stays in the Job body, where the Kubernetes API does not expect it"
properties["namespace"] = annotated(
    {"not": {}, "x-launchc-code": "LC3502", "x-launchc-message": f"top-level 'namespace' {leak}; set metadata.namespace instead"},
    title="namespace (use metadata.namespace)",
    description=f"read by the runner as the Job's namespace, but also left in the Job body; set metadata.namespace instead",
    markdown="The W&B agent reads a top-level `namespace` as the Job's namespace (when `metadata.namespace` is absent), "
             "but also leaves it in the Job body, where the Kubernetes API does not expect it. Set `metadata.namespace`.")
runner_keys = {"wait_for_ready": "whether the agent waits for the additional services to be ready (default true)",
               "wait_timeout": "how many seconds the agent waits for the additional services (default 300)",
               "configFile": "the kubeconfig file the agent reads"}
for key, meaning in runner_keys.items():
    properties[key] = annotated(
        {"not": {}, "x-launchc-code": "LC3502", "x-launchc-message": f"top-level '{key}' {leak}"},
        title=f"{key} (left in the Job)",
        description=f"{meaning}; also left in the Job body, where the Kubernetes API does not expect it",
        markdown=f"Read by the W&B agent's Kubernetes runner as {meaning}, but also left in the Job body, where the "
                 f"Kubernetes API does not expect it.")
properties["context"] = annotated(
    {"not": {}, "x-launchc-code": "LC3503",
     "x-launchc-message": "'context' makes every job fail: the agent raises \"Specified context … was not found\" whatever its value"},
    title="context (always fails)",
    description="makes every job fail: the agent raises \"Specified context … was not found\" whatever its value",
    markdown="Makes every job fail: wandb 0.31.0 raises *Specified context … was not found* whatever the value, "
             "because the raise is not inside an `else` branch.")
# A Job's name is a DNS subdomain, and at most 63 characters: it becomes the job-name label.
properties["metadata"]["properties"] = {"name": {
    "title": "Job.metadata.name",
    "description": "the Job's name: a DNS subdomain of at most 63 characters; without it the agent generates one",
    "markdownDescription": "The Job's name: lower-case letters, digits, `-` and `.`, at most 63 characters (it is also the "
                           "pods' `job-name` label). Without it the W&B agent sets `generateName` from the entity and project.",
    "pattern": DNS_SUBDOMAIN, "maxLength": 63,
    "x-launchc-message": {
        "pattern": "a Job's name is a DNS subdomain: lower-case letters, digits, '-' and '.', each part starting and ending with a letter or digit",
        "maxLength": "a Job's name has at most 63 characters (it is also the pods' job-name label)"}}}
root["properties"] = properties
root.pop("required", None)

schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://launchc.dev/schemas/kubernetes.json",
    "$comment": f"Generated by scripts/gen-kubernetes-schema.py from the {KUBERNETES_VERSION} local-strict batch/v1 Job schema "
                f"in kubernetes-validate {wheel_version}, with the W&B agent's reading of the queue config (wandb 0.31.0). "
                f"Do not edit; run 'make generate-kubernetes'.",
    "title": "A Kubernetes queue config: the batch/v1 Job the W&B agent completes and creates",
    "markdownDescription": "A Kubernetes queue config: the `batch/v1` Job that the W&B agent (wandb 0.31.0) completes "
                           "and creates. The agent adds `backoffLimit: 0`, `ttlSecondsAfterFinished: 60` and "
                           "`restartPolicy: Never` unless given, its labels, the image, the entry point and the "
                           "`WANDB_*` environment, and a `securityContext` on every container; it refuses keys that "
                           "would loosen the pod's isolation (`securityContext`, `hostPath`, `hostNetwork`, …). Another "
                           "`apiVersion` is created as a custom resource. "
                           f"[Job in the Kubernetes API reference]({REFERENCE}workload-resources/job-v1/)",
    "if": {"properties": {"apiVersion": {"not": {"enum": ["batch/v1", "batch/v1beta1"]}}}, "required": ["apiVersion"]},
    "then": {"type": "object"},
    "else": root,
    "$defs": dict(sorted(defs.items())),
}
write_schema("kubernetes", schema, f"({len(defs)} definitions, {{kib}} KiB) from kubernetes-validate {wheel_version}")
