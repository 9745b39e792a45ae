#!/usr/bin/env python3
"""`marketshock eventstudy`, `connectedness` and `correlation` on the embedded dataset, checked
against a second implementation written here from the textbook definitions, in plain Python
(standard library only, so the test needs no numpy): returns from data/bars.csv and
data/index_levels.csv, OLS by Gauss-Jordan, VAR(1) + generalized FEVD, Pearson correlations,
the Forbes-Rigobon adjustment and the Fisher z test, the Corrado-Zivney rank test on firms with
estimation samples of different lengths; index level series (SPX, QQQ) where a symbol's returns
are taken. Then the commands under bad use and past the data.

usage: stats_commands.py TOOL DATA_DIR
"""
import csv
import json
import math
import subprocess
import sys

TOOL, DATA = sys.argv[1], sys.argv[2]
failures = []


def check(name, got, want, tol):
    ok = abs(got - want) <= tol
    print(f"{'ok  ' if ok else 'FAIL'} {name}: tool {got:.12g}, here {want:.12g} (tol {tol:g})")
    if not ok:
        failures.append(name)


def run(*args):
    p = subprocess.run([TOOL, *args, "--data", DATA], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return json.loads(p.stdout)


def closes(path, key_column, keys):
    out = {k: {} for k in keys}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row[key_column] in out:
                out[row[key_column]][row["date"]] = float(row["close"])
    return out


def returns(series):
    """Close-to-close return of each date, against the previous bar (the tool's basis)."""
    dates = sorted(series)
    return {d: series[d] / series[p] - 1.0 for p, d in zip(dates, dates[1:])}


def solve(a, b):
    """Solves a x = b (a square, b a list of columns) by Gauss-Jordan with partial pivoting."""
    n = len(a)
    m = [row[:] + [col[i] for col in b] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [[m[i][n + j] / m[i][i] for i in range(n)] for j in range(len(b))]


def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]


def transpose(a):
    return [list(r) for r in zip(*a)]


def var1_connectedness(y, horizon):
    """Diebold-Yilmaz: VAR(1) with intercept by OLS, Sigma with T - 1 - N degrees of freedom,
    generalized FEVD (Pesaran-Shin), rows normalised; total, to, from in percent."""
    n = len(y[0])
    x = [[1.0] + y[t - 1] for t in range(1, len(y))]
    yy = y[1:]
    xtx = matmul(transpose(x), x)
    xty = matmul(transpose(x), yy)
    b = transpose(solve(xtx, transpose(xty)))  # (1 + N) x N
    u = [[yy[t][j] - sum(x[t][k] * b[k][j] for k in range(n + 1)) for j in range(n)]
         for t in range(len(yy))]
    dof = len(yy) - (n + 1)
    sigma = [[sum(u[t][i] * u[t][j] for t in range(len(u))) / dof for j in range(n)]
             for i in range(n)]
    phi = transpose(b[1:])  # y_t = c + phi y_{t-1}
    a_h = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    num = [[0.0] * n for _ in range(n)]
    den = [0.0] * n
    for _ in range(horizon):
        a_s = matmul(a_h, sigma)
        a_s_a = matmul(a_s, transpose(a_h))
        for i in range(n):
            den[i] += a_s_a[i][i]
            for j in range(n):
                num[i][j] += a_s[i][j] ** 2
        a_h = matmul(phi, a_h)
    theta = [[num[i][j] / sigma[j][j] / den[i] for j in range(n)] for i in range(n)]
    theta = [[v / sum(row) for v in row] for row in theta]
    scale = 100.0 / n
    frm = [scale * sum(theta[i][j] for j in range(n) if j != i) for i in range(n)]
    to = [scale * sum(theta[i][j] for i in range(n) if i != j) for j in range(n)]
    return sum(frm), to, frm


def mean(v):
    return sum(v) / len(v)


def pearson(x, y):
    mx, my = mean(x), mean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    return sxy / math.sqrt(sum((a - mx) ** 2 for a in x) * sum((b - my) ** 2 for b in y))


def variance(x):
    m = mean(x)
    return sum((a - m) ** 2 for a in x) / (len(x) - 1)


symbols = ["NVDA", "MSFT", "AAPL", "VST", "CEG", "NRG"]
bars = closes(f"{DATA}/bars.csv", "symbol", symbols)
spx = closes(f"{DATA}/index_levels.csv", "index", ["SPX"])["SPX"]
r = {s: returns(bars[s]) for s in symbols}
r_spx = returns(spx)

# ---- connectedness: the window of 100 sessions ending 2025-01-27
triple = ["NVDA", "MSFT", "AAPL"]
sessions = sorted(d for d in r["NVDA"] if "2024-08-01" <= d <= "2025-04-30")
assert all(d in r[s] for s in triple for d in sessions), "a session without a bar"
out = run("connectedness", *triple, "--from", "2024-08-01", "--to", "2025-04-30",
          "--window", "100", "--at", "2025-01-27", "--json")
window = [d for d in sessions if d <= "2025-01-27"][-100:]
tci, to, frm = var1_connectedness([[r[s][d] for s in triple] for d in window], 10)
at = out["at"][0]
print(f"connectedness: {len(out['total'])} windows, the one ending {at['window_end']}")
if len(out["total"]) != len(sessions) - 99 or at["window_end"] != "2025-01-27":
    failures.append("connectedness windows")
by_end = {w["window_end"]: w for w in out["total"]}
check("TCI 2025-01-27", by_end["2025-01-27"]["tci"], tci, 1e-8)
for k, s in enumerate(triple):
    row = next(x for x in at["directional"] if x["symbol"] == s)
    check(f"to {s}", row["to"], to[k], 1e-8)
    check(f"from {s}", row["from"], frm[k], 1e-8)
    check(f"net {s}", row["net"], to[k] - frm[k], 1e-8)

# ---- Forbes-Rigobon: NVDA against three power producers
tranquil = [d for d in sorted(spx) if "2024-09-03" <= d <= "2024-12-31"]
turmoil = [d for d in sorted(spx) if "2025-01-21" <= d <= "2025-02-07"]
out = run("correlation", "VST", "CEG", "NRG", "--source", "NVDA", "--tranquil",
          "2024-09-03,2024-12-31", "--turmoil", "2025-01-21,2025-02-07", "--json")
delta = variance([r["NVDA"][d] for d in turmoil]) / variance([r["NVDA"][d] for d in tranquil]) - 1
se = math.sqrt(1 / (len(turmoil) - 3) + 1 / (len(tranquil) - 3))
for t in out["targets"]:
    s = t["symbol"]
    calm = pearson([r["NVDA"][d] for d in tranquil], [r[s][d] for d in tranquil])
    storm = pearson([r["NVDA"][d] for d in turmoil], [r[s][d] for d in turmoil])
    adjusted = storm / math.sqrt(1 + delta * (1 - storm ** 2))
    z = (math.atanh(adjusted) - math.atanh(calm)) / se
    check(f"{s} tranquil correlation", t["tranquil_correlation"], calm, 1e-12)
    check(f"{s} turmoil correlation", t["turmoil_correlation"], storm, 1e-12)
    check(f"{s} variance increase", t["variance_increase"], delta, 1e-10)
    check(f"{s} adjusted correlation", t["adjusted_turmoil_correlation"], adjusted, 1e-12)
    check(f"{s} z adjusted", t["z_adjusted"], z, 1e-10)
    check(f"{s} p adjusted", t["p_adjusted"], 0.5 * math.erfc(z / math.sqrt(2)), 1e-10)
    if (t["tranquil_days"], t["turmoil_days"]) != (len(tranquil), len(turmoil)):
        failures.append(f"{s} days")

# ---- event study: DeepSeek's weekend news, against the S&P 500 level
before = [d for d in sorted(spx) if d < "2025-01-27"]
after = [d for d in sorted(spx) if d >= "2025-01-27"]
day = {k: d for k, d in zip(range(-len(before), 0), before)}
day.update({k: d for k, d in enumerate(after)})
out = run("eventstudy", "NVDA", "--event", "2025-01-25", "--model", "market_adjusted",
          "--benchmark", "index_level", "--json")
nvda = out["firms"][0]
if out["event_session"] != "2025-01-27":
    failures.append("event session")
ar = {a["day"]: a["abnormal_return"] for a in nvda["abnormal_returns"]}
for k in (-1, 0, 1):
    check(f"market-adjusted AR day {k}", ar[k], r["NVDA"][day[k]] - r_spx[day[k]], 1e-12)
car = {w["window"]: w["car"] for w in nvda["windows"]}
check("market-adjusted CAR[-1,+1]", car["[-1,+1]"],
      sum(r["NVDA"][day[k]] - r_spx[day[k]] for k in (-1, 0, 1)), 1e-12)

out = run("eventstudy", "NVDA", "--event", "2025-01-25", "--benchmark", "index_level", "--json")
nvda = out["firms"][0]
est = [day[k] for k in range(-250, -10)]
xs, ys = [r_spx[d] for d in est], [r["NVDA"][d] for d in est]
beta = sum((a - mean(xs)) * (b - mean(ys)) for a, b in zip(xs, ys)) / sum(
    (a - mean(xs)) ** 2 for a in xs)
alpha = mean(ys) - beta * mean(xs)
check("market model beta", nvda["beta"], beta, 1e-10)
check("market model alpha", nvda["alpha"], alpha, 1e-12)
ar0 = next(a for a in nvda["abnormal_returns"] if a["day"] == 0)["abnormal_return"]
check("market model AR day 0", ar0, r["NVDA"][day[0]] - alpha - beta * r_spx[day[0]], 1e-12)
if nvda["estimation_days"] != 240:
    failures.append("estimation days")


# ---- Corrado-Zivney: NVDA has 240 estimation days against SPX, the power producers 110 (their
# bars start 2024-08-01): standardised ranks per firm, each day weighted by the firms present.
firms = ["NVDA", "VST", "CEG", "NRG"]
out = run("eventstudy", *firms, "--event", "2025-01-25", "--benchmark", "index_level", "--json")
est_days = [day[k] for k in range(-250, -10)]
range_days = [day[k] for k in range(-1, 5)]  # the windows [0,0], [-1,+1], [0,+4]


def mid_ranks(values):
    """1-based ranks of the values that are not None, ties sharing their mean rank."""
    order = sorted((v, i) for i, v in enumerate(values) if v is not None)
    ranks = [None] * len(values)
    k = 0
    while k < len(order):
        j = k
        while j + 1 < len(order) and order[j + 1][0] == order[k][0]:
            j += 1
        for m in range(k, j + 1):
            ranks[order[m][1]] = (k + j) / 2 + 1
        k = j + 1
    return ranks


u = []
for f, s in zip(out["firms"], firms):
    used = [d for d in est_days if d in r[s]]
    xs, ys = [r_spx[d] for d in used], [r[s][d] for d in used]
    b = sum((x - mean(xs)) * (y - mean(ys)) for x, y in zip(xs, ys)) / sum(
        (x - mean(xs)) ** 2 for x in xs)
    a = mean(ys) - b * mean(xs)
    if f["estimation_days"] != len(used) or f["symbol"] != s:
        failures.append(f"{s} estimation days {f['estimation_days']} vs {len(used)}")
    ars = [r[s][d] - a - b * r_spx[d] if d in r[s] else None for d in est_days + range_days]
    m = sum(x is not None for x in ars)
    u.append([None if q is None else q / (m + 1) - 0.5 for q in mid_ranks(ars)])
print("estimation days:", ", ".join(f"{f['symbol']} {f['estimation_days']}" for f in out["firms"]))
if len({f["estimation_days"] for f in out["firms"]}) < 2:
    failures.append("the Corrado-Zivney case needs unequal estimation lengths")
z = []
for t in range(len(est_days) + len(range_days)):
    present = [x[t] for x in u if x[t] is not None]
    z.append(sum(present) / math.sqrt(len(present)) if present else None)
s_u = math.sqrt(mean([x * x for x in z if x is not None]))
for test in out["tests"]:
    first, last = (int(x) for x in test["window"].strip("[]").split(","))
    zs = [z[len(est_days) + d + 1] for d in range(first, last + 1)
          if z[len(est_days) + d + 1] is not None]
    stat = sum(zs) / (math.sqrt(len(zs)) * s_u)
    check(f"Corrado-Zivney {test['window']}", test["corrado_rank"]["statistic"], stat, 1e-9)
    check(f"Corrado-Zivney {test['window']} p", test["corrado_rank"]["p_value"],
          math.erfc(abs(stat) / math.sqrt(2)), 1e-9)

# ---- index level series wherever a symbol's returns are taken
r_qqq = returns(closes(f"{DATA}/index_levels.csv", "index", ["QQQ"])["QQQ"])
out = run("correlation", "NVDA", "--source", "SPX", "--tranquil", "2024-09-03,2024-12-31",
          "--turmoil", "2025-01-21,2025-02-07", "--json")
t = out["targets"][0]
check("SPX->NVDA tranquil correlation", t["tranquil_correlation"],
      pearson([r_spx[d] for d in tranquil], [r["NVDA"][d] for d in tranquil]), 1e-12)
check("SPX->NVDA turmoil correlation", t["turmoil_correlation"],
      pearson([r_spx[d] for d in turmoil], [r["NVDA"][d] for d in turmoil]), 1e-12)
if out["sources"] != [{"symbol": "SPX", "kind": "index_level"}] or t["kind"] != "security":
    failures.append(f"correlation series kinds: {out['sources']}, {t['kind']}")
out = run("connectedness", "NVDA", "SPX", "--from", "2024-08-01", "--to", "2025-04-30",
          "--window", "100", "--at", "2025-01-27", "--json")
tci, to, frm = var1_connectedness([[r["NVDA"][d], r_spx[d]] for d in window], 10)
check("TCI NVDA+SPX 2025-01-27", out["at"][0]["tci"], tci, 1e-8)
check("to SPX", out["at"][0]["directional"][1]["to"], to[1], 1e-8)
out = run("eventstudy", "QQQ", "--event", "2025-01-25", "--model", "market_adjusted",
          "--benchmark", "index_level", "--json")
ar = {a["day"]: a["abnormal_return"] for a in out["firms"][0]["abnormal_returns"]}
check("QQQ market-adjusted AR day 0", ar[0], r_qqq[day[0]] - r_spx[day[0]], 1e-12)
if out["firms"][0]["kind"] != "index_level":
    failures.append("eventstudy QQQ kind")

# ---- correlation text: the source's variance ratio of each target, on that target's days (VST's
# bars start 2024-08-01, inside the tranquil window, so its ratio differs from MSFT's)
args = ["correlation", "MSFT", "VST", "--source", "NVDA", "--tranquil", "2024-07-01,2024-12-31",
        "--turmoil", "2025-01-21,2025-02-07"]
text = subprocess.run([TOOL, *args, "--data", DATA], capture_output=True, text=True).stdout
ratios = {}
for s in ("MSFT", "VST"):
    calm = [d for d in sorted(spx) if "2024-07-01" <= d <= "2024-12-31" and d in r[s]]
    ratios[s] = variance([r["NVDA"][d] for d in turmoil]) / variance([r["NVDA"][d] for d in calm])
    row = next((line.split() for line in text.splitlines() if line.startswith(s + " ")), None)
    ok = row is not None and row[5] == f"{ratios[s]:.2f}"
    print(f"{'ok  ' if ok else 'FAIL'} {s} variance ratio in the text: {row and row[5]}, "
          f"here {ratios[s]:.4f}")
    if not ok:
        failures.append(f"{s} variance ratio in the text")
if f"{ratios['MSFT']:.2f}" == f"{ratios['VST']:.2f}":
    failures.append("the variance-ratio case needs targets with different days")

# ---- a range past the data: an error under --missing reject, cut and reported under skip
out = run("connectedness", "NVDA", "VST", "--to", "2025-06-30", "--window", "100", "--missing",
          "skip", "--json")
cut = out["range"]["cuts"]
if (out["range"]["to"] != "2025-04-30" or len(cut) != 1 or cut[0]["side"] != "to"
        or cut[0]["bar"] != "2025-04-30" or cut[0]["requested"] != "2025-06-30"):
    failures.append(f"connectedness cut: {out['range']}")
p = subprocess.run([TOOL, "connectedness", "NVDA", "VST", "--to", "2025-06-30", "--window", "100",
                    "--missing", "skip", "--data", DATA], capture_output=True, text=True)
if "last bar is 2025-04-30: the range ends 2025-04-30" not in p.stdout:
    failures.append("connectedness cut not reported in the text")


# ---- bad use: one line on stderr, nothing on stdout, a non-zero exit
def expect_error(expected, *args):
    p = subprocess.run([TOOL, *args, "--data", DATA], capture_output=True, text=True)
    ok = (p.returncode != 0 and p.stdout == "" and expected in p.stderr
          and p.stderr.count("\n") == 1)
    print(f"{'ok  ' if ok else 'FAIL'} error for {' '.join(args)}: {p.stderr.strip()}")
    if not ok:
        failures.append(" ".join(args))


expect_error("At least 2 required", "connectedness", "NVDA", "--json")
expect_error("fewer than the window", "connectedness", "NVDA", "MSFT", "--from", "2025-01-02",
             "--window", "250", "--json")
expect_error("did you mean", "connectedness", "NVDA", "MSFTT", "--json")
expect_error("--missing", "connectedness", "NVDA", "MSFT", "--missing", "fill", "--json")
expect_error("2025-13-01", "eventstudy", "NVDA", "--event", "2025-13-01", "--json")
expect_error("--model", "eventstudy", "NVDA", "--event", "2025-01-25", "--model", "capm")
expect_error("--tranquil", "correlation", "VST", "--source", "NVDA", "--tranquil", "2024-09-03",
             "--turmoil", "2025-01-21,2025-02-07", "--json")
expect_error("did you mean SPX", "correlation", "VST", "--source", "SPXX", "--tranquil",
             "2024-09-03,2024-12-31", "--turmoil", "2025-01-21,2025-02-07", "--json")
expect_error("NVDA's last bar is 2025-04-30", "connectedness", "NVDA", "VST", "--to",
             "2025-06-30", "--json")
expect_error("its first bar is 2024-08-01", "connectedness", "NVDA", "VST", "--from",
             "2024-01-02", "--json")
expect_error("the event session 2025-06-02 is after the data: NVDA's last bar is 2025-04-30",
             "eventstudy", "NVDA", "--event", "2025-06-01", "--json")
expect_error("after the data", "eventstudy", "NVDA", "--event", "2025-06-02")

if failures:
    sys.exit(f"{len(failures)} checks failed: {', '.join(failures)}")
print("all checks passed")
