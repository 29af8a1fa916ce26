# The libFuzzer limits of each target (sourced by scripts/fuzz.sh and tests/fuzz/fuzz_briefly.sh).
max_len() {  # TARGET: the largest input tried, bytes
  case $1 in
    park | series | meter_csv) echo 16384 ;;
    results) echo 262144 ;;
    *) echo 65536 ;;
  esac
}

timeout_s() {  # TARGET: seconds one input may take (results: the structure probe of a small file stops at 2 s)
  if [ "$1" = results ]; then echo 4; else echo 1; fi
}
