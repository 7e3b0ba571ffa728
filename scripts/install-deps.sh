#!/bin/sh
# Install the Debian packages dondoc needs, when they are missing.
#   sh scripts/install-deps.sh          to build and run (make, make demo)
#   sh scripts/install-deps.sh --test   also what the tests use (make test)
# Idempotent: does nothing when every package is already there, so the
# Makefile can call it on every run.
set -eu

PACKAGES="gcc make pkg-config liblua5.4-dev libsqlite3-dev libcurl4-openssl-dev
libssl-dev libjansson-dev libcsv-dev libutf8proc-dev libxlsxwriter-dev
python3"
# cmocka for the unit tests; valgrind for the leak check; aiosmtpd, openssl
# and sqlite3 for the real SMTP server, its test CA and the benchmarks;
# chromium to look at the HTML emails in a real browser; clang (and its
# sanitizer runtime) for the second sanitized build; openpyxl to read the
# report's .xlsx back.
TEST_PACKAGES="libcmocka-dev valgrind python3-aiosmtpd openssl sqlite3 chromium
clang libclang-rt-14-dev python3-openpyxl"
# python3-icalendar reads the exported calendars back (tests/e2e/t_ical.sh)
TEST_PACKAGES="$TEST_PACKAGES python3-icalendar"
[ "${1:-}" = "--test" ] && PACKAGES="$PACKAGES $TEST_PACKAGES"

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
