#!/usr/bin/env bash
# The README's first command: install what is missing, build in Release, and run the project's
# main job on its embedded data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target marketshock_cli
echo
exec build/release/tools/marketshock/marketshock calendar --from 2025-01-01 --to 2025-01-31
