#!/usr/bin/env bash
# End-to-end: `parktwin snapshot` renders the demo park (one day) to PNG files without a display
# (EGL), views and scenarios included; bad flags exit 2 with a message; and, where xvfb-run is
# installed, `parktwin view` opens under Xvfb, draws frames and exits 0.
# A results file is self-contained (/model): moved to another folder, away from its park file and
# its EPW weather, it still opens in snapshot and view.
# `parktwin video` encodes the demo's tour to an MP4 (decoded back in viewer_tests), and
# `view --present` fills the screen under Xvfb (its screenshot kept in SCREENSHOT_DIR).
# Usage: viewer_cli_test.sh PARKTWIN_BINARY DEMO_PARK_YAML [SHARED_WEATHER_DIR] [SCREENSHOT_DIR]
pt=$1
park=$2
weather_dir=${3:-}
shots=${4:-}
. "$(dirname "$0")/../app/check.sh"
unset DISPLAY

"$pt" run "$park" -o "$work/r.h5" --start 2025-06-21 --end 2025-06-22 --scenario rooftop-pv \
  >/dev/null 2>&1
check "run exits 0" [ $? -eq 0 ]

png_ok() {  # FILE WIDTH HEIGHT: PNG signature and IHDR size
  python3 - "$@" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (int(sys.argv[2]), int(sys.argv[3])), (w, h)
PY
}

"$pt" snapshot "$work/r.h5" --time 2025-06-21T12:00 -o "$work/iso.png" >"$work/out.txt"
check "snapshot exits 0" [ $? -eq 0 ]
check "snapshot reports the file and the step" grep -q "iso.png (1280x720, baseline, 2025-06-21 12:00)" "$work/out.txt"
check "snapshot is a 1280x720 PNG" png_ok "$work/iso.png" 1280 720

"$pt" snapshot "$work/r.h5" --time 2025-06-21T12:00+08:00 --scenario rooftop-pv --view top \
  --size 640x360 --language zh --color-map viridis -o "$work/top.png" >/dev/null
check "top view of a scenario, 640x360" png_ok "$work/top.png" 640 360

"$pt" snapshot "$work/r.h5" --scenario rooftop-pv --pv-color shading --size 640x360 \
  -o "$work/shade.png" >/dev/null
check "PV arrays coloured by their annual shading loss" png_ok "$work/shade.png" 640 360
"$pt" snapshot "$work/r.h5" --pv-color shadow -o "$work/bad.png" >/dev/null 2>&1
check "--pv-color takes output or shading only: exit 2" [ $? -eq 2 ]

"$pt" snapshot "$work/r.h5" --camera TR-W1 --layers buildings,network --no-legend -o "$work/tr.png" >/dev/null
check "camera framing a transformer" png_ok "$work/tr.png" 1280 720
"$pt" snapshot "$work/r.h5" --camera car-park --size 640x360 -o "$work/cam.png" >/dev/null
check "a named camera of the park's presentation" png_ok "$work/cam.png" 640 360
"$pt" snapshot "$work/r.h5" --camera nowhere -o "$work/x.png" 2>"$work/err.txt"
check "an unknown camera exits 2" [ $? -eq 2 ]
check "... naming what --camera takes" grep -q 'no camera or object "nowhere"' "$work/err.txt"

# The demo park on the real Shanghai EPW file, named by a relative path; the results move away.
epw="$weather_dir/CHN_SH_Shanghai-Hongqiao.Intl.AP.583670_TMYx.1956-2023_fromCEA.epw"
if [ -f "$epw" ]; then
  mkdir -p "$work/park" "$work/moved"
  cp "$epw" "$work/park/shanghai.epw"
  sed 's|^  source: synthetic|  source: shanghai.epw|' "$park" >"$work/park/park.yaml"
  (cd "$work/park" && "$pt" run park.yaml -o epw.h5 --start 2025-06-21 --end 2025-06-22 \
    --scenario rooftop-pv >/dev/null 2>&1)
  check "run on a relative EPW path exits 0" [ $? -eq 0 ]
  mv "$work/park/epw.h5" "$work/moved/epw.h5"
  rm -rf "$work/park"
  "$pt" snapshot "$work/moved/epw.h5" --time 2025-06-21T12:00 --scenario rooftop-pv \
    -o "$work/moved.png" >/dev/null 2>"$work/err.txt"
  check "a moved results file (EPW weather, scenario) renders" png_ok "$work/moved.png" 1280 720
  check "... with nothing on stderr" [ ! -s "$work/err.txt" ]
  "$pt" info "$work/moved/epw.h5" >"$work/info.txt"
  check "info lists its stored model" grep -q "model: 11 buildings" "$work/info.txt"
  if command -v xvfb-run >/dev/null; then
    ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s "-screen 0 1280x720x24" "$pt" view \
      "$work/moved/epw.h5" --scenario rooftop-pv --frames 2 >"$work/view.txt" 2>&1
    check "a moved results file opens in view" grep -q "drew 2 frames" "$work/view.txt"
  fi
else
  echo "skipped: $epw is missing (a results file moved away from its EPW weather)"
fi

"$pt" snapshot "$work/r.h5" --time 2025-07-01T12:00 -o "$work/x.png" 2>"$work/err.txt"
check "a time outside the period exits 2" [ $? -eq 2 ]
check "... naming the period" grep -q "outside\|within the results' period" "$work/err.txt"
"$pt" snapshot "$work/r.h5" --view side -o "$work/x.png" 2>"$work/err.txt"
check "an unknown view exits 2" [ $? -eq 2 ]
"$pt" snapshot "$work/r.h5" --scenario nope -o "$work/x.png" 2>"$work/err.txt"
check "an unknown scenario exits 2" [ $? -eq 2 ]
check "... listing the scenarios" grep -q "rooftop-pv" "$work/err.txt"
"$pt" snapshot "$work/r.h5" -o "$work/none/x.png" 2>"$work/err.txt"
check "a snapshot into a missing folder exits 2" [ $? -eq 2 ]
check "... naming the file" grep -q 'could not write ".*none/x.png"' "$work/err.txt"
check "no file is left for failed snapshots" [ ! -e "$work/x.png" ]

mp4_ok() {  # FILE: an ISO media file (ftyp box) holding an avc1 (H.264) track
  python3 - "$1" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
assert data[4:8] == b"ftyp", "not an MP4"
assert b"avc1" in data, "no H.264 track"
PY
}
"$pt" video "$work/r.h5" --start 2025-06-21T08:00 --tour board --speed 1200x --size 640x360 \
  --fps 10 --language zh --compare-scenario rooftop-pv -o "$work/tour.mp4" >"$work/out.txt"
check "video --tour exits 0" [ $? -eq 0 ]
check "video reports its frames (the tour's 31 s at 10 frames/s)" grep -q "310 frames, 640x360" \
  "$work/out.txt"
check "video writes an H.264 MP4" mp4_ok "$work/tour.mp4"
"$pt" video "$work/r.h5" --size 641x360 -o "$work/odd.mp4" 2>"$work/err.txt"
check "a size the encoder refuses exits 2" [ $? -eq 2 ]
check "... naming --size" grep -q "^--size: the H.264 encoder" "$work/err.txt"
"$pt" video "$work/r.h5" --start 2025-06-21T20:00 --tour board -o "$work/late.mp4" 2>"$work/err.txt"
check "a tour past the results' end exits 2" [ $? -eq 2 ]
check "... saying so" grep -q "past the results' end" "$work/err.txt"
"$pt" video "$work/r.h5" --end 2025-06-21T01:00 -o "$work/none/v.mp4" 2>"$work/err.txt"
check "an unwritable output exits 2" [ $? -eq 2 ]
check "no file is left for failed videos" [ -z "$(ls "$work" | grep -E '^(odd|late).mp4$')" ]
check "... nor a temporary" [ -z "$(ls -A "$work" | grep partial)" ]

"$pt" view "$work/r.h5" --frames 2 2>"$work/err.txt"
check "view without a display exits 2" [ $? -eq 2 ]
check "... suggesting xvfb-run" grep -q "xvfb-run" "$work/err.txt"

if command -v xvfb-run >/dev/null; then
  # detect_leaks=0 (sanitizer builds only): Mesa leaks 240 bytes in the GL driver it unloads
  # when OSG closes the X display, out of reach of a suppression (its frames are gone by then).
  ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s "-screen 0 1600x900x24" "$pt" view "$work/r.h5" --compare-scenario rooftop-pv \
    --time 2025-06-21T12:00 --frames 5 --screenshot "$work/view.png" >"$work/view.txt" 2>&1
  check "view A/B under Xvfb draws 5 frames" grep -q "drew 5 frames" "$work/view.txt"
  check "view --screenshot writes the window" png_ok "$work/view.png" 1600 900
  ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s "-screen 0 1280x720x24" "$pt" view "$work/r.h5" \
    --size 1280x720 --tour board --frames 3 >"$work/tour.txt" 2>&1
  check "view --tour flies the park's tour" grep -q "drew 3 frames" "$work/tour.txt"
  under_xvfb 1280x720x24 "$work/tour.txt" "$pt" view "$work/r.h5" --size 1280x720 \
    --tour nowhere --frames 3
  check "an unknown tour exits 2" [ $? -eq 2 ]
  check "... listing the park's tours" grep -q 'no tour "nowhere" in the park (it has: board)' \
    "$work/tour.txt"
  ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s "-screen 0 1280x720x24" "$pt" view "$work/r.h5" \
    --compare-scenario rooftop-pv --present --time 2025-06-21T11:00 --frames 90 \
    --screenshot "$work/present.png" >"$work/present.txt" 2>&1
  check "view --present draws its frames" grep -q "drew 90 frames" "$work/present.txt"
  check "... full screen, whatever --size says" png_ok "$work/present.png" 1280 720
  if [ -n "$shots" ]; then mkdir -p "$shots" && cp "$work/present.png" "$shots/present.png"; fi
else
  echo "skipped: xvfb-run is not installed (parktwin view under Xvfb)"
fi
finish
