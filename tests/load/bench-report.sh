#!/usr/bin/env bash
# The monthly report's server time (Server-Timing header): this month, last month, and the 12-month view.
# Usage: tests/load/bench-report.sh BASE_URL
source "$(dirname "$0")/lib.sh"
base="$1"
cookie=$(sign_in "$base" manager)
this=$(TZ=Asia/Shanghai date +%Y-%m)
last=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-15) -1 month" +%Y-%m)
timing() { # timing URL: median server time of 7 requests (the first is a warm-up)
  local times=()
  for i in $(seq 1 8); do
    t=$(curl -fs -o /dev/null -D - -H "Cookie: $cookie" "$1" | tr -d '\r' | sed -n 's/^[Ss]erver-[Tt]iming: app;dur=\([0-9.]*\).*/\1/p')
    [ "$i" -gt 1 ] && times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median=%.1fms min=%.1fms max=%.1fms", a[int((NR+1)/2)], a[1], a[NR]}'
}
for m in "$this" "$last"; do
  printf '%-28s %s\n' "report $m (page)" "$(timing "$base/Reports/Monthly?month=$m")" | tee -a "$OUT/results.txt"
done
printf '%-28s %s\n' "report 12-month view" "$(timing "$base/Reports/Monthly?month=$last&view=trend")" | tee -a "$OUT/results.txt"
