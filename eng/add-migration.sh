#!/usr/bin/env bash
# Adds a migration of the same name to every provider's set: SQLite, SQL Server, PostgreSQL (style.md: one commit).
# Usage: eng/add-migration.sh Name        (or --reset Name: drop every set and start again from one migration,
#                                          allowed only while nothing has been deployed)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--reset" ]; then
  shift
  rm -rf src/ComplaintDesk.Data.Migrations.Sqlite/Migrations src/ComplaintDesk.Data.Migrations.SqlServer/Migrations \
    src/ComplaintDesk.Data.Migrations.PostgreSql/Migrations
fi
name=${1:?migration name}
dotnet tool restore >/dev/null
for p in Sqlite SqlServer PostgreSql; do
  dotnet build -v q "src/ComplaintDesk.Data.Migrations.$p" >/dev/null
  dotnet ef migrations add "$name" \
    --project "src/ComplaintDesk.Data.Migrations.$p" \
    --startup-project "src/ComplaintDesk.Data.Migrations.$p" \
    --context ComplaintDeskDbContext --output-dir Migrations
done
