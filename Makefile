# The two commands: `make run` (build and open the REPL on the bundled 2022 year) and `make test`.
SWIFT ?= swift

.PHONY: run test build release deps bench acceptance browser-deps browser-test kernel-deps kernel-test

# libxml2-dev and libcurl4-openssl-dev: the release build links Foundation statically (Package.swift).
deps:
	@{ pkg-config --exists libedit && pkg-config --exists zlib && pkg-config --exists libxml-2.0 && pkg-config --exists libcurl; } 2>/dev/null || { \
	  echo "installing libedit-dev (needed for the REPL), zlib1g-dev (for .xlsx), libxml2-dev and libcurl4-openssl-dev (for the release build)…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libedit-dev zlib1g-dev libxml2-dev libcurl4-openssl-dev pkg-config; }

build: deps
	$(SWIFT) build

# SUAN_STATIC=1: the Swift runtime and Foundation linked into suan, for a fast start (Package.swift).
release: deps
	SUAN_STATIC=1 $(SWIFT) build -c release

run: release
	@echo 'Opening the REPL. Type:  load 2022   then   show y2022   (:help for more, Ctrl-D quits)'
	@$$(SUAN_STATIC=1 $(SWIFT) build -c release --show-bin-path)/suan

test: deps
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) browser-test
	$(MAKE) kernel-test

# The page of `suan serve` in a real browser: Debian's chromium with CJK fonts, Playwright for Python
# in a virtual environment pointed at that chromium (docs/serve.md).
BROWSER_VENV ?= .build-browser/venv
browser-deps:
	@{ command -v chromium >/dev/null && dpkg -s fonts-noto-cjk >/dev/null 2>&1; } || { \
	  echo "installing chromium and fonts-noto-cjk (for the browser test)…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }
	@[ -x $(BROWSER_VENV)/bin/pytest ] && $(BROWSER_VENV)/bin/python -c 'import playwright, pyte, pygments' 2>/dev/null || { \
	  python3 -m venv $(BROWSER_VENV) && $(BROWSER_VENV)/bin/pip install -q playwright pytest pyte pygments; }

# Also the REPL on a pseudo-terminal read through pyte, a terminal emulator (Tests/Terminal), and the
# editor support: the TextMate grammar and the Pygments lexer over Scripts/ and Stdlib/ (editors/).
browser-test: browser-deps
	$(BROWSER_VENV)/bin/python -m pytest -q Tests/Browser Tests/Terminal editors/tests

acceptance: deps
	../shared/acceptance/run

# The Jupyter kernel (docs/machine.md): `suan kernel install --prefix` into a temporary folder, then
# nbclient runs notebooks/ through it (Tests/Kernel), in a virtual environment with ipykernel.
KERNEL_VENV ?= .build-kernel/venv
kernel-deps:
	@[ -x $(KERNEL_VENV)/bin/pytest ] && $(KERNEL_VENV)/bin/python -c 'import ipykernel, nbclient, nbformat, jupyter_client' 2>/dev/null || { \
	  python3 -m venv $(KERNEL_VENV) && $(KERNEL_VENV)/bin/pip install -q ipykernel nbclient nbformat jupyter_client pytest; }

kernel-test: kernel-deps
	$(SWIFT) build
	$(KERNEL_VENV)/bin/python -m pytest -q Tests/Kernel
