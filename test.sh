#!/usr/bin/env bash
# The test command: installs what the tests need, starts a throw-away PostgreSQL server on
# 127.0.0.1, builds, runs every test project and ends with one line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
ARTIFACTS="$ROOT/test-artifacts"
rm -rf "$ARTIFACTS/results"
mkdir -p "$ARTIFACTS/results"

say() { printf '==> %s\n' "$*"; }
summary_fail() { say "$1"; echo "0 passed, 1 failed"; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. What the tests need ------------------------------------------------------------------
command -v dotnet >/dev/null || summary_fail "the .NET SDK (dotnet) is not on PATH"
missing=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v runuser >/dev/null || missing+=(util-linux)
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
# The API walk-through in docs/api.md signs the audit administrator in with a TOTP code, as an authenticator app would.
command -v oathtool >/dev/null || missing+=(oathtool)
command -v python3 >/dev/null || missing+=(python3)
# Browser tests: Debian's Chromium (Playwright drives it; it never downloads a browser) and CJK fonts.
command -v chromium >/dev/null || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# PDF tests: LibreOffice converts the documents, pdftoppm renders page 1 to PNG.
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing: ${missing[*]}"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || summary_fail "apt-get could not install ${missing[*]}"
fi

# Many test hosts run at once; give them room for file watchers where we may.
if [ "$(id -u)" = 0 ] && [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)" -lt 1024 ]; then
  sysctl -q -w fs.inotify.max_user_instances=1024 >/dev/null 2>&1 || true
fi

# --- 2. PostgreSQL on loopback ---------------------------------------------------------------
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")
PGDATA=$(mktemp -d /tmp/safeharbor-pg.XXXXXX)
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PGPORT=${SAFEHARBOR_PG_PORT:-55432}
while ! port_free "$PGPORT"; do PGPORT=$((PGPORT + 1)); done

pg() {
  # initdb and postgres refuse to run as root: use the postgres account when we are root.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$PGDATA"; fi
say "starting PostgreSQL on 127.0.0.1:$PGPORT ($PGDATA)"
pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale >"$ARTIFACTS/postgres-initdb.log" 2>&1 \
  || { cat "$ARTIFACTS/postgres-initdb.log"; summary_fail "initdb failed"; }
pg "$PG_BIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/server.log" \
  -o "-h 127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { cat "$PGDATA/server.log"; summary_fail "PostgreSQL did not start"; }
stop_pg() { pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1; rm -rf "$PGDATA"; }
trap stop_pg EXIT
export SAFEHARBOR_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"

# --- 3. Build and test -----------------------------------------------------------------------
say "building"
dotnet build SafeHarbor.slnx -c Release -nologo -v q >"$ARTIFACTS/build.log" 2>&1 \
  || { grep -E "error|warn" "$ARTIFACTS/build.log" | sort -u | head -40; summary_fail "the build failed (test-artifacts/build.log)"; }

say "running tests"
dotnet test SafeHarbor.slnx -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$ARTIFACTS/results" \
  >"$ARTIFACTS/test.log" 2>&1
status=$?
grep -E "^\s+(Failed|Skipped) |Error Message|Assert|^\s+at SafeHarbor|Passed!|Failed!" "$ARTIFACTS/test.log" | head -200

# --- 4. One line of totals from the test result files -----------------------------------------
python3 - "$ARTIFACTS/results" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
files = glob.glob(sys.argv[1] + "/*.trx")
for f in files:
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
if not files or (int(sys.argv[2]) != 0 and failed == 0):
    failed += 1  # the run itself failed (crash, no results): never report green
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
PY
