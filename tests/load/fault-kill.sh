#!/usr/bin/env bash
# SIGKILL in the middle of an intake load, then start again: every acknowledged complaint is there,
# PRAGMA integrity_check is ok, the clock service carries on without recording any event twice.
# Usage: tests/load/fault-kill.sh DATA_FOLDER [SECONDS]
source "$(dirname "$0")/lib.sh"
data="$1"; seconds="${2:-20}"; port=5182
RUNNER="dotnet $ROOT/tests/load/LoadRunner/bin/Release/net10.0/LoadRunner.dll"
echo "== SIGKILL during intake"
start_app "$data" $port
$RUNNER intake --base "http://127.0.0.1:$port" --seconds "$seconds" --connections 32 --acked "$OUT/acked-kill.txt" --tolerate-failures true >"$OUT/kill-intake.txt" &
runner=$!
sleep $(( seconds / 2 ))
kill -9 "$APP_PID"
echo "killed app (pid $APP_PID) after $(( seconds / 2 ))s with $(wc -l <"$OUT/acked-kill.txt") complaints acknowledged" | tee -a "$OUT/results.txt"
wait "$runner" || true
start_app "$data" $port
sleep 3   # let the clock service run a tick over the recovered database
stop_app "$APP_PID"
$RUNNER verify --db "$data/complaintdesk.db" --acked "$OUT/acked-kill.txt" | tee -a "$OUT/results.txt"
