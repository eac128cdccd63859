#!/usr/bin/env bash
# check-container-tests.sh - fail unless every test class of a surefire report directory ran at least one
# test and skipped none: @Testcontainers(disabledWithoutDocker = true) skips quietly when there is no Docker
# engine, and CI must not pass like that. The dashboard's browser tests are checked the same way, with their own hint.
#   bash .ci/check-container-tests.sh emulator-testcontainers/target/surefire-reports
#   bash .ci/check-container-tests.sh emulator-dashboard-tests/target/surefire-reports "is Debian's chromium installed?"
set -euo pipefail
dir="${1:?usage: check-container-tests.sh SUREFIRE_REPORTS_DIR [HINT]}"
hint="${2:-is the Docker engine up?}"
die() { echo "check-container-tests: ERROR: $*" >&2; exit 1; }

shopt -s nullglob
reports=("$dir"/TEST-*.xml)
[ ${#reports[@]} -gt 0 ] || die "no surefire reports in $dir: the module's tests did not run"
total=0
for report in "${reports[@]}"; do
  suite=$(grep -m1 -o '<testsuite [^>]*>' "$report") || die "no <testsuite> in $report"
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$suite"; }
  tests=$(attr tests); skipped=$(attr skipped)
  name=$(basename "$report" .xml); name=${name#TEST-}
  [ "${tests:-0}" -gt 0 ] || die "$name ran no tests"
  [ "${skipped:-0}" -eq 0 ] || die "$name skipped $skipped of $tests tests ($hint)"
  total=$((total + tests))
done
echo "check-container-tests: $dir: ${#reports[@]} classes, $total tests, none skipped" >&2
