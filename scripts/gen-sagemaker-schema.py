#!/usr/bin/env python3
"""Generates schemas/sagemaker.json: a SageMaker queue config, as the W&B agent reads it; and
schemas/sagemaker-request.json: the CreateTrainingJob request itself, as the API takes it
(CamelCase members only, the model's required members), which `launchc render` checks the
request it renders against. The request schema refers to the shapes in sagemaker.json.

Input: the CreateTrainingJob request shape of the AWS service model shipped in botocore (the
version installed, recorded in the output), and the W&B agent's own reading of the top level
(wandb 0.31.0, sdk/launch/runner/sagemaker_runner.py; ../shared/reference §2.1):

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
from generated import ROOT, write_schema  # noqa: E402

model_path = os.path.join(os.path.dirname(botocore.__file__), "data", "sagemaker")
version = sorted(os.listdir(model_path))[-1]
model = json.load(gzip.open(os.path.join(model_path, version, "service-2.json.gz")))
shapes = model["shapes"]


def doc(text):
    """The first sentence of an AWS documentation string, as plain text."""
    if not text:
        return None
    plain = html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
    plain = re.sub(r"\s+", " ", plain)
    first = re.split(r"(?<=[.!?])\s", plain, maxsplit=1)[0]
    return first if 0 < len(first) <= 160 else None


# Constructs of AWS's (Java) patterns that launchc's regular expressions (Swift Regex) cannot run,
# removed; each shape so relaxed is listed in the output's $comment.
UNSUPPORTED = ["(?<!-)"]
relaxed = set()


def schema_for(name):
    shape = shapes[name]
    kind = shape["type"]
    out = {}
    if kind == "structure":
        out["type"] = "object"
        props = {}
        for member, spec in shape.get("members", {}).items():
            sub = {"$ref": "#/$defs/" + spec["shape"]}
            d = doc(spec.get("documentation"))
            if d:
                sub["description"] = d
            props[member] = sub
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
        top[alias] = {"not": {}, "x-launchc-code": "LC3301",
                      "x-launchc-message": "the agent reads only the CamelCase 'OutputDataConfig'; 'output_data_config' makes it fail with \"requires an OutputDataConfig\""}
    elif member == "TrainingJobName":
        top[alias] = {"not": {}, "x-launchc-code": "LC3302",
                      "x-launchc-message": "'training_job_name' is overwritten by the run id; the agent reads only the CamelCase 'TrainingJobName'"}
    else:
        top[alias] = {"$ref": sub["$ref"], "description": f"the agent camel-cases this key to {member}"}

top["RoleArn"] = {
    "description": "the execution role: an ARN, or a role name that the agent turns into arn:<partition>:iam::<account>:role/<name>",
    "type": "string",
    "pattern": "^(?:arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+|[a-zA-Z_0-9+=,.@\\-]{1,64})$",
    "x-launchc-message": {"pattern": "'RoleArn' must be an IAM role ARN (arn:aws:iam::<account>:role/<name>) or a role name"},
}
top["role_arn"] = dict(top["RoleArn"])
for lowercase, proper in (("environment", "Environment"), ("tags", "Tags")):
    top[lowercase] = {"not": {}, "x-launchc-code": "LC3303",
                      "x-launchc-message": f"lowercase '{lowercase}' stays in the request as an unknown parameter, which CreateTrainingJob rejects; write '{proper}'"}
for removed in ("EcrRepoName", "region", "profile"):
    top[removed] = {"description": "read by wandb and removed before the request is sent"}

schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://launchc.dev/schemas/sagemaker.json",
    "$comment": f"Generated by scripts/gen-sagemaker-schema.py from the CreateTrainingJob request of the SageMaker "
                f"service model {version} in botocore {botocore.__version__}, with the W&B agent's reading of the top "
                f"level (wandb 0.31.0). Do not edit; run 'make generate-sagemaker'. Patterns relaxed (lookbehinds "
                f"removed, which launchc's regular expressions cannot run): {', '.join(sorted(relaxed)) or 'none'}.",
    "title": "A SageMaker queue config: the CreateTrainingJob request the W&B agent completes and submits",
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
    "type": "object",
    "properties": {member: {**sub, "$ref": "sagemaker.json" + sub["$ref"]} for member, sub in request["properties"].items()},
    "required": request.get("required", []),
    "additionalProperties": False,
}
write_schema("sagemaker-request", request_schema, f"({len(request_schema['properties'])} members) from botocore {botocore.__version__}")

