using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I18TextInCharacters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
