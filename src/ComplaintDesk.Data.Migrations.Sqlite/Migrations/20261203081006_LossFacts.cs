using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LossFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "InjuryOrMajorEconomicLoss",
                table: "Complaints",
                newName: "LossIsMajor");

            migrationBuilder.AddColumn<bool>(
                name: "EconomicLoss",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Injury",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Hand-written (SQLite): the old question 是否造成人身伤害或重大经济损失 (now LossIsMajor by the rename) is read as
            // "an economic loss, and a major one", which gives every clause it gave before (docs/decisions, reading 5).
            migrationBuilder.Sql(@"UPDATE ""Complaints"" SET ""EconomicLoss"" = ""LossIsMajor"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written (SQLite): back to the single question, injury or a major economic loss.
            migrationBuilder.Sql(@"UPDATE ""Complaints"" SET ""LossIsMajor"" = CASE WHEN ""Injury"" <> 0 OR (""EconomicLoss"" <> 0 AND ""LossIsMajor"" <> 0) THEN 1 ELSE 0 END;");

            migrationBuilder.DropColumn(
                name: "EconomicLoss",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Injury",
                table: "Complaints");

            migrationBuilder.RenameColumn(
                name: "LossIsMajor",
                table: "Complaints",
                newName: "InjuryOrMajorEconomicLoss");
        }
    }
}
