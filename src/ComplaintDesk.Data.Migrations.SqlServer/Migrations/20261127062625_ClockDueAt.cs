using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ClockDueAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClockDueAt",
                table: "Complaints",
                type: "datetime2",
                nullable: true);

            // Every complaint still running (not Closed = 4 or Withdrawn = 5) is looked at by the clock's next run,
            // which records what is due and sets its next look.
            migrationBuilder.Sql("UPDATE [Complaints] SET [ClockDueAt] = [RegisteredAt] WHERE [Status] NOT IN (4, 5)");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ClockDueAt",
                table: "Complaints",
                column: "ClockDueAt",
                filter: "[ClockDueAt] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_ClockDueAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ClockDueAt",
                table: "Complaints");
        }
    }
}
