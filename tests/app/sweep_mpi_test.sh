#!/usr/bin/env bash
# `mpirun -n 3 parktwin sweep` on this machine (a build with -DPARKTWIN_MPI=ON): the same table
# and stored series, bit for bit, as the sweep on one process; a failing variant recorded; ranks
# that read other inputs, or a file that one rank cannot read, stop every rank with exit 2 and
# nothing written; without mpirun the same binary runs alone.
# Usage: sweep_mpi_test.sh PARKTWIN_BINARY TESTS_APP_DATA_DIR MPIEXEC
pt=$1
data=$2
mpiexec=$3
. "$(dirname "$0")/check.sh"
# Open MPI refuses root unless told; containers lack the single-copy mechanism.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1
park="$data/retrofit_park.yaml"
cp "$park" "$work/a.yaml"
mpi() { "$mpiexec" --oversubscribe -n 3 "$@"; }
vary=(--vary 'loads.LIGHT.rated_power=10 kW,20 kW,40 kW,abc' --vary equipment.PUMP.count=2,4)

mpi "$pt" sweep "$work/a.yaml" "${vary[@]}" --store v01,v05 -o "$work/m.h5" >"$work/m.out" 2>"$work/m.err"
check "mpirun -n 3 sweep exits 0" [ $? -eq 0 ]
check "it says it ran on 3 ranks" grep -q "9 variants on 3 ranks" "$work/m.err"
check "the failing variant is reported" grep -q "v07: failed" "$work/m.err"
"$pt" sweep "$work/a.yaml" "${vary[@]}" --store v01,v05 -o "$work/s.h5" >/dev/null 2>&1
check "the same sweep runs without mpirun" [ $? -eq 0 ]
"$pt" compare "$work/m.h5" --json >"$work/m.json"
"$pt" compare "$work/s.h5" --json >"$work/s.json"
check "the table is the one process's, bit for bit" cmp -s "$work/m.json" "$work/s.json"
check "the stored series too" h5diff -q "$work/m.h5" "$work/s.h5" /scenarios /scenarios
check "only the variants asked for keep series" h5diff -q "$work/m.h5" "$work/s.h5" /sweep /sweep
h5ls "$work/m.h5/scenarios" >"$work/m.ls"
check "v01 and v05 stored, v02 not" bash -c "grep -q '^v01' '$work/m.ls' && grep -q '^v05' '$work/m.ls' && ! grep -q '^v02' '$work/m.ls'"

# Monte Carlo across ranks: each rank draws sample k itself; the table is the one process's.
cp "$park" "$work/mc.yaml"
printf 'uncertainty:\n  load_scale: {min: "80 %%", max: "120 %%"}\n' >>"$work/mc.yaml"
mpi "$pt" sweep "$work/mc.yaml" --samples 5 --seed 3 --vary equipment.PUMP.count=2,4 --store none \
  -o "$work/mcm.h5" >/dev/null 2>&1
"$pt" sweep "$work/mc.yaml" --samples 5 --seed 3 --vary equipment.PUMP.count=2,4 --store none \
  -o "$work/mcs.h5" >/dev/null 2>&1
check "Monte Carlo samples are the same on 3 ranks" h5diff -q "$work/mcm.h5" "$work/mcs.h5" /sweep /sweep

# Ranks that disagree: rank 2 reads a park file with one value changed.
sed 's/40 kW/41 kW/' "$park" >"$work/b.yaml"
mpi bash -c "f=$work/a.yaml; [ \$OMPI_COMM_WORLD_RANK = 2 ] && f=$work/b.yaml; exec '$pt' sweep \$f --vary equipment.PUMP.count=2,4 -o '$work/d.h5'" >/dev/null 2>"$work/d.err"
check "ranks with other inputs exit nonzero" [ $? -ne 0 ]
check "rank 0 names the rank" grep -q "sweep: rank 2 read other inputs than rank 0" "$work/d.err"
check "nothing written" [ ! -e "$work/d.h5" ]
mpi bash -c "f=$work/a.yaml; [ \$OMPI_COMM_WORLD_RANK = 1 ] && f=$work/nope.yaml; exec '$pt' sweep \$f --vary equipment.PUMP.count=2,4 -o '$work/e.h5'" >/dev/null 2>"$work/e.err"
check "a file one rank cannot read stops all" [ $? -ne 0 ]
check "with that rank's message" grep -q "rank 1: .*nope.yaml" "$work/e.err"
check "nothing written either" [ ! -e "$work/e.h5" ]
# The same park text beside another weather file on rank 1: the inputs differ all the same.
epw=$(dirname "$0")/../../../shared/datasets/weather/CHN_SH_Shanghai-Hongqiao.Intl.AP.583670_TMYx.1956-2023_fromCEA.epw
if [ -f "$epw" ]; then
  mkdir -p "$work/wa" "$work/wb"
  for d in wa wb; do
    { cat "$park"; printf 'weather: {source: w.epw}\n'; } >"$work/$d/park.yaml"
    cp "$epw" "$work/$d/w.epw"
  done
  sed -i '20s/,8\.00,-4\.00,/,8.50,-4.00,/' "$work/wb/w.epw"  # one dry-bulb temperature
  mpi bash -c "d=wa; [ \$OMPI_COMM_WORLD_RANK = 1 ] && d=wb; exec '$pt' sweep $work/\$d/park.yaml --vary equipment.PUMP.count=2,4 -o '$work/w.h5'" >/dev/null 2>"$work/w.err"
  check "a rank reading other weather exits nonzero" [ $? -ne 0 ]
  check "rank 0 names it" grep -q "sweep: rank 1 read other inputs than rank 0" "$work/w.err"
else
  echo "skip: ../shared/datasets/weather is not there (weather files across ranks not checked)"
fi
mpi "$pt" sweep "$work/a.yaml" --vary equipment.PUMP.count=2,4 --store full -o "$work/f.h5" >/dev/null 2>"$work/f.err"
check "--store full across ranks is refused" grep -q -- "--store full: not across MPI ranks" "$work/f.err"

finish
