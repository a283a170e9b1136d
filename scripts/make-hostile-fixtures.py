#!/usr/bin/env python3
"""Writes fixtures/hostile/: inputs built to hurt a config checker (bombs, deep nesting, huge
scalars, bad encodings, credentials, catastrophic regular expressions). Each NAME gets the input
and, when it needs flags, NAME.args (one argument per line). The expected output
(NAME.expected.txt) is recorded by the tests (LAUNCHC_RECORD=1 swift test); scripts/hostile.sh
checks that each case takes under 1 s and 200 MB. Re-running this script rewrites the inputs
byte for byte."""
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "hostile")
os.makedirs(root, exist_ok=True)
written = []


def case(name, content, args=()):
    data = content.encode() if isinstance(content, str) else content
    with open(os.path.join(root, name), "wb") as f:
        f.write(data)
    args_path = os.path.join(root, name + ".args")
    if args:
        with open(args_path, "w") as f:
            f.write("\n".join(args) + "\n")
    elif os.path.exists(args_path):
        os.remove(args_path)
    written.append(name)


# --- Limits ------------------------------------------------------------------------------
case("deep-flow-sequences.yaml", "# launchc: kind=data\n" + "[" * 600 + "]" * 600 + "\n")
case("deep-flow-mappings.yaml", "# launchc: kind=data\n" + "{a: " * 600 + "1" + "}" * 600 + "\n")
case("deep-block-mappings.yaml", "# launchc: kind=data\n" + "".join("  " * i + f"k{i}:\n" for i in range(30)) + "  " * 30 + "leaf\n",
     ["--limit", "depth=20"])
case("deep-arrays.json", "[" * 600 + "]" * 600 + "\n")
case("deep-objects.json", '{"a":' * 40 + "1" + "}" * 40 + "\n", ["--limit", "depth=20"])
laughs = ["# launchc: kind=data", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
for i in range(1, 10):
    laughs.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
case("billion-laughs.yaml", "\n".join(laughs) + "\n")
case("alias-fan-out.yaml", "# launchc: kind=data\nbase: &b [1, 2, 3, 4]\ncopies: [*b, *b, *b, *b]\n", ["--limit", "aliases=10"])
case("alias-of-long-string.yaml", "# launchc: kind=data\ns: &s \"" + "x" * 2100 + "\"\ncopies: [" + ", ".join(["*s"] * 20) + "]\n",
     ["--limit", "aliases=30"])
case("recursive-alias.yaml", "# launchc: kind=data\nloop: &a [1, *a]\n")
case("undefined-alias.yaml", "# launchc: kind=data\nvalue: *nowhere\n")
case("long-string.yaml", "# launchc: kind=data\nblob: " + "x" * 2000 + "\n", ["--limit", "scalar-size=1K"])
case("long-key.yaml", "# launchc: kind=data\n" + "k" * 2000 + ": 1\n", ["--limit", "scalar-size=1K"])
case("long-block-scalar.yaml", "# launchc: kind=data\nscript: |\n" + "".join("  echo line %03d\n" % i for i in range(100)), ["--limit", "scalar-size=1K"])
case("long-string.json", '{"blob": "' + "y" * 2000 + '"}\n', ["--limit", "scalar-size=1K"])
case("long-key.json", '{"' + "z" * 2000 + '": 1}\n', ["--limit", "scalar-size=1K"])
case("many-documents.yaml", "# launchc: kind=data\n" + "".join(f"---\nn: {i}\n" for i in range(8)), ["--limit", "documents=5"])
case("empty-documents.yaml", "---\n" * 12, ["--limit", "documents=10"])
case("file-too-large.yaml", "# launchc: kind=data\n" + "".join(f"key{i:04d}: value\n" for i in range(120)), ["--max-file-size", "1K"])
case("file-too-large-by-limit.json", "[" + ", ".join(str(i) for i in range(600)) + "]\n", ["--limit", "file-size=1K"])

# --- Encodings and bytes ------------------------------------------------------------------
case("utf16-le.yaml", b"\xff\xfe" + "max_jobs: 1\n".encode("utf-16-le"))
case("utf16-be.json", b"\xfe\xff" + '{"max_jobs": 1}\n'.encode("utf-16-be"))
case("invalid-utf8.yaml", b"# launchc: kind=data\nname: caf\xc3\x28\n")
case("overlong-utf8.yaml", b"# launchc: kind=data\npath: \xc0\xaf\xc0\xaf/etc/passwd\n")
case("nul-bytes.yaml", b"max_jobs: 1\n\x00\x00\x00\x00binary\n")
case("control-characters.yaml", "# launchc: kind=data\nbell: \"ring\x07\"\nraw: ring\x07\n")
case("lone-surrogate.json", '{"text": "\\ud800"}\n')
case("bidi-override.yaml", "# launchc: kind=data\n# The key shows as 'admin' in some editors.\nuser: \"\u202enimda\u202c\"\n")
case("huge-integer.yaml", "# launchc: kind=data\nsteps: 123456789012345678901234567890\n")
case("huge-number.json", '{"learning_rate": 1e999}\n')
case("nan.json", '{"loss": NaN}\n')
case("python-object-tag.yaml", "# launchc: kind=data\nhook: !!python/object/apply:os.system [\"rm -rf /\"]\n")
case("duplicate-keys.json", '{"max_jobs": 1, "max_jobs": 100}\n')
case("bom-only.yaml", b"\xef\xbb\xbf")

# --- Credentials in plain text -------------------------------------------------------------
aws_id = "AKIAZ7QWERTYUIOPASDF"
aws_secret = "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"
wandb_key = "0123456789abcdef0123456789abcdef01234567"
agent_with_keys = f"""# launchc: kind=agent
max_jobs: 1
environment:
  type: aws
  region: us-east-1
  aws_access_key_id: {aws_id}
  aws_secret_access_key: "{aws_secret}"
registry:
  type: ecr
  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch
"""
case("aws-keys-in-agent.yaml", agent_with_keys)
case("aws-keys-in-agent-json-output.yaml", agent_with_keys, ["--format", "json"])
case("aws-keys-in-agent-sarif-output.yaml", agent_with_keys, ["--format", "sarif"])
case("aws-keys-in-agent-github-output.yaml", agent_with_keys, ["--format", "github"])
case("aws-keys-in-agent-junit-output.yaml", agent_with_keys, ["--format", "junit"])
case("aws-session-token.yaml", """# launchc: kind=queue-config resource=sagemaker
RoleArn: arn:aws:iam::123456789012:role/SageMakerRole
OutputDataConfig:
  S3OutputPath: s3://bucket/out/
ResourceConfig:
  InstanceType: ml.m5.xlarge
  InstanceCount: 1
  VolumeSizeInGB: 10
StoppingCondition:
  MaxRuntimeInSeconds: 3600
Environment:
  AWS_SESSION_TOKEN: IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD
""")
case("wandb-key-in-kubernetes-env.yaml", f"""# launchc: kind=queue-config resource=kubernetes
kind: Job
spec:
  template:
    spec:
      containers:
        - name: main
          env:
            - name: WANDB_API_KEY
              value: {wandb_key}
""")
case("wandb-key-in-command.yaml", f"""# launchc: kind=queue-config resource=local-process
env:
  - "WANDB_API_KEY={wandb_key} python train.py"
""")
case("wandb-local-key.json", '{"api_key": "local-' + "f" * 40 + '", "max_jobs": 1}\n', ["--kind", "data"])
case("private-key.yaml", """# launchc: kind=data
deploy_key: |
  -----BEGIN OPENSSH PRIVATE KEY-----
  b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
  QyNTUxOQAAACBZLd7QxJgvcM1H7BaMmVk3yBvTWfd1+KcRzGxGEMiDLAAAAJhpTjpLaU46
  -----END OPENSSH PRIVATE KEY-----
""")
case("wandb-key-in-comment.yaml", f"""# launchc: kind=agent
# WANDB_API_KEY={wandb_key}
max_jobs: 1
""")
case("wandb-key-in-broken-json.json", '{"WANDB_API_KEY": "' + wandb_key + '",}\n', ["--kind", "data"])
case("wandb-key-beside-a-template.yaml", f"""# launchc: kind=queue-config resource=local-process
env:
  - "WANDB_API_KEY={wandb_key} python train.py --run ${{wandb_run_id}}"
""")
case("templated-keys-are-fine.yaml", """# launchc: kind=data
aws_secret_access_key: ${aws_secret}
WANDB_API_KEY: "{{wandb_key}}"
""")

# --- Flags smuggled into `docker run` ----------------------------------------------------------
case("docker-flag-in-value.yaml", """# launchc: kind=queue-config resource=local-container
name: --privileged
env:
  - MY_VAR=1
  - -v=/:/host
gpus: all
memory-swap: "-1"
""")

# --- Catastrophic regular expressions in a user's schema -----------------------------------
schema = os.path.join("fixtures", "hostile", "evil.schema.json")
with open(os.path.join(root, "evil.schema.json"), "w") as f:
    f.write("""{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "nested": {"type": "string", "pattern": "^(a+)+$"},
    "alternation": {"type": "string", "pattern": "^(a|a)*$"},
    "overlap": {"type": "string", "pattern": "^(\\\\w+\\\\s?)*$"},
    "each": {"type": "array", "items": {"type": "string", "pattern": "^(x+x+)+y$"}},
    "backreference": {"type": "string", "pattern": "^(a*)*\\\\1b$"},
    "lookbehind": {"type": "string", "pattern": "^(?:(?<=(a+)+)b|c)*$"}
  },
  "patternProperties": {"^(b+)+$": {"type": "integer"}}
}
""")
case("evil-regex-nested.yaml", "# launchc: kind=data\nnested: " + "a" * 40 + "!\n", ["--schema", schema])
case("evil-regex-alternation.yaml", "# launchc: kind=data\nalternation: " + "a" * 40 + "!\n", ["--schema", schema])
case("evil-regex-overlap.yaml", "# launchc: kind=data\noverlap: " + "word " * 12 + "!\n", ["--schema", schema])
case("evil-regex-many-values.yaml", "# launchc: kind=data\neach:\n" + "".join("  - " + "x" * 30 + "\n" for _ in range(200)), ["--schema", schema])
case("evil-regex-key.yaml", "# launchc: kind=data\n" + "b" * 40 + "!: 1\n", ["--schema", schema])
case("long-value-against-a-policy.yaml", "# launchc: kind=data\nname: " + "a" * 5000 + ";rm -rf ~\n",
     ["--schema", os.path.join("fixtures", "hostile", "policy.schema.json"), "--limit", "pattern-steps=1000"])
with open(os.path.join(root, "policy.schema.json"), "w") as f:
    f.write('{"properties": {"name": {"type": "string", "pattern": "^[a-z]+$"}}}\n')
case("evil-regex-budget-raised.yaml", "# launchc: kind=data\nnested: " + "a" * 14 + "!\n", ["--schema", schema, "--limit", "pattern-steps=10000000"])

case("evil-regex-backreference.yaml", "# launchc: kind=data\nbackreference: " + "a" * 40 + "\n", ["--schema", schema])
case("evil-regex-lookbehind.yaml", "# launchc: kind=data\nlookbehind: " + "a" * 30 + "b" * 30 + "!\n", ["--schema", schema])
with open(os.path.join(root, "unbounded.schema.json"), "w") as f:
    f.write('{"properties": {"greek": {"pattern": "^(?:(\\\\p{Script=Greek})(?<=\\\\1))+$"}}}\n')
case("regex-launchc-cannot-bound.yaml", "# launchc: kind=data\ngreek: αβγ\n", ["--schema", os.path.join("fixtures", "hostile", "unbounded.schema.json")])

# --- Schemas that reach themselves, and schemas nested past the limit -----------------------
def schema_file(name, text):
    with open(os.path.join(root, name), "w") as f:
        f.write(text)
    return os.path.join("fixtures", "hostile", name)


case("schema-cycle-self.json", "{}\n", ["--kind", "data", "--schema", schema_file("self-ref.schema.json", '{"$ref": "#"}\n')])
case("schema-cycle-through-allof.json", '{"name": "x"}\n', ["--kind", "data", "--schema", schema_file("allof-cycle.schema.json", """{
  "$ref": "#/$defs/a",
  "$defs": {
    "a": {"$ref": "#/$defs/b"},
    "b": {"allOf": [{"type": "object"}, {"$ref": "#/$defs/a"}]}
  }
}
""")])
case("schema-cycle-through-anchor.json", "1\n", ["--kind", "data", "--schema", schema_file("anchor-cycle.schema.json",
     '{"$anchor": "me", "anyOf": [{"type": "string"}, {"not": {"$ref": "#me"}}]}\n')])
case("schema-cycle-through-dynamic-scope.json", "[]\n", ["--kind", "data", "--schema", schema_file("dynamic-cycle.schema.json", """{
  "$dynamicAnchor": "node",
  "if": {"type": "array"},
  "then": {"$dynamicRef": "#node"}
}
""")])
case("schema-chain-past-the-limit.json", '{"a": 1}\n', ["--kind", "data", "--limit", "schema-depth=50", "--schema", schema_file("chain.schema.json",
     '{"$ref": "#/$defs/d0", "$defs": {' + ", ".join(f'"d{i}": {{"$ref": "#/$defs/d{i + 1}"}}' for i in range(100))
     + ', "d100": {"type": "object"}}}\n')])
levels = 40
case("schema-exponential-alternatives.json", '{"a": 1}\n', ["--kind", "data", "--schema", schema_file("exponential.schema.json",
     '{"$ref": "#/$defs/d0", "$defs": {' + ", ".join(f'"d{i}": {{"anyOf": [{{"$ref": "#/$defs/d{i + 1}"}}, {{"$ref": "#/$defs/d{i + 1}"}}]}}' for i in range(levels))
     + f', "d{levels}": {{"type": "string"}}}}}}\n')])
case("schema-exponential-alternatives-limited.json", '{"a": 1}\n', ["--kind", "data", "--limit", "schema-steps=5000", "--schema",
     os.path.join("fixtures", "hostile", "exponential.schema.json")])
case("bundled-schema-past-the-limit.yaml", "# launchc: kind=queue-config resource=kubernetes\napiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers: [{name: main, image: busybox}]\n",
     ["--limit", "schema-depth=6"])

print(f"{len(written)} hostile fixtures in fixtures/hostile/")
