#!/usr/bin/env python3
"""Runs the examples of README.md, CONTRIBUTING.md and docs/*.md against a launchc binary.

Every fenced block marked ```console is an example: a line starting with `$ ` is a command, run
from the repository root by /bin/sh with `launchc` meaning the binary under test, and the lines
after it, up to the next command or the end of the block, are exactly what it prints (standard
output and standard error together). Any difference fails, with a diff, so the docs say what
launchc does.

Usage: scripts/docs-examples.py BINARY
"""
import difflib, glob, os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else sys.exit("usage: docs-examples.py BINARY")
bindir = os.path.join(root, ".build", "docs-examples-bin")
os.makedirs(bindir, exist_ok=True)
link = os.path.join(bindir, "launchc")
if os.path.lexists(link):
    os.remove(link)
os.symlink(binary, link)
env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""), NO_COLOR="1")
env.pop("GITHUB_ACTIONS", None)

examples, failures = 0, 0
pages = ["README.md", "CONTRIBUTING.md"] + sorted(glob.glob(os.path.join(root, "docs", "*.md")))
for page in pages:
    path = os.path.join(root, page)
    lines = open(path, encoding="utf-8").read().split("\n")
    in_block, command, expected, start = False, None, [], 0

    def finish():
        global examples, failures
        if command is None:
            return
        examples += 1
        run = subprocess.run(command, shell=True, cwd=root, env=env, capture_output=True, text=True)
        actual = (run.stdout + run.stderr).rstrip("\n").split("\n") if (run.stdout + run.stderr) else []
        want = expected[:]
        while want and want[-1] == "":
            want.pop()
        if actual != want:
            failures += 1
            rel = os.path.relpath(path, root)
            print(f"{rel}:{start}: `$ {command}` prints otherwise:")
            sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(want, actual, "documented", "actual", lineterm=""))

    for number, line in enumerate(lines, 1):
        if not in_block:
            if re.match(r"^```console\s*$", line):
                in_block, command, expected = True, None, []
            continue
        if line.startswith("```"):
            finish()
            in_block, command = False, None
            continue
        if line.startswith("$ "):
            finish()
            command, expected, start = line[2:], [], number
        elif command is not None:
            expected.append(line)

print(f"docs examples: {examples} run, {failures} differ" if failures else f"docs examples: all {examples} print what the docs say")
sys.exit(1 if failures or examples == 0 else 0)
