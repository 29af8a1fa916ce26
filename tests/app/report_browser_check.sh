#!/usr/bin/env bash
# Loads a `parktwin report` page in headless Chromium and checks that its script drew it: passes
# when the page's <html> ends with data-status="ok" and data-charts-rendered equal to
# data-charts-expected (more than 0), which assets/report/report_*.js sets; also writes a screenshot.
# Usage: report_browser_check.sh REPORT.html SCREENSHOT.png
# CHROMIUM names the browser where it is not `chromium` on PATH.
set -u

me=report_browser_check
if [ $# -ne 2 ]; then
  echo "usage: $0 REPORT.html SCREENSHOT.png" >&2
  exit 2
fi
[ -f "$1" ] || { echo "$me: no such file: $1" >&2; exit 2; }
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$browser" ] || { echo "$me: chromium not found (set CHROMIUM)" >&2; exit 2; }

page="file://$(realpath "$1")"
shot=$(realpath -m "$2")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# Chromium's stderr (dbus, GPU, fonts) is noise here: the verdict comes from the page itself.
chrome() {
  timeout --kill-after=10 120 "$browser" --headless=new --no-sandbox --disable-gpu \
    --user-data-dir="$profile" --no-first-run --no-default-browser-check --hide-scrollbars \
    --virtual-time-budget=10000 "$@" 2>/dev/null
}

dom=$(chrome --dump-dom "$page")
status=$?
if [ $status -ne 0 ] || [ -z "$dom" ]; then
  echo "$me: chromium could not load $page (exit $status)" >&2
  exit 1
fi
rm -f "$shot"
chrome --screenshot="$shot" --window-size=1280,4000 "$page" >/dev/null

# The attributes of the page's <html> element as the DOM ended up.
html_tag=$(printf '%s' "$dom" | tr '\n' ' ' | grep -o -m1 '<html[^>]*>' || true)
attr() {
  printf '%s' "$html_tag" | sed -n "s/.* $1=\"\\([^\"]*\\)\".*/\\1/p"
}
page_status=$(attr data-status)
expected=$(attr data-charts-expected)
rendered=$(attr data-charts-rendered)

fail=0
if [ "$page_status" != ok ]; then
  echo "$me: $1: data-status is \"${page_status:-(not set: the report script did not run)}\", not \"ok\"" >&2
  fail=1
fi
if [ -z "$expected" ]; then
  [ $fail -eq 1 ] || echo "$me: $1: no data-charts-expected: the report script did not finish" >&2
  fail=1
elif ! [[ $expected =~ ^[0-9]+$ ]] || [ "$expected" -eq 0 ]; then
  echo "$me: $1: data-charts-expected is \"$expected\": no chart was drawn" >&2
  fail=1
elif [ "$rendered" != "$expected" ]; then
  echo "$me: $1: $rendered of $expected charts rendered" >&2
  fail=1
fi
if [ ! -s "$shot" ]; then
  echo "$me: no screenshot written to $shot" >&2
  fail=1
fi
[ $fail -eq 0 ] && echo "$me: $1: ok, $rendered of $expected charts rendered, screenshot $shot"
exit $fail
