#!/usr/bin/env bash
# Fails when any tracked C++ file differs from what clang-format (Debian 12's, version 14) makes
# of it with the project's .clang-format. Installs clang-format as root when it is missing;
# otherwise prints the command. Takes seconds, so CI runs it first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v clang-format >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "check-format: clang-format is missing; run: sudo apt-get install -y clang-format" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang-format
fi
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
# One process for all files; its diagnostics start with the file's name.
mapfile -t bad < <(clang-format --dry-run --Werror "${files[@]}" 2>&1 >/dev/null |
                   sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error:.*/\1/p' | sort -u)
if ((${#bad[@]})); then
  echo "check-format: ${#bad[@]} file(s) differ from clang-format; run: clang-format -i ${bad[*]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
