# The two commands: `make run` (build and open the REPL on the bundled 2022 year) and `make test`.
SWIFT ?= swift

.PHONY: run test build release deps bench acceptance

deps:
	@{ pkg-config --exists libedit && pkg-config --exists zlib; } 2>/dev/null || { \
	  echo "installing libedit-dev (needed for the REPL) and zlib1g-dev (for .xlsx)…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libedit-dev zlib1g-dev pkg-config; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	@echo 'Opening the REPL. Type:  load 2022   then   show y2022   (:help for more, Ctrl-D quits)'
	@$$($(SWIFT) build -c release --show-bin-path)/suan

test: deps
	$(SWIFT) build
	$(SWIFT) test

acceptance: deps
	../shared/acceptance/run
