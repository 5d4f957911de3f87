using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TimelineResolutionDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The month-end figures are now computed as of each cut from the timeline (issue 16): stored report snapshots
            // hold the old figures under versions that have not changed, so they go and are recomputed on demand.
            migrationBuilder.Sql("DELETE FROM \"ReportSnapshots\";");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_RegisteredAt_Report",
                table: "Complaints");

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionDue",
                table: "TimelineEntries",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RegisteredAt_Report",
                table: "Complaints",
                columns: new[] { "RegisteredAt", "ProjectId", "Type", "Severity", "TopicId", "Channel", "DepartmentId", "DispatchedOnTime", "IsGroup", "ClosedAt", "IsRepeat", "IsGovernmentReferral", "ReopenCount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_RegisteredAt_Report",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ResolutionDue",
                table: "TimelineEntries");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RegisteredAt_Report",
                table: "Complaints",
                columns: new[] { "RegisteredAt", "ProjectId", "Type", "Severity", "TopicId", "Channel", "DepartmentId", "DispatchedOnTime", "IsGroup", "ClosedAt", "IsRepeat", "IsGovernmentReferral" });
        }
    }
}
