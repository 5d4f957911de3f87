using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class I19PortableIndexFilter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_ClockDueAt",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ClockDueAt",
                table: "Complaints",
                column: "ClockDueAt",
                filter: "\"ClockDueAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_ClockDueAt",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ClockDueAt",
                table: "Complaints",
                column: "ClockDueAt",
                filter: "[ClockDueAt] IS NOT NULL");
        }
    }
}
