using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "Complaints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OwnerName",
                table: "Complaints",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            // 首问负责制: every complaint registered so far is owned by who registered it (no hand-over existed).
            migrationBuilder.Sql(@"UPDATE ""Complaints"" SET ""OwnerId"" = ""RegisteredById"", ""OwnerName"" = ""RegisteredByName"";");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OwnerId_Id",
                table: "Complaints",
                columns: new[] { "OwnerId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_OwnerId_Id",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "OwnerName",
                table: "Complaints");
        }
    }
}
