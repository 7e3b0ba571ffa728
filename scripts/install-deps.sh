#!/bin/sh
# Install the Debian packages dondoc needs to build, test and demo.
# Idempotent: does nothing when every package is already there, so
# `make demo` and `make test` can call it on every run.
set -eu

PACKAGES="gcc make pkg-config liblua5.4-dev libsqlite3-dev libcurl4-openssl-dev
libssl-dev libcmocka-dev libjansson-dev python3 python3-aiosmtpd openssl sqlite3
valgrind"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: missing packages:$missing; run as root or install them" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
