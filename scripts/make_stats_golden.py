#!/usr/bin/python3
"""Reference outputs for the statistics layer (tests/stats).

usage: /usr/bin/python3 scripts/make_stats_golden.py [--out tests/golden/stats]
                                                     [--taskc ../shared/bench/taskc]

Run on explicit request only: the C++ tests read the files it writes and never run Python.
Needs Debian's python3-numpy, python3-scipy and python3-statsmodels (call /usr/bin/python3: a
pyenv python3 earlier on PATH has no numpy). Every input is simulated here with a fixed seed and
written with full precision (repr) so that the C++ side reads exactly the numbers used here;
the Task C case is written in Task C's own format ('%.12g') and the reference is computed on the
values read back from that text.

Independent implementations used as references:
- OLS of the market model and its prediction standard errors: statsmodels OLS (get_prediction);
  CAR variances as s^2 g'(I + X*(X'X)^-1 X*')g with numpy matrices; p-values from scipy.stats;
  Corrado-Zivney ranks with scipy.stats.rankdata; the other tests written out in numpy below;
- VAR: statsmodels VAR(y).fit(p, trend="c") (intercept, coefs, sigma_u, ma_rep, roots);
  GFEVD: statsmodels FEVD(P = Sigma diag(Sigma)^-1/2) and bench/taskc/dy.py; connectedness and
  the rolling Task C windows: dy.py;
- Forbes-Rigobon: numpy corrcoef and scipy.stats.norm; co-exceedances: numpy quantile
  (method "linear").

Writes (under --out): event_panel.csv + event_study.json; var1.csv, var2.csv + var.json;
taskc_small/returns.csv + taskc_small/tci.csv + taskc_small/directional_last.csv +
taskc_small.json; forbes_rigobon.csv + forbes_rigobon.json; co_exceedance.csv +
co_exceedance.json.
"""
import argparse
import json
import math
import os
import sys
import warnings

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.tsa.api import VAR
from statsmodels.tsa.vector_ar.var_model import FEVD

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(x):
    """JSON-ready: numpy to lists, NaN to None (JSON has no NaN)."""
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, np.ndarray):
        return clean(x.tolist())
    if isinstance(x, (np.floating, float)):
        return None if math.isnan(float(x)) else float(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    return x


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(clean(obj), f, indent=1)
        f.write("\n")


def write_matrix_csv(path, header, m):
    """Full-precision CSV (repr of each double); NaN as an empty field."""
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for row in m:
            f.write(",".join("" if math.isnan(v) else repr(float(v)) for v in row) + "\n")


# ------------------------------------------------------------------------------- event study
ESTIMATION = (-250, -11)
WINDOWS = [(0, 0), (-1, 1), (0, 4), (-5, 5)]
EVENT_ROW = 260
MIN_ESTIMATION = 60


def simulate_event_panel(rng):
    t_rows, firms = 300, 8
    market = 0.0004 + 0.01 * rng.standard_normal(t_rows)
    common = 0.004 * rng.standard_normal(t_rows)  # cross-correlation beyond the market
    beta = rng.uniform(0.5, 1.6, firms)
    r = (0.0002 + market[:, None] * beta[None, :] + common[:, None]
         + 0.015 * rng.standard_normal((t_rows, firms)))
    r[EVENT_ROW, :5] -= 0.06  # the event hits five firms
    r[EVENT_ROW + 1, :3] += 0.01
    r[[20, 21, 57, 130], 2] = np.nan  # missing estimation days
    r[EVENT_ROW + 2, 4] = np.nan  # missing event-window day
    r[:200, 6] = np.nan  # a short history: 50 estimation days < 60 -> too few
    market[[40, 41]] = np.nan  # benchmark gaps: dropped for every firm
    return market, r


def firm_reference(model, y_all, m_all):
    e0, e1 = EVENT_ROW + ESTIMATION[0], EVENT_ROW + ESTIMATION[1] + 1
    y_est, m_est = y_all[e0:e1], m_all[e0:e1]
    ok = np.isfinite(y_est) & np.isfinite(m_est)
    n = int(ok.sum())
    out = {"observations": n, "usable": n >= MIN_ESTIMATION}
    if not out["usable"]:
        return out
    y, x = y_est[ok], m_est[ok]
    if model == "market_model":
        res = sm.OLS(y, sm.add_constant(x)).fit()
        alpha, beta = res.params
        s2, dof = res.scale, n - 2
        xtx_inv = np.linalg.inv(sm.add_constant(x).T @ sm.add_constant(x))
    elif model == "market_adjusted":
        alpha, beta = 0.0, 1.0
        s2, dof = np.var(y - x, ddof=1), n - 1
    else:
        alpha, beta = np.mean(y), 0.0
        s2, dof = np.var(y, ddof=1), n - 1
    normal = (lambda mm: alpha + beta * mm) if model != "mean_adjusted" else (lambda mm: alpha + 0 * mm)
    out.update(alpha=alpha, beta=beta, residual_variance=s2, dof=dof)
    ar_est = y_est - normal(m_est)
    if model == "mean_adjusted":
        ar_est = np.where(np.isfinite(m_est), ar_est, np.nan)  # same days as the other models
    out["estimation_abnormal"] = ar_est

    def car_variance(m_days):
        L = len(m_days)
        g = np.ones(L)
        if model == "market_model":
            xs = np.column_stack([np.ones(L), m_days])
            v = np.eye(L) + xs @ xtx_inv @ xs.T
        elif model == "market_adjusted":
            v = np.eye(L)
        else:
            v = np.eye(L) + np.ones((L, L)) / n
        return s2 * g @ v @ g

    lo = min(w[0] for w in WINDOWS)
    hi = max(w[1] for w in WINDOWS)
    rows = np.arange(EVENT_ROW + lo, EVENT_ROW + hi + 1)
    ar = y_all[rows] - normal(m_all[rows])
    if model == "market_model":
        res_pred = sm.OLS(y, sm.add_constant(x)).fit()
        sd = np.full(len(rows), np.nan)
        fin = np.isfinite(ar)
        pred = res_pred.get_prediction(np.column_stack([np.ones(fin.sum()), m_all[rows][fin]]))
        sd[fin] = pred.se_obs
    else:
        sd = np.array([math.sqrt(car_variance(np.array([0.0]))) for _ in rows])
    out["event_abnormal"] = ar
    out["event_standardised"] = ar / sd
    wins = []
    for a, b in WINDOWS:
        idx = np.arange(EVENT_ROW + a, EVENT_ROW + b + 1)
        arw = y_all[idx] - normal(m_all[idx])
        fin = np.isfinite(arw)
        car = arw[fin].sum()
        var = car_variance(m_all[idx][fin])
        scar = car / math.sqrt(var)
        bhar = np.prod(1 + y_all[idx][fin]) - np.prod(1 + normal(m_all[idx][fin]))
        wins.append({"days": int(fin.sum()), "car": car, "car_variance": var, "scar": scar,
                     "p_value": 2 * stats.t.sf(abs(scar), dof), "bhar": bhar})
    out["windows"] = wins
    return out


def sample_tests_reference(firms, w_index):
    used = [f for f in firms if f["usable"] and f["windows"][w_index]["days"] > 0]
    n = len(used)
    car = np.array([f["windows"][w_index]["car"] for f in used])
    scar = np.array([f["windows"][w_index]["scar"] for f in used])
    bhar = np.array([f["windows"][w_index]["bhar"] for f in used])
    dof = np.array([f["dof"] for f in used], dtype=float)
    t_cs = car.mean() / (car.std(ddof=1) / math.sqrt(n))
    patell = scar.sum() / math.sqrt(np.sum(dof / (dof - 2)))
    bmp = scar.mean() / (scar.std(ddof=1) / math.sqrt(n))
    # Kolari-Pynnonen: mean pairwise correlation of estimation ARs (pairwise complete days).
    cors = []
    for i in range(n):
        for j in range(i + 1, n):
            a, b = used[i]["estimation_abnormal"], used[j]["estimation_abnormal"]
            ok = np.isfinite(a) & np.isfinite(b)
            cors.append(np.corrcoef(a[ok], b[ok])[0, 1])
    rbar = float(np.mean(cors))
    kp = bmp * math.sqrt((1 - rbar) / (1 + (n - 1) * rbar))
    # Corrado and Zivney (1992): standardised ranks U_it = rank_it / (1 + M_i) - 1/2 over each
    # firm's estimation window + event range (M_i its ARs); Z_t = sum_i U_it / sqrt(N_t) over
    # the N_t firms with an AR on day t; S_U = sqrt(mean of Z_t^2 over the days with N_t > 0);
    # windows: sum of Z_t / (sqrt(days) S_U) (Cowan's multi-day form).
    lo = min(w[0] for w in WINDOWS)
    combined = [np.concatenate([f["estimation_abnormal"], f["event_abnormal"]]) for f in used]
    total = len(combined[0])
    u = np.full((n, total), np.nan)
    for i, c in enumerate(combined):
        ok = np.isfinite(c)
        u[i, ok] = stats.rankdata(c[ok]) / (ok.sum() + 1) - 0.5
    n_t = np.isfinite(u).sum(axis=0)
    present = n_t > 0
    z = np.full(total, np.nan)
    z[present] = np.nansum(u[:, present], axis=0) / np.sqrt(n_t[present])
    s_u = math.sqrt(np.mean(z[present] ** 2))
    a, b = WINDOWS[w_index]
    le = len(used[0]["estimation_abnormal"])
    days = [le + d - lo for d in range(a, b + 1) if present[le + d - lo]]
    corrado = z[days].sum() / (math.sqrt(len(days)) * s_u)
    if a == b:  # Kolari and Pynnonen (2011) write it with day means: Ubar_0 / S_Ubar
        ubar = np.full(total, np.nan)
        ubar[present] = np.nansum(u[:, present], axis=0) / n_t[present]
        t0 = le + a - lo
        s_ubar = math.sqrt(np.mean(n_t[present] / n_t[t0] * ubar[present] ** 2))
        assert abs(ubar[t0] / s_ubar - corrado) < 1e-12 * max(1.0, abs(corrado))
    # Generalized sign (Cowan 1992).
    p_hat = np.mean([np.mean(f["estimation_abnormal"][np.isfinite(f["estimation_abnormal"])] > 0)
                     for f in used])
    w_pos = np.sum(car > 0)
    gsign = (w_pos - n * p_hat) / math.sqrt(n * p_hat * (1 - p_hat))
    two_t = lambda t: 2 * stats.t.sf(abs(t), n - 1)  # noqa: E731
    two_z = lambda z: 2 * stats.norm.sf(abs(z))  # noqa: E731
    return {"window": list(WINDOWS[w_index]), "firms": n, "mean_car": car.mean(),
            "mean_bhar": bhar.mean(), "mean_residual_correlation": rbar,
            "cross_sectional_t": [t_cs, two_t(t_cs)], "patell": [patell, two_z(patell)],
            "bmp": [bmp, two_t(bmp)], "kolari_pynnonen": [kp, two_t(kp)],
            "corrado_rank": [corrado, two_z(corrado)], "generalized_sign": [gsign, two_z(gsign)]}


def make_event_study(out, rng):
    market, r = simulate_event_panel(rng)
    header = ["market"] + [f"firm{j}" for j in range(r.shape[1])]
    write_matrix_csv(os.path.join(out, "event_panel.csv"), header, np.column_stack([market, r]))
    ref = {"event_row": EVENT_ROW, "estimation": list(ESTIMATION), "windows": [list(w) for w in WINDOWS],
           "min_estimation": MIN_ESTIMATION, "models": {}}
    for model in ("market_model", "market_adjusted", "mean_adjusted"):
        firms = [firm_reference(model, r[:, j], market) for j in range(r.shape[1])]
        tests = [sample_tests_reference(firms, k) for k in range(len(WINDOWS))]
        for f in firms:
            f.pop("estimation_abnormal", None)
        ref["models"][model] = {"firms": firms, "tests": tests}
    write_json(os.path.join(out, "event_study.json"), ref)


# ----------------------------------------------------------------------------------------- VAR
def simulate_var(T, Phi, c, Sigma, rng):
    p, N, _ = Phi.shape
    L = np.linalg.cholesky(Sigma)
    y = np.zeros((T + 100, N))
    for t in range(p, T + 100):
        y[t] = c + sum(Phi[l] @ y[t - 1 - l] for l in range(p)) + L @ rng.standard_normal(N)
    return y[100:]


def make_var(out, rng, dy):
    Sigma0 = np.array([[1.0, 0.4, 0.2], [0.4, 1.5, -0.3], [0.2, -0.3, 0.8]]) * 1e-4
    c0 = np.array([1e-3, -5e-4, 2e-4])
    H = 10
    cases = {}
    for p, Phi0 in [(1, np.array([[[0.3, 0.1, 0.0], [-0.2, 0.4, 0.1], [0.05, 0.0, 0.2]]])),
                    (2, np.array([[[0.3, 0.1, 0.0], [-0.2, 0.4, 0.1], [0.05, 0.0, 0.2]],
                                  [[0.1, 0.0, 0.05], [0.0, -0.15, 0.0], [0.1, 0.05, 0.1]]]))]:
        Y = simulate_var(400, Phi0, c0, Sigma0, rng)
        write_matrix_csv(os.path.join(out, f"var{p}.csv"), ["y0", "y1", "y2"], Y)
        res = VAR(Y).fit(p, trend="c")
        P = res.sigma_u / np.sqrt(np.diag(res.sigma_u))[None, :]
        theta_sm = FEVD(res, P=P, periods=H).decomp[:, H - 1, :]
        _, Phi, Sigma = dy.var_ols(Y, p)
        theta_dy = dy.gfevd(Phi, Sigma, H)
        tci, to, fr, net = dy.connectedness(theta_dy)
        cases[f"var{p}"] = {
            "lags": p, "horizon": H, "observations": int(res.nobs),
            "intercept": res.intercept, "coefs": [m for m in res.coefs],
            "sigma_u": res.sigma_u, "ma_rep": [m for m in res.ma_rep(H - 1)],
            "max_root_modulus": float(np.max(np.abs(np.linalg.eigvals(
                np.block([[np.hstack(list(res.coefs))],
                          [np.eye(3 * (p - 1), 3 * p)]]) if p > 1 else res.coefs[0])))),
            "theta_statsmodels": theta_sm, "theta_dy": theta_dy,
            "tci": tci, "to": to, "from": fr, "net": net,
        }
    write_json(os.path.join(out, "var.json"), cases)


# -------------------------------------------------------------------------------- Task C small
def make_taskc_small(out, rng, dy):
    N, T, W, p, H = 10, 300, 100, 1, 10
    A = rng.uniform(-0.15, 0.15, (N, N)) + np.diag(rng.uniform(0.0, 0.2, N))
    B = rng.standard_normal((N, N)) * 0.3 + np.eye(N)
    S = B @ B.T * 1e-4
    R = simulate_var(T, A[None], np.full(N, 3e-4), S, rng)
    d = os.path.join(out, "taskc_small")
    os.makedirs(d, exist_ok=True)
    syms = [f"S{k:04d}" for k in range(1, N + 1)]
    path = os.path.join(d, "returns.csv")
    with open(path, "w") as f:
        f.write(",".join(syms) + "\n")
        np.savetxt(f, R, fmt="%.12g", delimiter=",")
    R = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)  # the values as written
    lines, last, ends, tcis = ["window_end_index,total_connectedness"], None, [], []
    for e, tci, to, fr, net in dy.rolling_tci(R, W, p, H):
        lines.append("%d,%.10f" % (e, tci))
        ends.append(e)
        tcis.append(tci)
        last = (to, fr, net)
    with open(os.path.join(d, "tci.csv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, "directional_last.csv"), "w") as f:
        f.write("symbol,to,from,net\n")
        for k, s in enumerate(syms):
            f.write("%s,%.10f,%.10f,%.10f\n" % (s, last[0][k], last[1][k], last[2][k]))
    write_json(os.path.join(out, "taskc_small.json"),
               {"window": W, "lags": p, "horizon": H, "window_end": ends, "tci": tcis,
                "to_last": last[0], "from_last": last[1], "net_last": last[2]})


# ------------------------------------------------------------------------------ Forbes-Rigobon
def make_forbes_rigobon(out, rng):
    tranquil, turmoil, targets = 200, 60, 5
    T = tranquil + turmoil
    src = np.concatenate([0.01 * rng.standard_normal(tranquil), 0.03 * rng.standard_normal(turmoil)])
    load = np.array([0.3, 0.6, 0.9, 0.2, 0.5])
    extra = np.array([0.0, 0.0, 0.0, 0.8, 0.3])  # targets 3, 4: a genuine rise in the link
    y = np.empty((T, targets))
    for j in range(targets):
        k = np.where(np.arange(T) < tranquil, load[j], load[j] + extra[j])
        y[:, j] = k * src + 0.012 * rng.standard_normal(T)
    y[5, 1] = np.nan
    y[tranquil + 3, 2] = np.nan
    write_matrix_csv(os.path.join(out, "forbes_rigobon.csv"), ["source"] + [f"t{j}" for j in range(targets)],
                     np.column_stack([src, y]))
    res = []
    for j in range(targets):
        def corr(rows):
            a, b = src[rows], y[rows, j]
            ok = np.isfinite(a) & np.isfinite(b)
            return np.corrcoef(a[ok], b[ok])[0, 1], np.var(a[ok], ddof=1), int(ok.sum())
        rc, vc, nc = corr(slice(0, tranquil))
        rt, vt, nt = corr(slice(tranquil, T))
        delta = vt / vc - 1
        radj = rt / math.sqrt(1 + delta * (1 - rt ** 2))
        se = math.sqrt(1 / (nt - 3) + 1 / (nc - 3))
        zu = (math.atanh(rt) - math.atanh(rc)) / se
        za = (math.atanh(radj) - math.atanh(rc)) / se
        res.append({"tranquil_days": nc, "turmoil_days": nt, "tranquil_correlation": rc,
                    "turmoil_correlation": rt, "variance_increase": delta,
                    "adjusted_turmoil_correlation": radj, "z_unadjusted": zu,
                    "p_unadjusted": stats.norm.sf(zu), "z_adjusted": za, "p_adjusted": stats.norm.sf(za)})
    write_json(os.path.join(out, "forbes_rigobon.json"),
               {"tranquil": [0, tranquil], "turmoil": [tranquil, T], "targets": res})


# ------------------------------------------------------------------------------ co-exceedances
def make_co_exceedance(out, rng):
    T, M, q = 200, 12, 0.05
    common = rng.standard_normal(T)
    r = 0.5 * common[:, None] + rng.standard_normal((T, M))
    r[150, :] -= 3.0  # a crash day
    r[rng.integers(0, T, 30), rng.integers(0, M, 30)] = np.nan
    r[:190, 11] = np.nan  # too few returns for a threshold (10 < 20)
    write_matrix_csv(os.path.join(out, "co_exceedance.csv"), [f"m{j}" for j in range(M)], r)
    quantile_rows = (0, 140)
    thr = []
    for j in range(M):
        x = r[quantile_rows[0]:quantile_rows[1], j]
        x = x[np.isfinite(x)]
        thr.append(np.quantile(x, q, method="linear") if len(x) >= 20 else np.nan)
    thr = np.array(thr)
    ok = np.isfinite(thr)[None, :] & np.isfinite(r)
    with np.errstate(invalid="ignore"):
        counts = np.sum(ok & (r < thr[None, :]), axis=1)
    present = np.sum(ok, axis=1)
    ranked = counts[present > 0]
    rank150 = 1 + int(np.sum(ranked > counts[150]))
    write_json(os.path.join(out, "co_exceedance.json"),
               {"quantile": q, "quantile_rows": list(quantile_rows), "min_observations": 20,
                "thresholds": thr, "counts": counts, "present": present,
                "rank_row": 150, "rank": rank150, "ties": int(np.sum(ranked == counts[150])) - 1})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "..", "tests", "golden", "stats"))
    ap.add_argument("--taskc", default=os.path.join(HERE, "..", "..", "shared", "bench", "taskc"),
                    help="folder of the numpy reference dy.py (bench/taskc of the shared bench)")
    a = ap.parse_args()
    sys.path.insert(0, os.path.abspath(a.taskc))
    import dy  # noqa: E402  (the Task C numpy reference)
    os.makedirs(a.out, exist_ok=True)
    make_event_study(a.out, np.random.default_rng(20250127))
    make_var(a.out, np.random.default_rng(20240607), dy)
    make_taskc_small(a.out, np.random.default_rng(42), dy)
    make_forbes_rigobon(a.out, np.random.default_rng(7))
    make_co_exceedance(a.out, np.random.default_rng(11))
    print(f"make_stats_golden: wrote {sorted(os.listdir(a.out))} to {os.path.abspath(a.out)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
