#!/usr/bin/env bash
# Proof at scale, from one command. Generates the data once (cached in $DATA), starts the app in Release,
# measures the read paths, the search kinds, intake, reports and memory, then the faults: mixed load, SIGKILL during intake,
# two instances behind nginx, the database going away. Every figure is printed and appended to out/results.txt.
#
#   tests/load/run-all.sh            full run: 1,000,000 complaints, 20 s per wrk run, 60 s mixed load
#   tests/load/run-all.sh --quick    CI-sized: 20,000 complaints, 3 s runs (checks the rig and the faults, not the targets)
#
# Needs wrk and nginx (apt-get install -y wrk nginx). Loopback only; every loop is bounded in time.
source "$(dirname "$0")/lib.sh"
need wrk wrk
QUICK=false
[ "${1:-}" = "--quick" ] && QUICK=true
if $QUICK; then N=${COMPLAINTS:-20000}; D=3s; MIXED=10; INTAKE=6; export WARM=1s; else N=${COMPLAINTS:-1000000}; D=20s; MIXED=60; INTAKE=20; export WARM=${WARM:-10s}; fi
# The generated data is reused between full runs only while the schema is the same (keyed by the migrations);
# the quick run always starts from a fresh folder, so that no earlier run or schema can leave state behind.
SCHEMA=$(ls "$ROOT"/src/ComplaintDesk.Data.Migrations.Sqlite/Migrations/*.cs | xargs -n1 basename | sha1sum | cut -c1-8)
if $QUICK; then
  DATA="${DATA:-$(mktemp -d /tmp/complaintdesk-load-quick-XXXXXX)}"
else
  DATA="${DATA:-/tmp/complaintdesk-load-$N-$SCHEMA}"
fi
PORT=5181
RUNNER="dotnet $ROOT/tests/load/LoadRunner/bin/Release/net10.0/LoadRunner.dll"
: >"$OUT/results.txt"

build_release
dotnet build "$ROOT/tests/load/LoadRunner" -c Release -v q -nologo >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -sr)" | tee -a "$OUT/results.txt"

if [ ! -f "$DATA/complaintdesk.db" ]; then
  echo "== generating $N complaints into $DATA"
  mkdir -p "$DATA"
  ( cd "$ROOT/src/ComplaintDesk.Web" && env $(app_env "$DATA") dotnet "$APP_DLL" generate --complaints "$N" ) | tail -n 1 | tee -a "$OUT/results.txt"
fi

start_app "$DATA" $PORT
BASE="http://127.0.0.1:$PORT"
"$LOAD_DIR/bench-read.sh" "$BASE" "$D"
"$LOAD_DIR/bench-search.sh" "$BASE" "$D"
"$LOAD_DIR/bench-intake.sh" "$BASE" "$D"
echo "memory after list, detail and intake load: $(rss_mb "$APP_PID") MB load=$(load_avg)" | tee -a "$OUT/results.txt"
"$LOAD_DIR/bench-report.sh" "$BASE"
echo "memory after the reports too: $(rss_mb "$APP_PID") MB load=$(load_avg)" | tee -a "$OUT/results.txt"

echo "== mixed load: 64 connections, ${MIXED}s"
$RUNNER mixed --base "$BASE" --seconds "$MIXED" --connections 64 --acked "$OUT/acked-mixed.txt" | tee -a "$OUT/results.txt"
echo "memory after mixed load: $(rss_mb "$APP_PID") MB load=$(load_avg)" | tee -a "$OUT/results.txt"
stop_app "$APP_PID"
$RUNNER verify --db "$DATA/complaintdesk.db" --acked "$OUT/acked-mixed.txt" | tee -a "$OUT/results.txt"

"$LOAD_DIR/fault-kill.sh" "$DATA" "$INTAKE"
"$LOAD_DIR/fault-two-instances.sh" "$DATA"
"$LOAD_DIR/fault-db-down.sh" "$DATA"
echo "== all done; figures in $OUT/results.txt"
if $QUICK; then rm -rf "$DATA"; fi
