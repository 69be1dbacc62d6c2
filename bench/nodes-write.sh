#!/usr/bin/env bash
# Write throughput of registering matters (POST /api/cases) over the three demo bureaus with ONE node and then with
# TWO nodes of the built app on one PostgreSQL database, beside the raw single-row durable commit rate of the same
# PostgreSQL (pgbench: one ~300-byte row per transaction, fsync and synchronous_commit on, as in production).
# Everything is on loopback: a throw-away PostgreSQL under /tmp on a free port, nodes on free ports, all stopped and
# deleted at the end. Each (nodes, clients) run starts on a fresh copy of the seeded demo database.
# Usage: bench/nodes-write.sh            environment: CLIENTS="8 32" DURATION=20 WARMUP=5 RAW_DURATION=10
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CLIENTS=${CLIENTS:-"8 32"}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
RAW_DURATION=${RAW_DURATION:-10}

out=$(mktemp -d /tmp/safeharbor-bench.XXXXXX)
chmod 755 "$out"
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")
PGDATA="$out/pg"
node_pids=()
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }
stop_nodes() {
  for p in "${node_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${node_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  node_pids=()
}
cleanup() {
  stop_nodes
  [ -f "$PGDATA/postmaster.pid" ] && pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$out"
}
trap cleanup EXIT

say() { printf '==> %s\n' "$*" >&2; }

# --- builds ---------------------------------------------------------------------------------------
say "building the app (Release) and the load driver"
dotnet build src/SafeHarbor -c Release -nologo -v q -o "$out/app" >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
dotnet build bench/nodes-write-load.cs -c Release -nologo -v q >"$out/driver-build.log" 2>&1 || { cat "$out/driver-build.log"; exit 1; }

# --- PostgreSQL, durable (fsync, synchronous_commit and full_page_writes on: the defaults) ----------------------------
PGPORT=$(free_port 55500)
mkdir -p "$PGDATA"
if [ "$(id -u)" = 0 ]; then chown postgres "$PGDATA"; fi
say "starting PostgreSQL on 127.0.0.1:$PGPORT ($PGDATA, fsync on)"
pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale >"$out/initdb.log" 2>&1 || { cat "$out/initdb.log"; exit 1; }
pg "$PG_BIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/server.log" \
  -o "-h 127.0.0.1 -p $PGPORT -k $PGDATA -c max_connections=300 -c fsync=on -c synchronous_commit=on" start >/dev/null
psql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
connection() { echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$1"; }

# --- the raw durable commit rate: one ~300-byte row per transaction ------------------------------------------------
psql -d postgres -c "CREATE DATABASE raw"
psql -d raw -c "CREATE TABLE rows (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)"
echo "INSERT INTO rows (payload) VALUES (left(repeat(md5(random()::text), 10), 300));" >"$out/insert.sql"
declare -A raw
for c in 1 $CLIENTS; do
  say "raw commits: $c clients, ${RAW_DURATION} s"
  tps=$("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -n -M prepared -f "$out/insert.sql" -c "$c" -j "$(( c < 2 ? c : 2 ))" -T "$RAW_DURATION" raw 2>/dev/null \
    | awk '/^tps = / { print $3; exit }')
  raw[$c]=$(printf '%.0f' "$tps")
done
psql -d postgres -c "DROP DATABASE raw"

# --- the seeded demo, kept as a template ---------------------------------------------------------------------------
say "seeding the demo (three bureaus)"
psql -d postgres -c "CREATE DATABASE seeded"
Database__Provider=Postgres Database__ConnectionString="$(connection seeded)" \
  dotnet "$out/app/SafeHarbor.dll" seed-demo >"$out/seed.log" 2>&1 || { cat "$out/seed.log"; exit 1; }

start_node() { # name database → sets NODE_PORT once the node is ready; the node's output goes to $out/NAME.log
  local name=$1 db=$2 port
  port=$(free_port $((56000 + RANDOM % 2000)))
  mkdir -p "$out/$name"
  (cd "$out/$name" && exec env ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres Database__ConnectionString="$(connection "$db")" \
      Database__MigrateAtStart=false Demo__Seed=false Node__Name="$name" \
      dotnet "$out/app/SafeHarbor.dll" --urls "http://127.0.0.1:$port" >"$out/$name.log" 2>&1) &
  node_pids+=($!)
  for _ in $(seq 1 240); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; then NODE_PORT=$port; return; fi
    sleep 0.5
  done
  echo "node $name did not start:" >&2; cat "$out/$name.log" >&2; exit 1
}

# CPU time in clock ticks: of the given processes, and of this PostgreSQL (its processes and those it reaped).
ticks_of() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done; echo "$t"; }
pg_ticks() {
  local master t
  master=$(head -n 1 "$PGDATA/postmaster.pid")
  t=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$master/stat")
  for p in $(pgrep -P "$master"); do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}
HZ=$(getconf CLK_TCK)
cpu_busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
cpu_all_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }

results=()
run=0
for nodes in 1 2; do
  for c in $CLIENTS; do
    run=$((run + 1))
    db="run$run"
    psql -d postgres -c "CREATE DATABASE $db TEMPLATE seeded"
    urls=""
    for i in $(seq 1 "$nodes"); do
      start_node "node$i-run$run" "$db"
      urls="${urls:+$urls,}http://127.0.0.1:$NODE_PORT"
    done
    say "$nodes node(s), $c clients: ${WARMUP} s warm-up, ${DURATION} s measured"
    busy0=$(cpu_busy_jiffies); all0=$(cpu_all_jiffies); app0=$(ticks_of "${node_pids[@]}"); pg0=$(pg_ticks)
    line=$(dotnet run --no-build -c Release bench/nodes-write-load.cs -- --urls "$urls" --clients "$c" --duration "$DURATION" --warmup "$WARMUP" \
      | grep '^RESULT')
    busy1=$(cpu_busy_jiffies); all1=$(cpu_all_jiffies); app1=$(ticks_of "${node_pids[@]}"); pg1=$(pg_ticks)
    total=$(sed -E 's/.* total=([0-9]+).*/\1/' <<<"$line")
    app_ms=$(awk -v t=$((app1 - app0)) -v n="$total" -v hz="$HZ" 'BEGIN { printf "%.1f", t * 1000 / hz / n }')
    pg_ms=$(awk -v t=$((pg1 - pg0)) -v n="$total" -v hz="$HZ" 'BEGIN { printf "%.1f", t * 1000 / hz / n }')
    results+=("$line busy=$(( 100 * (busy1 - busy0) / (all1 - all0) )) appms=$app_ms pgms=$pg_ms load=$(cut -d' ' -f1 /proc/loadavg)")
    stop_nodes
    psql -d postgres -c "DROP DATABASE $db WITH (FORCE)"
  done
done

# --- the figures ---------------------------------------------------------------------------------------------------
echo
echo "SafeHarbor write throughput, POST /api/cases over 3 bureaus ($(date -u +%Y-%m-%d), $(nproc) cores, PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), fsync on)"
echo "raw durable commits (pgbench, one ~300-byte row per transaction): $(for c in 1 $CLIENTS; do printf '%s/s at %s clients  ' "${raw[$c]}" "$c"; done)"
printf '%-6s %-8s %9s %9s %9s %9s %7s %8s %9s %12s %12s %6s\n' nodes clients 'req/s' 'p50 ms' 'p95 ms' 'p99 ms' errors 'app÷raw' 'CPU busy' 'app CPU/req' 'PG CPU/req' load
for r in "${results[@]}"; do
  declare -A f=()
  for kv in ${r#RESULT }; do f[${kv%%=*}]=${kv#*=}; done
  ratio=$(awk -v a="${f[rps]}" -v b="${raw[${f[clients]}]}" 'BEGIN { printf "%.2f", a / b }')
  printf '%-6s %-8s %9s %9s %9s %9s %7s %8s %8s%% %9s ms %9s ms %6s\n' "${f[nodes]}" "${f[clients]}" "${f[rps]}" "${f[p50]}" "${f[p95]}" "${f[p99]}" \
    "${f[errors]}" "$ratio" "${f[busy]}" "${f[appms]}" "${f[pgms]}" "${f[load]}"
  unset f
done
echo "(app÷raw: the app's registrations per second over raw commits per second at the same number of clients;"
echo " CPU busy: the whole machine during the run, warm-up included, whatever else was running;"
echo " app/PG CPU per req: CPU time of the node processes / of PostgreSQL over every request of the run; load: 1-minute load average at its end)"
