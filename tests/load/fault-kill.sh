#!/usr/bin/env bash
# SIGKILL in the middle of an intake load, then start again: every acknowledged complaint is there,
# PRAGMA integrity_check is ok, the clock service carries on without recording any event twice.
# Usage: tests/load/fault-kill.sh DATA_FOLDER [SECONDS]
source "$(dirname "$0")/lib.sh"
data="$1"; seconds="${2:-20}"; port=5182
RUNNER="dotnet $ROOT/tests/load/LoadRunner/bin/Release/net10.0/LoadRunner.dll"
echo "== SIGKILL during intake"
start_app "$data" $port
rm -f "$OUT/acked-kill.txt"
$RUNNER intake --base "http://127.0.0.1:$port" --seconds "$seconds" --connections 32 --acked "$OUT/acked-kill.txt" --tolerate-failures true >"$OUT/kill-intake.txt" &
runner=$!
# The runner needs a moment to start on a busy machine: kill once registrations are flowing (at most 60 s of waiting).
for _ in $(seq 1 240); do
  [ -f "$OUT/acked-kill.txt" ] && [ "$(wc -l <"$OUT/acked-kill.txt")" -ge 50 ] && break
  sleep 0.25
done
sleep "$(( seconds / 3 ))"
kill -9 "$APP_PID"
acked=$(wc -l <"$OUT/acked-kill.txt" 2>/dev/null || echo 0)
echo "killed app (pid $APP_PID) mid-intake with $acked complaints acknowledged" | tee -a "$OUT/results.txt"
wait "$runner" 2>/dev/null || true
if [ "$acked" -eq 0 ]; then
  echo "no complaint was acknowledged before the kill: the crash test proved nothing" >&2
  exit 1
fi
start_app "$data" $port
sleep 3   # let the clock service run a tick over the recovered database
stop_app "$APP_PID"
$RUNNER verify --db "$data/complaintdesk.db" --acked "$OUT/acked-kill.txt" | tee -a "$OUT/results.txt"
