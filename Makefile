# Account Workbook — the two commands of the README: `make run` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)
ARGS ?=

.PHONY: run test build deps goldens bench install clean

# System packages the app and the tests need; installed only when missing.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists ncursesw 2>/dev/null || [ -f /usr/include/ncursesw/curses.h ] || missing="$$missing libncurses-dev"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v git >/dev/null 2>&1 || missing="$$missing git"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	command -v gcc >/dev/null 2>&1 || missing="$$missing gcc"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

run: build
	@$(BIN_DIR)/workbook $(ARGS)

# The benchmark's smoke pass runs first, so the test runner's summary is the last thing printed.
test: deps
	$(SWIFT) build --build-tests
	WORKBOOK_BIN="$(BIN_DIR)/workbook" SWIFT="$(SWIFT)" Benchmarks/run.sh --smoke
	WORKBOOK_BIN="$(BIN_DIR)/workbook" $(SWIFT) test

# The performance figures of docs/PERFORMANCE.md: release build, 1k/10k/100k territories (cached in
# Benchmarks/data/), one table on stdout and in Benchmarks/results.md.
bench: deps
	SWIFT="$(SWIFT)" Benchmarks/run.sh
	SWIFT="$(SWIFT)" Benchmarks/merge.sh

# Rewrites the screen goldens and docs/KEYBINDINGS.md; review the diff before committing.
goldens: deps
	UPDATE_GOLDENS=1 $(SWIFT) test --filter 'ScreenRenderingTests|MergeConflictsTests|KeymapTests|ChecklistRenderingTests|InfluenceMapRenderingTests|InfluenceMapTests|RelationshipRenderingTests|HandoverExportTests|AccountReviewRenderingTests|ReviewReportTests' || true

# The app as people keep it: a release build with the Swift runtime and Foundation linked in
# (starts ~10 ms sooner, runs without the toolchain), copied to $(PREFIX)/bin.
PREFIX ?= $(HOME)/.local
install: deps
	$(SWIFT) build -c release --static-swift-stdlib --product workbook
	install -D -m 755 "$$($(SWIFT) build -c release --show-bin-path)/workbook" "$(DESTDIR)$(PREFIX)/bin/workbook"
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/workbook"

clean:
	rm -rf .build
