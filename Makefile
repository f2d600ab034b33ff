# Mailroom — two commands do everything on a fresh Debian 12 machine with Swift:
#   make demo   installs what is missing, builds, runs the daemon once on the bundled demo mailbox
#   make test   installs what is missing, builds, runs every test
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=
DEMO_DIR ?= demo-run
MAILROOM_DEBUG := .build/debug/mailroom

.PHONY: all deps build release test demo bench clean-demo help graph check-examples install uninstall test-install crash-test fuzz attack

all: build

help:
	@echo "make demo   - install dependencies, build, run the daemon once on the demo mailbox and show what it did"
	@echo "make test   - install dependencies, build, run every test"
	@echo "make crash-test - the daemon on 1,000 mails, killed with SIGKILL at random moments >= 20 times (CRASH_SEED= replays)"
	@echo "make fuzz   - libFuzzer over MIME, HTML, e-invoice XML, RTF, TNEF, rule expressions/templates and the YAML"
	@echo "             loaders, FUZZ_RUNS=20000 each (or FUZZ_SECONDS=n; FUZZ_TARGETS='mime html' picks); own build in .build/fuzz"
	@echo "make attack - the long run: every fuzz target to 10 million executions, then issue 14's hostile mails"
	@echo "             through the release binary (make test replays the saved fuzz corpus: Tests/Fuzz)"
	@echo "make bench  - the benchmark suite (parse vs CPython, end-to-end, memory, audit, IMAP latency) -> bench/RESULTS.md"
	@echo "make build  - debug build only;  make release - release build"
	@echo "make graph  - print the target graph and check it against the architecture (docs/ARCHITECTURE.md)"
	@echo "make install [PREFIX=/usr/local] [DESTDIR=] [SYSCONFDIR=/etc] - binary, systemd unit, sysusers/tmpfiles,"
	@echo "             example configuration, man page, bash/zsh/fish completions;  make uninstall - the same, removed"

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
	bash scripts/test-install.sh $(MAILROOM_DEBUG)
	bash scripts/test-sandbox.sh $(MAILROOM_DEBUG)
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

# libFuzzer (issue 14; Tests/Fuzz/README.md). The fuzz binary has its own build path and exists only there, so the
# normal build and `make test` never compile it; `make test` replays the saved corpus and crash fixtures through
# the same entry points (FuzzReplayTests), which is deterministic. A run that finds a crash, a hang
# (FUZZ_TIMEOUT seconds) or runaway memory fails and leaves the input in .build/fuzz/crashes/TARGET/.
FUZZ_TARGETS ?=
FUZZ_SECONDS ?=
fuzz: deps
	FUZZ_RUNS=$(or $(FUZZ_RUNS),20000) FUZZ_SECONDS=$(FUZZ_SECONDS) nice -n 10 bash scripts/fuzz.sh run $(FUZZ_TARGETS)

attack: deps
	FUZZ_RUNS=$(or $(FUZZ_RUNS),10000000) FUZZ_SECONDS=$(FUZZ_SECONDS) nice -n 10 bash scripts/fuzz.sh run $(FUZZ_TARGETS)
	$(MAKE) --no-print-directory release
	bash scripts/attack-replay.sh .build/release/mailroom

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

# The benchmark suite (issue 15 point 7): every row measured in one run, written to bench/RESULTS.md
# (BENCH_ROWS=2,4 measures some rows only; BENCH_NOTES=file appends an analysis). Long: not part of `make test`,
# which runs it with tiny counts (--quick) to keep the scripts working.
BENCH_ROWS ?= 1,2,3,4,5
bench: release
	MAILROOM=.build/release/mailroom bash scripts/bench.sh --rows $(BENCH_ROWS) $(if $(BENCH_NOTES),--notes $(BENCH_NOTES))
	@cat bench/RESULTS.md

clean-demo:
	rm -rf $(DEMO_DIR)

graph:
	bash scripts/target-graph.sh

# --- make install: where Debian users look for each file (README "Install on Debian with systemd").
# PREFIX=/usr for a system package; DESTDIR stages into a folder. MAILROOM_BIN picks the binary (built by
# `make release` when missing). The configuration goes to $(SYSCONFDIR)/mailroom/mailroom.yaml only when
# there is none; otherwise beside it as mailroom.yaml.example. The man page and the completions are generated
# from the binary's argument parser, so they always describe the installed program.
PREFIX ?= /usr/local
SYSCONFDIR ?= /etc
DESTDIR ?=
MAILROOM_BIN ?= .build/release/mailroom
BINDIR := $(PREFIX)/bin
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
MAN1DIR ?= $(PREFIX)/share/man/man1
DOCDIR ?= $(PREFIX)/share/doc/mailroom
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
# Debian's zsh looks in /usr/share/zsh/vendor-completions and /usr/local/share/zsh/site-functions.
ZSHCOMPDIR ?= $(if $(filter /usr,$(PREFIX)),/usr/share/zsh/vendor-completions,$(PREFIX)/share/zsh/site-functions)
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
GENERATED := .build/install-files

$(MAILROOM_BIN):
	$(MAKE) --no-print-directory release

install: $(MAILROOM_BIN)
	@mkdir -p $(GENERATED)
	$(MAILROOM_BIN) --experimental-dump-help | python3 scripts/manpage-from-help.py "$$($(MAILROOM_BIN) --version)" > $(GENERATED)/mailroom.1
	$(MAILROOM_BIN) --generate-completion-script bash > $(GENERATED)/mailroom.bash
	$(MAILROOM_BIN) --generate-completion-script zsh > $(GENERATED)/_mailroom
	$(MAILROOM_BIN) --generate-completion-script fish > $(GENERATED)/mailroom.fish
	sed -e 's|/usr/local/bin/mailroom|$(BINDIR)/mailroom|' -e 's|/etc/mailroom|$(SYSCONFDIR)/mailroom|g' \
	    -e 's|/usr/share/doc/mailroom|$(DOCDIR)|' deploy/mailroom.service > $(GENERATED)/mailroom.service
	install -D -m 0755 $(MAILROOM_BIN) $(DESTDIR)$(BINDIR)/mailroom
	install -D -m 0644 $(GENERATED)/mailroom.service $(DESTDIR)$(UNITDIR)/mailroom.service
	install -D -m 0644 deploy/sysusers.d/mailroom.conf $(DESTDIR)$(SYSUSERSDIR)/mailroom.conf
	install -D -m 0644 deploy/tmpfiles.d/mailroom.conf $(DESTDIR)$(TMPFILESDIR)/mailroom.conf
	install -D -m 0644 $(GENERATED)/mailroom.1 $(DESTDIR)$(MAN1DIR)/mailroom.1
	install -D -m 0644 $(GENERATED)/mailroom.bash $(DESTDIR)$(BASHCOMPDIR)/mailroom
	install -D -m 0644 $(GENERATED)/_mailroom $(DESTDIR)$(ZSHCOMPDIR)/_mailroom
	install -D -m 0644 $(GENERATED)/mailroom.fish $(DESTDIR)$(FISHCOMPDIR)/mailroom.fish
	install -D -m 0644 README.md $(DESTDIR)$(DOCDIR)/README.md
	install -D -m 0644 deploy/mailroom.example.yaml $(DESTDIR)$(DOCDIR)/mailroom.example.yaml
	install -d -m 0750 $(DESTDIR)$(SYSCONFDIR)/mailroom
	@if [ -e $(DESTDIR)$(SYSCONFDIR)/mailroom/mailroom.yaml ]; then \
	    echo "$(DESTDIR)$(SYSCONFDIR)/mailroom/mailroom.yaml exists: kept; the example goes beside it as mailroom.yaml.example"; \
	    install -m 0640 deploy/mailroom.example.yaml $(DESTDIR)$(SYSCONFDIR)/mailroom/mailroom.yaml.example; \
	else \
	    install -m 0640 deploy/mailroom.example.yaml $(DESTDIR)$(SYSCONFDIR)/mailroom/mailroom.yaml; \
	fi
	@echo "installed. Next (as root): systemd-sysusers; systemd-tmpfiles --create mailroom.conf;"
	@echo "  chgrp -R mailroom $(SYSCONFDIR)/mailroom; edit $(SYSCONFDIR)/mailroom/mailroom.yaml;"
	@echo "  systemctl daemon-reload; systemctl enable --now mailroom"

# Leaves the configuration (and the state in /var/lib/mailroom) alone; removes only the untouched example.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mailroom $(DESTDIR)$(UNITDIR)/mailroom.service \
	    $(DESTDIR)$(SYSUSERSDIR)/mailroom.conf $(DESTDIR)$(TMPFILESDIR)/mailroom.conf \
	    $(DESTDIR)$(MAN1DIR)/mailroom.1 $(DESTDIR)$(BASHCOMPDIR)/mailroom $(DESTDIR)$(ZSHCOMPDIR)/_mailroom \
	    $(DESTDIR)$(FISHCOMPDIR)/mailroom.fish $(DESTDIR)$(SYSCONFDIR)/mailroom/mailroom.yaml.example
	rm -rf $(DESTDIR)$(DOCDIR)
	@echo "kept: $(SYSCONFDIR)/mailroom/mailroom.yaml and /var/lib/mailroom (remove them by hand if wanted)"

# make install into a scratch folder, checked file by file (also part of `make test`).
test-install:
	bash scripts/test-install.sh $(MAILROOM_DEBUG)
