#!/usr/bin/env bash
# Task C (rolling Diebold-Yilmaz total connectedness, ../shared/bench/README.md), ours and numpy
# in one run: wall and CPU time of each, then our outputs against numpy's (|diff| <= 1e-6).
#
# usage: bench/taskc/run_taskc.sh
#   BENCH=/tmp/bench     a copy of ../shared/bench (cp -r ../shared/bench /tmp/bench); the data
#                        set (small panel -> 2519 x 100 returns) is made there if missing
#   BUILD=build-perf     a build with -DMARKETSHOCK_BUILD_BENCHMARKS=ON (marketshock_taskc)
#   RUNS=3               runs of ours (numpy runs once: it takes 20-300 s)
#   PEERS="numpy-openblas numpy"   numpy-openblas pins libopenblas0-pthread, numpy the reference
#                        BLAS, as ../shared/bench/run_peers.sh does ("" for ours only)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="${BENCH:-/tmp/bench}"
BUILD="$(cd "${BUILD:-$HERE/../../build-perf}" && pwd)"
RUNS="${RUNS:-3}"
PEERS="${PEERS-numpy-openblas numpy}"
OURS="$BUILD/bench/taskc/marketshock_taskc"
DATA="$BENCH/data/conn"
OUT="$BENCH/out/taskc-marketshock"
TIME=/usr/bin/time
LIB=/usr/lib/x86_64-linux-gnu

[[ -x $OURS ]] || { echo "build $OURS first (cmake --build $BUILD --target marketshock_taskc)" >&2; exit 1; }
if [[ ! -f $DATA/returns.csv ]]; then
  "$BENCH/gen_panel" --symbols 500 --days 2520 --seed 42 --out "$BENCH/data/small"
  /usr/bin/python3 "$BENCH/taskc/make_returns.py" "$BENCH/data/small" 100 "$DATA"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for run in $(seq 1 "$RUNS"); do
  $TIME -f "marketshock run $run: wall %e s, user %U s, sys %S s, max RSS %M KB" \
    "$OURS" "$DATA/returns.csv" "$OUT" --window 250 --lags 1 --horizon 10
done
for peer in $PEERS; do
  case $peer in
    numpy-openblas) libs="$LIB/openblas-pthread" ;;
    numpy) libs="$LIB/blas:$LIB/lapack" ;;
    *) echo "unknown peer $peer" >&2; exit 1 ;;
  esac
  [[ -d ${libs%%:*} ]] || { echo "skip $peer: ${libs%%:*} missing" >&2; continue; }
  LD_LIBRARY_PATH="$libs" $TIME -f "$peer: wall %e s, user %U s, sys %S s, max RSS %M KB" \
    /usr/bin/python3 "$BENCH/taskc/tci.py" "$DATA/returns.csv" "$BENCH/out/taskc-$peer" \
    --window 250 --lags 1 --horizon 10
  /usr/bin/python3 - "$BENCH/out/taskc-$peer" "$OUT" <<'PY'
import sys
import numpy as np
ref, got = sys.argv[1], sys.argv[2]
t_ref = np.loadtxt(f"{ref}/tci.csv", delimiter=",", skiprows=1)
t_got = np.loadtxt(f"{got}/tci.csv", delimiter=",", skiprows=1)
d_ref = np.genfromtxt(f"{ref}/directional_last.csv", delimiter=",", skip_header=1, dtype=None, encoding=None)
d_got = np.genfromtxt(f"{got}/directional_last.csv", delimiter=",", skip_header=1, dtype=None, encoding=None)
assert t_ref.shape == t_got.shape and (t_ref[:, 0] == t_got[:, 0]).all(), "window indices differ"
assert [r[0] for r in d_ref] == [r[0] for r in d_got], "symbols differ"
dt = np.max(np.abs(t_ref[:, 1] - t_got[:, 1]))
dd = max(abs(a - b) for r, g in zip(d_ref, d_got) for a, b in zip(list(r)[1:], list(g)[1:]))
same = open(f"{ref}/tci.csv").read() == open(f"{got}/tci.csv").read()
print(f"  vs marketshock: max|diff| TCI {dt:.1e}, to/from/net {dd:.1e} (tolerance 1e-6); "
      f"tci.csv byte-identical: {same}")
sys.exit(0 if max(dt, dd) <= 1e-6 else 1)
PY
done
