#!/usr/bin/env bash
# Rebuilds the embedded dataset data/ from the raw public files (default: ../shared/data), with
# the project's own command. The result is committed; see data/README.md for the rules.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
raw="${1:-../shared/data}"
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target marketshock_cli
build/release/tools/marketshock/marketshock dataset build --from "$raw" --out data > /dev/null
build/release/tools/marketshock/marketshock dataset check data
