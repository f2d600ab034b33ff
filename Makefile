# Mailroom — two commands do everything on a fresh Debian 12 machine with Swift:
#   make demo   installs what is missing, builds, runs the daemon once on the bundled demo mailbox
#   make test   installs what is missing, builds, runs every test
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=
DEMO_DIR ?= demo-run
MAILROOM_DEBUG := .build/debug/mailroom

.PHONY: all deps build release test demo bench clean-demo help graph check-examples crash-test

all: build

help:
	@echo "make demo   - install dependencies, build, run the daemon once on the demo mailbox and show what it did"
	@echo "make test   - install dependencies, build, run every test"
	@echo "make crash-test - the daemon on 1,000 mails, killed with SIGKILL at random moments >= 20 times (CRASH_SEED= replays)"
	@echo "make bench  - parse-speed benchmark against CPython's email package (release build)"
	@echo "make build  - debug build only;  make release - release build"
	@echo "make graph  - print the target graph and check it against the architecture (docs/ARCHITECTURE.md)"

deps:
	@bash deploy/install-deps.sh

build: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release --product mailroom $(SWIFT_BUILD_FLAGS)

# The real-model test needs llama-server (built once per machine, then cached outside the repository) and the
# talon fixtures: both are fetched in the background while Swift builds; the tests wait for them (flock).
test: deps
	@(bash scripts/llama-server.sh build >/dev/null 2>&1; bash scripts/llama-server.sh model >/dev/null 2>&1) &
	@(bash scripts/talon-fixtures.sh >/dev/null 2>&1) &
	bash scripts/target-graph.sh --check >/dev/null || bash scripts/target-graph.sh --check
	$(MAKE) --no-print-directory check-examples
	$(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS)
	$(SWIFT) test --skip-build --no-parallel $(SWIFT_BUILD_FLAGS)

# The crash harness (Tests/DaemonTests/CrashHarnessTests.swift) with the big numbers; `make test` runs a short
# round of it (150 mails, 6 kills). CRASH_SEED=n replays a run; CRASH_MAILROOM=.build/release/mailroom runs the
# release binary (build it first with `make release`).
CRASH_MAILS ?= 1000
CRASH_KILLS ?= 24
crash-test: deps
	$(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS)
	CRASH_MAILS=$(CRASH_MAILS) CRASH_KILLS=$(CRASH_KILLS) $(SWIFT) test --skip-build --no-parallel $(SWIFT_BUILD_FLAGS) \
		--filter CrashHarnessTests 2>&1 | tee crash-test.log; status=$${PIPESTATUS[0]}; \
		grep '^crash-test: [0-9]' crash-test.log || echo "crash-test: no summary (the run failed before its end)"; exit $$status

# The shipped examples and the evaluation corpus are consistent (fields add up, IBANs pass mod-97, every
# expected value is in its mail).
check-examples:
	python3 rules/examples/make_examples.py --check
	python3 Tests/UnderstandTests/Corpus/check_corpus.py >/dev/null
	for c in $$(ls rules/examples/_sources | grep -v '\.py$$'); do python3 rules/examples/_sources/check_starter.py $$c >/dev/null || exit 1; done

# The demo works on a scratch copy of the bundled mailbox, so it can be run again and again.
demo: build
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@cp -r demo/Maildir $(DEMO_DIR)/Maildir
	@cp -r rules $(DEMO_DIR)/rules
	@cp -r connectors $(DEMO_DIR)/connectors
	@echo "== mailroom run --once  (embedded default configuration: ./Maildir, ./mailroom.sqlite, ./spool, ./rules)"
	cd $(DEMO_DIR) && ../$(MAILROOM_DEBUG) run --once
	@echo
	@echo "== mailroom status"
	cd $(DEMO_DIR) && ../$(MAILROOM_DEBUG) status
	@echo
	@echo "== mailroom review list   (what waits for a person, and why)"
	cd $(DEMO_DIR) && ../$(MAILROOM_DEBUG) review list
	@echo
	@echo "== mailroom classify <the purchase order of Great Lakes Conveyor> --explain   (fields, where each was found, every step)"
	cd $(DEMO_DIR) && ../$(MAILROOM_DEBUG) classify Maildir/cur/1794834938.M19P1.demo* --explain
	@echo
	@echo "== mailroom messages show 37   (a forwarded enquiry: the attached message and its PDF, parsed)"
	cd $(DEMO_DIR) && ../$(MAILROOM_DEBUG) messages show 37 | sed -n '1,/^Normalised message/d;1,40p'
	@echo
	@echo "== mailroom audit verify"
	cd $(DEMO_DIR) && ../$(MAILROOM_DEBUG) audit verify
	@echo
	@echo "Explore further from $(DEMO_DIR)/: ../$(MAILROOM_DEBUG) status | messages show 1 | review show ID | classify Maildir/cur/<file> --json | audit show 1 | audit prove 1"

bench: release
	MAILROOM=.build/release/mailroom bash scripts/bench-parse.sh

clean-demo:
	rm -rf $(DEMO_DIR)

graph:
	bash scripts/target-graph.sh
