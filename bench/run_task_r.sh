#!/usr/bin/env bash
# Task R, ours and the peers in one run: correctness (md5 against the golden output and against
# every peer), then hyperfine over all commands back to back (median of RUNS runs), peak RSS via
# /usr/bin/time, and the load/compute split each program prints. Writes a markdown table.
#
# usage: bench/run_task_r.sh
#   BENCH=/tmp/bench        a copy of ../shared/bench (cp -r ../shared/bench /tmp/bench) with its
#                           peers installed (see its README); data sets are made there if missing
#   BUILD=build-perf        a Release build with -DMARKETSHOCK_BUILD_BENCHMARKS=ON
#   DATASETS="small large"  small: N=500 T=2520 (0.96M rows); mid: N=2000 T=7560 (10.9M rows);
#                           large: N=8000 T=7560 (43.5M rows)
#   PEERS="duckdb datatable"  any of: duckdb duckdb-varchar datatable pandas ("" for ours only);
#                           without a golden md5 (mid) ours is compared with the last peer
#   RUNS=5 K=100 OUT=bench-out FLOOR=1 (FLOOR=1 also times `cat file >/dev/null` and `wc -l`)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="${BENCH:-/tmp/bench}"
BUILD="$(cd "${BUILD:-$HERE/../build-perf}" && pwd)"
DATASETS="${DATASETS:-small large}"
PEERS="${PEERS-duckdb datatable}"
RUNS="${RUNS:-5}"
K="${K:-100}"
OUT="$(mkdir -p "${OUT:-$BUILD/bench-out}" && cd "${OUT:-$BUILD/bench-out}" && pwd)"
FLOOR="${FLOOR:-1}"
TIME=/usr/bin/time
OURS="$BUILD/bench/marketshock_task_r"
declare -A NSYM=([small]=500 [mid]=2000 [large]=8000) NDAY=([small]=2520 [mid]=7560 [large]=7560)
declare -A GOLDEN=([small]=3ccd887b086aec75e535c2cadb4e96b1 [large]=56aa16d979826cc68bc60ca901332eea)

[[ -x $OURS ]] || { echo "build $OURS first (cmake --build $BUILD --target marketshock_task_r)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "missing hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[[ -x $TIME ]] || { echo "missing /usr/bin/time (apt-get install time)" >&2; exit 1; }
cmd_of() {  # name dataset -> command line (run from $BENCH)
  case $1 in
    marketshock)    echo "$OURS data/$2 $K" ;;
    duckdb)         echo "node peers/task_r_duckdb.js data/$2 $K" ;;
    duckdb-varchar) echo "env DUCKDB_SYMBOL_TYPE=varchar node peers/task_r_duckdb.js data/$2 $K" ;;
    datatable)      echo "Rscript peers/task_r_datatable.R data/$2 $K" ;;
    pandas)         echo "/usr/bin/python3 peers/task_r_pandas.py data/$2 $K" ;;
  esac
}
cd "$BENCH"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') x $(nproc)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); K=$K RUNS=$RUNS; page cache warm"
  echo "marketshock $(git -C "$HERE/.." rev-parse --short HEAD 2>/dev/null || echo '?') (+ working tree), $(grep -m1 CMAKE_CXX_COMPILER: "$BUILD/CMakeCache.txt" | cut -d= -f2) $(grep -m1 CMAKE_BUILD_TYPE: "$BUILD/CMakeCache.txt" | cut -d= -f2)"
} > "$OUT/env.txt"
cat "$OUT/env.txt"

TABLE="$OUT/task_r.md"
echo "| dataset | rows | program | median s | min..max s | runs | peak RSS MiB | load s | compute s | md5 |" > "$TABLE"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---|" >> "$TABLE"
for ds in $DATASETS; do
  if [[ ! -f data/$ds/meta.json ]]; then
    echo "generating $ds"; ./gen_panel --symbols "${NSYM[$ds]}" --days "${NDAY[$ds]}" --seed 42 --out "data/$ds"
  fi
  o="$OUT/$ds"; mkdir -p "$o"; rm -f "$o"/*
  rows=$(grep -o '"price_rows": *[0-9]*' "data/$ds/meta.json" | grep -o '[0-9]*$')
  programs=(marketshock $PEERS)
  # Correctness runs (unmeasured; they also warm the page cache).
  for p in "${programs[@]}"; do
    bash -c "$(cmd_of "$p" "$ds") > $o/$p.csv 2> $o/first_$p.log" || { echo "$p failed: $(tail -3 "$o/first_$p.log")" >&2; exit 1; }
  done
  # The reference: the golden output, else the last peer's output, else none.
  want="${GOLDEN[$ds]:-}"
  [[ -z $want && ${#programs[@]} -gt 1 ]] && want="$(md5sum < "$o/${programs[-1]}.csv" | cut -c1-32)"
  args=()
  for p in "${programs[@]}"; do
    args+=(--command-name "$p" "$TIME -f %M -a -o $o/rss_$p.txt $(cmd_of "$p" "$ds") > /dev/null 2>> $o/phases_$p.log")
  done
  if [[ $FLOOR == 1 ]]; then
    args+=(--command-name "cat prices.csv" "cat data/$ds/prices.csv > /dev/null")
    args+=(--command-name "wc -l prices.csv" "wc -l data/$ds/prices.csv > /dev/null")
  fi
  hyperfine --runs "$RUNS" --style basic --export-json "$o/hf.json" "${args[@]}"
  /usr/bin/python3 - "$o" "$ds" "$rows" "$want" >> "$TABLE" <<'PY'
import hashlib, json, re, statistics, sys
o, ds, rows, want = sys.argv[1:5]
for r in json.load(open(f"{o}/hf.json"))["results"]:
    name, t = r["command"], r["times"]
    def read(path):
        try: return open(path).read()
        except OSError: return ""
    rss = [int(x) for x in read(f"{o}/rss_{name}.txt").split()]
    ph = read(f"{o}/phases_{name}.log")
    med = lambda key: statistics.median(map(float, re.findall(key + r"=([0-9.]+)", ph))) if key + "=" in ph else None
    out = read(f"{o}/{name}.csv")
    md5 = hashlib.md5(out.encode()).hexdigest() if out else None
    check = "-" if md5 is None else ("no reference" if not want else ("ok" if md5 == want else f"DIFF {md5}"))
    f = lambda x: "-" if x is None else f"{x:.2f}"
    print(f"| {ds} | {int(rows):,} | {name} | {statistics.median(t):.2f} | {min(t):.2f}..{max(t):.2f} | {len(t)} "
          f"| {f(max(rss) / 1024 if rss else None)} | {f(med('load_s'))} | {f(med('compute_s'))} | {check} |")
PY
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/env.txt"
cat "$TABLE"
grep -q "DIFF" "$TABLE" && { echo "md5 mismatch: see $TABLE" >&2; exit 1; } || true
