# Front door. `make demo` and `make test` work on a fresh Debian 12 machine.
BUILD ?= build
JOBS ?= 2
DB ?= demo.db
PORT ?= 8080
NTM := $(BUILD)/src/cli/ntm

.PHONY: all deps build test test-asan fuzz demo bench screenshots format clean

all: build

deps:
	scripts/install-deps

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Runs every test; the last lines are CTest's summary.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Every test again under AddressSanitizer and UBSan (Debug build in build-asan/).
test-asan: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNTM_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

# Every fuzz target for FUZZ_SECONDS each (libFuzzer, clang; build-fuzz/).
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz $(FUZZ_SECONDS)

# Builds the demo database (Hà Tĩnh, synthetic data) and serves it.
demo: build
	$(NTM) demo --db $(DB) --force
	$(NTM) serve --db $(DB) --port $(PORT)

# README screenshots: the four role walkthroughs (their own demo server),
# then the overview shots from a running demo (make demo in another terminal).
screenshots: build
	NTM_DATA_DIR=$(CURDIR)/data NTM_BROWSER_ONLY=walkthrough tests/browser/run.sh $(NTM) $(BUILD)/walkthroughs
	cp $(BUILD)/walkthroughs/walk-*.png docs/screenshots/
	NTM_URL=http://127.0.0.1:$(PORT) node tests/browser/screenshots.mjs docs/screenshots

bench: build
	bench/run.sh $(BUILD)

format:
	find src tests bench -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
