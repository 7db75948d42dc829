#!/usr/bin/env bash
# The Debian packages motcua needs that pip cannot provide, checked before `make run` (run) and `make test` (test).
# As root, the missing ones are installed (apt-get, non-interactive); otherwise the script prints the one
# `apt-get install` line of the README and stops. `--line run|test` prints that line and nothing else.
#   run:  Python with venv, make, Pango (WeasyPrint draws the PDFs with it; HarfBuzz subsets their fonts)
#   test: + PostgreSQL (the second run of the suite), Chromium and a font for its pages (browser tests), ps,
#         poppler-utils (pdfsig: a validator of the signed results independent of pyHanko, docs/signing.md)
# The PDFs' fonts are not here: they ship inside the package (motcua/static/motcua/fonts/).
set -euo pipefail

RUN=(python3 python3-venv make libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
TEST=("${RUN[@]}" postgresql chromium fonts-dejavu-core procps poppler-utils)

usage() { echo "usage: $0 [--line] run|test" >&2; exit 2; }
line_only=0
if [[ ${1:-} == --line ]]; then line_only=1; shift; fi
case ${1:-} in
  run) wanted=("${RUN[@]}") ;;
  test) wanted=("${TEST[@]}") ;;
  *) usage ;;
esac
line="apt-get install ${wanted[*]}"
if ((line_only)); then echo "$line"; exit 0; fi

if ! command -v dpkg-query >/dev/null; then
  echo "Không phải Debian: không kiểm tra được các gói hệ thống. motcua cần các gói tương đương với: $line" >&2
  exit 0
fi
installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]; }
missing=()
for package in "${wanted[@]}"; do installed "$package" || missing+=("$package"); done
((${#missing[@]})) || exit 0

if [[ $(id -u) == 0 ]]; then
  echo "Cài các gói hệ thống còn thiếu: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
cat >&2 <<EOF
Thiếu gói hệ thống: ${missing[*]}
Cài bằng quyền quản trị (root) rồi chạy lại lệnh make:

  sudo $line

EOF
exit 1
