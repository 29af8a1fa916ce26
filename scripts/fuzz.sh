#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz (Clang, ASan + UBSan) into build-fuzz/ and fuzzes
# TARGET (or every target) for SECONDS each (default 60):
#   scripts/fuzz.sh [park|epw|matpower|series|meter_csv|quantity|iso_time|results|all] [SECONDS]
# Each target starts from its seeds (tests/fuzz/corpus/TARGET, the repository's own files of its
# format, and the shared EPW where ../shared is present) with its dictionary
# (tests/fuzz/dict/TARGET.dict). An input slower than 1 s is a finding, as are crashes, leaks and
# exceptions other than a located InputError. Findings are written to build-fuzz/findings/; the
# corpus grows in build-fuzz/corpus/. Needs clang and libfuzzer-14-dev (Debian 12).
# FUZZ_SANITIZERS=undefined builds without ASan (into build-fuzz-undefined/, same corpus): the
# results reader, whose structure probe forks a child per input, then runs several times faster;
# replay the grown corpus under ASan afterwards (docs/hardening.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each input computes its own shade tables and spot losses: none read from or kept in the user's
# cache folder (twin/base/disk_cache.h).
export PARKTWIN_CACHE_DIR=off
all=(park epw matpower series meter_csv quantity iso_time results)
target=${1:-all}
seconds=${2:-60}
if [ "$target" = all ]; then targets=("${all[@]}"); else targets=("$target"); fi
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz: unknown target '$t' (expected one of: ${all[*]} or all)" >&2; exit 2; }
done
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz: expected SECONDS as a whole number, got '$seconds'" >&2; exit 2; }
command -v clang++ >/dev/null || { echo "fuzz: clang++ is missing (apt-get install clang libfuzzer-14-dev)" >&2; exit 1; }

sanitizers=${FUZZ_SANITIZERS:-address,undefined}
[[ "$sanitizers" =~ ^[a-z,]+$ ]] || { echo "fuzz: expected FUZZ_SANITIZERS as names like address,undefined, got '$sanitizers'" >&2; exit 2; }
bin=build-fuzz
[ "$sanitizers" = address,undefined ] || bin=build-fuzz-${sanitizers//,/-}
[ -f $bin/build.ninja ] || CC=clang CXX=clang++ cmake -S . -B $bin -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARKTWIN_FUZZ=ON -DPARKTWIN_FUZZ_SANITIZERS="$sanitizers" >/dev/null
cmake --build $bin

seed() {  # TARGET: fills build-fuzz/corpus/TARGET with its seeds once
  local t=$1 dir=build-fuzz/corpus/$1
  [ -d "$dir" ] && return
  mkdir -p "$dir"
  cp tests/fuzz/corpus/"$t"/* "$dir"/ 2>/dev/null || true
  case $t in
    park) cp tests/app/data/*.yaml "$dir"/ ;;  # small parks: the demo's 54 KB would be slow
    matpower) cp tests/app/data/*.m "$dir"/ ;;
    meter_csv) head -n 400 datasets/demo-park/meters.csv >"$dir/demo_head.csv" ;;
    epw)
      for f in ../shared/datasets/weather/*.epw; do
        [ -f "$f" ] && head -n 60 "$f" >"$dir"/head.epw  # a whole year would be slow
      done ;;
    results)
      if [ -x build/parktwin ]; then
        build/parktwin run tests/app/data/retrofit_park.yaml -o "$dir/small.h5" --baseline-only \
          --start 2025-06-21 --end 2025-06-22 --step 1h >/dev/null
      fi ;;
  esac
}

. tests/fuzz/limits.sh

mkdir -p build-fuzz/findings
export LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp
# Unsymbolised reports: a results file's structure probe (twin/results/results_probe.h) runs in a
# child whose contained crash would otherwise spend seconds symbolising.
export ASAN_OPTIONS=symbolize=0
for t in "${targets[@]}"; do
  seed "$t"
  echo "fuzz: $t for ${seconds} s"
  # The results harness forks a probe per input: a small ASan quarantine makes the fork cheaper
  # (19 -> 28 inputs a second, docs/hardening.md).
  quarantine=""
  [ "$t" = results ] && quarantine=":quarantine_size_mb=4"
  ASAN_OPTIONS="symbolize=0$quarantine" \
  $bin/tests/fuzz/fuzz_"$t" build-fuzz/corpus/"$t" -dict=tests/fuzz/dict/"$t".dict \
    -max_total_time="$seconds" -timeout="$(timeout_s "$t")" -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
    -print_final_stats=1 -artifact_prefix=build-fuzz/findings/"$t"- 2>&1 |
    grep -E "^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" || true
done
