"""The AWS policies `launchc policy` writes for its fixtures, through the parliament IAM linter.

Usage: policy-check.py LAUNCHC ROOT

Runs `launchc policy --format json` with each case's arguments (fixtures/policy/cases/*/args.txt;
cases that launchc refuses are skipped), and hands every AWS policy document to parliament with
its community auditors. Any finding fails the check, except those that name what the agent
cannot do without: ecr:GetAuthorizationToken (parliament's CREDENTIALS_EXPOSURE; the action takes
no resource), iam:PassRole (PERMISSIONS_MANAGEMENT_ACTIONS; narrowed to the execution roles and to
SageMaker by a condition) and kms:CreateGrant (the same; narrowed to the volume key, to SageMaker
in the region and to grants for AWS resources). First it makes sure parliament does report an overly broad and
a malformed policy, so that a silent linter cannot pass the check.
"""
import json
import os
import subprocess
import sys

from parliament import analyze_policy_string

EXPECTED = {("CREDENTIALS_EXPOSURE", "ecr:getauthorizationtoken"), ("PERMISSIONS_MANAGEMENT_ACTIONS", "iam:passrole"),
            ("PERMISSIONS_MANAGEMENT_ACTIONS", "kms:creategrant")}


def findings(document):
    policy = analyze_policy_string(json.dumps(document), include_community_auditors=True)
    out = []
    for finding in policy.findings:
        actions = finding.location.get("actions") if isinstance(finding.location, dict) else None
        if actions and all((finding.issue, a) in EXPECTED for a in actions):
            continue
        out.append(f"{finding.issue}: {finding.detail} {finding.location}")
    return out


def self_test():
    broad = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
    malformed = {"Version": "2012-10-17", "Statement": [{"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
    issues = [f.split(":")[0] for f in findings(broad)], [f.split(":")[0] for f in findings(malformed)]
    if "RESOURCE_STAR" not in issues[0] or "MALFORMED" not in issues[1]:
        sys.exit(f"policy-check: parliament did not report a broad or a malformed policy: {issues}")


def main():
    launchc, root = sys.argv[1], sys.argv[2]
    self_test()
    cases_dir = os.path.join(root, "fixtures/policy/cases")
    checked = skipped = 0
    failures = []
    for case in sorted(os.listdir(cases_dir)):
        with open(os.path.join(cases_dir, case, "args.txt")) as f:
            args = f.read().split("\n")[:-1]
        kept = []
        i = 0
        while i < len(args):
            if args[i] == "--format":
                i += 2
                continue
            if args[i] != "--strict":
                kept.append(args[i])
            i += 1
        run = subprocess.run([launchc, "policy", "--format", "json", *kept], cwd=root, capture_output=True, text=True)
        if run.returncode == 2 or not run.stdout:
            skipped += 1
            continue
        for principal in json.loads(run.stdout)["principals"]:
            if principal["cloud"] != "aws":
                continue
            checked += 1
            name = f"{case}: {principal['principal']} {principal.get('identity', '')}".rstrip()
            for problem in findings(principal["policy"]):
                failures.append(f"{name}: {problem}")
    for failure in failures:
        print(f"policy-check: {failure}")
    print(f"policy-check: parliament on {checked} AWS policies from {len(os.listdir(cases_dir)) - skipped} cases "
          f"({skipped} refused inputs skipped): {len(failures)} findings")
    sys.exit(1 if failures or checked == 0 else 0)


main()
