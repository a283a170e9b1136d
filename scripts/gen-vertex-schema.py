#!/usr/bin/env python3
"""Generates, from the Vertex AI protos: schemas/gcp-vertex.json (a Vertex AI queue config, as the
W&B agent reads it), schemas/vertex-custom-job.json (the CustomJob as the REST API takes it, which
`launchc render` checks its output against) and Sources/LaunchcCore/Render/VertexProto.generated.swift
(the worker-pool messages' fields, numbers, JSON names and types, with which `render` converts a
queue's snake_case worker pools the way the aiplatform SDK does).

Input: the CustomJob worker-pool messages of the Vertex AI protos in the google-cloud-aiplatform
package (aiplatform_v1 types, introspected through proto-plus; the version is recorded in the
output), with snake_case field names and the real enums (accelerator types, ...), and the W&B
agent's reading of `spec` and `run` (wandb 0.31.0, sdk/launch/runner/vertex_runner.py): at least one worker pool, each with a container_spec; a staging
bucket; only base_output_dir, encryption_spec_key_name and labels read from spec besides; the
eight keys of CustomJob.submit read from run, experiment and tensorboard not together; everything else ignored.

Usage: python scripts/gen-vertex-schema.py   (make generate-vertex; needs google-cloud-aiplatform)
"""
import json, os, sys, re

import google.cloud.aiplatform as aiplatform
from google.cloud.aiplatform_v1.types import custom_job

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generated import DESCRIPTION_LIMIT, MARKDOWN_LIMIT, ROOT, annotated, bounded, write_if_changed, write_schema  # noqa: E402

SCALARS = {1: "number", 2: "number", 3: "integer", 4: "integer", 5: "integer", 6: "integer", 7: "integer",
           8: "boolean", 9: "string", 12: "string", 13: "integer", 15: "integer", 16: "integer", 17: "integer", 18: "integer"}
UNSIGNED = {4, 6, 7, 13}
defs = {}


REST_REFERENCE = "https://cloud.google.com/vertex-ai/docs/reference/rest/v1/"
# Pages of the Vertex AI REST reference that document a message (the others are not linked).
REST_PAGES = {"CustomJob": "projects.locations.customJobs#CustomJob", "CustomJobSpec": "CustomJobSpec",
              "WorkerPoolSpec": "CustomJobSpec", "ContainerSpec": "CustomJobSpec", "PythonPackageSpec": "CustomJobSpec",
              "Scheduling": "CustomJobSpec", "MachineSpec": "MachineSpec"}


def field_docs(cls):
    """A proto-plus class's "Attributes:" section: field name -> the paragraphs of its text."""
    out = {}
    for match in re.finditer(r"^ {8}(\w+) \([^\n]*\):\n((?: {12}.*\n?|[ \t]*\n)*)", cls.__doc__ or "", re.M):
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", match.group(2))]
        out[match.group(1)] = [p for p in paragraphs if p and not p.startswith("This field is a member of")]
    return out


PREFIXES = ("Required.", "Optional.", "Immutable.", "Output only.")


def rst_plain(text):
    """A docstring paragraph (reStructuredText) as plain text, without the Required./Optional./
    Immutable. prefixes."""
    while text.startswith(PREFIXES):
        text = text.split(".", 1)[1].strip()
    text = re.sub(r"`([^`<]+?)\s*<[^>]+>`__", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\[[\w.]+\]", r"\1", text)
    return text.replace("``", "").replace("\\*", "*")


def rst_markdown(text):
    """A docstring paragraph as Markdown: code spans and links kept, "Required." in bold."""
    required = text.startswith("Required.")
    while text.startswith(PREFIXES):
        text = text.split(".", 1)[1].strip()
    text = re.sub(r"`([^`<]+?)\s*<([^>]+)>`__", r"[\1](\2)", text)
    text = re.sub(r"\[([^\]]+)\]\[[\w.]+\]", r"`\1`", text)
    text = text.replace("``", "`").replace("\\*", "*")
    return ("**Required.** " if required else "") + text


def rest_link(message):
    page = REST_PAGES.get(message)
    return f"[{message} in the Vertex AI REST reference]({REST_REFERENCE}{page})" if page else None


def field_annotations(message, field, paragraphs, json_name=None, fallback=None):
    """title, description and markdownDescription of a field from its documentation (the first
    paragraph, bounded), or from `fallback` when it has none."""
    name = json_name or field
    first = paragraphs[0] if paragraphs else ""
    description = bounded(rst_plain(first), DESCRIPTION_LIMIT) if first else fallback
    md = bounded(rst_markdown(first), MARKDOWN_LIMIT) if first else fallback
    link = rest_link(message)
    if link:
        if json_name is None and "_" in field:
            link += f" (camelCase there, `{json_name_of(message, field)}`; the Vertex SDK the agent uses needs `{field}`)"
        md = (md + "\n\n" if md else "") + link
    return dict(title=f"{message}.{name}", description=description, markdown=md)


def json_name_of(message, field):
    head, *rest = field.split("_")
    return head + "".join(piece.title() for piece in rest)


def ref_for(message):
    name = message.__name__
    if message.__module__.startswith("google.protobuf"):
        return {"type": "string", "description": f"a {name} in its JSON form"}
    if name not in defs:
        defs[name] = None
        defs[name] = message_schema(message)
    return {"$ref": "#/$defs/" + name}


def field_schema(field):
    if field.proto_type == 11:
        message = field.message
        entry = getattr(message, "meta", None) and getattr(message.meta, "fields", None)
        if entry and set(entry) == {"key", "value"}:  # a map field
            return {"type": "object", "additionalProperties": field_schema(entry["value"])}
        item = ref_for(message) if hasattr(message, "meta") else {"type": "object"}
    elif field.proto_type == 14:
        names = [e.name for e in field.enum]
        item = {"enum": names + [e.value for e in field.enum]}
    else:
        item = {"type": SCALARS[field.proto_type]}
        if field.proto_type in UNSIGNED:
            item["minimum"] = 0
    return {"type": "array", "items": item} if field.repeated else item


# Examples for fields of the worker-pool messages, by (message, field).
EXAMPLES = {
    ("MachineSpec", "machine_type"): ["n1-standard-8", "a2-highgpu-1g"],
    ("MachineSpec", "accelerator_type"): ["NVIDIA_TESLA_T4", "NVIDIA_TESLA_A100"],
    ("MachineSpec", "accelerator_count"): [1, 8],
    ("WorkerPoolSpec", "replica_count"): [1],
    ("ContainerSpec", "image_uri"): ["${image_uri}", "us-central1-docker.pkg.dev/ml-platform/launch/train:latest"],
    ("ContainerSpec", "args"): [["--epochs", "10"]],
    ("ContainerSpec", "env"): [[{"name": "NCCL_DEBUG", "value": "INFO"}]],
    ("DiskSpec", "boot_disk_type"): ["pd-ssd"],
    ("DiskSpec", "boot_disk_size_gb"): [100],
}
# What the W&B agent does with a worker-pool field (wandb 0.31.0, vertex_runner.py).
AGENT = {
    ("WorkerPoolSpec", "container_spec"): "The W&B agent requires one in every worker pool.",
    ("ContainerSpec", "image_uri"): "The W&B agent does not fill the image in: write `${image_uri}` for the image W&B builds or names.",
    ("ContainerSpec", "args"): "Kept by the W&B agent; the run's own arguments go into `command`.",
    ("ContainerSpec", "env"): "The W&B agent appends its `WANDB_*` variables after these.",
    ("MachineSpec", "machine_type"): "See the [machine types for custom training]"
                                      "(https://cloud.google.com/vertex-ai/docs/training/configure-compute#machine-types).",
}


def message_schema(message):
    fields = message.meta.fields
    name = message.__name__
    docs = field_docs(message)
    properties = {}
    for field, f in fields.items():
        schema = field_schema(f)
        notes = field_annotations(name, field, docs.get(field, []), fallback=f"the {field.replace('_', ' ')} of a {name}")
        if schema.get("description"):  # a well-known type's JSON form
            notes["description"] = f"{notes['description']} ({schema['description']})"
        if (name, field) in AGENT:
            notes["markdown"] = AGENT[(name, field)] + "\n\n" + notes["markdown"]
        properties[field] = annotated(schema, **notes, examples=EXAMPLES.get((name, field)))
    out = {"type": "object", "properties": properties, "additionalProperties": False}
    oneofs = {}
    for name, f in fields.items():
        if f.oneof:
            oneofs.setdefault(f.oneof, []).append(name)
    for group, names in oneofs.items():
        out.setdefault("allOf", []).append({
            "not": {"anyOf": [{"required": [a, b]} for i, a in enumerate(names) for b in names[i + 1:]]},
            "x-launchc-message": f"at most one of {', '.join(names)} (they are alternatives)"})
    return out


pool = ref_for(custom_job.WorkerPoolSpec)
defs["WorkerPoolSpec"]["required"] = ["container_spec"]
defs["WorkerPoolSpec"]["x-launchc-code"] = {"required": "LC3403"}
defs["WorkerPoolSpec"]["x-launchc-message"] = {"required": "each worker pool needs a container_spec; the agent refuses a pool without one"}
defs["ContainerSpec"]["required"] = ["image_uri"]
defs["ContainerSpec"]["minProperties"] = 1
defs["ContainerSpec"]["x-launchc-message"] = {"required": "a container_spec needs image_uri: the agent does not fill the image in (write ${image_uri})"}
defs["ContainerSpec"]["properties"]["command"] = annotated({
    "not": {}, "x-launchc-code": "LC3404",
    "x-launchc-message": "container_spec.command is always replaced by the job's entry point; put fixed arguments in args"},
    title="ContainerSpec.command (replaced)",
    description="always replaced by the run's entry point and arguments; put fixed arguments in args",
    markdown="Always replaced: the W&B agent sets `command` to the run's entry point (the override, else the job's) "
             "followed by `overrides.args`, even when that is empty. Put fixed arguments in `args`, which it keeps.")



def sdk_args(function):
    """A Google-style docstring's "Args:" section: argument -> the paragraphs of its text."""
    out = {}
    for match in re.finditer(r"^ {12}(\w+) \([^\n]*\):\n((?: {16}.*\n?|[ \t]*\n)*)", function.__doc__ or "", re.M):
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", match.group(2))]
        out[match.group(1)] = [p for p in paragraphs if p]
    return out


def sdk_plain(paragraph):
    """A docstring paragraph as plain text: no prefix, references, code marks or sentences that
    only point at a URL."""
    text = re.sub(r"^(Required|Optional)\.\s*", "", paragraph)
    text = re.sub(r"\[([^\]]+)\]\[[\w.]+\]", r"\1", text).replace("`", "")
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return " ".join(s for s in sentences if not re.search(r"https?://|For more information", s))


def sdk_markdown(paragraph):
    """A docstring paragraph as Markdown: references as code, bare URLs as links."""
    text = re.sub(r"^(Required|Optional)\.\s*", "", paragraph)
    text = re.sub(r"\[([^\]]+)\]\[[\w.]+\]", r"`\1`", text).replace("``", "`")
    if text.count("`") % 2:  # an unpaired mark in the source would swallow the rest
        text = text.replace("`", "")
    return re.sub(r"(?<![(<])(https?://[^\s)]+?)([.,;]?)(?=\s|$)", r"<\1>\2", text)


def sdk_annotations(owner, key, documented, agent, examples=None):
    """Annotations for a key of spec or run: the SDK's documentation of the argument it becomes,
    then what the W&B agent does with it (plain, Markdown)."""
    paragraphs = documented.get(key, [])
    fact, fact_md = agent
    plain_text = bounded(sdk_plain(paragraphs[0]) if paragraphs else "", DESCRIPTION_LIMIT - len(fact) - 1)
    md = bounded("\n\n".join(sdk_markdown(p) for p in paragraphs), MARKDOWN_LIMIT)
    return dict(title=f"{owner}.{key}", description=(plain_text + " " + fact).strip(),
                markdown=(md + "\n\n" + fact_md).strip(), examples=examples)


init_args = sdk_args(aiplatform.CustomJob.__init__)
submit_args = sdk_args(aiplatform.CustomJob.submit)
ignored = "is ignored by the agent"
spec_keys = {
    "worker_pool_specs": annotated(
        {"type": "array", "minItems": 1, "items": pool,
         "x-launchc-code": {"minItems": "LC3401"},
         "x-launchc-message": {"minItems": "Vertex needs at least one worker pool spec"}},
        **sdk_annotations("spec", "worker_pool_specs", init_args, (
            "The agent requires at least one, each with a container_spec.",
            "The W&B agent requires at least one pool, each with a `container_spec`; it replaces every pool's "
            "`container_spec.command` with the run's entry point and arguments, and appends its `WANDB_*` variables "
            "to `container_spec.env`. Keys are the SDK's snake_case field names: camelCase ones fail."),
            [[{"machine_spec": {"machine_type": "n1-standard-8"}, "replica_count": 1,
               "container_spec": {"image_uri": "${image_uri}"}}]])),
    "staging_bucket": annotated(
        {"type": "string", "pattern": "^gs://[^/]+",
         "x-launchc-message": {"pattern": "staging_bucket must be a gs:// URI"}},
        **sdk_annotations("spec", "staging_bucket", init_args, (
            "The agent requires it.",
            "Required by the W&B agent. Without `base_output_dir`, the job's output goes to "
            "`<staging_bucket>/aiplatform-custom-job-<timestamp>`."), ["gs://ml-platform-vertex/staging"])),
    "base_output_dir": annotated(
        {"type": "string", "pattern": "^gs://[^/]+",
         "x-launchc-message": {"pattern": "base_output_dir must be a gs:// URI"}},
        **sdk_annotations("spec", "base_output_dir", init_args, ("", ""), ["gs://ml-platform-vertex/output"])),
    "encryption_spec_key_name": annotated(
        {"type": "string"},
        **sdk_annotations("spec", "encryption_spec_key_name", init_args, ("", ""), ["projects/ml-platform/locations/us-central1/keyRings/launch/cryptoKeys/vertex"])),
    "labels": annotated(
        {"type": "object", "additionalProperties": {"type": "string"}},
        **sdk_annotations("spec", "labels", init_args, (
            "The agent adds wandb-run-id.",
            "The W&B agent adds `wandb-run-id: <run id>`."), [{"team": "ml-platform"}])),
    "service_account": annotated(
        {"not": {}, "x-launchc-code": "LC3402",
         "x-launchc-message": "spec.service_account is ignored: the agent reads the service account from run.service_account"},
        title="spec.service_account (ignored)",
        description="ignored: the agent reads the service account from run.service_account",
        markdown="Ignored, though W&B's docs put it here: the W&B agent reads the service account from "
                 "`run.service_account`."),
}
run_keys = {
    "timeout": ({"type": "integer", "minimum": 1, "description": "seconds"}, [86400]),
    "service_account": ({"type": "string"}, ["launch-jobs@ml-platform.iam.gserviceaccount.com"]),
    "network": ({"type": "string"}, ["projects/12345/global/networks/ml-vpc"]),
    "enable_web_access": ({"type": "boolean"}, None),
    "experiment": ({"type": "string"}, None),
    "experiment_run": ({"type": "string"}, None),
    "tensorboard": ({"type": "string"}, None),
    "restart_job_on_worker_restart": ({"type": "boolean"}, None),
}
not_with = ("Not together with run.{other}: CustomJob.submit refuses the pair.",
            "Not together with `run.{other}`: `CustomJob.submit` refuses the pair, and the job fails.")
run_properties = {}
for key, (schema_, examples) in run_keys.items():
    other = {"experiment": "tensorboard", "tensorboard": "experiment"}.get(key)
    agent = (not_with[0].format(other=other), not_with[1].format(other=other)) if other else ("", "")
    notes = sdk_annotations("run", key, submit_args, agent, examples)
    if key == "timeout":
        notes["description"] = schema_["description"]  # the note on its findings
    run_properties[key] = annotated(schema_, **notes)

schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://launchc.dev/schemas/gcp-vertex.json",
    "$comment": f"Generated by scripts/gen-vertex-schema.py from the aiplatform_v1 CustomJob messages of "
                f"google-cloud-aiplatform {aiplatform.__version__}, with the W&B agent's reading of spec and run "
                f"(wandb 0.31.0). Do not edit; run 'make generate-vertex'.",
    "title": "A Vertex AI queue config: the CustomJob the W&B agent builds and submits",
    "markdownDescription": "A Vertex AI queue config, as the W&B agent (wandb 0.31.0) reads it: `spec` becomes the "
                           "`aiplatform.CustomJob` (its worker pools, staging bucket, output directory, encryption key "
                           "and labels) and `run` the arguments of `CustomJob.submit`; nothing else is read. The job is "
                           "created in the agent environment's region, in the project of its GCP credentials. "
                           f"[CustomJob in the Vertex AI REST reference]({REST_REFERENCE}projects.locations.customJobs#CustomJob)",
    "type": "object",
    "required": ["spec"],
    "properties": {
        "spec": annotated({
            "type": "object",
            "required": ["worker_pool_specs", "staging_bucket"],
            "properties": spec_keys,
            "additionalProperties": False,
            "x-launchc-code": {"additionalProperties": "LC3402", "required": "LC3401"},
            "x-launchc-message": {"additionalProperties": f"spec key '{{key}}' {ignored}",
                                  "required": "Vertex needs spec.{key}; the agent refuses a config without worker_pool_specs and staging_bucket"},
            "x-launchc-aliases": {"network": "run.network", "timeout": "run.timeout", "workerPoolSpecs": "worker_pool_specs",
                                  "stagingBucket": "staging_bucket", "baseOutputDir": "base_output_dir"},
        }, title="spec",
           description="the CustomJob: worker_pool_specs and staging_bucket (required), base_output_dir, encryption_spec_key_name, labels",
           markdown="The `aiplatform.CustomJob` the W&B agent creates: `worker_pool_specs` and `staging_bucket` "
                    "(both required), `base_output_dir`, `encryption_spec_key_name` and `labels`. Any other key is "
                    "ignored. The job's display name is the run's name."),
        "run": annotated({
            "type": "object",
            "properties": run_properties,
            "additionalProperties": False,
            "not": {"required": ["experiment", "tensorboard"]},
            "x-launchc-code": {"additionalProperties": "LC3402", "not": "LC3406"},
            "x-launchc-message": {"additionalProperties": f"run key '{{key}}' {ignored}",
                                  "not": "run.experiment and run.tensorboard together: CustomJob.submit refuses the pair, and the job fails"},
            "x-launchc-aliases": {"serviceAccount": "service_account", "enableWebAccess": "enable_web_access",
                                  "restartJobOnWorkerRestart": "restart_job_on_worker_restart"},
        }, title="run",
           description="the arguments of CustomJob.submit: timeout, service_account, network, enable_web_access, experiment, experiment_run, tensorboard, restart_job_on_worker_restart",
           markdown="The arguments the W&B agent passes to `CustomJob.submit`: `timeout`, `service_account`, `network`, "
                    "`enable_web_access`, `experiment`, `experiment_run`, `tensorboard` and "
                    "`restart_job_on_worker_restart`. Any other key (such as `disable_retries`) is ignored."),
    },
    "additionalProperties": False,
    "x-launchc-code": {"additionalProperties": "LC3402", "required": "LC3401"},
    "x-launchc-message": {"additionalProperties": f"'{{key}}' {ignored}: a Vertex queue config holds spec and run",
                          "required": "a Vertex queue config needs spec (with worker_pool_specs and staging_bucket)"},
    "$defs": dict(sorted(defs.items())),
}
write_schema("gcp-vertex", schema, f"({len(defs)} messages, {{kib}} KiB) from google-cloud-aiplatform {aiplatform.__version__}")


# ---------------------------------------------------------------------------------------------
# The CustomJob as the REST API takes it (proto3 JSON: camelCase names, int64 as strings, enums by
# name, Duration as "<seconds>s"), from the message descriptors; "Required." in a field's
# documentation makes it required. What `launchc render` prints is checked against this.
from google.protobuf import descriptor as pbd  # noqa: E402

INT64 = {pbd.FieldDescriptor.TYPE_INT64, pbd.FieldDescriptor.TYPE_UINT64, pbd.FieldDescriptor.TYPE_FIXED64,
         pbd.FieldDescriptor.TYPE_SFIXED64, pbd.FieldDescriptor.TYPE_SINT64}
INT32 = {pbd.FieldDescriptor.TYPE_INT32: (-2**31, 2**31 - 1), pbd.FieldDescriptor.TYPE_SINT32: (-2**31, 2**31 - 1),
         pbd.FieldDescriptor.TYPE_SFIXED32: (-2**31, 2**31 - 1), pbd.FieldDescriptor.TYPE_UINT32: (0, 2**32 - 1),
         pbd.FieldDescriptor.TYPE_FIXED32: (0, 2**32 - 1)}
WELL_KNOWN = {
    "google.protobuf.Duration": {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]{1,9})?s$",
                                 "description": "a duration: seconds, with up to nine fractional digits, then 's'"},
    "google.protobuf.Timestamp": {"type": "string", "description": "an RFC 3339 time"},
}
PACKAGE = "google.cloud.aiplatform.v1"


def documented(full_name):
    """The proto-plus class's "Attributes:" section: field name -> its text, whitespace collapsed."""
    cls = PROTO_PLUS.get(full_name)
    out = {}
    for match in re.finditer(r"^ {8}(\w+) \([^\n]*\):\n((?: {12}.*\n?|[ \t]*\n)*)", (cls.__doc__ or "") if cls else "", re.M):
        out[match.group(1)] = " ".join(match.group(2).split())
    return out


def _proto_plus_messages():
    seen, stack = [], [custom_job.CustomJob]
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.append(cls)
        for field in cls.meta.fields.values():
            if field.proto_type == 11 and hasattr(field.message, "meta"):
                stack.append(field.message)
    return seen


PROTO_PLUS = {m.meta.full_name: m for m in _proto_plus_messages()}


def first_sentences(text):
    for prefix in ("Output only. ", "Required. ", "Optional. ", "Immutable. ", "Optional. "):
        text = text[len(prefix):] if text.startswith(prefix) else text
    cut = text.find(". ")
    text = text if cut < 0 else text[:cut + 1]
    return text.replace("``", "`")


rest_defs = {}


def rest_field(field):
    if field.message_type is not None:
        message = field.message_type
        if message.GetOptions().map_entry:
            return {"type": "object", "additionalProperties": rest_field(message.fields_by_name["value"])}
        if message.full_name in WELL_KNOWN:
            item = dict(WELL_KNOWN[message.full_name])
        elif message.full_name.startswith("google.protobuf") or message.full_name.startswith("google.rpc"):
            item = {"type": "object"}
        else:
            item = {"$ref": "#/$defs/" + rest_message(message)}
    elif field.enum_type is not None:
        item = {"enum": [v.name for v in field.enum_type.values]}
    elif field.type in INT64:
        item = {"type": ["string", "integer"], "pattern": "^-?[0-9]+$", "description": "a 64-bit integer, written as a string"}
    elif field.type in INT32:
        low, high = INT32[field.type]
        item = {"type": "integer", "minimum": low, "maximum": high}
    elif field.type == pbd.FieldDescriptor.TYPE_BOOL:
        item = {"type": "boolean"}
    elif field.type in (pbd.FieldDescriptor.TYPE_DOUBLE, pbd.FieldDescriptor.TYPE_FLOAT):
        item = {"type": "number"}
    else:  # string, bytes
        item = {"type": "string"}
    return {"type": "array", "items": item} if field.is_repeated else item


def rest_message(message):
    name = message.name
    if name in rest_defs:
        return name
    rest_defs[name] = None
    docs = documented(message.full_name)
    paragraphs = field_docs(PROTO_PLUS[message.full_name]) if message.full_name in PROTO_PLUS else {}
    properties, required, oneofs = {}, [], {}
    for field in sorted(message.fields, key=lambda f: f.number):
        schema = rest_field(field)
        text = docs.get(field.name, "")
        if text and "description" not in schema:
            schema["description"] = first_sentences(text)
        notes = field_annotations(name, field.name, paragraphs.get(field.name, []), json_name=field.json_name,
                                  fallback=f"the {field.name.replace('_', ' ')} of a {name}")
        # The description stays the first sentences, as findings on the rendered job show it.
        notes["description"] = schema.get("description") or notes["description"]
        properties[field.json_name] = annotated(schema, **notes)
        if text.startswith("Required."):
            required.append(field.json_name)
        if field.containing_oneof is not None:
            oneofs.setdefault(field.containing_oneof.name, []).append(field.json_name)
    out = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = required
    for names in oneofs.values():
        if len(names) > 1:
            out.setdefault("allOf", []).append({
                "not": {"anyOf": [{"required": [a, b]} for i, a in enumerate(names) for b in names[i + 1:]]},
                "x-launchc-message": f"at most one of {', '.join(names)} (they are alternatives)"})
    rest_defs[name] = out
    return name


root_name = rest_message(custom_job.CustomJob.pb().DESCRIPTOR)
root = rest_defs.pop(root_name)
# What the CustomJob documentation says of labels and the display name, which the protos cannot.
label_text = "[\\p{Ll}\\p{Lo}\\p{N}_-]"
root["properties"]["displayName"]["maxLength"] = 128
root["properties"]["labels"].update({
    "propertyNames": {"pattern": f"^{label_text}{{1,64}}$",
                      "x-launchc-message": {"pattern": "a label key can only contain lowercase letters, digits, '_' and '-', at most 64 of them"}},
    "additionalProperties": {"type": "string", "pattern": f"^{label_text}{{0,64}}$",
                             "x-launchc-message": {"pattern": "a label value can only contain lowercase letters, digits, '_' and '-', at most 64 of them"}},
})
rest_schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://launchc.dev/schemas/vertex-custom-job.json",
    "$comment": f"Generated by scripts/gen-vertex-schema.py from the aiplatform_v1 CustomJob messages of "
                f"google-cloud-aiplatform {aiplatform.__version__}. Do not edit; run 'make generate-vertex'.",
    "title": "A Vertex AI CustomJob, as the REST API takes it (projects.locations.customJobs.create)",
    **root,
    "$defs": dict(sorted(rest_defs.items())),
}
write_schema("vertex-custom-job", rest_schema, f"({len(rest_defs) + 1} messages) from google-cloud-aiplatform {aiplatform.__version__}")

# ---------------------------------------------------------------------------------------------
# The worker-pool messages for the renderer: what a queue's snake_case worker pool becomes.
KINDS = {pbd.FieldDescriptor.TYPE_STRING: ".string", pbd.FieldDescriptor.TYPE_BOOL: ".bool",
         pbd.FieldDescriptor.TYPE_DOUBLE: ".double", pbd.FieldDescriptor.TYPE_FLOAT: ".double"}
messages, enums, stack = {}, {}, [custom_job.WorkerPoolSpec.pb().DESCRIPTOR]
while stack:
    message = stack.pop()
    if message.name in messages:
        continue
    rows = []
    for field in sorted(message.fields, key=lambda f: f.number):
        if field.message_type is not None:
            if field.message_type.full_name.startswith("google.protobuf"):
                sys.exit(f"{message.name}.{field.name}: a well-known type in a worker pool; teach the renderer")
            kind = f'.message("{field.message_type.name}")'
            stack.append(field.message_type)
        elif field.enum_type is not None:
            enum = field.enum_type
            enums[enum.full_name[len(PACKAGE) + 1:]] = [(v.name, v.number) for v in enum.values]
            kind = f'.enumeration("{enum.full_name[len(PACKAGE) + 1:]}")'
        elif field.type in INT64:
            kind = ".int64"
        elif field.type in INT32:
            kind = f".int32(min: {INT32[field.type][0]}, max: {INT32[field.type][1]})"
        elif field.type in KINDS:
            kind = KINDS[field.type]
        else:
            sys.exit(f"{message.name}.{field.name}: proto type {field.type} is not handled; teach the generator")
        oneof = f'"{field.containing_oneof.name}"' if field.containing_oneof else "nil"
        repeated = "true" if field.is_repeated else "false"
        rows.append(f'            .init(number: {field.number}, name: "{field.name}", jsonName: "{field.json_name}", '
                    f'kind: {kind}, repeated: {repeated}, oneof: {oneof}),')
    messages[message.name] = rows
lines = ["// Generated by scripts/gen-vertex-schema.py from the aiplatform_v1 WorkerPoolSpec messages of",
         f"// google-cloud-aiplatform {aiplatform.__version__}. Do not edit; run 'make generate-vertex'.",
         "",
         "extension VertexProto {",
         f'    static let package = "{PACKAGE}"',
         "",
         "    /// Each message's fields, in field-number order (the order proto3 JSON prints them in).",
         "    static let messages: [String: [Field]] = ["]
for name in sorted(messages):
    lines += [f'        "{name}": ['] + messages[name] + ["        ],"]
lines += ["    ]", "", "    /// Each enum's values: name and number.", "    static let enums: [String: [(name: String, number: Int)]] = ["]
for name in sorted(enums):
    values = ", ".join(f'("{n}", {v})' for n, v in enums[name])
    lines.append(f'        "{name}": [{values}],')
lines += ["    ]", "}", ""]
out = os.path.join(ROOT, "Sources", "LaunchcCore", "Render", "VertexProto.generated.swift")
write_if_changed(out, "\n".join(lines), f"wrote Sources/LaunchcCore/Render/VertexProto.generated.swift ({len(messages)} messages, {len(enums)} enums)")
