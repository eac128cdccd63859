#!/usr/bin/env bash
# browser-for-tests.sh - make sure Debian's headless Chromium and its chromedriver are installed, for the dashboard's
# end-to-end tests (emulator-dashboard-tests). Installs them from Debian's package mirror when missing; as root.
set -euo pipefail
die() { echo "browser-for-tests: ERROR: $*" >&2; exit 1; }

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
[ "$(id -u)" = 0 ] || die "chromium and chromium-driver are missing and installing them needs root"
{ DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } >/tmp/browser-for-tests-apt.log 2>&1 \
  || { tail -20 /tmp/browser-for-tests-apt.log >&2; die "apt-get install chromium chromium-driver failed"; }
command -v chromedriver >/dev/null || die "chromium-driver installed no chromedriver"
