# The libFuzzer limits of each target (sourced by scripts/fuzz.sh and tests/fuzz/fuzz_briefly.sh).
max_len() {  # TARGET: the largest input tried, bytes
  case $1 in
    park | series | meter_csv) echo 16384 ;;
    results) echo 262144 ;;
    *) echo 65536 ;;
  esac
}

timeout_s() {  # TARGET: seconds one input may take (results: the probe's own limit is 10 s)
  if [ "$1" = results ]; then echo 12; else echo 1; fi
}
