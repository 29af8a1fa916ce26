#!/usr/bin/env bash
# A short libFuzzer run of one harness from its seeds, as CI's sanitizer build runs it
# (docs/hardening.md): new inputs go to a scratch folder, the seeds are read only.
# Fails on any finding (crash, leak, UBSan report, timeout, an exception other than InputError).
# Usage: fuzz_briefly.sh FUZZ_BINARY TARGET SECONDS [SEED_FILE_OR_FOLDER ...]
set -u
bin=$1 target=$2 seconds=$3
shift 3
dir=$(dirname "$0")
. "$dir/limits.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus" "$work/seeds"
for seed in "$dir/corpus/$target" "$dir/regressions/$target" "$@"; do
  if [ -d "$seed" ]; then cp "$seed"/* "$work/seeds/" 2>/dev/null; elif [ -f "$seed" ]; then cp "$seed" "$work/seeds/"; fi
done
export LSAN_OPTIONS=suppressions=$(realpath "$dir/lsan.supp")
export ASAN_OPTIONS=symbolize=0
"$bin" "$work/corpus" "$work/seeds" -dict="$dir/dict/$target.dict" -max_total_time="$seconds" \
  -timeout="$(timeout_s "$target")" -rss_limit_mb=2048 -max_len="$(max_len "$target")" \
  -print_final_stats=1 -artifact_prefix="$work/" >"$work/log" 2>&1
status=$?
grep -E "^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" "$work/log"
if [ $status -ne 0 ]; then
  tail -n 40 "$work/log"
  for f in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
    [ -f "$f" ] && echo "finding: $(basename "$f") ($(wc -c <"$f") bytes, base64 below)" && base64 "$f"
  done
fi
exit $status
