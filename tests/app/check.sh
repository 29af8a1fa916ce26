# Shared by the end-to-end scripts (sourced): a scratch folder removed on exit, `check WHAT CMD...`
# counting passes and failures, `finish` printing the tally and failing if anything failed, and
# `under_xvfb` for commands that need a display.
set -u
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
check() {
  local what=$1
  shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $what"; fail=$((fail + 1)); fi
}
finish() {
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}
# under_xvfb SCREEN FILE COMMAND...: COMMAND under a new Xvfb screen (WxHxDEPTH), its output in
# FILE; returns COMMAND's own exit status. xvfb-run's can be its clean-up's instead, under
# `set -e`: an Xvfb that has already gone when it kills it, or xauth failing, with tests running
# side by side.
under_xvfb() {
  local screen=$1 out=$2
  shift 2
  rm -f "$out.status"
  ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s "-screen 0 $screen" \
    sh -c '"$@"; echo $? >"$0.status"' "$out" "$@" >"$out" 2>&1
  return "$(cat "$out.status" 2>/dev/null || echo 125)"
}
