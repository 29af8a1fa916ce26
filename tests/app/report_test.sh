#!/usr/bin/env bash
# `parktwin report` end to end: one self-contained HTML file (no external URL) whose embedded data
# (<script id="parktwin-data">) holds `compare --json` as it is and every section, in English and
# Chinese; --scenarios picks scenarios; the page renders in headless Chromium with no script error
# and every chart drawn (screenshots kept in OUT_DIR); bad input exits 2 with a located message
# and leaves an existing report untouched.
# Usage: report_test.sh PARKTWIN_BINARY REPOSITORY_DIR OUT_DIR
pt=$1
repo=$2
out_dir=$3
. "$(dirname "$0")/check.sh"
mkdir -p "$out_dir"

"$pt" run "$repo/datasets/demo-park/park.yaml" -o "$work/demo.h5" --start 2025-06-01 \
  --end 2025-07-31 --scenario rooftop-pv --scenario led-lighting >/dev/null 2>&1
check "the demo runs two scenarios" [ $? -eq 0 ]
"$pt" report "$work/demo.h5" -o "$work/report.html" >"$work/r.out" 2>&1
check "report exits 0" [ $? -eq 0 ]
"$pt" compare "$work/demo.h5" --json >"$work/compare.json"
"$pt" report "$work/demo.h5" -o "$work/report_zh.html" --language zh >/dev/null 2>&1
"$pt" report "$work/demo.h5" -o "$work/one.html" --scenarios rooftop-pv >/dev/null 2>&1
check "--scenarios exits 0" [ $? -eq 0 ]

check "the report's data: compare --json as it is, every section, both languages" \
  python3 - "$work" <<'PY'
import json, re, sys
work = sys.argv[1]
def data(name):
    html = open(f"{work}/{name}", encoding="utf-8").read()
    # Self-contained: nothing loaded from elsewhere.
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', html), "external reference"
    assert "url(http" not in html and "@import" not in html
    m = re.search(r'<script type="application/json" id="parktwin-data">(.*?)</script>', html, re.S)
    assert m, "no parktwin-data"
    return html, json.loads(m.group(1))
compare = json.load(open(f"{work}/compare.json"))
html, d = data("report.html")
assert '<html lang="en">' in html
assert d["compare"] == compare, "compare differs from compare --json"
names = ["baseline"] + [s["name"] for s in compare["scenarios"]]
assert d["meta"]["scenarios"] == names and len(names) == 3, d["meta"]["scenarios"]
assert d["park"]["buildings"] == 11 and d["park"]["motors"] == 219, d["park"]
assert [m["scenario"] for m in d["monthly"]] == d["meta"]["scenarios"]
assert d["monthly"][0]["months"] == ["2025-06", "2025-07"], d["monthly"][0]["months"]
assert len(d["load_duration"]) == 3 and len(d["load_duration"][0]["grid_import_kw"]) == 200
ld = d["load_duration"][0]["grid_import_kw"]
assert all(a >= b for a, b in zip(ld, ld[1:])), "load duration not descending"
assert {(p["season"], p["day"]) for p in d["profiles"]} >= {("summer", "workday"), ("summer", "weekend")}
summer = next(p for p in d["profiles"] if p["scenario"] == "rooftop-pv" and p["season"] == "summer")
assert max(summer["pv_kw"]) > 1000 and len(summer["hours"]) == 96, max(summer["pv_kw"])
assert len(d["sankey"]) == 3
links = d["sankey"][names.index("rooftop-pv")]["links"]
assert any(l["source"] == "pv" and l["kwh"] > 0 for l in links)
assert len(d["motors"]["worst"]) == 10 and sum(d["motors"]["histogram"]["counts"]) > 100
# Before and after: the baseline, then the two scenarios, each one object with its image.
assert [s["scenario"] for s in d["snapshots"]] == names, d["snapshots"]
assert all(s["png"].startswith("data:image/png;base64,") for s in d["snapshots"])
assert d["snapshots"][0]["png"] == d["park"]["snapshot_png"]
import base64
for s in d["snapshots"]:
    open(f"{work}/report_{s['scenario']}.png", "wb").write(base64.b64decode(s["png"].split(",", 1)[1]))
_, zh = data("report_zh.html")
assert zh["meta"]["language"] == "zh" and zh["compare"] == compare
assert any(n["label"] == "光伏发电" for n in zh["sankey"][0]["nodes"])
_, one = data("one.html")
assert [s["name"] for s in one["compare"]["scenarios"]] == ["rooftop-pv"]
assert one["compare"]["scenarios"][0] == next(s for s in compare["scenarios"] if s["name"] == "rooftop-pv")
PY

# The report draws its three images one after another in one GL context: each is the image that
# `parktwin snapshot` draws of that run alone, byte for byte.
for run in baseline led-lighting rooftop-pv; do
  flag=(--scenario "$run")
  [ "$run" = baseline ] && flag=()
  "$pt" snapshot "$work/demo.h5" "${flag[@]}" --time 2025-06-21T12:00 -o "$work/alone_$run.png" \
    >/dev/null 2>&1
  check "the report's image of $run is that of parktwin snapshot" \
    cmp "$work/alone_$run.png" "$work/report_$run.png"
done

check "the English report renders in Chromium, every chart drawn" \
  bash "$(dirname "$0")/report_browser_check.sh" "$work/report.html" "$out_dir/report-en.png"
check "the Chinese report renders in Chromium, every chart drawn" \
  bash "$(dirname "$0")/report_browser_check.sh" "$work/report_zh.html" "$out_dir/report-zh.png"

# Bad input: exit 2, a located message, an existing report untouched, nothing half-written.
echo "earlier report" >"$work/keep.html"
"$pt" report "$work/demo.h5" -o "$work/keep.html" --scenarios nonesuch >"$work/bad.out" 2>&1
check "an unknown scenario exits 2" [ $? -eq 2 ]
check "the message names the flag and the scenarios" \
  grep -q -- '--scenarios: no scenario "nonesuch" in .*demo.h5 (it has: led-lighting, rooftop-pv)' "$work/bad.out"
check "the earlier report is untouched" grep -qx "earlier report" "$work/keep.html"
"$pt" report "$work/demo.h5" -o "$work/report.txt" >"$work/bad.out" 2>&1
check "a target that is not .html exits 2" [ $? -eq 2 ]
"$pt" report "$work/demo.h5" -o "$work/missing/report.html" >"$work/bad.out" 2>&1
check "an unwritable target exits 2" [ $? -eq 2 ]
echo "not hdf5" >"$work/bad.h5"
"$pt" report "$work/bad.h5" -o "$work/bad.html" >"$work/bad.out" 2>&1
check "a results file that is not one exits 2" [ $? -eq 2 ]
check "no partial file is left" [ -z "$(ls -A "$work" | grep partial)" ]
finish
