#!/usr/bin/env bash
# Runs the in-process web tests on PostgreSQL: starts a throwaway cluster (eng/postgres.sh) unless one already runs
# on the port, runs tests/ComplaintDesk.Web.Tests with COMPLAINTDESK_TEST_POSTGRES set, and stops the cluster it
# started, even when a test fails. Extra arguments go to `dotnet test` (e.g. --no-build, --filter "...").
set -euo pipefail
cd "$(dirname "$0")/.."
if eng/postgres.sh status; then
  connection=$(eng/postgres.sh start)
else
  trap 'eng/postgres.sh stop' EXIT
  connection=$(eng/postgres.sh start)
fi
COMPLAINTDESK_TEST_POSTGRES="$connection" dotnet test tests/ComplaintDesk.Web.Tests "$@"
