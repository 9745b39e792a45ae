#!/usr/bin/env bash
# The README's second command: install what is missing, build, and run every test with ctest.
# PRESET=asan scripts/test.sh runs the same suite under AddressSanitizer + UBSan.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
preset="${PRESET:-test}"
scripts/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
