using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FollowUpNotByResolver",
                table: "ProcedureSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "FollowUpSecondAfterDissatisfied",
                table: "ProcedureSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "FollowUpSeniorForMajorAndImportant",
                table: "ProcedureSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "FollowUpUnreachableOnDifferentDays",
                table: "ProcedureSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AttemptedAt",
                table: "FollowUps",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "PhoneCalled",
                table: "FollowUps",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsSecondFollowUp",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedById",
                table: "Complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.UpdateData(
                table: "ProcedureSettings",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "FollowUpNotByResolver", "FollowUpSecondAfterDissatisfied", "FollowUpSeniorForMajorAndImportant", "FollowUpUnreachableOnDifferentDays" },
                values: new object[] { true, true, true, true });

            // Backfills (docs/decisions/0010): a follow-up was made when it was recorded; the resolver is the actor of the
            // last 处理完成 in the timeline (TimelineKind.Resolved = 6); a complaint reopened by a dissatisfied follow-up
            // (FollowUpOutcome.Dissatisfied = 2) and not closed since (InProgress, OnHold, Resolved) awaits a second one.
            migrationBuilder.Sql(@"UPDATE ""FollowUps"" SET ""AttemptedAt"" = ""At"";");
            migrationBuilder.Sql(@"UPDATE ""Complaints"" SET ""ResolvedById"" = (SELECT t.""ActorId"" FROM ""TimelineEntries"" t WHERE t.""ComplaintId"" = ""Complaints"".""Id"" AND t.""Kind"" = 6 ORDER BY t.""Id"" DESC LIMIT 1) WHERE ""ResolvedAt"" IS NOT NULL;");
            migrationBuilder.Sql(@"UPDATE ""Complaints"" SET ""NeedsSecondFollowUp"" = 1 WHERE ""LastFollowUpOutcome"" = 2 AND ""Status"" IN (1, 2, 3);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowUpNotByResolver",
                table: "ProcedureSettings");

            migrationBuilder.DropColumn(
                name: "FollowUpSecondAfterDissatisfied",
                table: "ProcedureSettings");

            migrationBuilder.DropColumn(
                name: "FollowUpSeniorForMajorAndImportant",
                table: "ProcedureSettings");

            migrationBuilder.DropColumn(
                name: "FollowUpUnreachableOnDifferentDays",
                table: "ProcedureSettings");

            migrationBuilder.DropColumn(
                name: "AttemptedAt",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "PhoneCalled",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "NeedsSecondFollowUp",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ResolvedById",
                table: "Complaints");
        }
    }
}
