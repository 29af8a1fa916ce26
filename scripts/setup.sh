#!/usr/bin/env bash
# Installs what ParkTwin needs on Debian 12 (apt-get; sudo when not root; only what is missing),
# configures and builds (Release, Ninja) into build/, then runs what is asked:
#   scripts/setup.sh          install + build
#   scripts/setup.sh demo     ... then run the demo park for a year (parktwin demo)
#   scripts/setup.sh test     ... then run the whole test suite (ctest), and the core again under
#                             ASan + UBSan, built with Clang (build-asan/: physics and twin tests,
#                             the fuzz harnesses replayed and each fuzzed for a few seconds)
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build pkg-config libyaml-cpp-dev libcli11-dev
  nlohmann-json3-dev libdeflate-dev libxxhash-dev libhdf5-dev libeigen3-dev libtbb-dev libssl-dev libgtest-dev libgmock-dev
  libfmt-dev libhwy-dev libsleef-dev libhowardhinnant-date-dev libcsv-dev libxlsxwriter-dev python3-openpyxl
  libembree-dev libjs-chart.js libavcodec-dev libavformat-dev libswscale-dev
  libbenchmark-dev hdf5-tools python3 python3-h5py coinor-libclp-dev
  libopenscenegraph-dev libimgui-dev libgl-dev libegl-dev libgl1-mesa-dri libegl-mesa0
  fonts-wqy-microhei xvfb xauth)

# The report's browser check needs Chromium, the MPI sweep's test OpenMPI (docs/cluster.md), and
# the sanitizer build's fuzz runs Clang and libFuzzer: only the test step installs them and builds
# with -DPARKTWIN_MPI=ON.
mpi=OFF
if [ "${1:-}" = "test" ]; then
  packages+=(chromium libopenmpi-dev openmpi-bin clang libfuzzer-14-dev)
  mpi=ON
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "setup: apt-get is not available; install these Debian 12 packages by hand: ${missing[*]}" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARKTWIN_MPI=$mpi
elif [ $mpi = ON ] && ! grep -q '^PARKTWIN_MPI:BOOL=ON' build/CMakeCache.txt; then
  cmake -S . -B build -DPARKTWIN_MPI=ON
fi
cmake --build build

case "${1:-}" in
  demo) ./build/parktwin demo -o parktwin-demo ;;
  test)
    ctest --test-dir build --output-on-failure -j 2
    # The core under AddressSanitizer and UndefinedBehaviorSanitizer, built with Clang
    # (docs/hardening.md): the physics and twin tests, and the fuzz harnesses of the core's
    # readers replayed over their seeds and past findings, then each fuzzed by libFuzzer from them
    # for a few seconds. The viewer, the results harness (it needs the viewer) and the end-to-end
    # scripts run in the build above only (CI's 25 minutes). A build-asan/ of another compiler
    # (an older checkout's GCC one) is made again.
    if [ -f build-asan/CMakeCache.txt ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang' build-asan/CMakeCache.txt; then
      rm -rf build-asan
    fi
    [ -f build-asan/build.ninja ] || CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja \
      -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DPARKTWIN_SANITIZE=ON \
      -DPARKTWIN_BUILD_BENCH=OFF
    cmake --build build-asan --target physics_tests twin_tests \
      $(for t in park epw matpower series meter_csv quantity iso_time; do echo "replay_$t fuzz_$t"; done)
    ctest --test-dir build-asan --output-on-failure -j 2 -R '^(fuzz_replay_|fuzz_run_|[A-Z])' \
      -E 'fuzz_(replay|run)_results'
    ;;
  "") ;;
  *) echo "setup: unknown step '$1' (expected demo or test)" >&2; exit 2 ;;
esac
