#!/usr/bin/env python3
"""Generates schemas/sagemaker.json: a SageMaker queue config, as the W&B agent reads it; and
schemas/sagemaker-request.json: the CreateTrainingJob request itself, as the API takes it
(CamelCase members only, the model's required members), which `launchc render` checks the
request it renders against. The request schema refers to the shapes in sagemaker.json.

Input: the CreateTrainingJob request shape of the AWS service model shipped in botocore (the
version installed, recorded in the output), and the W&B agent's own reading of the top level
(wandb 0.31.0, sdk/launch/runner/sagemaker_runner.py):

- top-level snake_case keys are camel-cased with Python's str.title() per '_'-piece, so
  `resource_config` is `ResourceConfig`; except `output_data_config` (not recognised: the agent
  fails), `training_job_name` (overwritten by the run id), lowercase `environment` and `tags`
  (left in the request, which CreateTrainingJob rejects);
- `RoleArn` (or `role_arn`) may be a bare role name, which the agent turns into an ARN;
- `TrainingJobName` is filled with the run id when absent; `EcrRepoName`, `region` and
  `profile` are removed before submission.

Usage: scripts/gen-sagemaker-schema.py  (make generate-sagemaker)
"""
import gzip, html, json, os, re, sys

import botocore

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generated import DESCRIPTION_LIMIT, MARKDOWN_LIMIT, annotated, bounded, write_schema  # noqa: E402

model_path = os.path.join(os.path.dirname(botocore.__file__), "data", "sagemaker")
version = sorted(os.listdir(model_path))[-1]
model = json.load(gzip.open(os.path.join(model_path, version, "service-2.json.gz")))
shapes = model["shapes"]


API_REFERENCE = "https://docs.aws.amazon.com/sagemaker/latest/APIReference/"


def first_paragraph(text):
    """The first paragraph of an AWS documentation string (HTML), as HTML."""
    text = re.sub(r"^(\s*<p\s*/>)+", "", text or "").strip()
    if text.startswith("<p>"):
        return text[3:text.find("</p>")] if "</p>" in text else text[3:]
    return re.split(r"<(?:p|note|important|ul|ol)\b", text)[0]


def plain(fragment):
    """HTML as one line of plain text."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def plain_description(fragment):
    """HTML as one line of plain text, without the "For more information, see …" sentences, whose
    links plain text loses."""
    sentences = re.split(r"(?<=[.!?])\s+", plain(fragment))
    kept = [s for s in sentences if not re.match(r"For (more )?information\b", s)]
    return " ".join(kept or sentences[:1])


def markdown(fragment):
    """HTML as one line of Markdown: code spans, links, bold and italics kept."""
    def code(m):
        return "`" + plain(m.group(1)) + "`"

    def link(m):
        href, label = m.group(1), plain(m.group(2))
        return f"[{label}]({href})" if href.startswith("https://") else label
    text = re.sub(r"<code>(.*?)</code>", code, fragment, flags=re.S)
    text = re.sub(r'<a href="([^"]*)"[^>]*>(.*?)</a>', link, text, flags=re.S)
    text = re.sub(r"</?(?:b|strong)>", "**", text)
    text = re.sub(r"</?(?:i|em)>", "_", text)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", text))).strip()


def reference(parent, member):
    """The member's entry in the SageMaker API reference."""
    if parent == "CreateTrainingJob":
        return f"{API_REFERENCE}API_CreateTrainingJob.html#sagemaker-CreateTrainingJob-request-{member}"
    return f"{API_REFERENCE}API_{parent}.html#sagemaker-Type-{parent}-{member}"


def summary(spec):
    """What a member without documentation holds, from its shape."""
    shape = shapes[spec["shape"]]
    if "enum" in shape:
        return "One of " + ", ".join(shape["enum"]) + "."
    return {"structure": "An object.", "list": "A list.", "map": "A map."}.get(shape["type"], f"A {shape['type']}.")


# Where the W&B agent treats a member in its own way (wandb 0.31.0, sdk/launch/runner/sagemaker_runner.py), said after AWS's own text: (plain, Markdown).
AGENT = {
    ("CreateTrainingJob", "TrainingJobName"): (
        "The agent uses the run id when it is absent, and fills macros such as ${run_id} in it.",
        "The W&B agent uses the run id when it is absent, and fills macros such as `${run_id}` in it (CamelCase only: a "
        "snake_case `training_job_name` is overwritten by the run id)."),
    ("CreateTrainingJob", "AlgorithmSpecification"): (
        "When absent the agent sends the job's image with TrainingInputMode File; when given, it sets TrainingImage but "
        "does not add TrainingInputMode.",
        "When absent, the W&B agent sends `{TrainingImage: <the job's image>, TrainingInputMode: File}`. When given, it "
        "sets `TrainingImage` (to the job's image, unless `TrainingImage` is given), `ContainerEntrypoint` and "
        "`ContainerArguments`, but does not add `TrainingInputMode`, which CreateTrainingJob requires."),
    ("CreateTrainingJob", "OutputDataConfig"): (
        "Required by the agent, in CamelCase only.",
        "Required by the W&B agent, in CamelCase only: `output_data_config` makes it fail with *requires an "
        "OutputDataConfig*."),
    ("CreateTrainingJob", "ResourceConfig"): (
        "Required by the agent (resource_config works too).",
        "Required by the W&B agent (`resource_config` works too)."),
    ("CreateTrainingJob", "StoppingCondition"): (
        "Required by the agent (stopping_condition works too).",
        "Required by the W&B agent (`stopping_condition` works too)."),
    ("CreateTrainingJob", "Environment"): (
        "The agent adds the WANDB_* variables (cut into 512-character pieces); values given here win over them.",
        "The W&B agent adds the `WANDB_*` variables, long values cut into 512-character pieces (`WANDB_CONFIG_0`, …); "
        "a value given here wins over the agent's."),
    ("CreateTrainingJob", "Tags"): (
        "The agent appends the tag WandbRunId with the run id.",
        "The W&B agent appends `{Key: WandbRunId, Value: <run id>}`."),
    ("AlgorithmSpecification", "TrainingImage"): (
        "When given, the agent sends it as written (macros are not filled) and runs only the run's override entry point.",
        "When given, the W&B agent sends it as written (macros such as `${image_uri}` are not filled) and uses only "
        "`overrides.entry_point`, dropping the job's own entry point. Leave it out to train on the image W&B builds or names."),
    ("AlgorithmSpecification", "TrainingInputMode"): (
        "The agent adds File only when AlgorithmSpecification is absent.",
        "The W&B agent adds `File` only when the whole `AlgorithmSpecification` is absent."),
    ("AlgorithmSpecification", "ContainerEntrypoint"): (
        "The agent sets it to the run's entry point when there is one.",
        "The W&B agent sets it to the run's entry point when there is one."),
    ("AlgorithmSpecification", "ContainerArguments"): (
        "The agent sets it to overrides.args when they are given.",
        "The W&B agent sets it to `overrides.args` when they are given."),
}

EXAMPLES = {
    ("CreateTrainingJob", "TrainingJobName"): ["resnet-training-001"],
    ("CreateTrainingJob", "HyperParameters"): [{"epochs": "10", "learning-rate": "0.001"}],
    ("CreateTrainingJob", "Environment"): [{"NCCL_DEBUG": "INFO"}],
    ("CreateTrainingJob", "Tags"): [[{"Key": "team", "Value": "ml-platform"}]],
    ("AlgorithmSpecification", "TrainingImage"): ["123456789012.dkr.ecr.us-west-2.amazonaws.com/train:latest"],
    ("AlgorithmSpecification", "TrainingInputMode"): ["File"],
    ("OutputDataConfig", "S3OutputPath"): ["s3://ml-platform-artifacts/launch/"],
    ("ResourceConfig", "InstanceType"): ["ml.g5.xlarge", "ml.p4d.24xlarge"],
    ("ResourceConfig", "InstanceCount"): [1, 4],
    ("ResourceConfig", "VolumeSizeInGB"): [50],
    ("StoppingCondition", "MaxRuntimeInSeconds"): [86400],
    ("StoppingCondition", "MaxWaitTimeInSeconds"): [172800],
    ("CheckpointConfig", "S3Uri"): ["s3://ml-platform-artifacts/checkpoints/"],
    ("CheckpointConfig", "LocalPath"): ["/opt/ml/checkpoints"],
    ("S3DataSource", "S3Uri"): ["s3://ml-platform-data/train/"],
    ("Channel", "ChannelName"): ["train"],
    ("VpcConfig", "Subnets"): [["subnet-0123456789abcdef0"]],
    ("VpcConfig", "SecurityGroupIds"): [["sg-0123456789abcdef0"]],
}


def member_annotations(parent, member, spec, agent=True):
    """title, description, markdownDescription and examples of a member, from AWS's documentation
    (its shape's when the member has none) and, with `agent`, the W&B agent's reading of it."""
    text = first_paragraph(spec.get("documentation") or shapes[spec["shape"]].get("documentation"))
    description = bounded(plain_description(text), DESCRIPTION_LIMIT) or summary(spec)
    md = bounded(markdown(text), MARKDOWN_LIMIT) or summary(spec)
    if agent and (parent, member) in AGENT:
        fact, fact_md = AGENT[(parent, member)]
        description = description + " " + fact
        md = md + "\n\n" + fact_md
    md += f"\n\n[{parent}.{member} in the SageMaker API reference]({reference(parent, member)})"
    return dict(title=f"{parent}.{member}", description=description, markdown=md, examples=EXAMPLES.get((parent, member)))


# Constructs of AWS's (Java) patterns that launchc's regular expressions (Swift Regex) cannot run,
# removed; each shape so relaxed is listed in the output's $comment.
UNSUPPORTED = ["(?<!-)"]
relaxed = set()
# Java's POSIX classes (ASCII only in Java) are not ECMA-262, the dialect of JSON Schema's
# `pattern`: they are written as the ASCII ranges they stand for, inside a class.
POSIX = {"\\p{Alnum}": "a-zA-Z0-9", "\\p{Alpha}": "a-zA-Z", "\\p{Digit}": "0-9", "\\p{Upper}": "A-Z", "\\p{Lower}": "a-z"}
rewritten = set()


def schema_for(name):
    shape = shapes[name]
    kind = shape["type"]
    out = {}
    if kind == "structure":
        out["type"] = "object"
        props = {}
        parent = "CreateTrainingJob" if name == "CreateTrainingJobRequest" else name
        for member, spec in shape.get("members", {}).items():
            props[member] = annotated({"$ref": "#/$defs/" + spec["shape"]}, **member_annotations(parent, member, spec))
        out["properties"] = props
        if shape.get("required"):
            out["required"] = shape["required"]
        out["additionalProperties"] = False
    elif kind == "list":
        out["type"] = "array"
        out["items"] = {"$ref": "#/$defs/" + shape["member"]["shape"]}
        if "min" in shape:
            out["minItems"] = int(shape["min"])
        if "max" in shape:
            out["maxItems"] = int(shape["max"])
    elif kind == "map":
        out["type"] = "object"
        out["propertyNames"] = {"$ref": "#/$defs/" + shape["key"]["shape"]}
        out["additionalProperties"] = {"$ref": "#/$defs/" + shape["value"]["shape"]}
        if "min" in shape:
            out["minProperties"] = int(shape["min"])
        if "max" in shape:
            out["maxProperties"] = int(shape["max"])
    elif kind in ("string", "blob", "timestamp"):
        out["type"] = "string"
        if "enum" in shape:
            out["enum"] = shape["enum"]
        if "min" in shape:
            out["minLength"] = int(shape["min"])
        if "max" in shape:
            out["maxLength"] = int(shape["max"])
        if "pattern" in shape:
            pattern = shape["pattern"]
            for construct in UNSUPPORTED:
                if construct in pattern:
                    pattern = pattern.replace(construct, "")
                    relaxed.add(name)
            for posix, ascii_range in POSIX.items():
                if posix in pattern:
                    if not re.search(r"\[[^\]]*" + re.escape(posix), pattern):
                        sys.exit(f"{name}: {posix} outside a character class; teach the generator")
                    pattern = pattern.replace(posix, ascii_range)
                    rewritten.add(name)
            # AWS matches the whole value; JSON Schema's pattern searches.
            out["pattern"] = "^(?:" + pattern + ")$"
    elif kind in ("integer", "long", "float", "double"):
        out["type"] = "integer" if kind in ("integer", "long") else "number"
        if "min" in shape:
            out["minimum"] = shape["min"]
        if "max" in shape:
            out["maximum"] = shape["max"]
    elif kind == "boolean":
        out["type"] = "boolean"
    else:
        sys.exit(f"unhandled shape type {kind} ({name})")
    return out


defs = {}
pending = ["CreateTrainingJobRequest"]
while pending:
    name = pending.pop()
    if name in defs:
        continue
    defs[name] = schema_for(name)
    shape = shapes[name]
    for spec in shape.get("members", {}).values():
        pending.append(spec["shape"])
    if shape["type"] == "list":
        pending.append(shape["member"]["shape"])
    if shape["type"] == "map":
        pending += [shape["key"]["shape"], shape["value"]["shape"]]

request = defs.pop("CreateTrainingJobRequest")


def to_camel_case(key):
    """wandb's utils.to_camel_case: keys without '_' unchanged; else str.title() per piece."""
    if "_" not in key:
        return key
    return "".join(piece.title() if piece else "_" for piece in key.split("_"))


def snake(name):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


top = {}
for member, sub in request["properties"].items():
    top[member] = dict(sub)
    alias = snake(member)
    if alias == member or to_camel_case(alias) != member:
        continue
    if member == "OutputDataConfig":
        top[alias] = annotated(
            {"not": {}, "x-launchc-code": "LC3301",
             "x-launchc-message": "the agent reads only the CamelCase 'OutputDataConfig'; 'output_data_config' makes it fail with \"requires an OutputDataConfig\""},
            title="output_data_config (not read)",
            description="not read: the agent reads only the CamelCase OutputDataConfig, and fails without it",
            markdown="Not read: the W&B agent reads only the CamelCase `OutputDataConfig`, and fails with *requires an "
                     "OutputDataConfig* without it. Write `OutputDataConfig`.")
    elif member == "TrainingJobName":
        top[alias] = annotated(
            {"not": {}, "x-launchc-code": "LC3302",
             "x-launchc-message": "'training_job_name' is overwritten by the run id; the agent reads only the CamelCase 'TrainingJobName'"},
            title="training_job_name (overwritten)",
            description="overwritten by the run id: the agent reads only the CamelCase TrainingJobName",
            markdown="Overwritten by the run id: the W&B agent reads only the CamelCase `TrainingJobName`. Write `TrainingJobName`.")
    else:
        top[alias] = annotated(
            {"$ref": sub["$ref"]},
            title=f"{alias} (read as {member})",
            description=f"the agent camel-cases this key to {member}",
            markdown=f"Read as `{member}`: the W&B agent camel-cases top-level keys that hold a `_` (Python's `str.title()` "
                     f"on each piece) before it calls CreateTrainingJob. `{member}` says the same without the detour.\n\n"
                     + sub["markdownDescription"])

role_md = ("The IAM role the training job runs as: its ARN, or a role name, which the W&B agent turns into "
           "`arn:<partition>:iam::<account>:role/<name>` with the account and partition of its own AWS credentials. "
           "Required by the agent (`role_arn` works too); read before macros are filled, so `${…}` in it is sent as written.\n\n"
           + bounded(markdown(first_paragraph(shapes["CreateTrainingJobRequest"]["members"]["RoleArn"]["documentation"])), MARKDOWN_LIMIT)
           + f"\n\n[CreateTrainingJob.RoleArn in the SageMaker API reference]({reference('CreateTrainingJob', 'RoleArn')})")
top["RoleArn"] = annotated({
    "description": "the execution role: an ARN, or a role name that the agent turns into arn:<partition>:iam::<account>:role/<name>",
    "type": "string",
    # A name may carry the role's IAM path (service-role/<name>): the agent puts it after 'role/'.
    "pattern": "^(?:arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+|(?:[a-zA-Z_0-9+=,.@\\-]+/)*[a-zA-Z_0-9+=,.@\\-]{1,64})$",
    "x-launchc-message": {"pattern": "'RoleArn' must be an IAM role ARN (arn:aws:iam::<account>:role/<name>) or a role name, with its path if it has one (service-role/<name>)"},
}, title="CreateTrainingJob.RoleArn", markdown=role_md,
   examples=["arn:aws:iam::123456789012:role/SageMakerExecutionRole", "SageMakerExecutionRole"])
top["role_arn"] = annotated(dict(top["RoleArn"]), title="role_arn (read as RoleArn)")
for lowercase, proper in (("environment", "Environment"), ("tags", "Tags")):
    top[lowercase] = annotated(
        {"not": {}, "x-launchc-code": "LC3303",
         "x-launchc-message": f"lowercase '{lowercase}' stays in the request as an unknown parameter, which CreateTrainingJob rejects; write '{proper}'"},
        title=f"{lowercase} (write {proper})",
        description=f"stays in the request as an unknown parameter, which CreateTrainingJob rejects; write {proper}",
        markdown=f"The W&B agent leaves a lowercase `{lowercase}` in the request as an unknown parameter, which "
                 f"CreateTrainingJob rejects"
                 + (" (it does use it as the environment when `Environment` is absent)" if lowercase == "environment" else "")
                 + f". Write `{proper}`.")
for removed, example in (("EcrRepoName", None), ("region", ["us-west-2"]), ("profile", None)):
    top[removed] = annotated(
        {"description": "read by wandb and removed before the request is sent"},
        title=f"{removed} (not sent)",
        markdown=f"Read by wandb and removed before the request is sent: `{removed}` never reaches CreateTrainingJob.",
        examples=example)

schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://launchc.dev/schemas/sagemaker.json",
    "$comment": f"Generated by scripts/gen-sagemaker-schema.py from the CreateTrainingJob request of the SageMaker "
                f"service model {version} in botocore {botocore.__version__}, with the W&B agent's reading of the top "
                f"level (wandb 0.31.0). Do not edit; run 'make generate-sagemaker'. Patterns relaxed (lookbehinds "
                f"removed, which launchc's regular expressions cannot run): {', '.join(sorted(relaxed)) or 'none'}. "
                f"Java's POSIX classes written as ASCII ranges: {', '.join(sorted(rewritten)) or 'none'}.",
    "title": "A SageMaker queue config: the CreateTrainingJob request the W&B agent completes and submits",
    "description": "What the W&B agent (wandb 0.31.0) reads from a SageMaker queue config and completes into a "
                   "CreateTrainingJob request: RoleArn, OutputDataConfig, ResourceConfig and StoppingCondition are required.",
    "markdownDescription": "A SageMaker queue config: the `CreateTrainingJob` request that the W&B agent (wandb 0.31.0) "
                           "completes and submits. It requires `RoleArn`, `OutputDataConfig`, `ResourceConfig` and "
                           "`StoppingCondition`; sets `TrainingJobName` (the run id), the image, the entry point and the "
                           "`WANDB_*` environment; appends the `WandbRunId` tag; and camel-cases snake_case top-level keys. "
                           f"[CreateTrainingJob in the SageMaker API reference]({API_REFERENCE}API_CreateTrainingJob.html)",
    "type": "object",
    "properties": top,
    "allOf": [
        {"anyOf": [{"required": ["RoleArn"]}, {"required": ["role_arn"]}],
         "x-launchc-code": "LC3304",
         "x-launchc-message": "a SageMaker queue config needs 'RoleArn', the role the training job runs as"},
        {"required": ["OutputDataConfig"], "x-launchc-code": {"required": "LC3304"},
         "x-launchc-message": {"required": "a SageMaker queue config needs 'OutputDataConfig' (with its S3OutputPath)"}},
        {"anyOf": [{"required": ["ResourceConfig"]}, {"required": ["resource_config"]}],
         "x-launchc-code": "LC3304",
         "x-launchc-message": "a SageMaker queue config needs 'ResourceConfig' (instance type, count and volume size)"},
        {"anyOf": [{"required": ["StoppingCondition"]}, {"required": ["stopping_condition"]}],
         "x-launchc-code": "LC3304",
         "x-launchc-message": "a SageMaker queue config needs 'StoppingCondition' (at least MaxRuntimeInSeconds)"},
    ],
    "additionalProperties": False,
    "$defs": dict(sorted(defs.items())),
}
write_schema("sagemaker", schema, f"({len(defs)} shapes, {{kib}} KiB) from botocore {botocore.__version__}")

# The request as the API takes it: what `launchc render` checks a rendered request against.
request_schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://launchc.dev/schemas/sagemaker-request.json",
    "$comment": f"Generated by scripts/gen-sagemaker-schema.py from the CreateTrainingJob request of the SageMaker "
                f"service model {version} in botocore {botocore.__version__}. Do not edit; run 'make generate-sagemaker'. "
                f"The shapes are those of sagemaker.json.",
    "title": "A SageMaker CreateTrainingJob request, as the API takes it",
    "markdownDescription": "A `CreateTrainingJob` request as the SageMaker API takes it: what `launchc render` prints for a "
                           f"SageMaker queue. [CreateTrainingJob in the SageMaker API reference]({API_REFERENCE}API_CreateTrainingJob.html)",
    "type": "object",
    "properties": {member: annotated({"$ref": "sagemaker.json" + sub["$ref"]},
                                     **member_annotations("CreateTrainingJob", member, shapes["CreateTrainingJobRequest"]["members"][member], agent=False))
                   for member, sub in request["properties"].items()},
    "required": request.get("required", []),
    "additionalProperties": False,
}
write_schema("sagemaker-request", request_schema, f"({len(request_schema['properties'])} members) from botocore {botocore.__version__}")

