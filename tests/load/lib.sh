# Shared functions of the load scripts: build, start and stop the app, sign in, run wrk, read memory.
# Source it; every function prints what it measures. Loopback only.
set -euo pipefail
LOAD_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$LOAD_DIR/../.." && pwd)"
OUT="${OUT:-$LOAD_DIR/out}"
mkdir -p "$OUT"
APP_DLL="$ROOT/src/ComplaintDesk.Web/bin/Release/net10.0/ComplaintDesk.Web.dll"
PASSWORD="Demo@2026"
JWT_KEY="load-test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz"

# Everything a script starts is stopped when it ends, whatever way it ends.
STARTED_PIDS=()
NGINX_CONF=""
cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$NGINX_CONF" ] && [ -f "$OUT/nginx.pid" ]; then nginx -c "$NGINX_CONF" -s stop 2>/dev/null || true; fi
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "missing $1: apt-get install -y $2" >&2; exit 1; }; }

build_release() {
  echo "== building Release"
  dotnet build "$ROOT/src/ComplaintDesk.Web" -c Release -v q -nologo >/dev/null
}

# app_env DATA_FOLDER: the environment the app runs with under load (Release, its own data folder,
# demo accounts seeded, limits raised for the load rig, plain HTTP on loopback).
app_env() {
  echo "ASPNETCORE_ENVIRONMENT=Load App__DataFolder=$1 App__SeedDemoData=true App__SecureCookies=false" \
       "Jwt__SigningKey=$JWT_KEY Api__RequestsPerMinute=100000000 Api__TokenRequestsPerMinute=10000" \
       "Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__Microsoft.AspNetCore=Warning" \
       "Escalations__ClockEnabled=${CLOCK_ENABLED:-true}"
}

# start_app DATA_FOLDER PORT [extra env...]: starts the app in the background, waits until ready, sets APP_PID.
start_app() {
  local data="$1" port="$2"; shift 2
  mkdir -p "$data"
  if curl -fs -o /dev/null "http://127.0.0.1:$port/health/live" 2>/dev/null; then
    echo "port $port already answers: stop what runs there first" >&2
    return 1
  fi
  ( cd "$ROOT/src/ComplaintDesk.Web" && env $(app_env "$data") "$@" \
      dotnet "$APP_DLL" --urls "http://127.0.0.1:$port" >"$OUT/app-$port.log" 2>&1 ) &
  APP_PID=$!
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
      APP_PID=$(pgrep -f "ComplaintDesk.Web.dll --urls http://127.0.0.1:$port" | head -n1)
      STARTED_PIDS+=("$APP_PID")
      echo "== app ready on :$port (pid $APP_PID)"
      return 0
    fi
    sleep 0.5
  done
  echo "app on :$port did not become ready; log:" >&2
  tail -n 40 "$OUT/app-$port.log" >&2
  return 1
}

stop_app() { # stop_app PID: stops the app and waits until it has gone
  [ -n "${1:-}" ] || return 0
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

# sign_in BASE USER: prints the auth cookie header value for the user.
sign_in() {
  local base="$1" user="$2" jar token
  jar=$(mktemp)
  token=$(curl -fs -c "$jar" "$base/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n1)
  curl -fs -b "$jar" -c "$jar" -o /dev/null -X POST "$base/Account/Login" \
    --data-urlencode "UserName=$user" --data-urlencode "Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$token"
  awk '$6 ~ /^ComplaintDesk\./ { printf "%s=%s; ", $6, $7 }' "$jar"
  rm -f "$jar"
}

# api_token BASE USER: prints a bearer token.
api_token() {
  curl -fs -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"userName\":\"$2\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}

# bench NAME CONNECTIONS DURATION URL [wrk args...]: runs wrk and prints one RESULT line.
bench() {
  local name="$1" conns="$2" duration="$3" url="$4"; shift 4
  local line
  line=$(wrk -t2 -c"$conns" -d"$duration" --latency -s "$LOAD_DIR/report.lua" "$@" "$url" | grep '^RESULT')
  printf '%-28s %s load=%s\n' "$name" "${line#RESULT }" "$(load_avg)" | tee -a "$OUT/results.txt"
}

# warm CONNECTIONS URL [wrk args...]: a few seconds of the same requests first, unmeasured (the JIT's tiers, pools, caches).
warm() {
  local conns="$1" url="$2"; shift 2
  wrk -t2 -c"$conns" -d"${WARM:-3s}" -s "$LOAD_DIR/report.lua" "$@" "$url" >/dev/null 2>&1 || true
}

# load_avg: the 1-minute load average, printed beside every figure (other work on the machine skews them).
load_avg() { cut -d' ' -f1 /proc/loadavg; }

# rss_mb PID: resident memory of the app in MB.
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2/1024 }' "/proc/$1/status"; }
