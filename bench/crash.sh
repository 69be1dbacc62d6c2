#!/usr/bin/env bash
# The kill -9 crash test (tests/SafeHarbor.IntegrationTests/Durability/CrashTests.cs) with many cycles: the built app on
# SQLite, two clients registering matters and two uploading evidence, killed with SIGKILL at a random moment of each
# cycle and started again; then every acknowledged write must be there exactly once, every evidence row must find its
# file, leftovers must be swept, PRAGMA integrity_check must be ok and every audit chain must verify. Prints the tally.
# Usage: bench/crash.sh            environment: CYCLES=200 SEED=<int> (repeats the kill times of an earlier run)
set -uo pipefail
cd "$(dirname "$0")/.."
CYCLES=${CYCLES:-200}
tally=$(mktemp /tmp/safeharbor-crash-tally.XXXXXX)
log=$(mktemp /tmp/safeharbor-crash-log.XXXXXX)
trap 'rm -f "$tally" "$log"' EXIT

echo "==> building the app and the tests" >&2
dotnet build tests/SafeHarbor.IntegrationTests -nologo -v q >"$log" 2>&1 || { cat "$log"; exit 1; }
echo "==> $CYCLES kill cycles (5–20 s each, mostly the start of the app)" >&2
start=$(date +%s)
SAFEHARBOR_CRASH_CYCLES=$CYCLES SAFEHARBOR_CRASH_TALLY=$tally SAFEHARBOR_CRASH_SEED=${SEED:-} \
  dotnet test tests/SafeHarbor.IntegrationTests --no-build -nologo --filter "FullyQualifiedName~Durability.CrashTests" >"$log" 2>&1
status=$?
elapsed=$(( $(date +%s) - start ))
if [ $status -ne 0 ]; then
  grep -v '^\s*$' "$log" | tail -n 40
  echo "FAILED after ${elapsed} s"
  exit 1
fi
cat "$tally"
echo "passed in ${elapsed} s"
