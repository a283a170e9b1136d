#!/usr/bin/env bash
# The pre-commit hooks as users run them: real pre-commit (pinned in scripts/tools-venv.sh),
# a scratch git repository whose .pre-commit-config.yaml points at this checkout's HEAD commit
# (pre-commit clones the repository at `rev`, so .pre-commit-hooks.yaml must be committed;
# uncommitted changes in the work tree are not seen), the `launchc-system` hook with the given
# binary first on PATH, and real `git commit`s through the installed hook:
#   1. a valid queue config commits;
#   2. an agent config with findings is refused, and pre-commit's output holds launchc's
#      findings as the fixture's golden file has them (LC2003 on line 1 among them);
#   3. the same file outside the `files:` pattern the config narrows to commits unchecked;
#   4. the snippet docs/ci-and-pre-commit.md tells users to paste: pre-commit accepts it as
#      written, and, with this checkout for its URL, HEAD for `rev` and `launchc-system` for the
#      `launchc` hook (which would build for minutes), a valid queue commits through it.
# pre-commit's cache goes to a temporary directory, and git reads no global or system config.
# The `launchc` hook (language: swift, built from source) is not run here: it builds the
# package, which takes minutes.
set -euo pipefail
usage="usage: precommit-test.sh path/to/launchc"
bin=${1:?$usage}
root=$(cd "$(dirname "$0")/.." && pwd)
passed=0 failed=0
pass() { echo "PASS  $1"; passed=$((passed + 1)); }
fail() { echo "FAIL  $1"; failed=$((failed + 1)); }
finish() {
    echo "pre-commit: $passed passed, $failed failed (${SECONDS}s)"
    [ "$failed" -eq 0 ]
}

if [ ! -x "$bin" ] || [ "$(basename "$bin")" != launchc ]; then
    echo "FAIL  '$bin' is not an executable named launchc ($usage)"
    exit 1
fi
bindir=$(cd "$(dirname "$bin")" && pwd)
rev=$(git -C "$root" rev-parse HEAD)
if ! git -C "$root" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null; then
    echo "FAIL  .pre-commit-hooks.yaml is not in HEAD ($rev); pre-commit reads the hooks from the commit"
    exit 1
fi
venv=$("$root/scripts/tools-venv.sh")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-cache"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1   # no global hooksPath, templates or signing
export NO_COLOR=1 PRE_COMMIT_COLOR=never
unset GITHUB_ACTIONS
export PATH="$bindir:$venv/bin:$PATH"
[ "$(command -v launchc)" = "$bindir/launchc" ] || { echo "FAIL  launchc on PATH is $(command -v launchc)"; exit 1; }

repo="$work/repo"
git init -q "$repo"
cd "$repo"
git config user.name "launchc test"
git config user.email "test@launchc.invalid"
git config commit.gpgsign false
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: '$root'
    rev: $rev
    hooks:
      - id: launchc-system
        files: ^(queues|agents)/
EOF
if ! pre-commit install > "$work/install.log" 2>&1; then
    fail "pre-commit install"
    sed 's/^/      /' "$work/install.log"
    finish
fi

# commit MESSAGE: runs `git commit` through the hook; sets $status and leaves the output in $out.
out="$work/commit.log"
commit() {
    status=0
    git commit -q -m "$1" > "$out" 2>&1 || status=$?
}
show() { sed 's/^/      /' "$out"; }
commits() { git rev-list --count HEAD 2>/dev/null || echo 0; }

# 1. A valid queue config.
mkdir -p queues agents docs
cp "$root/fixtures/valid/sagemaker-queue.json" queues/sagemaker.json
git add .pre-commit-config.yaml queues/sagemaker.json
commit "a valid queue"
if [ "$status" -eq 0 ] && [ "$(commits)" -eq 1 ] && grep -q '^launchc (installed binary)\.*Passed$' "$out"; then
    pass "valid commit: queues/sagemaker.json passed the launchc-system hook"
else
    fail "valid commit (git commit exit $status, $(commits) commits)"; show
fi

# 2. An agent config with findings: refused, with launchc's findings from the golden.
fixture=fixtures/agent/typos.yaml
cp "$root/$fixture" agents/typos.yaml
git add agents/typos.yaml
commit "an agent config with typos"
expected="$work/expected.txt"
grep -E "^$fixture:[0-9]+:[0-9]+: error\[LC[0-9]+\]: " "$root/$fixture.expected.txt" \
    | sed "s|^$fixture:|agents/typos.yaml:|" > "$expected" || true
missing=$(grep -vxF -f "$out" "$expected" || true)
if [ "$status" -ne 0 ] && [ "$(commits)" -eq 1 ] && [ -s "$expected" ] && [ -z "$missing" ] \
    && grep -q '^launchc (installed binary)\.*Failed$' "$out" && grep -qxF -- '- hook id: launchc-system' "$out" \
    && grep -qxF -- '- exit code: 1' "$out" \
    && grep -qF "agents/typos.yaml:1:1: error[LC2003]: unknown key 'max-jobs'" "$out"; then
    pass "bad commit refused: the $(wc -l < "$expected") errors of $fixture.expected.txt in pre-commit's output, LC2003 at agents/typos.yaml:1:1 first"
else
    fail "bad commit (git commit exit $status, $(commits) commits; expected 1 and 1, and every error of the golden)"
    [ -z "$missing" ] || printf '%s\n' "$missing" | sed 's/^/      missing:  /'
    show
fi

# 3. The same file outside `files: ^(queues|agents)/`: not checked.
git reset -q
mv agents/typos.yaml docs/typos.yaml
git add docs/typos.yaml
commit "notes outside the checked folders"
if [ "$status" -eq 0 ] && [ "$(commits)" -eq 2 ] && grep -q '^launchc (installed binary)\.*(no files to check)Skipped$' "$out"; then
    pass "narrowed files: docs/typos.yaml outside ^(queues|agents)/ committed unchecked"
else
    fail "narrowed files (git commit exit $status, $(commits) commits)"; show
fi

# 4. The documented snippet: the ```yaml block of docs/ci-and-pre-commit.md that names the repo.
doc="$root/docs/ci-and-pre-commit.md"
url=https://github.com/launchc/launchc
snippet="$work/documented.yaml"
awk -v url="repo: $url" '/^```yaml$/ { inside = 1; block = ""; next }
    /^```$/ { if (inside && index(block, url)) printf "%s", block; inside = 0; next }
    inside { block = block $0 "\n" }' "$doc" > "$snippet"
if ! grep -q "^  - repo: $url\$" "$snippet" || ! grep -Eq '^    rev: main( |$)' "$snippet"; then
    fail "documented snippet: no block with '- repo: $url' and 'rev: main' in docs/ci-and-pre-commit.md"
    sed 's/^/      /' "$snippet"
elif ! pre-commit validate-config "$snippet" > "$out" 2>&1; then
    fail "documented snippet: pre-commit validate-config refuses it as written"; show
else
    docs_repo="$work/docs-repo"
    git init -q "$docs_repo"
    cd "$docs_repo"
    git config user.name "launchc test"
    git config user.email "test@launchc.invalid"
    git config commit.gpgsign false
    sed -e "s|repo: $url\$|repo: '$root'|" -e "s|^\(    rev: \)main|\1$rev|" \
        -e 's/^\(      - id: \)launchc\( \|$\)/\1launchc-system\2/' "$snippet" > .pre-commit-config.yaml
    mkdir -p queues
    cp "$root/fixtures/valid/sagemaker-queue.json" queues/sagemaker.json
    if ! pre-commit install > "$work/install.log" 2>&1; then
        fail "documented snippet: pre-commit install"; sed 's/^/      /' "$work/install.log"
    else
        git add .pre-commit-config.yaml queues/sagemaker.json
        commit "the documented config"
        if [ "$status" -eq 0 ] && [ "$(commits)" -eq 1 ] && grep -q '^launchc (installed binary)\.*Passed$' "$out"; then
            pass "documented snippet: valid as written; with this checkout at HEAD, queues/sagemaker.json commits through it"
        else
            fail "documented snippet (git commit exit $status, $(commits) commits)"; show
            sed 's/^/      config:  /' .pre-commit-config.yaml
        fi
    fi
    cd "$repo"
fi

finish
