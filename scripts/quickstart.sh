#!/usr/bin/env bash
# The README's first command: install what is missing, build in Release, and run the project's
# main job on its embedded data: the DeepSeek selloff reproduction.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target marketshock_cli deepseek_selloff
echo
# The flagship: every published claim about 2025-01-27 with the library's figure, its basis and
# a verdict; the record table; both indices' moves; the event study. Charts go to build/charts.
exec build/release/examples/deepseek_selloff/deepseek_selloff --svg build/charts
