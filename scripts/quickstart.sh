#!/usr/bin/env bash
# The README's first command: install what is missing, build in Release, and run the project's
# main job on its embedded data (until the DeepSeek example lands: NVIDIA's week and the record
# table of 2025-01-27).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target marketshock_cli
tool=build/release/tools/marketshock/marketshock
echo
"$tool" moves NVDA --from 2025-01-27 --to 2025-01-31
echo
exec "$tool" records --universe sp500 --as-of 2025-01-27
