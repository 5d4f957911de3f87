#!/usr/bin/env bash
# Intake through the API at 32 concurrent writers, beside a POST that binds and validates the same body
# and stores nothing (/api/v1/complaints/validate). Usage: tests/load/bench-intake.sh BASE_URL [DURATION]
source "$(dirname "$0")/lib.sh"
need wrk wrk
base="$1"; duration="${2:-20s}"
token=$(api_token "$base" clerk)
body="$OUT/register.json"
cat >"$body" <<'JSON'
{"complainantName":"压测业主","complainantKind":"Owner","phone":"13912345678","projectId":1,"location":"3栋1201",
 "channel":"Phone","topicId":1,"content":"压力测试：楼道灯不亮，已经三天。","cause":"ManagementService",
 "companyAtFault":false,"timesRaisedUnresolved":1,"complainantCount":1}
JSON
export WRK_METHOD=POST WRK_BODY_FILE="$body" WRK_HEADERS="Content-Type: application/json|Authorization: Bearer $token"
warm 32 "$base/api/v1/complaints/validate"
warm 32 "$base/api/v1/complaints"
bench "bind+validate, no store"   32 "$duration" "$base/api/v1/complaints/validate"
bench "intake POST /complaints"   32 "$duration" "$base/api/v1/complaints"
