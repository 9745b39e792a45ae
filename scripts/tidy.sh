#!/usr/bin/env bash
# clang-tidy over the project's own sources (src, include, tools, examples, bench) with the
# checks of .clang-tidy; prints every finding and exits 1 if there is any.
#
#   scripts/tidy.sh                 # all files, one job per core
#   scripts/tidy.sh src/io/         # files whose path matches a regex
#
# Needs clang-tidy 16 or later: the sources capture structured bindings in lambdas (C++20), which
# Debian 12's default clang-tidy 14 cannot parse. As root the script installs Debian's
# clang-tidy-16; otherwise it prints the command. The compile commands come from a configure-only
# build directory (build/tidy, or TIDY_BUILD_DIR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${TIDY_BUILD_DIR:-$root/build/tidy}"
filter="${1:-}"

find_tidy() {
  local t
  for t in run-clang-tidy-16 run-clang-tidy-17 run-clang-tidy-18 run-clang-tidy-19; do
    if command -v "$t" >/dev/null && command -v "clang-tidy-${t##*-}" >/dev/null; then
      echo "$t"
      return 0
    fi
  done
  return 1
}
if ! runner="$(find_tidy)"; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "tidy.sh: clang-tidy >= 16 is missing; run: sudo apt-get install -y clang-tidy-16" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends clang-tidy-16
  runner="$(find_tidy)"
fi
tidy="clang-tidy-${runner##*-}"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DMARKETSHOCK_BUILD_BENCHMARKS=ON >/dev/null

regex="$root/(src|include|tools|examples|bench)/"
[[ -n $filter ]] && regex="$root/.*$filter"
log="$build/tidy.log"
echo "tidy.sh: $tidy over $(grep -cE "\"file\": \"$regex" "$build/compile_commands.json") files"
"$runner" -clang-tidy-binary "$(command -v "$tidy")" -p "$build" -j "$(nproc)" -quiet \
  "$regex" >"$log" 2>&1 || true
# Findings in the project's own files (headers included through HeaderFilterRegex), once each.
findings="$(grep -E "^$root/.*: (warning|error):" "$log" | sort -u || true)"
if [[ -n $findings ]]; then
  echo "$findings"
  echo "tidy.sh: $(echo "$findings" | wc -l) findings (full output: $log)" >&2
  exit 1
fi
if grep -qE "^Error while processing|error: " "$log"; then
  grep -E "^Error while processing|error: " "$log" | head -20 >&2
  echo "tidy.sh: clang-tidy failed on some files (full output: $log)" >&2
  exit 1
fi
echo "tidy.sh: no findings"
