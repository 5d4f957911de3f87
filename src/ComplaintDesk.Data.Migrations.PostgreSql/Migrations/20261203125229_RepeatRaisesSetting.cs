using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RepeatRaisesSetting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RepeatRaises",
                table: "ProcedureSettings",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.UpdateData(
                table: "ProcedureSettings",
                keyColumn: "Id",
                keyValue: 1,
                column: "RepeatRaises",
                value: 2);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RepeatRaises",
                table: "ProcedureSettings");
        }
    }
}
