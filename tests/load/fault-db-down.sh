#!/usr/bin/env bash
# The database unreachable: pages answer a clear Chinese error page, /health/ready fails, nothing
# half-written; the app recovers by itself when the database is back.
# Usage: tests/load/fault-db-down.sh DATA_FOLDER
source "$(dirname "$0")/lib.sh"
data="$1"; port=5186; base="http://127.0.0.1:$port"
echo "== database unreachable"
# Pooled SQLite connections keep the old file open, so this run opens the file per connection and never
# creates a missing one: the file going away is then what a lost database server is to the app.
start_app "$data" $port "ConnectionStrings__ComplaintDesk=Data Source=$data/complaintdesk.db;Mode=ReadWrite;Pooling=False;Default Timeout=5"
cookie=$(sign_in "$base" manager)
mv "$data/complaintdesk.db" "$data/complaintdesk.db.away"
sleep 1
ready=$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")
page=$(curl -s -w '\n%{http_code}' -H "Cookie: $cookie" "$base/Complaints")
mv "$data/complaintdesk.db.away" "$data/complaintdesk.db"
sleep 1
back=$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")
list=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/Complaints")
stop_app "$APP_PID"
code=$(tail -n1 <<<"$page")
grep -q "数据库暂时无法访问" <<<"$page" && message=yes || message=no
echo "RESULT db-down ready=$ready page=$code chinese-message=$message ready-after=$back list-after=$list" | tee -a "$OUT/results.txt"
[ "$ready" = 503 ] && [ "$code" = 503 ] && [ "$message" = yes ] && [ "$back" = 200 ] && [ "$list" = 200 ]
