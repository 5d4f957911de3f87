#!/usr/bin/env bash
# Server time (Server-Timing: app;dur=) of the monthly report through the app itself, on a database made by
# `ComplaintDesk.Web generate`. Usage (docs/performance.md, "Monthly report"):
#   tests/ComplaintDesk.Benchmarks/report-http.sh /tmp/rs-1m 2026-10 2026-11
# Needs a user "bench" with the Manager role and password Bench@2026pass in that database (see the doc).
set -euo pipefail
cd "$(dirname "$0")/../.."
folder=${1:?data folder}; past=${2:?past month yyyy-MM}; running=${3:?running month yyyy-MM}
port=${PORT:-5199}; runs=${RUNS:-7}
db="$folder/complaintdesk.db"
export App__DataFolder="$folder" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Jwt__SigningKey=${Jwt__SigningKey:-reportspeed-benchmark-signing-key-0123456789} Serilog__MinimumLevel__Default=Warning
dotnet src/ComplaintDesk.Web/bin/Release/net10.0/ComplaintDesk.Web.dll >/tmp/report-http-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break; sleep 0.5; done
token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"userName":"bench","password":"Bench@2026pass"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
timing() { # prints the app;dur of one request
  curl -s -o /dev/null -D - -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/reports/monthly?$1" \
    | tr -d '\r' | sed -n 's/^[Ss]erver-[Tt]iming: app;dur=//p'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " ms (min " a[1] ", max " a[NR] ", n=" NR ")"}'; }
timing "month=$past" >/dev/null   # JIT, connection pool, policies
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo -n "cold, $past company-wide (no snapshots: 3 months of figures + 10 trend points): "
for _ in $(seq "$runs"); do sqlite3 -cmd ".timeout 10000" "$db" "DELETE FROM ReportSnapshots;"; timing "month=$past"; done | median
echo -n "warm, $past company-wide (every part from snapshots): "
for _ in $(seq "$runs"); do timing "month=$past"; done | median
echo -n "cold, $past project 1: "
for _ in $(seq "$runs"); do sqlite3 -cmd ".timeout 10000" "$db" "DELETE FROM ReportSnapshots WHERE ScopeKey='p:1';"; timing "month=$past&projectId=1"; done | median
echo -n "warm, $past project 1: "
for _ in $(seq "$runs"); do timing "month=$past&projectId=1"; done | median
timing "month=$running" >/dev/null
echo -n "$running after a change in it (its figures recomputed, the rest from snapshots): "
key=$(date -u +%Y-%m)
for _ in $(seq "$runs"); do
  sqlite3 -cmd ".timeout 10000" "$db" "INSERT INTO ReportMonthVersions(Month, Stamp) VALUES('$key', abs(random())) ON CONFLICT(Month) DO UPDATE SET Stamp=abs(random());"
  timing "month=$running"
done | median
echo -n "warm, $running: "
for _ in $(seq "$runs"); do timing "month=$running"; done | median
sqlite3 -cmd ".timeout 10000" "$db" "DELETE FROM ReportSnapshots;"
total=0; list=""
for i in $(seq 11 -1 0); do
  m=$(date -u -d "${running}-01 -$i month" +%Y-%m)
  t=$(timing "month=$m"); list="$list $t"; total=$(awk -v a="$total" -v b="$t" 'BEGIN {print a + b}')
done
echo "12-month view from nothing (the 12 monthly reports up to $running, one after another): total $total ms:$list"
total=0
for i in $(seq 11 -1 0); do
  m=$(date -u -d "${running}-01 -$i month" +%Y-%m)
  t=$(timing "month=$m"); total=$(awk -v a="$total" -v b="$t" 'BEGIN {print a + b}')
done
echo "12-month view again (warm): total $total ms"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
