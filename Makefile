# The project's commands. `make test` installs what it needs (cbindgen at a pinned version, a Python
# virtual environment with maturin, pytest and mypy) and runs every check; `make demo` runs a collections
# officer's day over the sample portfolio through Rust, C and Python and checks the three reports agree.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo
PYTHON ?= python3
PREFIX ?= /usr/local

CBINDGEN_VERSION := 0.29.4
TOOLS := $(CURDIR)/build/tools
CBINDGEN := $(TOOLS)/bin/cbindgen
VENV := $(CURDIR)/.venv
VPY := $(VENV)/bin/python

.PHONY: all test demo bench header header-check lint rust-test c-test py-test py-env install tools prereqs clean

all: test

test: prereqs lint rust-test header-check c-test py-test
	@echo "make test: all checks passed"

# ---------------------------------------------------------------- tools
$(CBINDGEN):
	$(CARGO) install cbindgen --version $(CBINDGEN_VERSION) --locked --root $(TOOLS) --quiet

tools: $(CBINDGEN)

# What a machine with only Rust, Python 3, gcc and make lacks for `make test`: the rustfmt and clippy
# components, and valgrind and g++ (for the C tests and the header's C++ check) and tzdata (the C demo's
# contact history is in local time) from Debian's packages.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
prereqs:
	@$(CARGO) fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@$(CARGO) clippy --version >/dev/null 2>&1 || rustup component add clippy
	@missing=""; \
	command -v valgrind >/dev/null || missing="$$missing valgrind"; \
	command -v g++ >/dev/null || missing="$$missing g++"; \
	[ -e /usr/share/zoneinfo/America/New_York ] || missing="$$missing tzdata"; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing (apt-get)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# ---------------------------------------------------------------- Rust
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --workspace --no-deps --locked

# collections-py is a Python extension module: it is tested by pytest, not linked into a Rust test binary.
rust-test:
	$(CARGO) test --workspace --exclude collections-py --locked

# The criterion benches, then the peer comparison (benches/peers/compare.py) in the benches' own virtual
# environment: numpy-financial, pyxirr and QuantLib pinned in benches/peers/requirements.txt (reinstalled
# when the pins change) and a release wheel of collections-py. The table also goes to build/bench/peers.md.
BENCH_VENV := $(CURDIR)/build/bench-venv
BENCH_PY := $(BENCH_VENV)/bin/python
BENCH_WHEELS := $(CURDIR)/build/bench-wheels
BENCH_STAMP := $(BENCH_VENV)/.peers-requirements.stamp

$(BENCH_PY):
	$(PYTHON) -m venv $(BENCH_VENV)

$(BENCH_STAMP): benches/peers/requirements.txt | $(BENCH_PY)
	$(BENCH_PY) -m pip install --quiet --disable-pip-version-check --only-binary=:all: -r benches/peers/requirements.txt
	touch $@

bench: $(BENCH_STAMP)
	rm -f $(BENCH_WHEELS)/collections_core-*.whl
	$(BENCH_VENV)/bin/maturin build --release --locked --manifest-path collections-py/Cargo.toml \
		--interpreter $(BENCH_PY) --out $(BENCH_WHEELS)
	$(BENCH_PY) -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps \
		$(BENCH_WHEELS)/collections_core-*.whl
	$(CARGO) bench -p collections-benches
	mkdir -p build/bench
	$(BENCH_PY) benches/peers/compare.py --markdown build/bench/peers.md

# ---------------------------------------------------------------- C ABI (owned by the FFI work)
header: $(CBINDGEN)
	$(CBINDGEN) --config collections-ffi/cbindgen.toml --crate collections-ffi --output include/collections.h --quiet

header-check: $(CBINDGEN)
	@tmp=$$(mktemp); \
	$(CBINDGEN) --config collections-ffi/cbindgen.toml --crate collections-ffi --output $$tmp --quiet; \
	if ! diff -u include/collections.h $$tmp; then rm -f $$tmp; echo "include/collections.h is stale: run make header"; exit 1; fi; \
	rm -f $$tmp; echo "header-check: include/collections.h is up to date"

c-test:
	$(MAKE) -C tests/c test

install:
	$(CARGO) build -p collections-ffi --release --locked
	$(MAKE) -C tests/c install PREFIX=$(PREFIX)

# ---------------------------------------------------------------- Python (owned by the Python work)
py-env:
	$(MAKE) -C collections-py env VENV=$(VENV) PYTHON=$(PYTHON)

py-test: py-env
	$(MAKE) -C collections-py test VENV=$(VENV)

# ---------------------------------------------------------------- demo
# A collections officer's day over collections-core/examples/portfolio, run from Rust, C and Python. The
# Rust report is shown; the C and Python reports must be the same, line for line (else the diff and a
# failure). The three reports are kept in build/demo.
DEMO_OUT := $(CURDIR)/build/demo

demo: py-env
	@mkdir -p $(DEMO_OUT)
	@echo "== Rust (collections-core/examples/demo.rs) =="
	@$(CARGO) run --quiet --locked -p collections-core --example demo > $(DEMO_OUT)/rust.txt
	@cat $(DEMO_OUT)/rust.txt
	@echo "== C (tests/c/demo.c) =="
	@$(MAKE) --no-print-directory -C tests/c demo > $(DEMO_OUT)/c.txt
	@diff -u $(DEMO_OUT)/rust.txt $(DEMO_OUT)/c.txt || { echo "make demo: the C report differs from Rust's"; exit 1; }
	@echo "the same report as Rust's ($$(wc -l < $(DEMO_OUT)/c.txt) lines)"
	@echo "== Python (collections-py/examples/demo.py) =="
	@$(MAKE) --no-print-directory -C collections-py demo VENV=$(VENV) > $(DEMO_OUT)/python.txt
	@diff -u $(DEMO_OUT)/rust.txt $(DEMO_OUT)/python.txt || { echo "make demo: the Python report differs from Rust's"; exit 1; }
	@echo "the same report as Rust's ($$(wc -l < $(DEMO_OUT)/python.txt) lines)"

clean:
	$(CARGO) clean
	rm -rf build .venv
