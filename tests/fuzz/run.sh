#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (-fsanitize=fuzzer,address,undefined) into their own build
# directory and runs each for a given time, seeded from the malformed-input catalogue
# (tests/malformed) and the test fixtures (tests/data, heads of data/). Prints one line per target
# (seconds, executions, coverage, crashes); exits 1 if any target crashed.
#
#   tests/fuzz/run.sh --seconds 20             # CI: a short bounded run of every target
#   tests/fuzz/run.sh --seconds 600 --jobs 2   # the recorded runs of README.md
#   tests/fuzz/run.sh --seconds 60 dataset_fuzzer
#
# Options: --seconds N (default 20) per target; --jobs J targets at once (default 2);
# --build-dir DIR (default build/fuzz); FUZZ_CXX=clang++-NN picks the compiler (clang >= 16).
# Working corpora, crash inputs and logs go to tests/fuzz/{corpus,artifacts,logs}/ (ignored by
# git). Reproduce a crash with
#   build/fuzz/<target> tests/fuzz/artifacts/<target>/crash-...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds=20
jobs=2
build="$root/build/fuzz"
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --build-dir) build="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=(csv_reader_fuzzer price_importers_fuzzer reference_importers_fuzzer ndx_yaml_fuzzer dataset_fuzzer)
[[ ${#targets[@]} -eq 0 ]] && targets=("${all[@]}")

# clang 16 or later with its libFuzzer runtime: the sources capture structured bindings in
# lambdas (C++20), which Debian 12's default clang 14 rejects. Debian 12 packages clang-16.
fuzzer_test='extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }'
find_clang() {
  local cxx
  for cxx in "${FUZZ_CXX:-}" clang++-16 clang++-17 clang++-18 clang++-19 clang++; do
    [[ -n $cxx ]] && command -v "$cxx" >/dev/null || continue
    [[ $("$cxx" -dumpversion | cut -d. -f1) -ge 16 ]] || continue
    echo "$fuzzer_test" | "$cxx" -x c++ -fsanitize=fuzzer -o /dev/null - 2>/dev/null || continue
    echo "$cxx"
    return 0
  done
  return 1
}
if ! cxx="$(find_clang)"; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "run.sh: clang >= 16 with libFuzzer is missing; run: sudo apt-get install -y clang-16 libclang-rt-16-dev" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends clang-16 libclang-rt-16-dev
  cxx="$(find_clang)"
fi

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
cmake --build "$build" --target "${targets[@]}"

# Seeds: the catalogue and fixtures, with the selector byte each multi-format target reads first.
seed() {  # seed TARGET SELECTOR FILE
  local dir="$here/corpus/$1" name
  name="$(printf %s "$3" | md5sum | cut -c1-8)_$(basename "$3")"
  mkdir -p "$dir"
  if [[ -z $2 ]]; then
    cp "$3" "$dir/seed_$name"
  else
    { printf "\\x$(printf %02x "$2")"; cat "$3"; } > "$dir/seed_$2_$name"
  fi
}
malformed="$root/tests/malformed"
fixtures="$root/tests/data"
heads="$(mktemp -d)"
trap 'rm -rf "$heads"' EXIT
for t in "${targets[@]}"; do
  rm -f "$here/corpus/$t"/seed_*
  case "$t" in
    csv_reader_fuzzer)
      while IFS= read -r f; do seed "$t" "" "$f"; done < <(find "$malformed" "$fixtures" -name '*.csv') ;;
    price_importers_fuzzer)
      while IFS= read -r f; do
        for s in 0 1 2 3 4; do seed "$t" "$s" "$f"; done
      done < <(find "$malformed" "$fixtures/vendor" -maxdepth 1 -name '*.csv' \
                 \( -path '*/vendor/*' -o -name 'price_*' -o -name 'yfinance_*' -o -name 'tz_*' -o -name 'alpaca_*' \)) ;;
    reference_importers_fuzzer)
      while IFS= read -r f; do
        for s in 0 1 2 3 4 5 6 7 8; do seed "$t" "$s" "$f"; done
      done < <(find "$malformed" "$fixtures/reference" "$fixtures/shares" -name '*.csv' \
                 ! -name 'price_*' ! -path '*/dataset/*' ! -name 'yfinance_*' ! -name 'tz_*' ! -name 'alpaca_*') ;;
    ndx_yaml_fuzzer)
      while IFS= read -r f; do seed "$t" "" "$f"; done < <(find "$malformed" "$fixtures" -name '*.yaml') ;;
    dataset_fuzzer)
      tables=(issuers securities bars corporate_actions shares index_membership index_levels)
      for i in "${!tables[@]}"; do
        head -n 20 "$root/data/${tables[$i]}.csv" > "$heads/${tables[$i]}.csv"
        seed "$t" "$i" "$heads/${tables[$i]}.csv"
      done
      for f in "$malformed"/dataset/*.csv; do
        case "$(basename "$f")" in
          issuers_*) seed "$t" 0 "$f" ;;
          bars_*) seed "$t" 2 "$f" ;;
          shares_*) seed "$t" 4 "$f" ;;
          membership_*) seed "$t" 5 "$f" ;;
        esac
      done
      seed "$t" 7 "$root/data/manifest.json"
      for f in "$malformed"/dataset/*.json; do seed "$t" 7 "$f"; done ;;
  esac
done

# Symbolized reports; a crash stops a target (and is kept in artifacts/).
symbolizer="$(command -v llvm-symbolizer || true)"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}${symbolizer:+:external_symbolizer_path=$symbolizer}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}${symbolizer:+:external_symbolizer_path=$symbolizer}"

# Runs one target; its summary line goes to logs/<target>.summary.
run_one() {
  local t="$1" log="$here/logs/$1.log" status=0
  mkdir -p "$here/artifacts/$t"
  "$build/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -dict="$here/marketshock.dict" -print_final_stats=1 -artifact_prefix="$here/artifacts/$t/" \
    "$here/corpus/$t" > "$log" 2>&1 || status=$?
  local execs cov ft crashes
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  cov="$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)"
  ft="$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)"
  crashes="$(find "$here/artifacts/$t" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) -newer "$log.start" | wc -l)"
  printf '%-28s %6ss %12s execs  cov %6s  ft %7s  crashes %s  (exit %s)\n' "$t" "$seconds" \
    "${execs:-?}" "${cov:-?}" "${ft:-?}" "$crashes" "$status" > "$here/logs/$t.summary"
  return "$status"
}
mkdir -p "$here/logs"
failed=0
pids=()
for t in "${targets[@]}"; do
  touch "$here/logs/$t.log.start"
  run_one "$t" & pids+=($!)
  if [[ ${#pids[@]} -ge $jobs ]]; then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
echo
for t in "${targets[@]}"; do cat "$here/logs/$t.summary"; done
if [[ $failed -ne 0 ]]; then
  echo "run.sh: a fuzzer failed; see tests/fuzz/logs/ and tests/fuzz/artifacts/" >&2
  exit 1
fi
