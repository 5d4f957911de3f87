using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ManagerBadgeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_EscalationEvents_AcknowledgedAt_Kind_ProjectId",
                table: "EscalationEvents",
                columns: new[] { "AcknowledgedAt", "Kind", "ProjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EscalationEvents_AcknowledgedAt_Kind_ProjectId",
                table: "EscalationEvents");
        }
    }
}
