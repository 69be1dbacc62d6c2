#!/usr/bin/env bash
# Measures `calendar deadline` over many start dates read from standard input (the issue's goal:
# thousands of dates in well under a second). Usage: bench/calendar-deadline.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build src/SafeHarbor -c Release -nologo -v q -o "$out/app" >/dev/null
python3 - "$count" >"$out/dates.txt" <<'PY'
import datetime, sys
start = datetime.date(2018, 1, 1)
for i in range(int(sys.argv[1])):
    print(start + datetime.timedelta(days=i % 3200))
PY
run() { dotnet "$out/app/SafeHarbor.dll" calendar deadline --working-days 7 <"$out/dates.txt" >"$out/deadlines.txt"; }
run # warm the disk cache
best=""
for i in 1 2 3 4 5; do
  s=$(date +%s%N); run; e=$(date +%s%N)
  ms=$(( (e - s) / 1000000 ))
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
s=$(date +%s%N); dotnet "$out/app/SafeHarbor.dll" calendar is-working-day 2026-10-10 >/dev/null; e=$(date +%s%N)
startup=$(( (e - s) / 1000000 ))
lines=$(wc -l <"$out/deadlines.txt")
echo "calendar deadline: $lines dates in ${best} ms (best of 5, whole process); one-date command ${startup} ms (process start-up)"
