# Shared by the end-to-end scripts (sourced): a scratch folder removed on exit, `check WHAT CMD...`
# counting passes and failures, and `finish` printing the tally and failing if anything failed.
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
