#!/usr/bin/env bash
# Read paths at scale: the complaint list (first page, a deep keyset page, a filtered page) and the detail
# page, each beside the trivial page (/About: layout, no database) in the same run, 16 connections.
# Usage: tests/load/bench-read.sh BASE_URL [DURATION]   (the app must be running; run-all.sh starts it)
source "$(dirname "$0")/lib.sh"
need wrk wrk
base="$1"; duration="${2:-20s}"
cookie=$(sign_in "$base" manager)
H=(-H "Cookie: $cookie")
deep_id=$(curl -fs "${H[@]}" "$base/api/v1/complaints?pageSize=1" -H "Authorization: Bearer $(api_token "$base" manager)" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["items"][0]["id"] if d["items"] else 0)' 2>/dev/null || echo 0)
deep=$(( deep_id > 100000 ? deep_id - 100000 : deep_id / 2 ))
detail=$(( deep_id > 0 ? deep_id - 7 : 1 ))

for url in /About /Complaints "/Complaints?after=$deep" "/Complaints?type=A&status=Closed&project=3" "/Complaints/$detail"; do
  warm 16 "$base$url" "${H[@]}"
done
bench "trivial page /About"       16 "$duration" "$base/About" "${H[@]}"
bench "list first page"           16 "$duration" "$base/Complaints" "${H[@]}"
bench "list deep page (keyset)"   16 "$duration" "$base/Complaints?after=$deep" "${H[@]}"
bench "list filtered"             16 "$duration" "$base/Complaints?type=A&status=Closed&project=3" "${H[@]}"
bench "complaint detail"          16 "$duration" "$base/Complaints/$detail" "${H[@]}"
