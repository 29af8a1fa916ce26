#!/usr/bin/env bash
# Faults that lose nothing (issue: hardening): a run killed with SIGKILL leaves the target as it
# was and the next run removes its stale temporary; a full disk (a file-size limit, `ulimit -f`)
# is exit 1 with a clear message, the target untouched and no partial file left; two runs
# writing one target leave one complete file from one of them; a results file truncated or
# corrupted in the middle, or of a newer schema, is exit 2 naming the file from info, compare,
# snapshot and view, never a crash.
# Usage: faults_test.sh PARKTWIN_BINARY PARK_YAML
pt=$1
park=$2
. "$(dirname "$0")/check.sh"
unset DISPLAY

"$pt" run "$park" -o "$work/out.h5" --baseline-only --start 2025-01-01 --end 2025-01-02 >/dev/null
check "a first run writes the target" [ -s "$work/out.h5" ]
before=$(sha256sum "$work/out.h5" | cut -d' ' -f1)

# 1. SIGKILL midway: a long run at 1-minute steps, killed once its temporary exists.
"$pt" run "$park" -o "$work/out.h5" --start 2025-01-01 --end 2026-01-01 --step 1min >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 200); do
  [ -e "$work/.out.h5.partial-$pid" ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "a killed run leaves the target as it was" \
  [ "$(sha256sum "$work/out.h5" | cut -d' ' -f1)" = "$before" ]
check "... and its temporary behind" [ -e "$work/.out.h5.partial-$pid" ]
"$pt" run "$park" -o "$work/out.h5" --baseline-only --start 2025-01-02 --end 2025-01-03 >/dev/null
check "the next run succeeds" [ $? -eq 0 ]
check "... and removes the stale temporary" [ ! -e "$work/.out.h5.partial-$pid" ]

# 2. A full disk: the file-size limit stops the writer (it gets EFBIG, not a signal).
cp "$work/out.h5" "$work/full.h5"
kept=$(sha256sum "$work/full.h5" | cut -d' ' -f1)
(ulimit -f 64 && "$pt" run "$park" -o "$work/full.h5" --start 2025-01-01 --end 2025-03-01) \
  >/dev/null 2>"$work/err.txt"
code=$?
check "a full disk is exit 1" [ "$code" -eq 1 ]
check "... saying the results could not be written" grep -q "full.h5: cannot write the results" \
  "$work/err.txt"
check "... the target untouched" [ "$(sha256sum "$work/full.h5" | cut -d' ' -f1)" = "$kept" ]
check "... no partial file left" [ -z "$(ls -A "$work" | grep 'full.h5.partial')" ]

# 3. Two runs writing one target at once: one complete file from one of them.
"$pt" run "$park" -o "$work/both.h5" --baseline-only --start 2025-01-01 --end 2025-01-02 \
  >/dev/null &
a=$!
"$pt" run "$park" -o "$work/both.h5" --baseline-only --start 2025-01-01 --end 2025-01-03 \
  >/dev/null &
b=$!
wait "$a"
ra=$?
wait "$b"
rb=$?
check "two runs at once both finish" [ "$((ra + rb))" -eq 0 ]
"$pt" info "$work/both.h5" >"$work/info.txt"
check "... leaving one complete file" grep -Eq "(96|192) steps" "$work/info.txt"
check "... and no temporaries" [ -z "$(ls -A "$work" | grep 'both.h5.partial')" ]

# 4. Damaged files: truncated at half, and 4 KiB of zeros written into the middle.
refused_or_unharmed() {  # CODE FILE: exit 2, or 0 where the zeros hit nothing read (hole only)
  [ "$1" -eq 2 ] || { [ "$2" = hole ] && [ "$1" -eq 0 ]; }
}
size=$(stat -c %s "$work/out.h5")
head -c $((size / 2)) "$work/out.h5" >"$work/cut.h5"
cp "$work/out.h5" "$work/hole.h5"
dd if=/dev/zero of="$work/hole.h5" bs=1 seek=$((size / 2)) count=4096 conv=notrunc 2>/dev/null
for f in cut hole; do
  for cmd in info compare snapshot; do
    args=("$work/$f.h5")
    [ "$cmd" = snapshot ] && args+=(-o "$work/$f.png")
    "$pt" "$cmd" "${args[@]}" >/dev/null 2>"$work/err.txt"
    code=$?
    # hole.h5 may still read where the zeros hit nothing a command needs: 0 is then fine too.
    check "$cmd on a $f file: exit 2 (or 0 where unharmed), never a crash" \
      refused_or_unharmed "$code" "$f"
    if [ "$code" -eq 2 ]; then
      check "... naming the file" grep -q "$f.h5" "$work/err.txt"
    fi
  done
  if command -v xvfb-run >/dev/null; then
    under_xvfb 1280x1024x24 "$work/err.txt" "$pt" view "$work/$f.h5" --frames 2
    code=$?
    check "view on a $f file: exit 2 (or 0 where unharmed)" refused_or_unharmed "$code" "$f"
  fi
done

# Files that crashed HDF5 1.10 itself (found by fuzzing), each copied to NAME.h5 and refused by
# info and compare with exit 2, naming the file: a bad free while listing a group (groups are now
# listed without that code), and a string list whose global-heap object claims a size HDF5
# copies beyond its buffer (compare died of SIGSEGV; the probe's walk now reads string lists as
# the readers do, so its child crashes instead and the file is "damaged"), and a sweep table one
# byte off its seed, a row's text pointing outside the global heap (compare died of
# SIGSEGV reading the table; the walk now reads tables with text whole).
regressions="$(dirname "$0")/../fuzz/regressions/results"
for pair in hdf5_bad_free_in_group_names:crasher hdf5_string_list_heap_overlap:list \
  hdf5_sweep_table_heap_pointer:table; do
  name=${pair#*:}
  cp "$regressions/${pair%%:*}.h5bin" "$work/$name.h5"
  for cmd in info compare; do
    "$pt" "$cmd" "$work/$name.h5" >/dev/null 2>"$work/err.txt"
    check "$cmd on $name.h5, which crashes HDF5: exit 2" [ $? -eq 2 ]
    check "... naming the file" grep -q "$name.h5: " "$work/err.txt"
    [ "$name" = crasher ] || check "... as damaged" grep -q "$name.h5: the file is damaged" "$work/err.txt"
  done
done

# A file whose strings claim hundreds of MB (found by fuzzing): HDF5 1.10 allocated and cleared
# what they claim (seconds, 400 MB); the claims are now checked against the file's size first.
cp "$regressions/hdf5_vlen_claims_large_strings.h5bin" "$work/claims.h5"
for cmd in info compare; do
  "$pt" "$cmd" "$work/claims.h5" >/dev/null 2>"$work/err.txt"
  check "$cmd on strings claiming more than the file: exit 2" [ $? -eq 2 ]
  check "... naming the file, the dataset and the claim" grep -q \
    "claims.h5: .*kpi/monthly/month: its strings claim 385884160 bytes, more than the whole file (228720)" \
    "$work/err.txt"
done

# A file whose root attribute `ids` holds two strings that each claim 512 MiB (their lengths set in
# the attribute's stored elements, which HDF5 gives no raw access to): the walk's child is stopped
# as soon as it has taken 256 MiB more than the process had, instead of allocating 1.5 GB for 2 s.
cp "$regressions/hdf5_vlen_attribute_claims.h5bin" "$work/attr.h5"
"$pt" info "$work/attr.h5" >/dev/null 2>"$work/err.txt"
check "info on an attribute's strings claiming 1 GiB: exit 2" [ $? -eq 2 ]
check "... naming the file and the memory limit" \
  grep -q "attr.h5: the file is damaged: reading its structure took more than 256 MiB of memory" "$work/err.txt"

# A file on which HDF5 1.10 loops walking its structure (found by fuzzing): the walk is cut after
# 0.5 s of processor time without a step forward (it was 2 s in all for a small file), and the
# command says so.
cp "$regressions/hdf5_loops_walking_structure.h5bin" "$work/loops.h5"
"$pt" info "$work/loops.h5" >/dev/null 2>"$work/err.txt"
check "info on a file HDF5 loops on: exit 2" [ $? -eq 2 ]
check "... naming the file and the limit" \
  grep -q "loops.h5: the file is damaged: reading its structure made no progress in 0.5 s of processor time" "$work/err.txt"

# 5. A results file from a newer schema.
cp "$work/out.h5" "$work/new.h5"
/usr/bin/python3 - "$work/new.h5" <<'PY'
import sys, h5py
with h5py.File(sys.argv[1], "r+") as f:
    f.attrs["parktwin_schema"] = 99
PY
"$pt" info "$work/new.h5" >/dev/null 2>"$work/err.txt"
check "a newer schema is exit 2" [ $? -eq 2 ]
check "... naming both versions" grep -q "results schema version 99, newer than this parktwin reads (version 1" "$work/err.txt"
finish
