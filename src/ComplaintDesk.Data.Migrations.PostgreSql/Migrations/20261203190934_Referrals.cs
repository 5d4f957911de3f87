using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ComplaintDesk.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_CompletionDue",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Referral_ExtensionsApproved",
                table: "Complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Referral_ExtensionsRequested",
                table: "Complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_FirstFeedbackAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_FirstFeedbackDue",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Referral_FirstFeedbackNote",
                table: "Complaints",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_PendingCompletionDue",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Referral_PendingReason",
                table: "Complaints",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Referral_PendingRequest",
                table: "Complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_PendingRequestedAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_ReceivedAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_RecordedAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Referral_ReplyById",
                table: "Complaints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Referral_ReplyByName",
                table: "Complaints",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_ReplySentAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Referral_ReplyText",
                table: "Complaints",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_ReturnedAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Referral_Satisfaction",
                table: "Complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_SatisfactionAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_SignForDue",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Referral_SignedForAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Referral_SourceId",
                table: "Complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Referral_SourceName",
                table: "Complaints",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Referral_TicketNumber",
                table: "Complaints",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReferralSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SignForHours = table.Column<int>(type: "integer", nullable: true),
                    FirstFeedbackHours = table.Column<int>(type: "integer", nullable: true),
                    CompletionHours = table.Column<int>(type: "integer", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralSources", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ReferralSources",
                columns: new[] { "Id", "CompletionHours", "FirstFeedbackHours", "IsActive", "Name", "SignForHours" },
                values: new object[,]
                {
                    { 1, 120, 24, true, "12345 热线", 2 },
                    { 2, 360, 48, true, "住建部门", 24 },
                    { 3, 168, 48, true, "街道/社区", 24 },
                    { 4, null, null, true, "其他", null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralSources_Name",
                table: "ReferralSources",
                column: "Name",
                unique: true);

            // The seeded sources took ids 1–4 explicitly: the identity sequence must hand out 5 next.
            migrationBuilder.Sql("SELECT setval(pg_get_serial_sequence('\"ReferralSources\"', 'Id'), 4)");

            // Not in the model (EF Core cannot index a complex property's columns yet; docs/decisions/0013-referrals.md): a
            // referring body's ticket number is on one complaint only, and the monthly report cuts referrals by receipt.
            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Referral_SourceId_Referral_TicketNumber",
                table: "Complaints",
                columns: new[] { "Referral_SourceId", "Referral_TicketNumber" },
                unique: true,
                filter: "\"Referral_SourceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Referral_ReceivedAt",
                table: "Complaints",
                columns: new[] { "Referral_ReceivedAt", "ProjectId", "Referral_SourceId" },
                filter: "\"Referral_ReceivedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Complaints_Referral_SourceId_Referral_TicketNumber", table: "Complaints");

            migrationBuilder.DropIndex(name: "IX_Complaints_Referral_ReceivedAt", table: "Complaints");

            migrationBuilder.DropTable(
                name: "ReferralSources");

            migrationBuilder.DropColumn(
                name: "Referral_CompletionDue",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_ExtensionsApproved",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_ExtensionsRequested",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_FirstFeedbackAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_FirstFeedbackDue",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_FirstFeedbackNote",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_PendingCompletionDue",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_PendingReason",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_PendingRequest",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_PendingRequestedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_ReceivedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_RecordedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_ReplyById",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_ReplyByName",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_ReplySentAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_ReplyText",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_ReturnedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_Satisfaction",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_SatisfactionAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_SignForDue",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_SignedForAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_SourceId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_SourceName",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Referral_TicketNumber",
                table: "Complaints");
        }
    }
}
