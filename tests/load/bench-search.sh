#!/usr/bin/env bash
# Issue 14: each kind of search on the list page (phone, its last 4, number, month prefix, room, name, a common word,
# a rare word, a word that matches nothing, two words) beside the trivial page (/About) in the same run, 16
# connections. The values are read from one generated complaint through the API, so they exist in the data.
# Usage: tests/load/bench-search.sh BASE_URL [DURATION]   (the app must be running; run-all.sh starts it)
source "$(dirname "$0")/lib.sh"
need wrk wrk
base="$1"; duration="${2:-20s}"
cookie=$(sign_in "$base" manager)
H=(-H "Cookie: $cookie")
bearer=$(api_token "$base" manager)
newest=$(curl -fs "$base/api/v1/complaints?pageSize=1" -H "Authorization: Bearer $bearer" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["items"][0]["id"] if d["items"] else 0)')
sample=$(( newest > 1000 ? newest / 2 : 1 ))
# One line per search: its name and its encoded query string.
mapfile -t searches < <(curl -fs "$base/api/v1/complaints/$sample" -H "Authorization: Bearer $bearer" | python3 -c '
import json, re, sys, urllib.parse
c = json.load(sys.stdin)
room = re.match(r"\d+栋\d+单元\d+", c["location"])
q = lambda s: "/Complaints?q=" + urllib.parse.quote(s)
digits = re.sub(r"\D", "", c["phone"])
rows = [
  ("search phone", q(c["phone"])),
  ("search phone last 4", q(digits[-4:])),
  ("search number", q(c["number"])),
  ("search number month", q(c["number"][:8])),
  ("search room", q(room.group(0) if room else c["location"])),
  ("search name", q(c["complainantName"])),
  ("search common word", q("电梯")),
  ("search rare word", q("承重墙")),
  ("search no match", q("火星基地")),
  ("search two words", q("漏水 三天")),
]
for name, url in rows:
  print(name + "\t" + url)
')
for row in "${searches[@]}"; do warm 16 "$base${row#*$'\t'}" "${H[@]}"; done
warm 16 "$base/About" "${H[@]}"
bench "trivial page /About" 16 "$duration" "$base/About" "${H[@]}"
for row in "${searches[@]}"; do
  bench "${row%%$'\t'*}" 16 "$duration" "$base${row#*$'\t'}" "${H[@]}"
done
