#!/usr/bin/env bash
# Installs the Debian 12 packages marketshock needs, if any is missing. As root it runs apt-get;
# otherwise it prints the exact command to run and exits 1 without changing anything.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config   # toolchain
  libboost-date-time-dev             # dates and the holiday rules of the NYSE calendar
  libfmt-dev                         # formatting of every table and message
  libspdlog-dev                      # the library's own (silent by default) logger
  nlohmann-json3-dev                 # JSON output and the dataset manifest
  libeigen3-dev                      # panels and the statistics (OLS, VAR, FEVD)
  libyaml-cpp-dev                    # the Nasdaq-100 membership files are YAML
  libssl-dev                         # SHA-256 checksums of the dataset files (OpenSSL libcrypto)
  libcli11-dev                       # the marketshock command line
  libgtest-dev libgmock-dev          # the tests
  libbenchmark-dev                   # the micro-benchmarks under bench/
  python3-jsonschema                 # a test validates the example's JSON report against its schema
  # The Python package (python/, on by default): pybind11 builds the extension module for the
  # system python3 (its headers from python3-dev); pandas and numpy are the package's result
  # types; pytest runs its tests against the tool; matplotlib draws the Python example's chart.
  pybind11-dev python3-pybind11 python3-dev
  python3-numpy python3-pandas python3-pytest python3-matplotlib
)

missing=()
for p in "${packages[@]}"; do
  [[ $p == \#* ]] && continue
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing Debian packages; run this, then try again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
