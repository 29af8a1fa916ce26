#!/usr/bin/env bash
# Variants per second of `parktwin sweep` across MPI ranks (a build with -DPARKTWIN_MPI=ON), and
# the parallel efficiency against one rank: the demo park for a year at 15-minute steps, a grid
# of W1 lighting x TR-W1 rating (VARIANTS variants, table only), each rank on THREADS threads.
# Usage: bench/sweep_ranks.sh BUILD_DIR "1 2 4 ..." [THREADS] [VARIANTS: 8, 16, 32 or 64]
# (docs/cluster.md has the figures measured and how they extrapolate to a cluster.)
set -euo pipefail
build=${1:?usage: sweep_ranks.sh BUILD_DIR "RANKS..." [THREADS] [VARIANTS]}
ranks=${2:-"1 2"}
threads=${3:-1}
variants=${4:-16}
here=$(cd "$(dirname "$0")/.." && pwd)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case $variants in
  8) light="40 kW,60 kW,80 kW,100 kW"; rating="1250 kVA,1600 kVA" ;;
  16) light="40 kW,60 kW,80 kW,100 kW"; rating="1000 kVA,1250 kVA,1600 kVA,2000 kVA" ;;
  32) light="40 kW,50 kW,60 kW,70 kW,80 kW,90 kW,100 kW,110 kW"; rating="1000 kVA,1250 kVA,1600 kVA,2000 kVA" ;;
  64) light="40 kW,50 kW,60 kW,70 kW,80 kW,90 kW,100 kW,110 kW"; rating="800 kVA,1000 kVA,1250 kVA,1600 kVA,2000 kVA,2500 kVA,3150 kVA,4000 kVA" ;;
  *) echo "VARIANTS: 8, 16, 32 or 64" >&2; exit 2 ;;
esac
run() {
  local n=$1
  local start end
  start=$(date +%s.%N)
  mpirun --oversubscribe -n "$n" "$build/parktwin" sweep "$here/datasets/demo-park/park.yaml" \
    --vary "loads.W1-LIGHT.rated_power=$light" --vary "network.transformers.TR-W1.rated_power=$rating" \
    --store none --threads "$threads" -o "$work/s$n.h5" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
base=""
printf "%6s %10s %12s %11s\n" ranks seconds variants/s efficiency
for n in $ranks; do
  t=$(run "$n")
  rate=$(echo "($variants + 1) / $t" | bc -l)
  [ -n "$base" ] || base=$rate
  eff=$(echo "100 * $rate / ($base * $n)" | bc -l)
  printf "%6d %10.2f %12.2f %10.0f%%\n" "$n" "$t" "$rate" "$eff"
done
