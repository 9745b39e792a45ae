#!/usr/bin/env python3
"""The DeepSeek selloff of Monday 2025-01-27 from Python: the record table of one-day market-value
losses in the S&P 500 as it stood that evening, and NVIDIA's market value around it.

    python3 examples/python/deepseek_records.py --out nvda.png

Prints the table (the same ranking as `marketshock records --universe sp500 --as-of 2025-01-27`)
and writes a PNG chart of NVIDIA's market value from 2025-01-13 to 2025-02-07 (close x the share
count in force each session), with matplotlib's Agg backend (no display needed).
"""

import argparse
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

import marketshock  # noqa: E402

EVENT = "2025-01-27"


def print_records(ds, top):
    df = ds.records(top=top, as_of=EVENT, universe="sp500")
    print(
        f"Largest one-day market-value losses in the S&P 500 (members at the time), as of {EVENT}"
    )
    print(f"{df.attrs['candidates']} candidate moves from {df.attrs['from']:%Y-%m-%d}\n")
    print("rank  symbol  date        change $B  return %  record then  previous record")
    for rank, row in df.iterrows():
        previous = ""
        if row["previous_record_symbol"] is not None:
            previous = (
                f"{row['previous_record_symbol']} {row['previous_record_date']:%Y-%m-%d} "
                f"{row['previous_record_market_value_change_usd'] / 1e9:.1f} $B"
            )
        print(
            f"{rank:4d}  {row['symbol']:<6}  {row['date']:%Y-%m-%d}  "
            f"{row['market_value_change_usd'] / 1e9:9.1f}  {row['return'] * 100:8.2f}  "
            f"{'yes' if row['record_at_the_time'] else 'no':<11}  {previous}"
        )
    print()
    for _, holder in df.attrs["holders"].iterrows():
        print(f"{holder['count']} of the top {len(df)} belong to {holder['key']}")
    excluded = df.attrs["excluded"]
    counts = excluded.groupby("reason")["sessions"].sum()
    print(
        "left out (no one-session market value): "
        + ", ".join(f"{reason} {n} security-days" for reason, n in counts.items())
    )


def plot_market_value(ds, out):
    moves = ds.moves("NVDA", "2025-01-13", "2025-02-07")
    value = moves["market_value_usd"] / 1e12
    fig, ax = plt.subplots(figsize=(9, 5), dpi=100)
    ax.plot(value.index, value.values, marker="o", color="#76b900", linewidth=2)
    event = moves.loc[EVENT]
    ax.annotate(
        f"{EVENT}: {event['market_value_change_usd'] / 1e9:,.1f} $B "
        f"({event['return'] * 100:.2f}%)",
        xy=(event.name, event["market_value_usd"] / 1e12),
        xytext=(15, -25),
        textcoords="offset points",
        arrowprops={"arrowstyle": "->"},
    )
    ax.set_title("NVIDIA market value (close x shares in force), 2025-01-13 to 2025-02-07")
    ax.set_ylabel("USD trillion")
    ax.grid(True, alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
    print(f"\nNVIDIA's market value: {out}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="nvda_market_value.png", help="PNG file to write")
    parser.add_argument("--data", default=None, help="dataset directory (default: embedded)")
    parser.add_argument("--top", type=int, default=10, help="rows of the record table")
    args = parser.parse_args()
    try:
        ds = marketshock.load_dataset(args.data)
        print_records(ds, args.top)
        plot_market_value(ds, args.out)
    except marketshock.Error as error:
        print(f"deepseek_records: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
